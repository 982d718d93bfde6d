"""A fuller partnership for tests: planned, cancelled and all-day meetings, minutes in
draft and approved, decisions and an attachment, added to a copy of the shipped project."""

from __future__ import annotations

from pathlib import Path

MEETINGS = """
  - id: visionsforum-2027-1
    number: 2
    name: {da: 2. Visionsforum, en: 2nd Visionsforum}
    start: 2027-03-18 17:00
    end: "19:30"
    location: {da: Albertslund Rådhus, en: Albertslund Town Hall}
    state: planned
    themes: [midtby, borgerdialog]
    invited: [albertslund-kommune, va, ab, akb-albertslund]
    agenda:
      - number: 1
        name: {da: Trafik i Midtby, en: Traffic in the town centre}
    report: referater/visionsforum-2027-1.md
    files:
      - path: filer/dagsorden-2027-1.pdf
        name: {da: Dagsorden, en: Agenda}
  - id: visionsforum-2027-2
    number: 3
    name: {da: 3. Visionsforum, en: 3rd Visionsforum}
    start: 2027-09-09
    state: cancelled
    themes: [midtby]
  - id: visionsforum-2028-1
    number: 4
    name: {da: 4. Visionsforum, en: 4th Visionsforum}
    start: 2028-03-16 17:00
    state: planned
    themes: [renovering]
"""

DECISIONS = """decisions:
  - id: trafik-midtby
    meeting: visionsforum-2027-1
    text: {da: Kommunen undersøger trafikken i Midtby, en: The municipality looks into traffic in the town centre}
    owners: [albertslund-kommune]
    due: 2027-12
    status: in_progress
    reported_at: visionsforum-2028-1
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


def add_records(project: Path, *, status: str = "draft", approved_at: str | None = None) -> None:
    """Extend the copied project with the records above."""
    with (project / "data/meetings.yaml").open("a", encoding="utf-8") as f:
        f.write(MEETINGS)
    (project / "data/decisions.yaml").write_text(DECISIONS, encoding="utf-8")
    approved = f"approved_at: {approved_at}\n" if approved_at else ""
    (project / "content/referater/visionsforum-2027-1.md").write_text(
        REPORT.format(status=status, approved=approved), encoding="utf-8")
    (project / "content/filer").mkdir()
    (project / "content/filer/dagsorden-2027-1.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 12_000)


TRICKY_PARTNER = r"""
  - id: tricky
    name:
      da: "Boligforeningen \"Vest\", afd. 1\nGården"
      en: "=HYPERLINK(\"https://example.org\",\"klik\")"
    short_name: "+45 12 34"
    classification: other
    note:
      da: "-3 grader"
      en: "@holdet"
    memberships:
      - {status: invited, date: 2017, agreement: aftale-2017}
      - {status: signed, date: 2026-05-02, agreement: aftale-2017, signatory: "'Apostrof Jensen"}
      - {status: left, date: 2026-09, agreement: aftale-2017}
    representatives:
      - name: "'Apostrof Jensen"
        role: {da: "\tformand", en: "\rchair"}
        start_date: 2026-05
"""
"""A partner whose texts would break a careless CSV writer or run as spreadsheet formulas."""


def add_tricky_partner(project: Path) -> None:
    """Append :data:`TRICKY_PARTNER`, and let it and VA attend the last meeting of the records
    above (12 people, an exact count)."""
    with (project / "data/partners.yaml").open("a", encoding="utf-8") as f:
        f.write(TRICKY_PARTNER)
    with (project / "data/meetings.yaml").open("a", encoding="utf-8") as f:
        f.write("    participants: 12\n    attended: [va, tricky]\n")
