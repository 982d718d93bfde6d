"""The web editor at /admin/: its configuration (admin/config.yml in the built site) agrees with
the data model, walked here on its own (not through boligdialog/outputs/webeditor.py), and the
editor's page is no page of the site (no sitemap, search, navigation or feed; noindex)."""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import pytest
import yaml
from bs4 import BeautifulSoup
from browser import require
from conftest import ROOT, build
from test_search import fragments

from boligdialog.model import records
from boligdialog.model.choices import LISTS
from boligdialog.model.fields import About, field_type
from boligdialog.model.records import DATA_FILES, DataFile, Model, Page
from boligdialog.editors.schemas import modeline
from boligdialog.outputs import webeditor
from boligdialog.site.load import load_site



@pytest.fixture(scope="module", autouse=True)
def _decap_installed() -> None:
    """Without Decap CMS's bundle the build leaves /admin/ out: skip here, fail under CI=true."""
    require(webeditor.bundle_dir() is not None, "Decap CMS (make tools)")


@pytest.fixture(scope="module")
def config(shipped_site: Path) -> dict[str, Any]:
    """The configuration the shipped site serves."""
    return yaml.safe_load((shipped_site / "admin" / "config.yml").read_text(encoding="utf-8"))


def by_name(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["name"]: item for item in items}


def danish_label(about: About) -> str:
    """The start of a field's Danish sentence: what its label in the form must show."""
    return about.da.split(";")[0].rstrip(". ")


def assert_fields_match(cls: type[Model], fields: list[dict[str, Any]], where: str,
                        leaves_out: tuple[str, ...] = ()) -> None:
    """Every field of ``cls`` (but ``leaves_out``) is a form field, in the model's order, with its
    Danish label and help, required as the model requires it, and a widget that offers what the
    model accepts."""
    form = by_name(fields)
    expected = [n for n in cls.model_fields if n not in webeditor.NOT_EDITED and n not in leaves_out]
    assert [f["name"] for f in fields if f["name"] != "body"] == expected, where
    for name in expected:
        info, field = cls.model_fields[name], form[name]
        ft = field_type(info, name)
        at = f"{where}.{name}"
        assert ft.about is not None, at
        assert danish_label(ft.about) in field["label"], at
        assert name in field["label"], at  # the YAML key, for those who also edit by hand
        assert field["hint"].startswith(ft.about.da), at
        assert field["required"] is info.is_required(), at
        if ft.refers_to:
            assert field["widget"] == "relation", at
            assert (field["collection"], field["file"]) == ("data", ft.refers_to), at
            assert field["value_field"] == f"{ft.refers_to}.*.id", at
            assert field["multiple"] is ft.many, at
        elif ft.model:
            assert field["widget"] == ("list" if ft.many else "object"), at
            if ft.many:  # "Tilføj fil", in Danish, not the model's name
                assert field["label_singular"].lower() not in {ft.model.__name__.lower(), name}, at
            assert_fields_match(ft.model, field["fields"], at)
        elif typing.get_origin(ft.base) is Literal:
            values = list(get_args(ft.base))
            assert field["widget"] == "select", at
            assert field["multiple"] is ft.many, at
            labelled = next((c for c in LISTS.values() if set(c.values) == set(values)), None)
            if labelled is not None:
                assert field["options"] == [{"label": labelled.label(v, "da"), "value": v} for v in labelled.values], at
            else:
                assert field["options"] == values, at
        elif ft.base is int:
            assert field["widget"] == "number" and field["value_type"] == "int", at
        elif field["widget"] == "object":  # a text in both languages: Danish and English side by side
            assert [(f["name"], f["label"]) for f in field["fields"]] == [("da", "Dansk"), ("en", "Engelsk")], at
            assert [f["required"] for f in field["fields"]] == [info.is_required(), False], at
        else:
            assert field["widget"] in {"string", "text", "file", "list"}, at


def test_every_data_file_is_a_form_of_its_list_of_records(config):
    data = by_name(config["collections"])["data"]
    files = by_name(data["files"])
    assert sorted(files) == sorted(f.key for f in DATA_FILES)
    for file in DATA_FILES:
        form = files[file.key]
        assert form["file"] == file.path
        [records_field] = form["fields"]
        assert records_field["name"] == file.key and records_field["widget"] == "list"
        assert_fields_match(field_type(file.model.model_fields[file.key]).model, records_field["fields"], file.key)


def content_folders() -> set[str]:
    """Every folder of editors' Markdown under content/ (the home pages' folders are their files)."""
    return {str(p.parent.relative_to(ROOT)) for p in (ROOT / "content").rglob("*.md")}


def test_every_content_folder_and_page_of_the_editors_has_a_collection(config):
    collections = config["collections"]
    folders = {c["folder"]: c for c in collections if "folder" in c}
    files = {f["file"] for c in collections if c["name"] != "data" for f in c.get("files", [])}
    home_folders = {str(Path(f).parent) for f in files}
    assert content_folders() <= set(folders) | home_folders
    for path in {str(p.relative_to(ROOT)) for p in (ROOT / "content").glob("**/index.md")} - files:
        assert str(Path(path).parent) in folders, path
    for folder in folders.values():
        assert folder["format"] == "frontmatter" and folder["fields"][-1]["widget"] == "markdown"
        assert_fields_match(Page, folder["fields"], folder["name"], LEAVES_OUT[folder["name"]])


REPORT_ONLY = ("meeting", "minutes", "approved_at")
LEAVES_OUT = {"referater": (), "referater-en": ("minutes", "approved_at"), "nyheder": REPORT_ONLY,
              "nyheder-en": REPORT_ONLY, "aftaletekster": REPORT_ONLY, "aftaletekster-en": REPORT_ONLY}
"""What each folder's pages do not have in their front matter (only a report has a meeting; an
English report's status is the Danish one's)."""


def test_a_front_matter_field_added_to_the_model_is_in_every_folders_form(monkeypatch):
    class Page(records.Page):
        audience: Annotated[records.Line | None, About("Hvem siden er skrevet til.", "Who the page is for.")] = None

    monkeypatch.setattr(webeditor, "Page", Page)
    after = webeditor.config(repository="https://github.com/x/y")
    for folder in after["collections"][1:-1]:
        assert_fields_match(Page, folder["fields"], folder["name"], LEAVES_OUT[folder["name"]])
        assert by_name(folder["fields"])["audience"]["label"] == "Hvem siden er skrevet til (audience)"


def test_a_report_chooses_its_meeting_among_the_meetings(config):
    reports = by_name(config["collections"])["referater"]
    meeting = by_name(reports["fields"])["meeting"]
    assert (meeting["widget"], meeting["file"], meeting["multiple"]) == ("relation", "meetings", False)
    assert reports["folder"] == "content/referater" and reports["slug"] == "{{fields.meeting}}"


def test_a_relations_choices_are_the_ids_of_the_records_it_names(config):
    """Decap reads a relation's choices from its file at ``value_field`` when the form opens: in
    the shipped files that path reaches exactly the ids of the records the site loads."""
    site = load_site(ROOT)
    files = by_name(by_name(config["collections"])["data"]["files"])
    for key in sorted(set(records.REFERENCES.values())):
        data = yaml.safe_load((ROOT / files[key]["file"]).read_text(encoding="utf-8"))
        top, star, leaf = f"{key}.*.id".split(".")
        assert star == "*"
        assert [r[leaf] for r in data[top] or []] == [r.id for r in getattr(site, key)], key


def test_a_field_added_to_the_model_is_in_the_form_with_no_other_change(monkeypatch):
    """A copy of the meetings' model with one more field: the editor's configuration, made with
    no other change, has it in the meeting's form, labelled in Danish; the other files are as before."""

    class Meeting(records.Meeting):
        host: Annotated[records.LineField | None, About("Den partner, der er vært for mødet.",
                                                        "The partner hosting the meeting.")] = None
        chair: Annotated[records.PartnerId | None, About("Den partner, der leder mødet.",
                                                         "The partner chairing the meeting.")] = None

    class MeetingsFile(Model):
        meetings: Annotated[list[Meeting], About("Forummets møder.", "The forum's meetings.")]

    before = webeditor.config(repository="https://github.com/x/y")
    grown = tuple(DataFile(f.name, MeetingsFile, f.key) if f.key == "meetings" else f for f in DATA_FILES)
    monkeypatch.setattr(webeditor, "DATA_FILES", grown)
    after = webeditor.config(repository="https://github.com/x/y")
    meetings = by_name(by_name(after["collections"])["data"]["files"])["meetings"]["fields"][0]
    assert_fields_match(Meeting, meetings["fields"], "meetings")
    form = by_name(meetings["fields"])
    assert form["host"]["label"] == "Den partner, der er vært for mødet (host)"
    assert form["chair"]["widget"] == "relation" and form["chair"]["file"] == "partners"
    others = [c for c in after["collections"] if c["name"] != "data"]
    assert others == [c for c in before["collections"] if c["name"] != "data"]


def test_the_form_never_asks_for_quotes(config):
    """Quotes are for YAML written by hand (``end: "19:30"``); typed into a form they would be
    part of the value."""
    assert "anførselstegn" not in yaml.safe_dump(config, allow_unicode=True)


def test_the_served_decap_is_the_one_make_tools_installs():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^DECAP_CMS_VERSION := (\S+)$", makefile, re.M)[1] == webeditor.DECAP_VERSION


# /admin/ is no page of the site --------------------------------------------------------------


def test_the_editor_page_is_noindex_and_in_danish(shipped_site):
    soup = BeautifulSoup((shipped_site / "admin" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "da"
    assert "noindex" in soup.find("meta", attrs={"name": "robots"})["content"]
    assert [s["src"] for s in soup.find_all("script", src=True)] == ["decap-cms.js"]


def test_the_editor_is_in_no_sitemap_feed_search_or_navigation(shipped_site):
    assert "admin" not in (shipped_site / "sitemap.xml").read_text(encoding="utf-8")
    for feed in ("feed.xml", "en/feed.xml"):
        assert "admin" not in (shipped_site / feed).read_text(encoding="utf-8"), feed
    for bundle in ("pagefind", "en/pagefind"):
        found = fragments(shipped_site / bundle)
        assert found and not [url for url in found if "admin" in url], bundle
    linking = []
    for page in shipped_site.rglob("*.html"):
        if page.is_relative_to(shipped_site / "admin"):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        linking += [(str(page.relative_to(shipped_site)), a["href"]) for a in soup.find_all(href=True)
                    if re.search(r"(^|/)admin(/|$)", a["href"].split("#")[0])]
    assert not linking


def test_without_decap_installed_the_site_is_built_without_the_editor(project, tmp_path, monkeypatch):
    """``make build`` on a checkout without npm: the citizens' site as always, no /admin/, and
    the build's log says why."""
    monkeypatch.setenv(webeditor.BUNDLE_ENV, str(tmp_path / "no-decap"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "index.html").is_file() and not (project / "site" / "admin").exists()
    assert "The web editor (/admin/) is left out: Decap CMS is not installed" in result.stderr


def test_each_data_file_has_its_schema_where_a_save_cannot_drop_it():
    """A save drops the schema line at the top of a data file; .vscode/settings.json ties each
    file to the same schema (VS Code's YAML extension reads both)."""
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    for file in DATA_FILES:
        schema = modeline(file.name).split("$schema=../", 1)[1]
        assert settings[schema] == [file.path]
        assert (ROOT / schema).is_file()
