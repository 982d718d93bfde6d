"""What the generator adds to an editor's page before MkDocs renders it: a description when
the front matter has none, the front matter escaped, and the blocks that show data on it
(the home page's next meeting and open consultations, a version's status and signatories,
a news article's date). Nothing here depends on MkDocs.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from boligdialog.pages import describe
from boligdialog.pages.agreement import agreement_block, consultation_block, draft_summary
from boligdialog.pages.news import news_date_block
from boligdialog.pages.render import block, md_escape
from boligdialog.site import routes, schedule
from boligdialog.site.routes import lang_of
from boligdialog.site.sitedata import Site
from boligdialog.model.values import Lang, Localized

HOME_PAGES = frozenset(routes.src_uri(lang, "index.md") for lang in ("da", "en"))


def settle_meta(meta: dict[str, Any], markdown: str, *, default_description: str) -> tuple[str | None, str]:
    """Give ``meta`` (a page's front matter) a description if it has none (its first paragraph,
    else ``default_description``) and escape its title and description, as data, before any
    template prints them. Returns the title (if the front matter has one) and the
    description, as plain text."""
    if not meta.get("description"):
        meta["description"] = describe.from_markdown(markdown) or default_description
    title = meta.get("title")
    plain = (title if isinstance(title, str) else None, meta["description"])
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            meta[key] = html.escape(meta[key])
    return plain


def compose(site: Site, uri: str, markdown: str) -> str:
    """The editor's page at ``uri`` with the blocks that show data on it. The blocks show no
    editor's body (only records and front matter), so an edit of a body leaves every page's
    blocks as they were (``tests/test_rebuild.py`` edits each page's body and checks it)."""
    lang = lang_of(uri)
    if uri in HOME_PAGES:
        markdown += "\n\n" + home_block(site, lang, site.today) + "\n"
    version = agreement_block(site, uri, lang)
    if version:
        markdown += "\n\n" + version + "\n"
    draft = draft_summary(site, uri, lang)
    if draft:
        markdown = after_first_heading(retitled(markdown, draft[0]), draft[1])
    date = news_date_block(site, uri, lang)
    if date:
        markdown = after_first_heading(markdown, date)
    return markdown


def home_block(site: Site, lang: Lang, today: dt.date) -> str:
    """The open consultations, the next meeting and the latest reports."""
    reported = [m for m in schedule.past(site.meetings, today) if m.id in site.reports][:5]
    uri = routes.src_uri(lang, "index.md")
    home = block("home.html", lang=lang, page_uri=uri, site=site,
                 next=schedule.next_meeting(site.meetings, today), reported=reported)
    return "\n\n".join(b for b in (consultation_block(site, lang), home) if b)


def retitled(markdown: str, title: Localized) -> str:
    """``markdown`` with its first top-level heading (``# …``) saying ``title`` instead (or
    ``title`` as a heading at its top)."""
    heading = f"# {md_escape(title.text)}" + (' { lang="da" }' if title.fallback else "")
    lines = markdown.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "".join([*lines[:i], heading, "\n", *lines[i + 1:]])
    return f"{heading}\n\n{markdown}"


def after_first_heading(markdown: str, text: str) -> str:
    """``text`` under the first top-level heading (``# …``) of ``markdown``, or at its top."""
    lines = markdown.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "".join([*lines[: i + 1], "\n", text, "\n\n", *lines[i + 1:]])
    return f"{text}\n\n{markdown}"
