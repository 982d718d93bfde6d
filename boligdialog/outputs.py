"""Files beside the pages: calendars, feeds, and JSON-LD for meeting pages.

Collects what :mod:`calendar`, :mod:`feed` and :mod:`jsonld` need from the
:class:`~boligdialog.sitedata.Site` and calls them; no MkDocs here either.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from . import calendar, feed, jsonld, routes
from .choices import label
from .i18n import strings
from .sitedata import Site
from .model import Meeting
from .values import LANGS, Lang


def _meeting_url(site_url: str, lang: Lang) -> Callable[[Meeting], str]:
    return lambda m: routes.absolute(site_url, routes.item("meetings", m.id, lang))


def _theme_titles(site: Site, lang: Lang) -> Callable[[Meeting], list[str]]:
    return lambda m: [site.theme(t).title.get(lang).text for t in m.themes]


def calendars(site: Site, *, site_url: str, stamp: dt.datetime) -> dict[str, bytes]:
    """``{path: ics}``: the whole series and one per theme, in each language."""
    out: dict[str, bytes] = {}
    for lang in LANGS:
        page_url, titles = _meeting_url(site_url, lang), _theme_titles(site, lang)
        events = {m.id: calendar.meeting_event(m, lang, page_url(m), site_url, stamp, titles(m))
                  for m in site.meetings if calendar.in_calendar(m)}  # each event made once
        out[routes.calendar(lang)] = calendar.calendar_file(
            events.values(), name=f"Visionsforum – {strings(lang)['site_name']}")
        for theme in site.themes:
            out[routes.theme_calendar(theme.id, lang)] = calendar.calendar_file(
                [e for mid, e in events.items() if theme.id in site.meeting(mid).themes],
                name=f"Visionsforum – {theme.title.get(lang).text}")
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
        danish = site.report(m, "da")
        report = site.report(m, lang) or danish
        if report is None or danish is None or report.meta.date is None:
            continue
        name = m.name.get(lang).text
        marks = [label("minutes", "draft", lang).lower()] if danish.meta.minutes == "draft" else []
        if report.lang != lang:
            marks.append(s["only_da"])
        entries.append(feed.FeedEntry(
            key=f"report/{m.id}",
            title=f"{s['report']}: {name}" + (f" ({', '.join(marks)})" if marks else ""),
            url=routes.absolute(site_url, routes.item("meetings", m.id, lang)) + "#referat",
            published=report.meta.date, updated=report.meta.updated,
            summary_html=feed.summary_html(report.meta.description, _first_paragraph(report.body) or name),
        ))
    for page in site.news(lang):
        path = routes.danish_uri(page.src_uri)
        assert page.meta.title is not None and page.meta.date is not None  # checked when loading
        only_da = f" ({s['only_da']})" if page.lang != lang else ""
        entries.append(feed.FeedEntry(
            key=f"news/{path.removesuffix('.md')}",
            title=page.meta.title + only_da, url=routes.absolute(site_url, routes.src_uri(lang, path)),
            published=page.meta.date, updated=page.meta.updated,
            summary_html=feed.summary_html(page.meta.description, _first_paragraph(page.body)),
        ))
    return entries


def feeds(site: Site, *, site_url: str) -> dict[str, bytes]:
    """``{path: atom}``: reports and news, one feed per language."""
    out: dict[str, bytes] = {}
    for lang in LANGS:
        s = strings(lang)
        uri = routes.feed(lang)
        out[uri] = feed.atom_feed(
            feed_entries(site, lang, site_url), lang=lang, title=s["site_name"], subtitle=s["feed_subtitle"],
            site_url=site_url, home_url=routes.absolute(site_url, routes.src_uri(lang, "index.md")),
            feed_url=routes.absolute(site_url, uri),
        )
    return out


def head_extras(site: Site, *, site_url: str) -> dict[str, str]:
    """``{page path: HTML for <head>}``: JSON-LD on every meeting page.

    The organiser is the partnership (its site), which holds the Visionsforum; listing every
    partner on every meeting page would make each page grow with the partnership.
    """
    out: dict[str, str] = {}
    for lang in LANGS:
        name = strings(lang)["site_name"]
        for m in site.meetings:
            uri = routes.item("meetings", m.id, lang)
            out[uri] = jsonld.script(jsonld.event(m, lang=lang, url=routes.absolute(site_url, uri),
                                                  organizer=name, site_url=site_url))
    return out


