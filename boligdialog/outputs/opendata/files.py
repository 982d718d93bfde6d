"""The files of a table: CSV (RFC 4180, with texts that could start a formula defused) and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from boligdialog.outputs.opendata.tables import Table

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
"""A CSV text beginning with one of these gets an apostrophe in front (see the package text)."""

CSV_DIALECT = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True}
"""How the CSV files are written, as the Data Package says it."""


def defuse(text: str) -> str:
    """A text as written in CSV: one apostrophe in front if it could start a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, str):
        return defuse(value)
    return str(value)


def _json_value(value: Any) -> Any:
    return value.strftime("%H:%M:%S") if isinstance(value, dt.time) else value


def csv_file(table: Table, rows: list[tuple[Any, ...]]) -> bytes:
    """RFC 4180 CSV: UTF-8, a header row, CRLF line ends, quotes only where needed."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8")


def json_file(table: Table, rows: list[tuple[Any, ...]]) -> bytes:
    """A JSON array of one object per row, one row to a line."""
    names = [c.name for c in table.columns]
    lines = [json.dumps(dict(zip(names, map(_json_value, row))), ensure_ascii=False) for row in rows]
    return ("[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n").encode("utf-8")
