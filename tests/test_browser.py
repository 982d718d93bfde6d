"""Citizens' quality gates in a real browser, on every page of the real built site.

The shipped site, and a fuller one (more kinds of meeting, Danish fallbacks on English
pages), are built once each and served on 127.0.0.1, and every page (both languages and the
404 page) is opened in headless Chromium, in a desktop window and in a phone-sized one. Each
gate below reads those visits and lists every failing page at once. Searching, the keyboard, focus and print are tried on the
shipped site's pages where they matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from browser import (AXE_JS, DESKTOP, PHONE, ROOT, SIZES, Visit, block_other_hosts, describe_violations, is_local,
                     page_lang, require, run_axe, serve, site_config, site_pages, visit_all)
from links import LinkChecker

FIRST_VIEW_LIMIT = 100 * 1024
QUALITY_DOC = ROOT / "docs" / "quality.md"
MEETING_PAGE = re.compile(r"^(en/)?moeder/[^/]+/$")
SEARCH_INDEX = re.compile(r"/pagefind/(?!(pagefind-ui\.(js|css)|bd-parts\.json)$)")
"""What a page must not fetch before a search: the search's code and index, but for its UI and the
list of the index's parts (a few bytes; tests/test_search.py), which the search page reads to start."""
# Pages where keyboard focus is walked through every focusable element: one per template.
KEYBOARD_PAGES = ["", "aftale/", "partnere/", "partnere/va/", "moeder/", "moeder/2017/",
                  "moeder/visionsforum-2017-1/", "temaer/midtby/", "soeg/", "aabne-data/", "404.html"]
SEARCHES = {"da": "midtby", "en": "town centre"}


# --- fixtures ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def axe_available() -> None:
    require(AXE_JS.is_file(), f"axe-core ({AXE_JS})")


@dataclass
class SiteRun:
    """A built site, served at ``base``, with every page visited in a window of one size."""

    which: str
    """``shipped``, ``fuller`` or ``second`` (tests/second_site.py)."""
    size: str
    """``desktop`` or ``phone`` (browser.SIZES)."""
    base: str
    visits: dict[str, Visit]


RUNS = [(which, size) for which in ("shipped", "fuller", "second") for size in SIZES]


@pytest.fixture(scope="session", params=RUNS, ids=[f"{which}-{size}" for which, size in RUNS])
def run(request: pytest.FixtureRequest, browser: Any, axe_available: None) -> Iterator[SiteRun]:
    """Each per-page gate runs on the shipped site and on the fuller one, each visited once on
    a desktop and once on a phone."""
    which, size = request.param
    site = request.getfixturevalue(f"{which}_site")
    with serve(site) as base:
        yield SiteRun(which, size, base, visit_all(browser, base, site_pages(site, themed=True), viewport=SIZES[size]))


@pytest.fixture(scope="session")
def base_url(shipped_site: Path) -> Iterator[str]:
    """The shipped site on loopback, for the tests that click and type."""
    with serve(shipped_site) as base:
        yield base


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page that can reach the local server only."""
    context = browser.new_context()
    block_other_hosts(context, base_url)
    yield context.new_page()
    context.close()


# --- every page ----------------------------------------------------------------------------

def test_every_page_of_both_languages_is_visited(run):
    langs = [page_lang(path) for path in run.visits]
    assert langs.count("da") >= 20 and langs.count("en") >= 20, langs
    assert "404.html" in run.visits
    assert [v.path for v in run.visits.values() if v.status != 200] == []


def test_axe_finds_no_wcag_22_aa_violation_on_any_page(run):
    problems = [line for v in run.visits.values() for line in describe_violations(v)]
    assert problems == [], "\n".join(problems)


# Two links of 12×12 CSS px side by side: too small for WCAG 2.2's target size (2.5.8, AA).
SMALL_TARGETS = """<!doctype html><html lang="da"><head><title>x</title></head><body><main>
<a href="#a" style="display:inline-block;width:12px;height:12px" aria-label="a"></a><a href="#b"
style="display:inline-block;width:12px;height:12px" aria-label="b"></a></main></body></html>"""


def test_the_accessibility_gate_checks_wcag_22_target_size(page, axe_available):
    """The same axe-core and tags as the gate report a WCAG 2.2 rule on a page that breaks it."""
    page.set_content(SMALL_TARGETS)
    assert {v["id"] for v in run_axe(page)} == {"target-size"}


def test_every_internal_link_and_fragment_resolves(run):
    checker = LinkChecker(run.base, site_config()["site_url"], run.visits)
    broken = checker.broken(run.visits.values())
    assert broken == [], "\n".join(broken)
    # the gate saw every page's navigation, content and assets
    internal = {v.path: sum(1 for link in v.links if checker.local(link["url"])) for v in run.visits.values()}
    assert min(internal.values()) >= 5, internal


def test_no_request_leaves_the_local_server(run):
    elsewhere = [f"{v.path or '/'}: {url}" for v in run.visits.values() for url in v.requests
                 if not is_local(url, run.base)]
    assert elsewhere == [], "\n".join(elsewhere)


def test_no_cookies_and_only_documented_browser_storage(run):
    assert [v.path for v in run.visits.values() if v.cookies] == []
    stored = {(area, key) for v in run.visits.values() for area, keys in v.storage.items() for key in keys}
    assert undocumented_storage(stored) == set(), stored


STORAGE_ROW = re.compile(r"^\| *(localStorage|sessionStorage) *\| *`([^`]+)` *\| *(\S.*?) *\|$", re.MULTILINE)


def undocumented_storage(stored: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Storage keys missing from docs/quality.md's table "| localStorage | `key` | why |"."""
    documented = {(area, key) for area, key, _ in STORAGE_ROW.findall(QUALITY_DOC.read_text(encoding="utf-8"))}
    return stored - documented


def test_first_view_weighs_at_most_100_kb_gzip(run):
    heavy = [f"{v.path or '/'}: {v.weight / 1024:.1f} KB" for v in run.visits.values() if v.weight > FIRST_VIEW_LIMIT]
    assert heavy == [], "\n".join(heavy)
    meetings = [v for v in run.visits.values() if MEETING_PAGE.match(v.path)]
    assert meetings and all(v.weight > 0 for v in meetings)
    for v in (run.visits[""], run.visits["en/"], *meetings):
        print(f"first view {v.path or '/'}: {v.weight / 1024:.1f} KB gzip in {len(v.transfers)} responses")


def test_no_page_fetches_the_search_index_before_a_search(run):
    early = [f"{v.path or '/'}: {url}" for v in run.visits.values() for url in v.requests if SEARCH_INDEX.search(url)]
    assert early == [], "\n".join(early)
    search_code = [v.path for v in run.visits.values() if any("pagefind" in url for url in v.requests)]
    assert sorted(search_code) == ["en/soeg/", "soeg/"]


def test_html_lang_matches_every_page_and_danish_fallbacks_are_marked(run):
    wrong = [f"{v.path or '/'}: lang={v.lang!r}" for v in run.visits.values() if v.lang != page_lang(v.path)]
    assert wrong == [], "\n".join(wrong)
    problems = [f"{v.path}: {p}" for v in run.visits.values() for p in v.fallback_problems]
    assert problems == [], "\n".join(problems)


def test_danish_fallbacks_are_where_english_is_missing_and_only_there(run):
    markers = {path: v.fallback_markers for path, v in run.visits.items() if v.fallback_markers}
    if run.which in ("shipped", "second"):  # every text of these two sites has its English
        assert markers == {}
        return
    # the 2017 agreement page, a theme title in lists, the draft report without English
    assert {"en/aftale/2017/", "en/temaer/", "en/moeder/visionsforum-2027-1/"} <= set(markers), markers
    assert all(path.startswith("en/") for path in markers), markers  # no note on Danish pages


# --- search --------------------------------------------------------------------------------

SEARCH_UI = {  # Pagefind's own words in each language, as a visitor sees and hears them
    "da": {"placeholder": "Søg", "name": "Søg på dette website", "results": "resultater for"},
    "en": {"placeholder": "Search", "name": "Search this site", "results": "results for"},
}
INDEX_FILE = re.compile(r"/(en/)?pagefind/(?:pagefind\.|wasm\.|index/|fragment/)([a-z]+)[._]")
"""A file of a search index: its bundle's folder (``en/`` or none) and the language in its name."""


@pytest.mark.parametrize("lang", ["da", "en"])
def test_search_by_keyboard_finds_pages_in_the_page_language(page, base_url, axe_available, lang):
    prefix = "" if lang == "da" else "en/"
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{base_url}{prefix}soeg/", wait_until="networkidle")
    words = SEARCH_UI[lang]
    field = page.get_by_role("textbox", name=words["name"], exact=True)
    assert field.get_attribute("placeholder") == words["placeholder"]
    assert not [url for url in requests if INDEX_FILE.search(url)]  # nothing fetched yet

    tab_until(page, "input.pagefind-ui__search-input")
    page.keyboard.type(SEARCHES[lang])
    page.locator(".pagefind-ui__result-link").first.wait_for()
    status = page.get_by_role("status")
    status.filter(has_text=words["results"]).wait_for()
    assert re.fullmatch(rf"\d+ {words['results']} {SEARCHES[lang]}", status.inner_text().strip())

    results = [resolve_href(page, a) for a in page.locator(".pagefind-ui__result-link").all()]
    assert f"{prefix}temaer/midtby/" in results
    assert all(page_lang(url) == lang for url in results), results
    fetched = [(m.group(1) or "", m.group(2)) for url in requests if (m := INDEX_FILE.search(url))]
    assert fetched and set(fetched) == {(prefix, lang)}, requests  # the page language's own bundle
    assert [url for url in requests if "/pagefind/" in url and not url.startswith(f"{base_url}{prefix}pagefind/")] == []
    assert not [url for url in requests if not is_local(url, base_url)]
    assert run_axe(page) == []

    tab_until(page, ".pagefind-ui__result-link")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page_lang(page.url[len(base_url):]) == lang
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.context.cookies() == []
    assert undocumented_storage(stored_keys(page)) == set()


def stored_keys(page: Any) -> set[tuple[str, str]]:
    """What the page's site keeps in localStorage and sessionStorage, as (area, key)."""
    areas = page.evaluate("({localStorage: Object.keys(localStorage), sessionStorage: Object.keys(sessionStorage)})")
    return {(area, key) for area, keys in areas.items() for key in keys}


def resolve_href(page: Any, link: Any) -> str:
    """A result link as a site path (``en/temaer/midtby/``)."""
    return page.evaluate("a => new URL(a.getAttribute('href'), document.baseURI).pathname", link.element_handle())[1:]


# --- keyboard, focus, skip link, print ---------------------------------------------------

def tab_until(page: Any, selector: str, limit: int = 200, key: str = "Tab") -> int:
    """Press Tab (or ``key``) until the focused element matches ``selector``; returns the
    number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"Tab never reached {selector} in {limit} presses")


# The focused element, with every transition run to its end: is its focus visible? Either it
# shows an outline itself, or (a checkbox drawn as a button) a label of it does. `again` is
# true when focus has come round to an element seen before.
_FOCUSED = """() => {
  document.getAnimations().forEach(a => a.finish());
  const el = document.activeElement;
  const seen = window.__bdSeen = window.__bdSeen || new WeakSet();
  const again = seen.has(el);
  seen.add(el);
  const visible = node => {
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
      && !/rgba\\(.*,\\s*0\\)$|transparent/.test(style.outlineColor);
    const shown = box.width > 1 && box.height > 1 && style.visibility === "visible" && style.opacity === "1";
    const inView = box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
    return outline && shown && inView;
  };
  return {
    element: el.outerHTML.slice(0, 100),
    visible: [el, ...(el.labels || [])].some(visible),
    body: el === document.body,
    again,
  };
}"""


def focus_walk(page: Any) -> tuple[int, list[str]]:
    """Tab through the whole page once: how many elements took focus, and those whose focus
    could not be seen."""
    invisible, count = [], 0
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused["body"] or focused["again"]:
            break
        count += 1
        if not focused["visible"]:
            invisible.append(focused["element"])
    return count, invisible


def keyboard_cases() -> list[Any]:
    """Desktop: one page of each kind in both languages; narrow: the pages a citizen opens most."""
    desktop = KEYBOARD_PAGES + ["en/" + path for path in KEYBOARD_PAGES if path != "404.html"]
    narrow = ["", "en/", "moeder/visionsforum-2017-1/", "en/soeg/", "404.html"]
    return ([pytest.param(path, DESKTOP, id=f"desktop-{path or 'home'}") for path in desktop]
            + [pytest.param(path, PHONE, id=f"narrow-{path or 'home'}") for path in narrow])


@pytest.mark.parametrize(("path", "viewport"), keyboard_cases())
def test_skip_link_comes_first_and_every_focus_is_visible(page, base_url, path, viewport):
    page.set_viewport_size(viewport)
    page.goto(base_url + path, wait_until="networkidle")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    first = page.evaluate(_FOCUSED)
    assert first["visible"], first
    count, invisible = focus_walk(page)
    assert count >= 3 and invisible == [], invisible


def test_navigation_drawer_opens_by_keyboard_on_a_narrow_screen(page, base_url):
    page.set_viewport_size(PHONE)
    page.goto(base_url + "moeder/", wait_until="networkidle")
    nav_link = page.locator(".md-sidebar--primary a.md-nav__link").first
    assert not nav_link.is_visible()  # closed: out of sight and out of the tab order
    tab_until(page, "#__drawer")
    assert page.evaluate(_FOCUSED)["visible"]
    page.keyboard.press("Space")
    tab_until(page, ".md-sidebar--primary a.md-nav__link")
    assert page.evaluate(_FOCUSED)["visible"]
    tab_until(page, "#__drawer", key="Shift+Tab")
    page.keyboard.press("Space")
    page.evaluate("document.getAnimations().forEach(a => a.finish())")
    assert not nav_link.is_visible()


@pytest.mark.parametrize("path", ["moeder/visionsforum-2017-1/", "en/moeder/", "404.html"])
def test_skip_link_moves_past_header_and_navigation(page, base_url, path):
    page.goto(base_url + path, wait_until="networkidle")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    target = page.evaluate("location.hash.slice(1)")
    assert target and page.evaluate("id => document.getElementById(id) !== null", target)
    page.keyboard.press("Tab")
    assert page.evaluate("!document.activeElement.closest('.md-header, .md-sidebar, [data-md-component=skip]')")


PRINT_HIDDEN = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-skip",
                ".bd-search-link", ".bd-lang-switch", ".md-overlay"]


@pytest.mark.parametrize("path", ["moeder/visionsforum-2017-1/", "en/moeder/visionsforum-2017-1/"])
def test_meeting_report_prints_without_navigation_search_or_footer(page, base_url, path):
    page.goto(base_url + path, wait_until="networkidle")
    page.emulate_media(media="print")
    rendered = "s => [...document.querySelectorAll(s)].filter(el => el.getClientRects().length > 0).length"
    assert {s: page.evaluate(rendered, s) for s in PRINT_HIDDEN} == {s: 0 for s in PRINT_HIDDEN}
    for part in ("article h1", "#referat", "article .bd-facts"):
        assert page.evaluate(rendered, part) == 1, part
    assert len(page.pdf()) > 1000  # Chromium prints it


# --- the header on a phone and a desktop ---------------------------------------------------

TAP_TARGET = 44  # CSS px: WCAG 2.2's 2.5.5 (AAA); 2.5.8 (AA) asks for 24
# Every control in the header that is shown, with its size as the browser lays it out.
_HEADER_CONTROLS = """() => [...document.querySelectorAll(".md-header a, .md-header label, .md-header button")]
  .map(el => ({el, box: el.getBoundingClientRect(), style: getComputedStyle(el)}))
  .filter(({box, style}) => box.width > 0 && box.height > 0 && style.visibility === "visible")
  .map(({el, box}) => ({control: el.className || el.outerHTML.slice(0, 60), width: box.width, height: box.height}))"""
# The site's name in the header: all of it shown, nothing cut off or hidden by an ellipsis.
_SITE_NAME = """() => {
  const el = document.querySelector(".md-header__topic:first-child .md-ellipsis");
  const box = el.getBoundingClientRect(), outer = el.closest(".md-header").getBoundingClientRect();
  return {text: el.textContent.trim(), cut: el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
          inside: box.top >= outer.top && box.bottom <= outer.bottom};
}"""


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("path", ["", "en/moeder/visionsforum-2017-1/", "soeg/", "404.html"])
def test_header_controls_are_tap_targets_of_44_css_px(page, base_url, path, size):
    page.set_viewport_size(SIZES[size])
    page.goto(base_url + path, wait_until="networkidle")
    controls = page.evaluate(_HEADER_CONTROLS)
    # the logo (desktop) or the menu button (phone), the language switch and the search link;
    # the 404 page has no navigation, so no menu button on a phone
    expected = 2 if path == "404.html" and size == "phone" else 3
    assert len(controls) == expected, controls
    small = [c for c in controls if c["width"] < TAP_TARGET or c["height"] < TAP_TARGET]
    assert small == [], small
    print(f"{size} {path or '/'}: " + ", ".join(f"{c['control']} {c['width']:.0f}×{c['height']:.0f}" for c in controls))


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("path", ["", "en/"])
def test_site_name_is_not_cut_off_on_a_phone(page, base_url, path, width):
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(base_url + path, wait_until="networkidle")
    name = page.evaluate(_SITE_NAME)
    lang = "en" if path.startswith("en/") else "da"
    assert name == {"text": site_config()["extra"]["site_name"][lang], "cut": False, "inside": True}


def test_was_forwards_a_browser_to_the_statement(browser, base_url):
    """Chromium follows /was's meta refresh to the accessibility statement: a navigation to the
    agency's address (aborted here, as no page may reach other hosts in the tests)."""
    statement = site_config()["extra"]["accessibility_statement"]
    context = browser.new_context()
    block_other_hosts(context, base_url)
    page = context.new_page()
    try:
        with page.expect_request(lambda request: not is_local(request.url, base_url), timeout=10_000) as asked:
            page.goto(base_url + "was/")
        request = asked.value
        assert request.url.rstrip("/") == statement.rstrip("/") and request.is_navigation_request()
    finally:
        context.close()
