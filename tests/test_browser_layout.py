"""The layout gates: every page of the three test sites at 320, 375 and 1280 CSS px wide
scrolls only downwards (``scrollWidth`` ≤ the window), and no table or picture is cut off
unless it sits in a scrolling box with a visible hint; on a 375×800 phone each page type
answers its reader's question on the first screen (the facts within the first 800 px); a
table whose rows stack on a phone still reads as a table in the browser's screen-reader tree.

Debian's Chromium via Playwright, as the other browser gates (tests/browser.py)."""

from __future__ import annotations

from typing import Any

import pytest

from browser import block_other_hosts, serve, site_pages

WIDTHS = (320, 375, 1280)
FIRST_SCREEN = 800
"""The height of the first screen of a phone, in CSS px (a 375×800 window)."""

_LAYOUT = """() => {
  const wide = [];
  for (const el of document.querySelectorAll("article table, article img, article svg[role=img], article pre")) {
    const r = el.getBoundingClientRect();
    let box = el.parentElement;
    while (box && !["auto", "scroll"].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
    const edge = box ? box.getBoundingClientRect().right : window.innerWidth;
    if (r.right <= Math.min(edge, window.innerWidth) + 1 && r.width <= window.innerWidth) continue;
    const hint = box && box.previousElementSibling;
    const hinted = hint && hint.classList.contains("bd-timeline__hint") && hint.offsetHeight > 0;
    if (!box || !hinted) wide.push(el.tagName.toLowerCase() + " " + Math.round(r.width) + " px"
                                    + (box ? " in a scrolling box without a hint" : " cut off"));
  }
  return {scroll: document.documentElement.scrollWidth, window: window.innerWidth, wide};
}"""

_TOP = """(text) => {
  const walker = document.createTreeWalker(document.querySelector("article") || document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    if (!node.textContent.includes(text)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.height > 0) return Math.round(box.top + window.scrollY);
  }
  return null;
}"""

FACTS = {
    # a held meeting: when, where, its state, its report
    "moeder/visionsforum-2027-1/": ["18. marts 2027", "Albertslund Rådhus", "Afholdt", "Læs referatet",
                                    "Tilføj til kalender"],
    "en/moeder/visionsforum-2027-1/": ["18 March 2027", "Albertslund Town Hall", "Held", "Read the report"],
    # a planned one: when the report comes, and the calendar
    "moeder/visionsforum-2028-1/": ["16. marts 2028", "Planlagt", "Referatet kommer efter mødet.",
                                    "Tilføj til kalender"],
    # a draft in consultation: named as the draft, its status, deadline, how to respond, what changes
    "aftale/2028/": ["Partnerskabsaftale 2028 (udkast)", "Dette er et udkast", "I høring", "30. juni 2027",
                     "Sådan svarer I", "Hvad ændres"],
    "en/aftale/2028/": ["(draft)", "This is a draft", "In consultation", "30 June 2027", "What changes"],
    # open data: the files first
    "aabne-data/": ["CSV", "JSON"],
    # subscribing: how, on the phones people have
    "kalender/": ["iPhone", "Android"],
}


def layout_problems(browser: Any, site: Any, width: int) -> list[str]:
    """What scrolls sideways or is cut off on each page of ``site`` in a window ``width`` wide."""
    problems = []
    with serve(site) as base:
        context = browser.new_context(viewport={"width": width, "height": 800})
        block_other_hosts(context, base)
        page = context.new_page()
        for path in site_pages(site, themed=True):  # /was only forwards to the statement
            page.goto(base + path, wait_until="load")
            found = page.evaluate(_LAYOUT)
            if found["scroll"] > found["window"]:
                problems.append(f"{path or '/'}: the page is {found['scroll']} px wide in a {width} px window")
            problems += [f"{path or '/'}: {what}" for what in found["wide"]]
        context.close()
    return problems


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("which", ["shipped", "fuller", "second"])
def test_no_page_scrolls_sideways_and_nothing_is_cut_off(request, browser, which, width):
    site = request.getfixturevalue(f"{which}_site")
    assert layout_problems(browser, site, width) == []


def test_the_gate_sees_a_table_cut_off(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="da"><title>x</title><meta name="viewport" content="width=device-width">'
        '<article><table style="width:600px"><tr><td>x</td></tr></table></article>', encoding="utf-8")
    assert layout_problems(browser, tmp_path, 320) == ["/: the page is 608 px wide in a 320 px window",
                                                      "/: table 600 px cut off"]


@pytest.mark.parametrize("path", FACTS)
def test_each_page_type_answers_its_question_on_the_first_screen_of_a_phone(browser, fuller_site, path):
    with serve(fuller_site) as base:
        context = browser.new_context(viewport={"width": 375, "height": FIRST_SCREEN})
        block_other_hosts(context, base)
        page = context.new_page()
        page.goto(base + path, wait_until="load")
        tops = {text: page.evaluate(_TOP, text) for text in FACTS[path]}
        context.close()
    assert {text: top for text, top in tops.items() if top is None or top >= FIRST_SCREEN} == {}, tops


def test_the_open_data_fields_are_folded_away(browser, fuller_site):
    with serve(fuller_site) as base:
        context = browser.new_context(viewport={"width": 375, "height": FIRST_SCREEN})
        page = context.new_page()
        page.goto(base + "aabne-data/", wait_until="load")
        folded = page.evaluate("""() => [...document.querySelectorAll("dl.bd-fields")]
            .map(dl => dl.closest("details") !== null && !dl.closest("details").open && !dl.checkVisibility())""")
        context.close()
    assert folded and all(folded)


@pytest.mark.parametrize(("path", "words", "other"), [("soeg/", "midtby", "/en/soeg/?q=midtby"),
                                                      ("en/soeg/", "town centre", "/soeg/?q=town+centre")])
def test_the_language_switch_on_a_search_keeps_the_words(browser, fuller_site, path, words, other):
    with serve(fuller_site) as base:
        context = browser.new_context(viewport={"width": 375, "height": FIRST_SCREEN})
        block_other_hosts(context, base)
        page = context.new_page()
        page.goto(base + path + "?q=" + words.replace(" ", "+"), wait_until="networkidle")
        switch = page.get_attribute(".bd-lang-switch", "href")
        context.close()
    assert switch.endswith(other), switch


_TABLE_ROLES = ("row", "columnheader", "rowheader", "cell")


def accessible_table(page: Any, name: str) -> dict[str, Any] | None:
    """The table named ``name`` as Chromium's accessibility tree gives it to a screen reader:
    its number of rows and the names of its column headers, row headers and cells."""
    nodes = {n["nodeId"]: n for n in page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]}
    role = lambda n: n.get("role", {}).get("value")  # noqa: E731
    found = [n for n in nodes.values() if role(n) == "table" and n.get("name", {}).get("value") == name]
    if len(found) != 1:
        return None
    table: dict[str, Any] = {"row": 0, "columnheader": [], "rowheader": [], "cell": []}
    todo = list(found[0].get("childIds", []))
    while todo:  # depth first, in the order of the page
        node = nodes[todo.pop(0)]
        if role(node) == "row":
            table["row"] += 1
        elif role(node) in _TABLE_ROLES and not node.get("ignored"):
            table[role(node)].append(node.get("name", {}).get("value", ""))
            continue
        todo[:0] = node.get("childIds", [])
    return table


@pytest.mark.parametrize("path", ["partnere/", "partnere/albertslund-kommune/", "en/partnere/"])
def test_a_stacked_table_still_reads_as_a_table(browser, fuller_site, path):
    """At 320 px the timeline's table stacks its rows (display: block) and labels each cell
    with its column's name (CSS content with empty alternative text). Chromium's screen-reader
    tree keeps it a table, with its column headers, and the visual labels stay out of the
    cells' names (a screen reader says the column's name from the header already)."""
    with serve(fuller_site) as base:
        context = browser.new_context(viewport={"width": 320, "height": FIRST_SCREEN})
        block_other_hosts(context, base)
        page = context.new_page()
        page.goto(base + path, wait_until="load")
        stacked = page.evaluate("""() => getComputedStyle(document.querySelector(".bd-timeline__table td")).display""")
        labels = page.evaluate("""() => [...document.querySelectorAll(".bd-timeline__table th[scope=col]")]
            .map(th => th.textContent.trim())""")
        rows = page.evaluate("""() => document.querySelectorAll(".bd-timeline__table tr").length""")
        caption = page.evaluate("""() => document.querySelector(".bd-timeline__table caption").textContent.trim()""")
        table = accessible_table(page, caption)
        context.close()
    assert stacked == "block"  # the layout this test is about
    assert table is not None, f"no table named {caption!r} for a screen reader"
    assert table["columnheader"] == labels and table["row"] == rows
    assert len(table["cell"]) == (rows - 1) * (len(labels) - 1) and len(table["rowheader"]) == rows - 1
    assert not [c for c in table["cell"] if any(c.startswith(label + ":") for label in labels)], table["cell"]
