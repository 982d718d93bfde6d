"""The iCalendar output, parsed back with the icalendar library."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from boligdialog.calendar import event_uid, in_calendar, meeting_calendar
from boligdialog.model import Meeting
from boligdialog.schedule import TZ

SITE = "https://boligdialog.example.org/"
STAMP = dt.datetime(2027, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)


def meeting(**fields) -> Meeting:
    base = {"id": "vf-1", "name": {"da": "1. Visionsforum", "en": "1st Visionsforum"},
            "start": "2027-03-18 17:00", "state": "planned"}
    return Meeting.model_validate(base | fields)


def build(meetings, lang="da"):
    ics = meeting_calendar(meetings, lang=lang, name="Visionsforum", site_url=SITE,
                           page_url=lambda m: f"{SITE}moeder/{m.id}/", theme_titles=lambda m: ["Midtby"],
                           stamp=STAMP)
    return Calendar.from_ical(ics)


def events(cal):
    return list(cal.walk("VEVENT"))


def test_timed_event_with_timezone_and_link_back():
    cal = build([meeting(end="19:30", location={"da": "Rådhuset", "en": "Town Hall"})], lang="en")
    [ev] = events(cal)
    assert str(ev["uid"]) == "vf-1@boligdialog.example.org"
    assert ev.decoded("dtstart") == dt.datetime(2027, 3, 18, 17, 0, tzinfo=TZ)
    assert ev["dtstart"].params["TZID"] == "Europe/Copenhagen"
    assert ev.decoded("dtend") == dt.datetime(2027, 3, 18, 19, 30, tzinfo=TZ)
    assert ev.decoded("dtstamp") == STAMP
    assert str(ev["summary"]) == "1st Visionsforum"
    assert str(ev["location"]) == "Town Hall"
    assert str(ev["url"]) == f"{SITE}moeder/vf-1/"
    assert f"{SITE}moeder/vf-1/" in str(ev["description"])
    assert "Themes: Midtby" in str(ev["description"])
    assert str(ev["status"]) == "CONFIRMED"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    assert str(cal["x-wr-calname"]) == "Visionsforum"


def test_day_without_time_is_all_day_and_cancelled_is_marked():
    [ev] = events(build([meeting(start="2027-09-09", state="cancelled")]))
    assert ev.decoded("dtstart") == dt.date(2027, 9, 9)
    assert ev.decoded("dtend") == dt.date(2027, 9, 10)
    assert str(ev["status"]) == "CANCELLED"
    assert not list(build([meeting(start="2027-09-09")]).walk("VTIMEZONE"))


def test_month_only_is_left_out():
    m = meeting(start="2017-08")
    assert not in_calendar(m)
    assert events(build([m])) == []


def test_uid_is_the_meeting_id_at_the_site_host_in_the_calendar_file():
    first = events(build([meeting()]))[0]
    edited = events(build([meeting(start="2030-01-01", name="x", state="cancelled", location="Et andet sted")]))[0]
    other = events(build([meeting(id="vf-2")]))[0]
    assert str(first["uid"]) == str(edited["uid"]) == "vf-1@boligdialog.example.org"
    assert str(other["uid"]) == "vf-2@boligdialog.example.org"
    assert event_uid(meeting(), "https://andet.example/") == "vf-1@andet.example"
