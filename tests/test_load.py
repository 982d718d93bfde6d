"""Validation of the editors' files: a table of mistakes and the exact messages."""

from __future__ import annotations

import pytest

from boligdialog.model.errors import ValidationFailed
from boligdialog.site.load import load_site
from boligdialog.site.sitedata import Site
from boligdialog.site.routes import counterpart_uri, lang_of
from conftest import edit

THEMES = "['midtby', 'renovering', 'boligsocialt-arbejde', 'byens-udvikling', 'borgerdialog']"
PARTNERS = "['albertslund-kommune', 'va', 'ab', 'akb-albertslund', 'grundejerforeninger', 'andelsboligforeninger']"
MEETING_KEYS = ("['id', 'number', 'name', 'start', 'end', 'location', 'address', 'state', 'themes', 'invited', "
                "'attended', 'participants', 'agenda', 'files']")

CASES = [
    ("data/meetings.yaml", "themes: [midtby]", "themes: [midtby, midby]",
     f"data/meetings.yaml:18: meetings[0].themes[1]: expected one of {THEMES} (themes) but received 'midby'"),
    ("data/meetings.yaml", "state: held", "state: done",
     "data/meetings.yaml:17: meetings[0].state: expected one of ['planned', 'held', 'cancelled'] but received 'done'"),
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-13",
     "data/meetings.yaml:16: meetings[0].start: expected YYYY-MM-DD HH:MM, YYYY-MM-DD or YYYY-MM "
     "but received '2017-13'"),
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-08-22 17:00\n    end: 16:00",
     "data/meetings.yaml:17: meetings[0].end: expected a time after the start 17:00 but received '16:00'"),
    ("data/meetings.yaml", "    state: held\n", "    state: held\n    end: 19:00\n",
     "data/meetings.yaml:18: meetings[0].end: expected an end time only when start has a time "
     "but received '19:00'"),
    ("data/meetings.yaml", "participants: about 20", "participants: many",
     "data/meetings.yaml:26: meetings[0].participants: expected a number, or 'about N', but received 'many'"),
    ("data/meetings.yaml", "participants: about 20\n", "participants: about 20\n    report: referater/x.md\n",
     f"data/meetings.yaml:27: meetings[0].report: expected one of {MEETING_KEYS} but received the unknown "
     "key 'report'"),
    ("data/meetings.yaml", "      - akb-albertslund\n", "      - akb\n",
     f"data/meetings.yaml:23: meetings[0].invited[3]: expected one of {PARTNERS} (partners) but received 'akb'"),
    ("data/meetings.yaml", "    number: 1\n", "    number: 1\n    nmber: 2\n",
     f"data/meetings.yaml:11: meetings[0].nmber: expected one of {MEETING_KEYS} but received the unknown key 'nmber'"),
    ("data/meetings.yaml", "    number: 1\n", "    number: first\n",
     "data/meetings.yaml:10: meetings[0].number: expected a whole number but received 'first'"),
    ("data/partners.yaml", "    classification: municipality", "    classification: kommune",
     "data/partners.yaml:14: partners[0].classification: expected one of ['municipality', "
     "'social_housing_organisation', 'cooperative_housing_association', 'homeowners_association', "
     "'private_landlord', 'other'] but received 'kommune'"),
    ("data/partners.yaml", "    classification: municipality\n", "    classification: municipality\n    website: albertslund.dk\n",
     "data/partners.yaml:15: partners[0].website: expected a web address starting with https:// "
     "but received 'albertslund.dk'"),
    ("data/partners.yaml", "signatory: Vinie Hansen", "signatory: Vinnie Hansen",
     "data/partners.yaml:37: partners[1].memberships[0].signatory: expected one of ['Vinie Hansen'] "
     "(representatives of va) but received 'Vinnie Hansen'"),
    ("data/partners.yaml", "agreement: aftale-2017\n        signatory: Steen",
     "agreement: aftale-2018\n        signatory: Steen",
     "data/partners.yaml:18: partners[0].memberships[0].agreement: expected one of ['aftale-2017'] "
     "(agreement versions) but received 'aftale-2018'"),
    ("data/partners.yaml", "    classification: homeowners_association\n", "",
     "data/partners.yaml:80: partners[4].classification: expected a value but received nothing (the key is missing)"),
    ("data/partners.yaml", "        date: 2017-08\n        agreement: aftale-2017\n        signatory: Steen",
     "        date: 2017-08\n        agreement: aftale-2017\n        signatory: Steen",
     None),  # control row: an edit that changes nothing must not produce an error
    ("data/themes.yaml", "  - id: midtby", "  - id: Midtby",
     "data/themes.yaml:3: themes[0].id: expected an id of lowercase letters a-z, digits and hyphens "
     "(like 'forum-2027-1') but received 'Midtby'"),
    ("data/themes.yaml", "themes:\n", "themes:\n  - id: midtby\n    title: x\n    summary: y\n",
     "data/themes.yaml:6: themes[1].id: expected a unique id but received 'midtby' again (first used at line 3)"),
    ("data/themes.yaml", "    title:\n      da: Udviklingen", "    title:\n      dk: Udviklingen",
     "data/themes.yaml:4: themes[0].title: expected the keys da and en but received 'dk'"),
    ("data/agreements.yaml", "  - id: aftale-2017\n", "  - id: aftale-2017\n    id: x\n",
     "data/agreements.yaml:22: agreements[0].id: this key is given twice; keep one"),
    ("content/referater/visionsforum-2017-1.md", "meeting: visionsforum-2017-1", "meeting: visionsforum-2017-2",
     "content/referater/visionsforum-2017-1.md:2: meeting: expected one of ['visionsforum-2017-1'] (meetings) "
     "but received 'visionsforum-2017-2'"),
    ("content/en/referater/visionsforum-2017-1.md", "date:", "meeting: visionsforum-2018-1\ndate:",
     "content/en/referater/visionsforum-2017-1.md:2: meeting: expected 'visionsforum-2017-1', as in the Danish "
     "report content/referater/visionsforum-2017-1.md, but received 'visionsforum-2018-1'"),
    ("content/referater/visionsforum-2017-1.md", "meeting: visionsforum-2017-1\n", "",
     "content/referater/visionsforum-2017-1.md:2: meeting: expected the id of the meeting this report is from "
     "(meeting: …) but received nothing"),
    ("content/aftale/2017.md", "title: Partnerskabsaftalen\n", "title: Partnerskabsaftalen\nmeeting: vf-9\n",
     "content/aftale/2017.md:3: meeting: expected meeting only on a meeting's report in content/referater/ but "
     "received it on another page"),
    ("content/aftale/2017.md", "title: Partnerskabsaftalen\n", "title: [Partnerskabsaftalen\n",
     "content/aftale/2017.md:3: a list written in [ ] needs a comma between its values and a closing ]"),
]


@pytest.mark.parametrize("file, old, new, message", CASES, ids=[c[3] and c[3][:60] or "control" for c in CASES])
def test_bad_input_gives_exact_message(project, file, old, new, message):
    edit(project / file, old, new)
    if message is None:
        load_site(project)
        return
    with pytest.raises(ValidationFailed) as exc:
        load_site(project)
    assert [str(e) for e in exc.value.errors] == [message]


def test_all_mistakes_are_reported_at_once(project):
    edit(project / "data/meetings.yaml", "state: held", "state: done")
    edit(project / "data/partners.yaml", "    classification: municipality\n", "    classification: municipality\n    website: nope\n")
    edit(project / "data/themes.yaml", "  - id: midtby", "  - id: Midtby")
    edit(project / "content/aftale/2017.md", "title: Partnerskabsaftalen\n", "title: [x\n")
    with pytest.raises(ValidationFailed) as exc:
        load_site(project)
    assert [(e.file, e.path) for e in exc.value.errors] == [
        ("content/aftale/2017.md", ""),
        ("data/meetings.yaml", "meetings[0].state"),
        ("data/partners.yaml", "partners[0].website"),
        ("data/themes.yaml", "themes[0].id"),
    ]
    assert str(exc.value).startswith("4 problems in the data and content files:\n  content/aftale/2017.md:")


def test_missing_data_file(project):
    (project / "data/themes.yaml").unlink()
    with pytest.raises(ValidationFailed) as exc:
        load_site(project)
    assert [str(e) for e in exc.value.errors] == ["data/themes.yaml:1: expected this file to exist but it is missing"]


def test_english_page_needs_danish_counterpart(project):
    (project / "content/en/only-english.md").write_text("# Only English\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as exc:
        load_site(project)
    assert [str(e) for e in exc.value.errors] == [
        "content/en/only-english.md:1: expected a Danish page content/only-english.md beside this English one "
        "but there is none"
    ]


def test_shipped_data_loads_and_lists_missing_english(project):
    site = load_site(project)
    assert [p.id for p in site.partners][:4] == ["albertslund-kommune", "va", "ab", "akb-albertslund"]
    assert site.missing_english == []
    edit(project / "data/themes.yaml", "      en: Renovation of the housing estates\n", "")
    (project / "content/en/aftale/2017.md").unlink()
    site = load_site(project)
    assert site.missing_english == [
        "data/themes.yaml:11: 2nd theme (renovering), title",
        "content/aftale/2017.md: no English page content/en/aftale/2017.md",
    ]


def test_language_of_paths():
    assert lang_of("en/moeder/index.md") == "en"
    assert lang_of("moeder/index.md") == "da"
    assert counterpart_uri("en/aftale.md") == "aftale.md"
    assert counterpart_uri("aftale.md") == "en/aftale.md"


def test_a_mistake_in_one_file_does_not_hide_the_references_other_files_get_wrong(project):
    edit(project / "data/partners.yaml", "    classification: municipality\n", "    classification: byen\n")
    edit(project / "data/meetings.yaml", "      - akb-albertslund\n", "      - akb-albertslun\n")
    with pytest.raises(ValidationFailed) as exc:
        load_site(project)
    assert [str(e) for e in exc.value.errors] == [
        "data/meetings.yaml:23: meetings[0].invited[3]: expected one of ['albertslund-kommune', 'va', 'ab', "
        "'akb-albertslund', 'grundejerforeninger', 'andelsboligforeninger'] (partners) but received "
        "'akb-albertslun'",
        "data/partners.yaml:14: partners[0].classification: expected one of ['municipality', "
        "'social_housing_organisation', 'cooperative_housing_association', 'homeowners_association', "
        "'private_landlord', 'other'] but received 'byen'",
    ]


def test_an_id_that_is_itself_a_mistake_leaves_the_references_to_its_file_unchecked(project):
    edit(project / "data/partners.yaml", "  - id: va\n", "  - id: VA\n")
    with pytest.raises(ValidationFailed) as exc:
        load_site(project)
    assert [e.path for e in exc.value.errors] == ["partners[1].id"]  # nothing in meetings.yaml, which names 'va'


HELP = "<!-- Write the text here. -->\n"


def test_a_news_item_with_only_the_help_text_is_withheld_until_written(project):
    """What ``ny nyhed`` writes is not published, nor in the feed, until it has a text: a notice
    at the line where the text goes says so (not a mistake: the scaffold's own file passes)."""
    for folder in ("", "en/"):
        (project / f"content/{folder}nyheder/tom.md").write_text(f"---\ntitle: Tom\ndate: 2026-12-01\n---\n\n{HELP}",
                                                                 encoding="utf-8")
    site = load_site(project)
    assert site.withheld == {"nyheder/tom.md", "en/nyheder/tom.md"}
    assert "nyheder/tom.md" not in site.pages and "en/nyheder/tom.md" not in site.pages
    assert "content/nyheder/tom.md:6: the news has no text yet (only the help text between <!-- and -->): it is " \
           "not published until you write it below that line" in site.notices
    (project / "content/nyheder/tom.md").write_text("---\ntitle: Tom\ndate: 2026-12-01\n---\n\n" + HELP + "Nu.\n",
                                                    encoding="utf-8")
    site = load_site(project)
    assert "nyheder/tom.md" in site.pages and site.withheld == {"en/nyheder/tom.md"}


def test_a_report_with_only_the_help_text_leaves_its_meeting_without_a_report(project):
    report = project / "content/referater/visionsforum-2017-1.md"
    head = report.read_text(encoding="utf-8").split("---\n\n", 1)[0]
    report.write_text(head + "---\n\n" + HELP + "\n   \n", encoding="utf-8")
    site = load_site(project)
    assert "visionsforum-2017-1" not in site.reports
    assert site.withheld == {"referater/visionsforum-2017-1.md", "en/referater/visionsforum-2017-1.md"}
    line = head.count("\n") + 3
    assert f"content/referater/visionsforum-2017-1.md:{line}: the report has no text yet (only the help text " \
           "between <!-- and -->): the meeting's page says there is no report yet until you write it below " \
           "that line" in site.notices


EDITS_IN_ONE_RECORD = [
    ("data/partners.yaml", "name: {da: AB, en: AB}", "name: {da: AB (rettet), en: AB}", None),
    ("data/meetings.yaml", "da: 1. Visionsforum", "da: 1. Visionsforum (rettet)", None),
    ("data/partners.yaml", "    classification: municipality\n", "    classification: kommune\n",
     "classification"),
    ("data/meetings.yaml", "    state: held\n", "    state: held\n    farve: blå\n", "farve"),
    ("data/meetings.yaml", "themes: [midtby]", "themes: [ukendt]", "ukendt"),  # valid alone, a wrong reference
]


@pytest.mark.parametrize("file, old, new, mistake", EDITS_IN_ONE_RECORD, ids=[f"{e[0]}-{e[3]}" for e in EDITS_IN_ONE_RECORD])
def test_a_file_edited_in_one_record_loads_as_it_does_from_nothing(project, monkeypatch, file, old, new, mistake):
    """Loaded again after an edit within one record (as the preview does), a data file is parsed
    and validated in that record only, and the site (or its mistakes) is what loading it from
    nothing gives."""
    from boligdialog.site import load

    def loaded() -> Site | list[str]:
        try:
            return load_site(project)
        except ValidationFailed as exc:
            return [str(e) for e in exc.errors]

    loaded()
    edit(project / file, old, new)
    if mistake is None:  # the record alone: neither the whole file's YAML nor the whole file's model
        with monkeypatch.context() as m:
            m.setattr(load, "parse", lambda *a, **k: pytest.fail("the whole file was parsed again"))
            m.setattr(load, "validate_source", lambda *a, **k: pytest.fail("the whole file was validated again"))
            again = loaded()
    else:
        again = loaded()
        assert isinstance(again, list) and any(mistake in e for e in again)
    load.forget()
    assert again == loaded()
