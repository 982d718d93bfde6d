"""What a preview rebuild must make and write again (``make serve``: ``mkdocs serve --dirty``).

MkDocs's ``--dirty`` writes a page again when its source file is newer than the page it
wrote. That does not fit this site: every generated page is new on every rebuild, and a page
that shows data or another page's text changes without its own file changing. So the hook
decides, with this module, after each edit:

- :func:`inputs_key` fingerprints everything a page can show except the bodies of the
  editors' pages and the data files: ``mkdocs.yml``, every page's validated front matter, the
  size of every other file in ``content/``, the templates, the build date and the time of the
  last commit to data or content. :func:`data_digests` fingerprints each data file as it was
  loaded (not read again: an edit saved during a rebuild must make the next one different).
- The same key as the last build that finished means only bodies or data changed (the usual
  edits: a report, an article, a meeting's title). The page types that read a changed data
  file's records (their ``reads`` in :mod:`boligdialog.pages.registry`) are made again whole, so
  pages that now exist are made and those that no longer do are removed — or, when no record
  came, went or moved (:func:`changed_records`), of the types that declare what each item
  shows (``needs``), the items that show a changed record; of the other types the pages that
  show a changed body (:func:`boligdialog.pages.registry.remake`); the rest is kept.
  So are the outputs: those that read a changed kind of record, or quote a changed body (the
  feeds), are made again. A page is written only if its Markdown or what it shows besides
  (:func:`shown`: the data blocks added to its text, its JSON-LD, the day it last changed, its
  edit link) differs from the last build's; a file only if its content does.
- Another key (front matter, a new or removed file, a template, a new day) makes and writes
  everything again, into an emptied site folder, as a full build does.

Either way the pages written are those a full build writes (``tests/test_rebuild.py``
compares every file after each kind of edit).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from boligdialog.build import compose
from boligdialog.model.records import DATA_FILES
from boligdialog.outputs import opendata
from boligdialog.pages import registry
from boligdialog.pages.page import GeneratedPage
from boligdialog.site.sitedata import Site


class Shown(NamedTuple):
    """What a page's HTML shows besides its own Markdown (:func:`shown`)."""

    blocks: str
    """The blocks of data the build adds to its text."""
    head: str
    """Its ``<head>`` HTML (JSON-LD)."""
    changed: dt.date | None
    """The day it last changed."""
    edit: Any
    """Its "Edit this page" link's target."""


@dataclass(frozen=True)
class Snapshot:
    """What a finished build made, for the next rebuild to compare with and keep."""

    key: str
    """:func:`inputs_key`: all a page can show but the data files' texts and the bodies."""
    data: Mapping[str, str]
    """A digest of each data file's text as it was loaded, by its records' kind (``meetings`` …)."""
    bodies: Mapping[str, str]
    """The body of every editor's page, by source path."""
    pages: Mapping[registry.Group, list[registry.Pages]]
    """The generated pages, by page type and language and then by item, in the site's order."""
    outputs: Mapping[str, Mapping[str, Any]]
    """The files of each output (the ``<head>`` HTML by page for JSON-LD), by the output's name."""
    shown: Mapping[str, Shown] = field(default_factory=dict)
    """What each page (generated or an editor's) showed besides its Markdown, by source path."""
    site: Site | None = None
    """The site it was made from (what :func:`changed_records` compares the next one with)."""
    package: opendata.Package | None = None
    """Its open data (what the next one's package takes unchanged tables from)."""
    anchors: dict[str, frozenset[str]] = field(default_factory=dict)
    """The heading ids of every page, by source path (filled as pages are written)."""
    links: dict[str, tuple[Link, ...]] = field(default_factory=dict)
    """The links to headings of other pages, by the source path of the page they are on."""

    def carry_over(self, previous: Snapshot, gone: Iterable[str] = ()) -> None:
        """Start from the anchors and links of ``previous`` but those of the pages ``gone``; the
        pages written now replace theirs."""
        self.anchors.update(previous.anchors)
        self.links.update(previous.links)
        for uri in gone:
            self.anchors.pop(uri, None)
            self.links.pop(uri, None)


@dataclass(frozen=True)
class Link:
    """A link to a heading of a page: ``[text](target.md#anchor)`` on the page ``source``."""

    source: str
    target: str
    anchor: str
    written: str
    """The link as the editor wrote it."""


def broken_links(snapshot: Snapshot, written: set[str]) -> list[Link]:
    """Links to a heading that is not there, between a page written in this build and one that
    was kept (MkDocs checks only the links between pages it writes in the same build)."""
    return [link for source, links in snapshot.links.items() for link in links
            if (source in written) != (link.target in written)
            and link.target in snapshot.anchors and link.anchor not in snapshot.anchors[link.target]]


@dataclass(frozen=True)
class Plan:
    """What this build makes: everything, or what the changed records and bodies show."""

    key: str
    """The build's :func:`inputs_key`."""
    data: Mapping[str, str] = field(default_factory=dict)
    """The build's :func:`data_digests`."""
    previous: Snapshot | None = None
    """The snapshot to keep from, or ``None``: make and write everything."""
    changed: frozenset[str] = field(default_factory=frozenset)
    """Source paths of the editors' pages whose body changed."""
    kinds: frozenset[str] = field(default_factory=frozenset)
    """The kinds of records (of :data:`~boligdialog.pages.registry.SOURCES`) whose data file changed."""
    records: frozenset[registry.Record] | None = None
    """The records of :attr:`kinds` that changed (:func:`changed_records`), or ``None``: some came, went or moved."""

    @property
    def full(self) -> bool:
        return self.previous is None

    @property
    def bodies_only(self) -> bool:
        """Only bodies of editors' pages changed since the kept build: the site has the same
        pages, each showing the same data blocks and the same day it last changed (those depend
        on front matter, data, the commits and the build date, not on bodies)."""
        return self.previous is not None and not self.kinds


def stamps(folders: Iterable[Path]) -> list[str]:
    """Path, size and modification time of every file below ``folders`` (templates, theme)."""
    out = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            stat = path.stat()
            out.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return out


def inputs_key(site: Site, *, config: bytes, extra: Iterable[str]) -> str:
    """A fingerprint of what pages show besides the bodies of editors' pages and the data files
    (:func:`data_digests`): ``config`` (the bytes of ``mkdocs.yml``), every page's front matter,
    every other file's size in ``content/``, and ``extra`` (template stamps, the build date, the
    last commit …)."""
    digest = hashlib.sha256()

    def add(*parts: str | bytes) -> None:
        for part in parts:
            data = part.encode() if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big") + data)

    add(config)
    for uri in sorted(site.pages):
        add(uri, site.pages[uri].meta_text)
    for uri in sorted(site.file_sizes):
        add(uri, str(site.file_sizes[uri]))
    add(*extra)
    return digest.hexdigest()


def data_digests(site: Site) -> dict[str, str]:
    """A digest of each data file's text as the site was loaded from it
    (:attr:`~boligdialog.site.sitedata.Site.data_texts`, not as it is on disk now: a file saved
    again during the build is then new to the next rebuild), by the kind of its records."""
    out = {}
    for data_file in DATA_FILES:
        text = site.data_texts.get(data_file.path)
        out[data_file.key] = hashlib.sha256(b"\0missing" if text is None else text.encode()).hexdigest()
    return out


def changed_records(before: Site, after: Site, kinds: Iterable[str]) -> frozenset[registry.Record] | None:
    """The records of ``kinds`` that differ between ``before`` and ``after``, or ``None`` if a
    record of one of them came, went or moved (the ids of a kind are not the same, in the same order)."""
    out: set[registry.Record] = set()
    for kind in kinds:
        old, new = getattr(before, kind), getattr(after, kind)
        if [r.id for r in old] != [r.id for r in new]:
            return None
        out |= {(kind, b.id) for a, b in zip(old, new) if a != b}
    return frozenset(out)


def plan(previous: Snapshot | None, key: str, site: Site) -> Plan:
    """Keep from ``previous`` if only bodies and data files changed since it was made; else make everything."""
    data = data_digests(site)
    if previous is None or previous.key != key or previous.bodies.keys() != site.pages.keys():
        return Plan(key, data)
    kinds = frozenset(kind for kind, digest in data.items() if previous.data.get(kind) != digest)
    return Plan(key, data, previous,
                frozenset(uri for uri, page in site.pages.items() if previous.bodies[uri] != page.body),
                kinds, None if previous.site is None else changed_records(previous.site, site, kinds))


def decide(previous: Snapshot | None, site: Site, *, config: bytes, template_dirs: Iterable[Path],
           site_url: str, committed: dt.datetime | None) -> Plan:
    """What this rebuild of the preview makes: everything, or (when the fingerprint of all but
    the bodies and the data is the last build's) what the changed bodies and records show.
    ``config`` is the bytes of ``mkdocs.yml`` as this build read them; ``committed`` the time
    of the last commit to data or content."""
    key = inputs_key(site, config=config,
                     extra=[*stamps(template_dirs), site_url, site.today.isoformat(), str(committed)])
    return plan(previous, key, site)


def shown(site: Site, uri: str, *, head: str, changed: dt.date | None, edit: Any, blocks: str | None = None) -> Shown:
    """What the HTML of the page ``uri`` shows besides its own Markdown: the blocks of data the
    build adds to its text (:func:`~boligdialog.build.compose.compose`, to an editor's page and to
    a generated one alike: the English stand-in of a version's text shows who signed it), its
    ``<head>`` HTML, the day it last changed and its "Edit this page" link's target (``edit``; a
    data record's line moves when a record above it is added). The blocks are those composed
    with an empty text: they depend on the site and the address, not on the text they go with;
    ``blocks``, if given, are those (the last build's: :func:`same_blocks`)."""
    return Shown(compose.compose(site, uri, "") if blocks is None else blocks, head, changed, edit)


def same_blocks(plan: Plan) -> Mapping[str, Shown]:
    """What the pages of the kept build showed, if their data blocks are the same now (no data
    changed: the blocks show no body, :func:`~boligdialog.build.compose.compose`), else nothing."""
    return plan.previous.shown if plan.bodies_only and plan.previous is not None else {}


def same_days(plan: Plan) -> Mapping[str, dt.date | None]:
    """The day each page of the kept build last changed, if those are the days now too
    (:attr:`Plan.bodies_only`), else nothing."""
    return {uri: shows.changed for uri, shows in same_blocks(plan).items()}


@dataclass(frozen=True)
class Made:
    """What a build adds to the site: generated pages and files, and the ``<head>`` HTML."""

    groups: dict[registry.Group, list[registry.Pages]]
    """The generated pages, by page type and language and then by item, in the site's order."""
    outputs: dict[str, Mapping[str, Any]]
    """The files (or ``<head>`` HTML) of each output, by name."""
    kept: Snapshot | None = None
    """The last build's snapshot this one keeps from, or ``None``: everything is new."""
    changed: frozenset[str] = field(default_factory=frozenset)
    """Source paths of the editors' pages whose body changed since :attr:`kept`."""
    package: opendata.Package | None = None
    """The open data the site has now (made by this build, or the kept build's)."""

    @property
    def pages(self) -> list[GeneratedPage]:
        return [page for items in self.groups.values() for pages in items for page in pages]

    @cached_property
    def files(self) -> dict[str, str | bytes]:
        """Generated files other than pages (calendars, open data, feeds), by path, in the order of the outputs."""
        return {path: content for output in registry.OUTPUTS if not output.head
                for path, content in self.outputs.get(output.name, {}).items()}

    @cached_property
    def head(self) -> dict[str, str]:
        """JSON-LD for ``<head>``, by page source path."""
        return {uri: html for output in registry.OUTPUTS if output.head
                for uri, html in self.outputs.get(output.name, {}).items()}

    @cached_property
    def _before(self) -> dict[str, str]:
        return {page.src_uri: page.markdown for items in self.kept.pages.values() for pages in items
                for page in pages} \
            if self.kept else {}

    def gone(self) -> list[str]:
        """What the kept build wrote that this one does not make: the source paths of pages, and
        the paths of files (a deleted partner's page, a moved meeting's old year page …)."""
        if self.kept is None:
            return []
        pages = {page.src_uri for page in self.pages}
        kept_files = {path for output in registry.OUTPUTS if not output.head
                      for path in self.kept.outputs.get(output.name, {})}
        return sorted((self._before.keys() - pages) | (kept_files - self.files.keys()))

    def unchanged_file(self, uri: str, content: str | bytes) -> bool:
        """The file at ``uri`` is what the kept build wrote there: it need not be written again."""
        if self.kept is None:
            return False
        return any(self.kept.outputs.get(output.name, {}).get(uri) == content
                   for output in registry.OUTPUTS if not output.head)

    def unchanged_page(self, page: GeneratedPage, shows: Shown | None) -> bool:
        """The generated page is what the kept build wrote: the same Markdown, showing the same
        (:func:`shown`); it need not be written again."""
        return (self.kept is not None and self._before.get(page.src_uri) == page.markdown
                and self.kept.shown.get(page.src_uri) == shows)

    def unchanged_text(self, uri: str, shows: Shown | None) -> bool:
        """The editor's page at ``uri`` is what the kept build wrote: the same body, showing the same."""
        return self.kept is not None and uri not in self.changed and self.kept.shown.get(uri) == shows


def make(inputs: registry.Inputs, plan: Plan) -> Made:
    """Everything (a full build), or what the plan's changed records and texts show, the rest kept."""
    kept = plan.previous
    if kept is None:
        return Made(registry.generate_groups(inputs), registry.outputs_of(inputs), package=inputs.made_package())
    groups = registry.remake(inputs, kept.pages, kinds=plan.kinds, changed=set(plan.changed), before=kept.site,
                             records=plan.records)
    outputs = {**kept.outputs, **registry.outputs_of(inputs, kinds=plan.kinds, texts=bool(plan.changed))}
    return Made(groups, {output.name: outputs[output.name] for output in registry.OUTPUTS}, kept, plan.changed,
                inputs.made_package() or kept.package)


def bodies(site: Site) -> dict[str, str]:
    return {uri: page.body for uri, page in site.pages.items()}
