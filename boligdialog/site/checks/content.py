"""Checks of the editors' pages in ``content/``: reports tied to a meeting that was held, the
minutes' status, front matter that belongs on other pages, versions' texts, publication dates."""

from __future__ import annotations

from boligdialog.model.errors import DataError
from boligdialog.model.records import AGREEMENTS
from boligdialog.model.translate import tr
from boligdialog.model.yamlsource import Source
from boligdialog.site import routes
from boligdialog.site.checks.base import Base
from boligdialog.site.schedule import meeting_key
from boligdialog.site.sitedata import PageFacts


class ContentChecks(Base):
    """The checks of ``content/``."""

    def content(self) -> None:
        for uri, page in self.pages.items():
            src = self.sources[uri]
            if page.lang == "en" and routes.counterpart_uri(uri) not in self.pages:
                self.errors.append(DataError(src.file, 1, "", tr("expected a Danish page content/{path} beside this "
                                                                 "English one but there is none",
                                                                 path=routes.counterpart_uri(uri))))
            if not page.meta_ok:
                continue
            if routes.danish_uri(uri).startswith(routes.REPORTS_DIR):
                self.report(page, src)
            else:
                self.page_meta(page, src)
                self.version_text(page, src)
            self.publication(page, src)

    def report(self, page: PageFacts, src: Source) -> None:
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
        self.references(meta, (), src)
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

    def minutes(self, page: PageFacts, src: Source) -> None:
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
            return  # not a meeting: the reference check says so
        if meeting is not None and meeting_key(approver) <= meeting_key(meeting):
            when = tr("first") if approver is not meeting else tr("at the same time")
            self.fail(src, ("approved_at",), tr("expected a meeting after {meeting} but received {approver}, "
                                                "which came {when}", meeting=repr(meeting.id),
                                                approver=repr(approver.id), when=when))
        else:
            self.held(approver.id, ("approved_at",), src, tr("minutes are approved at a meeting"))

    def page_meta(self, page: PageFacts, src: Source) -> None:
        """Front matter of a page that is not a report."""
        for key in ("meeting", "minutes", "approved_at"):
            if getattr(page.meta, key) is not None:
                self.fail(src, (key,), tr("expected {key} only on a meeting's report in content/{folder} but "
                                          "received it on another page", key=key, folder=routes.REPORTS_DIR))
        if routes.danish_uri(page.src_uri).startswith(routes.NEWS_DIR):
            for key in ("title", "date"):
                if getattr(page.meta, key) is None:
                    self.fail(src, (key,), tr("expected a {key} for a news article but received nothing", key=key))

    def version_text(self, page: PageFacts, src: Source) -> None:
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

    def publication(self, page: PageFacts, src: Source) -> None:
        """``date`` and ``updated``: whole days, in order, not after the build date."""
        meta = page.meta
        self.day(meta.date, "date", src)
        self.day(meta.updated, "updated", src)
        if meta.date and meta.updated and meta.updated < meta.date:
            self.fail(src, ("updated",), tr("expected a date on or after date {date} but received {updated}",
                                            date=meta.date, updated=meta.updated))
        self.not_ahead(meta.date, ("date",), src, tr("the day it is published"))
        self.not_ahead(meta.updated, ("updated",), src, tr("the day it was updated"))
