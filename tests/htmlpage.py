"""Reading built pages in tests: parse with BeautifulSoup and resolve relative links."""

from __future__ import annotations

import posixpath
from pathlib import Path

from bs4 import BeautifulSoup


def page_path(site: Path, url: str) -> Path:
    """File of a directory URL: ``en/moeder/`` -> ``site/en/moeder/index.html``."""
    return site / url / "index.html" if not url.endswith(".html") else site / url


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(page_path(site, url).read_text(encoding="utf-8"), "html.parser")


def resolve(from_url: str, href: str) -> str:
    """Site-root URL that a relative ``href`` on the page at ``from_url`` points to."""
    path = posixpath.normpath(posixpath.join("/" + from_url, href.split("#")[0]))
    url = path.lstrip("/")
    if url in ("", "."):
        return ""
    return url + "/" if href.split("#")[0].endswith("/") else url


def main_text(page: BeautifulSoup) -> str:
    return page.select_one("article").get_text(" ", strip=True)
