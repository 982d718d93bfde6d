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

A build's full garbage collections look at every object, and a build holds many: at 2,000
meetings they took 3.3–3.8 s of a 36–40 s build (without Pagefind), most of it while the site
was loaded. :meth:`Collector.loading` holds them until the pages and MkDocs's files are made,
and :meth:`Collector.loaded` then collects once and leaves all that out of later ones
(``gc.freeze``): 0.6–0.7 s.

The preview (``mkdocs serve``) keeps what it loaded between rebuilds, so Python's full
garbage collection, which looks at every object, took about 0.26 s of most rebuilds at 2,000
meetings. :class:`Collector` makes it when the editor is not waiting: just after a rebuild that
kept pages, not during one.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
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
    gc.unfreeze()  # what Collector.loaded() kept out of collections is garbage now, if nothing holds it
    gc.collect()
    name = ctypes.util.find_library("c")
    if name is None:
        return
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


class Collector:
    """Python's full garbage collection for the preview: not during a rebuild that keeps pages
    (:meth:`partial`), but :data:`IDLE_AFTER` seconds after a build (:meth:`built`), unless the
    next build has begun (:meth:`building`). A build that makes everything (:meth:`full`)
    collects as Python does by itself, so its memory stays what a ``mkdocs build`` needs.

    Cycles of objects are still found in the younger generations during a rebuild; only those
    that lived long enough to reach the oldest wait until the rebuild is done, and when edits
    follow each other so closely that :data:`MOST_WAITING` builds had no moment between them,
    the next build collects first."""

    IDLE_AFTER = 0.5
    """Seconds after a build: the browser has reloaded the rebuilt page by then, and an editor
    who saves again a second after the page showed the last save (at 2,000 meetings the
    collection takes about 0.3 s) does not wait for it."""
    MOST_WAITING = 4
    """Builds in a row whose collection did not come before the next began."""
    HELD = 2**31 - 1
    """The oldest generation's threshold while held: never reached."""

    def __init__(self) -> None:
        self._usual = gc.get_threshold()
        self._timer: threading.Timer | None = None
        self._waiting = 0

    def building(self) -> None:
        """A build begins: a collection still waiting for its moment waits for the next build,
        or comes now after :data:`MOST_WAITING` of them."""
        if self._timer is not None:
            if not self._timer.finished.is_set():  # not yet collected
                self._timer.cancel()
                self._waiting += 1
            self._timer = None
        if self._waiting >= self.MOST_WAITING:
            self._collect()

    def loading(self) -> None:
        """A build (``mkdocs build``) loads the site and makes its pages: no full collection
        until that is done. Each would look at every object loaded so far: at 2,000 meetings
        eleven of them took 2.3 s of the first 7 s of a build."""
        self._hold()

    def loaded(self) -> None:
        """The site, its pages and MkDocs's files stay until the build ends: collect once, and
        leave them out of later full collections (``gc.freeze``; :func:`release` takes them back)."""
        self._resume()
        gc.collect()
        gc.freeze()

    def stopped(self) -> None:
        """A build stopped: Python collects as usual again, everything included."""
        gc.unfreeze()
        self._resume()

    def partial(self) -> None:
        """The build keeps pages of the last one: no full collection until it is done."""
        self._hold()

    def full(self) -> None:
        """The build makes everything: Python collects as usual."""
        self._resume()

    def built(self) -> None:
        """The build is done (or stopped): collect in a moment, and as usual until then."""
        if self._timer is not None:
            self._timer.cancel()
        self._resume()
        self._timer = threading.Timer(self.IDLE_AFTER, self._collect)
        self._timer.daemon = True
        self._timer.start()

    def _hold(self) -> None:
        gc.set_threshold(*self._usual[:2], self.HELD)

    def _resume(self) -> None:
        gc.set_threshold(*self._usual)

    def _collect(self) -> None:
        gc.collect()
        self._waiting = 0
