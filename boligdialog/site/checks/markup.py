"""The check of what an editor's Markdown may embed: no script.

The web editor at ``/admin/`` widens who writes the site's pages, and python-markdown passes
raw HTML through as it is: a ``<script>``, an ``onerror=`` on an image or a
``[link](javascript:…)`` in a report would run in every reader's browser, with the site's
address. The policy (docs/architecture.md, "What an editor may embed"), for every page under
``content/``, whoever wrote it (a save in the web editor and a commit by hand are one file):

- no ``<script>`` element;
- no attribute that runs script: ``on…`` handlers (``onerror``, ``onload``, ``onclick``…) and
  ``srcdoc`` (a frame's whole page, written in an attribute);
- no address that runs script (``javascript:``, ``vbscript:``) or shows a page made of the
  address itself (``data:`` but images), in a Markdown link or in raw HTML; the scheme is read
  as a browser reads it (entities decoded, case, spaces and control characters ignored).

Everything else in raw HTML stays allowed (tables, ``<details>``, a ``<figure>``): requests to
other hosts are :mod:`~boligdialog.site.checks.links`'s. The body is read as the site renders
it (python-markdown with the site's extensions), so markup shown as code (`` `<script>` ``) is
text, not a finding; a finding is reported at the line of the editor's file where it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

import markdown

from boligdialog.model.errors import DataError
from boligdialog.model.translate import tr
from boligdialog.site.checks.base import Base
from boligdialog.site.checks.links import EXTENSIONS

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background",
                            "cite", "ping", "lowsrc", "dynsrc", "codebase", "manifest", "srcset"})
"""Attributes whose value a browser follows or loads as an address."""
SCRIPT_SCHEMES = ("javascript:", "vbscript:")
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
"""What a browser skips in an address's scheme: spaces, tabs, newlines and control characters."""


@dataclass(frozen=True)
class Embedded:
    """Something in a body that would run script: what it is, and what to find its line by."""

    what: str
    """``script``, ``handler``, ``srcdoc`` or ``url``."""
    name: str
    """The element, the attribute or the address, as the message names it."""
    needles: tuple[str, ...]
    """What the editor wrote, to find its line in the body (lowercase), the surest first."""


def script_url(value: str) -> bool:
    """The address runs script (``javascript:``…) or is a page of its own (``data:``, not an image)."""
    url = _IGNORED.sub("", value).lower()
    return url.startswith(SCRIPT_SCHEMES) or (url.startswith("data:") and not url.startswith("data:image/"))


class _Scripts(HTMLParser):
    """The script-running markup of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Embedded] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.found.append(Embedded("script", "<script>", ("<script",)))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(Embedded("handler", name, (name,)))
            elif name == "srcdoc":
                self.found.append(Embedded("srcdoc", name, (name,)))
            elif name in URL_ATTRIBUTES and value and script_url(value):
                scheme = _IGNORED.sub("", value).lower().split(":", 1)[0]
                self.found.append(Embedded("url", f"{scheme}:", (scheme, scheme[:4], name)))

    handle_startendtag = handle_starttag


def _line(body: str, needles: tuple[str, ...], after: int) -> tuple[int, int]:
    """The line (1 = the body's first) of the first of ``needles`` written at or after ``after``
    (or anywhere, if none is after it), and that place. An address hidden by entities
    (``Java&#x09;Script:``) is found by its first letters."""
    lower = body.lower()
    for start in (after, 0):
        for needle in needles:
            at = lower.find(needle, start)
            if at >= 0:
                return body.count("\n", 0, at) + 1, at + 1
    return 1, after


@lru_cache(maxsize=None)  # noqa: B019 - by text: the preview checks every body again after each edit
def embedded(body: str) -> tuple[tuple[Embedded, int], ...]:
    """Each script-running thing in ``body`` as the site renders it, with its line in the body."""
    if "<" not in body and ":" not in body:
        return ()
    parser = _Scripts()
    parser.feed(markdown.markdown(body, extensions=list(EXTENSIONS)))
    out, after = [], 0
    for found in parser.found:
        line, after = _line(body, found.needles, after)
        out.append((found, line))
    return tuple(out)


class MarkupChecks(Base):
    """What the bodies of ``content/`` embed."""

    def markup(self) -> None:
        for uri, page in self.bodies.items():
            if not page.meta_ok:
                continue
            for found, line in embedded(page.body):
                self.errors.append(DataError(f"content/{uri}", page.body_line + line - 1, "", _message(found),
                                             hint=tr("write the text without it; a video or map from another "
                                                     "site is linked to, not embedded")))


def _message(found: Embedded) -> str:
    if found.what == "script":
        return tr("expected text and HTML without script but received a <script> element, which would run in "
                  "every reader's browser")
    if found.what == "url":
        return tr("expected a link to a page or file but received an address beginning {scheme}, which runs "
                  "script when it is followed", scheme=repr(found.name))
    return tr("expected HTML without script but received the attribute {name}, which runs script in every "
              "reader's browser", name=repr(found.name))
