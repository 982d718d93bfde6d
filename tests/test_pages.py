"""Year pages: lists that grow with the years show what is coming and the last 12 months, and
link to a page per year. One real build of a partnership with meetings over several years,
read back with BeautifulSoup and the sitemap with ElementTree."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import build_here, copy_project
from htmlpage import resolve, soup
from records_fixture import EPOCH, add_records

BASE = "https://boligdialog.example.org/"
OLDER_MEETINGS = """
  - id: visionsforum-2025-2
    name: {da: Efterårsmøde 2025, en: Autumn meeting 2025}
    start: 2025-10-02 17:00
    state: held
    themes: [midtby]
    invited: [albertslund-kommune, va]
    attended: [albertslund-kommune]
  - id: visionsforum-2026-2
    name: {da: Efterårsmøde 2026, en: Autumn meeting 2026}
    start: 2026-09-10 17:00
    state: held
    themes: [renovering]
    invited: [albertslund-kommune]
"""
"""Besides the shipped August 2017 meeting and records_fixture's of 2027 and 2028: one more
than 12 months before the build date (1 June 2027) and one within them."""
OLDER_DECISION = """  - id: cykelparkering
    meeting: visionsforum-2025-2
    text: {da: Der laves cykelparkering ved stationen, en: Bicycle parking is built at the station}
    owners: [albertslund-kommune]
    status: open
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("years") / "project")
    add_records(project)
    with (project / "data/meetings.yaml").open("a", encoding="utf-8") as f:
        f.write(OLDER_MEETINGS)
    with (project / "data/decisions.yaml").open("a", encoding="utf-8") as f:
        f.write(OLDER_DECISION)
    build_here(project, epoch=EPOCH)
    return project / "site"


def names(page, selector: str = "article .bd-meeting-item > a") -> list[str]:
    return [a.get_text(strip=True) for a in page.select(selector)]


def year_links(page, url: str) -> dict[str, str]:
    """Year -> the page it links to, from the page's list of years (the page's own year is not a link)."""
    return {a.get_text(strip=True): resolve(url, a["href"]) for a in page.select("article ul.bd-years a[href]")}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_index_lists_upcoming_and_recent_and_links_every_year(site, lang):
    url = "moeder/" if lang == "da" else "en/moeder/"
    page = soup(site, url)
    upcoming = names(page, "section[aria-labelledby=bd-upcoming] .bd-meeting-item > a")
    recent = names(page, "section[aria-labelledby=bd-past] .bd-meeting-item > a")
    if lang == "en":
        assert upcoming == ["3rd Visionsforum", "4th Visionsforum"]
        assert recent == ["Extra Visionsforum", "2nd Visionsforum", "Autumn meeting 2026"]
    # nothing older than 12 months on the index, but every year is a link away
    assert len(names(page)) == 5
    assert year_links(page, url) == {str(y): f"{url}{y}/" for y in (2028, 2027, 2026, 2025, 2017)}


@pytest.mark.parametrize(("year", "meetings"), [
    (2017, ["1st Visionsforum"]),
    (2025, ["Autumn meeting 2025"]),
    (2027, ["2nd Visionsforum", "Extra Visionsforum", "3rd Visionsforum"]),
    (2028, ["4th Visionsforum"]),
])
def test_a_year_page_lists_that_years_meetings_in_both_languages(site, year, meetings):
    en, da = soup(site, f"en/moeder/{year}/"), soup(site, f"moeder/{year}/")
    assert names(en) == meetings
    assert len(names(da)) == len(meetings)
    assert en.title.get_text().startswith(f"Meetings in {year} ")
    assert da.title.get_text().startswith(f"Møder i {year} ")
    assert str(year) in en.select_one('meta[name="description"]')["content"]
    assert da.html["lang"] == "da" and en.html["lang"] == "en"
    # the language switch goes to the same year in the other language
    assert resolve(f"en/moeder/{year}/", en.select_one("a.bd-lang-switch")["href"]) == f"moeder/{year}/"
    # every meeting links to its page; the other years are links, this one is marked
    links = [resolve(f"en/moeder/{year}/", a["href"]) for a in en.select("article .bd-meeting-item > a")]
    assert all(link.startswith("en/moeder/visionsforum-") for link in links)
    assert str(year) not in year_links(en, f"en/moeder/{year}/")
    assert en.select_one('ul.bd-years [aria-current="page"]').get_text() == str(year)
    # not in the navigation, but the navigation says where the page belongs
    current = en.select_one('nav.md-nav--primary a[aria-current="true"]')
    assert resolve(f"en/moeder/{year}/", current["href"]) == "en/moeder/"


def test_the_sitemap_lists_the_year_pages(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {u.findtext("s:loc", namespaces=ns): u for u in ElementTree.parse(site / "sitemap.xml").getroot()}
    pages = ["moeder/2017/", "moeder/2028/", "temaer/midtby/2025/", "opfoelgning/2025/", "opfoelgning/2027/aabne/"]
    for page in pages:
        assert f"{BASE}{page}" in urls and f"{BASE}en/{page}" in urls, page
        alternates = {link.get("hreflang"): link.get("href") for link in urls[f"{BASE}en/{page}"].findall("x:link", ns)}
        assert alternates == {"da": BASE + page, "en": f"{BASE}en/{page}", "x-default": BASE + page}


def test_a_theme_page_lists_recent_meetings_and_links_its_years(site):
    page = soup(site, "en/temaer/midtby/")
    assert names(page, "#bd-upcoming + ul .bd-meeting-item > a") == ["3rd Visionsforum"]
    assert names(page, "#bd-past + ul .bd-meeting-item > a") == ["Extra Visionsforum", "2nd Visionsforum"]
    years = year_links(page, "en/temaer/midtby/")
    assert years == {str(y): f"en/temaer/midtby/{y}/" for y in (2027, 2025, 2017)}
    assert names(soup(site, "en/temaer/midtby/2025/")) == ["Autumn meeting 2025"]
    assert names(soup(site, "temaer/midtby/2017/")) == ["1. Visionsforum"]
    assert soup(site, "en/temaer/midtby/2017/").title.get_text().startswith(
        "The development of Albertslund town centre: meetings in 2017 ")


def test_the_follow_up_lists_recent_open_decisions_and_links_every_year(site):
    page = soup(site, "en/opfoelgning/")
    open_now = [li.get_text(" ", strip=True) for li in page.select("#aabne + ul > li")]
    assert len(open_now) == 1 and "traffic in the town centre" in open_now[0]
    links = [(a.get_text(), resolve("en/opfoelgning/", a["href"])) for a in page.select("ul.bd-years a")]
    assert links == [("1 open", "en/opfoelgning/2027/aabne/"), ("1 finished", "en/opfoelgning/2027/"),
                     ("1 open", "en/opfoelgning/2025/aabne/"), ("0 finished", "en/opfoelgning/2025/")]
    assert [li.get_text(" ", strip=True) for li in page.select("ul.bd-years li")] == [
        "2027: 1 open , 1 finished", "2025: 1 open , 0 finished"]
    older = soup(site, "en/opfoelgning/2025/aabne/")
    (only,) = older.select("article .bd-decision")
    assert only.get_text(" ", strip=True).startswith("Open Bicycle parking is built at the station")
    assert older.title.get_text().startswith("Open decisions of 2025 ")
    assert older.select_one('ul.bd-years [aria-current="page"]').get_text() == "1 open"
    current = older.select_one('nav.md-nav--primary a[aria-current="true"]')
    assert resolve("en/opfoelgning/2025/aabne/", current["href"]) == "en/opfoelgning/"
    finished = soup(site, "opfoelgning/2025/")
    assert not finished.select("article .bd-decision")
    assert finished.title.get_text().startswith("Afsluttede beslutninger fra 2025 ")
    assert "Ingen af beslutningerne fra dette år er afsluttet endnu." in finished.select_one("article").get_text()


def test_a_partner_page_counts_meetings_per_year(site):
    url = "en/partnere/albertslund-kommune/"
    page = soup(site, url)
    rows = [[cell.get_text(strip=True) for cell in tr(["th", "td"])] for tr in page.select("#bd-years + table tbody tr")]
    assert rows == [["2027", "1", "1"], ["2026", "1", "0"], ["2025", "1", "1"], ["2017", "1", "0"]]
    assert [resolve(url, a["href"]) for a in page.select("#bd-years + table a")] == [
        f"en/moeder/{y}/" for y in (2027, 2026, 2025, 2017)]
    # the lists hold the last 12 months and what is coming, not 2025 or 2017
    listed = " ".join(a.get_text() for a in page.select("article .bd-list a"))
    assert "Autumn meeting 2026" in listed and "2nd Visionsforum" in listed
    assert "Autumn meeting 2025" not in listed and "1st Visionsforum" not in listed


def test_with_many_partners_each_partners_page_shows_its_part_of_the_picture(tmp_path: Path):
    """Above pages.OVERVIEW_MAX partners the partners page draws no picture of everyone (at 500
    partners it alone was 375 kB); each partner's page still has its own, and its table."""
    from bench import synth
    from bench.project import write_partnership
    from boligdialog.pages import partners as pages
    from boligdialog.site.load import load_site

    scale = synth.Scale(meetings=20, partners=pages.OVERVIEW_MAX + 1, themes=5, news=2, invited_per_meeting=12)
    write_partnership(synth.partnership(scale), tmp_path)
    site = load_site(tmp_path, tmp_path / "content", today=synth.BENCH_DATE)
    made = {p.src_uri: p.markdown for p in pages.partner_pages(site, "da")}
    index = made.pop("partnere/index.md")
    assert "<svg" not in index and "<table" not in index
    assert f"Med {scale.partners} partnere vises forløbet" in index
    assert all("<svg" in text and "<table" in text for text in made.values())
