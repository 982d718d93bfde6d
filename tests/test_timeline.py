"""Who was in the partnership over time (boligdialog.site.timeline, timeline.html): the SVG read back
as XML with the standard library's parser, its table with BeautifulSoup, and the whole in
axe-core and the Nu Html Checker."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from boligdialog.model.choices import label
from boligdialog.site.i18n import format_partial, strings
from boligdialog.model.records import Agreement, Partner
from boligdialog.pages.render import render
from boligdialog.site.timeline import timeline
from boligdialog.model.values import PartialDate, Text
from fragment_page import look, vnu_errors, write_page

SVG = "{http://www.w3.org/2000/svg}"
TODAY = dt.date(2026, 5, 1)

PARTNERS = [
    Partner.model_validate({
        "id": "kommune", "name": {"da": "Kommunen", "en": "The municipality"}, "classification": "municipality",
        "memberships": [{"status": "signed", "date": "2017-08", "agreement": "v1", "signatory": "S. C."}],
    }),
    Partner.model_validate({
        "id": "grundejere", "name": "Grundejerne <&> Co", "classification": "homeowners_association",
        "memberships": [  # listed out of order: the history sorts them
            {"status": "left", "date": 2021, "agreement": "v2"},
            {"status": "invited", "date": "2017-08", "agreement": "v1"},
            {"status": "signed", "date": "2019-03-02", "agreement": "v2"},
        ],
    }),
    Partner.model_validate({
        "id": "andelsboliger", "name": {"da": "Andelsboligerne", "en": "The cooperatives"},
        "classification": "cooperative_housing_association",
        "memberships": [
            {"status": "invited", "date": "2017-08", "agreement": "v1"},
            {"status": "signed", "date": "2027-06-15", "agreement": "v2"},  # after TODAY: announced
        ],
    }),
]
# The timeline reads only a version's id and title; other fields are the agreement model's matter.
AGREEMENTS = [Agreement.model_construct(id="v1", title=Text("Aftalen 2017", "The agreement 2017")),
              Agreement.model_construct(id="v2", title=Text("Aftalen 2019"))]


def rendered(lang: str, partners: list[Partner] = PARTNERS, page_uri: str = "partnere/index.md") -> str:
    return render("timeline.html", lang=lang, page_uri=page_uri,
                  timeline=timeline(partners, AGREEMENTS, TODAY, lang))


def svg_of(html: str) -> ET.Element:
    """The picture, parsed as XML (the key's small swatches are other <svg> elements)."""
    (source,) = re.findall(r'<svg [^>]*role="img".*?</svg>', html, flags=re.S)
    return ET.fromstring(source)


def rows_of(svg: ET.Element) -> list[ET.Element]:
    return [g for g in svg.iter(f"{SVG}g") if g.get("class") == "bd-timeline__row"]


def year_bounds(svg: ET.Element) -> dict[int, tuple[float, float]]:
    """Each labelled year's start and end on the axis, read from the grid lines around its label."""
    lines = sorted(float(line.get("x1")) for line in svg.iter(f"{SVG}line") if line.get("class") == "bd-timeline__year")
    bounds = {}
    for text in svg.iter(f"{SVG}text"):
        if re.fullmatch(r"\d{4}", text.text or ""):
            x = float(text.get("x"))
            bounds[int(text.text)] = (max(v for v in lines if v < x), min(v for v in lines if v > x))
    return bounds


def x_on_axis(svg: ET.Element, day: dt.date) -> float:
    """Where ``day`` lies on the picture's axis, by the grid lines of its year."""
    start, end = year_bounds(svg)[day.year]
    new_year = dt.date(day.year, 1, 1)
    return start + (day - new_year).days / (dt.date(day.year + 1, 1, 1) - new_year).days * (end - start)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_svg_is_xml_named_by_its_title_and_desc_in_the_page_language(lang):
    s = strings(lang)
    svg = svg_of(rendered(lang))
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img" and svg.get("viewBox").startswith("0 0 ")
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("aria-labelledby") == title.get("id") and svg.get("aria-describedby") == desc.get("id")
    assert title.text == s["timeline_title"]
    assert desc.text == s["timeline_desc"].format(start=2017, end=2027)
    assert not list(svg.iter(f"{SVG}script")) and "href" not in ET.tostring(svg, encoding="unicode")


def test_one_row_per_partner_in_the_order_given_with_names_as_written():
    svg = svg_of(rendered("en"))
    rows = rows_of(svg)
    assert [row.get("data-partner") for row in rows] == [p.id for p in PARTNERS]
    assert [row.find(f"{SVG}text").text for row in rows] == ["The municipality", "Grundejerne <&> Co",
                                                             "The cooperatives"]


def test_segments_follow_the_dates_and_dates_known_to_the_month_or_year_stand_at_their_first_day():
    svg = svg_of(rendered("da"))
    for partner, row in zip(PARTNERS, rows_of(svg)):
        bars = [rect for rect in row.iter(f"{SVG}rect")]
        dots = [float(c.get("cx")) for c in row.iter(f"{SVG}circle")]
        starts = [float(rect.get("x")) for rect in bars]
        assert starts == dots == sorted(starts), partner.id
        for rect, m in zip(bars, partner.history):
            assert float(rect.get("x")) == pytest.approx(x_on_axis(svg, m.date.first_day()), abs=0.3), (partner.id, m)
        # each stretch ends where the next begins
        ends = [float(r.get("x")) + float(r.get("width")) for r in bars]
        assert ends[:-1] == pytest.approx(starts[1:], abs=0.15)
    widths = {row.get("data-partner"): [(r.get("height"), r.get("width")) for r in row.iter(f"{SVG}rect")]
              for row in rows_of(svg)}
    assert [h for h, _ in widths["grundejere"]] == ["20", "20", "4"]  # invited, signed: bars; left: a line


def test_what_has_not_happened_is_dashed_and_hollow():
    svg = svg_of(rendered("da"))
    for partner, row in zip(PARTNERS, rows_of(svg)):
        dashed = [rect.get("stroke-dasharray") is not None for rect in row.iter(f"{SVG}rect")]
        hollow = [c.get("fill") == "#ffffff" for c in row.iter(f"{SVG}circle")]
        announced = [m.is_scheduled(TODAY) for m in partner.history]
        assert dashed == hollow == announced, partner.id
    today = [t for t in svg.iter(f"{SVG}text") if t.text == strings("da")["timeline_today"]]
    assert len(today) == 1 and float(today[0].get("x")) == pytest.approx(x_on_axis(svg, TODAY), abs=0.3)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_table_lists_every_membership_change_with_date_in_words_and_version(lang):
    s = strings(lang)
    page = BeautifulSoup(rendered(lang), "html.parser")
    table = page.select_one(".bd-timeline table")
    assert table.caption.get_text() == s["timeline_caption"]
    assert [th["scope"] for th in table.select("thead th")] == ["col"] * 4
    rows = table.select("tbody tr")
    assert len(rows) == sum(len(p.memberships) for p in PARTNERS)
    expected = [(p.name.get(lang).text, m, m.is_scheduled(TODAY)) for p in PARTNERS for m in p.history]
    for row, (name, m, announced) in zip(rows, expected):
        header, status, date, version = row.find("th"), *row.find_all("td")
        assert header["scope"] == "row" and header.get_text(" ", strip=True).startswith(name)
        assert date.get_text() == format_partial(m.date, lang)
        kind = "membership_scheduled" if announced else "membership"
        assert status.get_text(" ", strip=True).startswith(
            f"{s['scheduled']}: {label(kind, m.status, lang)}" if announced else label(kind, m.status, lang))
        assert ("bd-timeline__scheduled" in row.get("class", [])) == announced
        title = next(a.title for a in AGREEMENTS if a.id == m.agreement)
        assert version.get_text(" ", strip=True).startswith(title.get(lang).text)
    dates = [row.find_all("td")[1].get_text() for row in rows]
    assert dates[:4] == (["august 2017", "august 2017", "2. marts 2019", "2021"] if lang == "da"
                         else ["August 2017", "August 2017", "2 March 2019", "2021"])
    assert sum("bd-timeline__scheduled" in row.get("class", []) for row in rows) == 1


def test_english_page_marks_a_danish_title_standing_in():
    page = BeautifulSoup(rendered("en"), "html.parser")
    versions = [row.find_all("td")[2] for row in page.select(".bd-timeline tbody tr")]
    assert [v.select_one('[lang="da"]') is not None for v in versions] == \
        [m.agreement == "v2" for p in PARTNERS for m in p.history]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_one_partners_part(lang):
    partner = PARTNERS[1]
    html = rendered(lang, [partner], page_uri=f"partnere/{partner.id}.md")
    svg = svg_of(html)
    assert [row.get("data-partner") for row in rows_of(svg)] == [partner.id]
    name = partner.name.get(lang).text
    assert svg.find(f"{SVG}title").text == strings(lang)["timeline_title_one"].format(name=name)
    assert svg.find(f"{SVG}title").get("id") == f"bd-timeline-{partner.id}-title"
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("table caption").get_text() == strings(lang)["timeline_caption_one"]
    assert len(page.select("tbody tr")) == len(partner.memberships)
    assert page.select("tbody th a") == []  # no link to the page it is on


def test_the_axis_spans_the_dates_and_today_and_labels_fewer_years_when_crowded():
    later = timeline(PARTNERS[:1], AGREEMENTS, dt.date(2031, 2, 1), "da")
    assert [t.label for t in later.ticks] == [str(y) for y in range(2017, 2032)] + [""]
    assert later.changes[0].date == format_partial(PartialDate(2017, 8), "da") == "august 2017"
    crowded = [t.label for t in timeline(PARTNERS[:1], AGREEMENTS, dt.date(2060, 1, 1), "da").ticks]
    assert len(crowded) == 2061 - 2017 + 1
    assert [y for y in crowded if y] == [str(y) for y in range(2020, 2061, 5)]  # 44 years: every 5th


# --- in the browser and the checker ----------------------------------------------------------

# The picture keeps its size and scrolls in its own box; on paper it fits the page.
PROBE = """() => {
  const box = document.querySelector(".bd-timeline__scroll");
  return {scrolls: box.scrollWidth > box.clientWidth,
          svg: document.querySelector(".bd-timeline svg").getBoundingClientRect().width,
          page: document.documentElement.clientWidth};
}"""


def test_timeline_passes_axe_and_vnu_on_a_phone_and_in_print(tmp_path):
    pages = []
    for lang in ("da", "en"):
        whole = rendered(lang)
        one = rendered(lang, PARTNERS[2:], page_uri="partnere/index.md")
        pages.append(write_page(tmp_path, lang, lang=lang, title=strings(lang)["timeline_title"],
                                fragment=f"{whole}\n<h2>{PARTNERS[2].name.get(lang).text}</h2>\n{one}"))
    assert vnu_errors(pages) == []
    for name, seen in look(pages, PROBE).items():
        assert seen.violations == [], "\n".join(seen.violations)
        assert seen.page_width <= 375, name
        assert seen.probe["scrolls"] and seen.probe["svg"] > 375, name
        assert not seen.printed["scrolls"] and seen.printed["svg"] <= seen.printed["page"], name
