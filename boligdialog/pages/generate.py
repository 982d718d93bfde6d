"""The pages the generator adds to the site, in both languages, as Markdown text.

Pure functions from the :class:`~boligdialog.site.sitedata.Site` and the build date to
Markdown: a front matter block (title, and a description of the page computed from
its data by :mod:`boligdialog.pages.describe`), an escaped ``# heading``,
and an HTML fragment from :mod:`boligdialog.pages.render`. Nothing here depends on
MkDocs.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import Any

import yaml

from boligdialog.pages import compare, describe
from boligdialog.outputs import opendata
from boligdialog.site import routes, schedule, versions
from boligdialog.model.choices import CLASSIFICATIONS, DECISION_STATUSES
from boligdialog.site.i18n import format_partial, format_size, strings
from boligdialog.model.records import Agreement, Decision, Meeting, Membership, Partner, Representative
from boligdialog.pages.htmlblocks import embed
from boligdialog.pages.render import block, md_escape
from boligdialog.site.routes import counterpart_uri
from boligdialog.site.sitedata import ContentPage, Site
from boligdialog.site.timeline import timeline
from boligdialog.model.values import LANGS, Lang, Localized, PartialDate


@dataclass(frozen=True)
class GeneratedPage:
    """A page that exists only in memory."""

    src_uri: str
    """Source path it pretends to have under ``content/`` (e.g. ``en/moeder/x.md``)."""
    markdown: str
    in_nav: bool = False
    """Index pages are in the navigation; per-item pages are reached from them."""


def front_matter(**meta: Any) -> str:
    """YAML front matter that any YAML reader reads back as the same strings."""
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def source_text(page: ContentPage) -> str:
    """An editor's page with its validated front matter written out again (dates as text),
    always fenced, so MkDocs reads exactly the metadata that was checked."""
    meta: dict[str, Any] = {}
    for key in type(page.meta).model_fields:
        value = getattr(page.meta, key)
        if value is not None and value != []:
            meta[key] = str(value) if isinstance(value, PartialDate) else value
    return front_matter(**meta) + page.body


def _page(
    uri: str, title: str | Localized, *blocks: str, description: str | None = None, in_nav: bool = False
) -> GeneratedPage:
    """A page with ``title`` as its ``<title>`` and heading; a Danish title standing in
    for English gets ``lang="da"`` on the heading."""
    text = title.text if isinstance(title, Localized) else title
    heading = f"# {md_escape(text)}"
    if isinstance(title, Localized) and title.fallback:
        heading += ' { lang="da" }'
    meta = {"title": text} | ({"description": description} if description else {})
    body = "\n\n".join([heading, *(b for b in blocks if b)])
    return GeneratedPage(uri, front_matter(**meta) + body + "\n", in_nav)


def fallback_block(body: str, lang: Lang, message_key: str = "only_da_text") -> str:
    """Danish Markdown standing in for missing English: marked ``lang="da"`` with a note."""
    note = block("fallback_notice.html", lang=lang, page_uri=routes.src_uri(lang, "index.md"),
                  message=strings(lang)[message_key])
    return "\n\n".join([note, embed('<div lang="da" markdown="1">'), body.strip(), embed("</div>")])


def report_block(site: Site, meeting: Meeting, lang: Lang) -> str:
    """The meeting's report as Markdown under its own heading (fallback to Danish),
    with a draft or approval banner taken from the Danish report's front matter."""
    s = strings(lang)
    own = site.report(meeting, lang)
    danish = site.report(meeting, "da")
    if danish is None:
        return f"## {s['report']}" + ' {: #referat }' + f"\n\n{s['no_report']}"
    page = own or danish
    if page.meta.title:
        marker = ' {: #referat lang="da" }' if own is None and lang != "da" else " {: #referat }"
        heading = f"## {md_escape(page.meta.title)}{marker}"
    else:
        heading = f"## {s['report']}" + " {: #referat }"
    banner = block("report_status.html", lang=lang, page_uri=routes.item("meetings", meeting.id, lang),
                    site=site, report=danish)
    body = fallback_block(danish.body, lang) if own is None else own.body.strip()
    return "\n\n".join(part for part in (heading, banner, body) if part)


# --- sections ----------------------------------------------------------------------------


OVERVIEW_MAX = 40
"""The partners page draws every partner's membership over time (a picture and a table of
every change) while there are at most this many partners. More rows neither read well nor fit
a page (at 500 partners the picture alone was 375 kB); then each partner's page shows its own."""


def partner_pages(site: Site, lang: Lang) -> list[GeneratedPage]:
    """The partners page (grouped by kind) and a page per partner, with its status on the
    build date; membership changes dated later are shown as announced. A partner's page lists
    the meetings it is invited to or attended of the last twelve months and those to come, and
    counts every year's (the municipality is invited to every meeting)."""
    s = strings(lang)
    today = site.today
    index_uri = routes.section_index("partners", lang)
    order = {c: i for i, c in enumerate(CLASSIFICATIONS.values)}
    ordered = sorted(site.partners, key=lambda p: (order[p.classification], p.name.get(lang).text.lower()))
    groups = [(c, list(ps)) for c, ps in itertools.groupby(ordered, key=lambda p: p.classification)]
    everyone = (timeline([p for _, ps in groups for p in ps], site.agreements, site.today, lang)
                if len(site.partners) <= OVERVIEW_MAX else None)
    pages = [_page(index_uri, s["partners"], block("partners.html", lang=lang, page_uri=index_uri, site=site,
                                                    groups=groups, timeline=everyone),
                   description=s["partners_description"], in_nav=True)]
    for p in site.partners:
        uri = routes.item("partners", p.id, lang)
        own = timeline([p], site.agreements, site.today, lang)
        invited, attended = site.meetings_invited(p.id), site.meetings_attended(p.id)
        counts = [(y, len(schedule.in_year(invited, y)), len(schedule.in_year(attended, y)))
                  for y in schedule.years(invited + attended)]
        fragment = block("partner.html", lang=lang, page_uri=uri, site=site, partner=p, timeline=own,
                          attended=schedule.recent(attended, today),
                          invited=schedule.upcoming(invited, today) + schedule.recent(invited, today), years=counts)
        pages.append(_page(uri, p.name.get(lang), fragment, description=describe.partner(p, lang, site.today)))
    return pages


def _meeting_counts(meetings: list[Meeting]) -> list[tuple[int, int]]:
    """(year, number of meetings) of every year with a meeting, newest first."""
    return [(y, len(schedule.in_year(meetings, y))) for y in schedule.years(meetings)]


def theme_pages(site: Site, lang: Lang, today: dt.date, site_url: str) -> list[GeneratedPage]:
    """The themes page, and per theme its upcoming meetings, those of the last twelve months,
    and a page per year with every meeting on it."""
    s = strings(lang)
    index_uri = routes.section_index("themes", lang)
    pages = [_page(index_uri, s["themes"], block("themes.html", lang=lang, page_uri=index_uri, themes=site.themes),
                   description=describe.themes(site, lang), in_nav=True)]
    for theme in site.themes:
        uri = routes.item("themes", theme.id, lang)
        on_theme = [m for m in site.meetings if theme.id in m.themes]
        years = _meeting_counts(on_theme)
        fragment = block("theme.html", lang=lang, page_uri=uri, site=site, site_url=site_url, theme=theme,
                          upcoming=schedule.upcoming(on_theme, today), recent=schedule.recent(on_theme, today),
                          years=years)
        pages.append(_page(uri, theme.title.get(lang), fragment, description=theme.summary.get(lang).text))
        title = theme.title.get(lang)
        for year, _ in years:
            year_uri = routes.theme_year(theme.id, year, lang)
            fragment = block("theme_year.html", lang=lang, page_uri=year_uri, site=site, theme=theme, year=year,
                              meetings=schedule.in_year(on_theme, year), years=years)
            pages.append(_page(year_uri, s["theme_in_year"].format(theme=title.text, year=year), fragment,
                               description=s["theme_year_description"].format(theme=title.text, year=year)))
    return pages


def meeting_pages(site: Site, lang: Lang, today: dt.date, site_url: str) -> list[GeneratedPage]:
    """The meetings page (upcoming, the last twelve months, links to the years), a page per
    year with every meeting of that year, and a page per meeting."""
    s = strings(lang)
    index_uri = routes.section_index("meetings", lang)
    years = _meeting_counts(site.meetings)
    fragment = block("meetings.html", lang=lang, page_uri=index_uri, site=site, site_url=site_url,
                      upcoming=schedule.upcoming(site.meetings, today), recent=schedule.recent(site.meetings, today),
                      years=years)
    pages = [_page(index_uri, s["meetings"], fragment, description=s["meetings_description"], in_nav=True)]
    for year, _ in years:
        uri = routes.meetings_year(year, lang)
        fragment = block("meetings_year.html", lang=lang, page_uri=uri, site=site, year=year,
                          meetings=schedule.in_year(site.meetings, year), years=years)
        pages.append(_page(uri, s["meetings_in_year"].format(year=year), fragment,
                           description=s["meetings_year_description"].format(year=year)))
    return pages + [meeting_page(site, m, lang) for m in site.meetings]


def meeting_page(site: Site, meeting: Meeting, lang: Lang) -> GeneratedPage:
    """A meeting's page, with its report."""
    uri = routes.item("meetings", meeting.id, lang)
    fragment = block("meeting.html", lang=lang, page_uri=uri, site=site, meeting=meeting)
    return _page(uri, meeting.name.get(lang), fragment, report_block(site, meeting, lang),
                 description=describe.meeting(site, meeting, lang))


DECISION_ORDER = {status: i for i, status in enumerate(DECISION_STATUSES.values)}


def _decision_order(site: Site, decisions: list[Decision]) -> list[Decision]:
    """Open ones first (by status), the newest first within a status."""
    by_time = sorted(decisions, key=lambda d: schedule.meeting_key(site.meeting(d.meeting)), reverse=True)
    return sorted(by_time, key=lambda d: DECISION_ORDER[d.status])


def follow_up_pages(site: Site, lang: Lang) -> list[GeneratedPage]:
    """Decisions and their status, each linked to where it was decided: the open ones of the
    last twelve months' meetings, and for every year a page of its open decisions and one of
    its finished ones."""
    s = strings(lang)
    uri = routes.src_uri(lang, routes.FOLLOW_UP)
    year_of = {d.id: schedule.year_of(site.meeting(d.meeting)) for d in site.decisions}
    ordered = _decision_order(site, site.decisions)
    years = [(y, sum(1 for d in ordered if year_of[d.id] == y and d.is_open),
              sum(1 for d in ordered if year_of[d.id] == y and not d.is_open))
             for y in schedule.archive(site.meetings, site.decisions).decisions]
    recent = [d for d in ordered if d.is_open and schedule.is_recent(site.meeting(d.meeting), site.today)]
    fragment = block("followup.html", lang=lang, page_uri=uri, site=site, open=recent, years=years)
    pages = [_page(uri, s["follow_up"], fragment, description=s["follow_up_intro"], in_nav=True)]
    for year, _, _ in years:
        of_year = [d for d in ordered if year_of[d.id] == year]
        for finished, title, description in ((True, "finished_in_year", "finished_year_description"),
                                              (False, "open_in_year", "open_year_description")):
            year_uri = routes.follow_up_year(year, lang, finished=finished)
            fragment = block("followup_year.html", lang=lang, page_uri=year_uri, site=site, year=year,
                              years=years, finished=finished, decisions=[d for d in of_year if d.is_open != finished])
            pages.append(_page(year_uri, s[title].format(year=year), fragment,
                               description=s[description].format(year=year)))
    return pages


def news_page(site: Site, lang: Lang) -> GeneratedPage:
    uri = routes.src_uri(lang, routes.NEWS)
    items = sorted(site.news(lang), key=lambda p: (p.meta.date, routes.danish_uri(p.src_uri)), reverse=True)
    fragment = block("news.html", lang=lang, page_uri=uri, items=items)
    s = strings(lang)
    return _page(uri, s["news"], fragment, description=s["news_description"], in_nav=True)


def search_page(lang: Lang, *, preview: bool = False) -> GeneratedPage:
    """The search page; in the preview (``mkdocs serve``) it says that the index follows edits a moment later."""
    uri = routes.src_uri(lang, routes.SEARCH)
    s = strings(lang)
    return _page(uri, s["search"], block("search.html", lang=lang, page_uri=uri, preview=preview),
                 description=s["search_intro"],
                 in_nav=True)


def open_data_page(package: opendata.Package, lang: Lang, site_url: str) -> GeneratedPage:
    """What each open-data file holds, its fields, the licence and the links (not in the
    navigation: the footer links to it)."""
    s = strings(lang)
    uri = routes.src_uri(lang, routes.OPEN_DATA)
    day = package.modified.date()
    fragment = block(
        "opendata.html", lang=lang, page_uri=uri, package=package,
        sizes={name: format_size(len(content), lang) for name, content in package.files.items()},
        kinds=opendata.KINDS, texts={name: opendata.table_text(name) for name in opendata.TABLE_TEXTS}, data_dir=routes.DATA_DIR,
        datapackage=routes.DATAPACKAGE, package_abs=routes.absolute(site_url, routes.DATA_DIR + routes.DATAPACKAGE),
        modified=format_partial(PartialDate(day.year, day.month, day.day), lang),
    )
    return _page(uri, s["open_data"], fragment, description=s["open_data_description"])


def english_fallback(page: ContentPage) -> GeneratedPage:
    """An English page for a Danish page that has no English text yet; its description says so."""
    meta = {"title": page.meta.title} if page.meta.title else {}
    meta["description"] = describe.danish_only(page.meta.title, "en")
    block = fallback_block(page.body, "en", "only_da_page")
    return GeneratedPage(counterpart_uri(page.src_uri), front_matter(**meta) + block + "\n", True)


def generate(site: Site, today: dt.date, site_url: str, *, preview: bool = False) -> list[GeneratedPage]:
    """Every generated page of the site, both languages.

    A page that shows the body of an editor's page must also be made again by
    :func:`regenerate` when that body changes."""
    pages: list[GeneratedPage] = []
    for lang in LANGS:
        pages += partner_pages(site, lang)
        pages += theme_pages(site, lang, today, site_url)
        pages += meeting_pages(site, lang, today, site_url)
        pages += follow_up_pages(site, lang)
        pages += [news_page(site, lang), search_page(lang, preview=preview), agreement_page(site, lang)]
        pages += comparison_pages(site, lang)
    pages += [english_fallback(page) for page in site.pages.values() if _lacks_english(site, page)]
    return pages


def _lacks_english(site: Site, page: ContentPage) -> bool:
    """A Danish page of its own (not a report) without an English file."""
    uri = page.src_uri
    return page.lang == "da" and uri not in site.report_paths and counterpart_uri(uri) not in site.pages


def regenerate(site: Site, previous: list[GeneratedPage], changed: set[str]) -> list[GeneratedPage]:
    """:func:`generate`'s pages when nothing but the bodies of the editors' pages ``changed``
    (source paths) differs from the build that made ``previous``: the pages that show one of
    those bodies are made again — a report's meeting page, the agreement's page and its
    comparisons, a Danish page's English stand-in — and the others are kept, in their order."""
    danish = {routes.danish_uri(uri) for uri in changed}
    again: list[GeneratedPage] = []
    for meeting in site.meetings:
        if site.reports.get(meeting.id) in danish:
            again += [meeting_page(site, meeting, lang) for lang in LANGS]
    if any(agreement.text in danish for agreement in site.agreements):
        for lang in LANGS:
            again += [agreement_page(site, lang), *comparison_pages(site, lang)]
    again += [english_fallback(site.pages[uri]) for uri in sorted(danish)
              if uri in site.pages and _lacks_english(site, site.pages[uri])]
    made = {page.src_uri: page for page in again}
    return [made.get(page.src_uri, page) for page in previous]


# --- blocks added to editors' pages ------------------------------------------------------


def home_block(site: Site, lang: Lang, today: dt.date) -> str:
    reported = [m for m in schedule.past(site.meetings, today) if m.id in site.reports][:5]
    uri = routes.src_uri(lang, "index.md")
    home = block("home.html", lang=lang, page_uri=uri, site=site,
                  next=schedule.next_meeting(site.meetings, today), reported=reported)
    return "\n\n".join(b for b in (consultation_block(site, lang), home) if b)


def news_date_block(site: Site, uri: str, lang: Lang) -> str | None:
    """The date line of the news article at ``uri`` (either language), or ``None``."""
    if not routes.danish_uri(uri).startswith(routes.NEWS_DIR) or uri.endswith("/index.md"):
        return None
    page = site.pages.get(uri) or site.pages.get(routes.danish_uri(uri))
    if page is None or page.meta.date is None:
        return None
    return block("news_date.html", lang=lang, page_uri=uri, page=page)


def after_first_heading(markdown: str, block: str) -> str:
    """``block`` under the first top-level heading (``# …``) of ``markdown``, or at its top."""
    lines = markdown.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "".join([*lines[: i + 1], "\n", block, "\n\n", *lines[i + 1:]])
    return f"{block}\n\n{markdown}"


@dataclass(frozen=True)
class Signatory:
    """Who signed an agreement version for which partner, and when."""

    person: Representative
    partner: Partner
    membership: Membership


@dataclass(frozen=True)
class VersionView:
    """An agreement version as its pages show it on the build date."""

    agreement: Agreement
    status: str
    """One of :data:`boligdialog.site.versions.STATUSES`."""
    uri: str
    """Its page (its text's page) in the page's language."""
    superseded_by: Agreement | None
    previous: Agreement | None
    comparison_uri: str | None
    """The page of what changed from the previous version, if there is one."""
    consultation_open: bool
    """Its consultation is open on the build date (whatever else its status says)."""


def version_view(site: Site, agreement: Agreement, lang: Lang) -> VersionView:
    previous = versions.previous(agreement, site.agreements)
    return VersionView(
        agreement, versions.status(agreement, site.agreements, site.today), routes.src_uri(lang, agreement.text),
        versions.superseded_by(agreement, site.agreements, site.today), previous,
        routes.src_uri(lang, routes.comparison(agreement.text)) if previous else None,
        versions.consultation_open(agreement, site.today))


def signatories(site: Site, agreement: Agreement) -> tuple[list[Signatory], list[Partner]]:
    """Who signed ``agreement`` by the build date, and who is invited to it and has not."""
    signed, invited = [], []
    for p in site.partners:
        for m in p.memberships:
            if m.agreement != agreement.id or m.is_scheduled(site.today):
                continue
            if m.status == "signed" and m.signatory:
                person = next(r for r in p.representatives if r.name == m.signatory)
                signed.append(Signatory(person, p, m))
        status = p.status_on(site.today)
        if status is not None and status.agreement == agreement.id and status.status == "invited":
            invited.append(p)
    signed.sort(key=lambda sig: (sig.membership.date, sig.partner.classification != "municipality"))
    return signed, invited


def _version_block(site: Site, agreement: Agreement, lang: Lang, page_uri: str) -> str:
    signed, invited = signatories(site, agreement)
    return block("agreement.html", lang=lang, page_uri=page_uri, site=site,
                  view=version_view(site, agreement, lang),
                  all_versions=[version_view(site, a, lang) for a in site.agreements],
                  signatories=signed, invited=invited)


def agreement_block(site: Site, uri: str, lang: Lang) -> str | None:
    """On a version's own page (its text, ``uri`` in either language): its status, what changed,
    its consultation and responses, who signed it, and the other versions."""
    agreement = next((a for a in site.agreements if a.text == routes.danish_uri(uri)), None)
    return _version_block(site, agreement, lang, uri) if agreement is not None else None


def agreement_page(site: Site, lang: Lang) -> GeneratedPage:
    """``/aftale/``: the version in force, saying so, with its text; then the other versions."""
    s = strings(lang)
    uri = routes.src_uri(lang, routes.AGREEMENT)
    current = versions.in_force(site.agreements, site.today)
    blocks = [block("agreement_index.html", lang=lang, page_uri=uri,
                     current=version_view(site, current, lang) if current else None)]
    if current is not None:
        text = site.pages.get(routes.src_uri(lang, current.text))
        danish = site.pages[current.text]
        body = _without_title(text.body) if text else fallback_block(_without_title(danish.body), lang)
        blocks += [f"## {md_escape(s['agreement_text'])}", _demote(body), _version_block(site, current, lang, uri)]
    else:
        blocks.append(_version_block(site, site.agreements[-1], lang, uri))
    return _page(uri, s["agreement"], *blocks, description=s["agreement_description"], in_nav=True)


_TITLE = re.compile(r"\A\s*# [^\n]*\n")


def _without_title(markdown: str) -> str:
    """A text's Markdown without its first-level title (the page has its own)."""
    return _TITLE.sub("", markdown, count=1)


def _demote(markdown: str) -> str:
    """Headings one level down, so an embedded text's sections sit below the page's own
    headings (outside fenced code)."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        out.append("#" + line if not fenced and re.match(r"#{1,5} ", line) else line)
    return "\n".join(out)


def comparison_pages(site: Site, lang: Lang) -> list[GeneratedPage]:
    """For each version after the first: what changed from the previous one, word by word."""
    s = strings(lang)
    out = []
    for agreement in site.agreements:
        previous = versions.previous(agreement, site.agreements)
        if previous is None:
            continue
        uri = routes.src_uri(lang, routes.comparison(agreement.text))
        old, new = (site.pages.get(routes.src_uri(lang, a.text)) for a in (previous, agreement))
        if old is None or new is None:  # compare like with like: the Danish texts
            old, new, text_lang = site.pages[previous.text], site.pages[agreement.text], "da"
        else:
            text_lang = lang
        fragment = block("comparison_page.html", lang=lang, page_uri=uri, agreement=agreement, previous=previous,
                          text_lang=text_lang, blocks=compare.compare(old.body, new.body),
                          version_uri=routes.src_uri(lang, agreement.text),
                          previous_uri=routes.src_uri(lang, previous.text))
        title = f"{s['changes_in']} {agreement.title.get(lang).text}"
        out.append(_page(uri, title, fragment, description=f"{title} – {s['compared_with']} "
                                                           f"{previous.title.get(lang).text}"))
    return out


def consultation_block(site: Site, lang: Lang) -> str:
    """On the home page: every consultation open on the build date, with its deadline."""
    open_now = [version_view(site, a, lang) for a in versions.open_consultations(site.agreements, site.today)]
    if not open_now:
        return ""
    uri = routes.src_uri(lang, "index.md")
    return block("consultation_notice.html", lang=lang, page_uri=uri, open_now=open_now)
