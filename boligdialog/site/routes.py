"""Where every page lives, in both languages.

Danish pages sit at the site root, English ones under ``en/``, with the same path
below that, so a page's counterpart is always found by adding or removing
``en/``. Paths here are MkDocs source paths (``moeder/x.md``) and site URLs
(``moeder/x/``), both relative to the site root.
"""

from __future__ import annotations

import re
import unicodedata

from boligdialog.model.translate import N_, tr
from boligdialog.model.values import LANGS, Lang

EN = "en/"
"""Folder of the English pages (and of the English editors' files under ``content/``)."""

NEWS_DIR = "nyheder/"
"""News articles: ``content/nyheder/`` (Danish) and ``content/en/nyheder/`` (English)."""

REPORTS_DIR = "referater/"
"""Meeting reports: ``content/referater/`` (Danish, with ``meeting:`` in the front matter)
and the same path under ``content/en/``. They are shown on their meeting's page, not on
pages of their own."""

SECTIONS = {"partners": "partnere", "meetings": "moeder", "themes": "temaer"}
"""Folder of each generated section (the same in both languages)."""

AGREEMENT_DIR = "aftale/"
"""The agreement's texts, one file a version (``content/aftale/2017.md``, the English one under ``en/``)."""
AGREEMENT = AGREEMENT_DIR + "index.md"
"""The agreement: the version in force, and the list of versions (each version's own page is
its text's page, e.g. ``aftale/2017.md``)."""

SEARCH = "soeg.md"
SUBSCRIBE = "kalender.md"
"""How to get the meetings into a phone's or Outlook's calendar (linked where the calendars are)."""
FOLLOW_UP = "opfoelgning.md"
FOLLOW_UP_DIR = "opfoelgning/"
"""The follow-up's year pages: ``opfoelgning/2019.md`` (the decisions taken in 2019 that are
finished) and ``opfoelgning/2019/aabne.md`` (those still open)."""
NEWS = "nyheder/index.md"
FEED = "feed.xml"
_forum = {"slug": "forum"}
"""The forum's slug (``extra.forum.slug``), set by :func:`use_forum` as each build starts."""
OPEN_DATA = "aabne-data.md"
"""The page that describes the open data, per language."""
DATA_DIR = "data/"
"""Folder of the open-data files (one for both languages): ``/data/datapackage.json`` and the tables."""
DATAPACKAGE = "datapackage.json"
ADMIN_DIR = "admin/"
"""The web editor (``/admin/``): its page, its configuration and Decap CMS's script; in neither
the sitemap, the navigation, the search nor the feeds (it is no page of the site's)."""
SEARCH_BUNDLE = "pagefind/"
"""Folder of the search index of each language's pages (Pagefind's bundle): ``pagefind/`` for
the Danish pages, ``en/pagefind/`` for the English ones."""


def feed(lang: Lang) -> str:
    """The Atom feed of reports and news in ``lang``."""
    return src_uri(lang, FEED)


def search_bundle(lang: Lang) -> str:
    """The folder of the search index of the pages in ``lang``: ``pagefind/``, ``en/pagefind/``."""
    return prefix(lang) + SEARCH_BUNDLE


def use_forum(slug: str) -> None:
    """Name the meeting calendar after the forum (:func:`boligdialog.site.settings.activate`)."""
    _forum["slug"] = slug


def forum_slug() -> str:
    """The forum's slug: the calendar's file name, and the start of the ids of its meetings."""
    return _forum["slug"]


def calendar(lang: Lang) -> str:
    """The whole meeting series as iCalendar, in ``lang``: ``moeder/<forum's slug>.ics``."""
    return src_uri(lang, f"{SECTIONS['meetings']}/{_forum['slug']}.ics")


def meeting_calendar(meeting_id: str, lang: Lang) -> str:
    """One meeting as iCalendar, to add to a calendar once: ``moeder/<id>.ics``."""
    return src_uri(lang, f"{SECTIONS['meetings']}/{meeting_id}.ics")


def subscribe_page(lang: Lang) -> str:
    return src_uri(lang, SUBSCRIBE)


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


SITE_FILES = {
    "sitemap.xml": N_("the sitemap"),
    "sitemap.xml.gz": N_("the sitemap"),
    "robots.txt": N_("the instructions for search engines (robots.txt)"),
    "404.html": N_("the page shown for a missing address"),
    "en/404.html": N_("the page shown for a missing address"),
}
"""Files MkDocs and the theme write at fixed places."""

SITE_FOLDERS = {
    "assets/": N_("the theme's files"),
    **{search_bundle(lang): N_("the search index") for lang in LANGS},
    DATA_DIR: N_("the open data"),
    ADMIN_DIR: N_("the web editor"),
}
"""Folders whose every file the build writes itself."""


def comparison(text: str) -> str:
    """The page that shows what changed in the version whose text is ``text``:
    ``aftale/2027.md`` -> ``aftale/2027/aendringer.md``."""
    return text.removesuffix(".md") + "/aendringer.md"


def memo(text: str) -> str:
    """The consultation memo of the version whose text is ``text``:
    ``aftale/2027.md`` -> ``aftale/2027/hoeringsnotat.md``."""
    return text.removesuffix(".md") + "/hoeringsnotat.md"


def meetings_year(year: int, lang: Lang) -> str:
    """The archive page of a year's meetings: ``moeder/2019.md`` (a meeting's id is never a
    year, so no meeting has that page)."""
    return src_uri(lang, f"{SECTIONS['meetings']}/{year}.md")


def theme_year(theme_id: str, year: int, lang: Lang) -> str:
    """The meetings of a year on one theme: ``temaer/midtby/2019.md``."""
    return src_uri(lang, f"{SECTIONS['themes']}/{theme_id}/{year}.md")


def follow_up_year(year: int, lang: Lang, *, finished: bool = True) -> str:
    """The decisions taken in ``year`` that are finished (``opfoelgning/2019.md``), or those
    still open (``opfoelgning/2019/aabne.md``)."""
    return src_uri(lang, f"{FOLLOW_UP_DIR}{year}.md" if finished else f"{FOLLOW_UP_DIR}{year}/aabne.md")


def is_year(value: str) -> bool:
    """``2019``: an id like this would be a year page's address."""
    return len(value) == 4 and value.isascii() and value.isdigit()


def generated_folder(path: str) -> str | None:
    """What writes the folder ``path`` is in, if the build writes all of that folder."""
    return next((tr(what) for folder, what in SITE_FOLDERS.items() if path.startswith(folder)), None)


def output_path(uri: str) -> str:
    """The file MkDocs writes for a source path: ``moeder/x.md`` -> ``moeder/x/index.html``,
    ``index.md`` -> ``index.html``; other files keep their path."""
    return url_of(uri) + "index.html" if uri.endswith(".md") else uri


def nav_entry(uri: str) -> str:
    """The page whose navigation entry stands for ``uri``: the section's index page for a
    page of a section (a partner, meeting, theme, news article or year page), the follow-up
    page for its year pages, else the page itself."""
    path = danish_uri(uri)
    folder, slash, _ = path.partition("/")
    if slash and (folder in SECTIONS.values() or path.startswith(NEWS_DIR)):
        return src_uri(lang_of(uri), f"{folder}/index.md")
    if path.startswith(FOLLOW_UP_DIR):
        return src_uri(lang_of(uri), FOLLOW_UP)
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
    folder, _, name = stem.rpartition("/")
    if name in ("index", "README"):  # as MkDocs: both are their folder's page
        return folder + "/" if folder else ""
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
