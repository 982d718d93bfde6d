"""A generated page: Markdown text in memory, with the front matter and heading every
generated page has, and the Danish stand-in for a missing English text.

Nothing here depends on MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from boligdialog.site import routes
from boligdialog.site.i18n import strings
from boligdialog.pages.htmlblocks import embed
from boligdialog.pages.render import block, md_escape
from boligdialog.site.sitedata import ContentPage
from boligdialog.model.values import Lang, Localized, PartialDate


@dataclass(frozen=True)
class GeneratedPage:
    """A page that exists only in memory."""

    src_uri: str
    """Source path it pretends to have under ``content/`` (e.g. ``en/moeder/x.md``)."""
    markdown: str
    in_nav: bool = False
    """Index pages are in the navigation; per-item pages are reached from them (as the page's
    type declares it: :mod:`boligdialog.pages.registry`)."""


def front_matter(**meta: Any) -> str:
    """YAML front matter that any YAML reader reads back as the same strings."""
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def source_text(page: ContentPage) -> str:
    """An editor's page with its validated front matter written out again (dates as text),
    always fenced, so MkDocs reads exactly the metadata that was checked."""
    meta: dict[str, Any] = {}
    for key in type(page.meta).model_fields:
        value = getattr(page.meta, key)
        if value is not None and value != []:
            meta[key] = str(value) if isinstance(value, PartialDate) else value
    return front_matter(**meta) + page.body


def page(uri: str, title: str | Localized, *blocks: str, description: str | None = None) -> GeneratedPage:
    """A page with ``title`` as its ``<title>`` and heading; a Danish title standing in
    for English gets ``lang="da"`` on the heading."""
    text = title.text if isinstance(title, Localized) else title
    heading = f"# {md_escape(text)}"
    if isinstance(title, Localized) and title.fallback:
        heading += ' { lang="da" }'
    meta = {"title": text} | ({"description": description} if description else {})
    body = "\n\n".join([heading, *(b for b in blocks if b)])
    return GeneratedPage(uri, front_matter(**meta) + body + "\n")


def fallback_block(body: str, lang: Lang, message_key: str = "only_da_text") -> str:
    """Danish Markdown standing in for missing English: marked ``lang="da"`` with a note."""
    note = block("fallback_notice.html", lang=lang, page_uri=routes.src_uri(lang, "index.md"),
                  message=strings(lang)[message_key])
    return "\n\n".join([note, embed('<div lang="da" markdown="1">'), body.strip(), embed("</div>")])

