"""Mistakes as GitHub annotations: ``boligdialog check --format github``.

A workflow step that prints ``::error file=data/meetings.yaml,line=17,title=…::message``
makes GitHub show the message on that line: in the pull request's "Files changed" view,
where an editor who works in GitHub's web editor sees it, and in the run's summary.
See GitHub's "Workflow commands for GitHub Actions" (``error``, ``warning``, ``notice``).
"""

from __future__ import annotations

from boligdialog.model.errors import DataError


def _data(text: str) -> str:
    """Escape a message: a workflow command ends at a line break."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a property value: ``,`` and ``:`` also end it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, error: DataError, *, title: str) -> str:
    """One workflow command: ``level`` is ``error``, ``warning`` or ``notice``."""
    place = error.place or error.path
    text = f"{place}: {error.message}" if place else error.message
    if error.hint:
        text += f"; {error.hint}"
    return (f"::{level} file={_property(error.file)},line={error.line},title={_property(title)}"
            f"::{_data(text)}")


def github(errors: list[DataError], *, title: str, level: str = "error") -> str:
    """Every mistake as a workflow command, one per line."""
    return "".join(command(level, e, title=title) + "\n" for e in errors)


def from_lines(lines: list[str], *, title: str, level: str = "warning") -> str:
    """Rendered lines ``file:line: text`` (the check's notices) as workflow commands."""
    out = ""
    for text in lines:
        file, line, rest = _split(text)
        out += command(level, DataError(file, line, "", rest), title=title) + "\n"
    return out


def _split(text: str) -> tuple[str, int, str]:
    file, _, rest = text.partition(":")
    line, _, message = rest.partition(": ")
    return (file, int(line), message) if line.isdigit() else (file, 1, rest.lstrip())
