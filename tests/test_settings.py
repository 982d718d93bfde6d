"""The generator's settings in mkdocs.yml (boligdialog.site.settings) and the site's own words
(i18n/da.yaml, i18n/en.yaml): mistakes at their line, in Danish; defaults; overrides in the page."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from boligdialog.model.errors import ValidationFailed
from boligdialog.site import i18n, routes, settings
from boligdialog.model.translate import use
from conftest import ROOT, build, config_line, edit
from htmlpage import soup

SHIPPED = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
LINE = {
    "site_url": config_line("site_url:"),
    "extra": config_line("extra:"),
    "place": config_line("  place: Albertslund"),
    "forum.name": config_line("    name:\n      da: Visionsforum"),
    "forum.en": config_line("      en: Visionsforum\n"),
    "statement": config_line("  accessibility_statement:"),
    "reviewed": config_line("  accessibility_reviewed:"),
    "open_data": config_line("  open_data:\n"),
    "license.path": config_line("      path: https://creativecommons.org/"),
    "address": config_line("    address: Nordmarks Allé 1, 2620 Albertslund"),
    "primary": config_line('    primary: "#1d5b79"'),
    "accent": config_line('    accent: "#8a3b00"'),
    "contact": config_line("  contact:\n"),
}
"""The lines of the shipped mkdocs.yml that the mistakes below are made on."""


def mistakes(tmp_path: Path, old: str, new: str) -> list[str]:
    """The mistakes :func:`settings.read` finds in the shipped mkdocs.yml with ``old`` made ``new``."""
    assert old in SHIPPED, old
    (tmp_path / "mkdocs.yml").write_text(SHIPPED.replace(old, new, 1), encoding="utf-8")
    with use("da"), pytest.raises(ValidationFailed) as exc:
        settings.read(tmp_path)
    return [e.render() for e in exc.value.errors]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ('    primary: "#1d5b79"', "    primary: blue",
     f"mkdocs.yml:{LINE['primary']}: extra.colors.primary: her skal stå en farve skrevet som '#1d5b79', men der står 'blue'"),
    ('    accent: "#8a3b00"', '    accent: "#ffcc00"',
     f"mkdocs.yml:{LINE['accent']}: extra.colors.accent: her skal stå en farve, der er mørk nok til hvid tekst (en kontrast på "
     "mindst 4,5:1), men der står '#ffcc00', hvis kontrast er 1,5:1"),
    ("    address: Nordmarks Allé 1, 2620 Albertslund\n", "    address: Nordmarks Allé 1\n    email: kommunen\n",
     f"mkdocs.yml:{LINE['address'] + 1}: extra.responsible.email: her skal stå en e-mailadresse som 'hoering@kommune.dk', men der står "
     "'kommunen'"),
    ("  example: true\n", "",
     f"mkdocs.yml:{LINE['site_url']}: site_url: her skal stå websitets rigtige adresse, men der står eksempeladressen "
     "'https://boligdialog.example.org/': skriv den rigtige, eller skriv extra.example: true for at udgive websitet "
     "som et eksempel (så siger hver side det)"),
])
def test_a_mistake_in_the_face_and_sender_is_named_at_its_line_in_danish(tmp_path, old, new, expected):
    assert mistakes(tmp_path, old, new)[0] == expected


def test_an_example_address_is_refused_unless_the_site_is_marked_as_an_example(tmp_path):
    found = mistakes(tmp_path, "  example: true\n", "")
    assert [m.split(": ")[:2] for m in found] == [[f"mkdocs.yml:{LINE['site_url']}", "site_url"],
                                                  [f"mkdocs.yml:{LINE['statement']}", "extra.accessibility_statement"]]
    real = SHIPPED.replace("  example: true\n", "").replace("boligdialog.example.org", "boligdialog.albertslund.dk")
    (tmp_path / "mkdocs.yml").write_text(real.replace("boligdialog-example-org", "boligdialog-albertslund-dk"),
                                         encoding="utf-8")
    assert settings.read(tmp_path).example is False


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("  contact:\n", "  contakt:\n",
     f"mkdocs.yml:{LINE['contact']}: extra.contakt: nøglen 'contakt' findes ikke; her kan stå 'site_name', 'description', 'place', "
     "'forum', 'accessibility_statement', 'accessibility_reviewed', 'open_data', 'edit', 'web_editor', 'contact', 'responsible', 'colors', 'example', "
     "'alternate', 'analytics', 'annotate', "
     "'consent', 'generator', 'homepage', 'polyfills', 'scope', 'social', 'status', 'tags' eller 'version'; "
     "mente du 'contact'?"),
    ("  place: Albertslund\n", "  place: [Albertslund]\n",
     f"mkdocs.yml:{LINE['place']}: extra.place: her skal stå en tekst eller da:/en:-tekster, men der står en liste; skriv teksten "
     "efter kolonet, eller da: og en: på hver sin linje nedenunder"),
    ("  place: Albertslund\n", "",
     f"mkdocs.yml:{LINE['extra']}: extra.place: her mangler en værdi (nøglen er der ikke); tilføj linjen place: …"),
    ("      en: Visionsforum\n", "      en: Visionsforum\n    slug: Visions Forum\n",
     f"mkdocs.yml:{LINE['forum.en'] + 1}: extra.forum.slug: et id skal skrives med små bogstaver a-z, tal og bindestreger "
     "(som 'forum-2027-1'), men der står 'Visions Forum'"),
    ("    name:\n      da: Visionsforum", "    nmae:\n      da: Visionsforum",
     f"mkdocs.yml:{LINE['forum.name']}: extra.forum.nmae: nøglen 'nmae' findes ikke; her kan stå 'name' eller 'slug'; mente du 'name'?"),
    ("      path: https://creativecommons.org/publicdomain/zero/1.0/", "      path: creativecommons.org",
     f"mkdocs.yml:{LINE['license.path']}: extra.open_data.license.path: her skal stå en webadresse, der begynder med https://, "
     "men der står 'creativecommons.org'"),
    ("  open_data:\n", "  open_data:\n    keywords: boligdialog\n",
     f"mkdocs.yml:{LINE['open_data'] + 1}: extra.open_data.keywords: her skal stå en liste af ord, eller én under da og én under en, "
     "men der står 'boligdialog'"),
    ("  accessibility_statement: https://www.was.digst.dk/boligdialog-example-org",
     "  accessibility_statement: was.digst.dk",
     f"mkdocs.yml:{LINE['statement']}: extra.accessibility_statement: her skal stå en webadresse, der begynder med https://, "
     "men der står 'was.digst.dk'"),
])
def test_a_mistake_in_the_settings_is_named_at_its_line_in_danish(tmp_path, old, new, expected):
    assert mistakes(tmp_path, old, new) == [expected]


@pytest.mark.parametrize(("reviewed", "today", "expected"), [
    (None, "2030-01-01", None),
    ("2026-03-01", "2027-03-01", None),  # a year to the day: not yet
    ("2026-03-01", "2027-03-02",
     "mkdocs.yml: extra.accessibility_reviewed: tilgængelighedserklæringen blev sidst gennemgået 2026-03-01, mere "
     "end et år før byggedatoen 2027-03-02: gennemgå den i WAS-værktøjet, og skriv datoen for gennemgangen her"),
    ("2024-02-29", "2025-02-28", None),
    ("2024-02-29", "2025-03-01",
     "mkdocs.yml: extra.accessibility_reviewed: tilgængelighedserklæringen blev sidst gennemgået 2024-02-29, mere "
     "end et år før byggedatoen 2025-03-01: gennemgå den i WAS-værktøjet, og skriv datoen for gennemgangen her"),
])
def test_an_accessibility_statement_reviewed_more_than_a_year_ago_is_named(tmp_path, reviewed, today, expected):
    line = f"  accessibility_reviewed: {reviewed}\n" if reviewed else ""
    (tmp_path / "mkdocs.yml").write_text(SHIPPED.replace("  accessibility_reviewed: 2026-11-15\n", line),
                                         encoding="utf-8")
    config = settings.read(tmp_path)
    with use("da"):
        assert config.statement_overdue(dt.date.fromisoformat(today)) == expected


def test_an_accessibility_review_date_that_is_not_a_date_is_a_mistake(tmp_path):
    assert [m.split(": ")[:2] for m in mistakes(tmp_path, "accessibility_reviewed: 2026-11-15",
                                                "accessibility_reviewed: sidste år")] == [
        [f"mkdocs.yml:{LINE['reviewed']}", "extra.accessibility_reviewed"]]


def test_every_mistake_at_once(tmp_path):
    found = mistakes(tmp_path, "  place: Albertslund\n", "  place: 7\n  plaec: x\n")
    assert [m.split(": ")[0:2] for m in found] == [[f"mkdocs.yml:{LINE['place']}", "extra.place"],
                                                   [f"mkdocs.yml:{LINE['place'] + 1}", "extra.plaec"]]


def test_the_shipped_settings_and_their_defaults():
    config = settings.read(ROOT)
    assert (config.forum.name.da, config.forum.id, config.place.da) == ("Visionsforum", "visionsforum", "Albertslund")
    assert config.open_data.license.name == "CC0-1.0" and config.edit is None
    about = config.about_open_data(settings.activate(ROOT, config))
    assert about.name == "boligdialog-albertslund"
    assert about.title.da == "Boligdialog Albertslund: åbne data"
    assert about.keywords == ["Albertslund", "boligdialog", "Visionsforum", "OParl", "Popolo"]
    assert routes.calendar("en") == "en/moeder/visionsforum.ics"
    assert i18n.strings("da")["next_meeting"] == "Næste Visionsforum"


def test_the_forum_slug_defaults_to_the_danish_name_as_an_address_writes_it(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("extra:\n  site_name: Boligdialog Ø\n  description: D\n  place: Ø\n"
                                         "  forum:\n    name: Dialogmøde på Ø\n", encoding="utf-8")
    config = settings.read(tmp_path)
    assert config.forum.id == "dialogmoede-paa-oe"
    assert config.placeholders()["en"] == {"forum": "Dialogmøde på Ø", "place": "Ø", "partnership": "Boligdialog Ø",
                                          "slug": "dialogmoede-paa-oe"}


def test_materials_own_keys_and_yaml_tags_pass(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  site_name: !ENV [SITE_NAME, S]\n  description: D\n  place: P\n  social:\n    - icon: x\n"
        "  consent:\n    title: Cookies\n", encoding="utf-8")
    assert settings.read(tmp_path).social == [{"icon": "x"}]


@pytest.mark.parametrize(("text", "expected"), [
    ("next_meting: Næste møde\n",
     "i18n/da.yaml:1: next_meting: nøglen 'next_meting' findes ikke blandt generatorens ord; "
     "mente du 'next_meeting'?"),
    ("next_meeting: Næste {forum} i {town}\n",
     "i18n/da.yaml:1: next_meeting: her kan kun stå pladsholderne {forum}, {partnership}, {place}, {slug}, "
     "men der står {town}"),
    ("x: [\n", "i18n/da.yaml:2: der mangler en værdi: skriv den efter kolonet, eller slet linjen"),
])
def test_a_mistake_in_the_sites_words_is_named_at_its_line(tmp_path, text, expected):
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n/da.yaml").write_text(text, encoding="utf-8")
    with use("da"), pytest.raises(ValidationFailed) as exc:
        settings.activate(tmp_path, settings.read(ROOT))
    assert [e.render() for e in exc.value.errors][0].startswith(expected)


def test_the_package_words_have_the_same_keys_in_both_languages():
    words = i18n.package_words()
    assert set(words["da"]) == set(words["en"])
    for key in words["da"]:  # the same placeholders, so a page fills either
        assert i18n.placeholders(words["da"][key]) == i18n.placeholders(words["en"][key]), key


def test_a_sites_word_replaces_the_packages_in_the_built_page(project):
    (project / "i18n/da.yaml").write_text((project / "i18n/da.yaml").read_text(encoding="utf-8")
                                          + "next_meeting: Kom til næste {forum} i {place}\n", encoding="utf-8")
    assert build(project).returncode == 0
    home = soup(project / "site", "").get_text()
    assert "Kom til næste Visionsforum i Albertslund" in home and "Næste Visionsforum" not in home
    assert "Next Visionsforum" in soup(project / "site", "en/").get_text()  # the English word is the package's


def test_a_mistake_in_the_settings_stops_the_build_without_a_traceback(project):
    edit(project / "mkdocs.yml", "  contact:\n", "  contakt:\n")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert f"mkdocs.yml:{LINE['contact']}: extra.contakt: expected one of [" in output and "did you mean 'contact'?" in output


def test_another_forum_names_the_calendar_and_the_open_data(project):
    edit(project / "mkdocs.yml", "      da: Visionsforum\n      en: Visionsforum\n",
         "      da: Boligforum\n      en: Housing forum\n    slug: bf\n")
    edit(project / "mkdocs.yml", "  place: Albertslund\n", "  place: {da: Byen, en: The town}\n")
    assert build(project).returncode == 0
    site = project / "site"
    assert not (site / "moeder/visionsforum.ics").exists()
    assert b"X-WR-CALNAME:Housing forum \xe2\x80\x93 Housing dialogue Albertslund" in (site / "en/moeder/bf.ics").read_bytes()
    package = json.loads((site / "data/datapackage.json").read_text(encoding="utf-8"))
    assert package["keywords"] == ["Byen", "boligdialog", "Boligforum", "OParl", "Popolo", "The town", "Housing forum"]
    assert "Næste Boligforum" in soup(site, "").get_text()
