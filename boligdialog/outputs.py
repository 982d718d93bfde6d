"""Files beside the pages: calendars, feeds, and JSON-LD for meeting pages.

Collects what :mod:`calendar`, :mod:`feed` and :mod:`jsonld` need from the
:class:`~boligdialog.load.Site` and calls them; no MkDocs here either.
"""

from __future__ import annotations

import datetime as dt
import re

from . import calendar, feed, jsonld, routes
from .i18n import strings
from .load import Site
from .model import Meeting
from .values import LANGS, Lang


def _meeting_url(site_url: str, lang: Lang):
    return lambda m: routes.absolute(site_url, routes.item("meetings", m.id, lang))


def _theme_titles(site: Site, lang: Lang):
    return lambda m: [site.theme(t).title.get(lang).text for t in m.themes]


def calendars(site: Site, *, site_url: str, stamp: dt.datetime) -> dict[str, bytes]:
    """``{path: ics}``: the whole series and one per theme, in each language."""
    out: dict[str, bytes] = {}
    for lang in LANGS:
        s = strings(lang)
        common = dict(lang=lang, site_url=site_url, page_url=_meeting_url(site_url, lang),
                      theme_titles=_theme_titles(site, lang), stamp=stamp)
        out[routes.src_uri(lang, routes.CALENDAR)] = calendar.meeting_calendar(
            site.meetings, name=f"Visionsforum – {s['site_name']}", **common)
        for theme in site.themes:
            out[routes.theme_calendar(theme.id, lang)] = calendar.meeting_calendar(
                [m for m in site.meetings if theme.id in m.themes],
                name=f"Visionsforum – {theme.title.get(lang).text}", **common)
    return out


def _first_paragraph(markdown: str) -> str:
    for block in re.split(r"\n\s*\n", markdown.strip()):
        if block.strip() and not block.lstrip().startswith(("#", "<", "---")):
            return " ".join(block.split())
    return ""


def feed_entries(site: Site, lang: Lang, site_url: str) -> list[feed.FeedEntry]:
    s = strings(lang)
    entries = []
    for m in site.meetings:
        report = site.report(m, lang) or site.report(m, "da")
        if report is None or report.meta.date is None:
            continue
        name = m.name.get(lang).text
        draft = f" ({s['draft'].lower()})" if report.meta.status == "draft" else ""
        entries.append(feed.FeedEntry(
            key=f"report/{m.id}",
            title=f"{s['report']}: {name}{draft}",
            url=routes.absolute(site_url, routes.item("meetings", m.id, lang)) + "#referat",
            published=report.meta.date, updated=report.meta.updated,
            summary=report.meta.description or _first_paragraph(report.body) or name,
            lang=report.lang,
        ))
    for page in site.news(lang):
        uri = routes.src_uri(lang, page.src_uri.removeprefix("en/"))
        entries.append(feed.FeedEntry(
            key=f"news/{page.src_uri.removeprefix('en/').removesuffix('.md')}",
            title=page.meta.title or "", url=routes.absolute(site_url, uri),
            published=page.meta.date, updated=page.meta.updated,  # type: ignore[arg-type]
            summary=page.meta.description or _first_paragraph(page.body), lang=page.lang,
        ))
    return entries


def feeds(site: Site, *, site_url: str) -> dict[str, bytes]:
    """``{path: atom}``: reports and news, one feed per language."""
    out: dict[str, bytes] = {}
    for lang in LANGS:
        s = strings(lang)
        uri = routes.src_uri(lang, routes.FEED)
        out[uri] = feed.atom_feed(
            feed_entries(site, lang, site_url), lang=lang, title=s["site_name"], subtitle=s["feed_subtitle"],
            site_url=site_url, home_url=routes.absolute(site_url, routes.src_uri(lang, "index.md")),
            feed_url=routes.absolute(site_url, uri),
        )
    return out


def organizers(site: Site) -> list:
    return [p for p in site.partners if p.current.status == "signed"]


def meeting_jsonld(site: Site, meeting: Meeting, lang: Lang, site_url: str) -> str:
    url = routes.absolute(site_url, routes.item("meetings", meeting.id, lang))
    return jsonld.script(jsonld.event(meeting, lang=lang, url=url, organizers=organizers(site), site_url=site_url))


def head_extras(site: Site, *, site_url: str) -> dict[str, str]:
    """``{page path: HTML for <head>}``: JSON-LD on every meeting page."""
    return {
        routes.item("meetings", m.id, lang): meeting_jsonld(site, m, lang, site_url)
        for lang in LANGS for m in site.meetings
    }


