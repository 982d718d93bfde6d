"""Open data (boligdialog/opendata.py): the tables, CSV, JSON and datapackage.json of real
builds, read back by independent tools — the frictionless validator and reader, the
standard library's JSON parser, PyYAML and python-frontmatter for the sources — and the
package's schema held against the model it is derived from."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin, get_type_hints

import frontmatter
import pytest
import yaml
from bs4 import BeautifulSoup
from frictionless import Package, Resource, validate
from pydantic import BaseModel

from boligdialog.model import records as model
from boligdialog.outputs import opendata
from boligdialog.model.errors import ValidationFailed
from boligdialog.site.load import load_site
from boligdialog.model.fields import About
from boligdialog.model.records import CountField, DateField, Id, Meeting, PartnerId, TextField
from boligdialog.outputs.opendata.tables import _list_table
from conftest import build, built_site
from records_fixture import EPOCH
from htmlpage import resolve, soup

SITE_URL = "https://boligdialog.example.org/"
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def data_dir(site: Path) -> Path:
    return site / "data"


def tables_of(package: Package) -> list:
    """The package's tables (its CSV files); the other files (JSON, Popolo, DCAT) are listed
    beside them as plain data resources."""
    return [r for r in package.resources if r.type == "table"]



# --- the validator ------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["shipped", "fuller", "second", "tricky"])
def test_frictionless_finds_no_error_and_resolves_every_foreign_key(which, request):
    site = built_site(request, which)
    report = validate(str(data_dir(site) / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    assert report.stats["errors"] == 0
    package = Package(str(data_dir(site) / "datapackage.json"))
    keys = [(r.name, fk["reference"]["resource"]) for r in package.resources for fk in r.schema.foreign_keys]
    assert ("memberships", "agreements") in keys and ("decision_owners", "partners") in keys
    assert ("reports", "meetings") in keys and ("attachments", "meetings") in keys


def test_validator_reports_a_broken_reference(tricky_project, tmp_path):
    """The foreign keys are checked: an unknown agreement in a copy of the package is an error."""
    copy = tmp_path / "data"
    copy.mkdir()
    for file in data_dir(tricky_project / "site").iterdir():
        (copy / file.name).write_bytes(file.read_bytes())
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource.pop("hash", None), resource.pop("bytes", None)
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    text = (copy / "memberships.csv").read_text(encoding="utf-8")
    (copy / "memberships.csv").write_text(text.replace("aftale-2017", "aftale-2099", 1), encoding="utf-8")
    report = validate(str(copy / "datapackage.json"))
    assert [e for e in report.flatten(["type"])] == [["foreign-key"]]


def test_every_json_file_parses_and_holds_the_rows_of_its_csv(tricky_project):
    folder = data_dir(tricky_project / "site")
    for file in folder.glob("*.json"):
        json.loads(file.read_text(encoding="utf-8"))  # every JSON file, Popolo included
    package = Package(str(folder / "datapackage.json"))
    inline = []
    for resource in tables_of(package):
        from_json = json.loads((folder / f"{resource.name}.json").read_text(encoding="utf-8"))
        as_csv = [undefused(row.to_dict()) for row in resource.read_rows()]
        assert [{k: plain(v) for k, v in r.items()} for r in as_csv] == from_json, resource.name
        inline.append(Resource(name=resource.name, data=from_json, schema=resource.schema))
    # the JSON values against the same schemas, foreign keys included
    report = Package(resources=inline).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "note"])


def plain(value: Any) -> Any:
    return value.strftime("%H:%M:%S") if isinstance(value, dt.time) else value


def undefused(row: dict[str, Any]) -> dict[str, Any]:
    """A CSV row as the page says to read it: one leading apostrophe removed from a text."""
    return {k: v[1:] if isinstance(v, str) and v.startswith("'") else v for k, v in row.items()}


# --- round trip: the CSVs against the YAML ------------------------------------------------


def rows(site: Path, table: str) -> list[dict[str, Any]]:
    """A table read back by frictionless (typed by its schema), apostrophes removed."""
    package = Package(str(data_dir(site) / "datapackage.json"))
    return [undefused(row.to_dict()) for row in package.get_resource(table).read_rows()]


def source(project: Path, name: str) -> list[dict[str, Any]]:
    """Records of a data file, read by PyYAML alone (not by the model)."""
    return yaml.safe_load((project / "data" / f"{name}.yaml").read_text(encoding="utf-8"))[name] or []


def text(value: Any, prefix: str) -> dict[str, Any]:
    if value is None:
        return {f"{prefix}_da": None, f"{prefix}_en": None}
    if isinstance(value, str):
        return {f"{prefix}_da": value, f"{prefix}_en": None}
    return {f"{prefix}_da": value["da"], f"{prefix}_en": value.get("en")}


def day(value: Any) -> str | None:
    """A YAML date at its precision: 2017 -> "2017", "2017-08", date(2017, 8, 1) -> "2017-08-01"."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def when(value: Any) -> dict[str, Any]:
    if isinstance(value, dt.datetime):
        return {"start_date": value.date().isoformat(), "start_time": value.time()}
    date, _, clock = day(value).partition(" ")
    return {"start_date": date, "start_time": dt.time.fromisoformat(clock) if clock else None}


def count(value: Any) -> dict[str, Any]:
    if value is None:
        return {"participants": None, "participants_approximate": None}
    if isinstance(value, int):
        return {"participants": value, "participants_approximate": False}
    return {"participants": int(value.split()[-1]), "participants_approximate": True}


def listed(records: list[dict[str, Any]], owner: str, key: str, item: str) -> list[dict[str, Any]]:
    return [{owner: r["id"], "position": i, item: v} for r in records for i, v in enumerate(r.get(key) or [], 1)]


def only(actual: list[dict[str, Any]], expected: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keys = expected[0].keys() if expected else ()
    return [{k: row[k] for k in keys} for row in actual]


@pytest.mark.parametrize("which", ["shipped", "tricky"])
def test_csv_rows_are_the_yaml_records(which, shipped_site, tricky_project):
    project = shipped_site.parent if which == "shipped" else tricky_project
    site = project / "site"
    partners, meetings = source(project, "partners"), source(project, "meetings")
    expected: dict[str, list[dict[str, Any]]] = {
        "partners": [{"id": p["id"], **text(p["name"], "name"), "short_name": p.get("short_name"),
                      "classification": p["classification"], "website": p.get("website"),
                      **text(p.get("description"), "description"), **text(p.get("note"), "note"),
                      "url_da": f"{SITE_URL}partnere/{p['id']}/", "url_en": f"{SITE_URL}en/partnere/{p['id']}/"}
                     for p in partners],
        "memberships": [{"partner": p["id"], "position": i, "status": m["status"], "date": day(m["date"]),
                         "agreement": m["agreement"], "signatory": m.get("signatory")}
                        for p in partners for i, m in enumerate(p["memberships"], 1)],
        "representatives": [{"partner": p["id"], "position": i, "name": r["name"], **text(r["role"], "role"),
                             "start_date": day(r.get("start_date")), "end_date": day(r.get("end_date"))}
                            for p in partners for i, r in enumerate(p.get("representatives") or [], 1)],
        "agreements": [{"id": a["id"], **text(a["title"], "title"), "text": a["text"], "adopted": day(a.get("adopted")),
                        "in_force": day(a.get("in_force")), **text(a.get("changes"), "changes"),
                        "consultation_opens": day((a.get("consultation") or {}).get("opens")),
                        "consultation_closes": day((a.get("consultation") or {}).get("closes")),
                        "consultation_email": (a.get("consultation") or {}).get("email")}
                       for a in source(project, "agreements")],
        "themes": [{"id": t["id"], **text(t["title"], "title"), **text(t["summary"], "summary")}
                   for t in source(project, "themes")],
        "meetings": [{"id": m["id"], "number": m.get("number"), **text(m["name"], "name"), **when(m["start"]),
                      "end": dt.time.fromisoformat(m["end"]) if m.get("end") else None,
                      **text(m.get("location"), "location"), "state": m["state"], **count(m.get("participants")),
                      "url_da": f"{SITE_URL}moeder/{m['id']}/"} for m in meetings],
        "meeting_themes": listed(meetings, "meeting", "themes", "theme"),
        "meeting_invited": listed(meetings, "meeting", "invited", "partner"),
        "meeting_attended": listed(meetings, "meeting", "attended", "partner"),
        "agenda_items": [{"meeting": m["id"], "position": i, "number": None if a.get("number") is None
                          else str(a["number"]), **text(a["name"], "name"), **text(a.get("result"), "result")}
                         for m in meetings for i, a in enumerate(m.get("agenda") or [], 1)],
        "attachments": [{"meeting": m["id"], "position": i, "path": f["path"], **text(f["name"], "name"),
                         "url": SITE_URL + f["path"], "bytes": (project / "content" / f["path"]).stat().st_size,
                         "media_type": "application/pdf"}
                        for m in meetings for i, f in enumerate(m.get("files") or [], 1)],
        "decisions": [{"id": d["id"], "meeting": d["meeting"], **text(d["text"], "text"), "due": day(d.get("due")),
                       "status": d["status"], "reported_at": d.get("reported_at"), **text(d.get("note"), "note")}
                      for d in source(project, "decisions")],
        "decision_owners": listed(source(project, "decisions"), "decision", "owners", "partner"),
        "reports": reports_from_front_matter(project, meetings),
    }
    assert expected["meetings"] and expected["reports"]
    if which == "tricky":
        assert all(expected[t] for t in expected), [t for t in expected if not expected[t]]
    for table, records in expected.items():
        assert only(rows(site, table), records) == records, table


def reports_from_front_matter(project: Path, meetings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Report files found as an editor knows them: a Danish file whose front matter names its
    meeting, and the English file at the same path under en/ (read by python-frontmatter)."""
    content = project / "content"
    found = {}
    for file in sorted(content.rglob("*.md")):
        path = file.relative_to(content).as_posix()
        meeting = frontmatter.load(file).metadata.get("meeting")
        if not path.startswith("en/") and meeting:
            found[meeting] = path
    out = []
    for m in meetings:
        if m["id"] not in found:
            continue
        for lang, path in (("da", found[m["id"]]), ("en", "en/" + found[m["id"]])):
            if not (content / path).exists():
                continue
            meta = frontmatter.load(content / path).metadata
            out.append({"path": path, "lang": lang, "title": meta.get("title"), "meeting": m["id"],
                        "date": day(meta.get("date")), "minutes": meta.get("minutes"),
                        "approved_at": meta.get("approved_at"),
                        "url": f"{SITE_URL}{'en/' if lang == 'en' else ''}moeder/{m['id']}/#referat"})
    return out


def test_dates_keep_their_precision_and_estimates_stay_estimates(shipped_site):
    [meeting] = rows(shipped_site, "meetings")
    assert (meeting["start_date"], meeting["start_time"]) == ("2017-08", None)
    assert (meeting["participants"], meeting["participants_approximate"]) == (20, True)
    assert {m["date"] for m in rows(shipped_site, "memberships")} == {"2017-08"}
    raw = (data_dir(shipped_site) / "meetings.csv").read_text(encoding="utf-8")
    assert ",2017-08,," in raw and "2017-08-01" not in raw


# --- escaping -----------------------------------------------------------------------------


def test_comma_quote_and_newline_keep_the_csv_row_whole(tricky_project):
    site = tricky_project / "site"
    partners = {p["id"]: p for p in rows(site, "partners")}
    assert len(partners) == len(source(tricky_project, "partners"))
    assert partners["tricky"]["name_da"] == 'Boligforeningen "Vest", afd. 1, Gården'
    assert partners["tricky"]["note_da"] == "-3 grader\nog sne"
    assert partners["tricky"]["classification"] == "other"  # the cells after it are in their place
    raw = (data_dir(site) / "partners.csv").read_bytes()
    assert b'"Boligforeningen ""Vest"", afd. 1, G\xc3\xa5rden"' in raw  # RFC 4180 quoting
    assert b"\"'-3 grader\nog sne\"" in raw
    assert raw.count(b"\r\n") == len(partners) + 1  # CRLF ends every record, not the newline in a note


def test_formula_like_texts_are_written_so_that_no_spreadsheet_runs_them(tricky_project):
    site = tricky_project / "site"
    package = Package(str(data_dir(site) / "datapackage.json"))
    cells = [(r.name, k, v) for r in tables_of(package) for row in r.read_rows()
             for k, v in row.to_dict().items() if isinstance(v, str)]
    assert cells and [c for c in cells if c[2].startswith(FORMULA)] == []
    tricky = next(r for r in package.get_resource("partners").read_rows() if r["id"] == "tricky")
    assert tricky["name_en"] == "'=HYPERLINK(\"https://example.org\",\"klik\")"
    assert (tricky["short_name"], tricky["note_da"], tricky["note_en"]) == ("'+45 12 34", "'-3 grader\nog sne", "'@holdet")
    rep = next(r for r in package.get_resource("representatives").read_rows() if r["partner"] == "tricky")
    assert (rep["name"], rep["role_da"], rep["role_en"]) == ("''Apostrof Jensen", "'\tformand", "'-chair")
    # removing one apostrophe gives the text back; JSON holds it as it is
    assert undefused(rep.to_dict())["name"] == "'Apostrof Jensen"
    from_json = json.loads((data_dir(site) / "partners.json").read_text(encoding="utf-8"))
    assert next(p for p in from_json if p["id"] == "tricky")["name_en"].startswith("=HYPERLINK(")


@pytest.mark.parametrize(("text", "written"), [
    ("=1+1", "'=1+1"), ("+45", "'+45"), ("-3", "'-3"), ("@sum", "'@sum"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("'quoted", "''quoted"), ("a=1", "a=1"), ("Vinie Hansen", "Vinie Hansen"), ("", ""),
])
def test_defuse(text, written):
    assert opendata.defuse(text) == written


# --- the package's schema against the model -----------------------------------------------


ADDED = {"url_da", "url_en", "url", "bytes", "media_type", "path", "lang", "position"}
"""Columns not from a model field: page and file addresses, sizes, a report's file and language,
places in lists."""


def field_columns(name: str, annotation: Any) -> list[str]:
    """The columns a model field must have, by the rule the docs state (independent of the code)."""
    shown = repr(annotation)
    if "values.Text" in shown:
        return [f"{name}_da", f"{name}_en"]
    if "values.When" in shown:
        return [f"{name}_date", f"{name}_time"]
    if "values.Count" in shown:
        return [name, f"{name}_approximate"]
    if "values.Address" in shown:
        return [f"{name}_street", f"{name}_postcode", f"{name}_locality"]
    bare = get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation  # the field's About
    nested = next((a for a in (bare, *get_args(bare)) if isinstance(a, type) and issubclass(a, BaseModel)), None)
    if nested is not None:  # a nested model: its columns, named <name>_<its field>
        hints = get_type_hints(nested, include_extras=True)
        return [f"{name}_{column}" for sub in nested.model_fields for column in field_columns(sub, hints[sub])]
    return [name]


def test_package_schema_and_model_agree(shipped_site):
    """Every field of every exported model is a column (or a table), with its required flag and
    type; every column is a model field's or one of the few added ones."""
    descriptor = json.loads((data_dir(shipped_site) / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"] if r["profile"] == "tabular-data-resource"}
    seen: set[str] = set()
    for table, cls in [("partners", model.Partner), ("memberships", model.Membership),
                       ("representatives", model.Representative), ("agreements", model.Agreement),
                       ("themes", model.Theme), ("meetings", model.Meeting), ("agenda_items", model.AgendaItem),
                       ("attachments", model.Attachment), ("decisions", model.Decision),
                       ("responses", model.Response), ("reports", model.Page)]:
        fields = {f["name"]: f for f in resources[table]["schema"]["fields"]}
        derived: set[str] = set()
        for name, info in cls.model_fields.items():
            if (cls.__name__, name) in opendata.EXCLUDED:
                assert not any(c == name or c.startswith(name + "_") for c in fields)
                continue
            if get_origin(info.annotation) is list:
                tables = [r for r in resources.values()
                          if any(fk["reference"]["resource"] == table for fk in r["schema"].get("foreignKeys", []))
                          and r["schema"]["primaryKey"][1:] == ["position"]]
                assert tables, f"{cls.__name__}.{name}: no table"
                continue
            hint = get_type_hints(cls, include_extras=True)[name]
            columns = field_columns(name, hint)
            for column in columns:
                assert column in fields, f"{cls.__name__}.{name}: no column {column}"
            required = fields[columns[0]].get("constraints", {}).get("required", False)
            optional = not info.is_required() or "None" in repr(hint)
            assert required == (not optional), f"{cls.__name__}.{name}: required is {required}"
            derived |= set(columns)
        owner = {"memberships": "partner", "representatives": "partner", "agenda_items": "meeting",
                 "attachments": "meeting", "responses": "agreement"}.get(table)
        assert set(fields) - derived - ADDED - {owner} == set(), table
        seen.add(table)
    assert {r for r in resources} - seen == {"meeting_themes", "meeting_invited", "meeting_attended",
                                             "decision_owners", "agreement_consulted"}


def test_field_types_follow_the_value_types(shipped_site):
    descriptor = json.loads((data_dir(shipped_site) / "datapackage.json").read_text(encoding="utf-8"))
    fields = {(r["name"], f["name"]): f for r in descriptor["resources"] if "schema" in r for f in r["schema"]["fields"]}
    assert fields[("meetings", "start_date")]["constraints"]["pattern"] == opendata.DATE_PATTERN
    assert fields[("meetings", "start_time")]["type"] == "time"
    assert fields[("meetings", "participants")]["type"] == "integer"
    assert fields[("meetings", "participants_approximate")]["type"] == "boolean"
    assert fields[("meetings", "state")]["constraints"]["enum"] == ["planned", "held", "cancelled"]
    assert fields[("meetings", "number")]["constraints"] == {"minimum": 1}
    assert fields[("partners", "website")]["format"] == "uri"
    assert fields[("partners", "name_da")]["constraints"]["required"] is True
    assert "required" not in fields[("partners", "name_en")].get("constraints", {})
    # the model's descriptions describe the fields, Danish first, then English
    da, en = fields[("memberships", "agreement")]["description"].split("\n\n")
    assert da.endswith("Den udgave af aftalen, som ændringen gælder.")
    assert en.endswith("The version of the agreement the change concerns.")


class MeetingWithMore(Meeting):
    """A meeting as another change to the model might make it."""

    address: Annotated[TextField | None, About("Stedets postadresse.", "Postal address of the place.")] = None
    capacity: CountField | None = None
    opened: DateField
    hosts: list[Id] = []


class MeetingWithHosts(MeetingWithMore):
    hosts: list[PartnerId] = []


def test_a_field_added_to_a_model_becomes_columns_without_other_changes():
    lists: list[opendata.ListField] = []
    columns = {c.name: c for c in opendata.model_columns(MeetingWithMore, lists=lists)}
    assert {"address_da", "address_en", "capacity", "capacity_approximate", "opened"} <= set(columns)
    assert columns["address_da"].about == About("Stedets postadresse.", "Postal address of the place.")
    assert columns["opened"].required and not columns["address_da"].required
    assert [f.name for f in lists] == ["themes", "invited", "attended", "agenda", "files", "hosts"]
    source = opendata.Source("meetings", MeetingWithMore, lambda s: [])
    with pytest.raises(TypeError, match=r"MeetingWithMore\.hosts: a list of ids needs the table"):
        _list_table(source, lists[-1])
    lists = []
    opendata.model_columns(MeetingWithHosts, lists=lists)
    table = _list_table(opendata.Source("meetings", MeetingWithHosts, lambda s: []), lists[-1])
    assert (table.name, [c.name for c in table.columns]) == (
        "meeting_with_hosts_hosts", ["meeting_with_hosts", "position", "partner"])
    assert table.columns[-1].reference == "partners"


class WithUnknownType(BaseModel):
    id: Id
    when: dt.datetime


class WithUnmappedId(BaseModel):
    id: Id
    partner: Id


@pytest.mark.parametrize(("cls", "message"), [
    (WithUnknownType, r"WithUnknownType\.when: no column for values of type"),
    (WithUnmappedId, r"WithUnmappedId\.partner: an id field needs the table it points to"),
])
def test_a_field_the_export_cannot_place_stops_with_its_name(cls, message):
    with pytest.raises(TypeError, match=message):
        opendata.model_columns(cls)


def test_references_and_texts_name_real_fields_and_tables():
    names = {t.name for t in opendata.tables()}
    models = {cls.__name__: cls for cls in vars(model).values() if isinstance(cls, type) and issubclass(cls, BaseModel)}
    for (cls, field), target in model.REFERENCES.items():
        assert field in models[cls.__name__].model_fields, (cls, field)
        assert target in names
    assert set(opendata.TABLE_TEXTS) == names
    assert all(da.strip() and en.strip() and da != en for da, en in opendata.TABLE_TEXTS.values())


# --- the descriptor, the page, the footer --------------------------------------------------


def test_descriptor_names_licence_languages_and_times(shipped_site):
    descriptor = json.loads((data_dir(shipped_site) / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["profile"] == "data-package"
    assert descriptor["licenses"] == [{"name": "CC0-1.0", "title": "Creative Commons Zero v1.0 Universal",
                                       "path": "https://creativecommons.org/publicdomain/zero/1.0/"}]
    da, en = descriptor["description"].split("\n\n")
    assert "Partnerskabet" in da and "partnership" in en
    assert " / " in descriptor["title"]
    created, modified = (dt.datetime.fromisoformat(descriptor[k]) for k in ("created", "modified"))
    assert modified <= created and created.tzinfo is not None
    assert descriptor["homepage"] == f"{SITE_URL}aabne-data/"
    paths = {r["path"] for r in descriptor["resources"]}
    assert {p.name for p in data_dir(shipped_site).iterdir()} - {"datapackage.json"} == paths  # every other file
    tabular = {r["path"] for r in descriptor["resources"] if r["profile"] == "tabular-data-resource"}
    assert {p.name for p in data_dir(shipped_site).glob("*.csv")} == tabular
    assert [c["role"] for c in descriptor["contributors"]] == ["publisher", "maintainer"]
    assert descriptor["contributors"][1]["email"] == "aabne-data@boligdialog.example.org"


def test_created_is_the_build_time(tricky_project):
    descriptor = json.loads((data_dir(tricky_project / "site") / "datapackage.json").read_text(encoding="utf-8"))
    assert dt.datetime.fromisoformat(descriptor["created"]).timestamp() == EPOCH


def test_licence_comes_from_mkdocs_yml(project):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"    license:\n(      .*\n){3}", "    license:\n      name: CC-BY-4.0\n"
                             "      title: Creative Commons Attribution 4.0 International\n"
                             "      path: https://creativecommons.org/licenses/by/4.0/\n", text), encoding="utf-8")
    assert build(project).returncode == 0
    descriptor = json.loads((project / "site/data/datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    link = soup(project / "site", "en/aabne-data/").select_one(".bd-facts a")
    assert link["href"] == "https://creativecommons.org/licenses/by/4.0/"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_page_lists_every_file_table_and_field_of_the_package(shipped_site, lang):
    url = "aabne-data/" if lang == "da" else "en/aabne-data/"
    page = soup(shipped_site, url)
    assert page.html["lang"] == lang
    assert page.select_one("h1").get_text(strip=True) == ("Åbne data" if lang == "da" else "Open data")
    descriptor = json.loads((data_dir(shipped_site) / "datapackage.json").read_text(encoding="utf-8"))
    links = {resolve(url, a["href"]) for a in page.select("article a[href]") if not a["href"].startswith(("#", "http"))}
    files = {f"data/{p.name}" for p in data_dir(shipped_site).iterdir()}
    assert files <= links
    for resource in (r for r in descriptor["resources"] if r["profile"] == "tabular-data-resource"):
        section = page.select_one(f"section[aria-labelledby='tabel-{resource['name']}']")
        names = [dt_.get_text(strip=True) for dt_ in section.select("dl.bd-fields dt")]
        assert names == [f["name"] for f in resource["schema"]["fields"]], resource["name"]
        described = resource["description"].split("\n\n")[0 if lang == "da" else 1]
        assert described in section.get_text(" ", strip=True)
    # each field's meaning, in the page's language only
    other = "en" if lang == "da" else "da"
    for table in opendata.tables():
        items = page.select(f"section[aria-labelledby='tabel-{table.name}'] dl.bd-fields dd")
        for column, item in zip(table.columns, items, strict=True):
            if column.about is not None:
                text = item.get_text(" ", strip=True)
                assert column.about.get(lang) in text and column.about.get(other) not in text, column.name
    assert not page.select("dl.bd-fields [lang]")


@pytest.mark.parametrize(("url", "target"), [("", "aabne-data/"), ("en/moeder/", "en/aabne-data/"),
                                              ("moeder/visionsforum-2017-1/", "aabne-data/")])
def test_footer_links_to_the_open_data_page_of_the_page_language(shipped_site, url, target):
    links = [resolve(url, a["href"]) for a in soup(shipped_site, url).select(".bd-footer a")]
    assert target in links


def test_no_page_loads_the_open_data(shipped_site):
    """The files are only linked: nothing a browser fetches with a page points into data/."""
    for page in shipped_site.rglob("*.html"):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        fetched = [el.get("src") or el.get("href") for el in html.select("[src], link[href]")]
        assert not [u for u in fetched if re.search(r"(^|/)data/", u)], page


def test_an_editor_file_under_content_data_is_reported(project):
    (project / "content/data").mkdir()
    (project / "content/data/notes.md").write_text("# x\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as err:
        load_site(project)
    assert [str(e) for e in err.value.errors] == [
        "content/data/notes.md:1: expected a file of its own but received one that would be published as "
        "data/notes/index.html, which is the open data; rename or move it"]
    (project / "content/data/notes.md").unlink()
    (project / "content/data/partners.csv").write_text("x\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert ("content/data/partners.csv:1: expected a file of its own but received one that would be published as "
            "data/partners.csv, which is the open data") in result.stdout + result.stderr
