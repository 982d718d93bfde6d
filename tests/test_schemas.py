"""JSON Schemas of the data files (boligdialog/schemas.py): the shipped ones are what the model
makes now, every data file names its schema on its first line, and check-jsonschema (an
independent validator, not pydantic) accepts the data the check accepts and refuses the
mistakes the check refuses."""

from __future__ import annotations

import shutil
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest
from check_jsonschema import main as check_jsonschema_command
from click.testing import CliRunner
from pydantic import BaseModel

from boligdialog.model import records as model
from boligdialog.editors import schemas
from boligdialog.model.errors import ValidationFailed
from boligdialog.site.load import load_site
from boligdialog.editors.schemas import DATA_FILES
from conftest import ROOT, edit
from records_fixture import BUILD_DATE, add_records
from browser import TOOLS, require

AJV = TOOLS / "ajv-cli" / "dist" / "index.js"


def check_jsonschema(*args: str) -> subprocess.CompletedProcess:
    """Run check-jsonschema's command line in this process (click's test runner), as
    ``check-jsonschema ARGS`` would: its exit code and output."""
    result = CliRunner().invoke(check_jsonschema_command, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(["check-jsonschema", *args], result.exit_code, result.stdout, result.stderr)


def validate(project: Path) -> dict[str, str]:
    """check-jsonschema's complaints about each data file of ``project``, against the shipped
    schemas with the ids of ``project``'s data (as ``make schemas`` would write them)."""
    folder = project / "schemas"
    shutil.copytree(ROOT / "schemas", folder, dirs_exist_ok=True)
    (folder / schemas.IDS).write_text(schemas.render(schemas.ids_schema(schemas.read_ids(project))), encoding="utf-8")
    out = {}
    for name in DATA_FILES:
        schema = folder / schemas.schema_name(name)
        # the schemas' $id is their file name: relative to where they are read from (JSON Schema
        # 2020-12, 8.2.1), which check-jsonschema is told, as it takes the current folder otherwise
        result = check_jsonschema("--base-uri", schema.resolve().as_uri(), "--schemafile", str(schema),
                                  str(project / "data" / name))
        if result.returncode != 0:
            out[name] = result.stdout + result.stderr
    return out


def test_the_shipped_schemas_are_what_the_model_makes():
    """Only the model's part: schemas/ids.schema.json follows the data, and an editor who adds a
    theme in GitHub's web editor must not stop the publish (the check says when it is behind)."""
    stale = schemas.stale(ROOT, ids=False)
    assert stale == [], f"schemas/ {stale} are out of date: run `{schemas.COMMAND}` and commit them"


def test_every_data_file_names_its_schema_on_its_first_line():
    for name in DATA_FILES:
        first = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.split()[:3] == schemas.modeline(name).split(), name
        assert (ROOT / "data" / name).parent.joinpath(first.split("$schema=")[1].split()[0]).resolve() == \
            (ROOT / "schemas" / schemas.schema_name(name)).resolve()


def test_the_schemas_are_valid_json_schemas():
    result = check_jsonschema("--check-metaschema", *map(str, sorted((ROOT / "schemas").glob("*.json"))))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_shipped_and_the_fuller_data_are_valid(project):
    assert validate(project) == {}
    add_records(project)
    load_site(project, today=BUILD_DATE)
    assert validate(project) == {}


def test_every_field_that_names_another_record_is_an_id_of_that_kind():
    """A new id field (say, an agreement that replaces another) must say what it names (RefersTo)."""
    slug = schemas._validator(model.Id)

    def is_id(tp, metadata=()) -> bool:
        return any(getattr(m, "func", None) is slug for m in (*metadata, *typing.get_args(tp)[1:]))

    def id_fields(cls: type[BaseModel]):
        for name, field in cls.model_fields.items():
            tp = field.annotation
            tp = next((a for a in typing.get_args(tp) if a is not type(None)), tp) if typing.get_origin(tp) in (
                typing.Union, types.UnionType) else tp
            tp = typing.get_args(tp)[0] if typing.get_origin(tp) is list else tp
            if is_id(tp, field.metadata):
                yield cls, name
            elif isinstance(tp, type) and issubclass(tp, BaseModel):
                yield from id_fields(tp)

    found = {(cls, name) for root, _key in DATA_FILES.values() for cls, name in id_fields(root) if name != "id"}
    assert found == set(schemas.REFERENCES)


# Each mistake is refused by the check and by check-jsonschema; each control row by neither.
MISTAKES = [
    ("data/meetings.yaml", "themes: [midtby]", "themes: [midby]"),
    ("data/meetings.yaml", "state: held", "state: done"),
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-13"),
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-08-22 7pm"),
    ("data/meetings.yaml", "participants: about 20", "participants: many"),
    ("data/meetings.yaml", "    number: 1\n", "    number: 1\n    nmber: 2\n"),
    ("data/meetings.yaml", "    number: 1\n", "    number: first\n"),
    ("data/meetings.yaml", "    state: held\n", "    state: held\n    address: Nordmarks Allé 1, Albertslund\n"),
    ("data/meetings.yaml", "      - akb-albertslund\n", "      - akb\n"),
    ("data/meetings.yaml", "      da: 1. Visionsforum", '      da: "1. Vision\\nsforum"'),
    ("data/partners.yaml", "    classification: municipality", "    classification: kommune"),
    ("data/partners.yaml", "    classification: municipality\n", "    classification: municipality\n    website: x.dk\n"),
    ("data/partners.yaml", "    classification: homeowners_association\n", ""),
    ("data/partners.yaml", "agreement: aftale-2017\n        signatory: Steen", "agreement: aftale-2018\n        signatory: Steen"),
    ("data/themes.yaml", "  - id: midtby", "  - id: Midtby"),
    ("data/themes.yaml", "    title:\n      da: Udviklingen", "    title:\n      dk: Udviklingen"),
    ("data/agreements.yaml", "text: aftale/2017.md", "text: ../aftale.md"),
    ("data/agreements.yaml", "adopted: 2017-08", "adopted: august 2017"),
    # days that do not exist: caught while typing too
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-02-30"),
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-04-31 17:00"),
    ("data/partners.yaml", "        date: 2017-08\n        agreement: aftale-2017\n        signatory: Steen",
     "        date: 2100-02-29\n        agreement: aftale-2017\n        signatory: Steen"),
    ("data/decisions.yaml", "decisions:\n", "decisions:\n  - id: x\n    meeting: visionsforum-2017-1\n"
                                              "    text: Noget\n    owners: [kommunen]\n    status: open"),
]
CONTROLS = [
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-08-22 17:00\n    end: \"19:30\""),
    ("data/meetings.yaml", "participants: about 20", "participants: 34"),
    ("data/meetings.yaml", "start: 2017-08", "start: 2016-02-29"),
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-01-31 17:00\n    end: \"19:30\""),
    ("data/meetings.yaml", "    state: held\n", "    state: held\n    address: Nordmarks Allé 1, 2620 Albertslund\n"),
    ("data/decisions.yaml", "decisions:\n", "decisions:\n  - id: x\n    meeting: visionsforum-2017-1\n"
                                              "    text: Noget\n    owners: [va]\n    status: open\n    due: 2027"),
]


@pytest.mark.parametrize("file, old, new", MISTAKES, ids=[c[2][:40] for c in MISTAKES])
def test_a_mistake_is_refused_by_the_check_and_by_the_schema(project, file, old, new):
    edit(project / file, old, new)
    with pytest.raises(ValidationFailed):
        load_site(project)
    assert Path(file).name in validate(project)  # (a renamed id also breaks what names it)


@pytest.mark.parametrize("file, old, new", CONTROLS, ids=[c[2][:40] for c in CONTROLS])
def test_what_the_check_accepts_the_schema_accepts(project, file, old, new):
    edit(project / file, old, new)
    load_site(project)
    assert validate(project) == {}


def test_check_says_when_the_ids_are_out_of_date(project):
    shutil.copytree(ROOT / "schemas", project / "schemas")
    result = subprocess.run([sys.executable, "-m", "boligdialog", "check", str(project)], capture_output=True,
                            text=True)
    assert result.returncode == 0 and "ids.schema.json" not in result.stdout
    edit(project / "data/themes.yaml", "  - id: borgerdialog", "  - id: dialog")
    result = subprocess.run([sys.executable, "-m", "boligdialog", "check", str(project)], capture_output=True,
                            text=True)
    assert result.returncode == 0
    assert ("schemas/ids.schema.json does not list the ids in the data now, so editors' tools do not offer the "
            "newest; run make schemas and commit it") in result.stdout
    assert subprocess.run([sys.executable, "-m", "boligdialog", "schemas", str(project)]).returncode == 0
    assert '"dialog"' in (project / "schemas" / schemas.IDS).read_text(encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "boligdialog", "schemas", "--check", str(project)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def ajv(project: Path, name: str) -> subprocess.CompletedProcess:
    """ajv-cli, which finds references only by ``$id``, on ``data/<name>`` of ``project``."""
    require(AJV.is_file(), "ajv-cli")
    folder = project / "schemas"
    shutil.copytree(ROOT / "schemas", folder, dirs_exist_ok=True)
    (folder / schemas.IDS).write_text(schemas.render(schemas.ids_schema(schemas.read_ids(project))), encoding="utf-8")
    return subprocess.run(["node", str(AJV), "validate", "--spec=draft2020", "--strict=false", "--all-errors",
                           "-s", str(folder / schemas.schema_name(name)), "-r", str(folder / schemas.IDS),
                           "-d", str(project / "data" / name)], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("file, old, new", [
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-02-30"),
    ("data/meetings.yaml", "themes: [midtby]", "themes: [midby]"),
])
def test_ajv_finds_the_ids_by_their_id_and_refuses_what_the_check_refuses(project, file, old, new):
    for name in DATA_FILES:
        result = ajv(project, name)
        assert result.returncode == 0, result.stdout + result.stderr
    edit(project / file, old, new)
    result = ajv(project, Path(file).name)
    assert result.returncode == 1 and "/meetings/0/" in result.stdout + result.stderr


def test_every_pattern_has_a_danish_message():
    """VS Code shows patternErrorMessage instead of 'String does not match the pattern of "^(19|2…'."""
    def patterns(node):
        if isinstance(node, dict):
            if "pattern" in node:
                yield node
            for value in node.values():
                yield from patterns(value)
        elif isinstance(node, list):
            for value in node:
                yield from patterns(value)

    found = [node for name in DATA_FILES for node in patterns(schemas.file_schema(name))]
    assert len(found) > 20
    assert {n["patternErrorMessage"] for n in found} >= {
        "En dato, der findes: 2027-03-18, eller 2027-03, når kun måneden kendes, eller 2027",
        "Et id af små bogstaver a-z, tal og bindestreger, som forum-2027-1 (uden æ, ø, å, mellemrum og store "
        "bogstaver)"}
    assert all("[" not in n["patternErrorMessage"] for n in found)
