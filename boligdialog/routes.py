"""Where every page lives, in both languages.

Danish pages sit at the site root, English ones under ``en/``, with the same path
below that, so a page's counterpart is always found by adding or removing
``en/``. Paths here are MkDocs source paths (``moeder/x.md``) and site URLs
(``moeder/x/``), both relative to the site root.
"""

from __future__ import annotations

import re
import unicodedata

from .values import Lang

EN = "en/"
"""Folder of the English pages (and of the English editors' files under ``content/``)."""

NEWS_DIR = "nyheder/"
"""News articles: ``content/nyheder/`` (Danish) and ``content/en/nyheder/`` (English)."""

SECTIONS = {"partners": "partnere", "meetings": "moeder", "themes": "temaer"}
"""Folder of each generated section (the same in both languages)."""

SEARCH = "soeg.md"
FOLLOW_UP = "opfoelgning.md"
NEWS = "nyheder/index.md"
FEED = "feed.xml"
CALENDAR = "moeder/visionsforum.ics"
"""The whole meeting series as iCalendar, per language."""


def feed(lang: Lang) -> str:
    """The Atom feed of reports and news in ``lang``."""
    return src_uri(lang, FEED)


def calendar(lang: Lang) -> str:
    """The whole meeting series as iCalendar, in ``lang``."""
    return src_uri(lang, CALENDAR)


def theme_calendar(theme_id: str, lang: Lang) -> str:
    return src_uri(lang, f"{SECTIONS['themes']}/{theme_id}.ics")


def absolute(site_url: str, uri: str) -> str:
    """Absolute URL of a page (``.md``) or file: ``https://…/en/moeder/x/``."""
    return site_url.rstrip("/") + "/" + (url_of(uri) if uri.endswith(".md") else uri)


def prefix(lang: Lang) -> str:
    return "" if lang == "da" else EN


def lang_of(uri: str) -> Lang:
    """The language of a path: ``en/…`` is English, everything else Danish."""
    return "en" if uri.startswith(EN) else "da"


def counterpart_uri(uri: str) -> str:
    """The same page in the other language: ``x.md`` <-> ``en/x.md``."""
    return uri.removeprefix(EN) if uri.startswith(EN) else EN + uri


def danish_uri(uri: str) -> str:
    """The Danish path of a page in either language."""
    return uri.removeprefix(EN)


def is_generated(uri: str) -> bool:
    """True for the path of an editor's page (``.md``) where the generator writes a page
    itself, so the editor's file would be lost."""
    path = danish_uri(uri)
    return path.split("/", 1)[0] in SECTIONS.values() or path in (SEARCH, FOLLOW_UP, NEWS)


def nav_entry(uri: str) -> str:
    """The page whose navigation entry stands for ``uri``: the section's index page for a
    page of a section (a partner, meeting, theme or news article), else the page itself."""
    path = danish_uri(uri)
    folder, slash, _ = path.partition("/")
    if slash and (folder in SECTIONS.values() or path.startswith(NEWS_DIR)):
        return src_uri(lang_of(uri), f"{folder}/index.md")
    return uri


def src_uri(lang: Lang, path: str) -> str:
    """``('en', 'moeder/index.md')`` -> ``'en/moeder/index.md'``."""
    return prefix(lang) + path


def section_index(section: str, lang: Lang) -> str:
    return src_uri(lang, f"{SECTIONS[section]}/index.md")


def item(section: str, item_id: str, lang: Lang) -> str:
    return src_uri(lang, f"{SECTIONS[section]}/{item_id}.md")


def url_of(uri: str) -> str:
    """Directory-style URL of a source path: ``moeder/x.md`` -> ``moeder/x/``."""
    stem = uri[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at ``from_url`` to ``to_url`` (both site-root relative)."""
    target, _, fragment = to_url.partition("#")
    here = from_url.split("/")[:-1]  # the page's folder (URLs end in "/")
    there = target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:]) or "./"
    return rel + (f"#{fragment}" if fragment else "")


_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def slugify(value: str, separator: str = "-") -> str:
    """The id of a heading, for Markdown's toc extension: its words in lower case, Danish
    letters written as the site's paths write them, "Kommende møder" -> ``kommende-moeder``."""
    text = unicodedata.normalize("NFKD", value.lower().translate(_DANISH_LETTERS))
    text = re.sub(r"[^\w\s-]", "", text.encode("ascii", "ignore").decode("ascii")).strip()
    return re.sub(r"[\s-]+", separator, text)
