"""Edits of every record of one kind at once, for the tests that prove what a data edit
changes (tests/test_registry.py: the page types' ``reads``; tests/test_rebuild.py: the
preview after such an edit is what a full build makes)."""

from __future__ import annotations

import re

DATA_KINDS = ("partners", "meetings", "themes", "decisions", "agreements")
"""The kinds of records with a data file of their own (``data/<kind>.yaml``)."""


def _texts_changed(text: str) -> str:
    """Every Danish and English text of a data file with a word added (block and flow style)."""
    text = re.sub(r"(?m)^(\s+(?:da|en): )(?![\"'{\[|>])(.+)$", r"\1\2 ekstra", text)
    return re.sub(r"\{da: ([^,{}\"']+), en: ([^{}\"']+)\}", r"{da: \1 ekstra, en: \2 ekstra}", text)


def _split(text: str) -> tuple[list[str], list[list[str]], list[str]]:
    """A data file's lines before its records, each record's lines (the comments above a
    record go with it), and the lines after them."""
    lines = text.splitlines(keepends=True)
    top = next(i for i, line in enumerate(lines) if re.match(r"[a-z]+:\s*$", line))
    records: list[list[str]] = []
    pending: list[str] = []
    for line in lines[top + 1:]:
        if line.startswith("  - "):
            records.append([*pending, line])
            pending = []
        elif line.startswith("  #"):
            pending.append(line)
        elif records:
            records[-1] += [*pending, line]
            pending = []
    return lines[:top + 1], records, pending


def _records_reversed(text: str) -> str:
    """A data file's records in the opposite order (the comments above a record go with it)."""
    head, records, tail = _split(text)
    return "".join(head + [line for record in reversed(records) for line in record] + tail)


def record_count(text: str) -> int:
    """How many records a data file holds."""
    return len(_split(text)[1])


def one_record_changed(text: str, index: int) -> str:
    """Every Danish and English text of the data file's ``index``-th record with a word added."""
    head, records, tail = _split(text)
    records[index] = _texts_changed("".join(records[index])).splitlines(keepends=True)
    return "".join(head + [line for record in records for line in record] + tail)


PERTURBATIONS = {"texts": _texts_changed, "order": _records_reversed}
CHANGES = [(records, how) for records in DATA_KINDS for how in PERTURBATIONS
           if (records, how) != ("agreements", "order")]  # the versions must stay oldest first
