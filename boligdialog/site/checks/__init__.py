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

The checks, one job each: :mod:`~boligdialog.site.checks.base` (what they share),
:mod:`~boligdialog.site.checks.data`, :mod:`~boligdialog.site.checks.content`,
:mod:`~boligdialog.site.checks.links` (links, images and requests to other hosts in the
editors' Markdown), :mod:`~boligdialog.site.checks.markup` (no script in the editors' Markdown), :mod:`~boligdialog.site.checks.outputs` and
:mod:`~boligdialog.site.checks.reminders` (notices only).
"""

from __future__ import annotations

from boligdialog.model.errors import DataError
from boligdialog.model.records import AGREEMENTS, DATA_FILES, MEETINGS, PARTNERS, THEMES
from boligdialog.model.translate import tr
from boligdialog.site.checks.base import RESERVED_IDS, Ids, Loaded
from boligdialog.site.checks.content import ContentChecks
from boligdialog.site.checks.data import DataChecks
from boligdialog.site.checks.links import LinkChecks
from boligdialog.site.checks.markup import MarkupChecks
from boligdialog.site.checks.outputs import OutputChecks
from boligdialog.site.checks.reminders import ReminderChecks

__all__ = ["RESERVED_IDS", "Checker", "Ids", "Loaded"]


class Checker(DataChecks, ContentChecks, LinkChecks, MarkupChecks, OutputChecks, ReminderChecks):
    """Every check between files; :meth:`run` runs them all."""

    def run(self) -> list[DataError]:
        for file in DATA_FILES:
            self.unique(file)
        what = {PARTNERS: tr("partners"), MEETINGS: tr("meetings"), THEMES: tr("themes"),
                AGREEMENTS: tr("agreement versions")}
        self.known = {file.key: self.ids(file, what.get(file, file.key)) for file in DATA_FILES}
        for file in DATA_FILES:
            loaded = self.data[file]
            for i, item in enumerate(loaded.items):
                assert loaded.src is not None
                self.references(item, (file.key, i), loaded.src, loaded.refs[i] if loaded.refs is not None else None)
        self.partners()
        self.agreements()
        self.meetings()
        self.decisions()
        self.content()
        self.links()
        self.markup()
        self.outputs()
        self.unknown_references()
        self.reminders()
        return self.errors
