"""Every page type and every generated output, declared once.

A declaration says where its files are in each language (:attr:`PageType.addresses`: the
addresses the checks keep free of editors' files), what it reads (:attr:`PageType.reads`:
record types and editors' texts), whether its pages are in the navigation, and the
function that makes it. From these come:

- :func:`generate`: every generated page of a full build, in the site's order;
- :func:`remake`: the pages a preview rebuild makes again after an edit of data (the page
  types whose :attr:`PageType.reads` name the edited records' kind: whole, or, for those that
  declare :attr:`PageType.needs` when no record came, went or moved, the items that show an
  edited record) or of editors' texts (of the page types whose :attr:`PageType.texts` name the
  kind of text, the items whose :attr:`PageType.shows` names an edited text);
- :func:`make_outputs`, :func:`outputs_of`: the calendars, the open data, the feeds and the JSON-LD;
- :func:`generated_outputs`: every file the generator writes, for the checks
  (:meth:`boligdialog.site.checks.Checker.outputs`).

To add a page type: write its function (a module of :mod:`boligdialog.pages`), then a
:class:`PageType` in :data:`PAGE_TYPES` with its addresses, what it reads and, if its pages
show the body of an editor's page, which texts each item shows. ``tests/test_registry.py``
fails while a page the build makes has no declaration, or a declaration's addresses and
pages differ. An output is an :class:`Output` in :data:`OUTPUTS`. Nothing here depends on
MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from boligdialog.outputs import collect, opendata, webeditor
from boligdialog.pages import agreement, followup, meetings, memo, news, partners, standalone
from boligdialog.pages.page import GeneratedPage
from boligdialog.site import routes, schedule
from boligdialog.site.identity import Identity
from boligdialog.site.settings import AboutData
from boligdialog.site.schedule import Archive, archive
from boligdialog.site.sitedata import Site
from boligdialog.model.translate import N_, tr
from boligdialog.model.values import LANGS, Lang

# What a page type or output reads: the records of each data file, and the editors' pages
# (their front matter: which meeting has a report, an article's date and title).
PARTNERS, MEETINGS, THEMES, DECISIONS, AGREEMENTS = "partners", "meetings", "themes", "decisions", "agreements"
REPORTS, NEWS, PAGES = "reports", "news", "pages"
"""Editors' pages: meeting reports, news articles, and the others (an agreement's text is one)."""
SOURCES = frozenset({PARTNERS, MEETINGS, THEMES, DECISIONS, AGREEMENTS, REPORTS, NEWS, PAGES})
TEXTS = frozenset({REPORTS, NEWS, PAGES})
"""The kinds of editors' pages whose body a page or output can show."""


@dataclass(frozen=True)
class Known:
    """What the addresses of generated files depend on: the ids the checks know before the
    site is loaded, or those of a loaded site (:meth:`of`)."""

    partners: Sequence[str] = ()
    meetings: Sequence[str] = ()
    themes: Sequence[str] = ()
    agreements: Sequence[str] = ()
    """The versions' text paths, oldest first."""
    archive: Archive = field(default_factory=lambda: archive([], []))
    """Which year pages there are."""
    lacking_english: Sequence[str] = ()
    """The Danish pages without an English file (whose English stand-in the build makes)."""
    memos: Sequence[str] = ()
    """The text paths of the versions whose consultation has closed (which have a memo)."""

    @classmethod
    def of(cls, site: Site) -> Known:
        return cls([p.id for p in site.partners], [m.id for m in site.meetings], [t.id for t in site.themes],
                   [a.text for a in site.agreements], archive(site.meetings, site.decisions),
                   [p.src_uri for p in standalone.lacking_english(site)], [a.text for a in memo.closed(site)])


@dataclass(frozen=True)
class Inputs:
    """What the pages and outputs are made from: the loaded site and the build's settings."""

    site: Site
    identity: Identity
    license: opendata.License
    about: AboutData
    """What the open data package says about itself (title, description, keywords)."""
    now: dt.datetime
    """The build time (calendars' stamps, the open data's creation)."""
    modified: dt.datetime
    """The last change to the data (the open data's modified time)."""
    preview: bool = False
    """Built by ``mkdocs serve``."""
    kept: opendata.Package | None = None
    """The open data of the preview's last build, whose unchanged tables the package takes again."""

    @property
    def site_url(self) -> str:
        return self.identity.url

    @cached_property
    def package(self) -> opendata.Package:
        """The open data (made once: its files and the open-data page show it)."""
        return collect.open_data(self.site, identity=self.identity, license=self.license, about=self.about,
                                 created=self.now, modified=self.modified, kept=self.kept, keep_rows=self.preview)

    def made_package(self) -> opendata.Package | None:
        """:attr:`package` if this build made it (it is made only when something shows it)."""
        return self.__dict__.get("package")


Make = Callable[[Inputs, Any, Lang], Iterable[GeneratedPage]]

Record = tuple[str, str]
"""A record by its kind (of :data:`SOURCES`' data files) and id: ``("meetings", "forum-2017-1")``."""


def _one(site: Site) -> Sequence[Any]:
    """A page type with one page per language."""
    return (None,)


@dataclass(frozen=True)
class PageType:
    """Generated pages of one kind, in each language."""

    name: str
    reads: frozenset[str]
    """What its pages show (of :data:`SOURCES`); a change to one of them changes its pages."""
    addresses: Callable[[Known, Lang], Mapping[str, str]]
    """The source path of each of its pages in ``lang``, and what the page is (for an editor
    whose file would take its place)."""
    make: Make
    """The pages of one item (see :attr:`items`) in one language."""
    in_nav: bool = False
    """Its pages are in the navigation (index pages); otherwise reached from other pages."""
    items: Callable[[Site], Sequence[Any]] = _one
    """What it has a page (or pages) for: a partner, a meeting, a year …; one page: ``(None,)``."""
    texts: frozenset[str] = frozenset()
    """The kinds of editors' pages (of :data:`TEXTS`) whose body its pages show."""
    shows: Callable[[Site, Any], Iterable[str]] | None = None
    """The editors' pages (Danish source paths) whose body an item's pages show; required with :attr:`texts`."""
    needs: Callable[[Site, Any], Iterable[Record]] | None = None
    """The records (of the kinds it :attr:`reads`) an item's pages show besides the item itself;
    ``None``: any record of those kinds. With it, a data edit that changes records, but not
    which there are nor their order, makes again only the items that differ or show a changed
    record, in the site before or after the edit (``tests/test_registry.py`` edits each record
    and checks this)."""
    reserved: bool = True
    """Its addresses are kept free of editors' files (not so for a stand-in, made only where no file is)."""
    site_wide: bool = False
    """Made after the pages made language by language, type by type (the site's page order):
    the English stand-ins and the open-data page."""


@dataclass(frozen=True)
class Output:
    """Generated files that are not pages (or, with :attr:`head`, HTML for pages' ``<head>``)."""

    name: str
    reads: frozenset[str]
    make: Callable[[Inputs], Mapping[str, str | bytes]]
    """The files by path, or with :attr:`head` the HTML by page source path."""
    addresses: Callable[[Known, Lang], Mapping[str, str]] = lambda known, lang: {}
    """Its files in ``lang`` and what each is (for the checks)."""
    folder: str | None = None
    """The folder all of whose files it writes (one of :data:`boligdialog.site.routes.SITE_FOLDERS`)."""
    texts: frozenset[str] = frozenset()
    """The kinds of editors' pages whose body it quotes: a rebuild after a text edit makes it
    again; the others are kept."""
    head: bool = False


def _page_of(section: str, what: str, ids: Callable[[Known], Iterable[str]]) -> Callable[[Known, Lang], dict]:
    return lambda known, lang: {routes.item(section, i, lang): tr(what, id=repr(i)) for i in ids(known)}


def _fixed(path: str, what: str) -> Callable[[Known, Lang], dict]:
    return lambda known, lang: {routes.src_uri(lang, path): tr(what)}


def _theme_addresses(known: Known, lang: Lang) -> dict[str, str]:
    pages = {routes.item("themes", t, lang): tr("the page of theme {id}", id=repr(t)) for t in known.themes}
    return pages | {routes.theme_year(t, y, lang): tr("the page of the meetings of {year} on theme {id}", year=y,
                                                         id=repr(t))
                    for t in known.themes for y in known.archive.themes.get(t, [])}


def _follow_up_years(known: Known, lang: Lang) -> dict[str, str]:
    out = {}
    for y in known.archive.decisions:
        out[routes.follow_up_year(y, lang)] = tr("the page of the finished decisions of {year}", year=y)
        out[routes.follow_up_year(y, lang, finished=False)] = tr("the page of the open decisions of {year}", year=y)
    return out


def _meeting_years(site: Site) -> list[tuple[int, list[tuple[int, int]]]]:
    years = meetings.meeting_counts(site.meetings)
    return [(year, years) for year, _ in years]


def _follow_up_year_items(site: Site) -> list[tuple[int, followup.Years]]:
    years = followup.Years.of(site)
    return [(year, years) for year, _, _ in years.counts]


def _partner_needs(site: Site, partner: Any) -> Iterable[Record]:
    """A partner's page: the partner, every agreement (its timeline), the meetings it is invited to or attended."""
    yield PARTNERS, partner.id
    yield from ((AGREEMENTS, a.id) for a in site.agreements)
    yield from ((MEETINGS, m.id) for m in [*site.meetings_invited(partner.id), *site.meetings_attended(partner.id)])


def _theme_needs(site: Site, theme: Any) -> Iterable[Record]:
    """A theme's pages: the theme, every meeting on it and the themes those meetings are on."""
    yield THEMES, theme.id
    for m in site.meetings:
        if theme.id in m.themes:
            yield MEETINGS, m.id
            yield from ((THEMES, t) for t in m.themes)


def _meeting_year_needs(site: Site, item: tuple[int, Any]) -> Iterable[Record]:
    """A year's page of meetings: its meetings and their themes (the years' counts are the item's)."""
    for m in schedule.in_year(site.meetings, item[0]):
        yield MEETINGS, m.id
        yield from ((THEMES, t) for t in m.themes)


def _follow_up_year_needs(site: Site, item: tuple[int, followup.Years]) -> Iterable[Record]:
    """A year's pages of decisions: the decisions taken that year, their owners and the meetings
    they name (their order and the years' counts are the item's)."""
    year, years = item
    for d in years.ordered:
        if years.year_of[d.id] == year:
            yield DECISIONS, d.id
            yield from ((PARTNERS, p) for p in d.owners)
            yield from ((MEETINGS, m) for m in (d.meeting, d.reported_at) if m is not None)


def _meeting_needs(site: Site, meeting: Any) -> Iterable[Record]:
    """A meeting's page: the meeting, its themes, the partners invited or attending, and the
    decisions taken or reported at it with their owners and the meetings they name."""
    yield MEETINGS, meeting.id
    yield from ((THEMES, t) for t in meeting.themes)
    yield from ((PARTNERS, p) for p in [*meeting.invited, *meeting.attended])
    for d in [*site.decisions_taken_at(meeting.id), *site.decisions_reported_at(meeting.id)]:
        yield DECISIONS, d.id
        yield from ((PARTNERS, p) for p in d.owners)
        yield from ((MEETINGS, m) for m in (d.meeting, d.reported_at) if m is not None)


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("partners", frozenset({PARTNERS, AGREEMENTS}), _fixed(routes.section_index("partners", "da"),
                                                                    N_("the list of partners")),
             lambda i, _, lang: [partners.partners_page(i.site, lang)], in_nav=True),
    PageType("partner", frozenset({PARTNERS, AGREEMENTS, MEETINGS}),
             _page_of("partners", N_("the page of partner {id}"), lambda k: k.partners),
             lambda i, partner, lang: [partners.partner_page(i.site, partner, lang)], items=lambda s: s.partners,
             needs=_partner_needs),
    PageType("themes", frozenset({THEMES}), _fixed(routes.section_index("themes", "da"), N_("the list of themes")),
             lambda i, _, lang: [meetings.themes_page(i.site, lang)], in_nav=True),
    PageType("theme", frozenset({THEMES, MEETINGS, REPORTS}), _theme_addresses,
             lambda i, theme, lang: meetings.theme_pages(i.site, theme, lang, i.site_url), items=lambda s: s.themes,
             needs=_theme_needs),
    PageType("meetings", frozenset({MEETINGS, THEMES, REPORTS}),
             _fixed(routes.section_index("meetings", "da"), N_("the list of meetings")),
             lambda i, _, lang: [meetings.meetings_page(i.site, lang, i.site_url)], in_nav=True),
    PageType("meetings of a year", frozenset({MEETINGS, THEMES, REPORTS}),
             lambda known, lang: {routes.meetings_year(y, lang): tr("the page of the meetings of {year}", year=y)
                                  for y in known.archive.meetings},
             lambda i, item, lang: [meetings.meetings_year_page(i.site, *item, lang)], items=_meeting_years,
             needs=_meeting_year_needs),
    PageType("meeting", frozenset({MEETINGS, THEMES, PARTNERS, DECISIONS, REPORTS}),
             _page_of("meetings", N_("the page of meeting {id}"), lambda k: k.meetings),
             lambda i, meeting, lang: [meetings.meeting_page(i.site, meeting, lang)], items=lambda s: s.meetings,
             texts=frozenset({REPORTS}), shows=lambda site, m: [site.reports[m.id]] if m.id in site.reports else [],
             needs=_meeting_needs),
    PageType("follow-up", frozenset({DECISIONS, MEETINGS, PARTNERS}), _fixed(routes.FOLLOW_UP, N_("the follow-up page")),
             lambda i, _, lang: [followup.follow_up_page(i.site, lang)], in_nav=True),
    PageType("follow-up of a year", frozenset({DECISIONS, MEETINGS, PARTNERS}), _follow_up_years,
             lambda i, item, lang: followup.follow_up_year_pages(i.site, item[1], item[0], lang),
             items=_follow_up_year_items, needs=_follow_up_year_needs),
    PageType("news", frozenset({NEWS}), _fixed(routes.NEWS, N_("the news page")),
             lambda i, _, lang: [news.news_page(i.site, lang)], in_nav=True),
    PageType("search", frozenset(), _fixed(routes.SEARCH, N_("the search page")),
             lambda i, _, lang: [standalone.search_page(lang, preview=i.preview)], in_nav=True),
    PageType("calendar help", frozenset({THEMES}), _fixed(routes.SUBSCRIBE, N_("the page on subscribing to the calendars")),
             lambda i, _, lang: [standalone.subscribe_page(i.site, lang, i.site_url)]),
    PageType("agreement", frozenset({AGREEMENTS, PARTNERS, PAGES}), _fixed(routes.AGREEMENT, N_("the agreement page")),
             lambda i, _, lang: [agreement.agreement_page(i.site, lang)], in_nav=True,
             texts=frozenset({PAGES}), shows=lambda site, _: [a.text for a in site.agreements]),
    PageType("changes in a version", frozenset({AGREEMENTS, PARTNERS, PAGES}),
             lambda known, lang: {routes.src_uri(lang, routes.comparison(text)): tr("the changes in {text}", text=text)
                                  for text in known.agreements[1:]},
             lambda i, pair, lang: [agreement.comparison_page(i.site, *pair, lang)], items=agreement.compared,
             texts=frozenset({PAGES}), shows=lambda site, pair: [a.text for a in pair]),
    PageType("consultation memo", frozenset({AGREEMENTS, PARTNERS}),
             lambda known, lang: {memo.memo_uri_of(text, lang): tr("the consultation memo of {text}", text=text)
                                  for text in known.memos},
             lambda i, version, lang: [memo.memo_page(i.site, version, lang)], items=memo.closed),
    PageType("English stand-in", frozenset({PAGES}),
             lambda known, lang: {routes.counterpart_uri(uri): "" for uri in known.lacking_english if lang == "en"},
             lambda i, danish, lang: [standalone.english_fallback(danish)] if lang == "en" else [],
             in_nav=True, items=standalone.lacking_english, texts=frozenset({PAGES}),
             shows=lambda site, danish: [danish.src_uri], reserved=False, site_wide=True),
    PageType("open data", SOURCES - TEXTS | {REPORTS}, _fixed(routes.OPEN_DATA, N_("the open data page")),
             lambda i, _, lang: [standalone.open_data_page(i.package, lang, i.site_url)], site_wide=True),
)
"""Every page type, in the order the site lists its pages (the sitemap's order)."""


OUTPUTS: tuple[Output, ...] = (
    Output("calendars", frozenset({MEETINGS, THEMES, AGREEMENTS}),
           lambda i: collect.calendars(i.site, site_url=i.site_url, stamp=i.now, site_name=i.identity.name),
           lambda known, lang: {routes.calendar(lang): tr("the meeting calendar")}
           | {routes.theme_calendar(t, lang): tr("the calendar of theme {id}", id=repr(t)) for t in known.themes}
           | {routes.meeting_calendar(m, lang): tr("the calendar of meeting {id}", id=repr(m)) for m in known.meetings}),
    Output("open data", SOURCES - TEXTS | {REPORTS},
           lambda i: {routes.DATA_DIR + name: content for name, content in i.package.files.items()},
           folder=routes.DATA_DIR),
    Output("feeds", frozenset({REPORTS, NEWS, MEETINGS}), lambda i: collect.feeds(i.site, identity=i.identity),
           lambda known, lang: {routes.feed(lang): tr("the news feed")}, texts=frozenset({REPORTS, NEWS})),
    Output("accessibility address", frozenset(),
           lambda i: {standalone.WAS: standalone.was_page(i.identity.accessibility_statement, i.identity.name.da)},
           lambda known, lang: {standalone.WAS: tr("the page that forwards to the accessibility statement")}
           if lang == "da" else {}),
    Output("web editor", frozenset(), lambda i: webeditor.files(i.identity),
           lambda known, lang: {webeditor.PAGE: tr("the web editor")} if lang == "da" else {},
           folder=routes.ADMIN_DIR),
    Output("JSON-LD", SOURCES - TEXTS | {REPORTS},
           lambda i: collect.head_extras(i.site, identity=i.identity, package=i.package, about=i.about), head=True),
)
"""Every generated output, in the order the build adds them."""


def _made(kind: PageType, inputs: Inputs, item: Any, lang: Lang) -> Pages:
    return tuple(GeneratedPage(p.src_uri, p.markdown, kind.in_nav) for p in kind.make(inputs, item, lang))


Pages = tuple[GeneratedPage, ...]
"""The pages of one item of a page type in one language."""

Group = tuple[str, Lang]
"""The pages of one page type (by name) in one language."""


def _items_of(kind: PageType, inputs: Inputs, lang: Lang) -> list[Pages]:
    return [_made(kind, inputs, item, lang) for item in kind.items(inputs.site)]


def _groups() -> list[tuple[PageType, Lang]]:
    """Page types and languages in the site's page order: language by language, then the
    site-wide types."""
    return ([(kind, lang) for lang in LANGS for kind in PAGE_TYPES if not kind.site_wide]
            + [(kind, lang) for kind in PAGE_TYPES if kind.site_wide for lang in LANGS])


def generate_groups(inputs: Inputs) -> dict[Group, list[Pages]]:
    """Every generated page of the site, by page type and language and then by item, in the site's order."""
    return {(kind.name, lang): _items_of(kind, inputs, lang) for kind, lang in _groups()}


def generate(inputs: Inputs) -> list[GeneratedPage]:
    """Every generated page of the site, both languages: language by language, then the
    site-wide types."""
    return [p for items in generate_groups(inputs).values() for pages in items for p in pages]


def needed(kind: PageType, site: Site, item: Any) -> frozenset[Record]:
    """The records an item of ``kind`` shows (:attr:`PageType.needs`, which it must have)."""
    assert kind.needs is not None
    return frozenset(kind.needs(site, item))


def remake(inputs: Inputs, previous: Mapping[Group, list[Pages]], *, kinds: frozenset[str],
           changed: set[str], before: Site | None = None,
           records: frozenset[Record] | None = None) -> dict[Group, list[Pages]]:
    """:func:`generate_groups`'s pages when only the records of ``kinds`` (of :data:`SOURCES`'
    data files) and the bodies of the editors' pages ``changed`` (source paths, either
    language) differ from the build that made ``previous``. A page type that reads one of
    ``kinds`` is made again whole (its items may be others now: a new meeting, a deleted
    partner), unless it declares :attr:`PageType.needs` and ``records`` are the records that
    changed (then every record of those kinds is where it was in ``before``, the site that
    made ``previous``): then the items that show one of them, in ``before`` or now. Of the
    others, the items that show a changed body; the rest is kept."""
    danish = {routes.danish_uri(uri) for uri in changed}
    out: dict[Group, list[Pages]] = {}
    known: dict[tuple[str, int, bool], frozenset[Record]] = {}  # the records each item shows, the same in each language

    def shows_changed(kind: PageType, index: int, old: Any, item: Any) -> bool:
        assert records is not None and before is not None
        for now, site, of in ((False, before, old), (True, inputs.site, item)):
            key = (kind.name, index, now)
            if key not in known:
                known[key] = needed(kind, site, of)
            if records & known[key]:
                return True
        return False

    for kind, lang in _groups():
        kept = previous[(kind.name, lang)]
        whole = bool(kind.reads & kinds)
        if whole and (kind.needs is None or records is None or before is None):
            out[(kind.name, lang)] = _items_of(kind, inputs, lang)
            continue
        if not whole and not (kind.shows is not None and danish):
            out[(kind.name, lang)] = kept
            continue
        items = kind.items(inputs.site)
        olds = kind.items(before) if whole and before is not None else items
        if not len(kept) == len(items) == len(olds):  # a year page came or went
            out[(kind.name, lang)] = _items_of(kind, inputs, lang)
            continue
        made = []
        for index, (item, old, pages) in enumerate(zip(items, olds, kept)):
            again = (whole and records is not None and before is not None
                     and (old != item or shows_changed(kind, index, old, item)))
            again = again or (kind.shows is not None and bool(danish.intersection(kind.shows(inputs.site, item))))
            made.append(_made(kind, inputs, item, lang) if again else pages)
        out[(kind.name, lang)] = made
    return out


def texts_shown(site: Site, groups: Mapping[Group, list[Pages]], uri: str) -> list[str] | None:
    """The editors' pages (source paths) whose body the generated page ``uri`` of ``groups``
    (made from ``site``) shows, in its language first (:attr:`PageType.shows`); ``None`` if
    ``groups`` have no page at ``uri``."""
    for kind, lang in _groups():
        for item, pages in zip(kind.items(site), groups.get((kind.name, lang), [])):
            if any(page.src_uri == uri for page in pages):
                danish = list(kind.shows(site, item)) if kind.shows is not None else []
                return list(dict.fromkeys(text for d in danish for text in (routes.src_uri(lang, d), d)))
    return None


def outputs_of(inputs: Inputs, *, kinds: frozenset[str] | None = None,
               texts: bool = False) -> dict[str, Mapping[str, Any]]:
    """The files (or, for :attr:`Output.head`, the ``<head>`` HTML by page) of each output by
    name: all of them, or (with ``kinds``) those that read one of ``kinds`` or, with ``texts``,
    quote editors' texts."""
    return {output.name: output.make(inputs) for output in OUTPUTS
            if kinds is None or output.reads & kinds or (texts and output.texts)}


def make_outputs(inputs: Inputs, *, texts_only: bool = False) -> tuple[dict[str, str | bytes], dict[str, str]]:
    """The files of every output (or, with ``texts_only``, of those that quote editors'
    texts), and the ``<head>`` HTML by page source path."""
    files: dict[str, str | bytes] = {}
    head: dict[str, str] = {}
    for output in OUTPUTS:
        if not texts_only or output.texts:
            (head if output.head else files).update(output.make(inputs))  # type: ignore[arg-type]
    return files, head


def reserved(known: Known) -> dict[str, str]:
    """Every file the generator writes (as :func:`~boligdialog.site.routes.output_path` gives
    it) and what it is, besides those the site's folders hold (:data:`~boligdialog.site.routes.SITE_FOLDERS`)."""
    out = {path: tr(what) for path, what in routes.SITE_FILES.items()}
    for lang in LANGS:
        for kind in PAGE_TYPES:
            if kind.reserved:
                out |= {routes.output_path(uri): what for uri, what in kind.addresses(known, lang).items()}
        for output in OUTPUTS:
            out |= dict(output.addresses(known, lang))
    return out


def generated_outputs(*, partners: list[str], meetings: list[str], themes: list[str],
                      agreements: list[str], archive: Archive) -> dict[str, str]:
    """:func:`reserved` for the checks: ``agreements`` are the versions' text paths, oldest
    first; ``archive`` says which year pages there are. The build refuses to add a generated
    file where another one is, so a gap here stops the build rather than losing an editor's file."""
    return reserved(Known(partners, meetings, themes, agreements, archive))


def generated_sources(*, partners: list[str], meetings: list[str], themes: list[str],
                      agreements: list[str], archive: Archive) -> frozenset[str]:
    """The source path of every page and file the generator adds to the site (what an editor's
    link may point to), with the same arguments as :func:`generated_outputs`; the English
    stand-ins are not among them (they are where a Danish page has no English file)."""
    known = Known(partners, meetings, themes, agreements, archive)
    out: set[str] = set()
    for lang in LANGS:
        for kind in PAGE_TYPES:
            if kind.reserved:
                out |= set(kind.addresses(known, lang))
        for output in OUTPUTS:
            out |= set(output.addresses(known, lang))
    return frozenset(out)
