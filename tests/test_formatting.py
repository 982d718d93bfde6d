"""``python -m boligdialog format`` (boligdialog/editors/formatting.py): a file as the web editor
saves it is brought back to the form a hand edit has; a hand-written file is left as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from boligdialog.editors.cli import main, run_check
from boligdialog.editors.formatting import formatted
from boligdialog.editors.schemas import modeline
from boligdialog.model.records import DATA_FILES, MEETINGS, Meeting
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


@pytest.mark.parametrize("file", DATA_FILES, ids=lambda f: f.key)
def test_a_hand_written_file_is_left_as_it_is_comments_and_all(file):
    text = (ROOT / file.path).read_text(encoding="utf-8")
    assert "#" in text
    assert formatted(text, file) == text


def saved_by_the_web_editor(text: str) -> str:
    """``data/meetings.yaml`` as a save rewrites it: no schema line, the new meeting appended."""
    return text.split("\n", 1)[1] + SAVED_RECORD


def test_a_save_is_brought_back_to_the_form_a_hand_edit_has():
    shipped = (ROOT / MEETINGS.path).read_text(encoding="utf-8")
    saved = saved_by_the_web_editor(shipped)
    assert not saved.startswith(modeline(MEETINGS.name))
    again = formatted(saved, MEETINGS)
    assert again == shipped + HAND_RECORD  # the schema line back, the model's order, no empty lists
    assert formatted(again, MEETINGS) == again
    assert [Meeting(**m) for m in parse(again, "meetings.yaml").data["meetings"]] == \
        [Meeting(**m) for m in parse(saved, "meetings.yaml").data["meetings"]]  # the same meetings


def test_format_check_names_the_file_then_format_writes_it(project: Path, capsys):
    path = project / MEETINGS.path
    path.write_text(saved_by_the_web_editor(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert run_check(project) == 0  # check accepts a save as it is
    capsys.readouterr()
    assert main(["--lang", "da", "format", str(project), "--check"]) == 1
    assert capsys.readouterr().err == (f"{MEETINGS.path} er ikke skrevet, som en rettelse i hånden skriver den: "
                                       "kør python -m boligdialog format\n")
    assert main(["--lang", "da", "format", str(project)]) == 0
    assert capsys.readouterr().out == f"skrev {MEETINGS.path} i én form\n"
    assert path.read_text(encoding="utf-8").endswith(HAND_RECORD)
    assert main(["format", str(project), "--check"]) == 0
    assert run_check(project) == 0


def test_a_file_that_cannot_be_read_is_left_alone():
    assert formatted("meetings:\n  - id: [\n", MEETINGS) is None
