"""The agreement: the page of the version in force, the block on each version's own page
(its status, consultation and signatories), the pages of what changed between versions, and
the home page's notice of open consultations.

Pure functions from the :class:`~boligdialog.site.sitedata.Site` to Markdown; nothing here
depends on MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from boligdialog.pages import compare, memo
from boligdialog.pages.page import GeneratedPage, fallback_block, page
from boligdialog.pages.render import block, md_escape
from boligdialog.site import routes, versions
from boligdialog.site.i18n import strings
from boligdialog.site.sitedata import Site
from boligdialog.model.records import Agreement, Membership, Partner, Representative
from boligdialog.model.values import Lang, Localized


@dataclass(frozen=True)
class Signatory:
    """Who signed an agreement version for which partner, and when."""

    person: Representative
    partner: Partner
    membership: Membership


@dataclass(frozen=True)
class VersionView:
    """An agreement version as its pages show it on the build date."""

    agreement: Agreement
    status: str
    """One of :data:`boligdialog.site.versions.STATUSES`."""
    uri: str
    """Its page (its text's page) in the page's language."""
    superseded_by: Agreement | None
    previous: Agreement | None
    comparison_uri: str | None
    """The page of what changed from the previous version, if there is one."""
    consultation_open: bool
    """Its consultation is open on the build date (whatever else its status says)."""


def version_view(site: Site, agreement: Agreement, lang: Lang) -> VersionView:
    previous = versions.previous(agreement, site.agreements)
    return VersionView(
        agreement, versions.status(agreement, site.agreements, site.today), routes.src_uri(lang, agreement.text),
        versions.superseded_by(agreement, site.agreements, site.today), previous,
        routes.src_uri(lang, routes.comparison(agreement.text)) if previous else None,
        versions.consultation_open(agreement, site.today))


def signatories(site: Site, agreement: Agreement) -> tuple[list[Signatory], list[Partner]]:
    """Who signed ``agreement`` by the build date, and who is invited to it and has not."""
    signed, invited = [], []
    for p in site.partners:
        for m in p.memberships:
            if m.agreement != agreement.id or m.is_scheduled(site.today):
                continue
            if m.status == "signed" and m.signatory:
                person = next(r for r in p.representatives if r.name == m.signatory)
                signed.append(Signatory(person, p, m))
        status = p.status_on(site.today)
        if status is not None and status.agreement == agreement.id and status.status == "invited":
            invited.append(p)
    signed.sort(key=lambda sig: (sig.membership.date, sig.partner.classification != "municipality"))
    return signed, invited


def version_block(site: Site, agreement: Agreement, lang: Lang, page_uri: str) -> str:
    signed, invited = signatories(site, agreement)
    return block("agreement.html", lang=lang, page_uri=page_uri, site=site,
                  view=version_view(site, agreement, lang),
                  all_versions=[version_view(site, a, lang) for a in site.agreements],
                  signatories=signed, invited=invited)


def agreement_block(site: Site, uri: str, lang: Lang) -> str | None:
    """On a version's own page (its text, ``uri`` in either language): its status, what changed,
    its consultation and responses, who signed it, and the other versions."""
    agreement = next((a for a in site.agreements if a.text == routes.danish_uri(uri)), None)
    return version_block(site, agreement, lang, uri) if agreement is not None else None


NOT_ADOPTED = frozenset({"draft", "consultation", "consultation_closed"})


def draft_summary(site: Site, uri: str, lang: Lang) -> tuple[Localized, str] | None:
    """On the page of a version not yet adopted: its title (the page's heading, so it is not
    taken for the version in force) and, under it, its status, deadline, how to respond and
    what changes."""
    agreement = next((a for a in site.agreements if a.text == routes.danish_uri(uri)), None)
    if agreement is None:
        return None
    view = version_view(site, agreement, lang)
    if view.status not in NOT_ADOPTED:
        return None
    return agreement.title.get(lang), block("draft_summary.html", lang=lang, page_uri=uri, site=site, view=view)


def agreement_page(site: Site, lang: Lang) -> GeneratedPage:
    """``/aftale/``: the version in force, saying so, with its text; then the other versions."""
    s = strings(lang)
    uri = routes.src_uri(lang, routes.AGREEMENT)
    current = versions.in_force(site.agreements, site.today)
    blocks = [block("agreement_index.html", lang=lang, page_uri=uri,
                     current=version_view(site, current, lang) if current else None)]
    if current is not None:
        text = site.pages.get(routes.src_uri(lang, current.text))
        danish = site.pages[current.text]
        body = _without_title(text.body) if text else fallback_block(_without_title(danish.body), lang)
        blocks += [f"## {md_escape(s['agreement_text'])}", _demote(body), version_block(site, current, lang, uri)]
    else:
        blocks.append(version_block(site, site.agreements[-1], lang, uri))
    return page(uri, s["agreement"], *blocks, description=s["agreement_description"])


_TITLE = re.compile(r"\A\s*# [^\n]*\n")


def _without_title(markdown: str) -> str:
    """A text's Markdown without its first-level title (the page has its own)."""
    return _TITLE.sub("", markdown, count=1)


def _demote(markdown: str) -> str:
    """Headings one level down, so an embedded text's sections sit below the page's own
    headings (outside fenced code)."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        out.append("#" + line if not fenced and re.match(r"#{1,5} ", line) else line)
    return "\n".join(out)


def comparison_page(site: Site, agreement: Agreement, previous: Agreement, lang: Lang) -> GeneratedPage:
    """What changed in ``agreement`` from the ``previous`` version, word by word."""
    s = strings(lang)
    uri = routes.src_uri(lang, routes.comparison(agreement.text))
    text_lang = memo.text_lang(site, agreement, previous, lang)  # compare like with like: else the Danish texts
    old, new = (site.pages[routes.src_uri(text_lang, a.text)] for a in (previous, agreement))
    fragment = block("comparison_page.html", lang=lang, page_uri=uri, agreement=agreement, previous=previous,
                     text_lang=text_lang, blocks=compare.compare(old.body, new.body),
                     changed_by=memo.changed_by(site, agreement, text_lang, lang),
                     memo_uri=memo.memo_uri_of(agreement.text, lang), section_id=memo.SECTION_ID,
                     version_uri=routes.src_uri(lang, agreement.text),
                     previous_uri=routes.src_uri(lang, previous.text))
    title = f"{s['changes_in']} {agreement.title.get(lang).text}"
    return page(uri, title, fragment, description=f"{title} – {s['compared_with']} {previous.title.get(lang).text}")


def compared(site: Site) -> list[tuple[Agreement, Agreement]]:
    """Each version after the first, with the version before it."""
    pairs = ((a, versions.previous(a, site.agreements)) for a in site.agreements)
    return [(a, previous) for a, previous in pairs if previous is not None]


def consultation_block(site: Site, lang: Lang) -> str:
    """On the home page: every consultation open on the build date, with its deadline."""
    open_now = [version_view(site, a, lang) for a in versions.open_consultations(site.agreements, site.today)]
    if not open_now:
        return ""
    uri = routes.src_uri(lang, "index.md")
    return block("consultation_notice.html", lang=lang, page_uri=uri, open_now=open_now)
