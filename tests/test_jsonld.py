import json

from boligdialog.jsonld import event, script
from boligdialog.model import Meeting


def test_script_escapes_markup_but_json_round_trips():
    data = {"name": '</script><script>alert(1)</script> & "x"'}
    html = script(data)
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body
    assert json.loads(body) == data


def test_unknown_place_and_end_are_left_out():
    m = Meeting.model_validate({"id": "m", "name": "Møde", "start": "2017-08", "state": "held"})
    data = event(m, lang="da", url="https://x/", organizer="Boligdialog Albertslund", site_url="https://x/")
    assert data["startDate"] == "2017-08"
    assert "location" not in data and "endDate" not in data
    assert data["organizer"] == {"@type": "Organization", "name": "Boligdialog Albertslund", "url": "https://x/"}
