"""The agreement as a living document (boligdialog/versions.py and its pages): versions and
their status on the build date, the page of the version in force, what changed, consultations
and responses, signatories per version, the deadlines in the calendars, and the timeline.

The fuller site (tests/records_fixture.py) has three versions on 1 June 2027: 2017 (replaced),
2027 (consulted in January–February, adopted 20 April, in force 1 May; the cooperative
associations sign only this one) and 2028 (a draft in consultation until 30 June 2027)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import vobject

from boligdialog.site import versions
from boligdialog.model.errors import ValidationFailed
from boligdialog.site.load import load_site
from conftest import build_here, copy_project, edit
from htmlpage import main_text, resolve, soup
from records_fixture import BUILD_DATE, EPOCH as EPOCH_JUNE, add_records

JULY = int(dt.datetime(2027, 7, 15, 12, tzinfo=dt.timezone.utc).timestamp())


@pytest.fixture(scope="module")
def records_site(fuller_site: Path) -> Path:
    return fuller_site


def status_text(site: Path, url: str) -> str:
    return soup(site, url).select_one(".bd-version .bd-state").get_text(strip=True)


def test_status_follows_the_dates(versions_project):
    project = versions_project
    site = load_site(project, today=BUILD_DATE)
    statuses = {a.id: versions.status(a, site.agreements, BUILD_DATE) for a in site.agreements}
    assert statuses == {"aftale-2017": "superseded", "aftale-2027": "in_force", "aftale-2028": "consultation"}
    later = {a.id: versions.status(a, site.agreements, dt.date(2027, 7, 1)) for a in site.agreements}
    assert later["aftale-2028"] == "consultation_closed"
    earlier = {a.id: versions.status(a, site.agreements, dt.date(2027, 4, 25)) for a in site.agreements}
    assert earlier == {"aftale-2017": "in_force", "aftale-2027": "adopted", "aftale-2028": "draft"}
    assert versions.in_force(site.agreements, BUILD_DATE).id == "aftale-2027"


@pytest.fixture
def versions_project(tmp_path: Path) -> Path:
    """A copy of the project with the fuller records, three agreement versions among them."""
    project = copy_project(tmp_path / "project")
    add_records(project)
    return project


@pytest.mark.parametrize(("url", "expected"), [
    ("aftale/2017/", "Afløst"), ("en/aftale/2017/", "Replaced"), ("aftale/2027/", "Gældende"),
    ("en/aftale/2027/", "In force"), ("aftale/2028/", "I høring"), ("en/aftale/2028/", "In consultation")])
def test_every_version_has_a_page_with_its_status_in_both_languages(records_site, url, expected):
    assert status_text(records_site, url) == expected


@pytest.mark.parametrize(("url", "said", "text"), [
    ("aftale/", "Gældende aftale: Partnerskabsaftale 2027", "Parterne mødes tre gange om året"),
    ("en/aftale/", "The agreement in force: Partnership agreement 2027", "The partners meet three times a year")])
def test_the_agreement_page_shows_the_version_in_force_and_says_so(records_site, url, said, text):
    page = soup(records_site, url)
    current = page.select_one(".bd-current")
    assert current.get_text(" ", strip=True).startswith(said)
    assert resolve(url, current.a["href"]) == url + "2027/"
    assert text in main_text(page)
    listed = [resolve(url, a["href"]) for a in page.select(".bd-versions a")]
    assert listed == [url + "2028/", url + "2017/"]


@pytest.mark.parametrize("url", ["aftale/2027/aendringer/", "en/aftale/2027/aendringer/"])
def test_the_comparison_marks_what_was_added_and_removed(records_site, url):
    page = soup(records_site, url)
    added = [ins.get_text() for ins in page.select("ins")]
    removed = [d.get_text() for d in page.select("del")]
    assert "tre" in added and "to" in removed
    if url.startswith("en/"):  # the fuller site has no English 2017 text: the Danish texts, marked so
        assert "The texts are not both in English" in page.select_one(".bd-note").get_text()
        assert page.select_one("ins").find_parent(attrs={"lang": "da"}) is not None
        labels = {span.get_text(strip=True): span.get("lang") for span in page.select("article .bd-compare .bd-visually-hidden")}
        assert labels["added:"] == labels["removed:"] == "en"  # heard in the page's language, inside Danish text
    assert "Andelsboligforeningerne" in page.get_text() or "cooperative associations" in page.get_text()
    # linked both ways
    assert any(resolve(f"{url.split('aendringer')[0]}", a["href"]) == url
               for a in soup(records_site, url.split("aendringer")[0]).select(".bd-version a"))


def test_signatories_belong_to_their_version(records_site):
    def names(url: str) -> list[str]:
        return [s.get_text() for s in soup(records_site, url).select(".bd-signatories li strong")]
    assert "Anne Andersen" in names("aftale/2027/") and "Anne Andersen" not in names("aftale/2017/")
    assert "Steen Christiansen" in names("aftale/2017/")


def test_consultation_open_and_closed_with_responses(records_site, versions_project):
    closed = soup(records_site, "en/aftale/2027/").select_one(".bd-consultation")
    assert closed.select_one(".bd-consultation__state").get_text(" ", strip=True).startswith(
        "The consultation is closed. The deadline was 28 February 2027")
    response = closed.select_one(".bd-responses li")
    assert "The associations want more meetings a year." in response.get_text()
    assert resolve("en/aftale/2027/", response.select("a")[-1]["href"]) == "filer/hoeringssvar-grundejerforeninger.pdf"
    open_now = soup(records_site, "aftale/2028/").select_one(".bd-consultation__state").get_text()
    assert " ".join(open_now.split()) == "Høringen er åben. Fristen for svar er 30. juni 2027."
    notice = soup(records_site, "").select_one(".bd-consultation-notice")
    assert "30. juni 2027" in notice.get_text() and resolve("", notice.a["href"]) == "aftale/2028/"
    # after the deadline, with no edit: closed, and the home page no longer says it is open
    project = versions_project
    build_here(project, epoch=JULY)
    later = project / "site"
    assert " ".join(soup(later, "en/aftale/2028/").select_one(".bd-consultation__state").get_text().split()) == (
        "The consultation is closed. The deadline was 30 June 2027.")
    assert soup(later, "en/").select_one(".bd-consultation-notice") is None


@pytest.mark.parametrize(("path", "summary"), [
    ("moeder/visionsforum.ics", "Frist for svar: Partnerskabsaftale 2028 (udkast)"),
    ("en/moeder/visionsforum.ics", "Deadline for responses: Partnership agreement 2028 (draft)")])
def test_deadlines_are_in_the_calendars(records_site, path, summary):
    calendar = vobject.readOne((records_site / path).read_text(encoding="utf-8"))
    deadlines = {e.uid.value: e for e in calendar.vevent_list if e.uid.value.startswith("hoering-")}
    assert set(deadlines) == {"hoering-aftale-2027@boligdialog.example.org", "hoering-aftale-2028@boligdialog.example.org"}
    event = deadlines["hoering-aftale-2028@boligdialog.example.org"]
    assert event.dtstart.value == dt.date(2027, 6, 30) and event.summary.value == summary
    assert event.url.value.endswith(("/aftale/2028/"))


def test_the_timeline_is_an_svg_with_a_table_of_every_membership(records_site):
    page = soup(records_site, "en/partnere/")
    svg = page.select_one(".bd-timeline svg")
    root = ET.fromstring(str(svg))  # well-formed XML, read by another parser
    assert root.tag.endswith("svg")
    rows = page.select(".bd-timeline tbody tr")
    memberships = sum(len(p.memberships) for p in load_site(records_site.parent, today=BUILD_DATE).partners)
    assert len(rows) == memberships
    own = soup(records_site, "en/partnere/andelsboligforeninger/").select(".bd-timeline tbody tr")
    assert [r.select("td")[0].get_text(" ", strip=True) for r in own] == ["Invited", "Signed (Anne Andersen)"]


AGREEMENT_CASES = [
    ("    text: aftale/2028.md\n", "    text: aftale/2082.md\n",
     "data/agreements.yaml:{line}: agreements[2].text: expected an existing file content/aftale/2082.md but "
     "received 'aftale/2082.md'", "text: aftale/2082.md"),
    ("    text: aftale/2028.md\n", "    text: aftale/2027.md\n",
     "data/agreements.yaml:{line}: agreements[2].text: expected a text file of its own but received "
     "'aftale/2027.md', which is already the text of 'aftale-2027'", "text: aftale/2027.md\n    consultation"),
    ("    adopted: 2027-04-20\n    in_force: 2027-05-01\n", "    adopted: 2016-04-20\n",
     "data/agreements.yaml:{line}: agreements[1].adopted: expected the versions oldest first, so a day on or "
     "after 2017-08-01 (when 'aftale-2017' takes effect) but received 2016-04-20; move this version up",
     "adopted: 2016-04-20"),
    ("      closes: 2027-02-28\n      email", "      closes: 2027-01-01\n      email",
     "data/agreements.yaml:{line}: agreements[1].consultation.closes: expected a date on or after opens 2027-01-10 "
     "but received 2027-01-01", "closes: 2027-01-01"),
    ("      - partner: grundejerforeninger", "      - partner: va",
     "data/agreements.yaml:{line}: agreements[1].responses[0].partner: expected one of ['grundejerforeninger', "
     "'andelsboligforeninger'] (the organisations invited to respond) but received 'va'", "- partner: va"),
    ("    in_force: 2027-05-01\n", "    in_force: 2027-04-01\n",
     "data/agreements.yaml:{line}: agreements[1].in_force: expected a date on or after adopted 2027-04-20 but "
     "received 2027-04-01", "in_force: 2027-04-01"),
    ("    adopted: 2027-04-20\n    in_force: 2027-05-01\n", "    adopted: 2017-08\n",
     "data/agreements.yaml:{line}: agreements[1].adopted: expected one version to take effect on a day but "
     "received 2017-08 again, the day 'aftale-2017' takes effect: two versions would be in force at once",
     "adopted: 2017-08\n    changes"),
    ("      email: hoering@albertslund.example\n", "",
     "data/agreements.yaml:{line}: agreements[1].consultation: expected how to respond (email: or address:) "
     "but received neither", "consultation:\n      opens: 2027-01-10"),
]


@pytest.mark.parametrize(("old", "new", "message", "marker"), AGREEMENT_CASES, ids=[c[1][:30] for c in AGREEMENT_CASES])
def test_agreement_mistakes_get_clear_messages(versions_project, old, new, message, marker):
    project = versions_project
    edit(project / "data/agreements.yaml", old, new)
    text = (project / "data/agreements.yaml").read_text(encoding="utf-8")
    line = text[: text.index(marker)].count("\n") + 1
    with pytest.raises(ValidationFailed) as exc:
        load_site(project, today=BUILD_DATE)
    found = [str(e) for e in exc.value.errors]
    assert message.format(line=line) in found, found
    # only that mistake, except that a text taken from another version leaves its own files unnamed
    assert all(e == message.format(line=line) or "a page no version names" in e for e in found), found


def test_a_draft_cannot_be_signed(versions_project):
    project = versions_project
    edit(project / "data/partners.yaml", "        agreement: aftale-2027\n        signatory: Anne Andersen",
         "        agreement: aftale-2028\n        signatory: Anne Andersen")
    with pytest.raises(ValidationFailed) as exc:
        load_site(project, today=BUILD_DATE)
    assert [e.message for e in exc.value.errors] == [
        "expected a version that has been adopted (signed) but received 'aftale-2028', which is a draft"]


def test_a_text_no_version_names_is_refused(versions_project):
    project = versions_project
    for prefix in ("", "en/"):
        (project / f"content/{prefix}aftale/2030.md").write_text("# Udkast\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as exc:
        load_site(project, today=BUILD_DATE)
    assert [str(e) for e in exc.value.errors] == [
        f"content/{prefix}aftale/2030.md:1: expected the text of a version that data/agreements.yaml names "
        "(text: aftale/2030.md) but received a page no version names; add the version, or move the page"
        for prefix in ("", "en/")]


def test_an_open_consultation_is_open_on_every_page_whatever_the_status(versions_project):
    """A version adopted while its consultation still runs: the pages say open, as the home page."""
    project = versions_project
    edit(project / "data/agreements.yaml", "    text: aftale/2028.md\n", "    text: aftale/2028.md\n    adopted: 2027-05-20\n")
    build_here(project, epoch=EPOCH_JUNE)
    site = project / "site"
    state = " ".join(soup(site, "aftale/2028/").select_one(".bd-consultation__state").get_text().split())
    assert state == "Høringen er åben. Fristen for svar er 30. juni 2027."
    home = soup(site, "")
    assert home.select_one(".bd-consultation-notice") is not None
    toc = [a.get_text(strip=True) for a in home.select("nav.md-nav--secondary a.md-nav__link")]
    assert "Høring" in toc  # the notice is in the table of contents
