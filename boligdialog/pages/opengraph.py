"""OpenGraph properties of a page (https://ogp.me/), for the links people share.

Pure: values in, ``(property, content)`` pairs out, in plain text; ``boligdialog/adapter/theme/main.html``
writes them as ``<meta property>`` elements and escapes them. The locale of each language is
the one its dates are formatted in (:data:`boligdialog.i18n.LOCALES`): ``da_DK`` and
``en_GB``.
"""

from __future__ import annotations

from boligdialog.site.i18n import LOCALES
from boligdialog.model.values import LANGS, Lang


def properties(*, title: str, description: str, url: str | None, lang: Lang, site_name: str,
               article: bool = False) -> list[tuple[str, str]]:
    """OpenGraph of one page; ``article`` for a news article, else the page is a ``website``."""
    props = [
        ("og:type", "article" if article else "website"),
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:description", description),
    ]
    if url:
        props.append(("og:url", url))
    props.append(("og:locale", LOCALES[lang]))
    props += [("og:locale:alternate", LOCALES[other]) for other in LANGS if other != lang]
    return props
