"""Editors' messages in Danish and English (boligdialog/translate.py, boligdialog/catalogue.py):
the catalogue matches the code, the setting chooses the language everywhere, and a table of
mistakes with the exact Danish lines an editor reads."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from boligdialog.editors import catalogue
from boligdialog.model import translate
from boligdialog.editors.cli import main
from boligdialog.model.errors import ValidationFailed
from boligdialog.site.load import load_site
from boligdialog.site.schedule import build_time
from boligdialog.model.translate import one_of, ordinal, suggest, use
from conftest import ROOT, build, edit


def test_the_catalogue_translates_every_message_in_the_code():
    assert catalogue.problems() == []


def test_messages_are_plain_strings_the_catalogue_can_find():
    """Babel skips an f-string in tr(): its message would silently stay English."""
    found = []
    for folder in catalogue.SOURCES:
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            found += [f"{path.relative_to(ROOT)}: {m.group()}" for m in re.finditer(r"\b(n?tr|N_)\(\s*[fF]['\"]", text)]
    assert found == []


def test_placeholders_are_checked():
    assert catalogue.placeholders("her skal stå {allowed}, men der står {value}") == {"allowed", "value"}
    assert catalogue.placeholders("{start:%H:%M} og {n:,}") == {"start", "n"}


@pytest.mark.parametrize("environ, expected", [({}, "da"), ({"BOLIGDIALOG_LANG": "en"}, "en"),
                                               ({"BOLIGDIALOG_LANG": " EN "}, "en"),
                                               ({"BOLIGDIALOG_LANG": "de"}, "da"), ({"LANG": "en_GB.UTF-8"}, "da")])
def test_the_setting(environ, expected):
    assert translate.language(environ) == expected


def test_a_setting_that_is_neither_da_nor_en_is_reported(monkeypatch, capsys, project):
    monkeypatch.setenv("BOLIGDIALOG_LANG", "de")
    assert main(["check", str(project)]) == 2
    assert capsys.readouterr().err == "BOLIGDIALOG_LANG: her skal stå da eller en, men der står 'de'\n"
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert ("Byggeriet er stoppet: BOLIGDIALOG_LANG: her skal stå da eller en, men der står 'de'"
            in result.stdout + result.stderr)


def test_words_that_differ_by_language():
    with use("da"):
        assert [ordinal(n) for n in (1, 2, 11)] == ["1.", "2.", "11."]
        assert one_of(["planned", "held", "cancelled"]) == "'planned', 'held' eller 'cancelled'"
        assert suggest("midby", ["midtby", "renovering"]) == "mente du 'midtby'?"
        assert translate.number(20000) == "20.000"
    with use("en"):
        assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]
        assert one_of(["planned", "held"]) == "['planned', 'held']"
        assert suggest("Midtby", ["midtby"]) == "did you mean 'midtby'?"
        assert suggest("xyz", ["midtby", "renovering"]) == ""
        assert translate.number(20000) == "20,000"


def danish(project) -> list[str]:
    with use("da"), pytest.raises(ValidationFailed) as exc:
        load_site(project)
    return [e.render() for e in exc.value.errors]


DANISH = [
    ("data/meetings.yaml", "themes: [midtby]", "themes: [midtby, midby]",
     "data/meetings.yaml:18: 1. møde (visionsforum-2017-1), themes nr. 2: her skal stå 'midtby', 'renovering', "
     "'boligsocialt-arbejde', 'byens-udvikling' eller 'borgerdialog' (temaer), men der står 'midby'; "
     "mente du 'midtby'?"),
    ("data/meetings.yaml", "state: held", "state: afholdt",
     "data/meetings.yaml:17: 1. møde (visionsforum-2017-1), state: her skal stå 'planned', 'held' eller "
     "'cancelled', men der står 'afholdt'"),
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-8-22",
     "data/meetings.yaml:16: 1. møde (visionsforum-2017-1), start: her skal stå dato og tid som ÅÅÅÅ-MM-DD TT:MM, "
     "en dato som ÅÅÅÅ-MM-DD eller en måned som ÅÅÅÅ-MM, men der står '2017-8-22'; skriv fx 2027-03-18 17:00, "
     "eller 2027-03-18 uden klokkeslæt, eller 2027-03, når kun måneden kendes"),
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-08-22 17:00\n    end: 16:00",
     "data/meetings.yaml:17: 1. møde (visionsforum-2017-1), end: sluttidspunktet skal ligge efter starten 17:00, "
     "men der står '16:00'"),
    ("data/meetings.yaml", "    state: held\n", "    state: held\n    end: 7pm\n",
     "data/meetings.yaml:18: 1. møde (visionsforum-2017-1), end: her skal stå et klokkeslæt som TT:MM, men der står "
     "'7pm'; skriv klokkeslættet med kolon og i anførselstegn, som end: \"19:30\""),
    ("data/meetings.yaml", "participants: about 20", "participants: mange",
     "data/meetings.yaml:26: 1. møde (visionsforum-2017-1), participants: her skal stå et tal eller 'about N' "
     "(cirka N), men der står 'mange'; skriv et tal som 34, eller about 20, når det er et skøn"),
    ("data/meetings.yaml", "    number: 1\n", "    number: 1\n    nummer: 2\n",
     "data/meetings.yaml:11: 1. møde (visionsforum-2017-1), nummer: nøglen 'nummer' findes ikke; her kan stå 'id', "
     "'number', 'name', 'start', 'end', 'location', 'address', 'state', 'themes', 'invited', 'attended', "
     "'participants', 'agenda' eller 'files'; mente du 'number'?"),
    ("data/meetings.yaml", "      da: 1. Visionsforum", '      da: "1. Vision\\0sforum"',
     "data/meetings.yaml:12: 1. møde (visionsforum-2017-1), name, da: teksten indeholder det usynlige tegn U+0000 "
     "(NUL) i '1. Vision\\x00sforum'; slet den og skriv teksten igen"),
    ("data/meetings.yaml", "    state: held\n", "    state: held\n\taddress: x\n",
     "data/meetings.yaml:18: her står et tabulatortegn; YAML skal have mellemrum, ikke tabulator, foran og mellem "
     "værdierne"),
    ("data/partners.yaml", "signatory: Vinie Hansen", "signatory: Vinnie Hansen",
     "data/partners.yaml:37: 2. partner (va), memberships nr. 1, signatory: her skal stå 'Vinie Hansen' "
     "(repræsentanter for va), men der står 'Vinnie Hansen'; mente du 'Vinie Hansen'?"),
    ("data/partners.yaml", "    classification: homeowners_association\n", "",
     "data/partners.yaml:80: 5. partner (grundejerforeninger), classification: her mangler en værdi (nøglen er der "
     "ikke); tilføj linjen classification: med en af 'municipality' (kommune), 'social_housing_organisation' (almen "
     "boligorganisation), 'cooperative_housing_association' (andelsboligforening), 'homeowners_association' "
     "(grundejerforening), 'private_landlord' (privat udlejer) eller 'other' (andet)"),
    ("data/partners.yaml", "    classification: municipality\n",
     "    classification: municipality\n    website: albertslund.dk\n",
     "data/partners.yaml:15: 1. partner (albertslund-kommune), website: her skal stå en webadresse, der begynder "
     "med https://, men der står 'albertslund.dk'"),
    ("data/themes.yaml", "  - id: midtby", "  - id: Midtby",
     "data/themes.yaml:3: 1. tema (Midtby), id: et id skal skrives med små bogstaver a-z, tal og bindestreger (som "
     "'forum-2027-1'), men der står 'Midtby'"),
    ("data/themes.yaml", "    title:\n      da: Udviklingen", "    title:\n      dk: Udviklingen",
     "data/themes.yaml:4: 1. tema (midtby), title: her kan kun stå nøglerne da og en, men der står 'dk'; "
     "da: til dansk, en: til engelsk"),
    ("data/themes.yaml", "title:\n      da: Udviklingen i Albertslund Midtby",
     "title:\n      da: Udvikling: Albertslund Midtby: nu",
     "data/themes.yaml:5: et kolon med mellemrum efter (': ') inde i en tekst starter en ny nøgle: sæt teksten i "
     "anførselstegn, som title: \"Møde: budget\", eller se efter, at linjen begynder i den rigtige kolonne"),
    ("content/referater/visionsforum-2017-1.md", "meeting: visionsforum-2017-1\n", "",
     "content/referater/visionsforum-2017-1.md:2: meeting: her skal stå id'et på det møde, referatet er fra "
     "(meeting: …), men det mangler"),
    ("content/nyheder/ny-hjemmeside.md", "date: 2026-11-26", "date: 2099-12-24",
     "content/nyheder/ny-hjemmeside.md:3: date: her skal stå den dag, den offentliggøres, og den dag må ikke ligge "
     "efter i dag ({today}, dagen hjemmesiden bygges), men der står 2099-12-24, som ikke er kommet endnu"),
    ("content/aftale/2017.md", "title: Partnerskabsaftalen\n", "title: Partnerskabsaftalen\nforfatter: x\n",
     "content/aftale/2017.md:3: forfatter: nøglen 'forfatter' findes ikke; her kan stå 'title', 'description', "
     "'meeting', 'date', 'updated', 'minutes', 'approved_at' eller 'hide'"),
]


@pytest.mark.parametrize("file, old, new, message", DANISH, ids=[c[3][:70] for c in DANISH])
def test_danish_messages(project, file, old, new, message):
    edit(project / file, old, new)
    assert danish(project) == [message.replace("{today}", build_time().date().isoformat())]


def test_check_in_danish_and_english(project, capsys):
    edit(project / "data/meetings.yaml", "state: held", "state: done")
    with use("da"):
        assert main(["check", str(project)]) == 1
    assert capsys.readouterr().err == (
        "1 fejl i data- og indholdsfilerne:\n  data/meetings.yaml:17: 1. møde (visionsforum-2017-1), state: her skal "
        "stå 'planned', 'held' eller 'cancelled', men der står 'done'\n")
    assert main(["check", "--lang", "en", str(project)]) == 1
    assert capsys.readouterr().err.startswith("1 problem in the data and content files:\n  data/meetings.yaml:17: "
                                              "1st meeting (visionsforum-2017-1), state: expected one of")
    assert main(["--lang", "da", "check", str(project)]) == 1
    assert capsys.readouterr().err.startswith("1 fejl i data- og indholdsfilerne:")


def test_the_build_follows_the_setting(project):
    edit(project / "data/meetings.yaml", "themes: [midtby]", "themes: [midby]")
    env = dict(os.environ, BOLIGDIALOG_LANG="da", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(project / "site")], capture_output=True, text=True, cwd=project, env=env)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert ("ERROR   -  data/meetings.yaml:18: 1. møde (visionsforum-2017-1), themes nr. 1: her skal stå 'midtby', "
            in result.stderr)
    assert "Byggeriet er stoppet: 1 fejl i data eller indhold (se ovenfor)." in result.stdout + result.stderr


def test_danish_is_the_default(project):
    edit(project / "data/meetings.yaml", "state: held", "state: done")
    env = {k: v for k, v in os.environ.items() if k != "BOLIGDIALOG_LANG"}
    result = subprocess.run([sys.executable, "-m", "boligdialog", "check", str(project)], capture_output=True,
                            text=True, env=env)
    assert result.returncode == 1
    assert result.stderr.startswith("1 fejl i data- og indholdsfilerne:\n  data/meetings.yaml:17: 1. møde")
