"""The open data of one build: every table as CSV and JSON, ``datapackage.json``, and the
DCAT-AP-DK description for the data catalogues (``dcat.jsonld``)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from boligdialog.outputs.opendata import dcat
from boligdialog.outputs.opendata.descriptor import descriptor, file_resource, resource
from boligdialog.outputs.opendata.files import csv_file, json_file
from boligdialog.outputs.opendata.licence import License
from boligdialog.outputs.opendata.tables import Context, Table, table_text, tables
from boligdialog.site import routes
from boligdialog.site.sitedata import Site

if TYPE_CHECKING:
    from boligdialog.site.settings import AboutData


OTHER_FILES: dict[str, tuple[str, str]] = {
    "popolo-da.json": ("Partnerskabet i Popolo JSON, med tekster på dansk: organisationer, personer, "
                       "medlemskaber og møder.",
                       "The partnership in Popolo JSON, with Danish texts: organisations, people, memberships "
                       "and meetings."),
    "popolo-en.json": ("Partnerskabet i Popolo JSON, med tekster på engelsk: organisationer, personer, "
                       "medlemskaber og møder.",
                       "The partnership in Popolo JSON, with English texts: organisations, people, memberships "
                       "and meetings."),
}
"""What each file beside the tables holds, in Danish and English."""


def _as_json(text: tuple[str, str]) -> tuple[str, str]:
    return f"{text[0]} (Samme rækker som CSV-filen, som JSON.)", f"{text[1]} (The same rows as the CSV file, as JSON.)"


@dataclass(frozen=True)
class Package:
    """The open data of one build: its tables, and every file by its name in ``data/``."""

    tables: tuple[Table, ...]
    counts: dict[str, int]
    """Rows of each table."""
    files: dict[str, bytes]
    license: License
    modified: dt.datetime
    rows: Mapping[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    """The rows of each table, kept (in the preview) for the next package to compare with."""


def package(site: Site, *, site_url: str, license: License, about: "AboutData", created: dt.datetime,
            modified: dt.datetime, also: Mapping[str, bytes] | None = None, kept: Package | None = None,
            keep_rows: bool = False) -> Package:
    """Every table as CSV and JSON, ``datapackage.json`` describing the CSV tables, and the
    files in ``also`` (the Popolo export) beside them. A table whose rows are those ``kept``
    (a package made with ``keep_rows``) holds gets that package's files again: a data edit in
    the preview writes out the tables it changes."""
    ctx = Context(site, site_url)
    files: dict[str, bytes] = {}
    resources, counts, kept_rows = [], {}, {}
    for table in tables():
        rows = table.rows(ctx)
        counts[table.name] = len(rows)
        csv_name, json_name = f"{table.name}.csv", f"{table.name}.json"
        if kept is not None and kept.rows.get(table.name) == rows:
            files[csv_name], files[json_name] = kept.files[csv_name], kept.files[json_name]
        else:
            files[csv_name], files[json_name] = csv_file(table, rows), json_file(table, rows)
        if keep_rows:
            kept_rows[table.name] = rows
        resources.append(resource(table, files[f"{table.name}.csv"]))
    files.update(also or {})
    for table in tables():
        name = f"{table.name}.json"
        resources.append(file_resource(name, files[name], _as_json(table_text(table.name))))
    for name, content in (also or {}).items():
        resources.append(file_resource(name, content, OTHER_FILES.get(name, (name, name))))
    resources.append(dcat.resource())  # written after this descriptor, which it describes: no size here
    data = descriptor(resources, site_url=site_url, license=license, about=about, created=created,
                      modified=modified)
    files[routes.DATAPACKAGE] = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    files[dcat.FILE] = dcat.dcat_file(files, tables(), site_url=site_url, license=license, about=about,
                                      created=created, modified=modified)
    return Package(tables(), counts, files, license, modified, kept_rows)
