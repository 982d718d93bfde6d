"""The Data Package descriptor (``datapackage.json``): the package, and a resource with a Table
Schema for every table."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Any

from boligdialog.outputs.opendata.columns import Column
from boligdialog.outputs.opendata.files import CSV_DIALECT
from boligdialog.outputs.opendata.kinds import KINDS
from boligdialog.outputs.opendata.licence import License
from boligdialog.outputs.opendata.tables import Table, table_text
from boligdialog.site import routes

if TYPE_CHECKING:
    from boligdialog.site.settings import AboutData

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
        "description": _both(table_text(table.name)),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(content),
        "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
        "dialect": CSV_DIALECT,
        "schema": table_schema(table),
    }


def file_resource(name: str, content: bytes, description: tuple[str, str]) -> dict[str, Any]:
    """A file of the package that is not one of its CSV tables (a table as JSON, the Popolo
    export): named, with its size and hash, so that the descriptor lists every file."""
    return {
        "name": name.replace(".", "-").replace("_", "-"),
        "path": name,
        "profile": "data-resource",
        "description": _both(description),
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "bytes": len(content),
        "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
    }


def contributors(about: "AboutData", homepage: str) -> list[dict[str, str]]:
    """Who publishes the data, and where to write about them (Data Package ``contributors``:
    the roles ``publisher`` and, with an e-mail address, ``maintainer``)."""
    name = f"{about.publisher.da} / {about.publisher.get('en').text}" if about.publisher else about.name
    out = [{"title": name, "role": "publisher", "path": homepage}]
    if about.contact_email:
        out.append({"title": name, "role": "maintainer", "email": about.contact_email})
    return out


def descriptor(resources: list[dict[str, Any]], *, site_url: str, license: License, about: "AboutData",
               created: dt.datetime, modified: dt.datetime) -> dict[str, Any]:
    """The Data Package descriptor (``datapackage.json``): the CSV tables with their schemas,
    then every other file of the package."""
    return {
        "profile": "data-package",
        "name": about.name,
        "id": routes.absolute(site_url, routes.DATA_DIR + routes.DATAPACKAGE),
        "title": f"{about.title.da} / {about.title.get('en').text}",
        "description": _both((about.description.da, about.description.get("en").text)),
        "homepage": routes.absolute(site_url, routes.OPEN_DATA),
        "licenses": [{"name": license.name, "title": license.title, "path": license.path}],
        "created": created.isoformat(timespec="seconds"),
        "modified": modified.isoformat(timespec="seconds"),
        "keywords": about.keywords,
        "contributors": contributors(about, routes.absolute(site_url, routes.OPEN_DATA)),
        "resources": resources,
    }
