"""Generated HTML inside a page's Markdown, parsed once.

The generated pages are HTML fragments from autoescaped templates (:mod:`boligdialog.pages.render`)
placed in Markdown, so that headings reach the table of contents and editors' Markdown (a
meeting's report) can sit between them. Python-Markdown would read every one of those HTML
blocks again with Python's HTML parser (``md_in_html``) only to write the same HTML out: at
200 meetings that was a quarter of the build.

:func:`embed` therefore writes a fragment as Markdown headings (the headings the templates
make with the ``heading`` macro) and runs of HTML between :data:`START` and :data:`END`;
the Markdown extension :class:`HtmlBlocks` (added by :mod:`boligdialog.adapter.hooks`) hands each run to
Python-Markdown's stash of raw HTML before any parser sees it, and Python-Markdown puts it
back unchanged at the end. The ``markdown="1"`` attributes stay in the text, so the same
Markdown also builds into the same page without this extension (plain MkDocs with
``md_in_html``, as the benchmark's baseline does); the extension takes them out of the HTML.

The markers are HTML comments with a token drawn when the module is loaded, so an editor
cannot type one (a marker in a report would otherwise swallow the generated HTML after it);
where the extension is not loaded they are invisible. They never reach the site.
"""

from __future__ import annotations

import re
import secrets

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

_TOKEN = secrets.token_hex(8)
START = f"<!-- bd:html {_TOKEN} -->"
END = f"<!-- /bd:html {_TOKEN} -->"

_HEADING = re.compile(r'<h([1-6])(?: id="([^"]*)")? markdown="span">(.*?)</h\1>')
"""A heading the ``heading`` macro wrote (``_macros.html``): only a template can write this
markup (text from data reaches a template escaped); its text is escaped for Markdown, its id
(if any) is a slug from a template."""
_MARKDOWN_ATTRIBUTE = re.compile(r' markdown="(?:1|block|span)"')

PRIORITY = 25
"""After whitespace normalisation (30), before ``md_in_html``'s HTML block reader (20)."""


def embed(html: str) -> str:
    """``html`` (a rendered fragment without blank lines) as Markdown: each heading the
    ``heading`` macro wrote as a Markdown heading, and the HTML before, between and after
    them between the markers."""
    blocks: list[str] = []
    at = 0
    for heading in _HEADING.finditer(html):
        blocks.append(_run(html[at:heading.start()]))
        level, slug, text = heading.groups()
        blocks.append("#" * int(level) + " " + text + (f" {{: #{slug} }}" if slug else ""))
        at = heading.end()
    blocks.append(_run(html[at:]))
    return "\n\n".join(b for b in blocks if b)


def _run(html: str) -> str:
    """HTML between the markers, or nothing if ``html`` is only white space."""
    html = html.strip()
    if 'markdown="span"' in html:
        raise ValueError(f"a heading the heading macro did not write: {html!r}")
    return "\n".join([START, html, END]) if html else ""


class _Stash(Preprocessor):
    """Every run between the markers into Python-Markdown's stash of raw HTML."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        run: list[str] | None = None
        for line in lines:
            if run is None:
                if line == START:
                    run = []
                else:
                    out.append(line)
            elif line == END:
                html = _MARKDOWN_ATTRIBUTE.sub("", "\n".join(run))
                out += ["", self.md.htmlStash.store(html), ""]
                run = None
            else:
                run.append(line)
        if run is not None:  # no end marker: leave the lines to Markdown
            out += [START, *run]
        return out


class HtmlBlocks(Extension):
    """The Markdown extension: generated HTML passes through without being parsed."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.register(_Stash(md), "boligdialog_html_blocks", PRIORITY)
