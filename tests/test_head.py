"""What every page tells search engines and link previews, read back from the built HTML with
BeautifulSoup and json: a description of its own, OpenGraph, JSON-LD, and the site's name in
the page's language everywhere (header, <title>, feed, calendar, JSON-LD). On the shipped site
and on the fuller one (tests/fuller_site.py)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from icalendar import Calendar
from lxml import etree

from browser import page_lang, site_config, site_pages
from htmlpage import soup

EXTRA = site_config()["extra"]
NAMES = EXTRA["site_name"]
SITE_URL = site_config()["site_url"]
LOCALES = {"da": "da_DK", "en": "en_GB"}
ERROR_PAGES = ("404.html", "en/404.html")
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$")


@pytest.fixture(params=["shipped", "fuller"])
def site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(f"{request.param}_site")


def meta(page, name: str) -> str | None:
    tag = page.find("meta", attrs={"name": name}) or page.find("meta", attrs={"property": name})
    return tag["content"] if tag else None


def ld(page) -> list[dict]:
    return [json.loads(script.string) for script in page.select('script[type="application/ld+json"]')]


def test_every_page_has_a_description_of_its_own(site):
    descriptions = {path: meta(soup(site, path), "description") for path in site_pages(site, themed=True)}
    assert all(descriptions.values()), [p for p, d in descriptions.items() if not d]
    shared = {d: n for d, n in Counter(descriptions.values()).items() if n > 1}
    assert shared == {}, shared
    defaults = {*EXTRA["description"].values(), site_config()["site_description"]}
    assert [p for p, d in descriptions.items() if d in defaults] == []


def test_opengraph_on_every_page_in_its_language(site):
    for path in site_pages(site, themed=True):
        page, lang = soup(site, path), page_lang(path)
        og = {tag["property"]: tag["content"] for tag in page.select("meta[property^='og:']")}
        if path in ERROR_PAGES:  # not a page to share or index
            assert og == {} and meta(page, "robots") == "noindex", path
            continue
        other = "en" if lang == "da" else "da"
        assert og == {
            "og:type": "article" if re.match(r"^(en/)?nyheder/.+/$", path) else "website",
            "og:site_name": NAMES[lang],
            "og:title": og["og:title"],
            "og:description": meta(page, "description"),
            "og:url": page.select_one('link[rel="canonical"]')["href"],
            "og:locale": LOCALES[lang],
            "og:locale:alternate": LOCALES[other],
        }, path
        assert og["og:url"] == SITE_URL + path and og["og:title"], path
        assert not page.select("meta[name='robots']"), path


def test_the_site_is_named_in_the_page_language_everywhere(site):
    for path in site_pages(site, themed=True):
        page, lang = soup(site, path), page_lang(path)
        assert page.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == NAMES[lang], path
        assert page.select_one(".md-header .md-logo")["aria-label"] == NAMES[lang], path
        assert page.title.get_text().endswith(NAMES[lang]), path
    for lang, prefix in (("da", ""), ("en", "en/")):
        feed = etree.parse(str(site / prefix / "feed.xml")).getroot()
        ns = {"a": "http://www.w3.org/2005/Atom"}
        assert feed.findtext("a:title", namespaces=ns) == NAMES[lang]
        assert feed.findtext("a:author/a:name", namespaces=ns) == NAMES[lang]
        assert feed.findtext("a:author/a:uri", namespaces=ns) == SITE_URL + prefix
        calendar = Calendar.from_ical((site / prefix / "moeder/visionsforum.ics").read_bytes())
        assert NAMES[lang] in str(calendar["X-WR-CALNAME"])
        [graph] = ld(soup(site, prefix))
        assert {node["@type"]: node["name"] for node in graph["@graph"]} == {"Organization": NAMES[lang],
                                                                            "WebSite": NAMES[lang]}


def test_home_pages_carry_the_partnership_and_the_site(site):
    for lang, prefix in (("da", ""), ("en", "en/")):
        [graph] = ld(soup(site, prefix))
        assert graph["@context"] == "https://schema.org"
        org, website = graph["@graph"]
        assert org["@type"] == "Organization" and org["url"] == SITE_URL
        assert org["description"] == EXTRA["description"][lang]
        assert website == {"@type": "WebSite", "@id": SITE_URL + prefix + "#website", "name": NAMES[lang],
                           "url": SITE_URL + prefix, "inLanguage": lang, "publisher": {"@id": org["@id"]}}


def test_every_event_has_what_search_engines_require_where_the_data_has_it(site):
    """Google's Event rich result requires name, startDate and location with an address;
    a meeting known only to the month has no Event at all."""
    events = {}
    for path in site_pages(site, themed=True):
        for block in ld(soup(site, path)):
            if block.get("@type") == "Event":
                events[path] = block
                assert block["name"] and block["description"], path
                assert FULL_DATE.match(block["startDate"]), (path, block["startDate"])
                assert block["inLanguage"] == page_lang(path) and block["url"] == SITE_URL + path
                assert block["organizer"]["name"] == NAMES[page_lang(path)]
                if "location" in block:
                    assert block["location"]["@type"] == "Place"
    assert "moeder/visionsforum-2017-1/" not in events  # August 2017
    if "moeder/visionsforum-2027-1/" in site_pages(site, themed=True):  # the fuller site: place and address known
        address = events["en/moeder/visionsforum-2027-1/"]["location"]["address"]
        assert address == {"@type": "PostalAddress", "streetAddress": "Nordmarks Allé 1", "postalCode": "2620",
                           "addressLocality": "Albertslund", "addressCountry": "DK"}
        assert {"moeder/visionsforum-2027-2/", "moeder/visionsforum-2028-1/"} <= set(events)
