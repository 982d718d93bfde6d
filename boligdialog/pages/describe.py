"""Pages and records described in a sentence or two of plain text.

The ``<meta name="description">`` and OpenGraph description of the generated pages, and
the ``description`` of a meeting's JSON-LD, come from here, computed from the data, so
every page describes itself. Pure: records in, plain text out (escaping is left to
whatever prints it).
"""

from __future__ import annotations

import datetime as dt

import html
import re
import textwrap
from collections.abc import Iterator

import markdown

from boligdialog.model.choices import label
from boligdialog.site.i18n import format_partial, format_when, strings
from boligdialog.model.records import Meeting, Partner
from boligdialog.site.sitedata import Site
from boligdialog.model.values import Lang

MAX_LENGTH = 200
"""A description taken from a page's text is cut, at a word, to about this many characters."""


def meeting(site: Site, m: Meeting, lang: Lang) -> str:
    """"2nd forum meeting: 18 March 2027, 17:00–19:30, The town hall, Torvet 1, 1234 Byen.
    Themes: Town centre." Only what is recorded; a cancelled meeting says so."""
    s = strings(lang)
    where = [m.location.get(lang).text] if m.location else []
    where += [str(m.address)] if m.address else []
    text = f"{m.name.get(lang).text}: {', '.join([format_when(m.start, m.end, lang), *where])}."
    if m.state == "cancelled":
        text += f" {label('state', m.state, lang)}."
    if m.themes:
        text += f" {s['themes']}: {', '.join(site.theme(t).title.get(lang).text for t in m.themes)}."
    return text


def partner(p: Partner, lang: Lang, today: dt.date) -> str:
    """"Boligselskabet Syd: Social housing organisation. Status: Signed (August 2017)." (its status on the
    build date ``today``) and the partner's own description, if it has one."""
    s = strings(lang)
    current = p.status_on(today)
    assert current is not None  # checked when loading
    text = (f"{p.name.get(lang).text}: {label('classification', p.classification, lang)}. "
            f"{s['status']}: {label('membership', current.status, lang)} ({format_partial(current.date, lang)}).")
    if p.description:
        text += f" {p.description.get(lang).text}"
    return text


def themes(site: Site, lang: Lang) -> str:
    """The themes index: "The themes the forum discusses: Town centre, …"."""
    titles = ", ".join(t.title.get(lang).text for t in site.themes)
    return strings(lang)["themes_description"].format(themes=titles)


def danish_only(title: str | None, lang: Lang) -> str:
    """An English page that stands in for a Danish one: says so, with the Danish title."""
    note = strings(lang)["only_da_page"]
    return f"{title}: {note}" if title else note


_BLANK_LINES = re.compile(r"\n\s*\n")


def first_paragraph(markdown_text: str) -> str:
    """The first paragraph of Markdown that is text (not a heading, HTML block or rule)."""
    for block in _blocks(markdown_text.strip()):
        if block.strip() and not block.lstrip().startswith(("#", "<", "---")):
            return " ".join(block.split())
    return ""


def _blocks(text: str) -> Iterator[str]:
    """The blocks of ``text`` between blank lines, as :func:`re.split` gives them, read only as
    far as they are asked for (a report's first paragraph is near its start)."""
    start = 0
    for gap in _BLANK_LINES.finditer(text):
        yield text[start:gap.start()]
        start = gap.end()
    yield text[start:]


def from_markdown(markdown_text: str) -> str:
    """Plain text of the first paragraph, cut at a word to about :data:`MAX_LENGTH`
    characters; ``""`` when the page has no paragraph of text."""
    paragraph = first_paragraph(markdown_text)
    if not paragraph:
        return ""
    text = html.unescape(re.sub(r"<[^>]*>", "", markdown.markdown(paragraph)))
    return textwrap.shorten(text, MAX_LENGTH, placeholder=" …")
