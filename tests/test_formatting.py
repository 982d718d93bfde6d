"""``python -m boligdialog format`` (boligdialog/editors/formatting.py): a file as the web editor
saves it is brought back to the form of the shipped files; a file in that form is left as it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from boligdialog.editors.cli import main, run_check
from boligdialog.editors.formatting import format_files, formatted
from boligdialog.editors.schemas import modeline
from boligdialog.model.records import DATA_FILES, MEETINGS, THEMES, DataFile, Meeting
from boligdialog.model.yamlsource import parse
from conftest import ROOT

SAVED_RECORD = """\
  - start: 2027-03-18 17:00
    number: 2
    themes:
      - midtby
    name:
      da: 2. Visionsforum
      en: 2nd Visionsforum
    agenda: []
    state: planned
    address: Nordmarks Allé 1, 2620 Albertslund
    location:
      da: Albertslund Rådhus
    files: []
    attended: []
    end: 19:30
    id: visionsforum-2027-1
    invited:
      - va
"""
"""A meeting as Decap CMS wrote it when tests/test_webeditor_browser.py added it through the
form: its keys in the order they were filled in, the form's empty lists, the time unquoted."""

HAND_RECORD = """\
  - id: visionsforum-2027-1
    number: 2
    name:
      da: 2. Visionsforum
      en: 2nd Visionsforum
    start: 2027-03-18 17:00
    end: 19:30
    location:
      da: Albertslund Rådhus
    address: Nordmarks Allé 1, 2620 Albertslund
    state: planned
    themes:
      - midtby
    invited:
      - va
"""
"""The same meeting as the guide has an editor write it: the model's order, no empty lists."""

MEETINGS_TEXT = (ROOT / MEETINGS.path).read_text(encoding="utf-8")


def without_comments(text: str) -> str:
    """``text`` without its comment lines and blank lines, as a save in the web editor drops them."""
    return "".join(line for line in text.splitlines(True) if line.strip() and not line.lstrip().startswith("#"))


def once_saved(file: DataFile[Any]) -> str:
    """The shipped ``file`` as it is after its first save through the web editor and ``format``:
    without the comments the save dropped, in the one form."""
    return formatted(without_comments((ROOT / file.path).read_text(encoding="utf-8")), file)


def comment_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]


@pytest.mark.parametrize("file", DATA_FILES, ids=lambda f: f.key)
def test_a_hand_written_file_keeps_its_comments_and_its_records_and_is_formatted_once(file):
    text = (ROOT / file.path).read_text(encoding="utf-8")
    out = formatted(text, file)
    assert comment_lines(out) == comment_lines(text)
    assert parse(out, file.name).data == parse(text, file.name).data
    assert formatted(out, file) == out
    assert out.startswith(modeline(file.name)) and once_saved(file).startswith(modeline(file.name))


def saved_by_the_web_editor(text: str) -> str:
    """``data/meetings.yaml`` as a save rewrites it (tests/test_webeditor_browser.py asserts it on a
    file in the one form): no comments, so no schema line, the new meeting appended in Decap's form."""
    return without_comments(text) + SAVED_RECORD


def test_comments_and_blank_lines_written_by_hand_are_kept():
    one = once_saved(MEETINGS)
    text = one.replace("  - id:", "\n  # Mødet, som aftalen blev meddelt efter.\n  - id:", 1)
    assert text != one
    assert formatted(text, MEETINGS) == text


def test_a_missing_schema_line_comes_back_first():
    one = once_saved(MEETINGS)
    assert formatted(one.split("\n", 1)[1], MEETINGS) == one


def test_a_schema_line_further_down_moves_to_the_top_and_is_there_once():
    one = once_saved(MEETINGS)
    first, rest = one.split("\n", 1)
    moved = rest.replace("  - id:", f"{first}\n  - id:", 1)
    assert moved.count(first) == 1 and not moved.startswith(first)
    assert formatted(moved, MEETINGS) == one


def test_what_a_save_writes_in_its_own_way_is_written_in_the_one_form():
    """Decap's YAML writer folds a long text at 80 characters and quotes what it likes; a hand edit
    writes a short list or text in flow style (``themes: [midtby]``): all come out one way."""
    long = "Hvordan bymidten skal udvikle sig, og hvad partnerne hver især gør for det i de kommende år"
    themes = once_saved(THEMES)
    first = parse(themes, "themes.yaml").data["themes"][0]["summary"]["da"]
    one = themes.replace(first, long, 1)
    folded = one.replace(long, long[:70] + "\n        " + long[71:], 1)
    quoted = one.replace(f"da: {long}", f"da: '{long}'", 1).replace("  - id: midtby", '  - id: "midtby"', 1)
    assert folded != one and quoted != one
    assert formatted(one, THEMES) == one
    assert formatted(folded, THEMES) == one
    assert formatted(quoted, THEMES) == one
    meetings = once_saved(MEETINGS)
    flow = meetings.replace("    themes:\n      - midtby\n", "    themes: [midtby]\n", 1)
    assert "themes: [midtby]" in MEETINGS_TEXT and flow != meetings
    assert formatted(flow, MEETINGS) == meetings


def test_a_save_is_brought_back_to_the_one_form_and_differs_only_by_its_record():
    one = once_saved(MEETINGS)
    saved = saved_by_the_web_editor(one)
    assert not saved.startswith(modeline(MEETINGS.name))
    again = formatted(saved, MEETINGS)
    assert again == one + HAND_RECORD  # the schema line, the model's order, no empty lists: only the new meeting differs
    assert formatted(again, MEETINGS) == again
    assert [Meeting(**m) for m in parse(again, "meetings.yaml").data["meetings"]] == \
        [Meeting(**m) for m in parse(saved, "meetings.yaml").data["meetings"]]  # the same meetings


def test_format_check_names_the_file_then_format_writes_it(project: Path, capsys):
    format_files(project)  # every file as after its first save (the comments kept here)
    path = project / MEETINGS.path
    path.write_text(saved_by_the_web_editor(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert run_check(project) == 0  # check accepts a save as it is
    capsys.readouterr()
    assert main(["--lang", "da", "format", str(project), "--check"]) == 1
    assert capsys.readouterr().err == (f"{MEETINGS.path} er ikke skrevet i datafilernes ene form: "
                                       "kør python -m boligdialog format\n")
    assert main(["--lang", "da", "format", str(project)]) == 0
    assert capsys.readouterr().out == f"skrev {MEETINGS.path} i én form\n"
    assert path.read_text(encoding="utf-8").endswith(HAND_RECORD)
    assert main(["format", str(project), "--check"]) == 0
    assert run_check(project) == 0


def test_a_file_that_cannot_be_read_is_left_alone():
    assert formatted("meetings:\n  - id: [\n", MEETINGS) is None


TRICKY = ["'yes'", "'no'", "'on'", "'Off'", "'NO'", "'true'", "'null'", "'~'", "''", "'190:20:30.15'", "'0x1F'",
          "'0123'", "'+1'", "'.5'", "'1e3'", "19:30", "'19:30'", "about 20", "'2027-03-18'", "'#x'", "'a: b'",
          "|\n        To linjer\n        her"]
"""Texts whose quotes matter to a YAML reader (YAML 1.1, as the house's reader, reads ``on`` as true
and ``0x1F`` as a number), and some whose quotes do not."""


@pytest.mark.parametrize("value", TRICKY)
def test_format_never_changes_what_the_house_reader_reads(value):
    text = ("meetings:\n  - id: m\n    name: {da: x}\n    location:\n      da: " + value
            + "\n    start: 2027-03\n    state: planned\n")
    out = formatted(text, MEETINGS)
    assert out is not None
    assert parse(out, "meetings.yaml").data == parse(text, "meetings.yaml").data
    assert formatted(out, MEETINGS) == out


def test_an_empty_list_with_a_comment_of_its_own_stays_a_readable_empty_list():
    text = f"{modeline(MEETINGS.name)}\nmeetings: []  # the first meeting is not planned yet\n"
    assert formatted(text, MEETINGS) == text
