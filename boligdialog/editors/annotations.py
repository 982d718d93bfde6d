"""Mistakes as GitHub annotations and a job summary: ``boligdialog check --format github``.

A workflow step that prints ``::error file=data/meetings.yaml,line=17,title=…::message``
makes GitHub show the message on that line: in the pull request's "Files changed" view,
where an editor who works in GitHub's web editor sees it, and in the run's summary.
See GitHub's "Workflow commands for GitHub Actions" (``error``, ``warning``, ``notice``).

GitHub shows at most :data:`LIMIT` annotations of each level per step and drops the rest
unseen, so the check also writes every mistake and notice to the job summary (the Markdown
file named by ``GITHUB_STEP_SUMMARY``), and says there how many have no annotation.
Annotations and the summary list them by file and line, numbers read as numbers
(``forum-2027-2.md`` before ``forum-2027-11.md``, line 2 before line 11).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from boligdialog.model.errors import DataError, natural_order
from boligdialog.model.translate import ntr, tr

LIMIT = 10
"""The annotations of one level GitHub shows for one step."""
SUMMARY_ENV = "GITHUB_STEP_SUMMARY"


def _data(text: str) -> str:
    """Escape a message: a workflow command ends at a line break."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a property value: ``,`` and ``:`` also end it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _text(error: DataError) -> str:
    place = error.place or error.path
    text = f"{place}: {error.message}" if place else error.message
    return f"{text}; {error.hint}" if error.hint else text


def command(level: str, error: DataError, *, title: str) -> str:
    """One workflow command: ``level`` is ``error``, ``warning`` or ``notice``."""
    return (f"::{level} file={_property(error.file)},line={error.line},title={_property(title)}"
            f"::{_data(_text(error))}")


def ordered(errors: Iterable[DataError]) -> list[DataError]:
    """By file and line, numbers as numbers."""
    return sorted(errors, key=natural_order)


def github(errors: list[DataError], *, title: str, level: str = "error") -> str:
    """Every mistake as a workflow command, one per line, by file and line."""
    return "".join(command(level, e, title=title) + "\n" for e in ordered(errors))


def from_lines(lines: list[str]) -> list[DataError]:
    """Rendered lines ``file:line: text`` (the check's notices) as mistakes to annotate."""
    return [DataError(*_split(text)[:2], "", _split(text)[2]) for text in lines]


def _split(text: str) -> tuple[str, int, str]:
    file, _, rest = text.partition(":")
    line, _, message = rest.partition(": ")
    return (file, int(line), message) if line.isdigit() else (file, 1, rest.lstrip())


@dataclass(frozen=True)
class Group:
    """Mistakes or notices of one level, under one title."""

    level: str
    title: str
    items: list[DataError]


def annotations(groups: list[Group]) -> str:
    """The workflow commands of every group."""
    return "".join(github(group.items, title=group.title, level=group.level) for group in groups)


def _cell(text: str) -> str:
    """Text in a cell of a Markdown table: no markup, no link, no line break, no ``|``."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]{}()#+!|~])", r"\\\1", text).replace("\r", "").replace("\n", "<br>")


def summary(groups: list[Group]) -> str:
    """The job summary in Markdown: per group a heading, how many have no annotation, and a
    table of all of them (file, line, text)."""
    out = []
    for group in groups:
        if not group.items:
            continue
        n = len(group.items)
        out.append(f"### {_cell(group.title)} ({n})\n")
        if n > LIMIT:
            out.append(ntr("GitHub marks only the first {limit} on their lines; {n} more is only listed here.",
                           "GitHub marks only the first {limit} on their lines; {n} more are only listed here.",
                           n - LIMIT, limit=LIMIT, n=n - LIMIT) + "\n")
        file, line = tr("File"), tr("Line")
        out.append(f"| {file} | {line} | {_cell(group.title)} |\n| --- | ---: | --- |")
        out += [f"| {_cell(e.file)} | {e.line} | {_cell(_text(e))} |" for e in ordered(group.items)]
        out.append("")
    return "\n".join(out)


def write_summary(groups: list[Group]) -> None:
    """Add :func:`summary` to the job summary, when the check runs in a GitHub workflow."""
    path = os.environ.get(SUMMARY_ENV)
    text = summary(groups)
    if path and text:
        with Path(path).open("a", encoding="utf-8") as stream:
            stream.write(text + "\n")
