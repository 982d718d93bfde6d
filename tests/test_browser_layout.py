"""The layout gates: every page of the three test sites at 320, 375 and 1280 CSS px wide
scrolls only downwards (``scrollWidth`` ≤ the window), and no table or picture is cut off
unless it sits in a scrolling box with a visible hint; on a 375×800 phone each page type
answers its reader's question on the first screen (the facts within the first 800 px).

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
