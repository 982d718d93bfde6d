"""Turn pydantic's validation errors into an editor's ``expected … but received …``."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import DataError, show
from .yamlsource import Source

_TYPE_MESSAGES = {
    "string_type": "expected text",
    "string_too_short": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list (lines starting with '- ')",
    "model_type": "expected a mapping of keys and values",
    "dict_type": "expected a mapping of keys and values",
    "model_attributes_type": "expected a mapping of keys and values",
    "greater_than_equal": "expected a number of at least {ge}",
    "too_short": "expected at least {min_length} item(s)",
}


def _unwrap(tp: Any) -> Any:
    """Strip Optional/Annotated/list down to the model class inside, if any."""
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


def allowed_keys(root: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the model at ``loc`` (below ``root``) accepts."""
    model: Any = root
    for part in loc:
        if isinstance(part, str) and isinstance(model, type) and issubclass(model, BaseModel):
            field = model.model_fields.get(part)
            model = _unwrap(field.annotation) if field else None
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def message(err: Any, root: type[BaseModel]) -> str:
    """One pydantic error as ``expected … but received …``."""
    kind, received = err["type"], err.get("input")
    if kind == "value_error":
        return str(err["ctx"]["error"])
    if kind == "missing":
        return "expected a value but received nothing (the key is missing)"
    if kind == "extra_forbidden":
        allowed = allowed_keys(root, tuple(err["loc"][:-1]))
        return f"expected one of {allowed} but received the unknown key {err['loc'][-1]!r}"
    expected = _TYPE_MESSAGES.get(kind) or "expected " + err["msg"][0].lower() + err["msg"][1:]
    return f"{expected.format(**err.get('ctx', {}))} but received {show(received)}"


def _location(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """pydantic's location as a path in the file (keys that are not text are shown as text)."""
    return tuple(part if isinstance(part, (str, int)) else str(part) for part in loc)


def validate_source(src: Source, model: type[BaseModel]) -> tuple[Any | None, list[DataError]]:
    """Validate a parsed file against its model; return the model, or ``None`` and the errors."""
    data = src.data
    if not isinstance(data, dict):
        what = "an empty file" if data is None else show(data)
        return None, [src.error((), f"expected a mapping of keys and values but received {what}")]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [src.error(_location(tuple(e["loc"])) + _inner_key(e), message(e, model)) for e in exc.errors()]


def _inner_key(err: Any) -> tuple[str, ...]:
    """The key inside the value that was wrong (``da`` or ``en`` of a text), if the value says."""
    key = getattr(err.get("ctx", {}).get("error"), "key", None)
    return (key,) if key else ()
