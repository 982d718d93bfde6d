"""Open data: the partnership's records as tables in CSV and JSON, described by a
Frictionless Data Package (``datapackage.json``) with a Table Schema for every table.

The tables come from the typed model (:mod:`boligdialog.model.records`), not from a second list of
fields: each field of a record's model becomes columns by its value type, so a field added
to a model is a column of the package at the next build, and a value type this module does
not know stops the build with a ``TypeError`` naming the field instead of leaving it out.

===========================  ===========================================================
model field                  in the package
===========================  ===========================================================
``Text``                     ``<name>_da`` (required if the field is) and ``<name>_en``
``PartialDate``              ``<name>``: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, as precise as known
``When``                     ``<name>_date`` (as above) and ``<name>_time`` (``HH:MM:SS``)
``time``                     ``<name>`` (``HH:MM:SS``)
``Count``                    ``<name>`` (integer) and ``<name>_approximate`` (boolean)
``Address``                  ``<name>_street``, ``<name>_postcode`` and ``<name>_locality``
closed list (``Literal``)    ``<name>``, with its values as the allowed ones
``Id``                       ``<name>``; a foreign key to the table its ``RefersTo`` names
a nested model               its columns, named ``<name>_<its field>``
``list[Id]``                 a link table ``<owner>_<name>``: owner id, position, the id
``list[Model]``              a child table named after the item model: owner id, position, its fields
===========================  ===========================================================

CSV files are UTF-8 with a header row, comma-separated, quoted with ``"`` where needed and
ending lines with CRLF (RFC 4180); an empty cell is a value that is not known. A text that
begins with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or an apostrophe is written
with one apostrophe in front, so that a spreadsheet shows it as text instead of running it
as a formula; removing one leading apostrophe from such a text gives the value back. The
JSON files hold the same rows, with every value exactly as it is.

Each field's description (``datapackage.json`` and the open-data page) is the kind of its values
in words (:mod:`~boligdialog.outputs.opendata.kinds`) followed by what the model says it means
(:class:`~boligdialog.model.fields.About`).

The modules, one job each: :mod:`~boligdialog.outputs.opendata.kinds` (kinds of values),
:mod:`~boligdialog.outputs.opendata.columns` (a model's fields as columns),
:mod:`~boligdialog.outputs.opendata.tables` (the tables of the partnership),
:mod:`~boligdialog.outputs.opendata.files` (CSV and JSON), :mod:`~boligdialog.outputs.opendata.licence`,
:mod:`~boligdialog.outputs.opendata.descriptor` (``datapackage.json``) and
:mod:`~boligdialog.outputs.opendata.export` (all of it for one build).
"""

from boligdialog.outputs.opendata.columns import EXCLUDED, Column, Context, ListField, Row, model_columns, snake
from boligdialog.outputs.opendata.descriptor import descriptor, field_descriptor, resource, table_schema
from boligdialog.outputs.opendata.export import Package, package
from boligdialog.outputs.opendata.files import CSV_DIALECT, FORMULA_START, csv_file, defuse, json_file
from boligdialog.outputs.opendata.kinds import DATE_PATTERN, KINDS, SLUG_PATTERN, Kind
from boligdialog.outputs.opendata.licence import DEFAULT_LICENSE, License
from boligdialog.outputs.opendata.tables import SOURCES, TABLE_TEXTS, Source, Table, table_text, tables

__all__ = [
    "CSV_DIALECT", "DATE_PATTERN", "DEFAULT_LICENSE", "EXCLUDED", "FORMULA_START", "KINDS",
    "SLUG_PATTERN", "SOURCES", "TABLE_TEXTS", "Column", "Context", "Kind", "License", "ListField", "Package",
    "Row", "table_text", "Source", "Table", "csv_file", "defuse", "descriptor", "field_descriptor", "json_file",
    "model_columns", "package", "resource", "snake", "table_schema", "tables",
]
