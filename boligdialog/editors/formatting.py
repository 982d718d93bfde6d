"""One written form for the data files, whoever wrote them: ``python -m boligdialog format``.

A data file is written by hand and by the web editor at ``/admin/`` (Decap CMS). A save in the
web editor writes the whole file again in Decap's own way: without the schema line at the top
(``# yaml-language-server: $schema=…``) and any other comment, a new record's keys in an order of
its own, each empty list the form has (``attended: []``), a long text folded at 80 characters,
quotes where its writer likes them. ``format`` writes a file in the one form the shipped files
have, so that a save and a hand edit differ only in what they change:

- the schema line (:func:`~boligdialog.editors.schemas.modeline`) is the first line;
- each record's keys are in the model's order (``id`` first, as the form and the guide show
  them);
- a key whose value is empty (``[]``) and the model's default, with no comment of its own, is
  left out;
- lists and texts in both languages are written one item per line (a hand edit's
  ``themes: [midtby]`` becomes the block a save writes; an empty ``[]`` stays), a one-line text on
  one line however long (a text written as a ``|`` block stays a block), quoted only where the
  house's reader needs it (``'on'``, which YAML 1.1 reads as true; :func:`~boligdialog.model.yamlsource.reads_as_text`).

What the house's reader reads is never changed: ``formatted`` reads the result back and leaves a
file alone that would read otherwise (but for the empty lists it leaves out).

The file is read and written by ruamel.yaml's round trip, so a comment or blank line an editor
writes by hand stays where it is; a save drops them, so the first save of a file changes it once
and a later save, formatted, differs only by what the editor changed. A file that cannot be read
is left alone (``check`` says what is wrong). On a web editor's pull request the workflow
``.github/workflows/form.yml`` runs ``format`` and commits the result to its branch.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from boligdialog.editors.schemas import modeline
from boligdialog.model.fields import field_type
from boligdialog.model.records import DATA_FILES, DataFile
from boligdialog.model.yamlsource import parse, reads_as_text


COMMAND = "python -m boligdialog format"


def _yaml() -> YAML:
    yaml = YAML()  # round trip: comments and blank lines are kept
    yaml.width = 4096  # a long text stays on one line (Decap folds it at 80 characters)
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _has_comment(node: CommentedMap, key: Any) -> bool:
    return bool(node.ca.items.get(key))


def _quote_what_needs_it(node: Any) -> None:
    """Quote each one-line text of ``node`` that the house's reader, written plain, would read as
    something else (``on``, ``yes``, ``0x1F``: YAML 1.1 reads them as true or a number), in place."""
    keys = range(len(node)) if isinstance(node, CommentedSeq) else list(node) if isinstance(node, CommentedMap) else ()
    for key in keys:
        value = node[key]
        if type(value) is str and "\n" not in value and not reads_as_text(value):
            node[key] = SingleQuotedScalarString(value)


def _without_empty_lists(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_empty_lists(v) for k, v in data.items() if v != []}
    if isinstance(data, list):
        return [_without_empty_lists(v) for v in data]
    return data


def _tidy(node: Any, cls: type[BaseModel] | None) -> None:
    """Put each record's keys in ``cls``'s order and leave out empty defaults, in place."""
    if isinstance(node, (CommentedSeq, CommentedMap)) and len(node):  # `[]` stays `[]`
        node.fa.set_block_style()
    _quote_what_needs_it(node)
    if isinstance(node, CommentedSeq):
        for item in node:
            _tidy(item, cls)
        return
    if not isinstance(node, CommentedMap):
        return
    if cls is None:
        for value in node.values():
            _tidy(value, None)
        return
    fields = cls.model_fields
    for name in list(node):
        info = fields.get(name)
        if info is None:
            continue
        value = node[name]
        if (not info.is_required() and info.default == [] and isinstance(value, list) and not value
                and not _has_comment(node, name)):
            del node[name]
            continue
        _tidy(value, field_type(info, f"{cls.__name__}.{name}").model)
    order = [n for n in fields if n in node] + [n for n in node if n not in fields]
    if list(node) != order:
        for name in order:
            node.move_to_end(name)


def formatted(text: str, file: DataFile[Any]) -> str | None:
    """``text`` of ``data/<file.name>`` in the one form; ``None`` if it cannot be read, or if the
    house's reader would read the result otherwise than ``text`` (but for the empty lists left out)."""
    yaml = _yaml()
    try:
        data = yaml.load(text)
    except Exception:  # noqa: BLE001 - any YAML mistake: check reports it, format leaves the file alone
        return None
    if not isinstance(data, CommentedMap):
        return None
    _tidy(data, file.model)
    out = io.StringIO()
    yaml.dump(data, out)
    body = out.getvalue()
    line = modeline(file.name)
    if not body.startswith(line):  # first, and once
        body = f"{line}\n" + "".join(row for row in body.splitlines(True) if row.rstrip("\n") != line)
    before, after = parse(text, file.name).data, parse(body, file.name).data
    if before is None or _without_empty_lists(after) != _without_empty_lists(before):
        return None  # what the house's reader reads must not change: the file is left as it is
    return body


def format_files(root: Path, *, write: bool = True) -> list[str]:
    """Format every data file in ``root/data`` that can be read; the paths of those that changed
    (or, without ``write``, would change)."""
    changed = []
    for file in DATA_FILES:
        path = root / file.path
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        new = formatted(text, file)
        if new is not None and new != text:
            changed.append(file.path)
            if write:
                path.write_text(new, encoding="utf-8")
    return changed
