"""One build's state: what ``on_config`` loaded, and what the later events add to it.

The MkDocs adapter (:mod:`boligdialog.adapter.hooks`) makes a :class:`Build` for each build
and drops it when the next one starts; nothing of it outlives the build but the
:class:`~boligdialog.build.rebuild.Snapshot` a preview keeps for its next rebuild. Nothing
here depends on MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from boligdialog.build import rebuild
from boligdialog.outputs import opendata
from boligdialog.pages import editlinks, registry
from boligdialog.site import lastmod
from boligdialog.site.identity import Identity
from boligdialog.site.settings import AboutData
from boligdialog.site.sitedata import Site


@dataclass
class Build:
    """The build under way."""

    site: Site
    now: dt.datetime
    identity: Identity
    changes: lastmod.Changes
    license: opendata.License
    about: AboutData
    """What the open data package says about itself (its title, description, keywords)."""
    config: bytes = b""
    """The bytes of ``mkdocs.yml``, read as the build started (for the preview's fingerprint)."""
    sender: Any = None
    """Who publishes the site, its colours and whether it is an example (``Settings``), for the
    header, the banner and the footer."""
    repository: editlinks.Repository | None = None
    """Where editors change the site's files (``extra.edit``), for "Edit this page" links."""
    navs: dict[str, Any] = field(default_factory=dict)
    """The navigation of each language."""
    head: dict[str, str] = field(default_factory=dict)
    """Extra <head> HTML (JSON-LD) by page source path."""
    meta: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    """Title (if the front matter has one) and description of each page, as plain text."""
    snapshot: rebuild.Snapshot | None = None
    """What this build made, kept for the next rebuild of ``mkdocs serve --dirty`` once it finishes."""
    full: bool = True
    """Everything is made and written (not a rebuild that keeps what did not change)."""
    groups: dict[registry.Group, list[registry.Pages]] = field(default_factory=dict)
    """The generated pages the site has (made now or kept), by page type and language and item."""
    written: set[str] = field(default_factory=set)
    """Source paths of the pages this build wrote."""
    packed: dict[str, bytes] = field(default_factory=dict)
    """The HTML of each page made and not yet written, compressed (:func:`boligdialog.build.memory.pack`)."""

    @property
    def today(self) -> dt.date:
        return self.now.date()

    def inputs(self, *, preview: bool, kept: rebuild.Snapshot | None = None) -> registry.Inputs:
        """What the pages and outputs are made from; ``kept``: the preview's last build, whose
        open data tables are taken again where their rows are the same."""
        return registry.Inputs(self.site, self.identity, self.license, self.about, self.now,
                               self.changes.data_changed(self.now), preview=preview,
                               kept=kept.package if kept is not None else None)

    def shown(self, made: rebuild.Made, uris: Iterable[str], plan: rebuild.Plan) -> dict[str, rebuild.Shown]:
        """What each page of ``uris`` shows besides its Markdown (:func:`boligdialog.build.rebuild.shown`)."""
        before = rebuild.same_blocks(plan)
        self.changes.carry(rebuild.same_days(plan))
        return {uri: rebuild.shown(self.site, uri, head=made.head.get(uri, ""), changed=self.changes.of(uri),
                                   edit=editlinks.source(uri, self.site) if self.repository else None,
                                   blocks=before[uri].blocks if uri in before else None)
                for uri in uris}

    def record(self, made: rebuild.Made, plan: rebuild.Plan, shown: dict[str, rebuild.Shown], *,
               snapshot: bool) -> None:
        """Keep what was made; with ``snapshot`` (a preview), what the next rebuild compares with."""
        self.head, self.full, self.groups = made.head, made.kept is None, made.groups
        if snapshot:
            self.snapshot = rebuild.Snapshot(plan.key, plan.data, rebuild.bodies(self.site), made.groups,
                                             made.outputs, shown, self.site, made.package)
            if made.kept is not None:
                self.snapshot.carry_over(made.kept, made.gone())

    def wrote(self, uri: str, anchors: Iterable[str], links: Iterable[tuple[str, str, str]]) -> None:
        """A page was written, with its heading ids and its links (target, anchor, as written)
        to headings of other pages: what later rebuilds check links to headings against."""
        if self.snapshot is None:
            return
        self.written.add(uri)
        self.snapshot.anchors[uri] = frozenset(anchors)
        self.snapshot.links[uri] = tuple(rebuild.Link(uri, target, anchor, written)
                                         for target, anchor, written in links if target != uri)

    def lastmods(self, uris: Iterable[str]) -> dict[str, str]:
        """The day each page last changed, for the sitemap (pages with no known day are left out)."""
        return {uri: day.isoformat() for uri in uris if (day := self.changes.of(uri))}
