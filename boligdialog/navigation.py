"""One navigation per language, cut from the site's single navigation.

``mkdocs.yml`` lists the Danish and the English top pages in one ``nav``; every
page then gets the navigation of its own language, so Danish pages show only
Danish entries and English pages only English ones. Works on MkDocs's
``Navigation`` objects but holds no state.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.nav import Navigation

from .routes import lang_of
from .values import LANGS, Lang


def _lang_of_item(item: Any) -> Lang:
    if getattr(item, "file", None) is not None:
        return lang_of(item.file.src_uri)
    if getattr(item, "children", None):
        return _lang_of_item(item.children[0])
    url = getattr(item, "url", "") or ""
    return "en" if url.lstrip("/").startswith("en/") else "da"


def split(nav: Navigation) -> dict[Lang, Navigation]:
    """``{'da': Navigation, 'en': Navigation}`` with prev/next links within each language."""
    out: dict[Lang, Navigation] = {}
    for lang in LANGS:
        items = [i for i in nav.items if _lang_of_item(i) == lang]
        pages = [p for p in nav.pages if lang_of(p.file.src_uri) == lang]
        for prev, page, nxt in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
            page.previous_page, page.next_page = prev, nxt
        lang_nav = Navigation(items, pages)
        lang_nav.homepage = next((p for p in pages if p.file.src_uri in ("index.md", "en/index.md")), None)
        out[lang] = lang_nav
    return out
