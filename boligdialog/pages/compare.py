"""What changed between two versions of a Markdown text, paragraph by paragraph and word by word.

Pure and stdlib-only: the matching is :class:`difflib.SequenceMatcher`'s, first over the
blocks of the two texts, then over the words of a block that was changed in place.

- A **block** is a paragraph of the Markdown source (text between blank lines); a heading
  and each list item are blocks of their own, so a change to one item does not mark the
  whole list. Line breaks and runs of spaces inside a block count as one space: re-wrapping
  a paragraph is not a change.
- Each new block **continues** an old one: the one with the same text, else the most alike
  with at least half of its words in common (:data:`CHANGE_RATIO`). ``SequenceMatcher``
  then aligns the two texts by these pairs, so a paragraph edited where it stands holds
  its place like an unchanged one. A pair in order is **same**, or **changed** (shown word
  by word); an old block that nothing continues is **removed**, a new one that continues
  nothing **added**.
- A pair out of order whose texts are the same or nearly (:data:`MOVE_RATIO`) is a
  **move**: ``moved_away`` at the old place with the first words only, ``moved_here`` at
  the new place with the text (word by word, so a small edit made while moving it still
  shows); the two carry the same :attr:`Block.move` number. A pair out of order and much
  rewritten is removed in one place and added in the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

CHANGE_RATIO = 0.5
"""A new block continues an old one (shown as changed, word by word) when
``SequenceMatcher.ratio()`` over their words, case ignored, is at least this: half of the
words in common."""

MOVE_RATIO = 0.9
"""A block that stands elsewhere in the new text is moved when the ratio over the words is
at least this: a paragraph moved with a word or two corrected is still a move."""

EXCERPT_WORDS = 8
"""How many words of a moved block its old place shows."""

_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s)")
"""A line that starts a block of its own: a heading or a list item."""
_HEADING = re.compile(r"^\s*#{1,6}\s")
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
"""Words, runs of whitespace and single punctuation marks: the units of a word diff."""
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Part:
    """A run of words within a block."""

    kind: Literal["same", "ins", "del"]
    text: str


@dataclass(frozen=True)
class Block:
    """A paragraph, heading or list item of the new text (or of the old one, where it is gone)."""

    kind: Literal["same", "added", "removed", "changed", "moved_here", "moved_away"]
    parts: tuple[Part, ...]
    move: int | None = None
    """On ``moved_away`` and ``moved_here``: the number of the move (1, 2, …), the same on
    both ends, so that a page can link one to the other."""


def compare(old: str, new: str) -> list[Block]:
    """The blocks of ``new`` in order, each marked with what changed since ``old``; blocks of
    ``old`` that are gone stand where they were.

    Each new block is first given the old block it continues (:func:`_counterparts`). Then
    ``SequenceMatcher`` aligns the two texts by those pairs, so a paragraph edited where it
    stands counts as in place like an unchanged one, and a long run of such paragraphs keeps
    a single moved one from being taken for the fixed point."""
    before, after = blocks(old), blocks(new)
    continues = _counterparts(before, after)
    opcodes = SequenceMatcher(None, list(range(len(before))), [continues.get(j, -1 - j) for j in range(len(after))],
                              autojunk=False).get_opcodes()
    in_place = {j for tag, _, _, j1, j2 in opcodes if tag == "equal" for j in range(j1, j2)}
    moved = sorted(j for j, i in continues.items() if j not in in_place and _alike(before[i], after[j], MOVE_RATIO))
    move_of = {j: n for n, j in enumerate(moved, start=1)}
    move_from = {continues[j]: n for j, n in move_of.items()}

    result: list[Block] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            result += [Block("same", (Part("same", after[j]),)) if before[i] == after[j]
                       else Block("changed", _word_diff(before[i], after[j]))
                       for i, j in zip(range(i1, i2), range(j1, j2))]
            continue
        result += [Block("moved_away", (Part("same", _excerpt(before[i])),), move_from[i]) if i in move_from
                   else Block("removed", (Part("del", before[i]),)) for i in range(i1, i2)]
        result += [Block("moved_here", _word_diff(before[continues[j]], after[j]), move_of[j]) if j in move_of
                   else Block("added", (Part("ins", after[j]),)) for j in range(j1, j2)]
    return result


def _counterparts(before: list[str], after: list[str]) -> dict[int, int]:
    """For each block of the new text, the index of the old block it continues: a block with
    the same text (in order), else the most alike of the rest with at least
    :data:`CHANGE_RATIO`, most alike pairs first. New blocks without one are new."""
    same_text: dict[str, list[int]] = {}
    for i, text in enumerate(before):
        same_text.setdefault(text, []).append(i)
    pairs = {j: same_text[text].pop(0) for j, text in enumerate(after) if same_text.get(text)}
    taken = set(pairs.values())
    old_left = {i: _words(before[i]) for i in range(len(before)) if i not in taken}
    ratios = []
    for j in range(len(after)):
        if j in pairs:
            continue
        matcher = SequenceMatcher(None, b=_words(after[j]), autojunk=False)  # b is read once for all a
        for i, words in old_left.items():
            matcher.set_seq1(words)
            if ratio := _ratio(matcher, CHANGE_RATIO):
                ratios.append((-ratio, i, j))
    for _, i, j in sorted(ratios):
        if i not in taken and j not in pairs:
            pairs[j] = i
            taken.add(i)
    return pairs


def blocks(markdown: str) -> list[str]:
    """The blocks of a Markdown text, each on one line with single spaces."""
    found: list[list[str]] = []
    current: list[str] = []
    for line in markdown.splitlines():
        if not line.strip() or _BLOCK_START.match(line):
            if current:
                found.append(current)
            current = []
        if line.strip():
            current.append(line)
        if _HEADING.match(line):  # a heading is one line
            found.append(current)
            current = []
    if current:
        found.append(current)
    return [" ".join(" ".join(lines).split()) for lines in found]


def _words(text: str) -> list[str]:
    """The words of a block, case ignored; a block without words (``---``) is its characters."""
    return _WORD.findall(text.lower()) or list(text)


def _alike(a: str, b: str, at_least: float) -> float:
    """How alike two blocks are by their words, from 0 (nothing in common) to 1 (the same),
    if at least ``at_least``; else 0."""
    return _ratio(SequenceMatcher(None, _words(a), _words(b), autojunk=False), at_least)


def _ratio(matcher: SequenceMatcher, at_least: float) -> float:
    """The matcher's ratio if at least ``at_least``, else 0 (the cheap upper bounds rule most
    pairs out before the ratio itself is computed)."""
    if matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= at_least else 0.0


def _excerpt(text: str) -> str:
    """The first words of a block, and "…" if there are more."""
    words = text.split(" ")
    return text if len(words) <= EXCERPT_WORDS else " ".join(words[:EXCERPT_WORDS]) + " …"


def _word_diff(old: str, new: str) -> tuple[Part, ...]:
    """``new`` as runs of words kept, added and removed since ``old``.

    Whitespace alone between two changes joins them into one change (so "a b c" → "x y z"
    reads as one replacement, not three). Whitespace that both sides of a replacement begin
    or end with is kept outside it; a word only added or only removed keeps the one space
    that goes with it (the template shows that space outside the mark). The kept and added
    runs give ``new`` exactly, the kept and removed ones ``old``."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    runs: list[tuple[bool, str, str]] = []  # (kept?, old text, new text)
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        was, now = "".join(a[i1:i2]), "".join(b[j1:j2])
        weak = tag == "equal" and not was.strip() and 0 < n < len(opcodes) - 1
        if tag == "equal" and not weak:
            runs.append((True, was, now))
        elif runs and not runs[-1][0]:
            runs[-1] = (False, runs[-1][1] + was, runs[-1][2] + now)
        else:
            runs.append((False, was, now))
    parts: list[Part] = []
    for kept, was, now in runs:
        if kept:
            parts.append(Part("same", now))
            continue
        lead = trail = 0
        if was and now:  # whitespace both sides begin or end with is kept, not changed
            lead = min(len(t) - len(t.lstrip()) for t in (was, now))
            trail = min(len(t[lead:]) - len(t[lead:].rstrip()) for t in (was, now))
        parts.append(Part("same", now[:lead]))
        parts += [Part(kind, text[lead:len(text) - trail]) for kind, text in (("del", was), ("ins", now)) if text]
        parts.append(Part("same", now[len(now) - trail:]))
    return _join(parts)


def _join(parts: list[Part]) -> tuple[Part, ...]:
    """Runs without empty parts, and neighbouring runs of the same kind as one."""
    joined: list[Part] = []
    for part in parts:
        if not part.text:
            continue
        if joined and joined[-1].kind == part.kind:
            joined[-1] = Part(part.kind, joined[-1].text + part.text)
        else:
            joined.append(part)
    return tuple(joined)


_MARKER = re.compile(r"\s*(?:(?P<hashes>#{1,6})|[-*+]|(?P<number>\d{1,9})[.)])\s+")
"""The start of a heading or a list item in a block's text."""
_MARKER_ONLY = re.compile(r"[\s#*+\-.)\d]*")


@dataclass(frozen=True)
class Shaped:
    """A block as it reads: a heading (its Markdown level), a list item (its number, if the
    list is numbered) or a paragraph, with its Markdown marker left out of its parts."""

    form: Literal["heading", "item", "paragraph"]
    parts: tuple[Part, ...]
    level: int = 0
    number: int | None = None


def shaped(block: Block) -> Shaped:
    """``block`` as a heading, a list item or a paragraph, the marker (``## ``, ``- ``,
    ``3. ``) taken off its parts: the text the new version reads (the old one, for a removed
    block) decides which."""
    shown = [p for p in block.parts if p.kind != "del"] or list(block.parts)
    found = _MARKER.match("".join(p.text for p in shown))
    if found is None:
        return Shaped("paragraph", block.parts)
    parts, left = [], len(found.group(0))
    for part in block.parts:
        if left and part in shown:
            cut = min(left, len(part.text))
            left -= cut
            part = Part(part.kind, part.text[cut:])
        elif not parts and part.kind == "del" and _MARKER_ONLY.fullmatch(part.text):
            continue  # a marker that was removed (a heading's level changed)
        parts.append(part)
    kept = tuple(p for p in parts if p.text)
    if found.group("hashes"):
        return Shaped("heading", kept, level=len(found.group("hashes")))
    return Shaped("item", kept, number=int(found.group("number")) if found.group("number") else None)
