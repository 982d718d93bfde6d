"""The partners page (grouped by kind) and a page per partner.

Pure functions from the :class:`~boligdialog.site.sitedata.Site` to Markdown; nothing here
depends on MkDocs.
"""

from __future__ import annotations

import datetime as dt
import itertools

from boligdialog.pages import describe
from boligdialog.pages.page import GeneratedPage, page
from boligdialog.pages.render import block
from boligdialog.site import routes, schedule
from boligdialog.site.i18n import strings
from boligdialog.site.sitedata import Site
from boligdialog.site.timeline import timeline
from boligdialog.model.choices import CLASSIFICATIONS
from boligdialog.model.records import Meeting, Partner
from boligdialog.model.values import Lang

OVERVIEW_MAX = 40
"""The partners page draws every partner's membership over time (a picture and a table of
every change) while there are at most this many partners. More rows neither read well nor fit
a page (at 500 partners the picture alone was 375 kB); then each partner's page shows its own."""


def partners_page(site: Site, lang: Lang) -> GeneratedPage:
    """The partners page, grouped by kind, with every partner's status on the build date."""
    s = strings(lang)
    index_uri = routes.section_index("partners", lang)
    order = {c: i for i, c in enumerate(CLASSIFICATIONS.values)}
    ordered = sorted(site.partners, key=lambda p: (order[p.classification], p.name.get(lang).text.lower()))
    groups = [(c, list(ps)) for c, ps in itertools.groupby(ordered, key=lambda p: p.classification)]
    everyone = (timeline([p for _, ps in groups for p in ps], site.agreements, site.today, lang)
                if len(site.partners) <= OVERVIEW_MAX else None)
    return page(index_uri, s["partners"], block("partners.html", lang=lang, page_uri=index_uri, site=site,
                                                 groups=groups, timeline=everyone),
                description=s["partners_description"])


def partner_page(site: Site, partner: Partner, lang: Lang) -> GeneratedPage:
    """A partner's page, with its status on the build date (membership changes dated later are
    shown as announced). It lists, once each, the meetings it is invited to or attended of the
    last twelve months and those to come (marked attended or not), and counts every year's (the municipality is invited to every
    meeting)."""
    today = site.today
    uri = routes.item("partners", partner.id, lang)
    own = timeline([partner], site.agreements, today, lang)
    invited, attended = site.meetings_invited(partner.id), site.meetings_attended(partner.id)
    counts = [(y, len(schedule.in_year(invited, y)), len(schedule.in_year(attended, y)))
              for y in schedule.years(invited + attended)]
    fragment = block("partner.html", lang=lang, page_uri=uri, site=site, partner=partner, timeline=own,
                     meetings=_listed(invited, attended, today), attended={m.id for m in attended}, years=counts)
    return page(uri, partner.name.get(lang), fragment, description=describe.partner(partner, lang, today))


def _listed(invited: list[Meeting], attended: list[Meeting], today: dt.date) -> list[Meeting]:
    """The meetings a partner is invited to or attended, each once: those to come, then those
    of the last twelve months."""
    ids = {m.id for m in invited}  # by id: comparing records field by field took most of the page's time
    either = invited + [m for m in attended if m.id not in ids]
    return schedule.upcoming(either, today) + schedule.recent(either, today)


def partner_pages(site: Site, lang: Lang) -> list[GeneratedPage]:
    """The partners page and every partner's page, in ``lang``."""
    return [partners_page(site, lang), *(partner_page(site, p, lang) for p in site.partners)]
