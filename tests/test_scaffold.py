"""``boligdialog new`` / ``ny`` (boligdialog/scaffold.py): entries appended with the file's
comments and layout kept, report and news files with the right front matter, the facts checked
before anything is written, and the project checked after. Each result is read back by
building the site."""

from __future__ import annotations

import shutil

import pytest

from boligdialog.editors.cli import main
from boligdialog.site.load import load_site
from boligdialog.editors.scaffold import Facts, new_meeting, scalar, slug
from boligdialog.model.translate import use
from conftest import ROOT, build, edit
from htmlpage import main_text, soup
from records_fixture import BUILD_DATE, EPOCH


@pytest.fixture
def editor_project(project):
    shutil.copytree(ROOT / "schemas", project / "schemas")
    return project


def test_a_meeting_then_its_report(editor_project, capsys, monkeypatch):
    project = editor_project
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    before = (project / "data/meetings.yaml").read_text(encoding="utf-8")
    assert main(["ny", "møde", str(project), "--start", "2027-03-18 17:00", "--slut", "19:30", "--sted",
                 "Albertslund Rådhus", "--adresse", "Nordmarks Allé 1, 2620 Albertslund", "--temaer", "midtby"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("added meeting visionsforum-2027-1 to data/meetings.yaml:27\nOK: 6 partners, 2 meetings")
    after = (project / "data/meetings.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)  # comments and layout above are kept
    assert after[len(before):] == (
        "  - id: visionsforum-2027-1\n    number: 2\n    name: {da: 2. Visionsforum, en: 2nd Visionsforum}\n"
        "    start: 2027-03-18 17:00\n    end: \"19:30\"\n    location: Albertslund Rådhus\n"
        "    address: Nordmarks Allé 1, 2620 Albertslund\n    state: planned\n    themes: [midtby]\n"
        "    invited: [albertslund-kommune, va, ab, akb-albertslund, grundejerforeninger, andelsboligforeninger]\n")
    assert '"visionsforum-2027-1"' in (project / "schemas/ids.schema.json").read_text(encoding="utf-8")
    # a report only once the meeting has been held
    assert main(["new", "report", str(project), "--meeting", "visionsforum-2027-1"]) == 1
    assert "Nothing was written: the meeting 'visionsforum-2027-1' is planned" in capsys.readouterr().err
    edit(project / "data/meetings.yaml", "    state: planned\n    themes: [midtby]\n",
         "    state: held\n    themes: [midtby]\n")
    assert main(["ny", "referat", str(project), "--dato", "2027-03-25", "--referat-status", "draft"]) == 0
    assert (project / "content/referater/visionsforum-2027-1.md").read_text(encoding="utf-8") == (
        "---\nmeeting: visionsforum-2027-1\ntitle: Referat\ndate: 2027-03-25\nminutes: draft\n---\n\n"
        "<!-- Skriv referatet her: hvad der blev sagt og besluttet. -->\n")
    assert (project / "content/en/referater/visionsforum-2027-1.md").read_text(encoding="utf-8") == (
        "---\ntitle: Report\ndate: 2027-03-25\n---\n\n<!-- Write the report here: what was said and decided. -->\n")
    result = build(project, epoch=EPOCH)
    assert result.returncode == 0, result.stderr
    page = soup(project / "site", "moeder/visionsforum-2027-1/")
    assert "18. marts 2027 kl. 17.00–19.30" in main_text(page) and "Nordmarks Allé 1" in main_text(page)
    assert "Skriv referatet" not in main_text(page)  # the hint is a comment: not shown


def test_a_partner_and_news(editor_project, capsys):
    project = editor_project
    assert main(["new", "partner", str(project), "--name", "Grundejerforeningen Syd", "--name-en",
                 "Homeowners South", "--kind", "homeowners_association", "--date", "2026-11-01"]) == 0
    assert capsys.readouterr().out.startswith("added partner grundejerforeningen-syd to data/partners.yaml:106\nOK: 7")
    assert (project / "data/partners.yaml").read_text(encoding="utf-8").endswith(
        "agreement: aftale-2017\n\n  - id: grundejerforeningen-syd\n"
        "    name: {da: Grundejerforeningen Syd, en: Homeowners South}\n    classification: homeowners_association\n"
        "    memberships:\n      - {status: invited, date: 2026-11-01, agreement: aftale-2017}\n")
    assert main(["ny", "nyhed", str(project), "--titel", "Nyt: møde om Midtby", "--dato", "2026-11-20"]) == 0
    text = (project / "content/nyheder/nyt-moede-om-midtby.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Nyt: møde om Midtby"\ndate: 2026-11-20\n---\n')
    assert not (project / "content/en/nyheder/nyt-moede-om-midtby.md").exists()
    assert "content/nyheder/nyt-moede-om-midtby.md:6: the news has no text yet" in capsys.readouterr().out
    (project / "content/nyheder/nyt-moede-om-midtby.md").write_text(text + "Mødet er den 3. december.\n",
                                                                     encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "Homeowners South" in main_text(soup(project / "site", "en/partnere/grundejerforeningen-syd/"))
    assert "Nyt: møde om Midtby" in main_text(soup(project / "site", "nyheder/"))


REFUSED = [
    (["new", "meeting", "--start", "2027-13-01"], "--start: expected YYYY-MM-DD HH:MM, YYYY-MM-DD or YYYY-MM but "
     "received '2027-13-01'; write it like 2027-03-18 17:00, or 2027-03-18 without a time, or 2027-03 when only "
     "the month is known"),
    (["new", "meeting", "--start", "2027-03", "--themes", "midby"], "--themes: expected one of ['midtby', "
     "'renovering', 'boligsocialt-arbejde', 'byens-udvikling', 'borgerdialog'] (themes) but received 'midby'; did "
     "you mean 'midtby'?"),
    (["new", "meeting"], "missing: When does it start (2027-03-18 17:00, 2027-03-18 or 2027-03) (--start)"),
    (["new", "meeting", "--start", "2017-08", "--id", "visionsforum-2017-1"],
     "--id: expected a new id but received 'visionsforum-2017-1', which is used already in data/meetings.yaml"),
    (["new", "partner", "--name", "X", "--kind", "kommunal"], "--kind: expected one of ['Municipality', "
     "'Social housing organisation', 'Cooperative housing association', \"Homeowners' association\", "
     "'Private landlord', 'Other'] but received 'kommunal'"),
    (["new", "news", "--title", "Ny hjemmeside", "--id", "ny-hjemmeside"],
     "content/nyheder/ny-hjemmeside.md exists already: nothing was written"),
    (["new", "report", "--meeting", "visionsforum-2017-1"],
     "the meeting 'visionsforum-2017-1' has a report already: content/referater/visionsforum-2017-1.md"),
]


@pytest.mark.parametrize("argv, reason", REFUSED, ids=[r[1][:40] for r in REFUSED])
def test_wrong_or_missing_facts_write_nothing(project, capsys, argv, reason):
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    assert main([*argv, str(project)]) == 1
    assert capsys.readouterr().err == f"Nothing was written: {reason}\n"
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_asks_for_what_is_missing(project):
    import argparse

    answers = iter(["2027-09-09", "", "Musikteatret", "", "", "renovering", "", ""])
    facts = Facts(argparse.Namespace(root=project), ask=lambda prompt: next(answers))
    with use("da"):
        assert new_meeting(project, facts, BUILD_DATE) == ["tilføjede mødet visionsforum-2027-1 i data/meetings.yaml:27"]
    site = load_site(project, today=BUILD_DATE)
    meeting = site.meeting("visionsforum-2027-1")
    assert (str(meeting.start.date), meeting.location.da, meeting.themes) == ("2027-09-09", "Musikteatret",
                                                                              ["renovering"])


@pytest.mark.parametrize("value, written", [("Albertslund", "Albertslund"), ("Møde: budget", '"Møde: budget"'),
                                            ("19:30", '"19:30"'), ("yes", '"yes"'), ("- x", '"- x"'),
                                            ("2027-03", "2027-03"), ("'quoted'", "\"'quoted'\""), (3, "3")])
def test_values_are_written_so_yaml_reads_them_back(value, written):
    assert scalar(value) == written


def test_slug():
    assert slug("Nyt: Æblehaven & Økobyen på vej!") == "nyt-aeblehaven-oekobyen-paa-vej"


def test_nothing_is_written_into_a_project_with_mistakes(editor_project, capsys, monkeypatch):
    project = editor_project
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    edit(project / "data/meetings.yaml", "themes: [midtby]", "themes: [midby]")
    before = (project / "data/meetings.yaml").read_text(encoding="utf-8")
    assert main(["ny", "møde", str(project), "--start", "2027-09-18 17:00"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Nothing was written: fix these mistakes in the project first:\n  data/meetings.yaml:18")
    assert "Traceback" not in err
    assert (project / "data/meetings.yaml").read_text(encoding="utf-8") == before


@pytest.mark.parametrize("args", [["--start", "2027-03-18", "--slut", "19:30"],
                                  ["--start", "2027-03-18 17:00", "--slut", "16:00"]])
def test_an_entry_the_check_refuses_is_taken_out_again(editor_project, capsys, monkeypatch, args):
    project = editor_project
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    before = {p: p.read_bytes() for p in (project / "data").iterdir()}
    assert main(["ny", "møde", str(project), *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Nothing was written: the new entry would be a mistake:\n  data/meetings.yaml:")
    assert "end" in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in (project / "data").iterdir()} == before
    load_site(project, today=BUILD_DATE)  # the project is as it was: valid


HOSTILE = [
    (["new", "news", "--title", "Fz", "--title-en", "Fz", "--id", "../../../x"],
     "--id: et id skal skrives med små bogstaver a-z, tal og bindestreger (som 'forum-2027-1'), men der står "
     "'../../../x'"),
    (["new", "news", "--title", "Fz", "--id", "a/b"],
     "--id: et id skal skrives med små bogstaver a-z, tal og bindestreger (som 'forum-2027-1'), men der står 'a/b'"),
    (["new", "news", "--title", "Fz", "--id", "a\x01b"],
     "--id: et id skal skrives med små bogstaver a-z, tal og bindestreger (som 'forum-2027-1'), men der står "
     "'a\\x01b'"),
    (["new", "news", "--title", "Fz", "--id", "a" * 300],
     "--id: et id må højst have 80 tegn, men dette har 300"),
    (["new", "meeting", "--start", "2027-03", "--id", "../x"],
     "--id: et id skal skrives med små bogstaver a-z, tal og bindestreger (som 'forum-2027-1'), men der står '../x'"),
    (["new", "partner", "--name", "X", "--kind", "Kommune", "--id", "x/../../y"],
     "--id: et id skal skrives med små bogstaver a-z, tal og bindestreger (som 'forum-2027-1'), men der står "
     "'x/../../y'"),
    (["new", "report", "--meeting", "../../etc"],
     "--meeting: et id skal skrives med små bogstaver a-z, tal og bindestreger (som 'forum-2027-1'), men der står "
     "'../../etc'"),
    (["new", "meeting", "--start", "2027-03", "--invited", "va,a/b"],
     "--invited: et id skal skrives med små bogstaver a-z, tal og bindestreger (som 'forum-2027-1'), men der står "
     "'a/b'"),
]


@pytest.mark.parametrize("argv, reason", HOSTILE, ids=[" ".join(r[0])[:50] for r in HOSTILE])
def test_hostile_ids_are_refused_in_danish(project, capsys, monkeypatch, argv, reason):
    monkeypatch.setenv("BOLIGDIALOG_LANG", "da")
    before = {p: p.read_bytes() for p in project.parent.rglob("*") if p.is_file()}
    assert main([*argv, str(project)]) == 1
    assert capsys.readouterr().err == f"Intet er skrevet: {reason}\n"
    assert {p: p.read_bytes() for p in project.parent.rglob("*") if p.is_file()} == before


def test_danish_forms_the_site_prints_are_accepted(project, capsys):
    assert main(["ny", "møde", str(project), "--start", "2027-03-18 17.00", "--slut", "19.30"]) == 0
    meeting = load_site(project).meeting("visionsforum-2027-1")
    assert (f"{meeting.start.time:%H:%M}", f"{meeting.end:%H:%M}") == ("17:00", "19:30")
    assert main(["ny", "partner", str(project), "--navn", "Grundejerforeningen Syd", "--type", "grundejerforening",
                 "--status", "Inviteret"]) == 0
    partner = load_site(project).partner("grundejerforeningen-syd")
    assert (partner.classification, partner.memberships[0].status) == ("homeowners_association", "invited")


def test_a_wrong_answer_is_asked_again_and_earlier_answers_kept(project):
    import argparse

    answers = iter(["2027-13-09", "2027-09-09 17.00", "19.3", "19.30", "", "", "midby", "renovering",
                    "va,xx", "va,ab", ""])
    prompts, told = [], []
    facts = Facts(argparse.Namespace(root=project), ask=lambda prompt: prompts.append(prompt) or next(answers),
                  tell=told.append)
    with use("da"):
        assert new_meeting(project, facts, BUILD_DATE) == ["tilføjede mødet visionsforum-2027-1 i data/meetings.yaml:27"]
    assert told == [
        "her skal stå dato og tid som ÅÅÅÅ-MM-DD TT:MM, en dato som ÅÅÅÅ-MM-DD eller en måned som ÅÅÅÅ-MM, men der "
        "står '2027-13-09'; skriv fx 2027-03-18 17:00, eller 2027-03-18 uden klokkeslæt, eller 2027-03, når kun "
        "måneden kendes",
        "her skal stå et klokkeslæt som TT:MM, men der står '19.3'; skriv klokkeslættet med kolon og i "
        "anførselstegn, som end: \"19:30\"",
        "her skal stå 'midtby', 'renovering', 'boligsocialt-arbejde', 'byens-udvikling' eller 'borgerdialog' "
        "(temaer), men der står 'midby'; mente du 'midtby'?",
        "her skal stå 'albertslund-kommune', 'va', 'ab', 'akb-albertslund', 'grundejerforeninger' eller "
        "'andelsboligforeninger' (partnere), men der står 'xx'"]
    assert prompts[6] == ("Temaer (midtby, renovering, boligsocialt-arbejde, byens-udvikling, borgerdialog; "
                          "adskilt med komma): ")
    assert prompts[8].startswith("Hvem er inviteret (albertslund-kommune, va, ab,")
    meeting = load_site(project, today=BUILD_DATE).meeting("visionsforum-2027-1")
    assert (meeting.themes, meeting.invited, f"{meeting.end:%H:%M}") == (["renovering"], ["va", "ab"], "19:30")
