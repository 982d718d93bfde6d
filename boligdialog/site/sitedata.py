"""The loaded site: every record, and the lookups pages need, built once.

A :class:`Site` is made by :func:`boligdialog.site.load.load_site` after every check
has passed, so its lookups never fail on an unknown id.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from boligdialog.site import routes, schedule
from boligdialog.model.records import Agreement, Decision, Meeting, Page, Partner, Theme
from boligdialog.model.values import Lang


@dataclass(frozen=True, eq=False)
class PageFacts:
    """What the checks of the site's structure read of an editor's page: all but its body, and
    of the body only the headings (:mod:`boligdialog.site.checks`). Two readings of a page with
    equal facts are the same to those checks, whatever else its body says."""

    src_uri: str
    lang: Lang
    meta: Page
    meta_ok: bool
    _body: str = field(repr=False)
    """Read for :attr:`headings` only."""

    @cached_property
    def headings(self) -> tuple[str, ...]:
        """The texts of the body's Markdown headings (``## Formål`` -> ``Formål``), in order: found
        when a check or a comparison asks (at 2,000 meetings, every body's took 0.1 s)."""
        return tuple(m.group(1) for m in _HEADING.finditer(self._body))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PageFacts):
            return NotImplemented
        return (self.src_uri, self.lang, self.meta, self.meta_ok) == (other.src_uri, other.lang, other.meta,
                                                                     other.meta_ok) and self.headings == other.headings

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class ContentPage:
    """An editor's Markdown file in ``content/``."""

    src_uri: str
    """Path relative to ``content/``, e.g. ``en/aftale.md``."""
    lang: Lang
    meta: Page
    body: str
    meta_ok: bool = True
    """False when the front matter had mistakes (already reported); checks that read it skip it."""
    body_line: int = 1
    """The line of the file on which :attr:`body` begins (after the front matter)."""

    @cached_property
    def written(self) -> bool:
        """Whether the body holds any text besides HTML comments (the scaffold's help text)."""
        return bool(_COMMENT.sub("", self.body).strip())

    @cached_property
    def meta_text(self) -> str:
        """The front matter as validated, written out (``repr``): what a fingerprint of the
        pages' front matter reads (made once per reading of the file)."""
        return repr(self.meta)

    @cached_property
    def facts(self) -> PageFacts:
        """The page as the checks of structure read it (made once per reading of the file)."""
        return PageFacts(self.src_uri, self.lang, self.meta, self.meta_ok, self.body)


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)


@dataclass
class Site:
    """Everything the site is built from, checked and cross-referenced."""

    partners: list[Partner]
    themes: list[Theme]
    agreements: list[Agreement]
    meetings: list[Meeting]
    pages: dict[str, ContentPage]
    """Every Markdown file under ``content/`` by its path there."""
    today: dt.date
    """The build date: what lies after it has not happened."""
    reports: dict[str, str] = field(default_factory=dict)
    """Meeting id -> path of its Danish report under ``content/`` (from the report's ``meeting:``)."""
    decisions: list[Decision] = field(default_factory=list)
    file_sizes: dict[str, int] = field(default_factory=dict)
    """Size in bytes of every file under ``content/`` that is not a page (attachments,
    consultation responses), by its path there."""
    missing_english: list[str] = field(default_factory=list)
    """``file:line: key`` of every text that exists only in Danish."""
    notices: list[str] = field(default_factory=list)
    """``file:line: …`` of what the editors should record (e.g. a passed meeting still planned)."""
    withheld: frozenset[str] = frozenset()
    """Content paths of news and reports with no text yet (only the scaffold's help text):
    they are not published until written, and are not in :attr:`pages`."""
    record_lines: dict[str, dict[str, int]] = field(default_factory=dict)
    """Line of each record in its data file: ``{'data/meetings.yaml': {'forum-2017-1': 9}}``."""
    data_texts: dict[str, str | None] = field(default_factory=dict)
    """The text of each data file as it was read for this site, by its path
    (``data/meetings.yaml``): what the preview's rebuild fingerprints, since the file may have
    changed again since (:func:`boligdialog.build.rebuild.inputs_key`)."""

    @cached_property
    def _by_id(self) -> dict[str, dict[str, Any]]:
        return {kind: {r.id: r for r in getattr(self, kind)}
                for kind in ("partners", "themes", "agreements", "meetings")}

    # Lookups by id, for templates and pages. They never fail: every reference was checked.

    def partner(self, pid: str) -> Partner:
        return self._by_id["partners"][pid]

    def theme(self, tid: str) -> Theme:
        return self._by_id["themes"][tid]

    def agreement(self, aid: str) -> Agreement:
        return self._by_id["agreements"][aid]

    def meeting(self, mid: str) -> Meeting:
        return self._by_id["meetings"][mid]

    def decisions_taken_at(self, mid: str) -> list[Decision]:
        """Decisions taken at the meeting ``mid``."""
        return self._grouped["taken"].get(mid, [])

    def decisions_reported_at(self, mid: str) -> list[Decision]:
        """Decisions taken at an earlier meeting whose status was last reported at ``mid``."""
        return self._grouped["reported"].get(mid, [])

    def meetings_invited(self, pid: str) -> list[Meeting]:
        """Meetings the partner ``pid`` was invited to, in the order of ``meetings.yaml``."""
        return self._grouped["invited"].get(pid, [])

    def meetings_attended(self, pid: str) -> list[Meeting]:
        """Meetings the partner ``pid`` attended, in the order of ``meetings.yaml``."""
        return self._grouped["attended"].get(pid, [])

    @cached_property
    def _grouped(self) -> dict[str, dict[str, list[Any]]]:
        """Records grouped by the id they refer to, made once (pages ask per meeting and partner)."""
        out: dict[str, dict[str, list[Any]]] = {"taken": {}, "reported": {}, "invited": {}, "attended": {}}
        for d in self.decisions:
            out["taken"].setdefault(d.meeting, []).append(d)
            if d.reported_at is not None and d.reported_at != d.meeting:
                out["reported"].setdefault(d.reported_at, []).append(d)
        for m in self.meetings:
            for key in ("invited", "attended"):
                for pid in getattr(m, key):
                    out[key].setdefault(pid, []).append(m)
        return out

    def report(self, meeting: Meeting, lang: Lang) -> ContentPage | None:
        """The meeting's report in ``lang``, or ``None`` if there is none in that language."""
        danish = self.reports.get(meeting.id)
        return self.pages.get(routes.src_uri(lang, danish)) if danish else None

    def state_of(self, meeting: Meeting) -> str:
        """The state to show: the meeting's own, or ``awaiting_report`` for a planned
        meeting whose day has passed (the editors have not yet recorded what happened)."""
        return schedule.shown_state(meeting, self.today)

    def news(self, lang: Lang) -> list[ContentPage]:
        """News articles for ``lang`` (a Danish one stands in where English is missing)."""
        out = []
        for uri, page in self.pages.items():
            if page.lang == "da" and uri.startswith(routes.NEWS_DIR):
                out.append(self.pages.get(routes.src_uri(lang, uri), page))
        return out

    @cached_property
    def report_paths(self) -> frozenset[str]:
        """Content paths (both languages) that are meeting reports, not pages of their own."""
        paths = set(self.reports.values())
        return frozenset(paths | {routes.EN + p for p in paths})

    @property
    def not_built(self) -> frozenset[str]:
        """Content paths that get no page of their own: the reports (shown on their meeting's
        page) and what is withheld until it is written."""
        return self.report_paths | self.withheld
