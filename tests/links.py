"""Internal links of the served site: does every ``href`` and ``src`` resolve, fragment included?

Pages the browser visited answer from their visit (status and ids); any other target (a
stylesheet, a feed, a calendar file) is fetched once from the local server.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from urllib.parse import unquote, urldefrag

from bs4 import BeautifulSoup

from browser import Visit


class LinkChecker:
    """Checks links found on pages of the site served at ``base``.

    ``site_url`` is the public address from mkdocs.yml: absolute links to it (canonical,
    hreflang alternates) are internal too and are checked against the local copy.
    """

    def __init__(self, base: str, site_url: str, visits: Mapping[str, Visit]) -> None:
        self.base = base
        self.site_url = site_url
        self.pages = {v.url: v for v in visits.values()}
        self._status: dict[str, int] = {}
        self._ids: dict[str, set[str]] = {}

    def local(self, url: str) -> str | None:
        """The local server's URL for an internal link; None for a link to another site."""
        if url.startswith(self.base):
            return url
        if self.site_url and url.startswith(self.site_url):
            return self.base + url[len(self.site_url):]
        return None

    def problem(self, url: str) -> str | None:
        """Why an internal link is broken, or None when it resolves (or is external)."""
        local = self.local(url)
        if local is None:
            return None
        target, fragment = urldefrag(local)
        status = self.status(target)
        if status != 200:
            return f"HTTP {status}"
        if fragment and unquote(fragment) not in self.ids(target):
            return f"no element with id {unquote(fragment)!r}"
        return None

    def status(self, url: str) -> int:
        if url in self.pages:
            return self.pages[url].status
        if url not in self._status:
            self._status[url] = _fetch(url)[0]
        return self._status[url]

    def ids(self, url: str) -> set[str]:
        if url in self.pages:
            return self.pages[url].ids
        if url not in self._ids:
            soup = BeautifulSoup(_fetch(url)[1], "html.parser")
            self._ids[url] = {el["id"] for el in soup.select("[id]")} | {el["name"] for el in soup.select("a[name]")}
        return self._ids[url]

    def broken(self, visits: Iterable[Visit]) -> list[str]:
        """One line per broken link: page, element and attribute, the link as written, why."""
        lines = []
        for page in visits:
            for link in page.links:
                why = self.problem(link["url"])
                if why:
                    lines.append(f"{page.path or '/'}: <{link['tag']} {link['attr']}={link['raw']!r}>: {why}")
        return lines


def _fetch(url: str) -> tuple[int, bytes]:
    """Status and body of a GET to the local server (redirects followed)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback only)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
