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
``Id``                       ``<name>``; a foreign key to the table :data:`REFERENCES` names
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
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import functools
import hashlib
import inspect
import io
import json
import mimetypes
import re
import textwrap
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel

from boligdialog.site import i18n, routes
from boligdialog.model.errors import show
from boligdialog.model.records import Agreement, Decision, Id, Meeting, Page, Partner, Theme, Url
from boligdialog.site.sitedata import ContentPage, Site
from boligdialog.model.values import LANGS, Address, Count, Lang, PartialDate, Text, When

if TYPE_CHECKING:
    from boligdialog.site.settings import AboutData, Settings

SLUG_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*"
DATE_PATTERN = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
"""Table Schema patterns are anchored at both ends (XML Schema regular expressions)."""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
"""A CSV text beginning with one of these gets an apostrophe in front (see the module text)."""


# --- what a column holds -------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """What the values of a column are: their Table Schema type and format, and the same in
    words for people, in Danish and English."""

    type: str
    da: str
    en: str
    format: str | None = None
    pattern: str | None = None
    minimum: int | None = None

    def words(self, lang: Lang) -> str:
        return self.da if lang == "da" else self.en


KINDS: dict[str, Kind] = {
    "id": Kind("string", "id af små bogstaver a–z, tal og bindestreger",
               "id of lowercase letters a–z, digits and hyphens", pattern=SLUG_PATTERN),
    "text_da": Kind("string", "tekst på dansk", "text in Danish"),
    "text_en": Kind("string", "tekst på engelsk; tom, hvor teksten kun findes på dansk",
                    "text in English; empty where the text exists only in Danish"),
    "text": Kind("string", "tekst", "text"),
    "date": Kind("string", "dato som ÅÅÅÅ-MM-DD, eller kun ÅÅÅÅ-MM eller ÅÅÅÅ, når kun måneden eller året kendes",
                 "date as YYYY-MM-DD, or only YYYY-MM or YYYY when only the month or the year is known",
                 pattern=DATE_PATTERN),
    "time": Kind("time", "klokkeslæt i dansk tid, TT:MM:SS", "time of day in Danish time, HH:MM:SS"),
    "integer": Kind("integer", "heltal", "whole number"),
    "boolean": Kind("boolean", "true eller false", "true or false"),
    "count": Kind("integer", "antal", "number", minimum=0),
    "approximate": Kind("boolean", "true, hvis antallet er anslået (»ca.«), ellers false",
                        "true if the number is an estimate (“about”), otherwise false"),
    "closed": Kind("string", "en af værdierne", "one of the values"),
    "url": Kind("string", "webadresse", "web address", format="uri"),
    "path": Kind("string", "sti til en fil under content/ i sidens kilder",
                 "path of a file under content/ in the site's sources"),
    "label": Kind("string", "nummer eller kort tekst", "number or short text"),
    "position": Kind("integer", "plads i listen, fra 1", "place in the list, from 1", minimum=1),
    "url_da": Kind("string", "adressen på siden på dansk", "address of the page in Danish", format="uri"),
    "url_en": Kind("string", "adressen på siden på engelsk", "address of the page in English", format="uri"),
    "file_url": Kind("string", "adressen på filen", "address of the file", format="uri"),
    "report_url": Kind("string", "adressen på referatet på mødets side", "address of the report on the meeting's page",
                       format="uri"),
    "bytes": Kind("integer", "filens størrelse i bytes", "size of the file in bytes", minimum=0),
    "media_type": Kind("string", "filens type (medietype, fx application/pdf)",
                       "type of the file (media type, e.g. application/pdf)"),
    "lang": Kind("string", "sprog: da (dansk) eller en (engelsk)", "language: da (Danish) or en (English)"),
}
"""Every kind of column, by name."""


# --- columns and tables --------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What the values of a build depend on besides the records."""

    site: Site
    site_url: str


@dataclass(frozen=True)
class Row:
    """What one row of a table is made from."""

    record: Any
    """The model instance whose fields fill the columns (in a link table: the id)."""
    ctx: Context
    owner: str | None = None
    """Id of the record this one is listed in (child and link tables)."""
    position: int | None = None
    """Its place in the owner's list, from 1."""
    source: Any = None
    """What the columns added from the site read (for a report: its content page)."""


@dataclass(frozen=True)
class Column:
    """One column of a table."""

    name: str
    kind: str
    """A key of :data:`KINDS`: the type and format of the values."""
    get: Callable[[Row], Any]
    required: bool = False
    about: str = ""
    """What the model says about its field (the attribute's docstring, in English)."""
    values: tuple[str, ...] = ()
    """For a closed list: the values allowed."""
    minimum: int | None = None
    reference: str | None = None
    """The table whose ``id`` this column holds."""
    field: str | None = None
    """The model field it comes from; ``None`` for a column added from the site (addresses, sizes)."""

    @property
    def type(self) -> str:
        return KINDS[self.kind].type

    def description(self) -> str:
        """English description for the Table Schema: the kind in words, then the model's docstring."""
        text = KINDS[self.kind].en
        if self.values:
            text += ": " + ", ".join(self.values)
        return f"{text[0].upper()}{text[1:]}." + (f" {self.about}" if self.about else "")


@dataclass(frozen=True)
class Table:
    """One table of the package: its columns, its key and where its rows come from."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    items: Callable[[Context], Iterator[Row]]
    owner: str | None = None
    """For a child or link table: the table it belongs to."""
    field: str | None = None
    """For a child or link table: the owner's field it comes from."""

    def rows(self, ctx: Context) -> list[tuple[Any, ...]]:
        return [tuple(column.get(row) for column in self.columns) for row in self.items(ctx)]

    def foreign_keys(self) -> list[Column]:
        return [c for c in self.columns if c.reference]


@dataclass(frozen=True)
class Source:
    """A table of records the site holds, from which child and link tables come too."""

    name: str
    model: type[BaseModel]
    records: Callable[[Site], Iterable[tuple[BaseModel, Any]]]
    """``(record, source)`` pairs: the model instance and what added columns read."""
    lead: tuple[Column, ...] = ()
    """Columns added from the site before the model's (the key of a table without ``id``)."""
    tail: tuple[Column, ...] = ()
    """Columns added from the site after the model's (page addresses)."""
    key: tuple[str, ...] = ("id",)


REFERENCES: dict[tuple[str, str], str] = {
    ("Membership", "agreement"): "agreements",
    ("Agreement", "consulted"): "partners",
    ("Response", "partner"): "partners",
    ("Meeting", "themes"): "themes",
    ("Meeting", "invited"): "partners",
    ("Meeting", "attended"): "partners",
    ("Decision", "meeting"): "meetings",
    ("Decision", "owners"): "partners",
    ("Decision", "reported_at"): "meetings",
    ("Page", "meeting"): "meetings",
    ("Page", "approved_at"): "meetings",
}
"""The table each id field of a model points to (the model says only that it is an id);
every id field but a record's own ``id`` must be listed."""

EXCLUDED: dict[tuple[str, str], str] = {
    ("Page", "hide"): "how the page is laid out, not a fact about the report",
}
"""Model fields that are not data, and why."""


def reference_of(model: type, field: str) -> str | None:
    """The table an id field points to, by :data:`REFERENCES` (a subclass's field, its base's entry)."""
    return next((REFERENCES[(cls.__name__, field)] for cls in model.__mro__ if (cls.__name__, field) in REFERENCES),
                None)


def attribute_docs(model: type) -> dict[str, str]:
    """The docstrings under a class's annotated attributes (and its bases'), by attribute name."""
    docs: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if cls is object or cls.__module__.startswith("pydantic"):
            continue
        try:
            source = textwrap.dedent(inspect.getsource(cls))
        except (OSError, TypeError):
            continue
        body = ast.parse(source).body[0]
        if not isinstance(body, ast.ClassDef):
            continue
        statements = body.body
        for this, after in zip(statements, statements[1:]):
            if (isinstance(this, ast.AnnAssign) and isinstance(this.target, ast.Name)
                    and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)):
                docs[this.target.id] = " ".join(after.value.value.split())
    return docs


def snake(name: str) -> str:
    """``AgendaItem`` -> ``agenda_item``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _optional(annotation: Any) -> tuple[Any, bool]:
    """``X | None`` -> ``(X, True)``; anything else -> ``(annotation, False)``."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1 and len(get_args(annotation)) == 2:
            return args[0], True
        raise TypeError(f"no columns for a union of several types: {annotation!r}")
    return annotation, False


def _base(annotation: Any) -> Any:
    """The type under ``Annotated[...]``."""
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation


def _read(read: Callable[[Row], Any], name: str, then: Callable[[Any], Any] = lambda v: v) -> Callable[[Row], Any]:
    """Column getter: field ``name`` of the instance ``read`` gives, converted by ``then``
    (``None`` stays ``None``)."""
    def get(row: Row) -> Any:
        obj = read(row)
        value = None if obj is None else getattr(obj, name)
        return None if value is None else then(value)
    return get


def _record(row: Row) -> Any:
    return row.record


@dataclass(frozen=True)
class ListField:
    """A list field of a model: it becomes a table of its own."""

    name: str
    item: Any
    about: str


def model_columns(model: type[BaseModel], read: Callable[[Row], Any] = _record, prefix: str = "",
                  lists: list[ListField] | None = None, parent_required: bool = True) -> list[Column]:
    """The columns of a model's fields, in the model's order. List fields go to ``lists``
    (for tables of their own); where that is ``None``, a list field is a ``TypeError``."""
    hints = get_type_hints(model, include_extras=True)
    docs = attribute_docs(model)
    columns: list[Column] = []
    for name, info in model.model_fields.items():
        where = f"{model.__name__}.{name}"
        if (model.__name__, name) in EXCLUDED:
            continue
        annotation, optional = _optional(hints[name])
        required = parent_required and info.is_required() and not optional
        about = info.description or docs.get(name, "")
        col = prefix + name
        base = _base(annotation)
        if get_origin(annotation) is list:
            if lists is None or prefix:
                raise TypeError(f"{where}: no table for a list inside a list item or a nested model yet")
            lists.append(ListField(name, get_args(annotation)[0], about))
            continue
        if annotation == Id:
            reference = None if name == "id" and not prefix else reference_of(model, name)
            if reference is None and not (name == "id" and not prefix):
                raise TypeError(f"{where}: an id field needs the table it points to in opendata.REFERENCES")
            columns.append(Column(col, "id", _read(read, name), required, about, reference=reference, field=name))
        elif base is Text:
            columns.append(Column(f"{col}_da", "text_da", _read(read, name, lambda t: t.da), required, about, field=name))
            columns.append(Column(f"{col}_en", "text_en", _read(read, name, lambda t: t.en), False, about, field=name))
        elif base is PartialDate:
            columns.append(Column(col, "date", _read(read, name, PartialDate.isoformat), required, about, field=name))
        elif base is When:
            columns.append(Column(f"{col}_date", "date", _read(read, name, lambda w: w.date.isoformat()),
                                  required, about, field=name))
            columns.append(Column(f"{col}_time", "time", _read(read, name, lambda w: w.time), False, about, field=name))
        elif base is dt.time:
            columns.append(Column(col, "time", _read(read, name), required, about, field=name))
        elif base is Address:
            for part in ("street", "postcode", "locality"):
                columns.append(Column(f"{col}_{part}", "text", _read(read, name, lambda a, part=part: getattr(a, part)),
                                      required, about, field=name))
        elif base is Count:
            columns.append(Column(col, "count", _read(read, name, lambda c: c.value), required, about, field=name))
            columns.append(Column(f"{col}_approximate", "approximate", _read(read, name, lambda c: c.approximate),
                                  required, about, field=name))
        elif get_origin(base) is Literal:
            columns.append(Column(col, "closed", _read(read, name), required, about,
                                  values=tuple(get_args(base)), field=name))
        elif base is bool:
            columns.append(Column(col, "boolean", _read(read, name), required, about, field=name))
        elif base is int:
            minimum = next((getattr(m, "ge") for m in info.metadata if hasattr(m, "ge")), None)
            columns.append(Column(col, "integer", _read(read, name), required, about, minimum=minimum, field=name))
        elif base is str:
            kind = "url" if annotation == Url else _STRING_KINDS.get(_validator_name(annotation), "text")
            columns.append(Column(col, kind, _read(read, name), required, about, field=name))
        elif isinstance(base, type) and issubclass(base, BaseModel):
            columns += model_columns(base, _read(read, name), f"{col}_", None, required)
        else:
            raise TypeError(f"{where}: no column for values of type {annotation!r}; teach boligdialog.outputs.opendata")
    return columns


_STRING_KINDS = {"_content_path": "path", "_file_path": "path", "_text_key": "label"}
"""Kinds of the model's special strings, by the name of their validator."""


def _validator_name(annotation: Any) -> str:
    for meta in get_args(annotation)[1:] if get_origin(annotation) is Annotated else ():
        func = getattr(meta, "func", None)
        if func is not None:
            return getattr(func, "__name__", "")
    return ""


# --- the tables of the partnership ----------------------------------------------------------


def _url(section: str, lang: Lang) -> Callable[[Row], str]:
    return lambda row: routes.absolute(row.ctx.site_url, routes.item(section, row.record.id, lang))


def _page_urls(section: str) -> tuple[Column, ...]:
    return tuple(Column(f"url_{lang}", f"url_{lang}", _url(section, lang), True) for lang in LANGS)


def _agreement_urls() -> tuple[Column, ...]:
    def url(lang: Lang) -> Callable[[Row], str]:
        return lambda row: routes.absolute(row.ctx.site_url, routes.src_uri(lang, row.record.text))
    return tuple(Column(f"url_{lang}", f"url_{lang}", url(lang), True) for lang in LANGS)


def _reports(site: Site) -> Iterator[tuple[BaseModel, Any]]:
    """Every report file, Danish and English, with the meeting it reports on filled in."""
    for meeting in site.meetings:
        for lang in LANGS:
            page = site.report(meeting, lang)
            if page is not None:
                yield page.meta.model_copy(update={"meeting": meeting.id}), page


def _report_url(row: Row) -> str:
    page: ContentPage = row.source
    assert row.record.meeting is not None
    uri = routes.item("meetings", row.record.meeting, page.lang)
    return routes.absolute(row.ctx.site_url, uri) + "#referat"


def _each(records: Callable[[Site], Iterable[BaseModel]]) -> Callable[[Site], Iterator[tuple[BaseModel, Any]]]:
    return lambda site: ((record, record) for record in records(site))


SOURCES: tuple[Source, ...] = (
    Source("partners", Partner, _each(lambda s: s.partners), tail=_page_urls("partners")),
    Source("agreements", Agreement, _each(lambda s: s.agreements), tail=_agreement_urls()),
    Source("themes", Theme, _each(lambda s: s.themes), tail=_page_urls("themes")),
    Source("meetings", Meeting, _each(lambda s: s.meetings), tail=_page_urls("meetings")),
    Source("decisions", Decision, _each(lambda s: s.decisions)),
    Source("reports", Page, _reports, key=("path",), lead=(
        Column("path", "path", lambda row: row.source.src_uri, True),
        Column("lang", "lang", lambda row: row.source.lang, True, values=LANGS),
    ), tail=(Column("url", "report_url", _report_url, True),)),
)
"""The record tables, in the order of the package; their list fields add the other tables."""

CHILD_TAIL: dict[str, tuple[Column, ...]] = {
    "attachments": (
        Column("url", "file_url", lambda row: routes.absolute(row.ctx.site_url, row.record.path), True),
        Column("bytes", "bytes", lambda row: row.ctx.site.file_sizes[row.record.path], True),
        Column("media_type", "media_type",
               lambda row: mimetypes.guess_type(row.record.path)[0] or "application/octet-stream", True),
    ),
}
"""Columns added from the site to a child table (the files' addresses, sizes and types)."""


def _children(source: Source, name: str) -> Callable[[Context], Iterator[Row]]:
    key = source.key[0]

    def items(ctx: Context) -> Iterator[Row]:
        for record, _ in source.records(ctx.site):
            for position, value in enumerate(getattr(record, name), 1):
                yield Row(value, ctx, getattr(record, key), position, value)
    return items


def _list_table(source: Source, field: ListField) -> Table:
    owner = snake(source.model.__name__)
    where = f"{source.model.__name__}.{field.name}"
    head = (Column(owner, "id", lambda row: row.owner, True, reference=source.name),
            Column("position", "position", lambda row: row.position, True))
    item = field.item
    if isinstance(item, type) and issubclass(item, BaseModel):
        name = snake(item.__name__) + "s"
        columns = (*head, *model_columns(item), *CHILD_TAIL.get(name, ()))
    elif item == Id:
        target = reference_of(source.model, field.name)
        if target is None:
            raise TypeError(f"{where}: a list of ids needs the table it points to in opendata.REFERENCES")
        name = f"{owner}_{field.name}"
        columns = (*head, Column(_singular(target), "id", lambda row: row.record, True, field.about,
                                 reference=target, field=field.name))
    else:
        raise TypeError(f"{where}: no table for a list of {item!r}; teach boligdialog.outputs.opendata")
    return Table(name, columns, (owner, "position"), _children(source, field.name), source.name, field.name)


def _singular(table: str) -> str:
    return snake(next(s.model.__name__ for s in SOURCES if s.name == table))


@functools.cache
def tables() -> tuple[Table, ...]:
    """Every table of the package, derived from the model: record tables, each followed by
    the tables of its list fields."""
    out: list[Table] = []
    for source in SOURCES:
        lists: list[ListField] = []
        columns = (*source.lead, *model_columns(source.model, lists=lists), *source.tail)

        def items(ctx: Context, source: Source = source) -> Iterator[Row]:
            return (Row(record, ctx, source=extra) for record, extra in source.records(ctx.site))
        out.append(Table(source.name, columns, source.key, items))
        out += [_list_table(source, f) for f in lists]
    names = [t.name for t in out]
    if len(set(names)) != len(names):
        raise TypeError(f"two tables of the same name: {names}")
    for table in out:
        duplicated = {c.name for c in table.columns if [d.name for d in table.columns].count(c.name) > 1}
        if duplicated:
            raise TypeError(f"table {table.name}: two columns named {sorted(duplicated)}")
    return tuple(out)


TABLE_TEXTS: dict[str, tuple[str, str]] = {
    "partners": ("Organisationerne i partnerskabet og dem, der er inviteret til at blive en del af det: "
                 "navn, type, hjemmeside og en note om det, der ikke vides.",
                 "The organisations in the partnership and those invited to join it: name, kind, website "
                 "and a note on what is not known."),
    "memberships": ("Hver ændring i en partners forhold til en udgave af aftalen (inviteret, underskrevet, "
                    "udtrådt) med dato. Den seneste ændring dateret senest på datapakkens dato er partnerens "
                    "status; en ændring med en senere dato er varslet og ikke sket endnu.",
                    "Each change in a partner's relation to a version of the agreement (invited, signed, "
                    "left), with its date. The latest change dated on or before the package's date is the "
                    "partner's status; a change with a later date is announced and has not happened yet."),
    "representatives": ("De personer, der taler på en partners vegne, og deres rolle.",
                        "The people who speak for a partner, and their role."),
    "agreements": ("Udgaverne af partnerskabsaftalen: titel, hvornår de blev vedtaget og trådte i kraft, hvad "
                   "der blev ændret, og høringen.",
                   "The versions of the partnership agreement: title, when each was adopted and came into force, "
                   "what changed, and the consultation."),
    "themes": ("De temaer, partnerskabet drøfter.", "The themes the partnership discusses."),
    "meetings": ("Møderne i {forum}: tidspunkt, sted, status og antal deltagere (præcist eller anslået).",
                 "The {forum} meetings: time, place, state and number of participants (exact or "
                 "estimated)."),
    "agenda_items": ("Punkterne på hvert mødes dagsorden og deres resultat.",
                     "The items on each meeting's agenda, and their result."),
    "attachments": ("Filer, der hører til et møde (fx dagsordener): navn, adresse, type og størrelse.",
                    "Files that belong to a meeting (such as agendas): name, address, type and size."),
    "meeting_themes": ("Hvilke temaer hvert møde handlede om.", "Which themes each meeting was about."),
    "meeting_invited": ("Hvilke organisationer der blev inviteret til hvert møde.",
                        "Which organisations were invited to each meeting."),
    "agreement_consulted": ("Hvilke organisationer der blev inviteret til at svare i høringen om en udgave af aftalen.",
                            "Which organisations were invited to respond in the consultation on a version of the "
                            "agreement."),
    "responses": ("Høringssvar: hvem der svarede i høringen om en udgave af aftalen, hvornår, og hvad de skrev, "
                  "kort.",
                  "Consultation responses: who responded in the consultation on a version of the agreement, when, "
                  "and what they wrote, in short."),
    "meeting_attended": ("Hvilke organisationer der deltog i hvert møde.",
                         "Which organisations attended each meeting."),
    "decisions": ("Beslutninger truffet i {forum}, og hvor langt de er nået.",
                  "Decisions taken at the {forum}, and how far they have come."),
    "decision_owners": ("Hvilke partnere der har ansvaret for hver beslutning.",
                        "Which partners are responsible for each decision."),
    "reports": ("Oplysninger om referaterne af møderne, én række pr. sprog: titel, udgivelsesdato og om "
                "referatet er et udkast eller godkendt. Selve teksten står på mødets side.",
                "Facts about the meetings' reports, one row per language: title, date of publication and "
                "whether the minutes are a draft or approved. The text itself is on the meeting's page."),
}
"""What each table holds, in Danish and English (the open-data page and ``datapackage.json``);
``{forum}`` is the site's forum (:func:`table_text`)."""


def table_text(name: str) -> tuple[str, str]:
    """What the table ``name`` holds, in Danish and English, with the site's names filled in."""
    da, en = TABLE_TEXTS[name]
    return i18n.fill(da, "da"), i18n.fill(en, "en")


# --- licence -----------------------------------------------------------------------------


@dataclass(frozen=True)
class License:
    """The licence the data are published under (``extra.open_data.license`` in ``mkdocs.yml``)."""

    name: str
    """Its identifier, as in the SPDX list (``CC0-1.0``)."""
    title: str
    path: str
    """Address of the licence text."""

    @classmethod
    def from_settings(cls, settings: "Settings") -> "License":
        """The licence ``extra.open_data.license`` names."""
        value = settings.open_data.license
        return cls(value.name, value.title, value.path)


DEFAULT_LICENSE = License("CC0-1.0", "Creative Commons Zero v1.0 Universal",
                          "https://creativecommons.org/publicdomain/zero/1.0/")
"""CC0: the Danish Agency for Digital Government recommends it for public-sector open data."""


# --- files -------------------------------------------------------------------------------


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


CSV_DIALECT = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True}

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


def descriptor(resources: list[dict[str, Any]], *, site_url: str, license: License, about: "AboutData",
               created: dt.datetime, modified: dt.datetime) -> dict[str, Any]:
    """The Data Package descriptor (``datapackage.json``)."""
    return {
        "profile": "tabular-data-package",
        "name": about.name,
        "id": routes.absolute(site_url, routes.DATA_DIR + routes.DATAPACKAGE),
        "title": f"{about.title.da} / {about.title.get('en').text}",
        "description": _both((about.description.da, about.description.get("en").text)),
        "homepage": routes.absolute(site_url, routes.OPEN_DATA),
        "licenses": [{"name": license.name, "title": license.title, "path": license.path}],
        "created": created.isoformat(timespec="seconds"),
        "modified": modified.isoformat(timespec="seconds"),
        "keywords": about.keywords,
        "resources": resources,
    }


@dataclass(frozen=True)
class Package:
    """The open data of one build: its tables, and every file by its name in ``data/``."""

    tables: tuple[Table, ...]
    counts: dict[str, int]
    """Rows of each table."""
    files: dict[str, bytes]
    license: License
    modified: dt.datetime


def package(site: Site, *, site_url: str, license: License, about: "AboutData", created: dt.datetime,
            modified: dt.datetime, also: Mapping[str, bytes] | None = None) -> Package:
    """Every table as CSV and JSON, ``datapackage.json`` describing the CSV tables, and the
    files in ``also`` (the Popolo export) beside them."""
    ctx = Context(site, site_url)
    files: dict[str, bytes] = {}
    resources, counts = [], {}
    for table in tables():
        rows = table.rows(ctx)
        counts[table.name] = len(rows)
        files[f"{table.name}.csv"] = csv_file(table, rows)
        files[f"{table.name}.json"] = json_file(table, rows)
        resources.append(resource(table, files[f"{table.name}.csv"]))
    data = descriptor(resources, site_url=site_url, license=license, about=about, created=created,
                      modified=modified)
    files[routes.DATAPACKAGE] = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    files.update(also or {})
    return Package(tables(), counts, files, license, modified)
