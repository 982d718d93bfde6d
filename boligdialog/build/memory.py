"""Memory a build holds: bounded by what one page needs, not by the whole site's text.

MkDocs 1.x renders the Markdown of every page first and the theme's templates of every page
after, so between the two it holds every page's HTML, Markdown and source at once; at 2,000
meetings of the heavier synthetic partnership that was about 960 MiB. And Pagefind runs inside
the build (``on_post_build``), so the two used to hold their memory at the same time. So:

- Once a page's Markdown is HTML, the hook keeps the HTML compressed (:func:`pack`; zlib at
  its fastest level, about a fifth of the text) and drops the page's Markdown and source
  (:func:`forget_source`); the page gets its HTML back just before its template is rendered
  (:func:`unpack`), and drops it once it is written (:func:`forget_page`).
- Before Pagefind, a build that keeps nothing for a next one drops what it loaded, and
  :func:`release` hands the freed memory back to the system.
- Pagefind gets each language's pages in parts of bounded size (:mod:`boligdialog.outputs.search`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import zlib
from typing import Any

PACK_LEVEL = 1
"""zlib's fastest level: HTML compresses to about a fifth, at some hundred MB a second."""


def pack(html: str) -> bytes:
    """A page's HTML, compressed, to hold until its template is rendered."""
    return zlib.compress(html.encode("utf-8"), PACK_LEVEL)


def unpack(packed: bytes) -> str:
    """The HTML that :func:`pack` compressed."""
    return zlib.decompress(packed).decode("utf-8")


def forget_source(page: Any) -> None:
    """Drop a page's Markdown and the source text MkDocs keeps for it once its HTML is made:
    nothing reads them after (its title and table of contents are made with the HTML)."""
    page.markdown = None
    page.file.content_bytes = b""


def forget_page(page: Any) -> None:
    """Drop a written page's HTML, Markdown, table of contents and the source text MkDocs
    keeps for it (a generated page's whole Markdown); nothing reads them after the page is
    written (links between pages are checked from what rendering recorded)."""
    page.content = None
    page.markdown = None
    page.toc = []
    page.file.content_bytes = b""


def release() -> None:
    """Collect garbage and return free memory to the system. Python's allocator keeps freed
    memory for reuse; glibc's ``malloc_trim`` hands it back (elsewhere it is not there, and
    only the collection happens)."""
    gc.collect()
    name = ctypes.util.find_library("c")
    if name is None:
        return
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)
