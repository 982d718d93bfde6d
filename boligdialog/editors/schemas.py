"""JSON Schemas of the data files, for editors' tools: ``python -m boligdialog schemas``.

Each data file starts with ``# yaml-language-server: $schema=../schemas/<name>.schema.json``,
so VS Code (with Red Hat's YAML extension) and other editors that speak the YAML language
server complete keys, offer the closed lists and underline mistakes while the editor types.

The schemas are generated from the same pydantic models that validate the files
(:mod:`boligdialog.model.records`), so they cannot say something else than the check:

- the value types that parse text themselves (:class:`~boligdialog.model.values.Text`, dates,
  times, counts, addresses, ids, web addresses, paths) get a schema each, here, keyed by
  their validator; a new type without one stops the generation rather than allow anything;
- the closed lists (kinds, states, statuses) are enums, as pydantic writes a ``Literal``;
- a field that names another record (a meeting's themes, a decision's owners: a ``RefersTo``
  in the model's types) refers to ``ids.schema.json``, the ids that exist in the data now. That file is made from the data,
  not the model: ``make schemas`` and the ``new`` commands write it, and ``boligdialog check``
  says when it is out of date. An editor who adds a theme in GitHub's web editor therefore
  never has to regenerate anything for the site to build and publish.

Descriptions are in Danish, the editors' language: what a field means (the model's ``About``),
then how to write its value.
"""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from boligdialog.model import records as model
from boligdialog.model.fields import field_type, models
from boligdialog.model.records import DATA_FILES as _DATA_FILES

DATA_FILES = {file.name: (file.model, file.key) for file in _DATA_FILES}
"""Each data file by its name: the model of the file and the key of its list of records."""
from boligdialog.model.translate import tr, use

FOLDER = "schemas"
"""Where the schemas are, beside ``data/``."""
IDS = "ids.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
COMMAND = "make schemas"

FILE_MODELS: tuple[type[BaseModel], ...] = tuple(models(file.model for file in _DATA_FILES))
"""The models the data files are made of (the front matter's is not among them)."""

REFERENCES: dict[tuple[type[BaseModel], str], str] = {
    (cls, name): key for (cls, name), key in model.REFERENCES.items() if cls in FILE_MODELS}
"""Fields of the data files that hold the id of another record, and the key of the data file it is
in: the model's ``RefersTo`` (:data:`boligdialog.model.records.REFERENCES`), which the check and
the open data follow too."""

KINDS = {file.key: (file.name, file.key) for file in _DATA_FILES if file.key in REFERENCES.values()}
"""Where the ids of each kind of record that is referred to are: data file and key of its list
(``ids.schema.json`` has one list of ids for each, under the key)."""

_YEAR = "(19|2[0-9])[0-9]{2}"
_MONTH = "(0[1-9]|1[0-2])"
_LEAP = "((19|2[0-9])(0[48]|[2468][048]|[13579][26])|2[048]00)"
"""The leap years from 1900 to 2999 (1900, 2100 … are not; 2000, 2400, 2800 are)."""
_FULL = (f"({_YEAR}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)"
         f"|{_LEAP}-02-29)")
"""A day that exists: no 2017-02-30, no 2017-04-31, 29 February only in a leap year."""
_CLOCK = "([01]?[0-9]|2[0-3]):[0-5][0-9]"
_ONE_LINE = r"^[^\n\r]*\S[^\n\r]*$"


def _validator(alias: Any) -> Any:
    """The function a ``PlainValidator`` annotation of ``alias`` validates with."""
    return next(m.func for m in typing.get_args(alias)[1:] if hasattr(m, "func"))


def _text(pattern: str) -> JsonSchemaValue:
    line = {"type": "string", "pattern": pattern}
    return {"anyOf": [line, {"type": "object", "properties": {"da": line, "en": line}, "required": ["da"],
                             "additionalProperties": False}]}


def value_schemas() -> dict[Any, JsonSchemaValue]:
    """The schema of each value type, by its validator (built when asked: descriptions are
    translated)."""
    year = {"type": "integer", "minimum": 1900, "maximum": 2999}
    return {
        _validator(model.TextField): {**_text(r"\S"), "description": tr(
            "Text in Danish, or da: and en: on lines of their own with the Danish and the English text")},
        _validator(model.LineField): {**_text(_ONE_LINE), "description": tr(
            "A name or title on one line: in Danish, or da: and en: with the Danish and the English one")},
        _validator(model.Line): {"type": "string", "pattern": _ONE_LINE, "description": tr("Text on one line")},
        _validator(model.Description): {"type": "string", "pattern": r"\S", "description": tr("Text")},
        _validator(model.DateField): {
            "anyOf": [{"type": "string", "pattern": f"^({_YEAR}|{_YEAR}-{_MONTH}|{_FULL})$"}, year],
            "description": tr("A date: 2027-03-18, or 2027-03 when only the month is known, or 2027"),
            "examples": ["2027-03-18", "2027-03"]},
        _validator(model.WhenField): {
            "anyOf": [{"type": "string", "pattern": f"^({_YEAR}|{_YEAR}-{_MONTH}|{_FULL}([ T]{_CLOCK})?)$"}, year],
            "description": tr("When it starts: 2027-03-18 17:00, or 2027-03-18 without a time, or 2027-03 when "
                              "only the month is known"),
            "examples": ["2027-03-18 17:00", "2027-03-18", "2027-03"]},
        _validator(model.TimeField): {"type": "string", "pattern": f"^{_CLOCK}$",
                                      "description": tr("A time of day in quotes: \"19:30\""),
                                      "examples": ["19:30"]},
        _validator(model.CountField): {
            "anyOf": [{"type": "integer", "minimum": 0},
                      {"type": "string", "pattern": r"^\s*(about|ca\.?|cirka)\s+[0-9]+\s*$"}],
            "description": tr("A number, or about 20 when it is an estimate"), "examples": [34, "about 20"]},
        _validator(model.AddressField): {
            "type": "string", "pattern": r"^\s*[^,]*[^,\s], *[0-9]{4} +[^,]*[^,\s]\s*$",
            "description": tr("Street and number, postcode and town: Torvet 1, 1234 Byen"),
            "examples": ["Torvet 1, 1234 Byen"]},
        _validator(model.Id): {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": model.MAX_ID,
                               "description": tr("An id: lowercase letters a-z, digits and hyphens, like "
                                                 "forum-2027-1; never change it later")},
        _validator(model.Url): {"type": "string", "pattern": r"^https?://[^\s/$.?#][^\s]*$",
                                "description": tr("A web address starting with https://")},
        _validator(model.Email): {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$",
                                  "description": tr("An e-mail address, like hoering@kommune.dk"),
                                  "examples": ["hoering@kommune.dk"]},
        _validator(model.ContentPath): {
            "type": "string", "pattern": r"^(?![/\\]|en/)(?!(.*[/\\])?\.\.([/\\]|$))(?!.*://).+\.md$",
            "description": tr("The Danish Markdown file under content/, like aftale/2027.md")},
        _validator(model.FilePath): {
            "type": "string", "pattern": r"^(?![/\\])(?!(.*[/\\])?\.\.([/\\]|$))(?!.*://).+$",
            "description": tr("A file under content/, like filer/dagsorden-2027-1.pdf")},
        _validator(model.Label): {"anyOf": [{"type": "integer"}, {"type": "string", "maxLength": 20,
                                                                   "pattern": _ONE_LINE}],
                                  "description": tr("A number or a short text")},
    }


def pattern_messages() -> dict[str, str]:
    """What each pattern of :func:`value_schemas` asks for, in Danish: editors' tools show it
    instead of the regular expression (``patternErrorMessage``, which the YAML language server of
    VS Code reads)."""
    date = tr("A real date as 2027-03-18, or 2027-03 when only the month is known, or 2027")
    return {
        r"\S": tr("Write a text here"),
        _ONE_LINE: tr("Write a text on one line here"),
        f"^({_YEAR}|{_YEAR}-{_MONTH}|{_FULL})$": date,
        f"^({_YEAR}|{_YEAR}-{_MONTH}|{_FULL}([ T]{_CLOCK})?)$": tr(
            "A real date and time as 2027-03-18 17:00, or 2027-03-18 without a time, or 2027-03 when only the month "
            "is known"),
        f"^{_CLOCK}$": tr("A time of day as \"19:30\", in quotes"),
        r"^\s*(about|ca\.?|cirka)\s+[0-9]+\s*$": tr("A number, or about 20 when it is an estimate"),
        r"^\s*[^,]*[^,\s], *[0-9]{4} +[^,]*[^,\s]\s*$": tr("Street and number, postcode and town: Torvet 1, 1234 Byen"),
        "^[a-z0-9]+(-[a-z0-9]+)*$": tr("An id of lowercase letters a-z, digits and hyphens, like forum-2027-1 (no æ, ø, "
                                       "å, spaces or capitals)"),
        r"^https?://[^\s/$.?#][^\s]*$": tr("A web address starting with https://"),
        r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$": tr("An e-mail address, like hoering@kommune.dk"),
        r"^(?![/\\]|en/)(?!(.*[/\\])?\.\.([/\\]|$))(?!.*://).+\.md$": tr(
            "The Danish Markdown file under content/, like aftale/2027.md"),
        r"^(?![/\\])(?!(.*[/\\])?\.\.([/\\]|$))(?!.*://).+$": tr("A file under content/, like filer/dagsorden-2027-1.pdf"),
    }


def _with_messages(node: Any, messages: dict[str, str]) -> None:
    """Give every ``pattern`` in ``node`` its Danish message; a pattern without one stops the
    generation, so no editor is shown a bare regular expression."""
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            if node["pattern"] not in messages:
                raise KeyError(f"no Danish message for the pattern {node['pattern']!r}: add it to pattern_messages()")
            node["patternErrorMessage"] = messages[node["pattern"]]
        for value in node.values():
            _with_messages(value, messages)
    elif isinstance(node, list):
        for value in node:
            _with_messages(value, messages)


class _Generator(GenerateJsonSchema):
    """pydantic's generator, with our value types' schemas instead of "anything"."""

    values: dict[Any, JsonSchemaValue]

    def function_plain_schema(self, schema: core_schema.PlainValidatorFunctionSchema) -> JsonSchemaValue:
        function = schema["function"]["function"]
        for validator, value in self.values.items():
            if validator == function:
                return dict(value)
        raise TypeError(f"no JSON Schema for values checked by {function!r}: add one to boligdialog/schemas.py")


def _reference(node: JsonSchemaValue, kind: str) -> None:
    """Make the id inside ``node`` (a field, a list of them, or an optional one) a reference."""
    ref = {"$ref": f"{IDS}#/$defs/{kind}"}
    if "items" in node:
        node["items"] = ref
    elif "anyOf" in node:
        node["anyOf"] = [ref if branch.get("type") != "null" else branch for branch in node["anyOf"]]
    else:
        title = node.get("title")
        node.clear()
        node.update(ref, **({"title": title} if title else {}))


def _describe(node: JsonSchemaValue, cls: type[BaseModel]) -> None:
    """A model's properties say, in Danish, what they mean (the model's ``About``), then how to
    write the value; an id of another record refers to the ids that exist. The model's docstring
    (English, for developers) is left out: the field that holds the model says what it is."""
    node.pop("description", None)
    for name, info in cls.model_fields.items():
        prop = node["properties"][name]
        ft = field_type(info, f"{cls.__name__}.{name}")
        if ft.refers_to:
            _reference(prop, ft.refers_to)
        about = ft.about
        if about is not None:
            how = prop.get("description")
            prop["description"] = about.da + (f"\n\n{how}" if how else "")


def model_schema(root: type[BaseModel]) -> dict[str, Any]:
    """The schema of a data file whose whole is ``root``."""
    with use("da"):
        generator = type("Generator", (_Generator,), {"values": value_schemas()})
        schema = root.model_json_schema(schema_generator=generator)
    defs = schema.get("$defs", {})
    for cls in models([root]):
        _describe(defs.get(cls.__name__, schema), cls)
    for key in model.MAY_BE_EMPTY & set(schema.get("properties", {})):
        schema["properties"][key]["type"] = ["array", "null"]  # `decisions:` with nothing after it
    with use("da"):
        _with_messages(schema, pattern_messages())
    return {"$schema": DIALECT, **schema}


BASE = ""
"""What the schemas' ``$id`` starts with: nothing, so each is named by its file name, relative to
where it is read from. Tools that find references by path (VS Code, check-jsonschema) then read
``ids.schema.json`` beside the schema, as without an ``$id``; tools that find them only by
``$id`` (ajv-cli, given ``-r schemas/ids.schema.json``) find it by that name. An absolute address
would send the first kind to the network for ``ids.schema.json``."""


def file_schema(name: str) -> dict[str, Any]:
    """The schema of ``data/<name>``."""
    return {"$schema": DIALECT, "$id": BASE + schema_name(name), **model_schema(DATA_FILES[name][0])}


def schema_name(name: str) -> str:
    """``meetings.yaml`` -> ``meetings.schema.json``."""
    return name.removesuffix(".yaml") + ".schema.json"


def ids_schema(ids: dict[str, list[str]]) -> dict[str, Any]:
    """The ids that exist, by kind (``{'themes': ['midtby', …], …}``)."""
    with use("da"):
        return {"$schema": DIALECT, "$id": BASE + IDS,
                "description": tr("The ids in the data files now; made by {command}", command=COMMAND),
                "$defs": {kind: {"enum": sorted(ids.get(kind, []))} for kind in KINDS}}


def read_ids(root: Path) -> dict[str, list[str]]:
    """The ids in ``root/data`` as they are written (a file that cannot be read gives none)."""
    from boligdialog.model.yamlsource import parse

    out: dict[str, list[str]] = {}
    for kind, (name, key) in KINDS.items():
        path = root / "data" / name
        data = parse(path.read_text(encoding="utf-8-sig"), name).data if path.is_file() else None
        items = data.get(key) if isinstance(data, dict) else None
        out[kind] = sorted({item["id"] for item in items or [] if isinstance(item, dict)
                            and isinstance(item.get("id"), str)})
    return out


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def expected(root: Path) -> dict[str, str]:
    """Every schema file's text, by its name in ``schemas/``."""
    out = {schema_name(name): render(file_schema(name)) for name in DATA_FILES}
    out[IDS] = render(ids_schema(read_ids(root)))
    return out


def stale(root: Path, *, ids: bool = True) -> list[str]:
    """The schema files in ``root/schemas`` that differ from what the model (and, with ``ids``,
    the data) makes now."""
    folder = root / FOLDER
    return sorted(name for name, text in expected(root).items()
                  if (ids or name != IDS) and (not (folder / name).is_file()
                                              or (folder / name).read_text(encoding="utf-8") != text))


def ids_stale(root: Path) -> bool:
    """True when ``schemas/ids.schema.json`` exists but does not list the ids in the data now."""
    path = root / FOLDER / IDS
    return path.is_file() and path.read_text(encoding="utf-8") != render(ids_schema(read_ids(root)))


def write(root: Path) -> list[str]:
    """Write the schema files that changed; returns their names."""
    changed = stale(root)
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    texts = expected(root)
    for name in changed:
        (folder / name).write_text(texts[name], encoding="utf-8")
    return changed


def modeline(name: str) -> str:
    """The first line of ``data/<name>``, which tells editors' tools where its schema is."""
    return f"# yaml-language-server: $schema=../{FOLDER}/{schema_name(name)}"
