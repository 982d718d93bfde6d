"""The Popolo export (boligdialog/popolo.py), validated by jsonschema against the Popolo
project's own JSON Schemas (tests/schemas/popolo/, source and licence in its README)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from boligdialog.outputs import popolo
from boligdialog.model.records import Membership, Partner
from boligdialog.model.values import PartialDate, Text
from conftest import built_site

SCHEMAS = Path(__file__).parent / "schemas" / "popolo"
KINDS = {"organizations": "organization", "persons": "person", "memberships": "membership", "events": "event"}


def registry() -> Registry:
    """Every Popolo schema under the address its ``id`` names, so ``$ref`` resolves offline."""
    resources = []
    for file in SCHEMAS.glob("*.json"):
        schema = json.loads(file.read_text(encoding="utf-8"))
        resources.append((schema["id"].rstrip("#"), Resource.from_contents(schema, default_specification=DRAFT3)))
    return Registry().with_resources(resources)


def validator(kind: str) -> Draft3Validator:
    schema = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))
    return Draft3Validator(schema, registry=registry(), format_checker=Draft3Validator.FORMAT_CHECKER)


def problems(document: dict[str, Any]) -> list[str]:
    out = []
    for key, items in document.items():
        check = validator(KINDS[key])
        for i, item in enumerate(items):
            out += [f"{key}[{i}]: {e.json_path}: {e.message}" for e in check.iter_errors(item)]
    return out


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("which", ["shipped", "fuller", "second", "tricky"])
def test_export_validates_against_the_popolo_schemas(which, lang, request):
    site = built_site(request, which)
    document = json.loads((site / f"data/popolo-{lang}.json").read_text(encoding="utf-8"))
    assert set(document) == set(KINDS)
    assert all(document[k] for k in ("organizations", "memberships", "events", "persons"))
    assert problems(document) == []


def test_the_schemas_do_reject_what_popolo_does_not_allow():
    """The check can fail: a date in words, a name that is a number, a link without url."""
    bad = {"memberships": [{"start_date": "August 2017"}], "organizations": [{"name": 7}],
           "events": [{"identifiers": [{"scheme": "x"}]}], "persons": [{"links": [{"note": "x"}]}]}
    assert len(problems(bad)) == 4


def test_ids_link_up_and_match_the_tables(tricky_project):
    site = tricky_project / "site"
    document = json.loads((site / "data/popolo-en.json").read_text(encoding="utf-8"))
    partnership, *partners = document["organizations"]
    assert partnership["id"] == "https://boligdialog.example.org/" and partnership["classification"] == "partnership"
    organizations = {o["id"] for o in document["organizations"]}
    persons = {p["id"] for p in document["persons"]}
    for m in document["memberships"]:
        assert m["organization_id"] in organizations
        assert m.get("person_id") in persons or m["member"]["id"] in organizations
    table = json.loads((site / "data/partners.json").read_text(encoding="utf-8"))
    assert [o["id"] for o in partners] == [p["id"] for p in table]
    meetings = json.loads((site / "data/meetings.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in document["events"]] == [m["id"] for m in meetings]
    timed = next(e for e in document["events"] if e["id"] == "visionsforum-2027-1")
    assert (timed["start_date"], timed["end_date"]) == ("2027-03-18T17:00:00+01:00", "2027-03-18T19:30:00+01:00")
    assert timed["location"] == "Albertslund Town Hall" and timed["status"] == "held"
    month_only = next(e for e in document["events"] if e["id"] == "visionsforum-2017-1")
    assert month_only["start_date"] == "2017-08" and "end_date" not in month_only


def test_each_language_has_its_own_texts(tricky_project):
    da, en = (json.loads((tricky_project / f"site/data/popolo-{lang}.json").read_text(encoding="utf-8")) for lang in ("da", "en"))
    names = {lang: {o["id"]: o["name"] for o in doc["organizations"]} for lang, doc in (("da", da), ("en", en))}
    assert (names["da"]["albertslund-kommune"], names["en"]["albertslund-kommune"]) == (
        "Albertslund Kommune", "Albertslund Municipality")
    roles = {lang: {m["id"]: m["role"] for m in doc["memberships"]} for lang, doc in (("da", da), ("en", en))}
    assert roles["da"]["va/representatives/1/membership"] == "formand"
    assert roles["en"]["va/representatives/1/membership"] == "chair"


def partner(*changes: tuple[str, str]) -> Partner:
    return Partner(id="p", name=Text("P"), classification="other",
                   memberships=[Membership(status=s, date=PartialDate.parse(d), agreement="a") for s, d in changes])


class _Site:
    agreements = [type("A", (), {"id": "a", "title": Text("Aftale", "Agreement")})()]


def test_status_changes_become_membership_periods():
    """Invited, then signed, then left: two periods, each ended by the next change; listed out of
    order, they are read by date, and their ids keep their place in the list."""
    memberships = popolo.partner_memberships(
        partner(("signed", "2019-05-02"), ("invited", "2017-08"), ("left", "2021")), "en", _Site(), "x")
    assert [(m["id"], m["role"], m["start_date"], m.get("end_date")) for m in memberships] == [
        ("p/memberships/2", "invited", "2017-08", "2019-05-02"),
        ("p/memberships/1", "signed", "2019-05-02", "2021"),
    ]
    assert all(m["member"] == {"@type": "Organization", "id": "p"} and m["label"] == "Agreement" for m in memberships)
    [current] = popolo.partner_memberships(partner(("signed", "2017-08")), "da", _Site(), "x")
    assert "end_date" not in current and current["label"] == "Aftale"
