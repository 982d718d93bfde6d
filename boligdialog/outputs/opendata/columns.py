"""The columns of a model: each field of a record's model becomes columns by its value type
(the table in :mod:`boligdialog.outputs.opendata`), with what the model says the field means
(:class:`~boligdialog.model.fields.About`) and, for an id of another record, the table it refers
to (:class:`~boligdialog.model.fields.RefersTo`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from boligdialog.model.fields import About, FieldType, field_type
from boligdialog.model.values import LANGS, Address, Count, Lang, PartialDate, Text, When
from boligdialog.outputs.opendata.kinds import KINDS
from boligdialog.site.sitedata import Site


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
    about: About | None = None
    """What the model says its field means, in Danish and English."""
    values: tuple[str, ...] = ()
    """For a closed list: the values allowed."""
    minimum: int | None = None
    reference: str | None = None
    """The table whose ``id`` this column holds."""
    field: str | None = None
    """The model field it comes from; ``None`` for a column added from the site (addresses, sizes)."""
    model: str | None = None
    """The name of the model whose field it is."""

    @property
    def type(self) -> str:
        return KINDS[self.kind].type

    def words(self, lang: Lang) -> str:
        """The column in one language: the kind of its values, then what its field means."""
        text = KINDS[self.kind].words(lang)
        if self.values:
            text += ": " + ", ".join(self.values)
        return f"{text[0].upper()}{text[1:]}." + (f" {self.about.get(lang)}" if self.about else "")

    def description(self) -> str:
        """The description for the Table Schema: Danish, a blank line, English (as the package's
        and the tables' descriptions: the package is one file for readers of both languages)."""
        return "\n\n".join(self.words(lang) for lang in LANGS)


EXCLUDED: dict[tuple[str, str], str] = {
    ("Page", "hide"): "how the page is laid out, not a fact about the report",
}
"""Model fields that are not data, and why."""


def snake(name: str) -> str:
    """``AgendaItem`` -> ``agenda_item``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


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
    type: FieldType
    """Its items' type (``type.model`` for a list of records, else a list of ids)."""

    @property
    def about(self) -> About | None:
        return self.type.about


@dataclass(frozen=True)
class _Field:
    """One field of a model on its way to columns."""

    where: str
    """``Model.field``, for messages."""
    model: str
    name: str
    col: str
    """The column's name (the field's, after the prefix of a nested model)."""
    read: Callable[[Row], Any]
    """Gives the instance that holds the field."""
    required: bool
    type: FieldType
    own_id: bool
    """The record's own ``id`` (not a reference)."""

    def column(self, suffix: str, kind: str, then: Callable[[Any], Any] = lambda v: v, *,
               required: bool | None = None, **extra: Any) -> Column:
        return Column(self.col + suffix, kind, _read(self.read, self.name, then),
                      self.required if required is None else required, self.type.about, field=self.name, model=self.model,
                      **extra)


def _text(f: _Field) -> list[Column]:
    return [f.column("_da", "text_da", lambda t: t.da), f.column("_en", "text_en", lambda t: t.en, required=False)]


def _when(f: _Field) -> list[Column]:
    return [f.column("_date", "date", lambda w: w.date.isoformat()),
            f.column("_time", "time", lambda w: w.time, required=False)]


def _address(f: _Field) -> list[Column]:
    return [f.column(f"_{part}", "text", lambda a, part=part: getattr(a, part))
            for part in ("street", "postcode", "locality")]


def _count(f: _Field) -> list[Column]:
    return [f.column("", "count", lambda c: c.value), f.column("_approximate", "approximate", lambda c: c.approximate)]


def _integer(f: _Field) -> list[Column]:
    minimum = next((getattr(m, "ge") for m in f.type.metadata if hasattr(m, "ge")), None)
    return [f.column("", "integer", minimum=minimum)]


_STRING_KINDS = {"_content_path": "path", "_file_path": "path", "_text_key": "label", "_url": "url", "_slug": "id"}
"""Kinds of the model's special strings, by the name of their validator."""


def _string(f: _Field) -> list[Column]:
    kind = _STRING_KINDS.get(getattr(f.type.validator, "__name__", ""), "text")
    if kind != "id" or f.own_id:
        return [f.column("", kind)]
    if f.type.refers_to is None:
        raise TypeError(f"{f.where}: an id field needs the table it points to: RefersTo in its type "
                        "(boligdialog.model.valuetypes)")
    return [f.column("", kind, reference=f.type.refers_to)]


COLUMNS: dict[Any, Callable[[_Field], list[Column]]] = {
    Text: _text,
    PartialDate: lambda f: [f.column("", "date", PartialDate.isoformat)],
    When: _when,
    dt.time: lambda f: [f.column("", "time")],
    Address: _address,
    Count: _count,
    bool: lambda f: [f.column("", "boolean")],
    int: _integer,
    str: _string,
}
"""The columns of a field, by its value type."""


def _field_columns(f: _Field) -> list[Column]:
    if f.type.model is not None:
        return model_columns(f.type.model, _read(f.read, f.name), f"{f.col}_", None, f.required)
    if get_origin(f.type.base) is Literal:
        return [f.column("", "closed", values=tuple(get_args(f.type.base)))]
    make = COLUMNS.get(f.type.base)
    if make is None:
        raise TypeError(f"{f.where}: no column for values of type {f.type.base!r}; teach boligdialog.outputs.opendata")
    return make(f)


def model_columns(model: type[BaseModel], read: Callable[[Row], Any] = _record, prefix: str = "",
                  lists: list[ListField] | None = None, parent_required: bool = True) -> list[Column]:
    """The columns of a model's fields, in the model's order. List fields go to ``lists``
    (for tables of their own); where that is ``None``, a list field is a ``TypeError``."""
    columns: list[Column] = []
    for name, info in model.model_fields.items():
        where = f"{model.__name__}.{name}"
        if (model.__name__, name) in EXCLUDED:
            continue
        ft = field_type(info, where)
        if ft.many:
            if lists is None or prefix:
                raise TypeError(f"{where}: no table for a list inside a list item or a nested model yet")
            lists.append(ListField(name, ft))
            continue
        required = parent_required and info.is_required() and not ft.optional
        columns += _field_columns(_Field(where, model.__name__, name, prefix + name, read, required, ft,
                                              name == "id" and not prefix))
    return columns
