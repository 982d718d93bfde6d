"""Positions as people count them (boligdialog/positions.py)."""

from __future__ import annotations

import pytest

from boligdialog.model.errors import DataError
from boligdialog.model.positions import place
from boligdialog.model.translate import use
from boligdialog.model.yamlsource import parse

DATA = {"meetings": [{"id": "visionsforum-2017-1"}, {"id": "visionsforum-2027-1", "agenda": [{"name": "x"}]}],
        "partners": [{"name": "no id yet"}, {"id": 7}]}

CASES = [
    (("meetings", 1, "start"), "2. møde (visionsforum-2027-1), start", "2nd meeting (visionsforum-2027-1), start"),
    (("meetings", 0, "themes", 1), "1. møde (visionsforum-2017-1), themes nr. 2",
     "1st meeting (visionsforum-2017-1), themes no. 2"),
    (("meetings", 1, "agenda", 0, "result"), "2. møde (visionsforum-2027-1), agenda nr. 1, result",
     "2nd meeting (visionsforum-2027-1), agenda no. 1, result"),
    (("meetings", 0, "name", "da"), "1. møde (visionsforum-2017-1), name, da",
     "1st meeting (visionsforum-2017-1), name, da"),
    (("partners", 0, "classification"), "1. partner, classification", "1st partner, classification"),
    (("partners", 1), "2. partner", "2nd partner"),  # an id that is not text is not shown
    (("meetings", 11), "12. møde", "12th meeting"),
    (("hide", 0), "hide nr. 1", "hide no. 1"),
    (("title",), "title", "title"),
    ((), "", ""),
]


@pytest.mark.parametrize("path, danish, english", CASES, ids=[str(c[0]) for c in CASES])
def test_place(path, danish, english):
    with use("da"):
        assert place(path, DATA) == danish
    with use("en"):
        assert place(path, DATA) == english


def test_an_error_keeps_its_structured_fields_and_renders_the_human_form():
    src = parse("meetings:\n  - id: a\n  - id: b\n    start: x\n", "data/meetings.yaml")
    with use("da"):
        error = src.error(("meetings", 1, "start"), "forkert", hint="skriv 2027-03-18")
    assert (error.file, error.line, error.path) == ("data/meetings.yaml", 4, "meetings[1].start")
    assert str(error) == "data/meetings.yaml:4: meetings[1].start: forkert"
    assert error.render() == "data/meetings.yaml:4: 2. møde (b), start: forkert; skriv 2027-03-18"
    assert DataError("content/x.md", 1, "", "m").render() == "content/x.md:1: m"
