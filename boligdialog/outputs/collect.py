"""Files beside the pages: calendars, feeds, JSON-LD for meeting and home pages, and the open data.

Collects what :mod:`calendar`, :mod:`feed`, :mod:`jsonld`, :mod:`opendata` and
:mod:`popolo` need from the :class:`~boligdialog.site.sitedata.Site` and calls them; no MkDocs
here either. The site's name in each language comes from its
:class:`~boligdialog.site.identity.Identity`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from boligdialog.outputs import calendar, feed, jsonld, opendata, popolo
from boligdialog.pages import describe
from boligdialog.site import routes
from boligdialog.model.choices import label
from boligdialog.site.i18n import strings
from boligdialog.site.identity import Identity
from boligdialog.site.settings import AboutData
from boligdialog.site.sitedata import Site
from boligdialog.model.records import Meeting
from boligdialog.model.values import LANGS, Lang, Text


def _meeting_url(site_url: str, lang: Lang) -> Callable[[Meeting], str]:
    return lambda m: routes.absolute(site_url, routes.item("meetings", m.id, lang))


def _theme_titles(site: Site, lang: Lang) -> Callable[[Meeting], list[str]]:
    return lambda m: [site.theme(t).title.get(lang).text for t in m.themes]


def calendars(site: Site, *, site_url: str, stamp: dt.datetime, site_name: Text) -> dict[str, bytes]:
    """``{path: ics}``: the whole series (with the deadlines of consultations on the agreement),
    one per meeting with a known day (to add once) and one per theme, in each language; the series is named after the site (``site_name``)
    in that language."""
    out: dict[str, bytes] = {}
    for lang in LANGS:
        page_url, titles = _meeting_url(site_url, lang), _theme_titles(site, lang)
        events = {m.id: calendar.meeting_event_ical(m, lang, page_url(m), site_url, stamp, titles(m))
                  for m in site.meetings if calendar.in_calendar(m)}  # each event made and written out once
        for mid, event in events.items():
            out[routes.meeting_calendar(mid, lang)] = calendar.calendar_file(
                [event], name=site.meeting(mid).name.get(lang).text)
        deadlines = [e for a in site.agreements if (e := calendar.deadline_event(
            a, lang, routes.absolute(site_url, routes.src_uri(lang, a.text)), site_url, stamp)) is not None]
        out[routes.calendar(lang)] = calendar.calendar_file(
            [*events.values(), *deadlines],
            name=strings(lang)["calendar_name"].format(site_name=site_name.get(lang).text))
        for theme in site.themes:
            out[routes.theme_calendar(theme.id, lang)] = calendar.calendar_file(
                [e for mid, e in events.items() if theme.id in site.meeting(mid).themes],
                name=strings(lang)["theme_calendar_name"].format(theme=theme.title.get(lang).text))
    return out


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
            description=report.meta.description, body=report.body, fallback=name,
        ))
    for page in site.news(lang):
        path = routes.danish_uri(page.src_uri)
        assert page.meta.title is not None and page.meta.date is not None  # checked when loading
        only_da = f" ({s['only_da']})" if page.lang != lang else ""
        entries.append(feed.FeedEntry(
            key=f"news/{path.removesuffix('.md')}",
            title=page.meta.title + only_da, url=routes.absolute(site_url, routes.src_uri(lang, path)),
            published=page.meta.date, updated=page.meta.updated,
            description=page.meta.description, body=page.body,
        ))
    return entries


def feeds(site: Site, *, identity: Identity) -> dict[str, bytes]:
    """``{path: atom}``: reports and news, one feed per language, named after the site and
    written by the partnership, in that language."""
    out: dict[str, bytes] = {}
    for lang in LANGS:
        uri = routes.feed(lang)
        name = identity.name.get(lang).text
        out[uri] = feed.atom_feed(
            feed_entries(site, lang, identity.url), lang=lang, title=name, subtitle=strings(lang)["feed_subtitle"],
            author=name, site_url=identity.url, home_url=identity.home(lang),
            feed_url=routes.absolute(identity.url, uri),
        )
    return out


def head_extras(site: Site, *, identity: Identity, package: opendata.Package | None = None,
                about: AboutData | None = None) -> dict[str, str]:
    """``{page path: HTML for <head>}``: JSON-LD on the home pages (the partnership and the
    site), on every meeting page whose day is known (the meeting as an Event), and, given the
    open data ``package`` and what it says ``about`` itself, on the open-data pages (a Dataset).

    The organiser of a meeting is the partnership, which holds the forum; listing every
    partner on every meeting page would make each page grow with the partnership.
    """
    out: dict[str, str] = {}
    for lang in LANGS:
        out[routes.src_uri(lang, "index.md")] = jsonld.script(jsonld.home(identity, lang))
        organizer = jsonld.organization(identity, lang)
        for m in site.meetings:
            uri = routes.item("meetings", m.id, lang)
            data = jsonld.event(m, lang=lang, url=routes.absolute(identity.url, uri),
                                description=describe.meeting(site, m, lang), organizer=organizer)
            if data is not None:
                out[uri] = jsonld.script(data)
        if package is not None and about is not None:
            uri = routes.src_uri(lang, routes.OPEN_DATA)
            out[uri] = jsonld.script(jsonld.dataset(
                identity, lang, name=about.title.get(lang).text, description=about.description.get(lang).text,
                page_url=routes.absolute(identity.url, uri), data_url=routes.absolute(identity.url, routes.DATA_DIR),
                files=sorted(package.files), license_url=package.license.path,
                keywords=about.keywords, modified=package.modified))
    return out


def open_data(site: Site, *, identity: Identity, license: opendata.License, about: AboutData,
              created: dt.datetime, modified: dt.datetime, kept: opendata.Package | None = None,
              keep_rows: bool = False) -> opendata.Package:
    """The open data: every table in CSV and JSON, ``datapackage.json``, and the Popolo export
    in each language (``popolo-da.json``, ``popolo-en.json``); files by their name in ``data/``.
    ``kept`` and ``keep_rows``: see :func:`boligdialog.outputs.opendata.export.package`."""
    popolo_files = {f"popolo-{lang}.json": popolo.export_file(site, lang, site_url=identity.url,
                                                              site_name=identity.name.get(lang).text)
                    for lang in LANGS}
    return opendata.package(site, site_url=identity.url, license=license, about=about, created=created,
                            modified=modified, also=popolo_files, kept=kept, keep_rows=keep_rows)
