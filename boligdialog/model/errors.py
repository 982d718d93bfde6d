"""Errors an editor can cause, and how they are reported.

Every mistake in a data file or in front matter becomes one :class:`DataError`
that knows its file, line and key path. Loading collects all of them and raises
one :class:`ValidationFailed`, so an editor sees every mistake in a single run.

Messages are in the editors' language (:mod:`boligdialog.model.translate`). ``str(error)``
is the structured form, ``file:line: meetings[1].start: message``; :meth:`DataError.render`
is what an editor reads: the same position as people count it, with the record's id,
``data/meetings.yaml:34: 2. møde (forum-2027-1), start: message``, and what to
write instead where the tool can tell.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterable

from boligdialog.model.translate import ntr, number, tr


def show(value: Any) -> str:
    """Render a received value the way an editor wrote it."""
    if isinstance(value, (dt.date, dt.datetime)):
        return repr(value.isoformat())
    if isinstance(value, dict):
        return tr("a mapping")
    if isinstance(value, list):
        return tr("a list")
    if value is None:
        return tr("nothing")
    text = repr(value)
    if len(text) <= 80:
        return text
    return tr("{start}…' ({count} characters)", start=text[:70], count=number(len(str(value))))


def format_path(path: Iterable[str | int]) -> str:
    """``('meetings', 0, 'themes', 1)`` -> ``'meetings[0].themes[1]'``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class Invalid(ValueError):
    """A value that is not what a field takes: the message says what was expected and what
    was received; ``hint`` says what to write instead, where that can be told."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class DataError:
    """One mistake in one place of one file."""

    file: str
    """Path of the file relative to the project root, e.g. ``data/meetings.yaml``."""
    line: int
    """1-based line of the offending key or item (the file's first line if unknown)."""
    path: str
    """Key path inside the file, e.g. ``meetings[0].themes[1]`` (may be empty)."""
    message: str
    """What was expected and what was received."""
    place: str = ""
    """The position as people count it, e.g. ``1. møde (forum-2017-1), themes nr. 2``
    (empty: the key path is shown)."""
    hint: str = ""
    """What to write instead, e.g. "did you mean 'midtby'?" (may be empty)."""
    first: bool = False
    """Shown before the others: a mistake that may cause them (an id given twice)."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"

    def render(self) -> str:
        """The mistake as an editor reads it: ``file:line: place: message hint``."""
        where = f"{self.file}:{self.line}"
        place = self.place or self.path
        text = f"{where}: {place}: {self.message}" if place else f"{where}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """``text`` to sort by, its numbers as numbers: ``x-2`` before ``x-11``."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part)


def natural_order(error: DataError) -> tuple[Any, ...]:
    """The order mistakes are listed in: by file, line and key path, numbers as numbers."""
    return _natural(error.file), error.line, _natural(error.path)


class ValidationFailed(Exception):
    """Raised once, with every :class:`DataError` found."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(errors, key=lambda e: (not e.first, *natural_order(e)))
        super().__init__(self.format_message())

    def format_message(self) -> str:
        n = len(self.errors)
        head = ntr("{n} problem in the data and content files:", "{n} problems in the data and content files:",
                   n, n=n)
        return "\n".join([head, *(f"  {e.render()}" for e in self.errors)])
