"""Checks between files: unique ids, references, reports, outputs, and the build date.

Each check appends :class:`~boligdialog.model.errors.DataError` values and never stops
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

from boligdialog.pages import registry
from boligdialog.site import routes
from boligdialog.model.errors import DataError
from boligdialog.model.records import AGREEMENTS, DATA_FILES, DECISIONS, MEETINGS, PARTNERS, THEMES, DataFile, Meeting
from boligdialog.site.schedule import archive, meeting_key
from boligdialog.model.translate import one_of, suggest, tr
from boligdialog.site.sitedata import ContentPage
from boligdialog.model.values import PartialDate
from boligdialog.model.yamlsource import Source

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
        shown = self.order if len(self.order) <= 12 else [*self.order[:12], tr("… {n} in all", n=len(self.order))]
        return f"{one_of(shown)} ({self.what})"


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
            self.errors.append(src.error(path, tr("expected one of {allowed} but received {value}",
                                                  allowed=ids.describe(), value=repr(value)),
                                         hint=suggest(value, ids.order)))

    def fail(self, src: Source, path: tuple[Any, ...], message: str) -> None:
        self.errors.append(src.error(path, message))

    def unique(self, file: DataFile[Any]) -> None:
        loaded, key = self.data[file], file.key
        if loaded.src is None:
            return
        first: dict[str, int] = {}
        for i, item in enumerate(loaded.items):
            if item.id in RESERVED_IDS:
                self.fail(loaded.src, (key, i, "id"), tr("expected an id other than {id}, which the site uses "
                                                         "itself, but received it", id=repr(item.id)))
            if item.id in first:
                line = loaded.src.line((key, first[item.id], "id"))
                self.fail(loaded.src, (key, i, "id"), tr("expected a unique id but received {id} again (first "
                                                         "used at line {line})", id=repr(item.id), line=line))
            first.setdefault(item.id, i)

    def day(self, value: PartialDate | None, key: str, src: Source) -> None:
        if value is not None and value.precision != "day":
            self.fail(src, (key,), tr("expected a full date (YYYY-MM-DD) but received {value}", value=repr(str(value))))

    def not_ahead(self, value: PartialDate | None, path: tuple[Any, ...], src: Source, what: str) -> None:
        """``value`` must not lie after the build date: ``what`` cannot have happened yet."""
        if value is not None and value.first_day() > self.today:
            self.fail(src, path, tr("expected {what} on or before the build date {today} but received {value}, "
                                    "which has not come yet", what=what, today=self.today, value=value))

    @cached_property
    def _meetings(self) -> dict[str, Meeting]:
        return {m.id: m for m in self.data[MEETINGS].items}

    def meeting(self, mid: str | None) -> Meeting | None:
        return self._meetings.get(mid) if mid else None

    def held(self, mid: str | None, path: tuple[Any, ...], src: Source, what: str) -> None:
        """The meeting ``mid`` (if known) must have been held, for ``what`` to be true."""
        m = self.meeting(mid)
        if m is not None and m.state != "held":
            self.fail(src, path, tr("expected a meeting that has been held ({what}) but received {id}, which is "
                                    "{state}", what=what, id=repr(m.id), state=m.state))

    # --- the checks -----------------------------------------------------------------------

    def run(self) -> list[DataError]:
        for file in DATA_FILES:
            self.unique(file)
        partners = self.ids(PARTNERS, tr("partners"))
        meetings = self.ids(MEETINGS, tr("meetings"))
        themes = self.ids(THEMES, tr("themes"))
        self.partners(self.ids(AGREEMENTS, tr("agreement versions")))
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
            names = Ids(tr("representatives of {id}", id=p.id), [r.name for r in p.representatives])
            for j, m in enumerate(p.memberships):
                here = ("partners", i, "memberships", j)
                self.ref(m.agreement, agreements, (*here, "agreement"), loaded.src)
                version = versions.get(m.agreement)
                if m.status == "signed" and version is not None and version.adopted is None:
                    self.fail(loaded.src, (*here, "agreement"), tr("expected a version that has been adopted "
                              "(signed) but received {id}, which is a draft", id=repr(m.agreement)))
                if m.signatory is not None:
                    self.ref(m.signatory, names, (*here, "signatory"), loaded.src)
                    if m.status != "signed":
                        self.fail(loaded.src, (*here, "signatory"), tr("expected a signatory only with status "
                                  "'signed' but received status {status}", status=repr(m.status)))
            if p.status_on(self.today) is None:
                first = p.history[0]
                self.fail(loaded.src, ("partners", i, "memberships"), tr(
                    "expected at least one membership dated on or before the build date {today} (until then the "
                    "partner has no status) but received the first on {date}", today=self.today, date=first.date))
            for j, r in enumerate(p.representatives):
                if r.start_date and r.end_date and r.end_date.last_day() < r.start_date.first_day():
                    self.fail(loaded.src, ("partners", i, "representatives", j, "end_date"),
                              tr("expected a date on or after start_date {start} but received {end}",
                                 start=r.start_date, end=r.end_date))

    def agreements(self, partners: Ids | None) -> None:
        """Versions of the agreement: their text, their dates in order, at most one taking
        effect on a day, and consultations that open before they close and hear only the
        organisations they invited."""
        loaded = self.data[AGREEMENTS]
        src = loaded.src
        starts: dict[dt.date, str] = {}
        texts: dict[str, str] = {}
        latest: tuple[dt.date, str] | None = None
        for i, a in enumerate(loaded.items):
            assert src is not None
            here = ("agreements", i)
            if a.text not in self.pages:
                self.fail(src, (*here, "text"), tr("expected an existing file content/{path} but received {value}",
                                                   path=a.text, value=repr(a.text)))
            if a.text in texts:
                self.fail(src, (*here, "text"), tr("expected a text file of its own but received {value}, which "
                                                   "is already the text of {other}", value=repr(a.text),
                                                   other=repr(texts[a.text])))
            texts.setdefault(a.text, a.id)
            if a.effective is not None:  # oldest first: the previous version is the one compared with
                day = a.effective.first_day()
                if latest is not None and day < latest[0]:
                    self.fail(src, (*here, "in_force" if a.in_force else "adopted"), tr(
                        "expected the versions oldest first, so a day on or after {day} (when {other} takes "
                        "effect) but received {value}; move this version up", day=latest[0],
                        other=repr(latest[1]), value=a.effective))
                else:
                    latest = (day, a.id)
            self.not_ahead(a.adopted, (*here, "adopted"), src, tr("the day it was adopted"))
            if a.in_force is not None and a.adopted is None:
                self.fail(src, (*here, "in_force"), tr("expected in_force only on a version that has been adopted "
                                                       "(adopted: …) but received it on a draft"))
            elif a.in_force is not None and a.adopted is not None and a.in_force.last_day() < a.adopted.first_day():
                self.fail(src, (*here, "in_force"), tr("expected a date on or after adopted {adopted} but received "
                                                       "{value}", adopted=a.adopted, value=a.in_force))
            if a.effective is not None:
                day = a.effective.first_day()
                if day in starts:
                    self.fail(src, (*here, "in_force" if a.in_force else "adopted"), tr(
                        "expected one version to take effect on a day but received {value} again, the day {other} "
                        "takes effect: two versions would be in force at once", value=a.effective,
                        other=repr(starts[day])))
                starts.setdefault(day, a.id)
            self.consultation(a, here, src, partners)

    def consultation(self, a: Any, here: tuple[Any, ...], src: Source, partners: Ids | None) -> None:
        """A version's consultation: it opens before it closes, says how to respond, names who is
        invited, and hears only them, after it opened, with files that exist."""
        c = a.consultation
        if c is None:
            for key in ("consulted", "responses"):
                if getattr(a, key):
                    self.fail(src, (*here, key), tr("expected {key} only with a consultation (consultation: opens, "
                                                    "closes) but received it without one", key=key))
            return
        if c.closes.last_day() < c.opens.first_day():
            self.fail(src, (*here, "consultation", "closes"), tr("expected a date on or after opens {opens} but "
                                                                 "received {value}", opens=c.opens, value=c.closes))
        if c.email is None and c.address is None:
            self.fail(src, (*here, "consultation"), tr("expected how to respond (email: or address:) but received "
                                                       "neither"))
        if not a.consulted:
            self.fail(src, (*here, "consulted"), tr("expected the organisations invited to respond (partner ids) "
                                                    "but received none"))
        for j, pid in enumerate(a.consulted):
            self.ref(pid, partners, (*here, "consulted", j), src)
        known = set(self.files)
        for j, r in enumerate(a.responses):
            at = (*here, "responses", j)
            if partners is not None and r.partner in partners.known and r.partner not in a.consulted:
                self.fail(src, (*at, "partner"), tr("expected one of {allowed} (the organisations invited to "
                                                    "respond) but received {value}", allowed=one_of(a.consulted),
                                                    value=repr(r.partner)))
            else:
                self.ref(r.partner, partners, (*at, "partner"), src)
            self.not_ahead(r.date, (*at, "date"), src, tr("the day it was received"))
            if r.date.last_day() < c.opens.first_day():
                self.fail(src, (*at, "date"), tr("expected a date on or after the consultation opened ({opens}) "
                                                 "but received {value}", opens=c.opens, value=r.date))
            if r.file is not None and r.file not in known:
                self.fail(src, (*at, "file"), tr("expected an existing file under content/ but received {path}",
                                                 path=repr(r.file)))

    def meetings(self, partners: Ids | None, themes: Ids | None) -> None:
        loaded = self.data[MEETINGS]
        for i, m in enumerate(loaded.items):
            src = loaded.src
            assert src is not None
            here = ("meetings", i)
            if routes.is_year(m.id):
                self.fail(src, (*here, "id"), tr(
                    "expected an id that is not a year, as /{url} lists the meetings of year {id}, but received "
                    "{value}; name the meeting, like 'visionsforum-{id}-1'", id=m.id, value=repr(m.id),
                    url=routes.url_of(routes.meetings_year(int(m.id), "da"))))
            for key, ids in (("themes", themes), ("invited", partners), ("attended", partners)):
                for j, ref in enumerate(getattr(m, key)):
                    self.ref(ref, ids, (*here, key, j), src)
            if m.end is not None and m.start.time is not None and m.end <= m.start.time:
                self.fail(src, (*here, "end"),
                          tr("expected a time after the start {start} but received {end}",
                             start=f"{m.start.time:%H:%M}", end=f"'{m.end:%H:%M}'"))
            if m.end is not None and m.start.time is None:
                self.fail(src, (*here, "end"),
                          tr("expected an end time only when start has a time but received {end}",
                             end=f"'{m.end:%H:%M}'"))
            self.meeting_on_the_day(m, src, here)

    def meeting_on_the_day(self, m: Meeting, src: Source, here: tuple[Any, ...]) -> None:
        """What a meeting's record says has happened must have happened by the build date."""
        first_day = m.start.date.first_day()
        if m.state == "held" and first_day > self.today:
            self.fail(src, (*here, "state"), tr("expected 'planned' until the meeting has taken place (its day "
                                                "{day} is after the build date {today}) but received 'held'",
                                                day=m.start.date, today=self.today))
        if m.state != "held":
            outcomes = [(key,) for key in ("attended", "participants") if getattr(m, key)]
            outcomes += [("agenda", j, "result") for j, item in enumerate(m.agenda) if item.result]
            for path in outcomes:
                self.fail(src, (*here, *path), tr("expected no {key} before the meeting is held but received it "
                                                  "on a meeting that is {state}", key=path[-1], state=m.state))
        if m.state == "planned" and m.start.date.last_day() < self.today:
            self.notices.append(src.error((*here, "state"), tr(
                "the meeting's day {day} has passed but it is still 'planned': set state to 'held' (and add who "
                "attended and the report) or 'cancelled'. Until then its page says the report is to follow.",
                day=m.start.date)).render())

    def decisions(self, partners: Ids | None, meetings: Ids | None) -> None:
        loaded = self.data[DECISIONS]
        for i, d in enumerate(loaded.items):
            src = loaded.src
            assert src is not None
            here = ("decisions", i)
            self.ref(d.meeting, meetings, (*here, "meeting"), src)
            self.held(d.meeting, (*here, "meeting"), src, tr("a decision is taken at a meeting"))
            if d.reported_at is not None:
                self.ref(d.reported_at, meetings, (*here, "reported_at"), src)
                self.held(d.reported_at, (*here, "reported_at"), src, tr("a status is reported at a meeting"))
            for j, owner in enumerate(d.owners):
                self.ref(owner, partners, (*here, "owners", j), src)
            taken, reported = self.meeting(d.meeting), self.meeting(d.reported_at)
            if taken and reported and meeting_key(reported) < meeting_key(taken):
                self.fail(src, (*here, "reported_at"), tr("expected a meeting on or after {taken}, where the "
                                                          "decision was taken, but received {reported}",
                                                          taken=repr(taken.id), reported=repr(reported.id)))

    # --- content ----------------------------------------------------------------------------

    def content(self, meetings: Ids | None) -> None:
        for uri, page in self.pages.items():
            src = self.sources[uri]
            if page.lang == "en" and routes.counterpart_uri(uri) not in self.pages:
                self.errors.append(DataError(src.file, 1, "", tr("expected a Danish page content/{path} beside this "
                                                                 "English one but there is none",
                                                                 path=routes.counterpart_uri(uri))))
            if not page.meta_ok:
                continue
            if routes.danish_uri(uri).startswith(routes.REPORTS_DIR):
                self.report(page, src, meetings)
            else:
                self.page_meta(page, src)
                self.version_text(page, src)
            self.publication(page, src)

    def report(self, page: ContentPage, src: Source, meetings: Ids | None) -> None:
        """A report: tied to its meeting by ``meeting:`` in the Danish file (the English one may
        repeat it); only after the meeting was held; minutes status in the Danish file only."""
        meta = page.meta
        if page.lang == "en":
            danish = self.pages.get(routes.danish_uri(page.src_uri))
            if meta.meeting is not None and danish is not None and danish.meta_ok and danish.meta.meeting is not None \
                    and meta.meeting != danish.meta.meeting:
                self.fail(src, ("meeting",), tr("expected {expected}, as in the Danish report content/{path}, "
                                                "but received {value}", expected=repr(danish.meta.meeting),
                                                path=danish.src_uri, value=repr(meta.meeting)))
            for key in ("minutes", "approved_at"):
                if getattr(meta, key) is not None:
                    self.fail(src, (key,), tr("expected {key} only in the Danish report content/{path} but "
                                              "received it here", key=key, path=routes.danish_uri(page.src_uri)))
            return
        if meta.meeting is None:
            return self.fail(src, ("meeting",), tr("expected the id of the meeting this report is from "
                                                   "(meeting: …) but received nothing"))
        self.ref(meta.meeting, meetings, ("meeting",), src)
        self.held(meta.meeting, ("meeting",), src, tr("a report follows the meeting"))
        if meta.meeting in self.reports:
            self.fail(src, ("meeting",), tr("expected a meeting with no other report but received {id}, whose "
                                            "report is already content/{path}", id=repr(meta.meeting),
                                            path=self.reports[meta.meeting]))
        else:
            self.reports[meta.meeting] = page.src_uri
        if meta.date is None:
            self.fail(src, ("date",), tr("expected the date the report was published (YYYY-MM-DD) but received "
                                         "nothing"))
        self.minutes(page, src)

    def minutes(self, page: ContentPage, src: Source) -> None:
        """The minutes' status, in the Danish report: approved at a later meeting that was held."""
        meta = page.meta
        if meta.minutes == "approved" and meta.approved_at is None:
            self.fail(src, ("approved_at",), tr("expected the id of the meeting that approved the minutes "
                                                "but received nothing"))
        if meta.approved_at is None:
            return
        if meta.minutes != "approved":
            self.fail(src, ("approved_at",), tr("expected approved_at only with minutes: approved but received "
                                                "minutes: {minutes}", minutes=repr(meta.minutes)))
        meeting, approver = self.meeting(meta.meeting), self.meeting(meta.approved_at)
        if approver is None:
            self.ref(meta.approved_at, self.ids(MEETINGS, tr("meetings")), ("approved_at",), src)
        elif meeting is not None and meeting_key(approver) <= meeting_key(meeting):
            when = tr("first") if approver is not meeting else tr("at the same time")
            self.fail(src, ("approved_at",), tr("expected a meeting after {meeting} but received {approver}, "
                                                "which came {when}", meeting=repr(meeting.id),
                                                approver=repr(approver.id), when=when))
        else:
            self.held(approver.id, ("approved_at",), src, tr("minutes are approved at a meeting"))

    def page_meta(self, page: ContentPage, src: Source) -> None:
        """Front matter of a page that is not a report."""
        for key in ("meeting", "minutes", "approved_at"):
            if getattr(page.meta, key) is not None:
                self.fail(src, (key,), tr("expected {key} only on a meeting's report in content/{folder} but "
                                          "received it on another page", key=key, folder=routes.REPORTS_DIR))
        if routes.danish_uri(page.src_uri).startswith(routes.NEWS_DIR):
            for key in ("title", "date"):
                if getattr(page.meta, key) is None:
                    self.fail(src, (key,), tr("expected a {key} for a news article but received nothing", key=key))

    def version_text(self, page: ContentPage, src: Source) -> None:
        """A page in the agreement's folder is a version's text, named by a version: otherwise it
        would be published at a version's address with no version behind it."""
        loaded = self.data[AGREEMENTS]
        path = routes.danish_uri(page.src_uri)
        folder = routes.AGREEMENT.removesuffix("index.md")
        if loaded.src is None or not path.startswith(folder) or any(a.text == path for a in loaded.items):
            return
        self.fail(src, (), tr("expected the text of a version that data/agreements.yaml names (text: {path}) "
                              "but received a page no version names; add the version, or move the page",
                              path=path))

    def publication(self, page: ContentPage, src: Source) -> None:
        """``date`` and ``updated``: whole days, in order, not after the build date."""
        meta = page.meta
        self.day(meta.date, "date", src)
        self.day(meta.updated, "updated", src)
        if meta.date and meta.updated and meta.updated < meta.date:
            self.fail(src, ("updated",), tr("expected a date on or after date {date} but received {updated}",
                                            date=meta.date, updated=meta.updated))
        self.not_ahead(meta.date, ("date",), src, tr("the day it is published"))
        self.not_ahead(meta.updated, ("updated",), src, tr("the day it was updated"))

    # --- outputs ----------------------------------------------------------------------------

    def outputs(self, partners: Ids | None, meetings: Ids | None, themes: Ids | None) -> None:
        """No two files may end up at the same place in the built site: an editor's file would
        replace a generated one (or another editor's file), or be replaced by it, unseen."""
        generated = registry.generated_outputs(partners=partners.order if partners else [],
                                               meetings=meetings.order if meetings else [],
                                               themes=themes.order if themes else [],
                                               agreements=[a.text for a in self.data[AGREEMENTS].items],
                                               archive=archive(self.data[MEETINGS].items, self.data[DECISIONS].items))
        reports = {uri for uri in self.pages if routes.danish_uri(uri).startswith(routes.REPORTS_DIR)}
        taken: dict[str, str] = {}
        for uri in self.files:
            if uri in reports or any(part.startswith(".") for part in uri.split("/")):
                continue  # reports are shown on their meeting's page; MkDocs skips hidden files
            out = routes.output_path(uri)
            what = generated.get(out) or routes.generated_folder(out)
            if what is not None:
                self.errors.append(DataError(f"content/{uri}", 1, "", tr(
                    "expected a file of its own but received one that would be published as {out}, which is "
                    "{what}; rename or move it", out=out, what=what)))
            elif out in taken:
                self.errors.append(DataError(f"content/{uri}", 1, "", tr(
                    "expected a file of its own but received one that would be published as {out}, like "
                    "content/{other}; keep one of them", out=out, other=taken[out])))
            taken.setdefault(out, uri)
