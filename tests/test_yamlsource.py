from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from boligdialog.model.yamlsource import Source, parse, reparse


def test_lines_of_keys_and_items():
    src = parse("meetings:\n  - id: a\n    themes:\n      - x\n      - y\n", "data/meetings.yaml")
    assert src.errors == []
    assert src.line(("meetings", 0)) == 2
    assert src.line(("meetings", 0, "themes", 1)) == 5
    # an unknown deeper path falls back to its nearest known ancestor
    assert src.line(("meetings", 0, "themes", 1, "deeper")) == 5


def test_times_stay_text_not_base_60_numbers():
    assert parse("start: 17:00\n", "f.yaml").data == {"start": "17:00"}
    assert parse("n: 12\n", "f.yaml").data == {"n": 12}


def test_duplicate_key_is_reported():
    src = parse("a: 1\nb: 2\na: 3\n", "data/x.yaml")
    assert [str(e) for e in src.errors] == ["data/x.yaml:3: a: this key is given twice; keep one"]


def test_syntax_error_has_a_line_and_no_traceback():
    src = parse("a: [1, 2\nb: 3\n", "data/x.yaml")
    assert src.data is None
    assert len(src.errors) == 1
    assert str(src.errors[0]) == "data/x.yaml:2: a list written in [ ] needs a comma between its values and a closing ]"


def test_an_unknown_syntax_error_gives_the_parsers_words_after_ours():
    src = parse("a: b\n---\nc: d\n", "data/x.yaml")
    assert str(src.errors[0]).startswith("data/x.yaml:2: expected valid YAML but received text it cannot read (")


def test_front_matter_offset():
    src = parse("title: x\nmeeting: y\n", "content/a.md", line_offset=1)
    assert src.line(("meeting",)) == 3


def test_invisible_character_is_reported_on_its_own_line():
    src = parse("a: 1\n" * 73 + "b: x\x00y\n", "data/x.yaml")
    assert [str(e) for e in src.errors] == [
        "data/x.yaml:74: expected plain text but received the invisible character U+0000 (NUL); delete it"]


def test_invisible_character_in_front_matter_counts_the_fence():
    src = parse("title: x\nb: \x07\n", "content/a.md", line_offset=1)
    assert [str(e) for e in src.errors] == [
        "content/a.md:3: expected plain text but received the invisible character U+0007; delete it"]


def test_deep_nesting_is_refused_before_it_can_crash_the_parser():
    for text in ("a: " + "[" * 100_000 + "]" * 100_000 + "\n", "a:\n" + "".join(
            " " * (2 * i) + f"k{i}:\n" for i in range(1, 60)) + " " * 120 + "x: 1\n"):
        src = parse(text, "data/x.yaml")
        assert src.data is None
        [error] = src.errors
        assert "expected at most 40 levels of lists and mappings inside each other but received more" in str(error)


def test_tab_gets_plain_words():
    src = parse("themes:\n\t- id: x\n", "data/themes.yaml")
    assert [str(e) for e in src.errors] == [
        "data/themes.yaml:2: expected spaces but received a tab; YAML needs spaces, not tabs, before and between values"]


# --- reparse: one record parsed again, the rest kept ---------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = (ROOT / "data" / "partners.yaml").read_text(encoding="utf-8")
"""The shipped partners (comments, flow lists, records indented below their key)."""
WRITTEN = "partners:\n" + "".join(
    f"- id: p{n}\n  name:\n    da: Partner {n}\n  themes:\n  - a\n  - b\n  # om partneren\n  note: |\n    linje {n}\n"
    f"    - ikke et punkt\n" for n in range(6)) + "# slut\n"
"""Records at the list's own indentation, as a save by the web editor writes them, with a block text."""
TEXTS = pytest.mark.parametrize("text", [SHIPPED, WRITTEN], ids=["shipped", "written"])


def _same_as_whole(old: str, new: str) -> Source | None:
    """reparse's Source of ``new``, checked against parsing ``new`` whole, when it makes one."""
    before = parse(old, "data/partners.yaml")
    assert before.errors == []
    again = reparse(before, old, new, "partners")
    if again is not None:
        whole = parse(new, "data/partners.yaml")
        assert (again.data, again.lines, again.errors) == (whole.data, whole.lines, whole.errors)
    return again


def _third_record(text: str) -> tuple[list[str], int, str]:
    """The lines of ``text``, the (0-based) first line of its third record, and the indentation of its keys."""
    lines = text.splitlines(keepends=True)
    at = parse(text, "f").lines[("partners", 2)] - 1
    return lines, at, lines[at][:len(lines[at]) - len(lines[at].lstrip())] + "  "


@TEXTS
def test_an_edit_inside_one_record_parses_that_record_only_and_reads_as_the_whole_file(text):
    lines, at, body = _third_record(text)
    for new_lines in (lines[:at + 1] + [f"{body}# ny kommentar\n"] + lines[at + 1:],  # a line added
                      lines[:at + 1] + [f"{body}ny: [1, 2]\n", f"{body}tekst: |\n", f"{body}  - a\n"] + lines[at + 1:],
                      lines[:at] + [lines[at].replace("id: ", "id: x")] + lines[at + 1:],  # its first line changed
                      lines[:at + 2] + [lines[at + 2].rstrip("\n") + " ændret\n"] + lines[at + 3:]):  # a value
        new = "".join(new_lines)
        assert new != text and _same_as_whole(text, new) is not None


@TEXTS
@pytest.mark.parametrize("change", [
    "a record added", "the list's key renamed", "a record's dash removed", "a quote left open",
    "a flow list left open", "a line at the top level", "an alias", "a tab before a key", "a key twice",
])
def test_an_edit_beyond_one_record_or_with_mistakes_is_parsed_whole(text, change):
    lines, at, body = _third_record(text)
    new_lines = {
        "a record added": lines[:at] + [f"{body[:-2]}- id: ny\n"] + lines[at:],
        "the list's key renamed": [line.replace("partners:", "parter:") for line in lines],
        "a record's dash removed": lines[:at] + [lines[at].replace("- ", "  ", 1)] + lines[at + 1:],
        "a quote left open": lines[:at + 1] + [f'{body}x: "åben\n'] + lines[at + 1:],
        "a flow list left open": lines[:at + 1] + [f"{body}x: [a, b\n"] + lines[at + 1:],
        "a line at the top level": lines[:at + 1] + ["andet: 1\n"] + lines[at + 1:],
        "an alias": lines[:at + 1] + [f"{body}x: &a [1]\n", f"{body}y: *a\n"] + lines[at + 1:],
        "a tab before a key": lines[:at + 1] + [f"{body}\tx: 1\n"] + lines[at + 1:],
        "a key twice": lines[:at + 1] + [f"{body}x: 1\n", f"{body}x: 2\n"] + lines[at + 1:],
    }[change]
    new = "".join(new_lines)
    assert new != text and _same_as_whole(text, new) is None


REVIEWED = [  # (old, new): edits where the record alone reads otherwise than in its file
    ("items:\n  - id: a\n    n: 1\n  - id: b\n    n: 2\n", "items:\n  - id: a\n    n: 1\n    - id: b\n      n: 2\n"),
    ("items:\n  - id: a\n  - id: b\n", "items:\n  - id: a\n- id: b\n"),
    ("items:\n  - id: a\n  - id: b\n", "items:\n - id: a\n  - id: b\n"),
    ("items:\n  - id: a\n    n: 1\n  - id: b\n", "items:\n  - id: a\n  n: 1\n  - id: b\n"),
    ("items:\n- id: a\n- id: b\n", "items:\n- id: a\n---\n- id: b\n"),
    ("items:\n- id: a\n- id: b\n", "items:\n- id: a\n%YAML 1.1\n---\n- id: b\n"),
    ("items:\n- id: a\n  n: 1\n- id: b\n", "items:\n- id: a\n...\n- id: b\n"),
    ("items:\n- id: a\n- id: c\n", "items:\n- id: a\n\ufeff- id: c\n"),
    ("items:\n- &x id: a\n- id: b\n", "items:\n- &x id: a\n- &x id: b\n"),
    ("items:\n- id: a\n-\n  name: B\n", "items:\n- id: a\n  name: B\n"),
    ("items:\n- id: a\n-\n  name: B\n", "items:\n- id: a\n  note: x\n  name: B\n"),
    ("items:\n- id: a\n-\n  id: b\n", "items:\n- id: a\n  note: x\n  id: b\n"),
    ("items:\n- id: a\n- # c\n  id: b\n", "items:\n- id: a\n  x: 1\n- # c\n  id: b\n"),
    ("items:\n- id: a\n-\n  id: b\n", "items:\n- id: a\n-\n-\n  id: b\n"),
    ("items:\n- id: a\n- id: b\nafter: 2\n", "items:\n- id: a\n- id: b\n"),
    ("items: [\n  [a]\n  , [b]\n]\n", "items: [\n  [z]\n  , [b]\n]\n"),
]
"""Found by an independent review of reparse: the record re-indented, document markers, a directive
or a byte-order mark at its edges, an anchor given twice, a record whose dash stands alone on its
line, a key after the list, a list in brackets."""


def _agrees(old: str, new: str, key: str) -> Source | None:
    """reparse's Source of ``new`` (None: parse it whole), checked against parsing ``new`` whole."""
    before = parse(old, "data/x.yaml")
    assert before.errors == [], before.errors
    again = reparse(before, old, new, key)
    if again is not None:
        whole = parse(new, "data/x.yaml")
        assert (again.data, again.lines, again.errors) == (whole.data, whole.lines, whole.errors), (old, new)
    return again


@pytest.mark.parametrize("old, new", REVIEWED)
def test_a_record_that_may_read_otherwise_in_its_file_is_left_to_the_whole_file(old, new):
    assert _agrees(old, new, "items") is None


LONE = "partners:\n- id: p0\n  n: 1\n-\n  id: p1\n- &a id: p2\n  note: x\n- id: p3\n"
"""A record whose dash stands alone on its line, and an anchor."""
AFTER = "partners:\n- id: p0\n  n: [1, 2]\n- id: p1\nandet: 2\n"
"""A key after the list."""
INSERTED = ["---\n", "...\n", "%YAML 1.1\n", "\ufeff- id: q\n", "-\n", "- &a id: z\n", "  x: *a\n", "  y: &a 2\n",
            "after: 1\n", "  - id: q\n", "- id: q\n", "    k: 1\n", "  k: |\n", "#\n", "\n"]
"""Lines an edit may add that only the whole file can judge, or that line up otherwise."""


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.sampled_from([SHIPPED, WRITTEN, LONE, AFTER]), data=st.data())
def test_any_edit_of_lines_reads_as_the_whole_file_or_is_parsed_whole(text, data):
    """Lines deleted, copied from elsewhere in the file or added from :data:`INSERTED`, indented
    more or less, or changed a character at a time: what reparse makes, when it makes
    something, is what parsing the whole file makes."""
    lines = text.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(lines) - 1))
        kind = data.draw(st.sampled_from(["delete", "copy", "insert", "indent", "dedent", "char"]))
        if kind == "delete" and len(lines) > 1:
            del lines[at]
        elif kind == "copy":
            lines.insert(at, data.draw(st.sampled_from(lines)))
        elif kind == "insert":
            lines.insert(at, data.draw(st.sampled_from(INSERTED)))
        elif kind == "indent":
            lines[at] = " " * data.draw(st.integers(1, 2)) + lines[at]
        elif kind == "dedent":
            lines[at] = lines[at][min(data.draw(st.integers(1, 2)), len(lines[at]) - len(lines[at].lstrip(" "))):]
        else:
            line = lines[at]
            pos = data.draw(st.integers(0, max(0, len(line) - 1)))
            char = data.draw(st.sampled_from([" ", "-", ":", "#", "'", '"', "[", "]", "{", "|", "&", "*", "x", "\t", "",
                                              "\ufeff", "%", ".", "!"]))
            lines[at] = line[:pos] + char + line[pos + 1:]
    event("whole" if _agrees(text, "".join(lines), "partners") is None else "one record")
