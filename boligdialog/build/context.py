"""What the generator's templates see of a page besides MkDocs's context: ``bd``, the site's
name and description in the page's language, and the extras of the 404 pages and the sitemap.
Plain values; the adapter puts them into MkDocs's context. Nothing here depends on MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from boligdialog.pages import editlinks, opengraph
from boligdialog.site import routes
from boligdialog.site.routes import lang_of
from boligdialog.site.sitedata import Site
from boligdialog.site.i18n import LANGUAGE_NAMES, format_partial, strings
from boligdialog.site.identity import Identity
from boligdialog.model.values import LANGS, Lang, PartialDate

ERROR_PAGES: dict[str, Lang] = {"404.html": "da", "en/404.html": "en"}
"""The 404 page of each language (theme templates: ``boligdialog/adapter/theme/404.html``,
``boligdialog/adapter/theme/en/404.html``)."""


def other(lang: Lang) -> Lang:
    return next(code for code in LANGS if code != lang)


def names(identity: Identity, lang: Lang, uri: str) -> tuple[str, str]:
    """The site's name in ``lang``, and the description printed where a page has none (the
    404 pages: what a missing address means)."""
    description = strings(lang)["not_found_text"] if uri in ERROR_PAGES else identity.description.get(lang).text
    return identity.name.get(lang).text, description


def view(*, lang: Lang, uri: str, urls: Mapping[str, str], head: str = "") -> dict[str, Any]:
    """``bd``: the page's language and words, its counterpart's address (``urls``: by
    language), the addresses every page links to, and its ``<head>`` extras. ``og`` and
    ``edit_url`` are filled in by the caller for content pages."""
    return {
        "lang": lang,
        "s": strings(lang),
        "alternates": [{"lang": code, "name": LANGUAGE_NAMES[code], "url": urls[code]} for code in LANGS],
        "other": other(lang),
        "search_url": routes.url_of(routes.src_uri(lang, routes.SEARCH)),
        "search_bundle": routes.search_bundle(lang),
        "is_search": uri == routes.src_uri(lang, routes.SEARCH),
        "section": routes.nav_entry(uri),
        "feed_url": routes.feed(lang),
        "open_data_url": routes.url_of(routes.src_uri(lang, routes.OPEN_DATA)),
        "home_url": routes.url_of(routes.src_uri(lang, "index.md")),
        "head": head,
        "og": [],
        "error_page": uri in ERROR_PAGES,
        "edit_url": None,
        "edit_report_url": None,
    }


def sender(settings: Any, lang: Lang) -> dict[str, Any]:
    """``bd.sender``: who is responsible for the site (name, address, e-mail, telephone, in
    ``lang``), its colours, and whether it is an example site (``settings``: the site's
    :class:`~boligdialog.site.settings.Settings`)."""
    who = settings.responsible if settings is not None else None
    return {
        "example": bool(settings and settings.example),
        "colors": settings.colors if settings is not None else None,
        "name": who.name.get(lang).text if who else None,
        "address": who.address.get(lang).text if who and who.address else None,
        "email": who.email if who else None,
        "phone": who.phone if who else None,
    }


def error_page_view(template: str) -> dict[str, Any]:
    """``bd`` of a 404 page (served at any missing address, so its links start from the
    site's root), with the other language's words for its second half."""
    lang = ERROR_PAGES[template]
    out = view(lang=lang, uri=template, urls={code: name for name, code in ERROR_PAGES.items()})
    return out | {"s_other": strings(other(lang)),
                  "other_home_url": routes.url_of(routes.src_uri(other(lang), "index.md"))}


def page_extras(site: Site, uri: str, *, title: str | None, page_title: str | None, description: str, url: str,
                site_name: str, repository: editlinks.Repository | None,
                changed: dt.date | None = None) -> dict[str, Any]:
    """``bd`` of a page besides :func:`view`: its "Edit this page" link (if the site names its
    repository), the day its content last changed (the sitemap's ``<lastmod>``: ``changed``,
    ISO, and ``changed_text``, in the page's language) and its OpenGraph properties (a news
    article is an article)."""
    where = editlinks.source(uri, site) if repository else None
    report = editlinks.report_source(uri, site) if repository else None
    danish = routes.danish_uri(uri)
    return {
        "edit_url": repository.link(where) if repository and where else None,
        "edit_report_url": repository.link(report) if repository and report else None,
        "changed": changed.isoformat() if changed else None,
        "changed_text": format_partial(PartialDate.parse(changed.isoformat()), lang_of(uri)) if changed else None,
        "og": opengraph.properties(
            title=title or Markup(page_title or "").striptags(), description=description, url=url,
            lang=lang_of(uri), site_name=site_name,
            article=danish.startswith(routes.NEWS_DIR) and danish != routes.NEWS),
    }
