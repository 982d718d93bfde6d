"""Meetings as civic records, end to end: calendars, feeds, JSON-LD, minutes, decisions,
attachments, and upcoming/past against SOURCE_DATE_EPOCH — on real builds."""

from __future__ import annotations

import datetime as dt
import json

import feedparser
import pytest
from icalendar import Calendar

from conftest import build, copy_built, edit
from htmlpage import main_text, resolve, soup
from records_fixture import EPOCH, add_records

JAN_2027 = int(dt.datetime(2027, 1, 1, 12, tzinfo=dt.timezone.utc).timestamp())
APR_2027 = int(dt.datetime(2027, 4, 1, 12, tzinfo=dt.timezone.utc).timestamp())
EXTRA = "visionsforum-2027-ekstra"
SITE_URL = "https://boligdialog.example.org/"


@pytest.fixture
def records_site(records_project):
    """The shipped project with the records, built on their build date: read only."""
    return records_project / "site"


def built(project, epoch=EPOCH):
    result = build(project, epoch=epoch)
    assert result.returncode == 0, result.stderr
    return project / "site"


def upcoming_and_past(site, url):
    page = soup(site, url)
    upcoming = [a.get_text(strip=True) for a in page.select("section[aria-labelledby=bd-upcoming] li a")]
    past = [a.get_text(strip=True) for a in page.select("section[aria-labelledby=bd-past] li a")]
    return upcoming, past


def year_page(site, url):
    """The meetings a year page lists, by name."""
    return [a.get_text(strip=True) for a in soup(site, url).select("article .bd-meeting-item > a")]


def test_upcoming_moves_to_past_with_the_build_date(project):
    add_records(project, held=False)
    site = built(project, JAN_2027)
    upcoming, past = upcoming_and_past(site, "en/moeder/")
    assert upcoming == ["2nd Visionsforum", "Extra Visionsforum", "3rd Visionsforum", "4th Visionsforum"]
    assert past == []  # August 2017 is more than 12 months ago: on its year's page
    assert year_page(site, "en/moeder/2017/") == ["1st Visionsforum"]
    assert "2nd Visionsforum" in soup(site, "en/").select_one(".bd-next").get_text()
    cancelled = soup(site, "moeder/").select_one("section[aria-labelledby=bd-upcoming] .bd-state--cancelled")
    assert cancelled.get_text() == "Aflyst"

    # its day has passed, but nobody has recorded it as held: past, with its report to follow
    result = build(project, epoch=APR_2027)
    assert result.returncode == 0, result.stderr
    assert "2nd meeting (visionsforum-2027-1), state: the meeting's day 2027-03-18 has passed but it is still 'planned'" in result.stderr
    site = project / "site"
    upcoming, past = upcoming_and_past(site, "en/moeder/")
    assert upcoming == ["Extra Visionsforum", "3rd Visionsforum", "4th Visionsforum"]
    assert past == ["2nd Visionsforum"]
    for url, text in (("moeder/", "Referat følger"), ("en/moeder/", "Report to follow"),
                      ("en/moeder/visionsforum-2027-1/", "Report to follow")):
        assert soup(site, url).select_one(".bd-state--awaiting_report").get_text() == text, url
    assert "Extra Visionsforum" in soup(site, "en/").select_one(".bd-next").get_text()


def test_next_meeting_skips_the_cancelled_one(records_site):
    site = records_site
    upcoming, past = upcoming_and_past(site, "en/moeder/")
    assert upcoming == ["3rd Visionsforum", "4th Visionsforum"]
    assert past == ["Extra Visionsforum", "2nd Visionsforum"]
    # a year's page lists its meetings in the order they take place, upcoming ones too
    assert year_page(site, "en/moeder/2027/") == ["2nd Visionsforum", "Extra Visionsforum", "3rd Visionsforum"]
    assert year_page(site, "en/moeder/2028/") == ["4th Visionsforum"]
    assert "4th Visionsforum" in soup(site, "en/").select_one(".bd-next").get_text()
    assert not soup(site, "en/moeder/").select(".bd-state--awaiting_report")


def read_ics(site, path):
    return Calendar.from_ical((site / path).read_bytes())


def test_calendars_for_the_series_and_per_theme(records_site):
    site = records_site
    for lang, prefix in (("da", ""), ("en", "en/")):
        cal = read_ics(site, f"{prefix}moeder/visionsforum.ics")
        events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
        assert set(events) == {f"{n}@boligdialog.example.org"
                               for n in ("visionsforum-2027-1", "visionsforum-2027-ekstra", "visionsforum-2027-2",
                                         "visionsforum-2028-1", "hoering-aftale-2027", "hoering-aftale-2028")}
        timed = events["visionsforum-2027-1@boligdialog.example.org"]
        assert str(timed["url"]) == f"{SITE_URL}{prefix}moeder/visionsforum-2027-1/"
        assert timed.decoded("dtstamp") == dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc)
        assert str(timed["location"]) == ("Albertslund Rådhus" if lang == "da" else "Albertslund Town Hall") + \
            ", Nordmarks Allé 1, 2620 Albertslund"
        assert str(events["visionsforum-2027-2@boligdialog.example.org"]["status"]) == "CANCELLED"
        theme = read_ics(site, f"{prefix}temaer/midtby.ics")
        assert {str(e["uid"]).split("@")[0] for e in theme.walk("VEVENT")} == {
            "visionsforum-2027-1", EXTRA, "visionsforum-2027-2"}
    index = soup(site, "en/moeder/")
    link = index.select_one('a[type="text/calendar"]')
    assert resolve("en/moeder/", link["href"]) == "en/moeder/visionsforum.ics"
    assert f"{SITE_URL}en/moeder/visionsforum.ics" in main_text(index)
    assert "This meeting is not in the calendar because its day is not known." in main_text(
        soup(site, "en/moeder/visionsforum-2017-1/"))


def test_uids_survive_an_edit_of_other_fields(records_project, tmp_path):
    before = [str(e["uid"]) for e in read_ics(records_project / "site", "moeder/visionsforum.ics").walk("VEVENT")]
    records = copy_built(records_project, tmp_path / "project")
    edit(records / "data/meetings.yaml", "start: 2027-03-18 17:00", "start: 2027-03-25 16:00")
    edit(records / "data/meetings.yaml", "location: {da: Albertslund Rådhus, en: Albertslund Town Hall}",
         "location: {da: Musikteatret, en: Musikteatret}")
    site = built(records)
    after = [str(e["uid"]) for e in read_ics(site, "moeder/visionsforum.ics").walk("VEVENT")]
    assert sorted(before) == sorted(after) and len(after) == 6  # four meetings, two consultation deadlines


def test_feeds_parse_newest_first_in_their_language(records_site):
    site = records_site
    for lang, prefix in (("da", ""), ("en", "en/")):
        parsed = feedparser.parse((site / f"{prefix}feed.xml").read_bytes())
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        assert parsed.feed.language == lang
        entries = parsed.entries
        assert [e.id for e in entries] == [
            "tag:boligdialog.example.org,2017:report/visionsforum-2027-1/" + lang,
            "tag:boligdialog.example.org,2017:report/visionsforum-2017-1/" + lang,
            "tag:boligdialog.example.org,2017:news/nyheder/ny-hjemmeside/" + lang,
        ]
        assert [e.updated_parsed[:3] for e in entries] == [(2027, 3, 25), (2026, 11, 26), (2026, 11, 26)]
        assert entries[0].published_parsed[:3] == (2027, 3, 25)
        assert all(e.link.startswith(SITE_URL + prefix) for e in entries)
        assert entries[0].link == f"{SITE_URL}{prefix}moeder/visionsforum-2027-1/#referat"
        assert ("udkast" if lang == "da" else "draft") in entries[0].title
    page = soup(site, "en/moeder/")
    link = page.select_one('link[rel="alternate"][type="application/atom+xml"]')
    assert resolve("en/moeder/", link["href"]) == "en/feed.xml"


def jsonld(site, url):
    blocks = soup(site, url).select('script[type="application/ld+json"]')
    return [json.loads(b.string) for b in blocks]


def test_meeting_pages_carry_event_json_ld(records_site):
    site = records_site
    [event] = jsonld(site, "en/moeder/visionsforum-2027-1/")
    assert event["@type"] == "Event" and event["@context"] == "https://schema.org"
    assert event["startDate"] == "2027-03-18T17:00:00+01:00"
    assert event["endDate"] == "2027-03-18T19:30:00+01:00"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["location"]["name"] == "Albertslund Town Hall"
    assert event["location"]["address"]["streetAddress"] == "Nordmarks Allé 1"
    assert event["inLanguage"] == "en"
    assert event["url"] == f"{SITE_URL}en/moeder/visionsforum-2027-1/"
    assert event["organizer"]["name"] == "Housing dialogue Albertslund"
    # the description is the page's own
    page = soup(site, "en/moeder/visionsforum-2027-1/")
    assert event["description"] == page.select_one('meta[name="description"]')["content"]
    assert event["description"].startswith("2nd Visionsforum: 18 March 2027, 17:00–19:30, Albertslund Town Hall, "
                                           "Nordmarks Allé 1, 2620 Albertslund.")
    [cancelled] = jsonld(site, "moeder/visionsforum-2027-2/")
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert cancelled["startDate"] == "2027-09-09"
    assert jsonld(site, "moeder/visionsforum-2017-1/") == []  # August 2017: no day, no Event


def test_draft_minutes_carry_a_banner_in_both_languages(records_site):
    site = records_site
    da = soup(site, "moeder/visionsforum-2027-1/").select_one(".bd-banner--draft")
    en = soup(site, "en/moeder/visionsforum-2027-1/").select_one(".bd-banner--draft")
    assert da["role"] == "note" and "Referatet er et udkast" in da.get_text()
    assert "These minutes are a draft" in en.get_text()
    assert not soup(site, "moeder/visionsforum-2017-1/").select(".bd-banner")
    # the English page shows the Danish report: its heading is marked Danish too
    heading = soup(site, "en/moeder/visionsforum-2027-1/").select_one("#referat")
    assert (heading.name, heading["lang"], heading.get_text()) == ("h2", "da", "Referat")


def test_approved_minutes_name_the_approving_meeting(project):
    add_records(project, status="approved", approved_at=EXTRA)
    site = built(project)
    banner = soup(site, "en/moeder/visionsforum-2027-1/").select_one(".bd-banner--approved")
    assert "These minutes were approved at" in banner.get_text()
    assert "27 May 2027" in banner.get_text()
    assert resolve("en/moeder/visionsforum-2027-1/", banner.a["href"]) == f"en/moeder/{EXTRA}/"


def test_decisions_on_meeting_page_and_follow_up(records_site):
    site = records_site
    page = soup(site, "en/opfoelgning/")
    open_items = page.select_one("#aabne + ul").select("li.bd-decision")
    assert [li.select_one(".bd-status").get_text() for li in open_items] == ["In progress"]
    links = [resolve("en/opfoelgning/", a["href"]) for a in open_items[0].select("a")]
    assert links == ["en/partnere/albertslund-kommune/", "en/moeder/visionsforum-2027-1/",
                     f"en/moeder/{EXTRA}/"]
    assert "Due: December 2027" in open_items[0].get_text(" ", strip=True)
    assert not page.select("#afsluttede")  # finished decisions are on their year's page
    years = page.select_one("#bd-years + ul").select("li")
    assert [li.get_text(" ", strip=True) for li in years] == ["2027: 1 open , 1 finished"]
    assert [resolve("en/opfoelgning/", a["href"]) for a in years[0]("a")] == [
        "en/opfoelgning/2027/aabne/", "en/opfoelgning/2027/"]
    for url, status in (("en/opfoelgning/2027/aabne/", "In progress"), ("en/opfoelgning/2027/", "Done"),
                        ("opfoelgning/2027/aabne/", "I gang"), ("opfoelgning/2027/", "Gennemført")):
        assert [li.get_text() for li in soup(site, url).select("article .bd-decision .bd-status")] == [status], url
    meeting = soup(site, "moeder/visionsforum-2027-1/")
    assert len(meeting.select(".bd-decisions li")) == 2


def test_attachment_listed_with_type_and_size(records_site):
    site = records_site
    for url in ("moeder/visionsforum-2027-1/", "en/moeder/visionsforum-2027-1/"):
        link = soup(site, url).select_one(".bd-files a")
        assert resolve(url, link["href"]) == "filer/dagsorden-2027-1.pdf"
        assert link["type"] == "application/pdf"
        assert link.find_next_sibling("span").get_text() == "(PDF, 12 kB)"
    assert (site / "filer/dagsorden-2027-1.pdf").stat().st_size == 12_009


@pytest.mark.parametrize(("url", "when"), [
    ("moeder/visionsforum-2027-1/", "18. marts 2027 kl. 17.00–19.30"),
    ("en/moeder/visionsforum-2027-1/", "18 March 2027, 17:00–19:30"),
    ("moeder/visionsforum-2028-1/", "16. marts 2028 kl. 17.00"),
    ("en/moeder/visionsforum-2027-2/", "9 September 2027"),
])
def test_meeting_times_as_each_language_writes_them(records_site, url, when):
    facts = soup(records_site, url).select_one(".bd-facts")
    assert facts.select("dd")[0].get_text(" ", strip=True).startswith(when)


def test_a_decision_is_on_the_meeting_where_it_was_taken_and_where_it_was_last_reported(records_site):
    site = records_site
    taken = soup(site, "en/moeder/visionsforum-2027-1/")
    assert [li.select_one(".bd-status").get_text() for li in taken.select("#beslutninger + ul li")] == [
        "In progress", "Done"]
    first = taken.select_one("#beslutninger + ul li")
    assert [resolve("en/moeder/visionsforum-2027-1/", a["href"]) for a in first.select("a")] == [
        "en/partnere/albertslund-kommune/", f"en/moeder/{EXTRA}/"]  # where it was last reported
    reported = soup(site, f"en/moeder/{EXTRA}/")
    heading = reported.select_one("#status-paa-beslutninger")
    assert heading.get_text() == "Status of earlier decisions"
    [item] = heading.find_next_sibling("ul").select("li")
    assert "The municipality looks into traffic in the town centre" in item.get_text()
    assert "Decided at: 2nd Visionsforum" in item.get_text(" ", strip=True)
    assert not soup(site, "moeder/visionsforum-2027-2/").select(".bd-decisions")
