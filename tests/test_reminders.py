"""The reminders (boligdialog.site.checks.reminders): notices that do not stop the build, on
the fuller records, at their line, in Danish, each for an exact case."""

from __future__ import annotations

import datetime as dt

import pytest

from boligdialog.model.translate import use
from boligdialog.site.load import load_site
from conftest import edit
from records_fixture import BUILD_DATE, add_records

ANSWER = """        answer:
          da: Forummet mødes nu tre gange om året i stedet for to.
          en: The forum now meets three times a year instead of twice.
        outcome: accommodated
"""


def notices(project, today=BUILD_DATE) -> list[str]:
    with use("da"):
        return load_site(project, today=today).notices


def test_the_fuller_records_need_no_reminder(project):
    add_records(project)
    assert notices(project) == []


@pytest.mark.parametrize(("edits", "today", "expected"), [
    ([("data/agreements.yaml", "      opens: 2027-01-10\n", "      opens: 2027-02-10\n")], BUILD_DATE,
     "data/agreements.yaml:39: 2. aftaleversion (aftale-2027), consultation, closes: høringen varer 19 dage, fra "
     "2027-02-10 til 2027-02-28: en høring giver normalt mindst fire uger til at svare"),
    ([("data/agreements.yaml", ANSWER, "")], BUILD_DATE,
     "data/agreements.yaml:43: 2. aftaleversion (aftale-2027), responses nr. 1: udgaven er vedtaget, men høringssvaret fra "
     "'grundejerforeninger' har endnu ikke answer: og outcome:; høringsnotatet viser det som ubesvaret"),
    ([("data/agreements.yaml", "        outcome: accommodated\n", "")], BUILD_DATE,
     "data/agreements.yaml:43: 2. aftaleversion (aftale-2027), responses nr. 1: udgaven er vedtaget, men høringssvaret fra "
     "'grundejerforeninger' har endnu ikke answer: og outcome:; høringsnotatet viser det som ubesvaret"),
    ([], dt.date(2027, 6, 25),
     "data/meetings.yaml:51: 3. møde (visionsforum-2027-ekstra), state: mødet blev holdt 2027-05-27, for mere end "
     "fire uger siden, og har endnu intet referat: tilføj det under content/ (boligdialog ny referat)"),
    ([("data/meetings.yaml", "    themes: [renovering]\n    address: Nordmarks Allé 1, 2620 Albertslund\n",
       "    themes: [renovering]\n")], BUILD_DATE,
     "data/meetings.yaml:59: 5. møde (visionsforum-2028-1): det planlagte møde har endnu ingen adresse "
     "(address:): tilføj stedets postadresse, så kalendere, kort og søgemaskiner kan vise, hvor det er"),
    ([("data/meetings.yaml", "    state: planned\n    themes: [renovering]", "    state: cancelled\n    themes: [renovering]")],
     dt.date(2027, 12, 1),
     "data/meetings.yaml:51: 3. møde (visionsforum-2027-ekstra), state: mødet blev holdt 2027-05-27, for mere end "
     "fire uger siden, og har endnu intet referat: tilføj det under content/ (boligdialog ny referat)\n"
     "data/meetings.yaml:8: meetings: der er ikke meldt noget møde ud, og det seneste var 2027-05-27, for mere "
     "end seks måneder siden: tilføj det næste møde"),
])
def test_a_reminder_for_each_case(project, edits, today, expected):
    add_records(project)
    for file, old, new in edits:
        edit(project / file, old, new)
    assert notices(project, today) == expected.split("\n")


def test_four_weeks_to_the_day_and_six_months_to_the_day_need_no_reminder(project):
    add_records(project)
    edit(project / "data/agreements.yaml", "      opens: 2027-01-10\n", "      opens: 2027-02-01\n")  # 28 days
    edit(project / "data/meetings.yaml", "    state: planned\n    themes: [renovering]",
         "    state: cancelled\n    themes: [renovering]")
    # 2027-05-27 and 183 days: 2027-11-26; the extra meeting's missing report is the only reminder
    assert [n.split(": ")[1] for n in notices(project, dt.date(2027, 11, 26))] == ["3. møde (visionsforum-2027-ekstra), state"]
