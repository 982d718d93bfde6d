"""What the checks between files share: the loaded data, the ids of each kind of record, and
the helpers that report a mistake at its file and line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Generic, TypeVar

from boligdialog.model.errors import DataError
from boligdialog.model.choices import state_word
from boligdialog.model.fields import Reference, referenced_ids
from boligdialog.model.records import MEETINGS, DataFile, Meeting
from boligdialog.model.translate import one_of, suggest, tr
from boligdialog.model.values import PartialDate
from boligdialog.model.yamlsource import Source
from boligdialog.site.sitedata import ContentPage, PageFacts

RESERVED_IDS = frozenset({"index"})
"""Ids that would take the place of a section's index page."""


@dataclass
class Ids:
    """The ids of one kind of record, for lookups and for messages."""

    what: str
    order: list[str]
    file: str = ""
    """The data file the ids are in (empty: not a data file's ids)."""
    known: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.known = frozenset(self.order)

    def describe(self) -> str:
        order = list(dict.fromkeys(self.order))
        shown = order if len(order) <= 12 else [*order[:12], tr("… {n} in all", n=len(order))]
        return f"{one_of(shown)} ({self.what})"


R = TypeVar("R")


@dataclass
class Loaded(Generic[R]):
    """What one data file yielded: its records and its source, or nothing."""

    items: list[R]
    src: Source | None
    written: list[str] | None = None
    """For a file with mistakes (no records): the ids written in it, if it could be read as YAML,
    so that the references to them are still checked."""
    refs: Sequence[Sequence[Reference]] | None = None
    """:func:`~boligdialog.model.fields.referenced_ids` of each record, if worked out already
    (once per reading of the file, by the loader)."""


@dataclass
class Base:
    """What every check reads (the loaded data and content, the build date) and writes (errors,
    notices), and the helpers they share."""

    data: dict[DataFile[Any], Loaded[Any]]
    pages: dict[str, PageFacts]
    """Every editor's page as the checks of structure read it (without its body)."""
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
    unknown: list[tuple[str, Ids, tuple[Any, ...], Source]] = field(default_factory=list)
    """Ids that name no record, with where they are (see :meth:`unknown_references`)."""
    known: dict[str, Ids | None] = field(default_factory=dict)
    """The ids of each data file that loaded, by its key (``None`` for one that did not)."""
    bodies: dict[str, ContentPage] = field(default_factory=dict)
    """Every editor's page with its body, for the checks of the bodies (links, markup)."""

    def ids(self, file: DataFile[Any], what: str) -> Ids | None:
        """The ids of ``file``'s records (``what`` they are, for messages), if it loaded, or
        those written in it if it has mistakes but is YAML."""
        loaded = self.data[file]
        if loaded.src is None:
            return Ids(what, loaded.written, file.path) if loaded.written is not None else None
        return Ids(what, [r.id for r in loaded.items], file.path)

    def ref(self, value: str, ids: Ids | None, path: tuple[Any, ...], src: Source) -> None:
        """``value`` must be one of ``ids``; what is not is reported by :meth:`unknown_references`,
        once every file has been read."""
        if ids is not None and value not in ids.known:
            self.unknown.append((value, ids, path, src))

    def unknown_references(self) -> None:
        """Each id that names nothing. An id named in several places is most likely of a record
        that was deleted: the message lists every place that still names it, instead of guessing
        another id."""
        places: dict[tuple[str, str], list[str]] = {}
        for value, ids, path, src in self.unknown:
            places.setdefault((ids.file, value), []).append(f"{src.file}:{src.line(path)}")
        for value, ids, path, src in self.unknown:
            here = f"{src.file}:{src.line(path)}"
            others = [p for p in places[(ids.file, value)] if p != here]
            if others and ids.file:
                self.errors.append(src.error(path, tr(
                    "expected an id that {file} has but received {value}, which it does not have (any longer), "
                    "though it is still named at {places}: add it to {file} again, or remove it from each of "
                    "these places", value=repr(value), file=ids.file, places=", ".join(dict.fromkeys(others)))))
            else:
                self.errors.append(src.error(path, tr("expected one of {allowed} but received {value}",
                                                      allowed=ids.describe(), value=repr(value)),
                                             hint=suggest(value, ids.order)))

    def references(self, record: Any, path: tuple[Any, ...], src: Source,
                   refs: Iterable[Reference] | None = None) -> None:
        """Every id in ``record`` that names another record (the model's ``RefersTo``) must name
        one that exists; ``refs``: the record's :func:`referenced_ids`, if known."""
        for at, value, key in referenced_ids(record) if refs is None else refs:
            self.ref(value, self.known[key], (*path, *at), src)

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
                self.errors.append(replace(loaded.src.error((key, i, "id"), tr(
                    "expected a unique id but received {id} again (first used at line {line})", id=repr(item.id),
                    line=line)), first=True))
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
        first: dict[str, Meeting] = {}
        for m in self.data[MEETINGS].items:
            first.setdefault(m.id, m)  # a second meeting with the same id is reported as such, not used
        return first

    def meeting(self, mid: str | None) -> Meeting | None:
        return self._meetings.get(mid) if mid else None  # the first of a duplicated id

    def held(self, mid: str | None, path: tuple[Any, ...], src: Source, what: str) -> None:
        """The meeting ``mid`` (if known) must have been held, for ``what`` to be true."""
        m = self.meeting(mid)
        if m is not None and m.state != "held":
            self.fail(src, path, tr("expected a meeting that has been held ({what}) but received {id}, which is "
                                    "{state}", what=what, id=repr(m.id), state=state_word(m.state, "state")))
