"""Read YAML while remembering on which line every key and list item stands.

PyYAML parses; this module only walks the node tree it composed so that a
validation error at ``meetings[0].themes[1]`` can be reported with its line.
It also reports what PyYAML silently accepts but an editor never means:
duplicate keys, and ``17:00`` read as the number 1020.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from boligdialog.model.errors import DataError, format_path
from boligdialog.model.positions import place
from boligdialog.model.translate import N_, tr
from boligdialog.model.values import char_name

Path = tuple[str | int, ...]


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same nodes, faster


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loading with two YAML 1.1 surprises removed.

    - No base-60 integers, so ``17:00`` stays the text "17:00" (not 1020).
    - No implicit dates or timestamps, so ``2017-02-30`` reaches our own date parser
      (which reports it) instead of crashing PyYAML, and a time zone is never dropped.
    """


_DROPPED = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp"}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
    list("-+0123456789"),
)


def reads_as_text(value: str) -> bool:
    """Whether ``value``, written without quotes, is read back as this text (not ``yes`` or ``on``,
    which YAML 1.1 reads as true, nor a number)."""
    return _resolver().resolve(yaml.ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str"


@functools.cache
def _resolver() -> _Loader:
    """One loader, for its resolver only."""
    return _Loader("")


MAX_DEPTH = 40
"""Deepest nesting of lists and mappings a file may have (ours need fewer than ten levels).
Checked before composing: libyaml's composer recurses, and very deep nesting crashes it."""

_OPEN = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken,
         yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
_CLOSE = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _check_depth(text: str, line_offset: int, depth: int = 0) -> None:
    """Raise :class:`_Unsupported` at the first place nested deeper than :data:`MAX_DEPTH`
    (``depth``: the levels the text stands in within its file)."""
    for token in _tokens(text):
        if isinstance(token, _OPEN):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Unsupported(token.start_mark.line + 1 + line_offset, tr(
                    "expected at most {limit} levels of lists and mappings inside each other but received more",
                    limit=MAX_DEPTH))
        elif isinstance(token, _CLOSE):
            depth -= 1


def _tokens(text: str) -> Iterator[yaml.Token]:
    """PyYAML's tokens of ``text``, one at a time (the scanner is let go of at the end)."""
    scanner = _Loader(text)
    try:
        while (token := scanner.get_token()) is not None:
            yield token
    finally:
        scanner.dispose()


class _Unsupported(Exception):
    """YAML that is valid but that our files never need (aliases, complex keys)."""

    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message


@dataclass
class Source:
    """A parsed YAML document and the line of every path in it."""

    file: str
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    errors: list[DataError] = field(default_factory=list)
    offset: int = 0
    """Lines above the YAML in its file (front matter starts on line 2)."""

    def line(self, path: Path) -> int:
        """Line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def error(self, path: Path, message: str, *, hint: str = "") -> DataError:
        """A mistake at ``path``, with its line and its place as people count it."""
        return DataError(self.file, self.line(path), format_path(path), message,
                         place=place(tuple(path), self.data), hint=hint)


def _walk(node: yaml.Node, path: Path, src: Source, seen: set[int]) -> None:
    if id(node) in seen:  # the same node twice: an alias (*name) to an anchor (&name)
        raise _Unsupported(src.line(path),
                           tr("expected plain YAML but received an alias (*name); write the value out"))
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: set[str] = set()
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + src.offset
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Unsupported(line, (format_path(path) or tr("top level")) + ": " + tr(
                    "expected a plain key like 'name:' but received a list or mapping as a key"))
            key = key_node.value
            child = (*path, key)
            if key in keys:
                src.errors.append(DataError(src.file, line, format_path(child),
                                            tr("this key is given twice; keep one"), place=place(child, None)))
            keys.add(key)
            src.lines.setdefault(child, line)
            _walk(value_node, child, src, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            child = (*path, i)
            src.lines[child] = item.start_mark.line + 1 + src.offset
            _walk(item, child, src, seen)


def _tab_at(text: str, mark: yaml.Mark | None) -> bool:
    """True when the line of a syntax error has a tab up to the error's column."""
    if mark is None:
        return False
    lines = text.splitlines()
    return mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]


YAML_ADVICE = (
    ("mapping values are not allowed",
     N_("a colon and a space (': ') inside a text starts a new key: put the text in quotes, "
        "like title: \"Møde: budget\", or check that the line starts in the right column")),
    ("could not find expected ':'",
     N_("every key needs a colon and a space after it, like 'name: …'; a text that goes on over "
        "several lines must be indented further than its key")),
    ("did not find expected key",
     N_("check that the lines line up: the keys of one entry start in the same column, "
        "and a new entry in a list starts with '- '")),
    ("did not find expected '-' indicator",
     N_("each entry of a list starts with '- ' in the same column, and a key after the list "
        "lines up with the key above it")),
    ("expected <block end>, but found '<block mapping start>'",
     N_("this line does not line up with the lines above it: the keys of one entry start in the same "
        "column, with spaces only")),
    ("expected <block end>, but found '<block sequence start>'",
     N_("this entry of a list does not line up with the entries above it: each entry starts with '- ' in "
        "the same column, indented below its key")),
    ("did not find expected ',' or ']'",
     N_("a list written in [ ] needs a comma between its values and a closing ]")),
    ("did not find expected ',' or '}'",
     N_("a mapping written in { } needs a comma between its keys and a closing }")),
    ("found unexpected end of stream",
     N_("a quote (\" or ') was opened but not closed: end the text with the same quote")),
    ("found unknown escape character",
     N_("inside double quotes a backslash (\\) starts a special character: write the text in "
        "single quotes, or double the backslash")),
    ("did not find expected node content",
     N_("a value is missing: write it after the colon, or remove the line")),
    ("did not find expected alphabetic or numeric character",
     N_("'&' and '*' at the start of a value mean something in YAML: put the text in quotes")),
    ("found character that cannot start any token",
     N_("'@', '`' and '%' cannot start a value: put the text in quotes")),
    ("could not determine a constructor for the tag",
     N_("'!' at the start of a value means something in YAML: put the text in quotes")),
)
"""What usually causes each of PyYAML's complaints, in words an editor can act on."""


_EMPTY_LIST = re.compile(r"^(?P<key>[A-Za-z_]+):\s*\[\s*\]\s*(?:#.*)?$", re.M)


def _empty_list_above(text: str, line: int) -> str | None:
    """The key of a list written as empty (``decisions: []``) above the 0-based ``line``, with
    nothing but list entries, blank lines and comments between: entries pasted below it."""
    lines = text.splitlines()[:line]
    for i in range(len(lines) - 1, -1, -1):
        if (m := _EMPTY_LIST.match(lines[i])) is not None:
            return m.group("key")
        if lines[i] and not lines[i][0].isspace() and not lines[i].startswith("#"):
            return None
    return None


def _explain(text: str, mark: Any, problem: str) -> str:
    """What the editor should do about PyYAML's ``problem`` at ``mark``, in their words; the
    parser's own words only when it is not known what causes them."""
    key = _empty_list_above(text, mark.line) if mark is not None else None
    if key is not None:
        return tr("the list {key}: [] above is written as empty ([] means a list with nothing in it), so the "
                  "entries below cannot belong to it: delete the [] so that the line says only '{key}:'", key=key)
    advice = next((tr(advice) for known, advice in YAML_ADVICE if known in problem), "")
    return advice or tr("expected valid YAML but received text it cannot read ({problem})", problem=problem)


def parse(text: str, file: str, *, line_offset: int = 0, depth: int = 0) -> Source:
    """Parse ``text`` (the contents of ``file``).

    ``line_offset`` is added to every line, for YAML that starts below the top of
    its file (front matter). A syntax error becomes a :class:`DataError` in
    ``Source.errors`` and ``data`` is ``None``.
    """
    src = Source(file=file, data=None, offset=line_offset)
    src.lines[()] = 1 + line_offset
    try:
        _check_depth(text, line_offset, depth)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _walk(node, (), src, set())
                src.data = loader.construct_document(node)
        finally:
            loader.dispose()
    except _Unsupported as exc:
        src.errors.append(DataError(file, exc.line, "", exc.message))
        src.data = None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. NUL
        line = text[: exc.position].count("\n") + 1 + line_offset
        src.errors.append(DataError(file, line, "", tr(
            "expected plain text but received the invisible character {character}; delete it",
            character=char_name(chr(exc.character)))))
        src.data = None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # an error at the very end of a file without a final line break is on its last line
        line = min(mark.line + 1 if mark else 1, text.count("\n") + 1) + line_offset
        problem = "; ".join(p for p in (exc.context, exc.problem) if p) or "unreadable text"
        if _tab_at(text, mark):
            message = tr("expected spaces but received a tab; YAML needs spaces, not tabs, before and between values")
        else:
            message = _explain(text, mark, problem)
        src.errors.append(DataError(file, line, "", message))
        src.data = None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        src.errors.append(DataError(file, 1 + line_offset, "", tr("expected valid YAML: {problem}", problem=str(exc))))
        src.data = None
    return src


def reparse(before: Source, old: str, new: str, key: str) -> Source | None:
    """The :class:`Source` of ``new``, made from ``before`` (the Source of ``old``, a file whose
    only key is ``key``, a block list of records) when ``new`` differs from ``old`` only within
    the lines of one record: that record is parsed again alone and put in its place, the lines
    below it move. ``None`` when it cannot be sure that the record reads in its file as it reads
    alone — the edit reaches beyond one record; a record's dash is not on its first line or
    not in the list's column; a line of the record is not indented below its dash; the record
    holds what only the whole file can judge (``---``, ``...``, a directive, an anchor or alias,
    a byte-order mark) — or when the record alone has a mistake: then ``new`` is to be parsed
    whole, which reports what is wrong. What it returns is what :func:`parse` makes of ``new``
    (tested on fixed and random edits).

    An editor's edit in the preview is most often inside one record; at 2,000 meetings parsing
    the whole ``meetings.yaml`` again took 5 s."""
    records = before.data.get(key) if isinstance(before.data, dict) else None
    if before.errors or before.offset or not isinstance(records, list) or not records or len(before.data) != 1:
        return None
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    shortest = min(len(old_lines), len(new_lines))
    same_start = 0
    while same_start < shortest and old_lines[same_start] == new_lines[same_start]:
        same_start += 1
    same_end = 0
    while same_end < shortest - same_start and old_lines[-1 - same_end] == new_lines[-1 - same_end]:
        same_end += 1
    starts = [before.lines[(key, i)] - 1 for i in range(len(records))]  # 0-based first line of each record
    i = bisect.bisect_right(starts, same_start) - 1
    end = starts[i + 1] if i + 1 < len(starts) else len(old_lines)
    if i < 0 or len(old_lines) - same_end > end:
        return None
    dash = _dash_column(old_lines[starts[i]])
    moved = len(new_lines) - len(old_lines)
    lines_of_record = new_lines[starts[i]:end + moved]
    if dash is None or (i + 1 < len(starts) and _dash_column(old_lines[end]) != dash) \
            or not lines_of_record or _dash_column(lines_of_record[0]) != dash \
            or not all(_below(line, dash) for line in lines_of_record[1:]):
        return None
    text = "".join(lines_of_record)
    if not _alone(text):
        return None
    one = parse(text, before.file, line_offset=starts[i], depth=1)
    if one.errors or not isinstance(one.data, list) or len(one.data) != 1:
        return None
    edited_end = len(old_lines) - same_end  # lines (1-based) below this one move by ``moved``
    lines = {path: line + moved if line > edited_end else line for path, line in before.lines.items()
             if path[:2] != (key, i)}
    lines |= {(key, i, *path[1:]): line for path, line in one.lines.items() if path}
    return Source(file=before.file, data={**before.data, key: [*records[:i], one.data[0], *records[i + 1:]]},
                  lines=lines)


def _dash_column(line: str) -> int | None:
    """The column of the ``-`` that starts a list entry on ``line`` with its value (``- id: x``), or ``None``."""
    rest = line.lstrip(" ")
    return len(line) - len(rest) if rest.startswith("- ") else None


def _below(line: str, dash: int) -> bool:
    """``line`` is blank, a comment, or indented further than the column ``dash``."""
    rest = line.lstrip(" ")
    return not rest.strip() or rest.startswith("#") or len(line) - len(rest) > dash


_WHOLE_FILE_TOKENS = (yaml.DirectiveToken, yaml.DocumentStartToken, yaml.DocumentEndToken, yaml.AnchorToken,
                      yaml.AliasToken)
"""What only the whole file can judge: document markers and directives, anchors and aliases."""


def _alone(text: str) -> bool:
    """``text`` (one record) holds nothing whose meaning depends on the rest of its file: no
    :data:`_WHOLE_FILE_TOKENS`, no byte-order mark; ``False`` also when it cannot be scanned."""
    if "\ufeff" in text:
        return False
    try:
        return not any(isinstance(token, _WHOLE_FILE_TOKENS) for token in _tokens(text))
    except yaml.YAMLError:
        return False
