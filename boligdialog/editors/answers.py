"""The facts of a new entry (``boligdialog ny …``): taken from the options, or asked for in the
terminal, each checked as the check does before anything is written. A wrong option is refused;
a wrong answer is explained and asked again, so no earlier answer is lost. The forms the site
itself prints are accepted: ``19.30``, ``ja``/``nej``, the Danish labels of the closed lists."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from boligdialog.model.choices import ClosedList
from boligdialog.model.translate import language, one_of, suggest, tr
from boligdialog.model.values import When, parse_time
from boligdialog.model.valuetypes import valid_id

Ask = Callable[[str], str]


class Refused(Exception):
    """A fact that is missing or wrong: nothing has been written."""


class Facts:
    """The facts given as options, and those asked for (or refused when nobody can answer).

    A wrong option is refused; a wrong answer typed in the terminal is explained and asked
    again, so no earlier answer is lost."""

    def __init__(self, args: argparse.Namespace, ask: Ask | None, *, tell: Callable[[str], None] | None = None) -> None:
        self.args, self.ask = args, ask
        self.tell = tell or (lambda text: print(text, file=sys.stderr))

    def get(self, name: str, question: str, *, required: bool = True, default: Any = None,
            check: Callable[[Any], Any] | None = None) -> Any:
        """The fact ``name``: from its option, else asked; ``check`` turns it into what is
        written (or raises :class:`Refused` or ``ValueError`` saying what is wrong)."""
        option = f"--{name.replace('_', '-')}"
        value, asked = getattr(self.args, name, None), False
        while True:
            if value in (None, "") and self.ask is not None:
                shown = f" [{default}]" if default not in (None, "") else ""
                value, asked = self.ask(f"{question}{shown}: ").strip() or None, True
            if value in (None, "") and default is not None:
                value = default
            if value in (None, ""):
                if not required:
                    return None
                if not asked:
                    raise Refused(tr("missing: {what} (--{option})", what=question, option=name.replace("_", "-")))
                self.tell(tr("an answer is needed here"))
                continue
            try:
                return check(value) if check is not None else value
            except (Refused, ValueError) as exc:
                reason = str(exc) if isinstance(exc, Refused) else reason_of(exc)
                if not asked:
                    raise Refused(reason if reason.startswith("--") else f"{option}: {reason}") from None
                self.tell(reason.partition(": ")[2] if reason.startswith("--") else reason)
                value = None

    def parse(self, name: str, question: str, parser: Callable[[Any], Any], **kw: Any) -> Any:
        """The fact ``name`` as written, once ``parser`` accepts it."""
        return self.get(name, question, check=lambda v: (parser(v), v)[1], **kw)


def reason_of(exc: ValueError) -> str:
    hint = getattr(exc, "hint", "")
    return f"{exc}" + (f"; {hint}" if hint else "")


YES = {"ja", "j", "yes", "y"}
NO = {"nej", "n", "no"}


def clock(value: str) -> str:
    """A time as the site prints it (``19.30``) or as the files write it (``19:30``) -> ``19:30``."""
    value = re.sub(r"^(\d{1,2})\.(\d{2})$", r"\1:\2", value.strip())
    parse_time(value)
    return value


def when(value: str) -> str:
    """A start with the time as the site prints it (``2027-03-18 17.00``) -> ``2027-03-18 17:00``."""
    value = re.sub(r"^(\d{4}-\d{2}-\d{2})[ T](?:kl\.? *)?(\d{1,2})[.:](\d{2})$", r"\1 \2:\3", value.strip())
    When.parse(value)
    return value


def choice(closed: ClosedList, option: str) -> Callable[[str], str]:
    """A value of ``closed``, given as itself or as its Danish or English label."""
    def check(value: str) -> str:
        wanted = value.strip().casefold()
        for v in closed.values:
            if wanted in (v.casefold(), closed.label(v, "da").casefold(), closed.label(v, "en").casefold()):
                return v
        hint = suggest(value, [closed.label(v, language()) for v in closed.values])
        raise Refused(f"--{option}: " + tr("expected one of {allowed} but received {value}",
                                            allowed=labels(closed), value=repr(value)) + (f"; {hint}" if hint else ""))
    return check


def labels(closed: ClosedList) -> str:
    """The labels of ``closed`` in the editors' language, as the site shows them."""
    return one_of([closed.label(v, language()) for v in closed.values])


def ids_of(value: str | None, option: str = "") -> list[str]:
    return [an_id(v.strip(), option) for v in (value or "").split(",") if v.strip()]


def an_id(value: str, option: str) -> str:
    """``value`` if it is an id as the check takes it (it becomes a file name: no ``/``, no
    ``..``, no control character, not too long), else :class:`Refused`."""
    try:
        return valid_id(value)
    except ValueError as exc:
        raise Refused(f"--{option}: {exc}") from None


def inside(root: Path, rel: str) -> Path:
    """``root/rel``, which must lie inside ``content/`` or ``data/`` of the project."""
    path = (root / rel).resolve()
    if not any(path.is_relative_to((root / folder).resolve()) for folder in ("content", "data")):
        raise Refused(tr("expected a file inside content/ or data/ but received {path}", path=repr(rel)))
    return root / rel


def known_ids(values: list[str], known: list[str], option: str, what: str) -> list[str]:
    for value in values:
        if value not in known:
            hint = suggest(value, known)
            raise Refused(f"--{option}: " + tr("expected one of {allowed} but received {value}",
                                               allowed=f"{one_of(known)} ({what})", value=repr(value))
                          + (f"; {hint}" if hint else ""))
    return values


def some_ids(known: list[str], option: str, what: str) -> Callable[[str], list[str]]:
    """Ids of ``known`` separated by commas."""
    return lambda value: known_ids(ids_of(value, option), known, option, what)


def one_id(known: list[str], option: str, what: str) -> Callable[[str], str]:
    return lambda value: known_ids([an_id(value.strip(), option)], known, option, what)[0]


# --- the four kinds --------------------------------------------------------------------------

def new_id(known: set[str], file: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        value = an_id(value.strip(), "id")
        if value in known:
            raise Refused(tr("--id: expected a new id but received {id}, which is used already in {file}",
                             id=repr(value), file=file))
        return value
    return check


def draft_or_none(value: str) -> str | None:
    """``draft`` (or ja, yes, udkast) -> ``draft``; nej, no, none -> nothing."""
    wanted = value.strip().casefold()
    if wanted in YES | {"draft", "udkast"}:
        return "draft"
    if wanted in NO | {"none", "ingen"}:
        return None
    raise Refused("--minutes: " + tr("expected yes or no (or draft) but received {value}", value=repr(value)))
