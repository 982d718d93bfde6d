"""One navigation per language, cut from the site's single navigation.

``mkdocs.yml`` lists the Danish and the English top pages in one ``nav``; every
page then gets the navigation of its own language, so Danish pages show only
Danish entries and English pages only English ones. Works on MkDocs's
``Navigation`` objects but holds no state.
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from boligdialog.site.routes import lang_of
from boligdialog.model.values import LANGS, Lang


def split(nav: Navigation) -> dict[Lang, Navigation]:
    """``{'da': Navigation, 'en': Navigation}`` with prev/next links within each language.

    Raises:
        ValueError: when the navigation holds anything but pages (a section or a link):
            the site's navigation template shows top pages only.
    """
    for item in nav.items:
        if not isinstance(item, Page):
            raise ValueError(f"mkdocs.yml: nav: expected only pages (title: file.md) but received "
                             f"{item.title!r}, a {type(item).__name__.lower()}")
    out: dict[Lang, Navigation] = {}
    for lang in LANGS:
        pages = [p for p in nav.pages if lang_of(p.file.src_uri) == lang]
        for prev, page, nxt in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
            page.previous_page, page.next_page = prev, nxt
        lang_nav = Navigation(list(pages), pages)
        lang_nav.homepage = next((p for p in pages if p.file.src_uri in ("index.md", "en/index.md")), None)
        out[lang] = lang_nav
    return out
