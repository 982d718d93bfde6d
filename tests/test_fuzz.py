"""Property tests: any value in any field of any data file or front matter, and any text
typed anywhere into those files, gives either a site or a list of ``file:line`` mistakes,
never an exception; and text from data reaches no output unescaped.

The examples start from the shipped project plus the fuller records (tests/records_fixture.py),
so every kind of record and front matter key is there to be broken. ``FUZZ_EXAMPLES`` scales
the number of examples (e.g. ``FUZZ_EXAMPLES=10`` for ten times as many).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort

from boligdialog.model.errors import ValidationFailed
from boligdialog.site.load import split_front_matter
from boligdialog.site.load import load_site
from conftest import build_here, copy_project
from records_fixture import BUILD_DATE, EPOCH, add_records

SCALE = int(os.environ.get("FUZZ_EXAMPLES", "1"))
CHECK_EXAMPLES = 200 * SCALE
BUILD_EXAMPLES = 10 * SCALE

TAG = '<q data-fuzz="1">'
"""Markup that must never reach an HTML or XML output as markup."""
PAYLOADS = [
    f"{TAG}x</q>",
    f'"><script>alert(1)</script>{TAG}',
    "[klik](javascript:alert(1))",
    "<!-- x --> ]]> &amp; &lt;",
    "{{ 7 * 7 }} {% if %}",
    "x\nBEGIN:FUZZ\nEND:VCALENDAR",
    "=HYPERLINK(\"http://x\")",
    "a\x00b\x02c\x1b",
    "\u2028\ufeff\u202e",
    "---\ntitle: x\n---",
    "*_`#|>",
]
SKIP_PARTS = (".git", "site")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("fuzz") / "project")
    add_records(project)
    load_site(project, today=BUILD_DATE)  # the starting point is valid
    return project


def editable_files(project: Path) -> list[str]:
    data = sorted(p.relative_to(project).as_posix() for p in (project / "data").glob("*.yaml"))
    pages = sorted(p.relative_to(project).as_posix() for p in (project / "content").rglob("*.md"))
    return data + pages


def read_document(project: Path, rel: str) -> tuple[Any, str]:
    """The YAML document of a data file, or a page's front matter and its body."""
    text = (project / rel).read_text(encoding="utf-8")
    if rel.endswith(".yaml"):
        return yaml.safe_load(text), ""
    src, body = split_front_matter(text, rel)
    return src.data or {}, body


def write_document(project: Path, rel: str, document: Any, body: str) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    if rel.endswith(".md"):
        text = f"---\n{text}---\n{body}"
    (project / rel).write_text(text, encoding="utf-8")


def positions(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a document: the whole, each key's value, each list item."""
    out = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            out += positions(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            out += positions(child, (*path, i))
    return out


DELETE = object()


def replaced(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return None if value is DELETE else value
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return document


texts = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
    st.sampled_from(PAYLOADS),
    st.builds(lambda piece, n: piece * n, st.sampled_from(["x", "<é>", "2017-08 "]), st.integers(500, 30_000)),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.dates(), st.datetimes(), texts)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.one_of(texts, st.sampled_from(["da", "en", "id", "date"])), inner,
                                        max_size=3), max_leaves=6)


@st.composite
def edits(draw: st.DrawFn, project: Path) -> list[tuple[str, Any, str]]:
    """One to three edits: a value put somewhere (or a key deleted), or text typed anywhere."""
    out = []
    for _ in range(draw(st.integers(1, 3))):
        rel = draw(st.sampled_from(editable_files(project)))
        if draw(st.booleans()):
            document, body = read_document(project, rel)
            path = draw(st.sampled_from(positions(document)))
            value = draw(st.one_of(values, st.just(DELETE)) if path else values)
            out.append((rel, ("value", path, value), body))
        else:
            text = (project / rel).read_text(encoding="utf-8")
            at = draw(st.integers(0, len(text)))
            out.append((rel, ("text", at, draw(texts)), ""))
    return out


def apply(project: Path, changes: list[tuple[str, Any, str]]) -> None:
    for rel, (kind, where, what), body in changes:
        if kind == "text":
            text = (project / rel).read_text(encoding="utf-8")
            where = min(where, len(text))
            (project / rel).write_text(text[:where] + what + text[where:], encoding="utf-8")
            continue
        try:
            document, body = read_document(project, rel)
            document = replaced(document, where, what)
        except (yaml.YAMLError, KeyError, IndexError, TypeError):  # an earlier edit broke the file
            continue
        write_document(project, rel, document, body)


def check_or_clear_errors(project: Path) -> bool:
    """``True`` if the project loads; otherwise every error names a real file and line."""
    try:
        load_site(project, today=BUILD_DATE)
    except ValidationFailed as exc:
        assert exc.errors
        for error in exc.errors:
            path = project / error.file
            assert path.exists() or path.is_symlink(), error
            lines = path.read_bytes().count(b"\n") + 1
            assert 1 <= error.line <= lines, (error, lines)
            assert error.message and "Traceback" not in error.message, error
        return False
    return True


def copy_of(base: Path, dest: Path) -> Path:
    shutil.copytree(base, dest, ignore=shutil.ignore_patterns(*SKIP_PARTS))
    return dest


@pytest.fixture(scope="module")
def scratch(base: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of what the check reads of ``base`` (data/ and content/): each example edits it
    and the files it edited are put back as in ``base`` afterwards."""
    project = tmp_path_factory.mktemp("fuzz-scratch")
    for part in ("data", "content"):
        shutil.copytree(base / part, project / part)
    return project


@settings(max_examples=CHECK_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_edit_gives_a_site_or_clear_mistakes(base: Path, scratch: Path, data: st.DataObject) -> None:
    changes = data.draw(edits(base))
    try:
        apply(scratch, changes)
        event("loads" if check_or_clear_errors(scratch) else "refused with file:line mistakes")
    finally:
        for rel in {rel for rel, _change, _body in changes}:
            shutil.copyfile(base / rel, scratch / rel)


def unescaped(site: Path) -> list[str]:
    """Places where a payload reached an output as markup (or as a calendar line of its own)."""
    found = []
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix not in (".html", ".xml", ".json", ".ics", ".txt", ".csv"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".ics":
            found += [f"{rel}: {line}" for line in text.splitlines() if line.startswith("BEGIN:FUZZ")]
        elif path.suffix == ".json":  # data, not markup: text is escaped right if the file parses
            try:
                json.loads(text)
            except ValueError as exc:
                found.append(f"{rel}: {exc}")
        elif path.suffix == ".csv":  # every row as wide as the header
            rows = list(csv.reader(io.StringIO(text, newline="")))
            found += [f"{rel}: row {i} has {len(row)} cells" for i, row in enumerate(rows) if len(row) != len(rows[0])]
        else:
            found += [f"{rel}: {marker}" for marker in (TAG, "<script>alert", 'href="javascript:')
                      if marker in text]
    return found


string_paths = st.sampled_from(["data/meetings.yaml", "data/partners.yaml", "data/themes.yaml",
                                "data/decisions.yaml", "data/agreements.yaml",
                                "content/referater/visionsforum-2027-1.md", "content/nyheder/ny-hjemmeside.md",
                                "content/aftale/2017.md"])


@settings(max_examples=BUILD_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_text_from_data_is_escaped_in_every_output(base: Path, data: st.DataObject) -> None:
    """Payloads in text fields: if the check accepts them, the build succeeds and no output
    carries them as markup; if not, the build stops with the same mistakes."""
    rel = data.draw(string_paths)
    document, body = read_document(base, rel)
    leaves = [p for p in positions(document) if p and isinstance(_at(document, p), str)
              and p[-1] not in ("id", "meeting", "approved_at", "reported_at", "status", "state",
                                "classification", "minutes", "start", "end", "date", "updated", "due", "path",
                                "page", "agreement")]
    paths = data.draw(st.lists(st.sampled_from(leaves), min_size=1, max_size=3, unique=True))
    payload = data.draw(st.sampled_from(PAYLOADS))
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_of(base, Path(tmp) / "p")
        for path in paths:
            document = replaced(document, path, payload)
        write_document(project, rel, document, body)
        if check_or_clear_errors(project):
            event("built")
            build_here(project, epoch=EPOCH)
            assert unescaped(project / "site") == []
        else:
            event("refused")
            with pytest.raises(Abort):
                build_here(project, epoch=EPOCH)


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        document = document[part]
    return document


def test_the_escape_check_can_fail(base: Path, tmp_path: Path) -> None:
    """The output scan finds a payload that is written out raw."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text(f"<p>{PAYLOADS[0]}</p>", encoding="utf-8")
    (site / "b.ics").write_text("BEGIN:VCALENDAR\r\nBEGIN:FUZZ\r\n", encoding="utf-8")
    assert unescaped(site) == [f"a.html: {TAG}", "b.ics: BEGIN:FUZZ"]
