"""The Data Package descriptor (``datapackage.json``): the package, and a resource with a Table
Schema for every table."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from boligdialog.outputs.opendata.columns import Column
from boligdialog.outputs.opendata.files import CSV_DIALECT
from boligdialog.outputs.opendata.kinds import KINDS
from boligdialog.outputs.opendata.licence import License
from boligdialog.outputs.opendata.tables import TABLE_TEXTS, Table
from boligdialog.site import routes

PACKAGE_TEXTS = {
    "title": ("Boligdialog Albertslund: åbne data", "Housing dialogue Albertslund: open data"),
    "description": (
        "Partnerskabet om boligdialog i Albertslund: partnere, aftaleudgaver, møder i Visionsforum, "
        "dagsordener, beslutninger, temaer og referater, som tabeller i CSV og JSON. Tekster findes på dansk "
        "og engelsk i hver sin kolonne (_da, _en). Datoer er kun så præcise, som de kendes (ÅÅÅÅ, ÅÅÅÅ-MM "
        "eller ÅÅÅÅ-MM-DD), og et anslået antal er markeret som anslået. En tom celle er en oplysning, der "
        "ikke kendes. I CSV-filerne har en tekst, der begynder med =, +, -, @, tabulator, vognretur eller "
        "apostrof, fået en apostrof foran, så et regneark ikke læser den som en formel; fjern én apostrof "
        "for at få teksten tilbage. JSON-filerne har teksterne uændret.",
        "The housing dialogue partnership in Albertslund: partners, agreement versions, Visionsforum "
        "meetings, agendas, decisions, themes and reports, as tables in CSV and JSON. Texts are in Danish and "
        "English in columns of their own (_da, _en). Dates are only as precise as they are known (YYYY, "
        "YYYY-MM or YYYY-MM-DD), and an estimated number is marked as estimated. An empty cell is a fact "
        "that is not known. In the CSV files a text that begins with =, +, -, @, a tab, a carriage return "
        "or an apostrophe has been given an apostrophe in front, so that a spreadsheet does not read it as "
        "a formula; remove one apostrophe to get the text back. The JSON files hold the texts unchanged."),
}


def _both(pair: tuple[str, str]) -> str:
    return f"{pair[0]}\n\n{pair[1]}"


def field_descriptor(column: Column) -> dict[str, Any]:
    """The Table Schema field of a column."""
    kind = KINDS[column.kind]
    out: dict[str, Any] = {"name": column.name, "type": kind.type, "description": column.description()}
    if kind.format:
        out["format"] = kind.format
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if kind.pattern:
        constraints["pattern"] = kind.pattern
    if column.values:
        constraints["enum"] = list(column.values)
    minimum = column.minimum if column.minimum is not None else kind.minimum
    if minimum is not None:
        constraints["minimum"] = minimum
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(table: Table) -> dict[str, Any]:
    """The Table Schema of a table: fields, primary key and foreign keys."""
    schema: dict[str, Any] = {
        "fields": [field_descriptor(c) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.key),
    }
    keys = [{"fields": [c.name], "reference": {"resource": c.reference, "fields": ["id"]}}
            for c in table.foreign_keys()]
    if keys:
        schema["foreignKeys"] = keys
    return schema


def resource(table: Table, content: bytes) -> dict[str, Any]:
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "title": table.name,
        "description": _both(TABLE_TEXTS[table.name]),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(content),
        "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
        "dialect": CSV_DIALECT,
        "schema": table_schema(table),
    }


def descriptor(resources: list[dict[str, Any]], *, site_url: str, license: License,
               created: dt.datetime, modified: dt.datetime) -> dict[str, Any]:
    """The Data Package descriptor (``datapackage.json``)."""
    return {
        "profile": "tabular-data-package",
        "name": "boligdialog-albertslund",
        "id": routes.absolute(site_url, routes.DATA_DIR + routes.DATAPACKAGE),
        "title": " / ".join(PACKAGE_TEXTS["title"]),
        "description": _both(PACKAGE_TEXTS["description"]),
        "homepage": routes.absolute(site_url, routes.OPEN_DATA),
        "licenses": [{"name": license.name, "title": license.title, "path": license.path}],
        "created": created.isoformat(timespec="seconds"),
        "modified": modified.isoformat(timespec="seconds"),
        "keywords": ["Albertslund", "boligdialog", "Visionsforum", "OParl", "Popolo"],
        "resources": resources,
    }
