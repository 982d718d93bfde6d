"""MkDocs's warning about a link to a heading that a page does not have, in the editors'
words: at the editor's file and line, with the page's address and the nearest heading id.

The check (:mod:`boligdialog.site.checks.links`) finds such links between editors' pages
before the build; links to the pages the generator makes (a meeting's ``#referat``) or adds
headings to (the home page) only the build can judge. MkDocs words those in English, on the
page's source path (``moeder/forum-2027-1.md``, which no editor has) and without a line.
The warning keeps its level, so a strict build still stops on it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from boligdialog.model.errors import DataError
from boligdialog.model.translate import suggest, tr
from boligdialog.site import routes

WARNING = re.compile(r"Doc file '(?P<source>.+)' contains a link '(?P<written>.+)', but "
                     r"(?:the doc '(?P<target>.+)' does not contain an anchor '#(?P<anchor>.+)'"
                     r"|there is no such anchor on this page)\.", re.DOTALL)
"""MkDocs's wording (``mkdocs.structure.pages``; also the preview's own check of kept pages)."""


@dataclass(frozen=True)
class Link:
    """A link to a heading that is not there, as MkDocs names it."""

    source: str
    """The source path of the page the link is on."""
    written: str
    """The link as the editor wrote it."""
    target: str
    """The source path of the page it points to."""
    anchor: str


def parse(message: str) -> Link | None:
    """The link MkDocs's warning ``message`` is about, or ``None`` for any other message."""
    found = WARNING.fullmatch(message)
    if found is None:
        return None
    written = found["written"]
    anchor = found["anchor"] if found["target"] else written.partition("#")[2]
    return Link(found["source"], written, found["target"] or found["source"], anchor)


def line_of(text: str, written: str) -> int | None:
    """The first line (1-based) of ``text`` that holds the link ``written``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if written in line:
            return number
    return None


def editor_error(link: Link, *, ids: Iterable[str], texts: Mapping[str, tuple[int, str]]) -> DataError | None:
    """The mistake at the editor's file and line. ``texts`` are editors' texts by their file's
    path from the project root (``content/nyheder/x.md``), each with the file's line it begins
    on: the link's page first, then any whose text a generated page shows. ``ids`` are the
    target page's heading ids. ``None`` when none of the texts holds the link."""
    for path, (first, text) in texts.items():
        line = line_of(text, link.written)
        if line is not None:
            message = tr("expected a link to a heading that exists but received {url}: the page {page} has no "
                         "heading with the id {id}", url=repr(link.written), page=routes.url_of(link.target) or "/",
                         id=repr(link.anchor))
            return DataError(path, first + line - 1, "", message, hint=suggest(link.anchor, sorted(ids)))
    return None


def texts(pages: Mapping[str, Any], source: str, folder: str,
          shown: Iterable[str] | None = None) -> dict[str, tuple[int, str]]:
    """The editors' texts (:class:`~boligdialog.site.sitedata.ContentPage` by source path) to
    look for a link of the page ``source`` in, for :func:`editor_error`: that page's own first
    (when an editor wrote it), then those it shows (``shown``: a generated page shows editors'
    texts, a meeting its report), or, when that is not known, every other."""
    others = (uri for uri in pages if uri != source) if shown is None else (uri for uri in shown if uri in pages)
    order = dict.fromkeys([*([source] if source in pages else []), *others])
    return {f"{folder}/{uri}": (pages[uri].body_line, pages[uri].body) for uri in order}


LOGGERS = ("mkdocs.structure.pages", "mkdocs.hooks.boligdialog")
"""Where the warning is logged: MkDocs's pages, and the preview's check of the pages it kept."""


class AnchorWarnings(logging.Filter):
    """Rewrites MkDocs's warning (see :func:`parse`) as :func:`editor_error` words it;
    ``lookup`` gives, for a link, the target page's ids and the editors' texts to search."""

    def __init__(self, lookup: Callable[[Link], tuple[Iterable[str], Mapping[str, tuple[int, str]]]]) -> None:
        super().__init__()
        self.lookup = lookup

    def filter(self, record: logging.LogRecord) -> bool:
        link = parse(record.getMessage())
        if link is not None:
            ids, texts = self.lookup(link)
            error = editor_error(link, ids=ids, texts=texts)
            if error is not None:
                record.msg, record.args = error.render(), ()
        return True

    def install(self) -> None:
        for name in LOGGERS:
            logging.getLogger(name).addFilter(self)

    def remove(self) -> None:
        for name in LOGGERS:
            logging.getLogger(name).removeFilter(self)
