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

import datetime as dt
from dataclasses import dataclass
from typing import Any

from boligdialog.model.errors import DataError
from boligdialog.model.records import AGREEMENTS, DATA_FILES, MEETINGS, PARTNERS, THEMES, DataFile
from boligdialog.model.translate import language, tr
from boligdialog.model.yamlsource import Source
from boligdialog.site import i18n, routes
from boligdialog.site.checks.base import RESERVED_IDS, Ids, Loaded
from boligdialog.site.checks.content import ContentChecks
from boligdialog.site.checks.data import DataChecks
from boligdialog.site.checks.links import LinkChecks
from boligdialog.site.checks.markup import MarkupChecks
from boligdialog.site.checks.outputs import OutputChecks
from boligdialog.site.checks.reminders import ReminderChecks
from boligdialog.site.sitedata import ContentPage

__all__ = ["RESERVED_IDS", "Checker", "Ids", "Loaded", "check", "forget"]


class Checker(DataChecks, ContentChecks, LinkChecks, MarkupChecks, OutputChecks, ReminderChecks):
    """Every check between files (:func:`check` runs them): those of the structure, which read
    each page's :class:`~boligdialog.site.sitedata.PageFacts` only (:attr:`pages`), then those of
    the bodies (:attr:`bodies`)."""

    def check_structure(self) -> None:
        """The data files, the ids and references between them and from the pages' front matter,
        the pages' front matter, where files are published, and the notices."""
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
        self.outputs()
        self.unknown_references()
        self.reminders()

    def check_bodies(self) -> None:
        """The links, images and markup in the pages' bodies (after :meth:`check_structure`: they
        look up its ids)."""
        self.links()
        self.markup()


@dataclass(frozen=True)
class _Structure:
    """What :meth:`Checker.check_structure` found, kept for the next :func:`check`."""

    inputs: tuple[Any, ...]
    errors: tuple[DataError, ...]
    reports: dict[str, str]
    notices: tuple[str, ...]
    known: dict[str, Ids | None]


_last: list[_Structure] = []
"""The last result of the checks of structure in this process (one at most)."""


def check(data: dict[DataFile[Any], Loaded[Any]], pages: dict[str, ContentPage], sources: dict[str, Source],
          files: list[str], today: dt.date) -> Checker:
    """Every check, done by the returned checker (its :attr:`~Checker.errors`).

    ``mkdocs serve`` loads and checks everything again after every edit, and most edits change
    a page's body only. So the checks of structure run again only if something they read
    differs from the last call: the data files' readings, each page's facts (its front matter
    and headings), the sources, the files under ``content/``, the build date, the language of
    the messages and the site's words and forum; else their findings are the last ones. The
    checks of the bodies always run (they are cached by body text themselves). The readings
    and facts of unchanged files are the same objects from call to call
    (:mod:`boligdialog.site.load`), so comparing them is quick."""
    facts = {uri: page.facts for uri, page in pages.items()}
    inputs = (data, facts, sources, tuple(files), today, language(), routes.forum_slug(), i18n.in_force())
    checker = Checker(data, facts, sources, files=files, today=today, bodies=pages)
    last = _last[0] if _last else None
    if last is not None and last.inputs == inputs:
        checker.errors, checker.reports = list(last.errors), dict(last.reports)
        checker.notices, checker.known = list(last.notices), last.known
    else:
        checker.check_structure()
        _last[:] = [_Structure(inputs, tuple(checker.errors), dict(checker.reports), tuple(checker.notices),
                               checker.known)]
    checker.check_bodies()
    return checker


def forget() -> None:
    """Drop the findings kept for the next :func:`check`."""
    _last.clear()
