"""Atom (RFC 4287) feeds of reports and news, made with feedgen.

Pure: entries in, ``bytes`` out. Entry ids are ``tag:`` URIs built from the
site's host and the entry's own key, so they never change when a title or text
is edited; dates are the editors' publication dates, never the build date. The
feed's author (RFC 4287 §4.1.1: the feed or every entry needs one) is the
partnership, by its name in the feed's language, with its home page.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import urlsplit

import markdown
from feedgen.feed import FeedGenerator

from boligdialog.pages.describe import first_paragraph
from boligdialog.site.schedule import TZ
from boligdialog.model.values import LANGS, Lang, PartialDate


@dataclass(frozen=True)
class FeedEntry:
    key: str
    """Stable key, e.g. ``report/forum-2017-1``."""
    title: str
    url: str
    published: PartialDate
    updated: PartialDate | None
    description: str | None
    """The front matter's description, if any (plain text)."""
    body: str
    """The page's Markdown: its first paragraph is the summary when there is no description."""
    fallback: str = ""
    """The summary when there is neither a description nor a paragraph (a report's meeting)."""

    @property
    def paragraph(self) -> str:
        """The body's first paragraph (Markdown), or :attr:`fallback`; read only for the entries a
        feed holds (the body of every report, at 2,000 meetings, was a tenth of a report edit's rebuild)."""
        return first_paragraph(self.body) or self.fallback


FEED_LENGTH = 50
"""Entries in a feed: the newest reports and articles. A feed reader keeps what it has read;
the site lists everything. (All of them made the feed grow with the years: 4,456 entries, and
a second of Markdown, at 2,000 meetings.)"""


def summary_html(description: str | None, body_paragraph: str) -> str:
    """The front matter's description (plain text, escaped), else the body's first
    paragraph rendered from Markdown, as the page itself renders it."""
    if description:
        return f"<p>{html.escape(description)}</p>"
    return _MARKDOWN.reset().convert(body_paragraph)


_MARKDOWN = markdown.Markdown()
"""One converter for every summary (making one per summary was most of the feeds' time)."""


def tag_uri(site_url: str, key: str) -> str:
    """``tag:boligdialog.example.org,2017:report/forum-2017-1`` (RFC 4151)."""
    return f"tag:{urlsplit(site_url).hostname or 'boligdialog'},2017:{key}"


def _moment(date: PartialDate) -> dt.datetime:
    """A publication day as Atom's date-time: noon in Copenhagen, so that readers in
    any European or American time zone still show the editor's day."""
    return dt.datetime.combine(date.first_day(), dt.time(12, 0), tzinfo=TZ)


def atom_feed(entries: list[FeedEntry], *, lang: Lang, title: str, subtitle: str, author: str, site_url: str,
              home_url: str, feed_url: str) -> bytes:
    """An Atom feed of the newest :data:`FEED_LENGTH` of ``entries``, newest first, by
    ``author`` (a name), whose address is ``home_url``: the feed's author stands for every entry."""
    ordered = sorted(entries, key=lambda e: (e.updated or e.published, e.key), reverse=True)[:FEED_LENGTH]
    newest = max((_moment(e.updated or e.published) for e in entries),
                 default=dt.datetime(2017, 8, 1, tzinfo=TZ))
    # what the feed shows of each entry: its summary's text (the description, else the first
    # paragraph) instead of the whole body
    shown = tuple(replace(e, body="", fallback="" if e.description else e.paragraph) for e in ordered)
    return _atom(shown, newest, lang=lang, title=title, subtitle=subtitle, author=author,
                 site_url=site_url, home_url=home_url, feed_url=feed_url)


@lru_cache(maxsize=len(LANGS))
def _atom(ordered: tuple[FeedEntry, ...], newest: dt.datetime, *, lang: Lang, title: str, subtitle: str, author: str,
          site_url: str, home_url: str, feed_url: str) -> bytes:
    """The feed of ``ordered`` (newest first), last updated at ``newest``; kept for the same
    entries and words, as the preview asks after every edit (an edit below a text's first
    paragraph, or of a text not among them, leaves the feed as it was)."""
    fg = FeedGenerator()
    fg.id(tag_uri(site_url, f"feed/{lang}"))
    fg.title(title)
    fg.author({"name": author, "uri": home_url})
    fg.subtitle(subtitle)
    fg.language(lang)
    fg.link(href=home_url, rel="alternate", hreflang=lang)
    fg.link(href=feed_url, rel="self")
    fg.generator("boligdialog")
    fg.updated(newest)
    # feedgen prepends new entries; add oldest first so the file lists newest first
    for e in reversed(ordered):
        fe = fg.add_entry()
        fe.id(tag_uri(site_url, f"{e.key}/{lang}"))
        fe.title(e.title)
        fe.link(href=e.url, rel="alternate", hreflang=lang)
        fe.published(_moment(e.published))
        fe.updated(_moment(e.updated or e.published))
        fe.summary(summary_html(e.description, e.paragraph), type="html")
    return fg.atom_str(pretty=True)
