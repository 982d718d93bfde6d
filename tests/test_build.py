"""End to end: build the real site with MkDocs and read the real output files."""

from __future__ import annotations

import json
import re
from urllib.robotparser import RobotFileParser
from xml.etree import ElementTree

import pytest

from conftest import build, build_command, edit
from htmlpage import main_text, resolve, soup

PAGES = ["", "aftale/", "partnere/", "partnere/va/", "moeder/", "moeder/visionsforum-2017-1/",
         "temaer/", "temaer/midtby/", "soeg/"]
SIGNATORIES = ["Vinie Hansen", "Kirsten Mogensen", "Stig Schønveller", "Steen Christiansen"]


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_page_exists_in_both_languages_with_its_lang(shipped_site, url, lang):
    full = url if lang == "da" else "en/" + url
    page = soup(shipped_site, full)
    assert page.html["lang"] == lang
    # the language switch goes to the same page in the other language
    switch = page.select_one("a.bd-lang-switch")
    other = "en/" + url if lang == "da" else url
    assert resolve(full, switch["href"]) == other
    assert switch["hreflang"] == ("en" if lang == "da" else "da")
    # hreflang alternates for both languages and x-default
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    site_url = "https://boligdialog.example.org/"
    assert alternates == {"da": site_url + url, "en": site_url + "en/" + url, "x-default": site_url + url}


def test_theme_strings_follow_the_page_language(shipped_site):
    da, en = soup(shipped_site, "moeder/"), soup(shipped_site, "en/moeder/")
    assert da.select_one(".md-skip").get_text(strip=True) == "Gå til indholdet"
    assert en.select_one(".md-skip").get_text(strip=True) == "Skip to content"
    # the search link's text (read by screen readers and text browsers, not shown beside the icon)
    assert da.select_one("a.bd-search-link").get_text(strip=True) == "Søg"
    assert en.select_one("a.bd-search-link").get_text(strip=True) == "Search"
    assert da.select_one("header nav")["aria-label"] == "Sidehoved"
    assert en.select_one("header nav")["aria-label"] == "Header"


def test_navigation_is_per_language_and_leaves_out_item_pages(shipped_site):
    for url, lang in (("moeder/visionsforum-2017-1/", "da"), ("en/moeder/visionsforum-2017-1/", "en")):
        page = soup(shipped_site, url)
        nav_links = [resolve(url, a["href"]) for a in page.select("nav.md-nav--primary a.md-nav__link")]
        assert nav_links, "the navigation is empty"
        assert all(link.startswith("en/") == (lang == "en") for link in nav_links), nav_links
        assert not any("visionsforum-2017-1" in link or "/va/" in link for link in nav_links)
    en_titles = [a.get_text(strip=True) for a in soup(shipped_site, "en/").select("nav.md-nav--primary a.md-nav__link")]
    assert {"Home", "Partners", "Meetings", "Themes", "Search"} <= set(en_titles)


@pytest.mark.parametrize("url", ["aftale/", "en/aftale/"])
def test_agreement_lists_the_four_signatories(shipped_site, url):
    text = soup(shipped_site, url).select_one(".bd-signatories").get_text(" ", strip=True)
    for name in SIGNATORIES:
        assert name in text
    if url.startswith("en/"):
        assert "mayor" in text and "vice-chair" in text and "Albertslund Municipality" in text
    else:
        assert "borgmester" in text and "næstformand" in text and "Albertslund Kommune" in text


def test_meeting_page_says_month_only_and_about_20(shipped_site):
    da = main_text(soup(shipped_site, "moeder/visionsforum-2017-1/"))
    en = main_text(soup(shipped_site, "en/moeder/visionsforum-2017-1/"))
    assert "august 2017" in da and "Kun måneden er kendt." in da and "ca. 20 personer" in da
    assert "August 2017" in en and "Only the month is known." in en and "about 20 people" in en
    assert "Vinie Hansen" in en  # the report is on the meeting page


def test_partner_index_groups_by_kind_with_status(shipped_site):
    page = soup(shipped_site, "en/partnere/")
    groups = [h.get_text(strip=True) for h in page.select("article h2")]
    assert groups[:2] == ["The municipality", "Social housing organisations"]
    assert "Homeowners' associations" in groups and "Cooperative housing associations" in groups
    statuses = [s.get_text(strip=True) for s in page.select(".bd-status")]
    assert statuses.count("Signed") == 4 and statuses.count("Invited") == 2


def test_home_says_no_visionsforum_planned_and_lists_the_report(shipped_site):
    da = main_text(soup(shipped_site, ""))
    assert "Der er endnu ikke planlagt et nyt Visionsforum." in da
    assert "1. Visionsforum" in da


def test_sitemap_lists_both_languages_with_alternates(shipped_site):
    tree = ElementTree.parse(shipped_site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {u.findtext("s:loc", namespaces=ns): u for u in tree.getroot().findall("s:url", ns)}
    base = "https://boligdialog.example.org/"
    assert f"{base}moeder/visionsforum-2017-1/" in urls
    english = urls[f"{base}en/moeder/visionsforum-2017-1/"]
    alternates = {link.get("hreflang"): link.get("href") for link in english.findall("x:link", ns)}
    assert alternates == {"da": f"{base}moeder/visionsforum-2017-1/", "en": f"{base}en/moeder/visionsforum-2017-1/",
                          "x-default": f"{base}moeder/visionsforum-2017-1/"}
    assert len(urls) == 2 * len([u for u in urls if not u.startswith(base + "en/")])


@pytest.mark.parametrize("lang, bundle", [("da", "pagefind/"), ("en", "en/pagefind/")])
def test_search_index_per_language(shipped_site, lang, bundle):
    entry = json.loads((shipped_site / bundle / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {lang}  # each language's pages in a bundle of their own
    assert entry["languages"][lang]["page_count"] >= 17
    # the search page loads its own language's bundle; other pages load no search code
    search_page = "soeg/" if lang == "da" else "en/soeg/"
    page = soup(shipped_site, search_page)
    assert [resolve(search_page, s["src"]) for s in page.select('script[src*="pagefind"]')] == [bundle + "pagefind-ui.js"]
    assert [resolve(search_page, s["href"]) for s in page.select('link[href*="pagefind"]')] == [bundle + "pagefind-ui.css"]
    assert resolve(search_page, page.select_one("[data-bd-search]")["data-bundle"]) == bundle
    assert not page.select(".bd-search .bd-note")  # the preview's note on its index is the preview's
    assert not soup(shipped_site, search_page.replace("soeg/", "moeder/")).select('[src*="pagefind"], [href*="pagefind"]')


def test_no_request_to_other_hosts(shipped_site):
    for path in shipped_site.rglob("*.html"):
        page = soup(shipped_site, str(path.relative_to(shipped_site)))
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for el in page.find_all(tag):
                value = el.get(attr, "")
                if tag == "link" and el.get("rel") in (["canonical"], ["alternate"]):
                    continue
                assert not re.match(r"^(https?:)?//", value), f"{path}: {tag} {value}"


# --- projects built from edited copies --------------------------------------------------

XSS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']


def test_values_from_data_are_escaped(project):
    edit(project / "data/partners.yaml", "name: {da: VA, en: VA}", f"name: '{XSS[0]} VA'")
    edit(project / "data/partners.yaml", "          da: formand\n          en: chair",
         f"          da: 'formand {XSS[1]}'\n          en: 'chair {XSS[0]}'")
    edit(project / "data/partners.yaml", "short_name: AB", f"short_name: 'AB {XSS[1]}'")
    edit(project / "data/meetings.yaml", "      da: 1. Visionsforum", f"      da: '1. Visionsforum {XSS[1]}'")
    edit(project / "data/meetings.yaml", "    participants: about 20\n",
         f"    participants: about 20\n    agenda:\n      - name: {{da: 'Punkt {XSS[1]}', en: 'Item {XSS[0]}'}}\n"
         f"        result: 'Resultat {XSS[0]}'\n")
    edit(project / "data/themes.yaml", "      da: Udviklingen i Albertslund Midtby", f"      da: 'Midtby {XSS[0]}'")
    edit(project / "content/aftale/2017.md", "title: Partnerskabsaftalen", f"title: 'Aftalen {XSS[1]}'")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    pages = list(site.rglob("*.html"))
    assert len(pages) > 30
    seen_escaped = 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text, path
        assert "<img src=x" not in text, path
        seen_escaped += "&lt;script&gt;alert(1)" in text
    assert seen_escaped >= 10
    agreement = soup(site, "aftale/2017/")  # the version's own page, the editor's text
    # escaped exactly once: the visitor reads the editor's text, the browser sees no markup
    assert agreement.title.get_text() == f"Aftalen {XSS[1]} - Boligdialog Albertslund"
    assert agreement.select_one(".md-header__topic:nth-of-type(2)").get_text(strip=True) == f"Aftalen {XSS[1]}"
    assert not agreement.find("img", src="x")
    assert agreement.select_one('meta[property="og:title"]')["content"] == f"Aftalen {XSS[1]}"
    # descriptions made from data, in <meta name="description"> and OpenGraph
    va = soup(site, "partnere/va/")
    description = va.select_one('meta[name="description"]')["content"]
    assert description.startswith(f"{XSS[0]} VA: Almen boligorganisation.")
    assert va.select_one('meta[property="og:description"]')["content"] == description
    assert soup(site, "moeder/visionsforum-2017-1/").select_one('meta[name="description"]')["content"].startswith(
        f"1. Visionsforum {XSS[1]}: august 2017.")


def test_missing_english_falls_back_to_danish_marked_lang_da(project):
    edit(project / "data/themes.yaml", "      en: Renovation of the housing estates\n", "")
    (project / "content/en/aftale/2017.md").unlink()
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "data/themes.yaml:11: 2nd theme (renovering), title" in result.stderr
    assert "content/aftale/2017.md: no English page content/en/aftale/2017.md" in result.stderr
    site = project / "site"
    theme = soup(site, "en/temaer/renovering/")
    heading = theme.select_one("article h1")
    assert (heading["lang"], heading.get_text()) == ("da", "Renovering af boligområderne")
    assert theme.title.get_text().startswith("Renovering af boligområderne")
    # in a list on another English page the same text is marked and explained
    span = soup(site, "en/temaer/").select_one('article span[lang="da"]')
    assert span.get_text() == "Renovering af boligområderne"
    assert span.find_next_sibling("small").get_text() == "(only in Danish)"
    agreement = soup(site, "en/aftale/2017/")
    assert agreement.html["lang"] == "en"
    block = agreement.select_one('article div[lang="da"]')
    assert "Partnerskabsaftalen" in block.get_text()
    assert "This page is available in Danish only." in main_text(agreement)
    assert "Steen Christiansen" in agreement.select_one(".bd-signatories").get_text()


def test_bad_data_fails_the_build_with_every_message_and_no_traceback(project):
    edit(project / "data/meetings.yaml", "themes: [midtby]", "themes: [midby]")
    edit(project / "data/partners.yaml", "    classification: municipality\n",
         "    classification: municipality\n    website: albertslund\n")
    result = build_command(project)
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert "Traceback" not in out
    assert "data/meetings.yaml:18: 1st meeting (visionsforum-2017-1), themes no. 1: expected one of" in out
    assert "but received 'midby'; did you mean 'midtby'?" in out
    assert "data/partners.yaml:15: 1st partner (albertslund-kommune), website: expected a web address" in out
    assert "Build stopped: 2 problems in data or content (listed above)." in out
    assert not (project / "site" / "index.html").exists()


def test_robots_txt_names_the_sitemap_and_lets_crawlers_in(shipped_site):
    robots = RobotFileParser()
    robots.parse((shipped_site / "robots.txt").read_text(encoding="utf-8").splitlines())
    assert robots.site_maps() == ["https://boligdialog.example.org/sitemap.xml"]
    assert robots.can_fetch("*", "https://boligdialog.example.org/en/moeder/")
    assert (shipped_site / "sitemap.xml").is_file()


@pytest.mark.parametrize(("path", "lang", "home", "other_home"), [
    ("404.html", "da", "/", "/en/"), ("en/404.html", "en", "/en/", "/")])
def test_a_404_page_per_language_with_links_from_the_root(shipped_site, path, lang, home, other_home):
    """A host serves a 404 page at any missing address, so its links start at the root. GitHub
    Pages serves only /404.html (for /en/… too): it points to the English home page, in English."""
    page = soup(shipped_site, path)
    assert page.html["lang"] == lang
    assert page.title.get_text().startswith("Siden findes ikke" if lang == "da" else "Page not found")
    assert {a["href"].rstrip(".") for a in page.select("article a")} == {home, other_home}
    other = page.select_one(f'article [lang="{"en" if lang == "da" else "da"}"]')
    assert other is not None and other.a["href"].rstrip(".") == other_home
    assets = [tag.get("href") or tag.get("src") for tag in page.select("link[href], script[src]")]
    assert all(url.startswith(("/", "https://")) for url in assets), assets


# --- navigation, headings and table of contents ------------------------------------------

SECTION_PAGES = [("moeder/visionsforum-2017-1/", "moeder/"), ("en/partnere/va/", "en/partnere/"),
                 ("temaer/midtby/", "temaer/"), ("en/nyheder/ny-hjemmeside/", "en/nyheder/")]


@pytest.mark.parametrize(("url", "section"), SECTION_PAGES)
def test_navigation_marks_the_section_of_an_item_page_current(shipped_site, url, section):
    page = soup(shipped_site, url)
    current = [(resolve(url, a["href"]), a["aria-current"]) for a in page.select("nav.md-nav--primary a[aria-current]")]
    assert current == [(section, "true")]
    # on the section's own page, its entry is the current page
    index = soup(shipped_site, section)
    assert [(resolve(section, a["href"]), a["aria-current"])
            for a in index.select("nav.md-nav--primary a[aria-current]")] == [(section, "page")]


def toc_entries(page) -> list[tuple[str, str]]:
    """The table of contents as (fragment, text)."""
    return [(a["href"], a.get_text(strip=True)) for a in page.select("nav.md-nav--secondary a.md-nav__link")]


@pytest.mark.parametrize("url", ["", "en/", "aftale/", "partnere/", "en/partnere/va/", "moeder/",
                                 "moeder/visionsforum-2017-1/", "en/moeder/visionsforum-2017-1/",
                                 "temaer/midtby/", "en/opfoelgning/", "moeder/2017/", "en/temaer/midtby/2017/"])
def test_every_heading_has_an_id_and_a_place_in_the_table_of_contents(shipped_site, url):
    page = soup(shipped_site, url)
    headings = page.select("article h2, article h3")
    assert headings, url
    assert [h.get("id") for h in headings if not h.get("id")] == []
    assert toc_entries(page) == [(f"#{h['id']}", h.get_text(strip=True)) for h in headings]


def test_meeting_and_partner_pages_list_their_sections_in_the_table_of_contents(shipped_site):
    meeting = toc_entries(soup(shipped_site, "moeder/visionsforum-2017-1/"))
    assert meeting[0][0] == "#referat" and ("#organisationer", "Organisationer") in meeting
    assert toc_entries(soup(shipped_site, "partnere/va/")) == [
        ("#historik", "Historik"), ("#repraesentanter", "Repræsentanter"), ("#moeder", "Møder"),
        ("#bd-years", "Møder år for år")]
    assert [entry for entry, _ in toc_entries(soup(shipped_site, "en/partnere/va/"))] == [
        "#history", "#representatives", "#meetings", "#bd-years"]


def test_a_meeting_lists_each_organisation_once_marked_with_whether_it_attended(fuller_site):
    items = [li.get_text(" ", strip=True) for li in soup(fuller_site, "moeder/visionsforum-2027-1/").select(
        "ul.bd-organisations li")]
    assert items == ["Albertslund Kommune deltog", "VA deltog", "AB deltog", "AKB-Albertslund deltog ikke"]
    planned = soup(fuller_site, "moeder/visionsforum-2028-1/")
    assert [li.get_text(" ", strip=True) for li in planned.select("ul.bd-organisations li")] == []
    assert planned.select_one(".bd-facts").get_text(" ", strip=True).count("Referatet kommer efter mødet.") == 1


def test_a_partner_lists_each_meeting_once(fuller_site):
    items = [li.get_text(" ", strip=True) for li in soup(fuller_site, "partnere/akb-albertslund/").select(
        "ul.bd-partner-meetings li")]
    assert len(items) == len({i.split(" · ")[0] for i in items})
    assert any(i.startswith("2. Visionsforum") and i.endswith("inviteret, deltog ikke") for i in items), items


def test_table_of_contents_follows_the_heading_in_the_page(shipped_site):
    html = (shipped_site / "partnere/va/index.html").read_text(encoding="utf-8")
    assert 0 < html.index("<h1") < html.index('class="md-nav md-nav--secondary"')


@pytest.mark.parametrize(("url", "date"), [("nyheder/ny-hjemmeside/", "Offentliggjort 26. november 2026"),
                                          ("en/nyheder/ny-hjemmeside/", "Published 26 November 2026")])
def test_news_article_shows_its_date_under_its_heading(shipped_site, url, date):
    heading = soup(shipped_site, url).select_one("article h1")
    line = heading.find_next_sibling()
    lang = "en" if url.startswith("en/") else "da"
    assert (line.name, line["class"], line.get_text(strip=True), line["lang"]) == ("p", ["bd-meta", "bd-date"], date, lang)


def test_logo_and_favicon_are_the_configured_files(shipped_site):
    page = soup(shipped_site, "moeder/")
    assert resolve("moeder/", page.select_one('link[rel="icon"]')["href"]) == "assets/boligdialog/favicon.svg"
    logo = page.select_one(".md-header .md-logo img")
    assert resolve("moeder/", logo["src"]) == "assets/boligdialog/logo.svg"
    assert logo["alt"] == "Boligdialog Albertslund"
    for name in ("favicon.svg", "logo.svg"):
        assert (shipped_site / "assets/boligdialog" / name).read_bytes().startswith(b"<svg ")


def test_a_nested_navigation_stops_the_build_with_a_message(project):
    edit(project / "mkdocs.yml", "  - Aftalen: aftale/index.md\n", "  - Om:\n      - Aftalen: aftale/index.md\n")
    result = build(project)
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert "Build stopped: mkdocs.yml: nav: expected only pages (title: file.md) but received 'Om', a section" in out


def test_news_and_reports_with_no_text_are_not_published(project):
    """An empty news item (only the scaffold's help text) gets no page and no feed entry; an
    empty report leaves its meeting saying there is no report yet."""
    (project / "content/nyheder/tom.md").write_text("---\ntitle: Tom nyhed\ndate: 2026-12-01\n---\n\n"
                                                    "<!-- Skriv nyheden her. -->\n", encoding="utf-8")
    report = project / "content/referater/visionsforum-2017-1.md"
    report.write_text(report.read_text(encoding="utf-8").split("---\n\n", 1)[0] + "---\n\n<!-- Skriv her. -->\n",
                      encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert not (site / "nyheder/tom").exists()
    assert "Tom nyhed" not in (site / "feed.xml").read_text(encoding="utf-8")
    assert "Tom nyhed" not in main_text(soup(site, "nyheder/"))
    assert "Der er endnu intet referat" in main_text(soup(site, "moeder/visionsforum-2017-1/"))
    assert "content/nyheder/tom.md:6: " in result.stderr
