"""Pages and records described in words: what the generated pages put in their description."""

import datetime as dt

import pytest

from boligdialog.pages import describe
from boligdialog.model.records import Meeting, Partner
from boligdialog.site.sitedata import Site
from boligdialog.model.values import Text
from boligdialog.model.records import Theme

THEMES = [Theme(id="midtby", title=Text("Midtby", "Town centre"), summary=Text("S"))]
SITE = Site(partners=[], themes=THEMES, agreements=[], meetings=[], pages={}, today=dt.date(2027, 6, 1))


def meeting(**fields):
    return Meeting.model_validate({"id": "m", "name": {"da": "2. Visionsforum", "en": "2nd Visionsforum"},
                                   "state": "planned"} | fields)


@pytest.mark.parametrize(("fields", "lang", "expected"), [
    ({"start": "2027-03-18 17:00", "end": "19:30", "location": {"da": "Rådhuset", "en": "Town Hall"},
      "address": "Nordmarks Allé 1, 2620 Albertslund", "themes": ["midtby"]}, "en",
     "2nd Visionsforum: 18 March 2027, 17:00–19:30, Town Hall, Nordmarks Allé 1, 2620 Albertslund. "
     "Themes: Town centre."),
    ({"start": "2017-08", "state": "held"}, "da", "2. Visionsforum: august 2017."),
    ({"start": "2027-09-09", "state": "cancelled", "themes": ["midtby"]}, "da",
     "2. Visionsforum: 9. september 2027. Aflyst. Temaer: Midtby."),
])
def test_a_meeting_says_when_where_and_what_is_known(fields, lang, expected):
    assert describe.meeting(SITE, meeting(**fields), lang) == expected


def test_a_partner_says_its_kind_and_status():
    partner = Partner.model_validate({
        "id": "va", "name": "VA", "classification": "social_housing_organisation",
        "memberships": [{"status": "invited", "date": "2017-08", "agreement": "a"},
                        {"status": "signed", "date": "2017-08-20", "agreement": "a"}]})
    assert describe.partner(partner, "da", SITE.today) == "VA: Almen boligorganisation. Status: Har underskrevet (20. august 2017)."
    assert describe.partner(partner, "en", SITE.today) == "VA: Social housing organisation. Status: Signed (20 August 2017)."


def test_text_of_a_page_without_a_description_is_its_first_paragraph_cut_at_a_word():
    markdown = "# Title\n\n<div>x</div>\n\nThe *partnership* meets [twice](x.md) a year &amp; talks.\n\nMore."
    assert describe.from_markdown(markdown) == "The partnership meets twice a year & talks."
    long = describe.from_markdown("word " * 100)
    assert len(long) <= describe.MAX_LENGTH and long.endswith(" …")
    assert describe.from_markdown("# Only a heading\n") == ""


@pytest.mark.parametrize("markdown, paragraph", [
    ("# Title\n\n<div>x</div>\n\n  Two\n  lines \n\n\nMore.", "Two lines"),
    ("First.\n \t\nSecond.", "First."),
    ("---\n\n# Heading\n\n\n", ""),
    ("\n\n\nOnly one block, no blank line after it", "Only one block, no blank line after it"),
    ("", ""),
])
def test_the_first_paragraph_is_the_first_block_of_text_between_blank_lines(markdown, paragraph):
    assert describe.first_paragraph(markdown) == paragraph


def test_an_english_page_in_danish_says_so():
    assert describe.danish_only("Aftalen", "en") == "Aftalen: This page is available in Danish only."
