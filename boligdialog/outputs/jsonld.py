"""schema.org JSON-LD: an ``Event`` for a meeting page, the partnership (``Organization``)
and the site (``WebSite``) for the home pages, the open data (``Dataset``) for its page.

Pure: records in, ``dict`` out, and :func:`script` to put one safely in HTML. A meeting is an
Event only when its day is known: a date known only to the month is not a start date that
search engines accept, and the page says so in words instead. What is not known (time,
place, address, end) is left out rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from boligdialog.site.identity import Identity
from boligdialog.model.records import Meeting
from boligdialog.site.schedule import TZ
from boligdialog.model.values import LANGS, Address, Lang

CONTEXT = "https://schema.org"
STATUS = {"planned": "EventScheduled", "held": "EventScheduled", "cancelled": "EventCancelled"}
COUNTRY = "DK"
"""Every address is Danish (:class:`~boligdialog.model.values.Address`)."""


def _iso(day: dt.date, time: dt.time | None) -> str:
    """``2027-03-18T17:00:00+01:00`` (Copenhagen time, with its offset on that day), or the
    day alone when no time is known."""
    return day.isoformat() if time is None else dt.datetime.combine(day, time, tzinfo=TZ).isoformat()


def postal_address(address: Address) -> dict[str, str]:
    return {"@type": "PostalAddress", "streetAddress": address.street, "postalCode": address.postcode,
            "addressLocality": address.locality, "addressCountry": COUNTRY}


def organization(identity: Identity, lang: Lang) -> dict[str, Any]:
    """The partnership, by its name in ``lang``; the same ``@id`` on every page."""
    return {"@type": "Organization", "@id": identity.organization_id,
            "name": identity.name.get(lang).text, "url": identity.url}


def event(meeting: Meeting, *, lang: Lang, url: str, description: str, organizer: dict[str, Any]) -> dict[str, Any] | None:
    """schema.org Event of a meeting, or ``None`` when its day is not known."""
    day = meeting.start.date.as_date()
    if day is None:
        return None
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": meeting.name.get(lang).text,
        "description": description,
        "startDate": _iso(day, meeting.start.time),
        "eventStatus": f"https://schema.org/{STATUS[meeting.state]}",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": lang,
        "url": url,
        "organizer": organizer,
    }
    if meeting.start.time is not None and meeting.end is not None:
        data["endDate"] = _iso(day, meeting.end)
    place: dict[str, Any] = {}
    if meeting.location is not None:
        place["name"] = meeting.location.get(lang).text
    if meeting.address is not None:
        place["address"] = postal_address(meeting.address)
    if place:
        data["location"] = {"@type": "Place", **place}
    return data


def home(identity: Identity, lang: Lang) -> dict[str, Any]:
    """The home page in ``lang``: the partnership that publishes the site, and the site in
    that language."""
    org = organization(identity, lang) | {"description": identity.description.get(lang).text}
    other = [identity.name.get(code).text for code in LANGS if code != lang]
    if other and other[0] != org["name"]:
        org["alternateName"] = other[0]
    home_url = identity.home(lang)
    website = {"@type": "WebSite", "@id": home_url + "#website", "name": org["name"], "url": home_url,
               "inLanguage": lang, "publisher": {"@id": identity.organization_id}}
    return {"@context": CONTEXT, "@graph": [org, website]}


MEDIA_TYPES = {".csv": "text/csv", ".json": "application/json", ".jsonld": "application/ld+json"}


def dataset(identity: Identity, lang: Lang, *, name: str, description: str, page_url: str, data_url: str,
            files: list[str], license_url: str, keywords: list[str], modified: dt.datetime) -> dict[str, Any]:
    """The open data as a schema.org ``Dataset`` (the open-data page in ``lang``): what search
    engines' dataset search reads. ``files`` are the names under ``data_url``; the partnership
    both makes and publishes them."""
    downloads = [{"@type": "DataDownload", "contentUrl": data_url + name,
                  "encodingFormat": MEDIA_TYPES[name[name.rfind("."):]]}
                 for name in files if name[name.rfind("."):] in MEDIA_TYPES]
    return {"@context": CONTEXT, "@type": "Dataset", "name": name, "description": description,
            "url": page_url, "inLanguage": lang, "license": license_url, "keywords": keywords,
            "isAccessibleForFree": True, "dateModified": modified.isoformat(timespec="seconds"),
            "creator": {"@id": identity.organization_id}, "publisher": organization(identity, lang),
            "distribution": downloads}


def script(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` element. ``<``, ``>`` and ``&`` are
    written as JSON escapes, so no value can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'
