"""schema.org JSON-LD, read back with json: a meeting is an Event only when its day is known;
the home pages carry the partnership (Organization) and the site (WebSite)."""

import json

import pytest

from boligdialog.site.identity import Identity
from boligdialog.outputs.jsonld import event, home, organization, script
from boligdialog.model.records import Meeting
from boligdialog.model.values import Text

IDENTITY = Identity(url="https://x.org/", name=Text("Boligdialog Albertslund", "Housing dialogue Albertslund"),
                    description=Text("Partnerskabet.", "The partnership."))


def meeting(**fields):
    return Meeting.model_validate({"id": "m", "name": {"da": "Møde", "en": "Meeting"}, "state": "planned"} | fields)


def as_event(m, lang="en"):
    return event(m, lang=lang, url="https://x.org/m/", description="D", organizer=organization(IDENTITY, lang))


def test_script_escapes_markup_but_json_round_trips():
    data = {"name": '</script><script>alert(1)</script> & "x"'}
    html = script(data)
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body
    assert json.loads(body) == data


@pytest.mark.parametrize("start", ["2017-08", "2017"])
def test_a_meeting_known_only_to_the_month_or_year_is_no_event(start):
    assert as_event(meeting(start=start, state="held")) is None


def test_a_timed_meeting_with_place_and_address_has_what_search_engines_require():
    data = as_event(meeting(start="2027-06-10 17:00", end="19:30", location={"da": "Rådhuset", "en": "Town Hall"},
                            address="Nordmarks Allé 1, 2620 Albertslund"))
    assert data["startDate"] == "2027-06-10T17:00:00+02:00"  # summer time in Copenhagen
    assert data["endDate"] == "2027-06-10T19:30:00+02:00"
    assert data["location"] == {"@type": "Place", "name": "Town Hall", "address": {
        "@type": "PostalAddress", "streetAddress": "Nordmarks Allé 1", "postalCode": "2620",
        "addressLocality": "Albertslund", "addressCountry": "DK"}}
    assert data["description"] == "D" and data["name"] == "Meeting"
    assert data["organizer"] == {"@type": "Organization", "@id": "https://x.org/#partnerskab",
                                 "name": "Housing dialogue Albertslund", "url": "https://x.org/"}


def test_unknown_time_place_and_end_are_left_out():
    data = as_event(meeting(start="2027-01-14"), lang="da")
    assert data["startDate"] == "2027-01-14"  # a day without a time: a date, not midnight
    assert "location" not in data and "endDate" not in data
    assert data["organizer"]["name"] == "Boligdialog Albertslund"


def test_home_has_the_partnership_and_the_site_in_its_language():
    org, site = home(IDENTITY, "en")["@graph"]
    assert org == {"@type": "Organization", "@id": "https://x.org/#partnerskab", "name": "Housing dialogue Albertslund",
                   "alternateName": "Boligdialog Albertslund", "url": "https://x.org/", "description": "The partnership."}
    assert site == {"@type": "WebSite", "@id": "https://x.org/en/#website", "name": "Housing dialogue Albertslund",
                    "url": "https://x.org/en/", "inLanguage": "en", "publisher": {"@id": "https://x.org/#partnerskab"}}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_open_data_page_describes_the_data_as_a_dataset(shipped_site, lang):
    """What search engines' dataset search requires (name, description of 50 to 5,000
    characters) and recommends (licence, creator, files to download), in the page's language,
    with a download for every file under /data/."""
    import re

    prefix = "" if lang == "da" else "en/"
    page = (shipped_site / prefix / "aabne-data/index.html").read_text(encoding="utf-8")
    [found] = [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>', page,
                                                 flags=re.S)]
    assert found["@type"] == "Dataset" and found["inLanguage"] == lang
    assert found["name"] and 50 <= len(found["description"]) <= 5000
    assert found["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert found["creator"] == {"@id": "https://boligdialog.example.org/#partnerskab"}
    files = {p.name for p in (shipped_site / "data").iterdir()}
    downloads = {d["contentUrl"].removeprefix("https://boligdialog.example.org/data/"): d["encodingFormat"]
                 for d in found["distribution"]}
    assert set(downloads) == files
    assert downloads["meetings.csv"] == "text/csv" and downloads["popolo-da.json"] == "application/json"
    assert downloads["dcat.jsonld"] == "application/ld+json"
