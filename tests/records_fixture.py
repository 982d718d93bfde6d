"""A fuller partnership for tests: held, planned, cancelled and all-day meetings in winter and
summer, minutes in draft and approved, decisions and an attachment, added to a copy of the
shipped project. Its records are true on :data:`BUILD_DATE`: build it with :data:`EPOCH`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

BUILD_DATE = dt.date(2027, 6, 1)
EPOCH = int(dt.datetime(2027, 6, 1, 12, tzinfo=dt.timezone.utc).timestamp())
"""``SOURCE_DATE_EPOCH`` of the build date: after the March and May meetings, before the rest."""

MEETINGS = """
  - id: visionsforum-2027-1
    number: 2
    name: {{da: 2. Visionsforum, en: 2nd Visionsforum}}
    start: 2027-03-18 17:00
    end: "19:30"
    location: {{da: Albertslund Rådhus, en: Albertslund Town Hall}}
    state: {state}
    themes: [midtby, borgerdialog]
    invited: [albertslund-kommune, va, ab, akb-albertslund]
{outcome}    agenda:
      - number: 1
        name: {{da: Trafik i Midtby, en: Traffic in the town centre}}
    files:
      - path: filer/dagsorden-2027-1.pdf
        name: {{da: Dagsorden, en: Agenda}}
    address: Nordmarks Allé 1, 2620 Albertslund
  - id: visionsforum-2027-ekstra
    name: {{da: Ekstra Visionsforum, en: Extra Visionsforum}}
    start: 2027-05-27 17:00
    end: "19:00"
    location: {{da: Albertslund Rådhus, en: Albertslund Town Hall}}
    state: {state}
    themes: [midtby]
  - id: visionsforum-2027-2
    number: 3
    name: {{da: 3. Visionsforum, en: 3rd Visionsforum}}
    start: 2027-09-09
    state: cancelled
    themes: [midtby]
  - id: visionsforum-2028-1
    number: 4
    name: {{da: 4. Visionsforum, en: 4th Visionsforum}}
    start: 2028-03-16 17:00
    state: planned
    themes: [renovering]
"""

OUTCOME = """    attended: [albertslund-kommune, va, ab]
    participants: 34
"""

DECISIONS = """decisions:
  - id: trafik-midtby
    meeting: visionsforum-2027-1
    text: {da: Kommunen undersøger trafikken i Midtby, en: The municipality looks into traffic in the town centre}
    owners: [albertslund-kommune]
    due: 2027-12
    status: in_progress
    reported_at: visionsforum-2027-ekstra
  - id: borgermoede
    meeting: visionsforum-2027-1
    text: {da: Der holdes et borgermøde, en: A public meeting is held}
    owners: [va, ab]
    status: done
"""

REPORT = """---
meeting: visionsforum-2027-1
title: Referat
date: 2027-03-25
minutes: {status}
{approved}---

Mødet drøftede trafikken i Midtby.
"""


def add_records(project: Path, *, status: str = "draft", approved_at: str | None = None,
                held: bool = True) -> None:
    """Extend the copied project with the records above. With ``held=False`` the March and May
    meetings are still planned, with no outcome, report or decisions (true before March 2027)."""
    state = "held" if held else "planned"
    with (project / "data/meetings.yaml").open("a", encoding="utf-8") as f:
        f.write(MEETINGS.format(state=state, outcome=OUTCOME if held else ""))
    (project / "content/filer").mkdir()
    (project / "content/filer/dagsorden-2027-1.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 12_000)
    if not held:
        return
    (project / "data/decisions.yaml").write_text(DECISIONS, encoding="utf-8")
    approved = f"approved_at: {approved_at}\n" if approved_at else ""
    (project / "content/referater/visionsforum-2027-1.md").write_text(
        REPORT.format(status=status, approved=approved), encoding="utf-8")


TRICKY_PARTNER = r"""
  - id: tricky
    name:
      da: "Boligforeningen \"Vest\", afd. 1, Gården"
      en: "=HYPERLINK(\"https://example.org\",\"klik\")"
    short_name: "+45 12 34"
    classification: other
    note:
      da: "-3 grader\nog sne"
      en: "@holdet"
    memberships:
      - {status: invited, date: 2017, agreement: aftale-2017}
      - {status: signed, date: 2026-05-02, agreement: aftale-2017, signatory: "'Apostrof Jensen"}
      - {status: left, date: 2026-09, agreement: aftale-2017}
    representatives:
      - name: "'Apostrof Jensen"
        role: {da: "\tformand", en: "-chair"}
        start_date: 2026-05
"""
"""A partner whose texts would break a careless CSV writer or run as spreadsheet formulas."""


def add_tricky_partner(project: Path) -> None:
    """Append :data:`TRICKY_PARTNER`, and let it attend the March meeting of the records above."""
    with (project / "data/partners.yaml").open("a", encoding="utf-8") as f:
        f.write(TRICKY_PARTNER)
    path = project / "data/meetings.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("attended: [albertslund-kommune, va, ab]", "attended: [albertslund-kommune, va, ab, tricky]"),
                    encoding="utf-8")
