"""The built site in a text browser (w3m, from Debian), as some citizens read it: each page
starts with its skip link and header, not with unnamed form controls, and its heading and
content come before its table of contents."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path


from browser import page_lang, require, site_pages
from htmlpage import page_path, soup

SKIP = {"da": "Gå til indholdet", "en": "Skip to content"}
TOC_TITLE = {"da": "Indholdsfortegnelse", "en": "Table of contents"}
CHECKBOX = re.compile(r"\[[ *]\]")


def w3m() -> str:
    path = shutil.which("w3m")
    require(path is not None, "w3m (Debian package w3m)")
    return path


def dump(site: Path, url: str) -> list[str]:
    """The page as w3m shows it, 100 columns wide, as lines without the empty ones."""
    result = subprocess.run([w3m(), "-dump", "-cols", "100", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8",
                             str(page_path(site, url))], capture_output=True, text=True, check=True)
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


def test_every_page_starts_with_the_skip_link_and_names_its_controls(shipped_site):
    problems = []
    for url in site_pages(shipped_site, themed=True):
        lines = dump(shipped_site, url)
        if lines[0] != SKIP[page_lang(url)]:
            problems.append(f"{url}: starts with {lines[0]!r}")
        for line in lines:
            if CHECKBOX.search(line) and not re.search(r"\[[ *]\] \w", line):
                problems.append(f"{url}: a form control without a name: {line!r}")
    assert problems == [], "\n".join(problems)
    # the one control left, the navigation drawer's, says what it is
    assert dump(shipped_site, "moeder/")[1] == "[ ] Navigation"


def test_the_table_of_contents_comes_after_the_content(shipped_site):
    checked = 0
    for url in site_pages(shipped_site, themed=True):
        entries = [a.get_text(strip=True) for a in soup(shipped_site, url).select(".md-nav--secondary a")]
        if not entries:
            continue
        lines = dump(shipped_site, url)
        toc = lines.index(TOC_TITLE[page_lang(url)])
        # the first entry's heading is in the content above the table of contents
        assert entries[0] in lines[:toc], url
        checked += 1
    assert checked >= 30
