"""RFC 4287 (Atom) applied to a feed, independently of feedgen, which writes ours.

Three layers, each naming the RFC's section in its message:

- the RFC's own RELAX NG grammar (Appendix B, kept in ``tests/schemas/atom.rnc``), turned into
  RELAX NG's XML syntax by rnc2rng and checked by libxml2 (lxml);
- the two Schematron assertions that Appendix B carries but no grammar checks (§4.1.1: an
  author on the feed or on every entry; §4.1.2: an entry links to an alternate or has
  content), evaluated as the XPath they are;
- the rules of the RFC's prose that neither expresses: exactly one id, title and updated;
  one alternate link per type and hreflang; RFC 3339 dates; ids that are absolute IRIs.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from urllib.parse import urlsplit

import rnc2rng
from lxml import etree

RNC = Path(__file__).parent / "schemas" / "atom.rnc"
ATOM = "http://www.w3.org/2005/Atom"
SCHEMATRON = "http://www.ascc.net/xml/schematron"
NS = {"atom": ATOM}
# RFC 3339 §5.6 date-time, with the upper-case T and Z that RFC 4287 §3.3 requires.
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


@functools.cache
def grammar() -> tuple[etree.RelaxNG, tuple[tuple[str, str, str], ...]]:
    """The RFC's grammar, and its Schematron assertions as ``(context, test, message)``."""
    rng = rnc2rng.dumps(rnc2rng.load(str(RNC)))
    # The RNC's `namespace local = ""` comes out as xmlns:local="", which XML forbids for a
    # prefix; the grammar itself names that namespace as ns="", so the declaration can go.
    tree = etree.fromstring(rng.replace(' xmlns:local=""', "").encode("utf-8"))
    asserts = tuple((rule.get("context"), check.get("test"), " ".join(check.text.split()))
                    for rule in tree.iter(f"{{{SCHEMATRON}}}rule")
                    for check in rule.iter(f"{{{SCHEMATRON}}}assert"))
    return etree.RelaxNG(tree), asserts


def _moment(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def _absolute(iri: str | None) -> bool:
    parts = urlsplit(iri or "")
    return bool(parts.scheme) and (parts.scheme == "tag" or bool(parts.netloc))


def _one_of_each(element: etree._Element, where: str) -> list[str]:
    """§4.1.1 / §4.1.2: exactly one atom:id, atom:title and atom:updated."""
    out = []
    for name in ("id", "title", "updated"):
        count = len(element.findall(f"atom:{name}", NS))
        if count != 1:
            out.append(f"{where}: has {count} atom:{name}, needs exactly one (RFC 4287 §4.1)")
    return out


def _alternates(element: etree._Element, where: str) -> list[str]:
    """§4.1.1 / §4.1.2: at most one alternate link per (type, hreflang)."""
    seen: set[tuple[str | None, str | None]] = set()
    out = []
    for link in element.findall("atom:link", NS):
        if link.get("rel", "alternate") != "alternate":
            continue
        key = (link.get("type"), link.get("hreflang"))
        if key in seen:
            out.append(f"{where}: two alternate links with type/hreflang {key} (RFC 4287 §4.1)")
        seen.add(key)
    return out


def problems(xml: bytes) -> list[str]:
    """Every way ``xml`` breaks RFC 4287 as a Feed Document; empty when it conforms."""
    schema, asserts = grammar()
    doc = etree.fromstring(xml)
    out = [f"Appendix B grammar: line {e.line}: {e.message}" for e in schema.error_log] if not schema.validate(doc) else []
    if doc.tag != f"{{{ATOM}}}feed":
        return out + [f"root is {doc.tag}, not atom:feed"]
    for context, test, message in asserts:
        for element in doc.xpath(f"descendant-or-self::{context}", namespaces=NS):
            if not element.xpath(f"boolean({test})", namespaces=NS):
                out.append(f"{doc.getroottree().getpath(element)}: {message}")
    entries = doc.findall("atom:entry", NS)
    for where, element in [("feed", doc), *((f"entry {i + 1}", e) for i, e in enumerate(entries))]:
        out += _one_of_each(element, where) + _alternates(element, where)
        for child in element:
            if child.tag in (f"{{{ATOM}}}updated", f"{{{ATOM}}}published") and not RFC3339.match(child.text or ""):
                out.append(f"{where}: {child.tag.split('}')[1]} {child.text!r} is not an RFC 3339 date-time (§3.3)")
        ids = element.findall("atom:id", NS)
        if ids and not _absolute(ids[0].text):
            out.append(f"{where}: atom:id {ids[0].text!r} is not an absolute IRI (§4.2.6)")
        for link in element.findall("atom:link", NS):
            if not _absolute(link.get("href")):
                out.append(f"{where}: link href {link.get('href')!r} is not absolute (§4.2.7.1)")
        for uri in element.findall("atom:author/atom:uri", NS):
            if not _absolute(uri.text):
                out.append(f"{where}: author uri {uri.text!r} is not an absolute IRI (§3.2.2)")
    if not out:
        out += _order(doc, entries)
    return out


def _order(doc: etree._Element, entries: list[etree._Element]) -> list[str]:
    """The dates agree: no entry was published after it was updated (§4.2.9, §4.2.15), the
    feed is as new as its newest entry, and no two entries share an id (§4.2.6)."""
    out = []
    updated = [_moment(e.findtext("atom:updated", namespaces=NS)) for e in entries]
    for i, entry in enumerate(entries):
        published = entry.findtext("atom:published", namespaces=NS)
        if published and _moment(published) > updated[i]:
            out.append(f"entry {i + 1}: published after it was updated")
    if updated and _moment(doc.findtext("atom:updated", namespaces=NS)) < max(updated):
        out.append("feed: updated is older than its newest entry")
    ids = [e.findtext("atom:id", namespaces=NS) for e in entries]
    if len(set(ids)) != len(ids):
        out.append("feed: two entries share an atom:id")
    if not [link for link in doc.findall("atom:link", NS) if link.get("rel") == "self"]:
        out.append("feed: no link rel=self (§4.1.1 SHOULD)")
    return out
