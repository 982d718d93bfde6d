"""schema.org ``Event`` JSON-LD for a meeting page.

Pure: meeting in, ``dict`` out, and :func:`script` to put it safely in HTML.
Dates keep their precision ("2017-08" is a valid ISO 8601 date); what is not
known (place, end) is left out rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .model import Meeting
from .schedule import TZ
from .values import Lang

STATUS = {"planned": "EventScheduled", "held": "EventScheduled", "cancelled": "EventCancelled"}


def _iso(meeting: Meeting, time: dt.time | None) -> str:
    date = meeting.start.date
    if time is None or date.precision != "day":
        return date.isoformat()
    return dt.datetime.combine(date.first_day(), time, tzinfo=TZ).isoformat()


def event(meeting: Meeting, *, lang: Lang, url: str, organizer: str, site_url: str) -> dict[str, Any]:
    """schema.org Event of a meeting; ``organizer`` is the partnership's name in ``lang``."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.name.get(lang).text,
        "startDate": _iso(meeting, meeting.start.time),
        "eventStatus": f"https://schema.org/{STATUS[meeting.state]}",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": lang,
        "url": url,
        "organizer": {"@type": "Organization", "name": organizer, "url": site_url},
    }
    if meeting.end is not None:
        data["endDate"] = _iso(meeting, meeting.end)
    if meeting.location is not None:
        data["location"] = {"@type": "Place", "name": meeting.location.get(lang).text}
    return data


def script(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` element. ``<``, ``>`` and ``&`` are
    written as JSON escapes, so no value can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'
