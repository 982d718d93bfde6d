"""What a field refers to and what it means (boligdialog/model/fields.py), declared once in the
model and read from there by the check between files, the open data and the JSON Schemas."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import pytest
import yaml

from boligdialog.editors import schemas
from boligdialog.model import records
from boligdialog.model.fields import MARKUP, About, field_type
from boligdialog.model.records import DATA_FILES, DECISIONS, MEETINGS, Decision, MeetingId, Model
from boligdialog.model.yamlsource import parse
from boligdialog.outputs import opendata
from boligdialog.site import checks
from boligdialog.site.checks import Loaded
from conftest import ROOT


# --- references ----------------------------------------------------------------------------


def foreign_keys_by_field(tables: tuple[opendata.Table, ...]) -> dict[tuple[str, str], str]:
    """``(model, field) -> table`` from the open data's foreign keys that come from a model field
    (not a child table's key to its owner)."""
    return {(c.model, c.field): c.reference for table in tables for c in table.foreign_keys() if c.field}


def schema_references() -> dict[tuple[str, str], str]:
    """``(model, field) -> key`` from the shipped JSON Schemas' references into ids.schema.json."""
    out: dict[tuple[str, str], str] = {}
    for path in (ROOT / "schemas").glob("*.schema.json"):
        for cls, definition in json.loads(path.read_text(encoding="utf-8")).get("$defs", {}).items():
            for name, prop in definition.get("properties", {}).items():
                refs = [n.get("$ref", "") for n in (prop, prop.get("items", {}), *prop.get("anyOf", []))]
                key = next((r.rsplit("/", 1)[1] for r in refs if r.startswith(schemas.IDS)), None)
                if key:
                    out[(cls, name)] = key
    return out


def test_every_consumer_follows_the_model_s_references():
    """The table the model declares (``RefersTo`` in the types) is the one the open data's foreign
    keys, the shipped JSON Schemas and the checks use: none keeps a list of its own."""
    declared = {(cls.__name__, name): key for (cls, name), key in records.REFERENCES.items()}
    assert declared[("Decision", "owners")] == "partners" and len(declared) == 11
    assert foreign_keys_by_field(opendata.tables()) == declared
    assert schema_references() == {k: v for k, v in declared.items() if k[0] != "Page"}


class DecisionWithFollowUp(Decision):
    """A decision as a change to the model might make it: one more reference, declared once."""

    follow_up: Annotated[MeetingId | None, About("Mødet, hvor beslutningen følges op.",
                                                 "The meeting where the decision is followed up.")] = None


class DecisionsWithFollowUp(Model):
    decisions: list[DecisionWithFollowUp]


DATA = """\
meetings:
  - id: forum-1
    name: Forum
    start: 2020-01-02
    state: held
decisions:
  - id: d-1
    meeting: forum-1
    text: Noget
    owners: [p]
    status: open
    follow_up: forum-9
"""


def test_a_reference_added_in_the_model_reaches_the_check_the_open_data_and_the_schemas():
    # open data: a foreign key to the meetings
    columns = {c.name: c for c in opendata.model_columns(DecisionWithFollowUp, lists=[])}
    assert columns["follow_up"].reference == "meetings"
    assert columns["follow_up"].about == DecisionWithFollowUp.model_fields["follow_up"].metadata[-1]
    # JSON Schema: the ids of the meetings that exist, and the meaning in Danish
    prop = schemas.model_schema(DecisionsWithFollowUp)["$defs"]["DecisionWithFollowUp"]["properties"]["follow_up"]
    assert prop["anyOf"][0] == {"$ref": f"{schemas.IDS}#/$defs/meetings"}
    assert prop["description"] == "Mødet, hvor beslutningen følges op."
    # the check: an id that names no meeting is an error at its line
    src = parse(DATA, "data/test.yaml")
    data = {file: Loaded([], None) for file in DATA_FILES}
    data[MEETINGS] = Loaded([records.Meeting.model_validate(m) for m in src.data["meetings"]], src)
    data[DECISIONS] = Loaded([DecisionWithFollowUp.model_validate(d) for d in src.data["decisions"]], src)
    errors = [str(e) for e in checks.check(data, {}, {}, [], dt.date(2021, 1, 1)).errors]
    assert "data/test.yaml:12: decisions[0].follow_up: expected one of ['forum-1'] (meetings) but received " \
           "'forum-9'" in errors, errors
    assert not [e for e in errors if ".meeting:" in e]  # the known meeting is not one


def test_a_reference_to_no_data_file_is_refused():
    with pytest.raises(TypeError, match=r"Decision\.owners: RefersTo\('owner'\) names no data file"):
        records.check_references({(Decision, "owners"): "owner"})


# --- descriptions --------------------------------------------------------------------------


def forum_and_partner_names() -> set[str]:
    """Names that belong to the shipped partnership, not to the generator."""
    partners = yaml.safe_load((ROOT / "data/partners.yaml").read_text(encoding="utf-8"))["partners"]
    names = {"Albertslund", "Visionsforum"}
    return names | {p["short_name"] for p in partners if p.get("short_name")}


@pytest.mark.parametrize("cls", records.MODELS, ids=lambda cls: cls.__name__)
def test_every_public_field_says_what_it_means_in_both_languages_without_markup(cls):
    names = forum_and_partner_names()
    for name, info in cls.model_fields.items():
        about = field_type(info).about
        assert about is not None, f"{cls.__name__}.{name}: no About(da, en)"
        for lang in ("da", "en"):
            text = about.get(lang)
            assert text.strip() and text.endswith("."), (cls.__name__, name, lang)
            assert not MARKUP.search(text), (cls.__name__, name, lang, text)
            assert not [n for n in names if n in text], (cls.__name__, name, lang, text)
        assert about.da != about.en, (cls.__name__, name)


@pytest.mark.parametrize("text", ["The ``id``.", "See :mod:`x`.", "A `link`_.", "**bold**", "a <b>b</b>"])
def test_markup_is_recognised(text):
    assert MARKUP.search(text)


def test_plain_text_is_not_markup():
    assert not MARKUP.search("Hvor mange der deltog (»ca.« 20), præcist eller anslået: 3 < 4.")
