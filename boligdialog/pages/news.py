"""The news: the list of articles, and the date line on each article.

Pure functions from the :class:`~boligdialog.site.sitedata.Site` to Markdown; nothing here
depends on MkDocs.
"""

from __future__ import annotations

from boligdialog.pages.page import GeneratedPage, page
from boligdialog.pages.render import block
from boligdialog.site import routes
from boligdialog.site.i18n import strings
from boligdialog.site.sitedata import Site
from boligdialog.model.values import Lang


def news_page(site: Site, lang: Lang) -> GeneratedPage:
    """The articles in ``lang`` (Danish ones standing in for missing English), newest first."""
    uri = routes.src_uri(lang, routes.NEWS)
    items = sorted(site.news(lang), key=lambda p: (p.meta.date, routes.danish_uri(p.src_uri)), reverse=True)
    fragment = block("news.html", lang=lang, page_uri=uri, items=items)
    s = strings(lang)
    return page(uri, s["news"], fragment, description=s["news_description"])


def news_date_block(site: Site, uri: str, lang: Lang) -> str | None:
    """The date line of the news article at ``uri`` (either language), or ``None``."""
    if not routes.danish_uri(uri).startswith(routes.NEWS_DIR) or uri.endswith("/index.md"):
        return None
    article = site.pages.get(uri) or site.pages.get(routes.danish_uri(uri))
    if article is None or article.meta.date is None:
        return None
    return block("news_date.html", lang=lang, page_uri=uri, page=article)
