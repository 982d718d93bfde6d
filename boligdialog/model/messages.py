"""Turn pydantic's validation errors into an editor's ``expected … but received …``."""

from __future__ import annotations

import types
import typing
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from boligdialog.model.errors import DataError, show
from babel.lists import format_list

from boligdialog.model.choices import state_word
from boligdialog.model.translate import N_, language, one_of, suggest, tr
from boligdialog.model.yamlsource import Source

_TYPE_MESSAGES = {
    "string_type": N_("expected text"),
    "string_too_short": N_("expected text"),
    "int_type": N_("expected a whole number"),
    "int_parsing": N_("expected a whole number"),
    "int_from_float": N_("expected a whole number"),
    "bool_type": N_("expected true or false"),
    "bool_parsing": N_("expected true or false"),
    "list_type": N_("expected a list (lines starting with '- ')"),
    "model_type": N_("expected a mapping of keys and values"),
    "dict_type": N_("expected a mapping of keys and values"),
    "model_attributes_type": N_("expected a mapping of keys and values"),
    "greater_than_equal": N_("expected a number of at least {ge}"),
    "less_than_equal": N_("expected a number of at most {le}"),
    "too_short": N_("expected at least {min_length} item(s)"),
}


def _unwrap(tp: Any) -> Any:
    """Strip Optional/Annotated/list down to the model class (or Literal) inside, if any."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        elif origin is list:
            tp = typing.get_args(tp)[0]
        else:
            return tp


def _type_at(root: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The type of the value at ``loc`` below ``root`` (list items count as their list)."""
    model: Any = root
    for part in loc:
        if isinstance(part, str) and isinstance(model, type) and issubclass(model, BaseModel):
            field = model.model_fields.get(part)
            model = _unwrap(field.annotation) if field else None
    return model


def allowed_keys(root: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the model at ``loc`` (below ``root``) accepts."""
    model = _type_at(root, loc)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def allowed_values(root: type[BaseModel], loc: tuple[Any, ...]) -> list[Any]:
    """The values of the closed list at ``loc`` (``state``: planned, held, cancelled), if it is one."""
    tp = _type_at(root, loc)
    return list(typing.get_args(tp)) if typing.get_origin(tp) is Literal else []


def message(err: Any, root: type[BaseModel]) -> str:
    """One pydantic error as ``expected … but received …``."""
    kind, received = err["type"], err.get("input")
    if kind == "value_error":
        return str(err["ctx"]["error"])
    if kind == "missing":
        return tr("expected a value but received nothing (the key is missing)")
    if kind == "extra_forbidden":
        allowed = allowed_keys(root, tuple(err["loc"][:-1]))
        return tr("expected one of {allowed} but received the unknown key {key}", allowed=one_of(allowed),
                  key=repr(err["loc"][-1]))
    if kind in _TYPE_MESSAGES:
        expected = tr(_TYPE_MESSAGES[kind]).format(**err.get("ctx", {}))
    else:  # pydantic's own words (English): no kind an editor's file can cause is known to get here
        expected = "expected " + err["msg"][0].lower() + err["msg"][1:]
    return tr("{expected} but received {value}", expected=expected, value=show(received))


def hint(err: Any, root: type[BaseModel]) -> str:
    """What to write instead: the near miss of a key or of a closed list's value, or the
    value's own advice (a date's right form)."""
    loc = tuple(err["loc"])
    if err["type"] == "extra_forbidden":
        return suggest(loc[-1], allowed_keys(root, loc[:-1]))
    if err["type"] == "value_error":
        advice = getattr(err["ctx"]["error"], "hint", "")
        return advice or suggest(err.get("input"), allowed_values(root, loc))
    if err["type"] == "missing":
        if not isinstance(loc[-1], str):
            return ""
        values = allowed_values(root, loc)
        if values:
            return tr("add the line {key}: with one of {allowed}", key=loc[-1], allowed=labelled(values))
        return tr("add the line {key}: …", key=loc[-1])
    return ""


def labelled(values: list[str]) -> str:
    """The values of a closed list, each with its label as the site shows it (in Danish:
    ``'planned' (planlagt), 'held' (afholdt) eller 'cancelled' (aflyst)``)."""
    lang = language()
    named = {v: state_word(v) for v in values}
    if lang == "en":
        return one_of(values)
    return format_list([f"{v!r} ({named[v]})" if named[v] else repr(v) for v in values], style="or", locale="da_DK")


def _location(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """pydantic's location as a path in the file (keys that are not text are shown as text)."""
    return tuple(part if isinstance(part, (str, int)) else str(part) for part in loc)


def validate_source(src: Source, model: type[BaseModel]) -> tuple[Any | None, list[DataError]]:
    """Validate a parsed file against its model; return the model, or ``None`` and the errors."""
    data = src.data
    if not isinstance(data, dict):
        what = tr("an empty file") if data is None else show(data)
        return None, [src.error((), tr("expected a mapping of keys and values but received {value}", value=what))]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [src.error(_location(tuple(e["loc"])) + _inner_key(e), message(e, model), hint=hint(e, model))
                      for e in exc.errors()]


def _inner_key(err: Any) -> tuple[str, ...]:
    """The key inside the value that was wrong (``da`` or ``en`` of a text), if the value says."""
    key = getattr(err.get("ctx", {}).get("error"), "key", None)
    return (key,) if key else ()
