"""The partnership in Popolo JSON (https://www.popoloproject.com/specs/), for tools made for
that standard (Councilmatic and others): organisations, people, memberships and the meetings
as events.

Popolo's JSON holds one language per document, so there is one export per language; a text
without English is given in Danish in the English export. Closed lists keep their codes
(``signed``, ``held``, ``municipality``) in both. Ids are those of the tables and the page
addresses: a partner and a meeting keep their own id; the partnership itself, which the
data files do not list as a record, is identified by the site's address; a representative
is ``<partner>/representatives/<n>`` and a membership ``<partner>/memberships/<n>`` (the
place in the partner's list, from 1, as in the tables). Pure: site in, JSON bytes out.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from boligdialog.site import routes
from boligdialog.site.i18n import strings
from boligdialog.model.records import Meeting, Partner
from boligdialog.site.schedule import TZ
from boligdialog.site.sitedata import Site
from boligdialog.model.values import Lang, PartialDate

CLASSIFICATION = "partnership"
"""Popolo classification of the partnership itself."""
EVENT_CLASSIFICATION = "meeting"
def number_scheme() -> str:
    """Scheme of a meeting's number among the forum's meetings (Popolo identifier): ``<forum slug>-number``."""
    return f"{routes.forum_slug()}-number"


def moment(date: PartialDate, time: dt.time | None) -> str:
    """A date at its precision, or, with a time of day, an ISO 8601 time with the Copenhagen offset."""
    if time is None or date.precision != "day":
        return date.isoformat()
    return dt.datetime.combine(date.first_day(), time, tzinfo=TZ).isoformat()


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def organization(partner: Partner, lang: Lang, site_url: str) -> dict[str, Any]:
    name = partner.name.get(lang).text
    links = [{"url": routes.absolute(site_url, routes.item("partners", partner.id, lang))}]
    if partner.website:
        links.append({"url": partner.website, "note": strings(lang)["website"]})
    return _drop_empty({
        "id": partner.id,
        "name": name,
        "other_names": [{"name": partner.short_name}] if partner.short_name and partner.short_name != name else [],
        "classification": partner.classification,
        "description": partner.description.get(lang).text if partner.description else None,
        "links": links,
    })


def partner_memberships(partner: Partner, lang: Lang, site: Site, partnership: str) -> list[dict[str, Any]]:
    """Periods of a partner's relation to the partnership: each change (``invited``, ``signed``)
    starts one and the next change ends it; ``left`` ends one and starts none."""
    agreements = {a.id: a for a in site.agreements}
    position = {id(m): i for i, m in enumerate(partner.memberships, 1)}
    history = partner.history
    out = []
    for change, after in zip(history, [*history[1:], None]):
        if change.status == "left":
            continue
        out.append(_drop_empty({
            "id": f"{partner.id}/memberships/{position[id(change)]}",
            "label": agreements[change.agreement].title.get(lang).text,
            "role": change.status,
            "member": {"@type": "Organization", "id": partner.id},
            "organization_id": partnership,
            "start_date": change.date.isoformat(),
            "end_date": after.date.isoformat() if after else None,
        }))
    return out


def people(partner: Partner, lang: Lang) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The partner's representatives as persons, and their memberships of the partner."""
    persons, memberships = [], []
    for n, rep in enumerate(partner.representatives, 1):
        person = f"{partner.id}/representatives/{n}"
        persons.append({"id": person, "name": rep.name})
        memberships.append(_drop_empty({
            "id": f"{person}/membership",
            "role": rep.role.get(lang).text,
            "person_id": person,
            "organization_id": partner.id,
            "start_date": rep.start_date.isoformat() if rep.start_date else None,
            "end_date": rep.end_date.isoformat() if rep.end_date else None,
        }))
    return persons, memberships


def event(meeting: Meeting, lang: Lang, site_url: str, partnership: str) -> dict[str, Any]:
    return _drop_empty({
        "id": meeting.id,
        "name": meeting.name.get(lang).text,
        "start_date": moment(meeting.start.date, meeting.start.time),
        "end_date": moment(meeting.start.date, meeting.end) if meeting.end else None,
        "location": meeting.location.get(lang).text if meeting.location else None,
        "status": meeting.state,
        "classification": EVENT_CLASSIFICATION,
        "identifiers": [{"identifier": str(meeting.number), "scheme": number_scheme()}] if meeting.number else [],
        "organization_id": partnership,
        "sources": [{"url": routes.absolute(site_url, routes.item("meetings", meeting.id, lang))}],
    })


def export(site: Site, lang: Lang, *, site_url: str, site_name: str) -> dict[str, Any]:
    """The Popolo document in ``lang``: ``organizations``, ``persons``, ``memberships``, ``events``;
    the partnership is named ``site_name`` (the site's name in ``lang``)."""
    partnership = routes.absolute(site_url, "index.md")
    organizations = [{
        "id": partnership,
        "name": site_name,
        "classification": CLASSIFICATION,
        "links": [{"url": routes.absolute(site_url, routes.src_uri(lang, "index.md"))}],
    }]
    persons: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    for partner in site.partners:
        organizations.append(organization(partner, lang, site_url))
        memberships += partner_memberships(partner, lang, site, partnership)
        found, theirs = people(partner, lang)
        persons += found
        memberships += theirs
    return {
        "organizations": organizations,
        "persons": persons,
        "memberships": memberships,
        "events": [event(m, lang, site_url, partnership) for m in site.meetings],
    }


def export_file(site: Site, lang: Lang, *, site_url: str, site_name: str) -> bytes:
    """The export as UTF-8 JSON, one object to a line."""
    parts = []
    for key, items in export(site, lang, site_url=site_url, site_name=site_name).items():
        lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)
        parts.append(f"{json.dumps(key)}: [\n{lines}\n]" if items else f"{json.dumps(key)}: []")
    return ("{\n" + ",\n".join(parts) + "\n}\n").encode("utf-8")
