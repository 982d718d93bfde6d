"""The check of links and images in the editors' Markdown: what publishing refuses, found
where the editor wrote it.

Two things stop the published build that the editor cannot see in their own file:

- a link or image to a file that is not there. MkDocs finds it, but on the page the text is
  published on, in English and without a line; a report's text is published on its meeting's
  page (``moeder/…``), not at ``referater/…``, so MkDocs names a file the editor never wrote;
- an image, script, frame or style from another host: the citizens' pages make no requests
  to other hosts (the privacy gate of ``tests/test_browser.py``), and that gate runs only
  after the build, in English.

Why parse here rather than map MkDocs's warnings back: a warning names the generated page and
the link as written, not the editor's file or line, and a report's link is resolved on two
pages (its meeting's Danish and English page) that both hold other text; MkDocs also runs only
in the build, never in ``boligdialog check``. So this module reads each body with
python-markdown itself, as MkDocs does (its ``_RelativePathTreeprocessor``: ``<a href>`` and
``<img src>`` of the Markdown, not of raw HTML, a relative path with a file extension must be
a file of the site; links without an extension or from the site's root are left as MkDocs
leaves them), resolves it from every page the text is published on, and finds the line by
the link's text in the body. Requests to other hosts are looked for in the whole HTML, raw
HTML included. Both are cached by body text, since the preview checks everything again
after every edit.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from html.parser import HTMLParser
from typing import Iterable
from urllib.parse import unquote, urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from boligdialog.model.errors import DataError
from boligdialog.model.records import AGREEMENTS, DECISIONS, MEETINGS, PARTNERS, THEMES
from boligdialog.model.translate import suggest, tr
from boligdialog.pages import registry
from boligdialog.site import routes
from boligdialog.site.checks.base import Base
from boligdialog.site.schedule import archive
from boligdialog.site.sitedata import ContentPage

EXTENSIONS = ("attr_list", "md_in_html", "tables")
"""The Markdown extensions a body is read with (those the site's ``mkdocs.yml`` uses that
change what is a link)."""

FETCHED = {"img": ("src", "srcset"), "script": ("src",), "iframe": ("src",), "link": ("href",),
           "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",), "embed": ("src",),
           "object": ("data",), "track": ("src",), "input": ("src",)}
"""The attributes a browser fetches by itself when it shows a page (a link ``<a href>`` is
fetched only when the reader follows it)."""
STYLE_URL = re.compile(r"url\(\s*['\"]?([^'\")\s]+)|@import\s+['\"]([^'\"]+)")


@dataclass(frozen=True)
class Found:
    """A link or an address fetched, as written, and its line in the body (1 = the body's first)."""

    url: str
    line: int
    image: bool = False


class _Collect(Treeprocessor):
    """The links and images of the Markdown, as MkDocs's link check sees them."""

    def __init__(self, md: markdown.Markdown, out: list[tuple[str, bool]]) -> None:
        super().__init__(md)
        self.out = out

    def run(self, root):  # noqa: ANN001, ANN201 - python-markdown's signature
        for element in root.iter():
            if element.tag == "a" and element.get("href") is not None:
                self.out.append((element.get("href"), False))
            elif element.tag == "img" and element.get("src") is not None:
                self.out.append((element.get("src"), True))
        return None


class _Fetched(HTMLParser):
    """The addresses a browser fetches in the HTML (raw HTML in the Markdown included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.urls += _style_urls(data)

    def handle_endtag(self, tag: str) -> None:
        self.in_style = self.in_style and tag != "style"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_style = self.in_style or tag == "style"
        for name, value in attrs:
            if not value:
                continue
            if name in FETCHED.get(tag, ()):
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" \
                    else [value]
            elif name == "style":
                self.urls += _style_urls(value)


def _style_urls(css: str) -> list[str]:
    """The addresses in CSS: ``url(…)`` and ``@import "…"``."""
    return [url or imported for url, imported in STYLE_URL.findall(css)]


def _lines(body: str, urls: Iterable[str]) -> dict[str, int]:
    """The line of the first place each url is written in the body (1 if not found as written)."""
    out = {}
    for url in urls:
        at = body.find(url)
        if at < 0:
            at = body.find(url.replace("&", "&amp;"))
        out[url] = body.count("\n", 0, at) + 1 if at >= 0 else 1
    return out


MARKUP = ("](", "]:", "<")
"""What every link, image and piece of raw HTML is written with (``[…](…)``, a reference's
``[…]: …``, ``<…>``): a body without it has none, and is not read (most reports are prose)."""


@lru_cache(maxsize=None)  # noqa: B019 - by text: the preview reads every body again after each edit
def read(body: str) -> tuple[tuple[Found, ...], tuple[Found, ...]]:
    """The links and images of ``body`` (as MkDocs checks them), and the addresses in it that
    a browser fetches by itself."""
    return _read(body) if any(mark in body for mark in MARKUP) else ((), ())


def _read(body: str) -> tuple[tuple[Found, ...], tuple[Found, ...]]:
    links: list[tuple[str, bool]] = []
    md = markdown.Markdown(extensions=list(EXTENSIONS))
    md.treeprocessors.register(_Collect(md, links), "boligdialog-links", 0)
    parser = _Fetched()
    parser.feed(md.convert(body))
    lines = _lines(body, [url for url, _ in links] + parser.urls)
    return (tuple(Found(url, lines[url], image) for url, image in links),
            tuple(Found(url, lines[url], True) for url in parser.urls))


class _Ids(Treeprocessor):
    """The ids of the Markdown's elements (the headings' from the toc extension, ``{#…}`` of
    attr_list), run after toc has given the headings theirs."""

    def __init__(self, md: markdown.Markdown, out: set[str]) -> None:
        super().__init__(md)
        self.out = out

    def run(self, root):  # noqa: ANN001, ANN201 - python-markdown's signature
        self.out.update(element.get("id") for element in root.iter() if element.get("id"))
        return None


class _RawIds(HTMLParser):
    """The ids in the raw HTML of the Markdown."""

    def __init__(self, out: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.out = out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.update(value for name, value in attrs if name == "id" and value)


@lru_cache(maxsize=None)  # noqa: B019 - by text, as read
def anchors(body: str) -> frozenset[str]:
    """The ids a link's ``#…`` can point to in ``body``, as MkDocs makes them: the headings'
    (with the site's slugify, as ``mkdocs.yml``'s toc gets it) and those written in the text."""
    ids: set[str] = set()
    md = markdown.Markdown(extensions=[*EXTENSIONS, "toc"],
                           extension_configs={"toc": {"slugify": routes.slugify, "permalink": False}})
    md.treeprocessors.register(_Ids(md, ids), "boligdialog-ids", 0)
    _RawIds(ids).feed(md.convert(body))
    return frozenset(ids)


def other_host(url: str) -> bool:
    """The address is on another host (``https://…``, ``//…``), not a file of the site."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme in ("http", "https", "ftp")


def target(url: str, published: str) -> str | None:
    """The site's file a link on the page ``published`` points to, or ``None`` if MkDocs does
    not check it (another host, the site's root, an anchor, no file extension)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("/", "\\")) or not parts.path or "\x02amp\x03" in url:
        return None
    path = unquote(parts.path)
    if not posixpath.splitext(path)[1]:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(published), path).lstrip("/"))


class LinkChecks(Base):
    """Links, images and requests to other hosts in the bodies of ``content/``."""

    def links(self) -> None:
        for uri, page in self.bodies.items():
            if page.meta_ok:
                self._page_links(uri, page)

    @cached_property
    def site_files(self) -> frozenset[str]:
        """Every file of the built site a link may point to, by its source path (made when a
        first link needs it)."""
        partners, meetings, themes = (self.known[f.key] for f in (PARTNERS, MEETINGS, THEMES))
        generated = registry.generated_sources(
            partners=partners.order if partners else [], meetings=meetings.order if meetings else [],
            themes=themes.order if themes else [], agreements=[a.text for a in self.data[AGREEMENTS].items],
            archive=archive(self.data[MEETINGS].items, self.data[DECISIONS].items))
        reports = {uri for uri in self.pages if routes.danish_uri(uri).startswith(routes.REPORTS_DIR)}
        stand_ins = {routes.counterpart_uri(uri) for uri, page in self.pages.items()
                     if page.lang == "da" and uri not in reports and routes.counterpart_uri(uri) not in self.pages}
        return (frozenset(self.files) - reports) | stand_ins | generated  # reports are not pages of their own

    def published_at(self, uri: str, page: ContentPage) -> list[str]:
        """The pages (source paths) whose text ``page``'s body is shown on."""
        danish = routes.danish_uri(uri)
        if danish.startswith(routes.REPORTS_DIR):
            meeting = page.meta.meeting or self.pages.get(danish, page).meta.meeting
            if meeting is None or self.meeting(meeting) is None:
                return []  # reported by the report's own check
            langs = [page.lang] if page.lang == "en" or routes.counterpart_uri(uri) in self.pages else ["da", "en"]
            return [routes.item("meetings", meeting, lang) for lang in langs]
        if page.lang == "da" and routes.counterpart_uri(uri) not in self.pages:
            return [uri, routes.counterpart_uri(uri)]  # and its English stand-in
        return [uri]

    def _page_links(self, uri: str, page: ContentPage) -> None:
        links, fetched = read(page.body)
        rel = f"content/{uri}"
        for found in fetched:
            if other_host(found.url):
                self.errors.append(DataError(rel, page.body_line + found.line - 1, "", tr(
                    "expected an image or file from content/ but received {url} from another host, which every "
                    "reader's browser would fetch from there (the site makes no requests to other hosts)",
                    url=repr(found.url)), hint=tr("save the file in content/ and link to it there")))
        places = self.published_at(uri, page)
        for found in links:
            if urlsplit(found.url).fragment:
                self._anchor(rel, uri, page, found)
            for published in places:
                path = target(found.url, published)
                if path is not None and path not in self.site_files:
                    self._missing(rel, page, found, published, uri, self.site_files)
                    break

    @cached_property
    def composed(self) -> frozenset[str]:
        """Editors' pages the generator adds headings to (the home pages, the agreements'
        texts): their ids are not all in the editor's text, so links to them are left to the build
        (which words MkDocs's warning for the editor: :mod:`boligdialog.adapter.anchorlinks`)."""
        danish = {"index.md", *(a.text for a in self.data[AGREEMENTS].items if a.text)}
        return frozenset(danish | {routes.counterpart_uri(uri) for uri in danish})

    def _anchor(self, rel: str, uri: str, page: ContentPage, found: Found) -> None:
        """A link to a heading (``#…``) of an editor's page that the page does not have, found
        before the build. Links to headings of generated pages are the build's to find (their
        headings come from templates): it reports them at the editor's line too."""
        parts = urlsplit(found.url)
        if parts.scheme or parts.netloc or parts.path.startswith(("/", "\\")):
            return
        path = target(found.url, uri) if parts.path else uri
        linked = self.bodies.get(path) if path is not None else None
        if linked is None or path in self.composed or routes.danish_uri(path).startswith(routes.REPORTS_DIR) \
                or not linked.meta_ok:
            return  # not an editor's page of its own (a report is shown on its meeting's page): MkDocs checks it
        fragment = unquote(parts.fragment)
        ids = anchors(linked.body)
        if fragment in ids:
            return
        self.errors.append(DataError(rel, page.body_line + found.line - 1, "", tr(
            "expected a link to a heading that exists but received {url}: content/{path} has no heading with the "
            "id {id}", url=repr(found.url), path=path, id=repr(fragment)),
            hint=suggest(fragment, sorted(ids))))

    def _missing(self, rel: str, page: ContentPage, found: Found, published: str, uri: str,
                 known: frozenset[str]) -> None:
        here = target(found.url, uri)
        url = repr(found.url)
        if published == uri:
            message = (tr("expected an image that exists but received {url}: there is no content/{path}", url=url,
                          path=here) if found.image else
                       tr("expected a link to a file that exists but received {url}: there is no content/{path}",
                          url=url, path=here))
        else:
            where = {"url": url, "page": routes.url_of(published), "path": target(found.url, published)}
            message = (tr("expected an image that exists but received {url}: this text is shown on the page {page}, "
                          "and from there it points to {path}, which does not exist", **where) if found.image else
                       tr("expected a link to a file that exists but received {url}: this text is shown on the page "
                          "{page}, and from there it points to {path}, which does not exist", **where))
        hint = self._rewrite(found.url, here, self.published_at(uri, page), known)
        self.errors.append(DataError(rel, page.body_line + found.line - 1, "", message, hint=hint))

    @staticmethod
    def _rewrite(url: str, here: str | None, places: list[str], known: frozenset[str]) -> str:
        """What to write instead, if the editor's file exists and one link reaches it from
        every page the text is shown on."""
        if here is None or here not in known:
            return ""
        parts = urlsplit(url)
        better = posixpath.relpath(here, posixpath.dirname(places[0]))
        better += (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        if any(target(better, place) != here for place in places):
            return ""
        return tr("write {better}", better=repr(better))
