"""The editors' guides (docs/redaktoer.md, docs/editors.md) cannot drift from the tool.

Every example in them is marked with what it does, in an HTML comment before it (not shown
when the guide is read), and this test does it, in order, to a copy of the site:

- ``append FILE`` adds the YAML to the end of a data file (``; needs PATH`` first makes that file);
- ``replace "TEXT" in FILE`` puts the YAML in place of the first line(s) equal to TEXT;
- ``write FILE`` writes the Markdown as that file;
- ``shell`` runs each ``python -m boligdialog …`` line of the block, which must succeed;
- ``mistake "OLD" -> "NEW" in FILE`` makes that mistake in a fresh copy and compares the check's
  lines, in the guide's language, with the ``text`` block that follows;
- ``not run (why)`` marks a block that is not tried, and says why.

Then the copy is built with ``mkdocs build --strict``. A YAML, Markdown or shell block without
a mark fails the test, so no example goes untried.

It all runs on the day the test runs, as an editor reading the guide would do it: the guide's
meeting lies in the past (it can be marked held and get its report), its next meeting and
consultation in the future until they pass, and what the test looks for on the site holds on
any later day too.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from boligdialog.editors.scaffold import append_entry
from conftest import ROOT, build, copy_project, edit
from htmlpage import main_text, soup

TODAY = int(time.time())
"""``SOURCE_DATE_EPOCH`` of every command and build: the day the test runs."""

GUIDES = {"docs/redaktoer.md": "da", "docs/editors.md": "en"}
MARK = re.compile(r"<!-- example: (?P<what>.*?) -->\s*\n(?:\s*\n)*```(?P<lang>\w+)\n(?P<body>.*?)```", re.S)
BLOCK = re.compile(r"```(\w+)\n")


@dataclass
class Example:
    what: str
    lang: str
    body: str


def examples(guide: str) -> list[Example]:
    text = (ROOT / guide).read_text(encoding="utf-8")
    found = [Example(m.group("what"), m.group("lang"), m.group("body")) for m in MARK.finditer(text)]
    marked = sum(1 for m in BLOCK.finditer(text) if m.group(1) != "text")
    assert marked == len([e for e in found if e.lang != "text"]), f"{guide}: a code block has no example mark"
    return found


def quoted(text: str) -> str:
    return text.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")


def run(project: Path, lang: str, args: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, BOLIGDIALOG_LANG=lang, SOURCE_DATE_EPOCH=str(TODAY))
    return subprocess.run([sys.executable, *args], cwd=project, env=env, capture_output=True, text=True, timeout=300)


def apply(example: Example, project: Path, lang: str, tmp_path: Path) -> None:
    what = example.what
    if what.startswith("not run ("):
        return
    if what.startswith("mistake "):
        m = re.fullmatch(r'mistake "(.*)" -> "(.*)" in (\S+)', what)
        fresh = copy_project(tmp_path / f"mistake-{len(list(tmp_path.iterdir()))}")
        edit(fresh / m.group(3), quoted(m.group(1)), quoted(m.group(2)))
        result = run(fresh, lang, ["-m", "boligdialog", "check"])
        assert result.returncode == 1
        shown = [line.strip() for line in result.stderr.splitlines()[1:]]
        assert shown == example.body.strip().splitlines(), what
        return
    if what == "shell":
        for line in example.body.strip().splitlines():
            args = shlex.split(line)
            assert args[:3] == ["python", "-m", "boligdialog"], line
            result = run(project, lang, args[1:])
            assert result.returncode == 0, f"{line}\n{result.stdout}{result.stderr}"
        return
    if what.startswith("append "):
        file, _, needs = what.removeprefix("append ").partition("; needs ")
        if needs:
            (project / needs).parent.mkdir(parents=True, exist_ok=True)
            (project / needs).write_bytes(b"%PDF-1.4\n")
        path = project / file
        key = Path(file).stem
        if example.body.startswith("  - "):
            append_entry(path, key, example.body)
        else:  # more keys of the last entry
            path.write_text(path.read_text(encoding="utf-8") + example.body, encoding="utf-8")
        return
    if what.startswith("replace "):
        m = re.fullmatch(r'replace "(.*)" in (\S+)', what)
        edit(project / m.group(2), quoted(m.group(1)) + "\n", example.body)
        return
    if what.startswith("write "):
        path = project / what.removeprefix("write ")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(example.body, encoding="utf-8")
        return
    raise AssertionError(f"unknown example mark: {what!r}")


@pytest.mark.parametrize("guide", GUIDES)
def test_every_example_in_the_guide_works(guide, tmp_path):
    project = copy_project(tmp_path / "project")
    (tmp_path / "mistakes").mkdir()
    lang = GUIDES[guide]
    found = examples(guide)
    assert len(found) > 15
    for example in found:
        if example.lang != "text" or example.what.startswith("mistake "):  # a mistake's block is its text
            apply(example, project, lang, tmp_path / "mistakes")
    result = run(project, lang, ["-m", "boligdialog", "check"])
    assert result.returncode == 0, result.stderr
    result = build(project, epoch=TODAY)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    # what the examples added is on the site
    meeting = main_text(soup(site, "moeder/visionsforum-2026-1/"))
    assert "Referat" in meeting and "Mødet drøftede trafikken i Midtby" in meeting
    assert "Dagsorden" in main_text(soup(site, "moeder/visionsforum-2027-2/"))
    assert "Jane Jensen" in main_text(soup(site, "partnere/grundejerforeningen-syd/"))
    assert "Kommunen undersøger trafikken i Midtby" in meeting
    assert "Næste Visionsforum handler om renovering" in main_text(soup(site, "nyheder/"))


def test_the_guides_say_the_same_in_both_languages():
    """The same examples, in the same order (the messages in each guide's own language)."""
    da = [(e.what, e.body) for e in examples("docs/redaktoer.md") if e.lang not in ("text", "sh")]
    en = [(e.what, e.body) for e in examples("docs/editors.md") if e.lang not in ("text", "sh")
          and e.what != "write content/en/om.md"]
    assert [what for what, _ in da] == [what for what, _ in en]
