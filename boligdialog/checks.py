"""Checks between files: unique ids, references, and rules that span records.

Each check appends :class:`~boligdialog.errors.DataError` values and never stops
early. A data file that did not load is skipped, and so are the references into it
(its ids are unknown); every other check still runs, so an editor sees all
mistakes at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from . import routes
from .errors import DataError
from .model import AGREEMENTS, DATA_FILES, DECISIONS, MEETINGS, PARTNERS, THEMES, DataFile, Meeting
from .schedule import meeting_key
from .sitedata import ContentPage
from .values import PartialDate
from .yamlsource import Source

RESERVED_IDS = frozenset({"index"})
"""Ids that would take the place of a section's index page."""


@dataclass
class Ids:
    """The ids of one kind of record, for lookups and for messages."""

    what: str
    order: list[str]
    known: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.known = frozenset(self.order)

    def describe(self) -> str:
        shown = self.order if len(self.order) <= 12 else [*self.order[:12], f"… {len(self.order)} in all"]
        return f"{shown} ({self.what})"


R = TypeVar("R")


@dataclass
class Loaded(Generic[R]):
    """What one data file yielded: its records and its source, or nothing."""

    items: list[R]
    src: Source | None


@dataclass
class Checker:
    data: dict[DataFile[Any], Loaded[Any]]
    pages: dict[str, ContentPage]
    sources: dict[str, Source]
    errors: list[DataError] = field(default_factory=list)
    reports: set[str] = field(default_factory=set)
    """Content paths (both languages) that are valid meeting reports."""

    # --- helpers ------------------------------------------------------------------------

    def ids(self, file: DataFile[Any], what: str) -> Ids | None:
        loaded = self.data[file]
        return Ids(what, [r.id for r in loaded.items]) if loaded.src is not None else None

    def ref(self, value: str, ids: Ids | None, path: tuple[Any, ...], src: Source) -> None:
        if ids is not None and value not in ids.known:
            self.errors.append(src.error(path, f"expected one of {ids.describe()} but received {value!r}"))

    def fail(self, src: Source, path: tuple[Any, ...], message: str) -> None:
        self.errors.append(src.error(path, message))

    def unique(self, file: DataFile[Any]) -> None:
        loaded, key = self.data[file], file.key
        if loaded.src is None:
            return
        first: dict[str, int] = {}
        for i, item in enumerate(loaded.items):
            if item.id in RESERVED_IDS:
                self.fail(loaded.src, (key, i, "id"), f"expected an id other than {item.id!r}, which the "
                          "site uses itself, but received it")
            if item.id in first:
                line = loaded.src.line((key, first[item.id], "id"))
                self.fail(loaded.src, (key, i, "id"),
                          f"expected a unique id but received {item.id!r} again (first used at line {line})")
            first.setdefault(item.id, i)

    def day(self, value: PartialDate | None, key: str, src: Source) -> None:
        if value is not None and value.precision != "day":
            self.fail(src, (key,), f"expected a full date (YYYY-MM-DD) but received {str(value)!r}")

    # --- the checks -----------------------------------------------------------------------

    def run(self) -> list[DataError]:
        for file in DATA_FILES:
            self.unique(file)
        partners = self.ids(PARTNERS, "partners")
        meetings = self.ids(MEETINGS, "meetings")
        self.partners(self.ids(AGREEMENTS, "agreement versions"))
        self.agreements()
        self.meetings(partners, self.ids(THEMES, "themes"))
        self.decisions(partners, meetings)
        self.content(meetings)
        return self.errors

    def partners(self, agreements: Ids | None) -> None:
        loaded = self.data[PARTNERS]
        for i, p in enumerate(loaded.items):
            assert loaded.src is not None
            names = Ids(f"representatives of {p.id}", [r.name for r in p.representatives])
            for j, m in enumerate(p.memberships):
                here = ("partners", i, "memberships", j)
                self.ref(m.agreement, agreements, (*here, "agreement"), loaded.src)
                if m.signatory is not None:
                    self.ref(m.signatory, names, (*here, "signatory"), loaded.src)
                    if m.status != "signed":
                        self.fail(loaded.src, (*here, "signatory"), "expected a signatory only with status "
                                  f"'signed' but received status {m.status!r}")
            for j, r in enumerate(p.representatives):
                if r.start_date and r.end_date and r.end_date.last_day() < r.start_date.first_day():
                    self.fail(loaded.src, ("partners", i, "representatives", j, "end_date"),
                              f"expected a date on or after start_date {r.start_date} but received {r.end_date}")

    def agreements(self) -> None:
        loaded = self.data[AGREEMENTS]
        for i, a in enumerate(loaded.items):
            assert loaded.src is not None
            if a.page not in self.pages:
                self.fail(loaded.src, ("agreements", i, "page"),
                          f"expected an existing file content/{a.page} but received {a.page!r}")

    def meetings(self, partners: Ids | None, themes: Ids | None) -> None:
        loaded = self.data[MEETINGS]
        agreement_pages = {a.page for a in self.data[AGREEMENTS].items}
        reported: dict[str, str] = {}
        for i, m in enumerate(loaded.items):
            src = loaded.src
            assert src is not None
            here = ("meetings", i)
            for key, ids in (("themes", themes), ("invited", partners), ("attended", partners)):
                for j, ref in enumerate(getattr(m, key)):
                    self.ref(ref, ids, (*here, key, j), src)
            if m.end is not None and m.start.time is not None and m.end <= m.start.time:
                self.fail(src, (*here, "end"),
                          f"expected a time after the start {m.start.time:%H:%M} but received '{m.end:%H:%M}'")
            if m.end is not None and m.start.time is None:
                self.fail(src, (*here, "end"),
                          f"expected an end time only when start has a time but received '{m.end:%H:%M}'")
            if m.report is not None:
                self.report_path(m, src, (*here, "report"), agreement_pages, reported)

    def report_path(self, m: Meeting, src: Source, path: tuple[Any, ...], agreement_pages: set[str],
                    reported: dict[str, str]) -> None:
        report = m.report
        assert report is not None
        if report not in self.pages:
            return self.fail(src, path, f"expected an existing file content/{report} but received {report!r}")
        if report == "index.md" or report in agreement_pages or report.startswith(routes.NEWS_DIR):
            return self.fail(src, path, f"expected a report file of its own but received {report!r}, which is "
                             "a page of the site")
        if report in reported:
            return self.fail(src, path, f"expected a report file of its own but received {report!r}, which is "
                             f"already the report of {reported[report]!r}")
        reported[report] = m.id
        self.reports |= {report, routes.EN + report}
        for uri in (report, routes.EN + report):
            page = self.pages.get(uri)
            if page is None or not page.meta_ok:
                continue
            if page.meta.meeting not in (None, m.id):
                self.fail(self.sources[uri], ("meeting",), f"expected {m.id!r} (the meeting that lists this "
                          f"report) but received {page.meta.meeting!r}")
            self.report_meta(m, page, self.sources[uri])

    def report_meta(self, meeting: Meeting, page: ContentPage, src: Source) -> None:
        """A report's front matter: publication date, and (Danish only) the minutes' status."""
        meta = page.meta
        if meta.date is None:
            self.fail(src, ("date",), "expected the date the report was published (YYYY-MM-DD) but received nothing")
        self.day(meta.date, "date", src)
        self.day(meta.updated, "updated", src)
        if meta.date and meta.updated and meta.updated < meta.date:
            self.fail(src, ("updated",), f"expected a date on or after date {meta.date} but received {meta.updated}")
        if page.lang == "en":
            for key in ("minutes", "approved_at"):
                if getattr(meta, key) is not None:
                    self.fail(src, (key,), f"expected {key} only in the Danish report "
                              f"content/{routes.danish_uri(page.src_uri)} but received it here")
            return
        if meta.minutes == "approved" and meta.approved_at is None:
            self.fail(src, ("approved_at",), "expected the id of the meeting that approved the minutes "
                      "but received nothing")
        if meta.approved_at is None:
            return
        if meta.minutes != "approved":
            self.fail(src, ("approved_at",), "expected approved_at only with minutes: approved "
                      f"but received minutes: {meta.minutes!r}")
        approver = next((m for m in self.data[MEETINGS].items if m.id == meta.approved_at), None)
        if approver is None:
            self.ref(meta.approved_at, self.ids(MEETINGS, "meetings"), ("approved_at",), src)
        elif meeting_key(approver) <= meeting_key(meeting):
            when = "first" if approver is not meeting else "at the same time"
            self.fail(src, ("approved_at",), f"expected a meeting after {meeting.id!r} but received "
                      f"{approver.id!r}, which came {when}")
        elif approver.state != "held":
            self.fail(src, ("approved_at",), f"expected a meeting that was held but received {approver.id!r}, "
                      f"which is {approver.state}")

    def decisions(self, partners: Ids | None, meetings: Ids | None) -> None:
        loaded = self.data[DECISIONS]
        by_id = {m.id: m for m in self.data[MEETINGS].items}
        for i, d in enumerate(loaded.items):
            src = loaded.src
            assert src is not None
            here = ("decisions", i)
            self.ref(d.meeting, meetings, (*here, "meeting"), src)
            if d.reported_at is not None:
                self.ref(d.reported_at, meetings, (*here, "reported_at"), src)
            for j, owner in enumerate(d.owners):
                self.ref(owner, partners, (*here, "owners", j), src)
            taken, reported = by_id.get(d.meeting), by_id.get(d.reported_at or "")
            if taken and reported and meeting_key(reported) < meeting_key(taken):
                self.fail(src, (*here, "reported_at"), f"expected a meeting on or after {taken.id!r}, where the "
                          f"decision was taken, but received {reported.id!r}")

    def content(self, meetings: Ids | None) -> None:
        for uri, page in self.pages.items():
            src = self.sources[uri]
            if routes.is_generated(uri):
                self.errors.append(DataError(src.file, 1, "", "expected no file here: the site generates "
                                             f"this page itself, so content/{uri} would be lost; move it"))
            if page.lang == "en" and routes.counterpart_uri(uri) not in self.pages:
                self.errors.append(DataError(src.file, 1, "", f"expected a Danish page content/"
                                             f"{routes.counterpart_uri(uri)} beside this English one but there is none"))
            if page.meta_ok and uri not in self.reports:
                self.page_meta(page, src, meetings)

    def page_meta(self, page: ContentPage, src: Source, meetings: Ids | None) -> None:
        """Front matter of a page that is not a report (checked in :meth:`report_meta`)."""
        if meetings is not None:  # only then is it known which pages are reports
            for key in ("minutes", "approved_at"):
                if getattr(page.meta, key) is not None:
                    self.fail(src, (key,), f"expected {key} only on a meeting's report but received it on "
                              "a page that no meeting lists as its report")
        if page.meta.meeting is not None:
            self.ref(page.meta.meeting, meetings, ("meeting",), src)
        if routes.danish_uri(page.src_uri).startswith(routes.NEWS_DIR):
            self.news(page, src)

    def news(self, page: ContentPage, src: Source) -> None:
        for key in ("title", "date"):
            if getattr(page.meta, key) is None:
                self.fail(src, (key,), f"expected a {key} for a news article but received nothing")
        self.day(page.meta.date, "date", src)
        self.day(page.meta.updated, "updated", src)
        if page.meta.date and page.meta.updated and page.meta.updated < page.meta.date:
            self.fail(src, ("updated",), f"expected a date on or after date {page.meta.date} "
                      f"but received {page.meta.updated}")
