"""What a preview rebuild must make and write again (``make serve``: ``mkdocs serve --dirty``).

MkDocs's ``--dirty`` writes a page again when its source file is newer than the page it
wrote. That does not fit this site: every generated page is new on every rebuild, and a page
that shows data or another page's text changes without its own file changing. So the hook
decides, with this module, after each edit:

- :func:`inputs_key` fingerprints everything a page can show except the bodies of the
  editors' pages: the data files as they were loaded (not read again: an edit saved during a
  rebuild must make the next one different), ``mkdocs.yml``, every page's validated front matter, the
  size of every other file in ``content/``, the templates, the build date and the time of the
  last commit to data or content.
- The same key as the last build that finished means only bodies changed (the usual edit of a
  report or an article): the pages that show a changed body are made again
  (:func:`boligdialog.pages.registry.regenerate`), and only pages whose Markdown differs are written;
  the calendars, the open data and the JSON-LD are kept; the feeds, which quote bodies, are
  made again.
- Another key (a data file, front matter, a new or removed file, a template, a new day) makes
  and writes everything again, into an emptied site folder, as a full build does.

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

from boligdialog.model.records import DATA_FILES
from boligdialog.pages import registry
from boligdialog.pages.page import GeneratedPage
from boligdialog.site.sitedata import Site


@dataclass(frozen=True)
class Snapshot:
    """What a finished build made, for the next rebuild to compare with and keep."""

    key: str
    bodies: Mapping[str, str]
    """The body of every editor's page, by source path."""
    pages: list[GeneratedPage]
    outputs: Mapping[str, str | bytes]
    """Generated files other than pages (calendars, open data, feeds), by path."""
    head: Mapping[str, str]
    """JSON-LD for ``<head>``, by page source path."""
    anchors: dict[str, frozenset[str]] = field(default_factory=dict)
    """The heading ids of every page, by source path (filled as pages are written)."""
    links: dict[str, tuple[Link, ...]] = field(default_factory=dict)
    """The links to headings of other pages, by the source path of the page they are on."""

    def carry_over(self, previous: Snapshot) -> None:
        """Start from the anchors and links of ``previous``; the pages written now replace theirs."""
        self.anchors.update(previous.anchors)
        self.links.update(previous.links)


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
    """What this build makes: everything, or what the changed bodies show."""

    key: str
    """The build's :func:`inputs_key`."""
    previous: Snapshot | None
    """The snapshot to keep from, or ``None``: make and write everything."""
    changed: frozenset[str] = field(default_factory=frozenset)
    """Source paths of the editors' pages whose body changed."""

    @property
    def full(self) -> bool:
        return self.previous is None


def stamps(folders: Iterable[Path]) -> list[str]:
    """Path, size and modification time of every file below ``folders`` (templates, theme)."""
    out = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            stat = path.stat()
            out.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return out


def inputs_key(site: Site, *, config: bytes, extra: Iterable[str]) -> str:
    """A fingerprint of what pages show besides the bodies of editors' pages: ``config`` (the
    bytes of ``mkdocs.yml``), the data files' texts as the site was loaded from them
    (:attr:`~boligdialog.site.sitedata.Site.data_texts`, not as they are on disk now: a file saved
    again during the build is then new to the next rebuild), every page's front matter, every
    other file's size in ``content/``, and ``extra`` (template stamps, the build date, the last
    commit …)."""
    digest = hashlib.sha256()

    def add(*parts: str | bytes) -> None:
        for part in parts:
            data = part.encode() if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big") + data)

    add(config)
    for data_file in DATA_FILES:
        text = site.data_texts.get(data_file.path)
        add(data_file.path, "\0missing" if text is None else text)
    for uri in sorted(site.pages):
        add(uri, repr(site.pages[uri].meta))
    for uri in sorted(site.file_sizes):
        add(uri, str(site.file_sizes[uri]))
    add(*extra)
    return digest.hexdigest()


def plan(previous: Snapshot | None, key: str, site: Site) -> Plan:
    """Keep from ``previous`` if only bodies changed since it was made; else make everything."""
    if previous is None or previous.key != key or previous.bodies.keys() != site.pages.keys():
        return Plan(key, None)
    return Plan(key, previous, frozenset(uri for uri, page in site.pages.items() if previous.bodies[uri] != page.body))


def decide(previous: Snapshot | None, site: Site, *, config: bytes, template_dirs: Iterable[Path],
           site_url: str, committed: dt.datetime | None) -> Plan:
    """What this rebuild of the preview makes: everything, or (when the fingerprint of all but
    the bodies is the last build's) what the changed bodies show. ``config`` is the bytes of
    ``mkdocs.yml`` as this build read them; ``committed`` the time of the last commit to data or
    content."""
    key = inputs_key(site, config=config,
                     extra=[*stamps(template_dirs), site_url, site.today.isoformat(), str(committed)])
    return plan(previous, key, site)


@dataclass(frozen=True)
class Made:
    """What a build adds to the site: generated pages and files, and the ``<head>`` HTML."""

    pages: list[GeneratedPage]
    files: dict[str, str | bytes]
    """Generated files other than pages (calendars, open data, feeds), by path."""
    head: dict[str, str]
    """JSON-LD for ``<head>``, by page source path."""
    kept: Snapshot | None = None
    """The last build's snapshot this one keeps from, or ``None``: everything is new."""

    @cached_property
    def _before(self) -> dict[str, str]:
        return {page.src_uri: page.markdown for page in self.kept.pages} if self.kept else {}

    def unchanged_file(self, uri: str, content: str | bytes) -> bool:
        """The file at ``uri`` is what the kept build wrote there: it need not be written again."""
        return self.kept is not None and self.kept.outputs.get(uri) == content

    def unchanged_page(self, page: GeneratedPage) -> bool:
        """The page is what the kept build wrote: it need not be written again."""
        return self._before.get(page.src_uri) == page.markdown


def make(inputs: registry.Inputs, plan: Plan) -> Made:
    """Everything (a full build), or what the plan's changed texts show, the rest kept."""
    kept = plan.previous
    if kept is None:
        files, head = registry.make_outputs(inputs)
        return Made(registry.generate(inputs), files, head)
    files, _ = registry.make_outputs(inputs, texts_only=True)  # the feeds quote reports and articles
    pages = registry.regenerate(inputs, kept.pages, set(plan.changed))
    return Made(pages, {**kept.outputs, **files}, dict(kept.head), kept)


def bodies(site: Site) -> dict[str, str]:
    return {uri: page.body for uri, page in site.pages.items()}
