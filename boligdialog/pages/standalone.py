"""Pages of their own: the search page, the page on subscribing to the calendars, the open-data page, and the English stand-in for a
Danish page that has no English text yet.

Pure functions to Markdown; nothing here depends on MkDocs.
"""

from __future__ import annotations

from boligdialog.outputs import opendata
from boligdialog.pages import describe
from boligdialog.pages.page import GeneratedPage, fallback_block, front_matter, page
from boligdialog.pages.render import block, render
from boligdialog.site import routes
from boligdialog.site.i18n import format_partial, format_size, strings
from boligdialog.site.routes import counterpart_uri
from boligdialog.site.sitedata import ContentPage, Site
from boligdialog.model.values import Lang, PartialDate


WAS = "was/index.html"
"""Where ``<domain>/was`` is: the agency requires it to lead to the accessibility statement."""


def search_page(lang: Lang, *, preview: bool = False) -> GeneratedPage:
    """The search page; in the preview (``mkdocs serve``) it says that the index follows edits a moment later."""
    uri = routes.src_uri(lang, routes.SEARCH)
    s = strings(lang)
    return page(uri, s["search"], block("search.html", lang=lang, page_uri=uri, preview=preview),
                description=s["search_intro"])


def subscribe_page(site: Site, lang: Lang, site_url: str) -> GeneratedPage:
    """How to subscribe to the meeting calendars on an iPhone, on Android (Google Calendar) and
    in Outlook, with the address of each calendar to copy."""
    uri = routes.src_uri(lang, routes.SUBSCRIBE)
    s = strings(lang)
    return page(uri, s["subscribe_title"], block("subscribe.html", lang=lang, page_uri=uri, site=site, site_url=site_url),
                description=s["subscribe_description"])


def open_data_page(package: opendata.Package, lang: Lang, site_url: str) -> GeneratedPage:
    """What each open-data file holds, its fields, the licence and the links (not in the
    navigation: the footer links to it)."""
    s = strings(lang)
    uri = routes.src_uri(lang, routes.OPEN_DATA)
    day = package.modified.date()
    fragment = block(
        "opendata.html", lang=lang, page_uri=uri, package=package,
        sizes={name: format_size(len(content), lang) for name, content in package.files.items()},
        kinds=opendata.KINDS, texts={name: opendata.table_text(name) for name in opendata.TABLE_TEXTS},
        data_dir=routes.DATA_DIR,
        datapackage=routes.DATAPACKAGE, package_abs=routes.absolute(site_url, routes.DATA_DIR + routes.DATAPACKAGE),
        modified=format_partial(PartialDate(day.year, day.month, day.day), lang),
    )
    return page(uri, s["open_data"], fragment, description=s["open_data_description"])


def english_fallback(danish: ContentPage) -> GeneratedPage:
    """An English page for a Danish page that has no English text yet; its description says so."""
    meta = {"title": danish.meta.title} if danish.meta.title else {}
    meta["description"] = describe.danish_only(danish.meta.title, "en")
    body = fallback_block(danish.body, "en", "only_da_page")
    return GeneratedPage(counterpart_uri(danish.src_uri), front_matter(**meta) + body + "\n")


def lacking_english(site: Site) -> list[ContentPage]:
    """The Danish pages of their own (not reports) without an English file."""
    return [p for p in site.pages.values() if p.lang == "da" and p.src_uri not in site.report_paths
            and counterpart_uri(p.src_uri) not in site.pages]


def was_page(statement: str, site_name: str) -> str:
    """``was/index.html``: the page at ``<domain>/was`` that forwards to the accessibility
    statement (Danish, as the statement is; a meta refresh, and a link for those it does not
    forward)."""
    return render("was.html", lang="da", page_uri=WAS, statement=statement, site_name=site_name) + "\n"
