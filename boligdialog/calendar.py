"""iCalendar (RFC 5545) files of Visionsforum meetings, made with the icalendar library.

Pure functions: meetings and URLs in, ``bytes`` out. A meeting with a time is a
timed event in Europe/Copenhagen (with its VTIMEZONE); a meeting with only a day
is an all-day event; a meeting known only to the month or year is left out.
UIDs depend on the meeting id and the site's host only, so they stay the same
across builds and edits of any other field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from .i18n import strings
from .model import Meeting
from .schedule import TZ
from .values import Lang

PRODID = "-//boligdialog//Visionsforum//DA"


def in_calendar(meeting: Meeting) -> bool:
    """Only meetings known to the day can be calendar events."""
    return meeting.start.date.precision == "day"


def event_uid(meeting: Meeting, site_url: str) -> str:
    """Stable UID: the meeting id at the site's host, e.g. ``visionsforum-2017-1@boligdialog.dk``."""
    return f"{meeting.id}@{urlsplit(site_url).hostname or 'boligdialog'}"


def meeting_event(meeting: Meeting, lang: Lang, url: str, site_url: str, stamp: dt.datetime,
                  theme_titles: list[str]) -> Event:
    """The VEVENT of a meeting known to the day (see :func:`in_calendar`)."""
    s = strings(lang)
    event = Event()
    event.add("uid", event_uid(meeting, site_url))
    event.add("dtstamp", stamp.astimezone(dt.timezone.utc))
    day = meeting.start.date.first_day()
    if meeting.start.time is None:
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
    else:
        event.add("dtstart", dt.datetime.combine(day, meeting.start.time, tzinfo=TZ))
        if meeting.end is not None:
            event.add("dtend", dt.datetime.combine(day, meeting.end, tzinfo=TZ))
    event.add("summary", meeting.name.get(lang).text)
    lines = []
    if theme_titles:
        lines.append(f"{s['themes']}: {', '.join(theme_titles)}")
    if meeting.agenda:
        lines.append(f"{s['agenda']}:")
        lines += [f"{item.number + '. ' if item.number else ''}{item.name.get(lang).text}" for item in meeting.agenda]
    lines.append(url)
    event.add("description", "\n".join(lines))
    event.add("url", url)
    if meeting.location is not None:
        event.add("location", meeting.location.get(lang).text)
    event.add("status", "CANCELLED" if meeting.state == "cancelled" else "CONFIRMED")
    return event


def meeting_calendar(
    meetings: Iterable[Meeting],
    *,
    lang: Lang,
    name: str,
    site_url: str,
    page_url: Callable[[Meeting], str],
    theme_titles: Callable[[Meeting], list[str]],
    stamp: dt.datetime,
) -> bytes:
    """One VCALENDAR with an event for every meeting known to the day.

    Args:
        meetings: the meetings to include (others are skipped, see :func:`in_calendar`).
        lang: language of the texts.
        name: the calendar's display name (X-WR-CALNAME).
        site_url: the site's absolute URL, for UIDs.
        page_url: absolute URL of a meeting's page in ``lang`` (the link back).
        theme_titles: titles of a meeting's themes in ``lang``.
        stamp: the build time, used as DTSTAMP.
    """
    events = [meeting_event(m, lang, page_url(m), site_url, stamp, theme_titles(m))
              for m in meetings if in_calendar(m)]
    return calendar_file(events, name=name)


def calendar_file(events: Iterable[Event], *, name: str) -> bytes:
    """A VCALENDAR named ``name`` holding ``events``, with the time zones they use."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Copenhagen")
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
