from boligdialog.model.yamlsource import parse


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
