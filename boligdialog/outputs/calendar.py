"""iCalendar (RFC 5545) files of the forum's meetings, made with the icalendar library.

Pure functions: meetings and URLs in, ``bytes`` out (:func:`meeting_event_ical` keeps the
last event it wrote for each meeting, to give the same bytes again for the same arguments). A meeting with a time is a
timed event in Copenhagen time; a meeting with only a day is an all-day event; a
meeting known only to the month or year is left out. A cancelled meeting stays in, marked
``STATUS:CANCELLED`` and, for the apps that ignore the status, by its title ("Aflyst: …")
and the first line of its description. Every event links to its meeting page (``URL``,
and the last line of its description). A timed meeting without an
end has no DTEND (it ends where it starts, RFC 5545 §3.6.1) and its description
says that the end has not been announced: no end is invented. UIDs depend on the
meeting id and the site's host only, so they stay the same across builds and
edits of any other field.

The time zone. Every calendar holds one VTIMEZONE, Europe/Copenhagen, written as
its rule: a DAYLIGHT and a STANDARD observance, each repeating yearly on the last
Sunday of its month (``RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU``), as Outlook,
Thunderbird and Apple Calendar write it and as every client reads it, for any year.
(icalendar's ``add_missing_timezones`` lists each change as an RDATE, for 1970–2038
only, and vobject and ical.js read that an hour early in summer.) The rule is
checked against the tz database for every event: an event it does not describe
(before 1996, after the rule changed, or at a time of day that a change of the
clocks skips or repeats) is written in UTC, which every client reads alike. The zone is there even when no event uses it, so that a calendar with
no events still holds the component RFC 5545 requires, and ``X-WR-TIMEZONE`` names
a zone the file defines.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vDuration

from boligdialog.site import i18n
from boligdialog.site.i18n import strings
from boligdialog.model.records import Agreement, Meeting
from boligdialog.site.schedule import REBUILD_EVERY, TZ
from boligdialog.model.values import Lang

PRODID = "-//boligdialog//{forum}//DA"
"""The product that made the calendar: the generator, for the site's forum (its Danish name)."""
TZID = TZ.key
"""The name under which the calendars define Copenhagen's zone (:data:`~boligdialog.site.schedule.TZ`)."""
UTC = dt.timezone.utc


@dataclass(frozen=True)
class ClockChange:
    """One yearly change of the clocks: on the last Sunday of ``month``, at ``at`` on the
    clock before the change, from ``offset_from`` to ``offset_to`` (called ``name``)."""

    observance: type[TimezoneStandard] | type[TimezoneDaylight]
    name: str
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    month: int
    at: dt.time

    def day(self, year: int) -> dt.date:
        """The last Sunday of the month in ``year``."""
        next_month = dt.date(year + self.month // 12, self.month % 12 + 1, 1)
        last = next_month - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() + 1) % 7)

    def instant(self, year: int) -> dt.datetime:
        """When the clocks change in ``year``, in UTC."""
        return dt.datetime.combine(self.day(year), self.at, tzinfo=dt.timezone(self.offset_from)).astimezone(UTC)

    def component(self, since: int) -> TimezoneStandard | TimezoneDaylight:
        """The observance, from its change in ``since`` on, repeating yearly."""
        sub = self.observance()
        sub.add("dtstart", dt.datetime.combine(self.day(since), self.at))  # local time, no TZID (§3.6.5)
        sub.add("rrule", {"freq": "yearly", "bymonth": self.month, "byday": "-1SU"})
        sub.add("tzoffsetfrom", self.offset_from)
        sub.add("tzoffsetto", self.offset_to)
        sub.add("tzname", self.name)
        return sub


RULE_SINCE = 1996
"""The first year of Denmark's present rule, the EU's common summer time: from the last
Sunday of March, 02:00, to the last Sunday of October, 03:00 (:func:`rule_holds` checks
every year it is used for against the tz database)."""
CHANGES = (
    ClockChange(TimezoneDaylight, "CEST", dt.timedelta(hours=1), dt.timedelta(hours=2), 3, dt.time(2)),
    ClockChange(TimezoneStandard, "CET", dt.timedelta(hours=2), dt.timedelta(hours=1), 10, dt.time(3)),
)


def timezone() -> Timezone:
    """Europe/Copenhagen's VTIMEZONE: its rule, valid from :data:`RULE_SINCE` on."""
    zone = Timezone()
    zone.add("tzid", TZID)
    for change in CHANGES:
        zone.add_component(change.component(RULE_SINCE))
    return zone


@functools.cache
def rule_holds(year: int) -> bool:
    """The tz database changes Copenhagen's clocks in ``year`` exactly as :data:`CHANGES` say."""
    if year < RULE_SINCE:
        return False
    second = dt.timedelta(seconds=1)
    return all((c.instant(year) - second).astimezone(TZ).utcoffset() == c.offset_from
               and c.instant(year).astimezone(TZ).utcoffset() == c.offset_to for c in CHANGES)


def rule_offset(instant: dt.datetime) -> dt.timedelta:
    """The UTC offset that :data:`CHANGES` give at ``instant`` (an aware datetime)."""
    changes = sorted(CHANGES, key=lambda c: c.instant(instant.year))
    offset = changes[0].offset_from
    for change in changes:
        if instant >= change.instant(instant.year):
            offset = change.offset_to
    return offset


def moment(day: dt.date, time: dt.time) -> dt.datetime:
    """A meeting's day and time as written in the calendar: Copenhagen time where the
    VTIMEZONE gives it the offset the tz database gives, else the same instant in UTC.

    A time that the autumn change makes happen twice, or that the spring change skips,
    is written in UTC too: RFC 5545 §3.3.5 says which instant such a time means, but
    parsers differ (ical.js reads 02:30 on the autumn day as the second one). The
    instant is the tz database's (the first of two, the offset before a gap).
    """
    local = dt.datetime.combine(day, time, tzinfo=TZ)  # a year in values.YEARS: always convertible
    instant = local.astimezone(UTC)
    once = local.utcoffset() == local.replace(fold=1).utcoffset()
    return local if once and rule_holds(instant.year) and rule_offset(instant) == local.utcoffset() else instant


def in_calendar(meeting: Meeting) -> bool:
    """Only meetings known to the day can be calendar events."""
    return meeting.start.date.precision == "day"


def event_uid(meeting: Meeting, site_url: str) -> str:
    """Stable UID: the meeting id at the site's host, e.g. ``forum-2017-1@boligdialog.dk``."""
    return f"{meeting.id}@{urlsplit(site_url).hostname or 'boligdialog'}"


def meeting_event(meeting: Meeting, lang: Lang, url: str, site_url: str, stamp: dt.datetime,
                  theme_titles: list[str]) -> Event:
    """The VEVENT of a meeting known to the day (see :func:`in_calendar`)."""
    s = strings(lang)
    event = Event()
    event.add("uid", event_uid(meeting, site_url))
    event.add("dtstamp", stamp.astimezone(UTC))
    day = meeting.start.date.first_day()
    lines = []
    if meeting.start.time is None:
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
    else:
        event.add("dtstart", moment(day, meeting.start.time))
        if meeting.end is not None:
            event.add("dtend", moment(day, meeting.end))
        else:
            lines.append(s["end_not_announced"])
    title = meeting.name.get(lang).text
    cancelled = meeting.state == "cancelled"
    # apps that ignore STATUS (Google Calendar's subscriptions, many phones) show the title
    event.add("summary", s["cancelled_title"].replace("{title}", title) if cancelled else title)
    if cancelled:
        lines.insert(0, s["meeting_cancelled"])
    if theme_titles:
        lines.append(f"{s['themes']}: {', '.join(theme_titles)}")
    if meeting.agenda:
        lines.append(f"{s['agenda']}:")
        lines += [f"{item.number + '. ' if item.number else ''}{item.name.get(lang).text}" for item in meeting.agenda]
    lines.append(url)
    event.add("description", "\n".join(lines))
    event.add("url", url)
    place = [meeting.location.get(lang).text] if meeting.location is not None else []
    place += [str(meeting.address)] if meeting.address is not None else []
    if place:  # what a calendar app shows and hands to a map: the place's name and its address
        event.add("location", ", ".join(place))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


_written: dict[tuple[str, Lang], tuple[tuple[Any, ...], Meeting, dt.datetime, bytes]] = {}
"""The last event written for each meeting and language: its arguments but the stamp, its record,
its stamp, its bytes."""
_words: dict[Lang, dict[str, str]] = {}
"""The words the events of :data:`_written` were written with, by language (each build loads the
words again: a new dict, most often equal to the last)."""


def meeting_event_ical(meeting: Meeting, lang: Lang, url: str, site_url: str, stamp: dt.datetime,
                       theme_titles: list[str]) -> bytes:
    """:func:`meeting_event` written out; for the same arguments as the last time (an equal
    record, equal words) the bytes written then, with the new ``stamp`` as DTSTAMP if it moved
    (every build has its own time): a preview rebuild after a data edit writes out only the
    events of the meetings that changed. One entry per meeting and language."""
    words = strings(lang)
    if _words.get(lang) is not words:
        if _words.get(lang) != words:
            for key in [key for key in _written if key[1] == lang]:
                del _written[key]
        _words[lang] = words
    args = (url, site_url, tuple(theme_titles))
    last = _written.get((meeting.id, lang))
    if last is not None and last[0] == args and last[1] == meeting:
        out = last[3] if last[2] == stamp else _restamped(last[3], last[2], stamp)
    else:
        out = None
    if out is None:
        out = meeting_event(meeting, lang, url, site_url, stamp, theme_titles).to_ical()
    _written[(meeting.id, lang)] = (args, meeting, stamp, out)
    return out


def _restamped(event: bytes, old: dt.datetime, new: dt.datetime) -> bytes | None:
    """``event`` (bytes of :func:`meeting_event`) with ``new`` as its DTSTAMP instead of ``old``,
    or ``None`` if its DTSTAMP line is not the one line icalendar writes for ``old``."""
    before, after = _stamp_line(old), _stamp_line(new)
    return event.replace(before, after) if event.count(before) == 1 else None


@functools.lru_cache(maxsize=16)
def _stamp_line(stamp: dt.datetime) -> bytes:
    """The DTSTAMP line icalendar writes into an event for ``stamp``, with the line breaks around it."""
    event = Event()
    event.add("dtstamp", stamp.astimezone(UTC))
    lines = event.to_ical().split(b"\r\n")
    return b"\r\n" + next(line for line in lines if line.startswith(b"DTSTAMP:")) + b"\r\n"


def forget() -> None:
    """Drop the events kept for the next build (a build that has no next one, before Pagefind)."""
    _written.clear()
    _words.clear()


def deadline_event(agreement: Agreement, lang: Lang, url: str, site_url: str, stamp: dt.datetime) -> Event | None:
    """The deadline of a consultation as an all-day VEVENT on its last day, or ``None`` when
    the deadline is known only to the month. UID ``hoering-<version id>@<host>``."""
    c = agreement.consultation
    if c is None or c.closes.precision != "day":
        return None
    s = strings(lang)
    title = agreement.title.get(lang).text
    event = Event()
    event.add("uid", f"hoering-{agreement.id}@{urlsplit(site_url).hostname or 'boligdialog'}")
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", c.closes.first_day())
    event.add("dtend", c.closes.first_day() + dt.timedelta(days=1))
    event.add("summary", f"{s['deadline']}: {title}")
    event.add("description", "\n".join([f"{s['consultation']}: {title}", url]))
    event.add("url", url)
    event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: it does not make anyone busy
    return event


END_CALENDAR = b"END:VCALENDAR\r\n"


def calendar_file(events: Iterable[Event | bytes], *, name: str, refresh: dt.timedelta = REBUILD_EVERY) -> bytes:
    """A VCALENDAR named ``name`` holding Copenhagen's VTIMEZONE and ``events``.

    Subscribers are told its name (RFC 7986 ``NAME`` and the older ``X-WR-CALNAME``) and to
    fetch it again every ``refresh`` (RFC 7986 ``REFRESH-INTERVAL``, and ``X-PUBLISHED-TTL``
    that Outlook reads): by default as often as the site is rebuilt.

    An event may be given as its ``to_ical()`` already (an event in several calendars is then
    written out once): the file is the calendar's own lines, then the VTIMEZONE's (written out
    once a build), the events', then its end: the bytes icalendar writes for the calendar
    holding them.
    """
    return b"".join([_head(name, refresh), _timezone_ical(),
                     *(e if isinstance(e, bytes) else e.to_ical() for e in events), END_CALENDAR])


@functools.lru_cache(maxsize=8192)
def _head(name: str, refresh: dt.timedelta) -> bytes:
    """The calendar's own lines of :func:`calendar_file` (a file's name and refresh are all that differ)."""
    head = _calendar(name, refresh).to_ical()
    assert head.endswith(END_CALENDAR)
    return head[:-len(END_CALENDAR)]


@functools.cache
def _timezone_ical() -> bytes:
    """:func:`timezone` written out (the same in every file)."""
    return timezone().to_ical()


def _calendar(name: str, refresh: dt.timedelta) -> Calendar:
    """The VCALENDAR of :func:`calendar_file` without its components."""
    cal = Calendar()
    cal.add("prodid", i18n.fill(PRODID, "da"))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(refresh))
    cal.add("x-wr-timezone", TZID)
    return cal
