"""Memory given back before Pagefind runs.

MkDocs keeps every page's Markdown, HTML and table of contents until the build ends, and
Pagefind runs inside the build (``on_post_build``), so the two used to hold their memory at
the same time: at 2,000 meetings MkDocs about 730 MiB and each Pagefind run about 650 MiB.
The hook drops what a page no longer needs once it is written (:func:`forget_page`), and
:func:`release` hands the freed memory back to the system before Pagefind starts: at 2,000
meetings MkDocs then holds about 350 MiB while Pagefind runs.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from typing import Any


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
