"""The consultation memo (høringsnotat) of an agreement version, once its consultation has
closed: the consulted parties, each response with its file, the partnership's answer and its
outcome (imødekommet / delvist imødekommet / ikke imødekommet), and the way to the changes in
the text. Danish consultation practice publishes it with the adopted text.

Pure functions from the :class:`~boligdialog.site.sitedata.Site` to Markdown; nothing here
depends on MkDocs.
"""

from __future__ import annotations

from boligdialog.pages.page import GeneratedPage, page
from boligdialog.pages.render import block
from boligdialog.site import routes, versions
from boligdialog.site.i18n import strings
from boligdialog.site.sitedata import Site
from boligdialog.model.records import Agreement
from boligdialog.model.values import Lang, Text


def closed(site: Site) -> list[Agreement]:
    """The versions whose consultation has closed by the build date: those with a memo."""
    return [a for a in site.agreements if a.consultation is not None
            and a.consultation.closes.last_day() < site.today]


def memo_uri_of(text: str, lang: Lang) -> str:
    """The memo of the version whose text is ``text``: ``aftale/2027/hoeringsnotat.md`` (and under ``en/``)."""
    return routes.src_uri(lang, routes.memo(text))


SECTION_ID = "bd-afsnit-"
"""The start of the id of a heading on the comparison page, which the memo links to."""


def text_lang(site: Site, agreement: Agreement, previous: Agreement, lang: Lang) -> Lang:
    """The language of the texts the comparison page in ``lang`` compares: its own when both
    versions have their text in it, else Danish."""
    both = all(routes.src_uri(lang, a.text) in site.pages for a in (previous, agreement))
    return lang if both else "da"


def heading_of(section: Text, compared: Lang) -> str | None:
    """A response's ``section`` as the compared texts write it (``None``: not in that language)."""
    return section.da if compared == "da" else section.en


def changed_by(site: Site, agreement: Agreement, compared: Lang, lang: Lang) -> dict[str, list[tuple[str, str]]]:
    """``{heading: [(who responded, its place in the memo)]}`` for the comparison page in
    ``lang`` (whose texts are in ``compared``): the responses that had a section changed, once
    the consultation has closed and its memo is published."""
    if agreement not in closed(site):
        return {}
    out: dict[str, list[tuple[str, str]]] = {}
    for n, r in enumerate(agreement.responses, 1):
        heading = heading_of(r.section, compared) if r.section is not None else None
        if heading:
            out.setdefault(heading, []).append((site.partner(r.partner).name.get(lang).text, f"svar-{n}"))
    return out


def memo_page(site: Site, agreement: Agreement, lang: Lang) -> GeneratedPage:
    """The memo of ``agreement``'s consultation."""
    s = strings(lang)
    uri = memo_uri_of(agreement.text, lang)
    previous = versions.previous(agreement, site.agreements)
    fragment = block("memo.html", lang=lang, page_uri=uri, site=site, a=agreement,
                     version_uri=routes.src_uri(lang, agreement.text),
                     comparison_uri=routes.src_uri(lang, routes.comparison(agreement.text)) if previous else None,
                     compared=text_lang(site, agreement, previous, lang) if previous else lang,
                     heading_of=heading_of, section_id=SECTION_ID,
                     adopted=agreement.adopted is not None and agreement.adopted.first_day() <= site.today)
    title = f"{s['memo']}: {agreement.title.get(lang).text}"
    return page(uri, title, fragment, description=f"{s['memo_description']} {agreement.title.get(lang).text}")
