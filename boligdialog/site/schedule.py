"""Upcoming and past, decided against the build date.

The build date is today, or ``SOURCE_DATE_EPOCH`` when set, so a build can be
reproduced and a test can fix the date.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from boligdialog.model.records import Decision, Meeting
from boligdialog.model.translate import tr

TZ = ZoneInfo("Europe/Copenhagen")

REBUILD_EVERY = dt.timedelta(days=1)
"""How often the published site is rebuilt (the schedule in ``.github/workflows/publish.yml``),
so that "upcoming" and "past" stay true; calendars ask subscribers to refetch as often.
``tests/test_calendar.py`` fails when the workflow's schedule says otherwise."""


def build_time(environ: Mapping[str, str] = os.environ) -> dt.datetime:
    """The moment the site is built, in Copenhagen time."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        if not epoch.strip().isdigit():
            raise ValueError(tr("SOURCE_DATE_EPOCH: expected a whole number of seconds but received {value}",
                                value=repr(epoch)))
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).astimezone(TZ)
    return dt.datetime.now(TZ)


def is_upcoming(meeting: Meeting, today: dt.date) -> bool:
    """Not yet held: its (last possible) day is today or later.

    A meeting marked ``held`` is past whatever its date says.
    """
    return meeting.state != "held" and meeting.start.date.last_day() >= today


def shown_state(meeting: Meeting, today: dt.date) -> str:
    """``planned``, ``held`` or ``cancelled`` as recorded, except a planned meeting whose
    (last possible) day has passed: ``awaiting_report``, neither upcoming nor held."""
    if meeting.state == "planned" and meeting.start.date.last_day() < today:
        return "awaiting_report"
    return meeting.state


def meeting_key(meeting: Meeting) -> tuple[dt.date, dt.time]:
    """Chronological sort key of a meeting (a month-only date counts as the 1st)."""
    return meeting.start.date.first_day(), meeting.start.time or dt.time(0, 0)


def upcoming(meetings: list[Meeting], today: dt.date) -> list[Meeting]:
    """Meetings still to come, soonest first (cancelled ones included)."""
    return sorted((m for m in meetings if is_upcoming(m, today)), key=meeting_key)


def past(meetings: list[Meeting], today: dt.date) -> list[Meeting]:
    """Meetings that have taken place (or whose day has passed), newest first."""
    return sorted((m for m in meetings if not is_upcoming(m, today)), key=meeting_key, reverse=True)


def next_meeting(meetings: list[Meeting], today: dt.date) -> Meeting | None:
    """The next meeting that will take place, if any."""
    return next((m for m in upcoming(meetings, today) if m.state != "cancelled"), None)


RECENT = dt.timedelta(days=365)
"""How far back a list page shows past meetings and finished decisions itself; older ones
are on the year pages (``/moeder/2019/``), so no page grows with the years."""


def is_recent(meeting: Meeting, today: dt.date) -> bool:
    """Past, and its (last possible) day lies within :data:`RECENT` before the build date."""
    return not is_upcoming(meeting, today) and meeting.start.date.last_day() > today - RECENT


def recent(meetings: list[Meeting], today: dt.date) -> list[Meeting]:
    """Past meetings of the last twelve months, newest first."""
    return [m for m in past(meetings, today) if is_recent(m, today)]


def year_of(meeting: Meeting) -> int:
    """The year a meeting belongs to in the archive (a date known only to the year has one too)."""
    return meeting.start.date.year


def years(meetings: list[Meeting]) -> list[int]:
    """Every year with a meeting, newest first: the year pages of the archive."""
    return sorted({year_of(m) for m in meetings}, reverse=True)


def in_year(meetings: list[Meeting], year: int) -> list[Meeting]:
    """The meetings of ``year``, in the order they take place."""
    return sorted((m for m in meetings if year_of(m) == year), key=meeting_key)


@dataclass(frozen=True)
class Archive:
    """Which year pages the site has: one per year with a meeting, per theme and year with a
    meeting on it, and two per year in which decisions were taken (the finished ones, the open ones)."""

    meetings: list[int]
    """Years with a meeting, newest first."""
    themes: dict[str, list[int]]
    """Theme id -> years with a meeting on the theme, newest first."""
    decisions: list[int]
    """Years whose meetings took a decision, newest first."""


def archive(meetings: list[Meeting], decisions: list[Decision]) -> Archive:
    """The year pages of ``meetings`` and ``decisions`` (a decision's year is its meeting's;
    one naming an unknown meeting has none)."""
    on_theme: dict[str, list[Meeting]] = {}
    for m in meetings:
        for t in m.themes:
            on_theme.setdefault(t, []).append(m)
    year = {m.id: year_of(m) for m in meetings}
    decided = {year[d.meeting] for d in decisions if d.meeting in year}
    return Archive(years(meetings), {t: years(ms) for t, ms in on_theme.items()}, sorted(decided, reverse=True))
