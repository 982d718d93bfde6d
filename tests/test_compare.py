"""What changed between two versions of a text: blocks and words marked (boligdialog.pages.compare),
and the comparison's HTML read back with BeautifulSoup, in axe-core and in the Nu Html Checker."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from boligdialog.pages.compare import Block, Part, blocks, compare, shaped
from boligdialog.site.i18n import strings
from boligdialog.pages.render import render
from fragment_page import look, vnu_errors, write_page

MEET = "Partnerne mødes to gange om året i Visionsforum."
OPEN = "Møderne er åbne for alle borgere."
GOAL = "Kommunen og boligorganisationerne sætter fælles strategiske mål for byens udvikling."
CHANGE = "Aftalen kan ændres, når alle partnere er enige om det, og ændringen er skrevet ind."


def same(text: str) -> Block:
    return Block("same", (Part("same", text),))


CASES = {
    "added sentence": (
        MEET, f"{MEET} {OPEN}",
        [Block("changed", (Part("same", f"{MEET} "), Part("ins", OPEN)))],
    ),
    "removed sentence": (
        f"{MEET} {OPEN}", MEET,
        [Block("changed", (Part("same", f"{MEET} "), Part("del", OPEN)))],
    ),
    "changed word": (
        MEET, MEET.replace("to", "tre"),
        [Block("changed", (Part("same", "Partnerne mødes "), Part("del", "to"), Part("ins", "tre"),
                           Part("same", " gange om året i Visionsforum.")))],
    ),
    "words replaced in a row are one change": (
        "Mødet holdes i rådhusets store sal hvert forår.", "Mødet holdes på biblioteket hvert forår.",
        [Block("changed", (Part("same", "Mødet holdes "), Part("del", "i rådhusets store sal"),
                           Part("ins", "på biblioteket"), Part("same", " hvert forår.")))],
    ),
    "added paragraph": (
        f"{MEET}\n\n{GOAL}", f"{MEET}\n\n{OPEN}\n\n{GOAL}",
        [same(MEET), Block("added", (Part("ins", OPEN),)), same(GOAL)],
    ),
    "removed paragraph": (
        f"{MEET}\n\n{OPEN}\n\n{GOAL}", f"{MEET}\n\n{GOAL}",
        [same(MEET), Block("removed", (Part("del", OPEN),)), same(GOAL)],
    ),
    "paragraph rewritten is removed and added": (
        f"{MEET}\n\n{OPEN}", f"{MEET}\n\nDer kommer en ny hjemmeside.",
        [same(MEET), Block("removed", (Part("del", OPEN),)),
         Block("added", (Part("ins", "Der kommer en ny hjemmeside."),))],
    ),
    "moved paragraph": (
        f"{CHANGE}\n\n{MEET}\n\n{GOAL}", f"{MEET}\n\n{GOAL}\n\n{CHANGE}",
        [Block("moved_away", (Part("same", "Aftalen kan ændres, når alle partnere er enige …"),), 1),
         same(MEET), same(GOAL), Block("moved_here", (Part("same", CHANGE),), 1)],
    ),
    "paragraph moved with a word corrected": (
        f"{CHANGE}\n\n{MEET}\n\n{GOAL}", f"{MEET}\n\n{GOAL}\n\n{CHANGE.replace('alle', 'samtlige')}",
        [Block("moved_away", (Part("same", "Aftalen kan ændres, når alle partnere er enige …"),), 1),
         same(MEET), same(GOAL),
         Block("moved_here", (Part("same", "Aftalen kan ændres, når "), Part("del", "alle"), Part("ins", "samtlige"),
                              Part("same", " partnere er enige om det, og ændringen er skrevet ind.")), 1)],
    ),
    "short paragraph moved is shown whole at its old place": (
        f"{OPEN}\n\n{MEET}\n\n{GOAL}", f"{MEET}\n\n{GOAL}\n\n{OPEN}",
        [Block("moved_away", (Part("same", OPEN),), 1), same(MEET), same(GOAL),
         Block("moved_here", (Part("same", OPEN),), 1)],
    ),
    "heading changed": (
        f"# Formål\n\n{GOAL}", f"# Formål og mål\n\n{GOAL}",
        [Block("changed", (Part("same", "# Formål "), Part("ins", "og mål"))), same(GOAL)],
    ),
    "heading replaced": (
        f"## Formål\n{GOAL}", f"## Baggrund\n{GOAL}",
        [Block("removed", (Part("del", "## Formål"),)), Block("added", (Part("ins", "## Baggrund"),)), same(GOAL)],
    ),
    "list item changed": (
        "- Dialog med borgerne\n- Fælles mål\n- Åbne møder",
        "- Dialog med borgerne\n- Fælles strategiske mål\n- Åbne møder",
        [same("- Dialog med borgerne"),
         Block("changed", (Part("same", "- Fælles "), Part("ins", "strategiske"), Part("same", " mål"))),
         same("- Åbne møder")],
    ),
    "list item added": (
        "1. Dialog\n2. Mål", "1. Dialog\n2. Mål\n3. Møder",
        [same("1. Dialog"), same("2. Mål"), Block("added", (Part("ins", "3. Møder"),))],
    ),
    "identical texts": (
        f"# Aftalen\n\n{MEET}\n\n- Mål\n", f"# Aftalen\n\n{MEET}\n\n- Mål\n",
        [same("# Aftalen"), same(MEET), same("- Mål")],
    ),
    "paragraph wrapped anew is the same": (
        "Partnerne mødes to gange\nom året i Visionsforum.", "Partnerne mødes to gange om året\ni  Visionsforum.",
        [same(MEET)],
    ),
    "empty old": (
        "", f"# Aftalen\n\n{MEET}",
        [Block("added", (Part("ins", "# Aftalen"),)), Block("added", (Part("ins", MEET),))],
    ),
    "empty new": (
        MEET, "",
        [Block("removed", (Part("del", MEET),))],
    ),
    "both empty": ("", "", []),
}


def words(result: list[Block]) -> list[Block]:
    """Blocks with the spaces at the ends of each run left out: where the one space that goes
    with an added or removed word stands is the template's matter (the exact texts are
    checked by test_both_texts_can_be_read_back_from_the_comparison)."""
    return [Block(b.kind, tuple(Part(p.kind, p.text.strip()) for p in b.parts), b.move) for b in result]


@pytest.mark.parametrize(("old", "new", "expected"), CASES.values(), ids=CASES.keys())
def test_compare(old, new, expected):
    assert words(compare(old, new)) == words(expected)


def test_blocks_are_paragraphs_headings_and_list_items():
    text = ("# Titel\nFørste afsnit\nfortsætter her.\n\n- et punkt\n  der fortsætter\n* andet punkt\n3) tredje\n\n"
            "Sidst.")
    assert blocks(text) == ["# Titel", "Første afsnit fortsætter her.", "- et punkt der fortsætter",
                            "* andet punkt", "3) tredje", "Sidst."]


WORDS = st.sampled_from(["aftale", "partner", "møde", "by", "mål", "og", "i", "Albertslund", "2017", ".", "-", "#"])


MARKDOWN = st.lists(st.one_of(st.lists(WORDS, min_size=1, max_size=12).map(" ".join), st.text(max_size=60)),
                    max_size=8)


@given(MARKDOWN, MARKDOWN)
def test_both_texts_can_be_read_back_from_the_comparison(old, new):
    """The new text is the blocks' kept and added words; the old one (in any order, since a
    moved block stands once, where it is now) their kept and removed words."""
    result = compare("\n\n".join(old), "\n\n".join(new))

    def text(block: Block, drop: str) -> str:
        return "".join(part.text for part in block.parts if part.kind != drop)

    assert [text(b, "del") for b in result if b.kind not in ("removed", "moved_away")] == blocks("\n\n".join(new))
    assert sorted(text(b, "ins") for b in result if b.kind not in ("added", "moved_away")) \
        == sorted(blocks("\n\n".join(old)))
    moves = [b.move for b in result if b.move is not None]
    assert sorted(moves) == sorted(2 * list(range(1, len(moves) // 2 + 1)))


# --- the HTML ------------------------------------------------------------------------------

OLD = f"# Formål\n\n{CHANGE}\n\n{MEET}\n\n{GOAL}\n\nDer kommer en ny hjemmeside.\n\n- Fælles mål"
NEW = (f"# Formål og mål\n\n{MEET.replace('to', 'tre')} {OPEN}\n\n{GOAL}\n\n- Fælles strategiske mål\n\n"
       f"Teksten <script>alert(1)</script> & mere.\n\n{CHANGE}")
ADDED = ["og mål", "tre", OPEN, "strategiske", "Teksten <script>alert(1)</script> & mere."]
REMOVED = ["to", "Der kommer en ny hjemmeside."]


def rendered(lang: str, old: str = OLD, new: str = NEW) -> str:
    return render("comparison.html", lang=lang, page_uri="aftale/2019.md", blocks=compare(old, new))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_ins_and_del_hold_exactly_the_added_and_removed_words(lang):
    page = BeautifulSoup(rendered(lang), "html.parser")
    assert [ins.get_text() for ins in page.select(".bd-compare__text ins")] == ADDED
    assert [d.get_text() for d in page.select(".bd-compare__text del")] == REMOVED
    assert page.find("script") is None  # the source's markup is text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_screen_readers_hear_added_and_removed_in_the_page_language(lang):
    s = strings(lang)
    page = BeautifulSoup(rendered(lang), "html.parser")
    for tag, start, end in (("ins", s["compare_ins_start"], s["compare_ins_end"]),
                            ("del", s["compare_del_start"], s["compare_del_end"])):
        marks = page.select(f".bd-compare__text {tag}")
        assert marks
        for mark in marks:
            before, after = mark.find_previous_sibling(), mark.find_next_sibling()
            assert "bd-visually-hidden" in before["class"] and before.get_text().strip() == start
            assert "bd-visually-hidden" in after["class"] and after.get_text().strip() == end
    assert {"tilføjet:", "slettet:"} <= {strings("da")["compare_ins_start"], strings("da")["compare_del_start"]}
    assert {"added:", "removed:"} <= {strings("en")["compare_ins_start"], strings("en")["compare_del_start"]}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_blocks_carry_visible_tags_and_moves_link_both_ways(lang):
    s = strings(lang)
    page = BeautifulSoup(rendered(lang), "html.parser")
    tags = [(block["class"][1].split("--")[1], tag.get_text(" ", strip=True))
            for block in page.select(".bd-compare__block") if (tag := block.select_one(".bd-compare__tag"))]
    assert [kind for kind, _ in tags] == ["changed", "moved_away", "changed", "removed", "changed", "added",
                                          "moved_here"]
    assert all(text.startswith(s[f"compare_{kind}"]) for kind, text in tags)
    away, here = page.select_one(".bd-compare__block--moved_away"), page.select_one(".bd-compare__block--moved_here")
    assert away.select_one("a")["href"] == f"#{here['id']}" and here.select_one("a")["href"] == f"#{away['id']}"
    assert here.select_one(".bd-compare__text").get_text() == CHANGE
    legend = page.select_one(".bd-compare__legend").get_text(" ", strip=True)
    assert s["compare_key_ins"] in legend and s["compare_key_del"] in legend


def test_no_changes_says_so():
    page = BeautifulSoup(rendered("en", MEET, MEET), "html.parser")
    assert page.select_one(".bd-compare__none").get_text() == strings("en")["compare_no_changes"]
    assert page.select(".bd-compare__text ins, .bd-compare__text del") == []
    assert BeautifulSoup(rendered("en"), "html.parser").select_one(".bd-compare__none") is None


# --- in the browser and the checker ----------------------------------------------------------

# The marks as the browser shows them: underline, strike-through, the tags; on screen and on paper.
PROBE = """() => {
  const style = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
  return {
    ins: style(".bd-compare__text ins", "textDecorationLine"),
    del: style(".bd-compare__text del", "textDecorationLine"),
    tag: style(".bd-compare__tag", "display"),
    hidden: document.querySelector(".bd-compare .bd-visually-hidden").getBoundingClientRect().width,
  };
}"""


def test_comparison_passes_axe_and_vnu_on_a_phone_and_in_print(tmp_path):
    pages = [write_page(tmp_path, lang, lang=lang, title=strings(lang)["compare_legend"], fragment=rendered(lang))
             for lang in ("da", "en")]
    assert vnu_errors(pages) == []
    for name, seen in look(pages, PROBE).items():
        assert seen.violations == [], "\n".join(seen.violations)
        assert seen.page_width <= 375, name
        for marks in (seen.probe, seen.printed):
            assert (marks["ins"], marks["del"], marks["tag"]) == ("underline", "line-through", "block"), name
            assert marks["hidden"] <= 1, name


@pytest.mark.parametrize(("old", "new", "form", "level", "number", "text"), [
    ("## Baggrund", "## Baggrund", "heading", 2, None, "Baggrund"),
    ("## Baggrund", "### Baggrund", "heading", 3, None, "Baggrund"),
    ("- Fælles mål", "- Fælles strategiske mål", "item", 0, None, "Fælles strategiske mål"),
    ("", "3. Tredje punkt", "item", 0, 3, "Tredje punkt"),
    ("Et afsnit.", "Et nyt afsnit.", "paragraph", 0, None, "Et nyt afsnit."),
    ("- Gammelt punkt", "", "item", 0, None, "Gammelt punkt"),
])
def test_a_block_reads_as_a_heading_a_list_item_or_a_paragraph_without_its_marker(old, new, form, level, number, text):
    block = next(b for b in compare(old, new) if b.kind != "same" or new)
    shape = shaped(block)
    assert (shape.form, shape.level, shape.number) == (form, level, number)
    assert "".join(p.text for p in shape.parts if p.kind != ("del" if new else "ins")).strip() == text


def test_the_comparison_page_shows_headings_and_lists_not_markdown(fuller_site):
    page = BeautifulSoup((fuller_site / "aftale/2027/aendringer/index.html").read_text(encoding="utf-8"), "html.parser")
    compared = page.select_one(".bd-compare")
    assert [h.get_text(strip=True) for h in compared.select("h2")] == ["Partnerskabsaftalen"]
    assert "Baggrund" in [h.get_text(strip=True) for h in compared.select("h3")]
    assert compared.select("ul.bd-compare__text li") and compared.select("ins") and compared.select("del")
    assert not [p for p in compared.select(".bd-compare__text") if p.get_text().lstrip().startswith(("#", "- "))]
