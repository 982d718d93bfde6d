"""What a field of the model is, beyond its type: what it refers to and what it means.

Two markers are written next to a field in :mod:`boligdialog.model.records`, inside its
``Annotated[...]`` type, and read from there by every part that needs them:

- :class:`RefersTo` on an id: the field names a record of another data file. The cross-file
  check (:mod:`boligdialog.site.checks`), the open data's foreign keys
  (:mod:`boligdialog.outputs.opendata`) and the editors' JSON Schemas
  (:mod:`boligdialog.editors.schemas`) all read it with :func:`field_type`.
- :class:`About` on a field: what it means for a reader of the data, in Danish and English.
  The open data's field descriptions, the open-data page and the JSON Schemas show it.

Why ``Annotated`` and not ``Field(json_schema_extra=...)``: a marker in the type travels with
it, so ``PartnerId = Annotated[Id, RefersTo("partners")]`` is written once and reads the same
in ``owners: list[PartnerId]``, ``partner: PartnerId`` and ``reported_at: MeetingId | None``,
where a ``Field`` would describe the list or the optional, not the id inside. pydantic leaves
markers it does not know alone, so validation and pydantic's own schema are unchanged, and
nothing of ours leaks into a JSON Schema unless :mod:`~boligdialog.editors.schemas` puts it there.
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from boligdialog.model.values import Lang

MARKUP = re.compile(r"``|`[^`]+`_?|:[a-z]+:`|\*\*|<[a-z/]")
"""reStructuredText or HTML markup, which a public description must not carry."""


@dataclass(frozen=True)
class RefersTo:
    """On an id: the field holds the id of a record in the data file whose records are under
    ``key`` (a :attr:`~boligdialog.model.records.DataFile.key`, such as ``partners``; also the
    name of that file's table in the open data)."""

    key: str


@dataclass(frozen=True)
class About:
    """What a field means, said to a reader of the data (not to a developer): a plain sentence
    in Danish and the same in English, without markup and without the partnership's names."""

    da: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.da if lang == "da" else self.en


@dataclass(frozen=True)
class FieldType:
    """A model field's type with the wrappers taken off: ``list[X]``, ``X | None`` and the
    markers of ``Annotated``."""

    base: Any
    """The value type: ``str``, ``Text``, a model class, a ``Literal``…"""
    optional: bool
    many: bool
    """A list of ``base``."""
    metadata: tuple[Any, ...]
    """Every marker on the field and on its value type: validators, constraints, ours."""

    def marker(self, cls: type) -> Any:
        return next((m for m in self.metadata if isinstance(m, cls)), None)

    @property
    def validator(self) -> Any:
        """The function a ``PlainValidator`` checks the value with, or ``None``."""
        return next((m.func for m in self.metadata if hasattr(m, "func")), None)

    @property
    def refers_to(self) -> str | None:
        marker = self.marker(RefersTo)
        return marker.key if marker else None

    @property
    def about(self) -> About | None:
        return self.marker(About)

    @property
    def model(self) -> type[BaseModel] | None:
        """The nested model, if the value is a record of its own."""
        return self.base if isinstance(self.base, type) and issubclass(self.base, BaseModel) else None


def _unannotated(tp: Any) -> tuple[Any, tuple[Any, ...]]:
    if get_origin(tp) is Annotated:
        base, *metadata = get_args(tp)
        return base, tuple(metadata)
    return tp, ()


def field_type(info: FieldInfo, where: str = "") -> FieldType:
    """The :class:`FieldType` of a pydantic field. A union of several types is a ``TypeError``
    naming ``where``: nothing here could say which one a value is."""
    tp, metadata = _unannotated(info.annotation)
    optional = False
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) != 1 or len(get_args(tp)) != 2:
            raise TypeError(f"{where}: a union of several types: {tp!r}")
        tp, optional = args[0], True
    tp, more = _unannotated(tp)
    many = get_origin(tp) is list
    if many:
        tp, items = _unannotated(get_args(tp)[0])
        more += items
    return FieldType(tp, optional, many, (*info.metadata, *metadata, *more))


def models(roots: Iterable[type[BaseModel]]) -> list[type[BaseModel]]:
    """The models ``roots`` are made of, roots first, each once."""
    out: list[type[BaseModel]] = []
    todo = list(roots)
    while todo:
        cls = todo.pop(0)
        if cls in out:
            continue
        out.append(cls)
        todo += [m for name, info in cls.model_fields.items() if (m := field_type(info, name).model)]
    return out


def references(roots: Iterable[type[BaseModel]]) -> dict[tuple[type[BaseModel], str], str]:
    """Every field of the models under ``roots`` that names another record, with the key of the
    data file it names one of: what the check, the foreign keys and the schemas follow."""
    return {(cls, name): key for cls in models(roots) for name, info in cls.model_fields.items()
            if (key := field_type(info, name).refers_to)}


@functools.cache
def _linking_fields(cls: type[BaseModel]) -> tuple[tuple[str, FieldType], ...]:
    """The fields of ``cls`` that name another record or hold records of their own, with their
    types (worked out once per model: the check asks for every record)."""
    return tuple((name, ft) for name, info in cls.model_fields.items()
                 if (ft := field_type(info, name)).refers_to or ft.model)


Reference = tuple[tuple[Any, ...], str, str]
"""Where in a record an id names another record, the id, and the key of the file it names a record of."""


def referenced_ids(record: BaseModel) -> Iterator[Reference]:
    """``(path, id, key)`` for every id in ``record`` (and in the records nested in it) that
    names a record of the data file under ``key``; ``path`` is where it is, from ``record``."""
    for name, ft in _linking_fields(type(record)):
        value = getattr(record, name)
        values = list(enumerate(value)) if ft.many else [(None, value)]
        for j, item in values:
            if item is None:
                continue
            at = (name,) if j is None else (name, j)
            if ft.refers_to:
                yield at, item, ft.refers_to
            elif ft.model:
                yield from ((at + path, ref, key) for path, ref, key in referenced_ids(item))
