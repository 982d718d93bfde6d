"""Checks between files (boligdialog/checks.py): true on the build date, one report per
meeting, no file that replaces another in the built site, no link out of content/.
Exact messages; the build date is fixed, so the tables stay true as the years pass."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from boligdialog.model.errors import ValidationFailed
from boligdialog.site import checks, load
from boligdialog.site.load import load_site
from conftest import build, edit
from htmlpage import main_text, soup
from records_fixture import BUILD_DATE, EPOCH, add_records

TODAY = dt.date(2026, 11, 27)
NEWS = "content/nyheder/ny-hjemmeside.md"
REPORT = "content/referater/visionsforum-2017-1.md"
INVITED_ONLY = "      - status: invited\n        date: 2017-08\n        agreement: aftale-2017\n\n  - id: andels"


def messages(project: Path, today: dt.date = TODAY) -> list[str]:
    with pytest.raises(ValidationFailed) as exc:
        load_site(project, today=today)
    return [str(e) for e in exc.value.errors]


ON_THE_DAY = [
    ("data/meetings.yaml", "start: 2017-08", "start: 2027-08",
     ["data/meetings.yaml:17: meetings[0].state: expected 'planned' until the meeting has taken place (its day "
      "2027-08 is after the build date 2026-11-27) but received 'held'"]),
    ("data/meetings.yaml", "state: held", "state: planned",
     [f"{REPORT}:2: meeting: expected a meeting that has been held (a report follows the meeting) but received "
      "'visionsforum-2017-1', which is planned",
      "data/meetings.yaml:26: meetings[0].participants: expected no participants before the meeting is held but "
      "received it on a meeting that is planned"]),
    ("data/meetings.yaml", "    participants: about 20\n", "    participants: about 20\n    attended: [va]\n",
     None),
    ("data/meetings.yaml", "state: held", "state: cancelled",
     [f"{REPORT}:2: meeting: expected a meeting that has been held (a report follows the meeting) but received "
      "'visionsforum-2017-1', which is cancelled",
      "data/meetings.yaml:26: meetings[0].participants: expected no participants before the meeting is held but "
      "received it on a meeting that is cancelled"]),
    (NEWS, "date: 2026-11-26", "date: 2026-12-24",
     [f"{NEWS}:3: date: expected the day it is published on or before the build date 2026-11-27 but received "
      "2026-12-24, which has not come yet"]),
    (NEWS, "date: 2026-11-26", "date: 2026-11-26\nupdated: 2026-11-28",
     [f"{NEWS}:4: updated: expected the day it was updated on or before the build date 2026-11-27 but received "
      "2026-11-28, which has not come yet"]),
    (REPORT, "date: 2026-11-26", "date: 2027-01-05",
     [f"{REPORT}:3: date: expected the day it is published on or before the build date 2026-11-27 but received "
      "2027-01-05, which has not come yet"]),
    ("data/agreements.yaml", "adopted: 2017-08", "adopted: 2027-01",
     ["data/agreements.yaml:27: agreements[0].adopted: expected the day it was adopted on or before the build "
      "date 2026-11-27 but received 2027-01, which has not come yet"]),
    ("data/partners.yaml", INVITED_ONLY, INVITED_ONLY.replace("2017-08", "2026-12"),
     ["data/partners.yaml:88: partners[4].memberships: expected at least one membership dated on or before the "
      "build date 2026-11-27 (until then the partner has no status) but received the first on 2026-12"]),
    # a change announced for later is not an error: it is shown as announced
    ("data/partners.yaml", INVITED_ONLY, INVITED_ONLY.replace(
        "\n\n", "\n      - {status: signed, date: 2027-05-02, agreement: aftale-2017}\n\n"), None),
    # a month not yet over may already have happened
    ("data/meetings.yaml", "start: 2017-08", "start: 2026-11", None),
]


@pytest.mark.parametrize("file, old, new, expected", ON_THE_DAY, ids=[c[2][:40] for c in ON_THE_DAY])
def test_nothing_is_recorded_as_done_before_its_day(project, file, old, new, expected):
    edit(project / file, old, new)
    if expected is None:
        load_site(project, today=TODAY)
    else:
        assert messages(project) == expected


RECORDS_ON_THE_DAY = [
    ("data/decisions.yaml", "    meeting: visionsforum-2027-1\n    text: {da: Der holdes",
     "    meeting: visionsforum-2028-1\n    text: {da: Der holdes",
     ["data/decisions.yaml:10: decisions[1].meeting: expected a meeting that has been held (a decision is taken "
      "at a meeting) but received 'visionsforum-2028-1', which is planned"]),
    ("data/decisions.yaml", "reported_at: visionsforum-2027-ekstra", "reported_at: visionsforum-2028-1",
     ["data/decisions.yaml:8: decisions[0].reported_at: expected a meeting that has been held (a status is "
      "reported at a meeting) but received 'visionsforum-2028-1', which is planned"]),
    ("content/referater/visionsforum-2027-1.md", "minutes: draft",
     "minutes: approved\napproved_at: visionsforum-2028-1",
     ["content/referater/visionsforum-2027-1.md:6: approved_at: expected a meeting that has been held (minutes "
      "are approved at a meeting) but received 'visionsforum-2028-1', which is planned"]),
    ("data/meetings.yaml", "    state: planned\n    themes: [renovering]",
     "    state: planned\n    themes: [renovering]\n    agenda:\n      - name: Budget\n        result: Vedtaget",
     ["data/meetings.yaml:67: meetings[4].agenda[0].result: expected no result before the meeting is held but "
      "received it on a meeting that is planned"]),
]


@pytest.mark.parametrize("file, old, new, expected", RECORDS_ON_THE_DAY, ids=[c[2][:40] for c in RECORDS_ON_THE_DAY])
def test_records_of_meetings_not_yet_held_are_refused(project, file, old, new, expected):
    add_records(project)
    load_site(project, today=BUILD_DATE)
    edit(project / file, old, new)
    assert messages(project, BUILD_DATE) == expected


def test_a_planned_meeting_whose_day_has_passed_asks_to_be_recorded(project):
    add_records(project, held=False)
    site = load_site(project, today=BUILD_DATE)
    assert site.notices == [
        "data/meetings.yaml:34: 2nd meeting (visionsforum-2027-1), state: the meeting's day 2027-03-18 has passed but it is still "
        "'planned': set state to 'held' (and add who attended and the report) or 'cancelled'. Until then its "
        "page says the report is to follow.",
        "data/meetings.yaml:49: 3rd meeting (visionsforum-2027-ekstra), state: the meeting's day 2027-05-27 has passed but it is still "
        "'planned': set state to 'held' (and add who attended and the report) or 'cancelled'. Until then its "
        "page says the report is to follow.",
    ]


def test_an_announced_signature_is_not_shown_as_signed(project):
    """The README's own example: a signature dated after the build date."""
    edit(project / "data/partners.yaml", INVITED_ONLY, INVITED_ONLY.replace(
        "\n\n", "\n      - {status: signed, date: 2027-05-02, agreement: aftale-2017}\n\n"))
    site = project / "site"
    result = build(project, epoch=int(dt.datetime(2026, 11, 27, 12, tzinfo=dt.timezone.utc).timestamp()))
    assert result.returncode == 0, result.stderr
    page = soup(site, "en/partnere/grundejerforeninger/")
    assert page.select_one(".bd-facts .bd-status").get_text() == "Invited"
    rows = [[cell.get_text(" ", strip=True) for cell in tr.select("th, td")] for tr in page.select(".bd-timeline tbody tr")]
    assert rows[-1][1:3] == ["Announced: to sign", "2 May 2027"]
    danish = soup(site, "partnere/grundejerforeninger/")
    assert [td.get_text(" ", strip=True) for td in danish.select(".bd-timeline tbody tr")[-1].select("td")][:2] == [
        "Varslet: underskriver", "2. maj 2027"]
    listed = soup(site, "en/partnere/").select_one('a[href$="grundejerforeninger/"]').find_next("span")
    assert listed.get_text() == "Invited"
    # the agreement lists it among the invited, not among the signatories
    agreement = soup(site, "en/aftale/")
    assert "Homeowners' associations in Albertslund" in agreement.select_one(".bd-signatories h3 + ul").get_text()
    # after the day it is signed, without any edit
    result = build(project, epoch=int(dt.datetime(2027, 5, 3, 12, tzinfo=dt.timezone.utc).timestamp()))
    assert result.returncode == 0, result.stderr
    assert soup(site, "en/partnere/grundejerforeninger/").select_one(".bd-facts .bd-status").get_text() == "Signed"


COLLISIONS = [
    ("feed.xml", "feed.xml", "the news feed"),
    ("en/feed.xml", "en/feed.xml", "the news feed"),
    ("moeder/visionsforum.ics", "moeder/visionsforum.ics", "the meeting calendar"),
    ("temaer/midtby.ics", "temaer/midtby.ics", "the calendar of theme 'midtby'"),
    ("moeder/visionsforum-2017-1.md", "moeder/visionsforum-2017-1/index.html",
     "the page of meeting 'visionsforum-2017-1'"),
    ("partnere.md", "partnere/index.html", "the list of partners"),
    ("en/soeg.md", "en/soeg/index.html", "the search page"),
    ("sitemap.xml", "sitemap.xml", "the sitemap"),
    ("robots.txt", "robots.txt", "the instructions for search engines (robots.txt)"),
    ("404.html", "404.html", "the page shown for a missing address"),
    ("assets/stylesheets/main.css", "assets/stylesheets/main.css", "the theme's files"),
    ("pagefind/pagefind.js", "pagefind/pagefind.js", "the search index"),
    ("en/pagefind/pagefind.js", "en/pagefind/pagefind.js", "the search index"),
]


@pytest.mark.parametrize("path, out, what", COLLISIONS, ids=[c[0] for c in COLLISIONS])
def test_a_file_that_would_replace_a_generated_one_is_refused(project, path, out, what):
    target = project / "content" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("x\n", encoding="utf-8")
    if path.endswith(".md"):  # a Danish page needs nothing more; an English one needs its Danish page
        other = project / "content" / path.removeprefix("en/")
        other.parent.mkdir(parents=True, exist_ok=True)
        if not other.exists():
            other.write_text("x\n", encoding="utf-8")
    found = [m for m in messages(project) if m.startswith(f"content/{path}:")]
    assert found == [f"content/{path}:1: expected a file of its own but received one that would be published as "
                     f"{out}, which is {what}; rename or move it"]


def test_two_editor_files_at_one_address(project):
    (project / "content/en.md").write_text("# x\n", encoding="utf-8")
    assert messages(project) == [
        "content/en/index.md:1: expected a file of its own but received one that would be published as "
        "en/index.html, like content/en.md; keep one of them"]


def test_the_build_stops_rather_than_lose_a_file(project):
    (project / "content/feed.xml").write_text("<feed/>\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "content/feed.xml:1: expected a file of its own" in result.stderr


LINKS = [
    ("/etc/passwd", "expected a file inside content/ but received a link to a file outside it, which would be "
                    "published; copy the file here instead"),
    ("nowhere.pdf", "expected a file but received a link to 'nowhere.pdf', which does not exist"),
    ("x.txt", "expected a file but received a link that points round in a circle (a link loop)"),
    ("../nyheder", "expected a file or folder but received a link to a folder (a symbolic link); move or copy "
                   "the files here instead"),
]


@pytest.mark.parametrize("target, message", LINKS, ids=[c[0] for c in LINKS])
def test_links_out_of_content_are_refused(project, target, message):
    (project / "content/filer").mkdir()
    os.symlink(target, project / "content/filer/x.txt")
    assert messages(project) == [f"content/filer/x.txt:1: {message}"]


def test_a_link_inside_content_is_published_and_an_outside_one_is_not(project):
    (project / "content/filer").mkdir()
    (project / "content/filer/a.txt").write_text("a\n", encoding="utf-8")
    os.symlink("a.txt", project / "content/filer/b.txt")
    load_site(project, today=TODAY)
    os.symlink("/etc/passwd", project / "content/filer/c.txt")
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "content/filer/c.txt:1: expected a file inside content/" in result.stderr
    assert not (project / "site/filer/c.txt").exists()


def test_front_matter_is_read_as_it_was_checked(project):
    """MkDocs reads front matter with its own YAML: a title like a date crashed it or put the front
    matter on the page as text, and a first line like 'Dato: 1. maj' became metadata."""
    edit(project / "content/aftale/2017.md", "title: Partnerskabsaftalen", "title: 2017-02-30")
    (project / "content/om.md").write_text("Dato: 1. maj\n\nTekst om os.\n", encoding="utf-8")
    (project / "content/en/om.md").write_text("---\n---\nDate: 1 May\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = soup(project / "site", "aftale/2017/")
    assert page.title.get_text().startswith("2017-02-30") and "title:" not in main_text(page)
    assert "Dato: 1. maj" in main_text(soup(project / "site", "om/"))
    assert "Date: 1 May" in main_text(soup(project / "site", "en/om/"))


def test_the_fuller_site_is_true_on_its_build_date(project):
    add_records(project)
    result = build(project, epoch=EPOCH)
    assert result.returncode == 0, result.stderr
    assert "To record" not in result.stderr


def _messages(project: Path, today: dt.date, *, fresh: bool = False) -> list[str]:
    """What loading the project finds; ``fresh``: as a process that never loaded it would (nothing
    kept from an earlier load)."""
    if fresh:
        load.forget()
    try:
        load_site(project, today=today)
    except ValidationFailed as exc:
        return [str(e) for e in exc.errors]
    return []


def test_the_checks_of_structure_run_again_only_when_what_they_read_changed(project, monkeypatch):
    """The preview checks everything again after every edit; the checks of structure (all but the
    bodies' links and markup) run again only if the data, the files or a page's front matter or
    headings changed, and every edit still finds what a first load finds."""
    add_records(project)
    (project / "content/nyheder/tom.md").write_text(  # not yet written: withheld, with a notice
        "---\ntitle: Tom\ndate: 2026-11-20\n---\n\n<!-- Skriv nyheden her -->\n", encoding="utf-8")
    runs: list[int] = []
    structure = checks.Checker.check_structure
    monkeypatch.setattr(checks.Checker, "check_structure", lambda self: (runs.append(1), structure(self))[1])
    version, report = project / "content/aftale/2027.md", project / REPORT
    assert _messages(project, BUILD_DATE, fresh=True) == [] and len(runs) == 1

    edit(report, "\n\n", "\n\nEn sætning mere i referatet.\n\n")  # a body, no heading
    kept_site = load_site(project, today=BUILD_DATE)
    assert len(runs) == 1  # found again, not checked again
    load.forget()
    fresh_site = load_site(project, today=BUILD_DATE)
    assert (kept_site.reports, kept_site.notices, kept_site.withheld) == \
        (fresh_site.reports, fresh_site.notices, fresh_site.withheld) and kept_site.reports and kept_site.withheld
    runs.clear()

    edit(report, "En sætning mere i referatet.", "Se [bilaget](../filer/mangler.pdf).")  # the body's checks run
    kept = _messages(project, BUILD_DATE)
    assert runs == [] and kept == _messages(project, BUILD_DATE, fresh=True)
    assert len(kept) == 1 and kept[0].startswith(f"{REPORT}:") and "mangler.pdf" in kept[0]
    edit(report, "Se [bilaget](../filer/mangler.pdf).", "Ingen bilag.")
    assert _messages(project, BUILD_DATE) == []

    edit(version, "## Visionsforum\n", "## Dialogmøderne\n")  # a heading a response's section names
    runs.clear()
    kept = _messages(project, BUILD_DATE)
    assert runs == [1] and kept == _messages(project, BUILD_DATE, fresh=True)
    assert len(kept) == 1 and "section: expected a heading of content/aftale/2027.md" in kept[0]

    edit(version, "## Dialogmøderne\n", "## Visionsforum\n")
    assert _messages(project, BUILD_DATE) == []
    edit(project / "data/meetings.yaml", "state: held", "state: planned")  # data: checked again
    runs.clear()
    kept = _messages(project, BUILD_DATE)
    assert runs == [1] and kept and kept == _messages(project, BUILD_DATE, fresh=True)
    runs.clear()
    assert _messages(project, TODAY) == _messages(project, TODAY, fresh=True) and len(runs) == 2  # another day
