"""The loaded site: every record, and the lookups pages need, built once.

A :class:`Site` is made by :func:`boligdialog.load.load_site` after every check
has passed, so its lookups never fail on an unknown id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from . import routes, schedule
from .model import Agreement, Decision, Meeting, Page, Partner, Theme
from .values import Lang


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
    """Size in bytes of every meeting attachment, by its path under ``content/``."""
    missing_english: list[str] = field(default_factory=list)
    """``file:line: key`` of every text that exists only in Danish."""
    notices: list[str] = field(default_factory=list)
    """``file:line: …`` of what the editors should record (e.g. a passed meeting still planned)."""
    record_lines: dict[str, dict[str, int]] = field(default_factory=dict)
    """Line of each record in its data file: ``{'data/meetings.yaml': {'visionsforum-2017-1': 9}}``."""

    @cached_property
    def _partners(self) -> dict[str, Partner]:
        return {p.id: p for p in self.partners}

    @cached_property
    def _themes(self) -> dict[str, Theme]:
        return {t.id: t for t in self.themes}

    @cached_property
    def _meetings(self) -> dict[str, Meeting]:
        return {m.id: m for m in self.meetings}

    def partner(self, pid: str) -> Partner:
        return self._partners[pid]

    def theme(self, tid: str) -> Theme:
        return self._themes[tid]

    def meeting(self, mid: str) -> Meeting:
        return self._meetings[mid]

    @cached_property
    def decisions_by_meeting(self) -> dict[str, list[Decision]]:
        out: dict[str, list[Decision]] = {}
        for d in self.decisions:
            out.setdefault(d.meeting, []).append(d)
        return out

    def _by_partner(self, key: str) -> dict[str, list[Meeting]]:
        out: dict[str, list[Meeting]] = {}
        for m in self.meetings:
            for pid in getattr(m, key):
                out.setdefault(pid, []).append(m)
        return out

    @cached_property
    def invited_to(self) -> dict[str, list[Meeting]]:
        """Partner id -> meetings it was invited to."""
        return self._by_partner("invited")

    @cached_property
    def attended(self) -> dict[str, list[Meeting]]:
        """Partner id -> meetings it attended."""
        return self._by_partner("attended")

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
