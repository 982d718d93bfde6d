"""Editors' mistakes that YAML, dates or files make easy: each is one clear message,
never a traceback, and what `boligdialog check` accepts also builds."""

from __future__ import annotations

import pytest

from boligdialog.editors.cli import main
from boligdialog.model.errors import ValidationFailed
from boligdialog.site.load import load_site
from conftest import build, build_command, edit
from records_fixture import BUILD_DATE, add_records


def messages(project) -> list[str]:
    with pytest.raises(ValidationFailed) as exc:
        load_site(project)
    return [str(e) for e in exc.value.errors]


CASES = [
    # impossible dates written without quotes (YAML would crash on these)
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-02-30",
     "data/meetings.yaml:16: meetings[0].start: expected YYYY-MM-DD HH:MM, YYYY-MM-DD or YYYY-MM "
     "but received '2017-02-30'"),
    ("data/partners.yaml", "        date: 2017-08\n        agreement: aftale-2017\n        signatory: Steen",
     "        date: 2017-02-30\n        agreement: aftale-2017\n        signatory: Steen",
     "data/partners.yaml:17: partners[0].memberships[0].date: expected a real calendar date but received '2017-02-30'"),
    # a time zone or seconds would be silently lost
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-08-22T15:00:00Z",
     "data/meetings.yaml:16: meetings[0].start: expected a date and time as YYYY-MM-DD HH:MM "
     "but received '2017-08-22T15:00:00Z'"),
    ("data/meetings.yaml", "    number: 1\n", "    number: true\n",
     "data/meetings.yaml:10: meetings[0].number: expected a whole number but received True"),
    ("data/meetings.yaml", "meetings:\n", "meetings: &m\n  - *m\n",
     "data/meetings.yaml:8: expected plain YAML but received an alias (*name); write the value out"),
    ("data/themes.yaml", "  - id: midtby\n", "  - ? [a, b]\n    : 1\n    id: midtby\n",
     "data/themes.yaml:3: themes[0]: expected a plain key like 'name:' but received a list or mapping as a key"),
    ("data/themes.yaml", "  - id: borgerdialog", "  - id: index",
     "data/themes.yaml:31: themes[4].id: expected an id other than 'index', which the site uses itself, "
     "but received it"),
    ("content/aftale/2017.md", "title: Partnerskabsaftalen\n", "title: Partnerskabsaftalen\nauthor: x\n",
     "content/aftale/2017.md:3: author: expected one of ['title', 'description', 'meeting', 'date', 'updated', "
     "'minutes', 'approved_at', 'hide'] but received the unknown key 'author'"),
    ("content/aftale/2017.md", "title: Partnerskabsaftalen\n", "title: Partnerskabsaftalen\nminutes: draft\n",
     "content/aftale/2017.md:3: minutes: expected minutes only on a meeting's report in content/referater/ but "
     "received it on another page"),
    ("content/aftale/2017.md", "---\ntitle: Partnerskabsaftalen\n", "---\ntitle: Partnerskabsaftalen\n---\n---\n",
     None),  # a horizontal rule right after front matter is body text
    ("content/en/referater/visionsforum-2017-1.md", "date: 2026-11-26\n", "date: 2026-11-26\nminutes: draft\n",
     "content/en/referater/visionsforum-2017-1.md:3: minutes: expected minutes only in the Danish report "
     "content/referater/visionsforum-2017-1.md but received it here"),
    ("content/nyheder/ny-hjemmeside.md", "date: 2026-11-26\n", "date: 2026-11-26\nupdated: 2026-11-01\n",
     "content/nyheder/ny-hjemmeside.md:4: updated: expected a date on or after date 2026-11-26 "
     "but received 2026-11-01"),
    # a meeting's address: one line, street and number, postcode and town
    ("data/meetings.yaml", "    state: held\n", "    state: held\n    address: Nordmarks Allé 1, Albertslund\n",
     "data/meetings.yaml:18: meetings[0].address: expected an address as 'street and number, postcode town', "
     "like 'Torvet 1, 1234 Byen', but received 'Nordmarks Allé 1, Albertslund'"),
    ("data/meetings.yaml", "    state: held\n", "    state: held\n    address: Nordmarks Allé 1, 2620 Albertslund\n",
     None),
    ("data/decisions.yaml", "decisions:\n", "",
     "data/decisions.yaml:1: expected a mapping of keys and values but received an empty file"),
    # found by running the tool with inputs nobody tried before
    ("content/nyheder/ny-hjemmeside.md", "title: Boligdialogen har fået sin egen hjemmeside", "title: ''",
     "content/nyheder/ny-hjemmeside.md:2: title: expected text but received an empty text"),
    ("content/nyheder/ny-hjemmeside.md", "title: Boligdialogen har fået sin egen hjemmeside", "title: '  '",
     "content/nyheder/ny-hjemmeside.md:2: title: expected text but received '  '"),
    ("data/themes.yaml", "  - id: midtby", "  - id: " + "m" * 300,
     "data/themes.yaml:3: themes[0].id: expected an id of at most 80 characters but received one of 300"),
    ("data/meetings.yaml", "start: 2017-08", "start: 2017-00",
     "data/meetings.yaml:16: meetings[0].start: expected YYYY-MM-DD HH:MM, YYYY-MM-DD or YYYY-MM "
     "but received '2017-00'"),
    ("data/meetings.yaml", "start: 2017-08", "start: 12017-08",
     "data/meetings.yaml:16: meetings[0].start: expected YYYY-MM-DD HH:MM, YYYY-MM-DD or YYYY-MM "
     "but received '12017-08'"),
    ("data/meetings.yaml", "      da: 1. Visionsforum", '      da: "1. Vision\\0sforum"',
     "data/meetings.yaml:12: meetings[0].name.da: expected plain text but received the invisible character "
     "U+0000 (NUL) in '1. Vision\\x00sforum'; delete it and type the text again"),
    ("data/meetings.yaml", "      da: 1. Visionsforum", '      da: "1. Vision\\r\\nsforum"',
     "data/meetings.yaml:12: meetings[0].name.da: expected text on one line but received a line break in "
     "'1. Vision\\r\\nsforum'"),
    ("content/aftale/2017.md", "---\ntitle: Partnerskabsaftalen\n", "---\n---\n", None),  # empty front matter
]


@pytest.mark.parametrize("file, old, new, message", CASES, ids=[(c[3] or "control")[:70] for c in CASES])
def test_mistake_gives_one_clear_message(project, file, old, new, message):
    edit(project / file, old, new)
    if message is None:
        load_site(project)
    else:
        assert messages(project) == [message]


def test_unclosed_front_matter(project):
    (project / "content/nyheder/x.md").write_text("---\ntitle: x\n\nText\n", encoding="utf-8")
    assert messages(project) == ["content/nyheder/x.md:1: expected front matter to end with a line '---' "
                                 "but it never ends"]


def test_file_without_front_matter_reports_line_1(project):
    (project / "content/nyheder/x.md").write_text("# x\n", encoding="utf-8")
    assert messages(project) == [
        "content/nyheder/x.md:1: date: expected a date for a news article but received nothing",
        "content/nyheder/x.md:1: title: expected a title for a news article but received nothing",
    ]


def test_not_utf8(project):
    (project / "data/themes.yaml").write_bytes("themes:\n  - id: midtby\n    title: Midtby æ\n".encode("latin-1"))
    assert messages(project) == ["data/themes.yaml:3: expected UTF-8 text but received bytes in another "
                                 "encoding (save the file as UTF-8)"]


def test_byte_order_mark_does_not_hide_front_matter(project):
    path = project / "content/aftale/2017.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"title: Partnerskabsaftalen",
                                                                 b"title: Aftalen\nmeeting: ukendt"))
    assert messages(project) == ["content/aftale/2017.md:3: meeting: expected meeting only on a meeting's report in "
                                 "content/referater/ but received it on another page"]


def test_editor_file_where_the_site_generates_a_page(project):
    (project / "content/opfoelgning.md").write_text("# Mine noter\n", encoding="utf-8")
    assert messages(project) == ["content/opfoelgning.md:1: expected a file of its own but received one that "
                                 "would be published as opfoelgning/index.html, which is the follow-up page; "
                                 "rename or move it"]


YEAR_MEETING = """
  - id: "2019"
    name: {da: Ekstra møde, en: Extra meeting}
    start: 2019-05
    state: held
"""


def test_a_meeting_id_that_is_a_year_would_take_the_year_page(project):
    meetings = project / "data/meetings.yaml"
    line = len(meetings.read_text(encoding="utf-8").splitlines()) + 2  # after the appended blank line
    with meetings.open("a", encoding="utf-8") as f:
        f.write(YEAR_MEETING)
    assert messages(project) == [
        f"data/meetings.yaml:{line}: meetings[1].id: expected an id that is not a year, as /moeder/2019/ lists the "
        "meetings of year 2019, but received '2019'; name the meeting, like 'visionsforum-2019-1'"]


@pytest.mark.parametrize(("path", "out", "what"), [
    ("moeder/2017.md", "moeder/2017/index.html", "the page of the meetings of 2017"),
    ("temaer/midtby/2017.md", "temaer/midtby/2017/index.html",
     "the page of the meetings of 2017 on theme 'midtby'"),
])
def test_editor_file_where_a_year_page_is(project, path, out, what):
    (project / "content" / path).parent.mkdir(parents=True, exist_ok=True)
    (project / "content" / path).write_text("# Mine noter\n", encoding="utf-8")
    assert messages(project) == [f"content/{path}:1: expected a file of its own but received one that would be "
                                 f"published as {out}, which is {what}; rename or move it"]


def test_editor_file_where_a_follow_up_year_page_is(project):
    add_records(project)
    (project / "content/opfoelgning").mkdir()
    (project / "content/opfoelgning/2027.md").write_text("# Mine noter\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as exc:
        load_site(project, today=BUILD_DATE)
    assert [str(e) for e in exc.value.errors] == ["content/opfoelgning/2027.md:1: expected a file of its own but received one that "
                                 "would be published as opfoelgning/2027/index.html, which is the page of the "
                                 "finished decisions of 2027; rename or move it"]


def test_a_meeting_has_one_report(project):
    report = project / "content/referater/visionsforum-2017-1.md"
    (project / "content/referater/andet.md").write_text(report.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "content/en/referater/andet.md").write_text(report.read_text(encoding="utf-8"), encoding="utf-8")
    assert messages(project) == [
        "content/referater/visionsforum-2017-1.md:2: meeting: expected a meeting with no other report but "
        "received 'visionsforum-2017-1', whose report is already content/referater/andet.md"]


def test_dates_of_different_precision_compare_and_build(project):
    # invited when only the month is known, signed on a known day; the same for a second partner
    edit(project / "data/partners.yaml",
         "      - status: invited\n        date: 2017-08\n        agreement: aftale-2017\n\n  - id: andels",
         "      - status: invited\n        date: 2017-08\n        agreement: aftale-2017\n"
         "      - status: left\n        date: 2018\n        agreement: aftale-2017\n\n  - id: andels")
    edit(project / "data/partners.yaml", "        date: 2017-08\n        agreement: aftale-2017\n        signatory: Vinie",
         "        date: 2017-08-20\n        agreement: aftale-2017\n        signatory: Vinie")
    site = load_site(project)
    assert site.partner("grundejerforeninger").status_on(site.today).status == "left"
    assert main(["check", str(project)]) == 0
    result = build(project)
    assert result.returncode == 0, result.stderr


def test_same_day_changes_keep_the_order_they_are_listed_in(project):
    edit(project / "data/partners.yaml",
         "      - status: invited\n        date: 2017-08\n        agreement: aftale-2017\n\n  - id: andels",
         "      - status: invited\n        date: 2017-08\n        agreement: aftale-2017\n"
         "      - status: left\n        date: 2017-08\n        agreement: aftale-2017\n\n  - id: andels")
    site = load_site(project)
    assert site.partner("grundejerforeninger").status_on(site.today).status == "left"


def test_check_command(project, capsys):
    assert main(["check", str(project)]) == 0
    assert capsys.readouterr().out.startswith("OK: 6 partners, 1 meetings, 5 themes")
    edit(project / "data/meetings.yaml", "state: held", "state: done")
    assert main(["check", str(project)]) == 1
    err = capsys.readouterr().err
    assert err == ("1 problem in the data and content files:\n  data/meetings.yaml:17: 1st meeting "
                   "(visionsforum-2017-1), state: expected one of ['planned', 'held', 'cancelled'] but received "
                   "'done'\n")


def test_bad_source_date_epoch_stops_the_build_without_traceback(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = build_command(project)
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert "Traceback" not in out
    assert "Build stopped: SOURCE_DATE_EPOCH: expected a whole number of seconds but received 'yesterday'" in out
