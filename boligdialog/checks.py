"""Checks between files: unique ids, references, reports, outputs, and the build date.

Each check appends :class:`~boligdialog.errors.DataError` values and never stops
early. A data file that did not load is skipped, and so are the references into it
(its ids are unknown); every other check still runs, so an editor sees all
mistakes at once.

Nothing may be recorded as done before the build date (``today``): a meeting held,
attended or reported on before its day, a decision taken or reported at a meeting
not yet held, a publication dated ahead. A planned meeting whose day has passed is
not an error (the site says its report is to follow) but a :attr:`Checker.notices`
line that asks the editor to record what happened.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
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
    files: list[str]
    """Every file under ``content/`` (Markdown and others), by its path there."""
    today: dt.date
    """The build date."""
    errors: list[DataError] = field(default_factory=list)
    reports: dict[str, str] = field(default_factory=dict)
    """Meeting id -> path of its Danish report under ``content/``."""
    notices: list[str] = field(default_factory=list)
    """Things to tell the editor that do not stop the build."""

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

    def not_ahead(self, value: PartialDate | None, path: tuple[Any, ...], src: Source, what: str) -> None:
        """``value`` must not lie after the build date: ``what`` cannot have happened yet."""
        if value is not None and value.first_day() > self.today:
            self.fail(src, path, f"expected {what} on or before the build date {self.today} "
                      f"but received {value}, which has not come yet")

    @cached_property
    def _meetings(self) -> dict[str, Meeting]:
        return {m.id: m for m in self.data[MEETINGS].items}

    def meeting(self, mid: str | None) -> Meeting | None:
        return self._meetings.get(mid) if mid else None

    def held(self, mid: str | None, path: tuple[Any, ...], src: Source, what: str) -> None:
        """The meeting ``mid`` (if known) must have been held, for ``what`` to be true."""
        m = self.meeting(mid)
        if m is not None and m.state != "held":
            self.fail(src, path, f"expected a meeting that has been held ({what}) but received {m.id!r}, "
                      f"which is {m.state}")

    # --- the checks -----------------------------------------------------------------------

    def run(self) -> list[DataError]:
        for file in DATA_FILES:
            self.unique(file)
        partners = self.ids(PARTNERS, "partners")
        meetings = self.ids(MEETINGS, "meetings")
        themes = self.ids(THEMES, "themes")
        self.partners(self.ids(AGREEMENTS, "agreement versions"))
        self.agreements(partners)
        self.meetings(partners, themes)
        self.decisions(partners, meetings)
        self.content(meetings)
        self.outputs(partners, meetings, themes)
        return self.errors

    def partners(self, agreements: Ids | None) -> None:
        loaded = self.data[PARTNERS]
        versions = {a.id: a for a in self.data[AGREEMENTS].items}
        for i, p in enumerate(loaded.items):
            assert loaded.src is not None
            names = Ids(f"representatives of {p.id}", [r.name for r in p.representatives])
            for j, m in enumerate(p.memberships):
                here = ("partners", i, "memberships", j)
                self.ref(m.agreement, agreements, (*here, "agreement"), loaded.src)
                version = versions.get(m.agreement)
                if m.status == "signed" and version is not None and version.adopted is None:
                    self.fail(loaded.src, (*here, "agreement"), f"expected a version that has been adopted "
                              f"(signed) but received {m.agreement!r}, which is a draft")
                if m.signatory is not None:
                    self.ref(m.signatory, names, (*here, "signatory"), loaded.src)
                    if m.status != "signed":
                        self.fail(loaded.src, (*here, "signatory"), "expected a signatory only with status "
                                  f"'signed' but received status {m.status!r}")
            if p.status_on(self.today) is None:
                first = p.history[0]
                self.fail(loaded.src, ("partners", i, "memberships"), "expected at least one membership dated "
                          f"on or before the build date {self.today} (until then the partner has no status) "
                          f"but received the first on {first.date}")
            for j, r in enumerate(p.representatives):
                if r.start_date and r.end_date and r.end_date.last_day() < r.start_date.first_day():
                    self.fail(loaded.src, ("partners", i, "representatives", j, "end_date"),
                              f"expected a date on or after start_date {r.start_date} but received {r.end_date}")

    def agreements(self, partners: Ids | None) -> None:
        """Versions of the agreement: their text, their dates in order, at most one taking
        effect on a day, and consultations that open before they close and hear only the
        organisations they invited."""
        loaded = self.data[AGREEMENTS]
        src = loaded.src
        starts: dict[dt.date, str] = {}
        for i, a in enumerate(loaded.items):
            assert src is not None
            here = ("agreements", i)
            if a.text not in self.pages:
                self.fail(src, (*here, "text"), f"expected an existing file content/{a.text} but received {a.text!r}")
            self.not_ahead(a.adopted, (*here, "adopted"), src, "the day it was adopted")
            if a.in_force is not None and a.adopted is None:
                self.fail(src, (*here, "in_force"), "expected in_force only on a version that has been adopted "
                          "(adopted: …) but received it on a draft")
            elif a.in_force is not None and a.adopted is not None and a.in_force.last_day() < a.adopted.first_day():
                self.fail(src, (*here, "in_force"), f"expected a date on or after adopted {a.adopted} "
                          f"but received {a.in_force}")
            if a.effective is not None:
                day = a.effective.first_day()
                if day in starts:
                    self.fail(src, (*here, "in_force" if a.in_force else "adopted"), "expected one version to "
                              f"take effect on a day but received {a.effective} again, the day {starts[day]!r} "
                              "takes effect: two versions would be in force at once")
                starts.setdefault(day, a.id)
            self.consultation(a, here, src, partners)

    def consultation(self, a: Any, here: tuple[Any, ...], src: Source, partners: Ids | None) -> None:
        c = a.consultation
        if c is None:
            for key in ("consulted", "responses"):
                if getattr(a, key):
                    self.fail(src, (*here, key), f"expected {key} only with a consultation (consultation: opens, "
                              "closes) but received it without one")
            return
        if c.closes.last_day() < c.opens.first_day():
            self.fail(src, (*here, "consultation", "closes"), f"expected a date on or after opens {c.opens} "
                      f"but received {c.closes}")
        if c.email is None and c.address is None:
            self.fail(src, (*here, "consultation"), "expected how to respond (email: or address:) "
                      "but received neither")
        if not a.consulted:
            self.fail(src, (*here, "consulted"), "expected the organisations invited to respond "
                      "(partner ids) but received none")
        for j, pid in enumerate(a.consulted):
            self.ref(pid, partners, (*here, "consulted", j), src)
        known = set(self.files)
        for j, r in enumerate(a.responses):
            at = (*here, "responses", j)
            if partners is not None and r.partner in partners.known and r.partner not in a.consulted:
                self.fail(src, (*at, "partner"), f"expected one of {a.consulted} (the organisations invited to "
                          f"respond) but received {r.partner!r}")
            else:
                self.ref(r.partner, partners, (*at, "partner"), src)
            self.not_ahead(r.date, (*at, "date"), src, "the day it was received")
            if r.date.last_day() < c.opens.first_day():
                self.fail(src, (*at, "date"), f"expected a date on or after the consultation opened ({c.opens}) "
                          f"but received {r.date}")
            if r.file is not None and r.file not in known:
                self.fail(src, (*at, "file"), f"expected an existing file under content/ but received {r.file!r}")

    def meetings(self, partners: Ids | None, themes: Ids | None) -> None:
        loaded = self.data[MEETINGS]
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
            self.meeting_on_the_day(m, src, here)

    def meeting_on_the_day(self, m: Meeting, src: Source, here: tuple[Any, ...]) -> None:
        """What a meeting's record says has happened must have happened by the build date."""
        first_day = m.start.date.first_day()
        if m.state == "held" and first_day > self.today:
            self.fail(src, (*here, "state"), f"expected 'planned' until the meeting has taken place (its day "
                      f"{m.start.date} is after the build date {self.today}) but received 'held'")
        if m.state != "held":
            outcomes = [(key,) for key in ("attended", "participants") if getattr(m, key)]
            outcomes += [("agenda", j, "result") for j, item in enumerate(m.agenda) if item.result]
            for path in outcomes:
                self.fail(src, (*here, *path), f"expected no {path[-1]} before the meeting is held "
                          f"but received it on a meeting that is {m.state}")
        if m.state == "planned" and m.start.date.last_day() < self.today:
            where = src.error((*here, "state"), "")
            self.notices.append(f"{where.file}:{where.line}: {where.path}: the meeting's day {m.start.date} has "
                                "passed but it is still 'planned': set state to 'held' (and add who attended and "
                                "the report) or 'cancelled'. Until then its page says the report is to follow.")

    def decisions(self, partners: Ids | None, meetings: Ids | None) -> None:
        loaded = self.data[DECISIONS]
        for i, d in enumerate(loaded.items):
            src = loaded.src
            assert src is not None
            here = ("decisions", i)
            self.ref(d.meeting, meetings, (*here, "meeting"), src)
            self.held(d.meeting, (*here, "meeting"), src, "a decision is taken at a meeting")
            if d.reported_at is not None:
                self.ref(d.reported_at, meetings, (*here, "reported_at"), src)
                self.held(d.reported_at, (*here, "reported_at"), src, "a status is reported at a meeting")
            for j, owner in enumerate(d.owners):
                self.ref(owner, partners, (*here, "owners", j), src)
            taken, reported = self.meeting(d.meeting), self.meeting(d.reported_at)
            if taken and reported and meeting_key(reported) < meeting_key(taken):
                self.fail(src, (*here, "reported_at"), f"expected a meeting on or after {taken.id!r}, where the "
                          f"decision was taken, but received {reported.id!r}")

    # --- content ----------------------------------------------------------------------------

    def content(self, meetings: Ids | None) -> None:
        for uri, page in self.pages.items():
            src = self.sources[uri]
            if page.lang == "en" and routes.counterpart_uri(uri) not in self.pages:
                self.errors.append(DataError(src.file, 1, "", f"expected a Danish page content/"
                                             f"{routes.counterpart_uri(uri)} beside this English one but there is none"))
            if not page.meta_ok:
                continue
            if routes.danish_uri(uri).startswith(routes.REPORTS_DIR):
                self.report(page, src, meetings)
            else:
                self.page_meta(page, src)
            self.publication(page, src)

    def report(self, page: ContentPage, src: Source, meetings: Ids | None) -> None:
        """A report: tied to its meeting by ``meeting:`` in the Danish file (the English one may
        repeat it); only after the meeting was held; minutes status in the Danish file only."""
        meta = page.meta
        if page.lang == "en":
            danish = self.pages.get(routes.danish_uri(page.src_uri))
            if meta.meeting is not None and danish is not None and danish.meta_ok and danish.meta.meeting is not None \
                    and meta.meeting != danish.meta.meeting:
                self.fail(src, ("meeting",), f"expected {danish.meta.meeting!r}, as in the Danish report "
                          f"content/{danish.src_uri}, but received {meta.meeting!r}")
            for key in ("minutes", "approved_at"):
                if getattr(meta, key) is not None:
                    self.fail(src, (key,), f"expected {key} only in the Danish report "
                              f"content/{routes.danish_uri(page.src_uri)} but received it here")
            return
        if meta.meeting is None:
            return self.fail(src, ("meeting",), "expected the id of the meeting this report is from "
                             "(meeting: …) but received nothing")
        self.ref(meta.meeting, meetings, ("meeting",), src)
        self.held(meta.meeting, ("meeting",), src, "a report follows the meeting")
        if meta.meeting in self.reports:
            self.fail(src, ("meeting",), f"expected a meeting with no other report but received "
                      f"{meta.meeting!r}, whose report is already content/{self.reports[meta.meeting]}")
        else:
            self.reports[meta.meeting] = page.src_uri
        if meta.date is None:
            self.fail(src, ("date",), "expected the date the report was published (YYYY-MM-DD) but received nothing")
        self.minutes(page, src)

    def minutes(self, page: ContentPage, src: Source) -> None:
        """The minutes' status, in the Danish report: approved at a later meeting that was held."""
        meta = page.meta
        if meta.minutes == "approved" and meta.approved_at is None:
            self.fail(src, ("approved_at",), "expected the id of the meeting that approved the minutes "
                      "but received nothing")
        if meta.approved_at is None:
            return
        if meta.minutes != "approved":
            self.fail(src, ("approved_at",), "expected approved_at only with minutes: approved "
                      f"but received minutes: {meta.minutes!r}")
        meeting, approver = self.meeting(meta.meeting), self.meeting(meta.approved_at)
        if approver is None:
            self.ref(meta.approved_at, self.ids(MEETINGS, "meetings"), ("approved_at",), src)
        elif meeting is not None and meeting_key(approver) <= meeting_key(meeting):
            when = "first" if approver is not meeting else "at the same time"
            self.fail(src, ("approved_at",), f"expected a meeting after {meeting.id!r} but received "
                      f"{approver.id!r}, which came {when}")
        else:
            self.held(approver.id, ("approved_at",), src, "minutes are approved at a meeting")

    def page_meta(self, page: ContentPage, src: Source) -> None:
        """Front matter of a page that is not a report."""
        for key in ("meeting", "minutes", "approved_at"):
            if getattr(page.meta, key) is not None:
                self.fail(src, (key,), f"expected {key} only on a meeting's report in "
                          f"content/{routes.REPORTS_DIR} but received it on another page")
        if routes.danish_uri(page.src_uri).startswith(routes.NEWS_DIR):
            for key in ("title", "date"):
                if getattr(page.meta, key) is None:
                    self.fail(src, (key,), f"expected a {key} for a news article but received nothing")

    def publication(self, page: ContentPage, src: Source) -> None:
        """``date`` and ``updated``: whole days, in order, not after the build date."""
        meta = page.meta
        self.day(meta.date, "date", src)
        self.day(meta.updated, "updated", src)
        if meta.date and meta.updated and meta.updated < meta.date:
            self.fail(src, ("updated",), f"expected a date on or after date {meta.date} but received {meta.updated}")
        self.not_ahead(meta.date, ("date",), src, "the day it is published")
        self.not_ahead(meta.updated, ("updated",), src, "the day it was updated")

    # --- outputs ----------------------------------------------------------------------------

    def outputs(self, partners: Ids | None, meetings: Ids | None, themes: Ids | None) -> None:
        """No two files may end up at the same place in the built site: an editor's file would
        replace a generated one (or another editor's file), or be replaced by it, unseen."""
        generated = routes.generated_outputs(partners=partners.order if partners else [],
                                             meetings=meetings.order if meetings else [],
                                             themes=themes.order if themes else [],
                                             agreements=[a.text for a in self.data[AGREEMENTS].items])
        reports = {uri for uri in self.pages if routes.danish_uri(uri).startswith(routes.REPORTS_DIR)}
        taken: dict[str, str] = {}
        for uri in self.files:
            if uri in reports or any(part.startswith(".") for part in uri.split("/")):
                continue  # reports are shown on their meeting's page; MkDocs skips hidden files
            out = routes.output_path(uri)
            what = generated.get(out) or routes.generated_folder(out)
            if what is not None:
                self.errors.append(DataError(f"content/{uri}", 1, "", f"expected a file of its own but received "
                                             f"one that would be published as {out}, which is {what}; rename "
                                             "or move it"))
            elif out in taken:
                self.errors.append(DataError(f"content/{uri}", 1, "", f"expected a file of its own but received "
                                             f"one that would be published as {out}, like content/{taken[out]}; "
                                             "keep one of them"))
            taken.setdefault(out, uri)
