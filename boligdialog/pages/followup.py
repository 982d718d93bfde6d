"""The follow-up: decisions and their status, each linked to where it was decided.

Pure functions from the :class:`~boligdialog.site.sitedata.Site` to Markdown; nothing here
depends on MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from boligdialog.pages.page import GeneratedPage, page
from boligdialog.pages.render import block
from boligdialog.site import routes, schedule
from boligdialog.site.i18n import strings
from boligdialog.site.sitedata import Site
from boligdialog.model.choices import DECISION_STATUSES
from boligdialog.model.records import Decision
from boligdialog.model.values import Lang

DECISION_ORDER = {status: i for i, status in enumerate(DECISION_STATUSES.values)}


@dataclass(frozen=True)
class Years:
    """The decisions in the follow-up's order, and per year how many are open and finished."""

    ordered: list[Decision]
    """Open ones first (by status), the newest first within a status."""
    year_of: dict[str, int]
    """The year of each decision's meeting, by decision id."""
    counts: list[tuple[int, int, int]]
    """(year, open, finished), newest first."""

    @classmethod
    def of(cls, site: Site) -> Years:
        year_of = {d.id: schedule.year_of(site.meeting(d.meeting)) for d in site.decisions}
        by_time = sorted(site.decisions, key=lambda d: schedule.meeting_key(site.meeting(d.meeting)), reverse=True)
        ordered = sorted(by_time, key=lambda d: DECISION_ORDER[d.status])
        counts = [(y, sum(1 for d in ordered if year_of[d.id] == y and d.is_open),
                   sum(1 for d in ordered if year_of[d.id] == y and not d.is_open))
                  for y in schedule.archive(site.meetings, site.decisions).decisions]
        return cls(ordered, year_of, counts)


def follow_up_page(site: Site, lang: Lang) -> GeneratedPage:
    """The open decisions of the last twelve months' meetings, and links to the years."""
    s = strings(lang)
    uri = routes.src_uri(lang, routes.FOLLOW_UP)
    years = Years.of(site)
    recent = [d for d in years.ordered if d.is_open and schedule.is_recent(site.meeting(d.meeting), site.today)]
    fragment = block("followup.html", lang=lang, page_uri=uri, site=site, open=recent, years=years.counts)
    return page(uri, s["follow_up"], fragment, description=s["follow_up_intro"])


YEAR_TEXTS = {True: ("finished_in_year", "finished_year_description"),
              False: ("open_in_year", "open_year_description")}
"""The title and description of a year's page of finished and of open decisions."""


def follow_up_year_pages(site: Site, years: Years, year: int, lang: Lang) -> list[GeneratedPage]:
    """The decisions taken in ``year``: a page of the finished ones, then one of the open ones."""
    s = strings(lang)
    of_year = [d for d in years.ordered if years.year_of[d.id] == year]
    pages = []
    for finished in (True, False):
        title, description = YEAR_TEXTS[finished]
        uri = routes.follow_up_year(year, lang, finished=finished)
        fragment = block("followup_year.html", lang=lang, page_uri=uri, site=site, year=year, years=years.counts,
                         finished=finished, decisions=[d for d in of_year if d.is_open != finished])
        pages.append(page(uri, s[title].format(year=year), fragment, description=s[description].format(year=year)))
    return pages
