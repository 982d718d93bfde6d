"""A fuller partnership for tests: held, planned, cancelled and all-day meetings in winter and
summer, minutes in draft and approved, decisions and an attachment, added to a copy of the
shipped project. Its records are true on :data:`BUILD_DATE`: build it with :data:`EPOCH`."""

from __future__ import annotations

import datetime as dt
import re
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
    address: Nordmarks Allé 1, 2620 Albertslund
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
    add_agreement_versions(project)


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


VERSIONS = """
  - id: aftale-2027
    title: {da: Partnerskabsaftale 2027, en: Partnership agreement 2027}
    text: aftale/2027.md
    adopted: 2027-04-20
    in_force: 2027-05-01
    changes:
      da: Visionsforum mødes nu tre gange om året, og andelsboligforeningerne er med. Høringssvaret fra grundejerforeningerne ønskede flere møder.
      en: The Visionsforum now meets three times a year, and the cooperative associations have joined. The homeowners' associations' response asked for more meetings.
    consultation:
      opens: 2027-01-10
      closes: 2027-02-28
      email: hoering@albertslund.example
    consulted: [grundejerforeninger, andelsboligforeninger]
    responses:
      - partner: grundejerforeninger
        date: 2027-02-15
        summary: {da: Foreningerne ønsker flere møder om året., en: The associations want more meetings a year.}
        file: filer/hoeringssvar-grundejerforeninger.pdf
        answer:
          da: Forummet mødes nu tre gange om året i stedet for to.
          en: The forum now meets three times a year instead of twice.
        outcome: accommodated
        section: Visionsforum
  - id: aftale-2028
    title: {da: Partnerskabsaftale 2028 (udkast), en: Partnership agreement 2028 (draft)}
    text: aftale/2028.md
    consultation:
      opens: 2027-05-15
      closes: 2027-06-30
      address: {da: "Albertslund Rådhus, Nordmarks Allé 1, 2620 Albertslund", en: "Albertslund Town Hall, Nordmarks Allé 1, 2620 Albertslund"}
    consulted: [andelsboligforeninger]
"""
"""A second version (consulted, adopted, in force on :data:`BUILD_DATE`) and a third (a draft
whose consultation is open on :data:`BUILD_DATE`, until 30 June 2027)."""

SIGNS_2027 = """      - status: signed
        date: 2027-04-20
        agreement: aftale-2027
        signatory: Anne Andersen
    representatives:
      - name: Anne Andersen
        role: {da: formand, en: chair}
"""
"""The cooperative associations sign the 2027 version only."""


def version_texts(text: str, lang: str) -> tuple[str, str]:
    """The 2027 and 2028 texts, made from the 2017 one: a changed word, an added and a moved
    paragraph (2027), and one more added paragraph (2028)."""
    if lang == "da":
        changed = text.replace("Parterne mødes to gange om året", "Parterne mødes tre gange om året")
        added = "## Andelsboligforeningerne\n\nAndelsboligforeningerne skrev under på aftalen i 2027.\n\n"
        more = "\n## Evaluering\n\nAftalen evalueres hvert andet år.\n"
    else:
        changed = text.replace("The partners meet twice a year", "The partners meet three times a year")
        added = "## The cooperative associations\n\nThe cooperative housing associations signed the agreement in 2027.\n\n"
        more = "\n## Evaluation\n\nThe agreement is evaluated every other year.\n"
    head, sep, tail = changed.partition("## Visionsforum")
    new = head + added + sep + tail
    return new, new + more


def add_agreement_versions(project: Path) -> None:
    """Append :data:`VERSIONS` with their texts in both languages, the response's file, and the
    cooperative associations' signature of the 2027 version."""
    with (project / "data/agreements.yaml").open("a", encoding="utf-8") as f:
        f.write(VERSIONS)
    for lang, prefix in (("da", ""), ("en", "en/")):
        old = (project / f"content/{prefix}aftale/2017.md").read_text(encoding="utf-8")
        for year, text in zip((2027, 2028), version_texts(old, lang)):
            title = "Partnerskabsaftalen" if lang == "da" else "The partnership agreement"
            text = text.replace(f"title: {title}\n", f"title: {title} {year}\n", 1)
            text = re.sub(r"^description: (.*)$", rf"description: \1 ({year})", text, count=1, flags=re.M)
            (project / f"content/{prefix}aftale/{year}.md").write_text(text, encoding="utf-8")
    (project / "content/filer/hoeringssvar-grundejerforeninger.pdf").write_bytes(b"%PDF-1.4\n" + b"1" * 3_000)
    path = project / "data/partners.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "        agreement: aftale-2017\n"
    head, _, tail = text.rpartition(anchor)  # the last partner: the cooperative associations
    path.write_text(head + anchor + SIGNS_2027 + tail, encoding="utf-8")
