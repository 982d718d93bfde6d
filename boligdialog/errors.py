"""Errors an editor can cause, and how they are reported.

Every mistake in a data file or in front matter becomes one :class:`DataError`
that knows its file, line and key path. Loading collects all of them and raises
one :class:`ValidationFailed`, so an editor sees every mistake in a single run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable


def show(value: Any) -> str:
    """Render a received value the way an editor wrote it."""
    if isinstance(value, (dt.date, dt.datetime)):
        return repr(value.isoformat())
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:70]}…' ({len(str(value)):,} characters)"


def format_path(path: Iterable[str | int]) -> str:
    """``('meetings', 0, 'themes', 1)`` -> ``'meetings[0].themes[1]'``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


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

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class ValidationFailed(Exception):
    """Raised once, with every :class:`DataError` found."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.file, e.line, e.path))
        super().__init__(self.format_message())

    def format_message(self) -> str:
        n = len(self.errors)
        head = f"{n} problem{'s' if n != 1 else ''} in the data and content files:"
        return "\n".join([head, *(f"  {e}" for e in self.errors)])
