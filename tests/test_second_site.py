"""A second partnership, made by ``boligdialog init``: none of Albertslund's words in any of its
outputs, and its outputs read by the same independent parsers as Albertslund's.

(Its pages also pass the browser gates and the Nu Html Checker: tests/test_browser.py and
tests/test_browser_html.py visit it beside the shipped site; tests/test_feed.py,
tests/test_opendata.py and tests/test_popolo.py validate its feeds, open data and Popolo.)"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from second_site import FOREIGN_WORDS
from test_calendar import read_files

TEXT_OUTPUTS = {".html", ".ics", ".xml", ".json", ".csv", ".txt"}
"""What the generator writes as text: pages, calendars, feeds and the sitemap, JSON-LD inside
pages, open data and Popolo, robots.txt."""
THEME_FILES = ("assets/javascripts/", "assets/stylesheets/", "pagefind/pagefind", "en/pagefind/pagefind")
"""Material's and Pagefind's own scripts and styles, which no partnership writes."""


def search_index_texts(site: Path) -> dict[str, str]:
    """The search index's fragments (each page's text as Pagefind stores it), decompressed."""
    out = {}
    for path in site.rglob("*.pf_fragment"):
        out[path.relative_to(site).as_posix()] = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
    return out


def foreign_words(site: Path) -> dict[str, list[str]]:
    """``{file: [word, …]}`` for every output of ``site`` that names Albertslund's partnership."""
    found = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and path.suffix in TEXT_OUTPUTS and not rel.startswith(THEME_FILES):
            words = FOREIGN_WORDS.findall(path.read_text(encoding="utf-8"))
            if words:
                found[rel] = sorted(set(words))
    for rel, text in search_index_texts(site).items():
        if words := FOREIGN_WORDS.findall(text):
            found[rel] = sorted(set(words))
    return found


def test_no_word_of_albertslunds_reaches_any_output(second_site):
    assert search_index_texts(second_site), "no search index was read"
    assert foreign_words(second_site) == {}


def test_the_same_search_finds_albertslunds_words_in_albertslunds_site(shipped_site):
    """The search above can fail: on Albertslund's own site it finds its words in every kind of output."""
    found = foreign_words(shipped_site)
    kinds = {Path(rel).suffix for rel in found}
    assert {".html", ".ics", ".xml", ".json", ".csv", ".pf_fragment"} <= kinds, kinds


def test_its_names_and_addresses_come_from_its_own_answers(second_site):
    home = (second_site / "index.html").read_text(encoding="utf-8")
    assert "<title>Forside - Boligdialog Vestby</title>" in home
    assert "Dialogforum" in home  # the next meeting, by the forum's name
    assert (second_site / "moeder/dialogforum.ics").is_file()
    assert (second_site / "en/moeder/dialogforum.ics").is_file()
    assert (second_site / "moeder/dialogforum-2027-1/index.html").is_file()
    package = json.loads((second_site / "data/datapackage.json").read_text(encoding="utf-8"))
    assert "Vestby" in package["title"]


@pytest.mark.parametrize("parser", ["icalendar", "vobject", "ical.js"])
def test_every_calendar_is_read_with_its_meeting_at_its_instant(second_site, parser):
    calendars = sorted(second_site.rglob("*.ics"))
    assert len(calendars) == 2 * 4  # the forum's, the two themes' and the one meeting's, in each language
    found = read_files(parser, calendars)
    for path in (second_site / "moeder/dialogforum.ics", second_site / "en/moeder/dialogforum.ics"):
        components, events = found[path]
        assert components[:1] == ["VTIMEZONE"]
        assert {uid.split("@")[0]: at for uid, at in events.items()} == {
            "dialogforum-2027-1": ("2027-03-18T16:00:00Z", None)}
