"""The meetings and the themes: the meetings page, a page per year and per meeting (with its
report), the themes page, and per theme its page and a page per year.

Pure functions from the :class:`~boligdialog.site.sitedata.Site` to Markdown; nothing here
depends on MkDocs.
"""

from __future__ import annotations

from boligdialog.pages import describe
from boligdialog.pages.page import GeneratedPage, fallback_block, page
from boligdialog.pages.render import block, md_escape
from boligdialog.site import routes, schedule
from boligdialog.site.i18n import strings
from boligdialog.site.sitedata import Site
from boligdialog.model.records import Meeting, Theme
from boligdialog.model.values import Lang


def meeting_counts(meetings: list[Meeting]) -> list[tuple[int, int]]:
    """(year, number of meetings) of every year with a meeting, newest first."""
    return [(y, len(schedule.in_year(meetings, y))) for y in schedule.years(meetings)]


def report_block(site: Site, meeting: Meeting, lang: Lang) -> str:
    """The meeting's report as Markdown under its own heading (fallback to Danish),
    with a draft or approval banner taken from the Danish report's front matter."""
    s = strings(lang)
    own = site.report(meeting, lang)
    danish = site.report(meeting, "da")
    if danish is None:
        return f"## {s['report']}" + ' {: #referat }' + f"\n\n{s['no_report']}"
    report = own or danish
    if report.meta.title:
        marker = ' {: #referat lang="da" }' if own is None and lang != "da" else " {: #referat }"
        heading = f"## {md_escape(report.meta.title)}{marker}"
    else:
        heading = f"## {s['report']}" + " {: #referat }"
    banner = block("report_status.html", lang=lang, page_uri=routes.item("meetings", meeting.id, lang),
                   site=site, report=danish)
    body = fallback_block(danish.body, lang) if own is None else own.body.strip()
    return "\n\n".join(part for part in (heading, banner, body) if part)


def meetings_page(site: Site, lang: Lang, site_url: str) -> GeneratedPage:
    """The meetings page: upcoming, the last twelve months, links to the years."""
    s = strings(lang)
    uri = routes.section_index("meetings", lang)
    today = site.today
    fragment = block("meetings.html", lang=lang, page_uri=uri, site=site, site_url=site_url,
                     upcoming=schedule.upcoming(site.meetings, today), recent=schedule.recent(site.meetings, today),
                     years=meeting_counts(site.meetings))
    return page(uri, s["meetings"], fragment, description=s["meetings_description"])


def meetings_year_page(site: Site, year: int, years: list[tuple[int, int]], lang: Lang) -> GeneratedPage:
    """Every meeting of ``year`` (``years``: every year's count, for the links between them)."""
    s = strings(lang)
    uri = routes.meetings_year(year, lang)
    fragment = block("meetings_year.html", lang=lang, page_uri=uri, site=site, year=year,
                     meetings=schedule.in_year(site.meetings, year), years=years)
    return page(uri, s["meetings_in_year"].format(year=year), fragment,
                description=s["meetings_year_description"].format(year=year))


def meeting_page(site: Site, meeting: Meeting, lang: Lang) -> GeneratedPage:
    """A meeting's page: when, where, its state and whether there is a report first, then
    the report, then the agenda, files, decisions and the organisations."""
    uri = routes.item("meetings", meeting.id, lang)
    in_calendar = meeting.start.date.precision == "day" and site.state_of(meeting) != "cancelled"
    facts = block("meeting.html", lang=lang, page_uri=uri, site=site, meeting=meeting,
                  report=site.report(meeting, "da"),
                  calendar_uri=routes.meeting_calendar(meeting.id, lang) if in_calendar else None)
    more = block("meeting_more.html", lang=lang, page_uri=uri, site=site, meeting=meeting)
    return page(uri, meeting.name.get(lang), facts, report_block(site, meeting, lang), more,
                description=describe.meeting(site, meeting, lang))


def themes_page(site: Site, lang: Lang) -> GeneratedPage:
    s = strings(lang)
    uri = routes.section_index("themes", lang)
    return page(uri, s["themes"], block("themes.html", lang=lang, page_uri=uri, themes=site.themes),
                description=describe.themes(site, lang))


def theme_pages(site: Site, theme: Theme, lang: Lang, site_url: str) -> list[GeneratedPage]:
    """A theme's page (its upcoming meetings and those of the last twelve months), then a page
    per year with every meeting on it."""
    s = strings(lang)
    today = site.today
    uri = routes.item("themes", theme.id, lang)
    on_theme = [m for m in site.meetings if theme.id in m.themes]
    years = meeting_counts(on_theme)
    fragment = block("theme.html", lang=lang, page_uri=uri, site=site, site_url=site_url, theme=theme,
                     upcoming=schedule.upcoming(on_theme, today), recent=schedule.recent(on_theme, today),
                     years=years)
    pages = [page(uri, theme.title.get(lang), fragment, description=theme.summary.get(lang).text)]
    title = theme.title.get(lang).text
    for year, _ in years:
        year_uri = routes.theme_year(theme.id, year, lang)
        fragment = block("theme_year.html", lang=lang, page_uri=year_uri, site=site, theme=theme, year=year,
                         meetings=schedule.in_year(on_theme, year), years=years)
        pages.append(page(year_uri, s["theme_in_year"].format(theme=title, year=year), fragment,
                          description=s["theme_year_description"].format(theme=title, year=year)))
    return pages
