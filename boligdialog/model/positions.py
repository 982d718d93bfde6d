"""Positions in a data file as people count them.

pydantic and the checks address a value by its key path, ``meetings[1].start``, counted
from 0. An editor thinks "the 2nd meeting", and knows it by its id, so messages show
``2. møde (forum-2027-1), start`` (``2nd meeting (forum-2027-1), start``):
the record by its place in the file and its id, then the keys inside it, with list items
counted from 1 (``themes nr. 2``).
"""

from __future__ import annotations

from typing import Any

from boligdialog.model.translate import N_, ordinal, tr

RECORDS = {
    "meetings": N_("meeting"),
    "partners": N_("partner"),
    "themes": N_("theme"),
    "agreements": N_("agreement version"),
    "decisions": N_("decision"),
}
"""The record that each data file's top-level list holds, by that list's key."""


def place(path: tuple[str | int, ...], data: Any) -> str:
    """``('meetings', 1, 'start')`` in ``data`` -> ``'2. møde (forum-2027-1), start'``.

    ``data`` is the file's parsed YAML (for the record's id); an empty path gives ``''``."""
    parts: list[str] = []
    rest = list(path)
    if len(rest) >= 2 and rest[0] in RECORDS and isinstance(rest[1], int):
        key, index = rest[0], rest[1]
        record = tr("{nth} {what}", nth=ordinal(index + 1), what=tr(RECORDS[key]))
        record_id = _lookup(data, (key, index, "id"))
        if isinstance(record_id, str) and record_id.strip():
            record += f" ({record_id})"
        parts.append(record)
        rest = rest[2:]
    for part in rest:
        if isinstance(part, int) and parts:
            parts[-1] = tr("{key} no. {n}", key=parts[-1], n=part + 1)
        else:
            parts.append(str(part + 1) if isinstance(part, int) else str(part))
    return ", ".join(parts)


def _lookup(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        if isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data
