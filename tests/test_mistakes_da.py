"""Mistakes that passed the check before, each with its exact message in Danish, the editors'
language: at its file and line, saying what to write instead (issue 18)."""

from __future__ import annotations

import pytest

from boligdialog.model.errors import ValidationFailed
from boligdialog.model.translate import use
from boligdialog.site.load import load_site
from conftest import edit
from records_fixture import BUILD_DATE, add_records


def danish(project) -> list[str]:
    with use("da"), pytest.raises(ValidationFailed) as exc:
        load_site(project)
    with use("da"):
        return [e.render() for e in exc.value.errors]


CASES = [
    # text mangled by a wrong encoding: UTF-8 read as Windows-1252
    ("data/meetings.yaml", "      da: 1. Visionsforum", "      da: 1. Visionsforum på RÃ¥dhuset",
     "data/meetings.yaml:12: 1. møde (visionsforum-2017-1), name, da: her skal stå danske bogstaver, men der står 'RÃ¥dhuset': teksten er ødelagt af en forkert tegnkodning (æ, ø og å er blevet til to tegn hver); skriv 'Rådhuset'"),
    ("content/nyheder/ny-hjemmeside.md", "title: Boligdialogen har fået", "title: Boligdialogen har fÃ¥et",
     "content/nyheder/ny-hjemmeside.md:2: title: her skal stå danske bogstaver, men der står 'fÃ¥et': teksten er ødelagt af en forkert tegnkodning (æ, ø og å er blevet til to tegn hver); skriv 'fået'"),
    ("content/aftale/2017.md", "\n\n", "\n\nSkÃ¸nne ting for bÃ¦redygtighed.\n\n",
     "content/aftale/2017.md:6: her skal stå danske bogstaver, men der står 'SkÃ¸nne': teksten er ødelagt af en forkert tegnkodning (æ, ø og å er blevet til to tegn hver); skriv 'Skønne'"),
    # wrong indentation, a colon in a title
    ("data/meetings.yaml", "      en: 1st Visionsforum", "     en: 1st Visionsforum", "data/meetings.yaml:13: se efter, at linjerne står lige under hinanden: nøglerne i en post begynder i samme kolonne, og en ny post i en liste begynder med '- '"),
    ("data/meetings.yaml", "      da: 1. Visionsforum", "      da: Visionsforum: Midtby", 'data/meetings.yaml:12: et kolon med mellemrum efter (\': \') inde i en tekst starter en ny nøgle: sæt teksten i anførselstegn, som title: "Møde: budget", eller se efter, at linjen begynder i den rigtige kolonne'),
    ("data/meetings.yaml", "    number: 1\n", "   number: 1\n", 'data/meetings.yaml:11: et kolon med mellemrum efter (\': \') inde i en tekst starter en ny nøgle: sæt teksten i anførselstegn, som title: "Møde: budget", eller se efter, at linjen begynder i den rigtige kolonne'),
    # the guide's paste below the shipped `decisions: []`
    ("data/decisions.yaml", "decisions:\n", "decisions: []\n  - id: vf-2017-1-trafik\n    meeting: visionsforum-2017-1\n",
     "data/decisions.yaml:14: listen decisions: [] ovenfor er skrevet som tom ([] betyder en liste uden noget i), så posterne herunder kan ikke høre til den: slet [], så linjen kun siger 'decisions:'"),
]


@pytest.mark.parametrize("file, old, new, message", CASES, ids=[c[3][:60] for c in CASES])
def test_mistake_in_danish(project, file, old, new, message):
    edit(project / file, old, new)
    assert danish(project) == [message]


def test_the_guides_paste_below_the_shipped_decisions_file_loads(project):
    path = project / "data/decisions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "  - id: vf-2017-1-trafik\n    meeting: visionsforum-2017-1\n"
        "    text: {da: Kommunen undersøger trafikken, en: The municipality looks into traffic}\n"
        "    owners: [albertslund-kommune]\n    due: 2027-12\n    status: open\n"), encoding="utf-8")
    assert [d.id for d in load_site(project).decisions] == ["vf-2017-1-trafik"]


# on the fuller records: a clock time that does not exist, or happens twice, that night; an id
# given twice (reported first, and the first record with it is the one others name); a missing key
# of a closed list (what may stand there); a state in the editors' words
RECORD_CASES = [
    ('data/meetings.yaml', 'start: 2028-03-16 17:00', 'start: 2028-03-26 02:30',
     ["data/meetings.yaml:62: 5. møde (visionsforum-2028-1), start: her skal stå et klokkeslæt, der findes den 2028-03-26, men der står '02:30': den nat stilles uret frem fra 02:00 til 03:00, så klokken bliver aldrig '02:30'; skriv det klokkeslæt, mødet virkelig begynder, fx 03:30"]),
    ('data/meetings.yaml', '  - id: visionsforum-2027-ekstra', '  - id: visionsforum-2027-1',
     ["data/meetings.yaml:46: 3. møde (visionsforum-2027-1), id: hvert id må kun bruges én gang, men 'visionsforum-2027-1' står her igen (første gang i linje 28)",
      "data/decisions.yaml:8: 1. beslutning (trafik-midtby), reported_at: her skal stå 'visionsforum-2017-1', 'visionsforum-2027-1', 'visionsforum-2027-2' eller 'visionsforum-2028-1' (møder), men der står 'visionsforum-2027-ekstra'; mente du 'visionsforum-2027-2'?"]),
    ('data/meetings.yaml', '  - id: visionsforum-2027-2\n', '  - id: visionsforum-2027-1\n',
     ["data/meetings.yaml:53: 4. møde (visionsforum-2027-1), id: hvert id må kun bruges én gang, men 'visionsforum-2027-1' står her igen (første gang i linje 28)"]),
    ('data/meetings.yaml', '    state: cancelled\n', '',
     ["data/meetings.yaml:53: 4. møde (visionsforum-2027-2), state: her mangler en værdi (nøglen er der ikke); tilføj linjen state: med en af 'planned' (planlagt), 'held' (afholdt) eller 'cancelled' (aflyst)"]),
    ('data/decisions.yaml', 'reported_at: visionsforum-2027-ekstra', 'reported_at: visionsforum-2028-1',
     ["data/decisions.yaml:8: 1. beslutning (trafik-midtby), reported_at: her skal stå et møde, der er holdt (en status gives på et møde), men der står 'visionsforum-2028-1', som er planlagt"]),
]


@pytest.mark.parametrize("file, old, new, messages", RECORD_CASES, ids=[c[3][0][:60] for c in RECORD_CASES])
def test_mistake_in_the_records_in_danish(project, file, old, new, messages):
    add_records(project)
    edit(project / file, old, new)
    with use("da"), pytest.raises(ValidationFailed) as exc:
        load_site(project, today=BUILD_DATE)
    with use("da"):
        assert [e.render() for e in exc.value.errors] == messages


def test_a_deleted_meeting_lists_every_file_that_still_names_it(project):
    add_records(project)
    meetings = project / "data/meetings.yaml"
    text = meetings.read_text(encoding="utf-8")
    start, end = text.index("  - id: visionsforum-2027-1\n"), text.index("  - id: visionsforum-2027-ekstra")
    meetings.write_text(text[:start] + text[end:], encoding="utf-8")
    with use("da"), pytest.raises(ValidationFailed) as exc:
        load_site(project, today=BUILD_DATE)
    with use("da"):
        rendered = [e.render() for e in exc.value.errors]
    assert rendered[0] == (
        "content/referater/visionsforum-2027-1.md:2: meeting: her skal stå et id fra data/meetings.yaml, men der står "
        "'visionsforum-2027-1', som ikke (længere) findes dér, men stadig nævnes i data/decisions.yaml:3, "
        "data/decisions.yaml:10: skriv det ind i data/meetings.yaml igen, eller fjern det alle disse steder")
    assert len(rendered) == 3 and not any("mente du" in line for line in rendered)


# the hostile-input run: a response that is a page, a version whose text is another page
PAGE_CASES = [
    ('data/agreements.yaml', 'file: filer/hoeringssvar-grundejerforeninger.pdf', 'file: nyheder/ny-hjemmeside.md',
     ["data/agreements.yaml:46: 2. aftaleversion (aftale-2027), responses nr. 1, file: her skal stå selve svaret, en fil som fx en PDF, men der står 'nyheder/ny-hjemmeside.md', som er en side på hjemmesiden; skriv svarets fil"]),
    ('data/agreements.yaml', 'text: aftale/2028.md', 'text: index.md',
     ['content/aftale/2028.md:2: her skal være teksten til en udgave, som data/agreements.yaml nævner (text: aftale/2028.md), men ingen udgave nævner siden; tilføj udgaven, eller flyt siden',
      'content/en/aftale/2028.md:2: her skal være teksten til en udgave, som data/agreements.yaml nævner (text: aftale/2028.md), men ingen udgave nævner siden; tilføj udgaven, eller flyt siden',
      "data/agreements.yaml:54: 3. aftaleversion (aftale-2028), text: her skal stå en tekst i content/aftale/, som aftale/2027.md, men der står 'index.md', som er en anden side på hjemmesiden"]),
    ('data/agreements.yaml', 'text: aftale/2028.md', 'text: nyheder/ny-hjemmeside.md',
     ['content/aftale/2028.md:2: her skal være teksten til en udgave, som data/agreements.yaml nævner (text: aftale/2028.md), men ingen udgave nævner siden; tilføj udgaven, eller flyt siden',
      'content/en/aftale/2028.md:2: her skal være teksten til en udgave, som data/agreements.yaml nævner (text: aftale/2028.md), men ingen udgave nævner siden; tilføj udgaven, eller flyt siden',
      "data/agreements.yaml:54: 3. aftaleversion (aftale-2028), text: her skal stå en tekst i content/aftale/, som aftale/2027.md, men der står 'nyheder/ny-hjemmeside.md', som er en anden side på hjemmesiden"]),
    ('data/agreements.yaml', 'text: aftale/2028.md', 'text: aftale/index.md',
     ['content/aftale/2028.md:2: her skal være teksten til en udgave, som data/agreements.yaml nævner (text: aftale/2028.md), men ingen udgave nævner siden; tilføj udgaven, eller flyt siden',
      'content/en/aftale/2028.md:2: her skal være teksten til en udgave, som data/agreements.yaml nævner (text: aftale/2028.md), men ingen udgave nævner siden; tilføj udgaven, eller flyt siden',
      "data/agreements.yaml:54: 3. aftaleversion (aftale-2028), text: her skal stå en tekst i content/aftale/, som aftale/2027.md, men der står 'aftale/index.md', som er en anden side på hjemmesiden"]),
]


@pytest.mark.parametrize("file, old, new, messages", PAGE_CASES, ids=[c[2][:60] for c in PAGE_CASES])
def test_a_page_where_a_file_or_a_version_text_belongs(project, file, old, new, messages):
    test_mistake_in_the_records_in_danish(project, file, old, new, messages)


FILE_CASES = [
    ("404.md", "content/404.md:1: filen ville blive offentliggjort som 404/index.html, og det er stedet for siden, "
     "der vises ved en adresse, som ikke findes (404); giv filen et andet navn, eller flyt den"),
    ("partnere/x.md", "content/partnere/x.md:1: filen ville blive offentliggjort som partnere/x/index.html, og det er "
     "mappen partnere/, hvis sider hjemmesiden selv laver ud fra data/; giv filen et andet navn, eller flyt den"),
    ("en/moeder/x.pdf", "content/en/moeder/x.pdf:1: filen ville blive offentliggjort som en/moeder/x.pdf, og det "
     "er mappen moeder/, hvis sider hjemmesiden selv laver ud fra data/; giv filen et andet navn, eller flyt den"),
    ("index.html", "content/index.html:1: filen ville blive offentliggjort som index.html ligesom content/index.md, "
     "så den ene ville erstatte den anden; behold kun den ene"),
    ("nyheder/a\n::error x.pdf", "content/nyheder/a\\n::error x.pdf:1: filnavnet skal være af bogstaver, tal og "
     "bindestreger, men det indeholder det usynlige tegn U+000A (linjeskift); giv filen et nyt navn"),
]


@pytest.mark.parametrize("name, message", FILE_CASES, ids=[c[0].replace("\n", "\\n") for c in FILE_CASES])
def test_an_editors_file_the_site_cannot_take(project, name, message):
    path = project / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# Mine noter\n", encoding="utf-8")
    assert danish(project) == [message]


# Year-only dates are accepted (and documented in the guides) wherever a date may be known to the
# month: a year is as honest as a month, and the pages say "2027" without inventing a day.
YEAR_ONLY = [
    ("data/agreements.yaml", "adopted: 2017-08", "adopted: 2017"),
    ("data/agreements.yaml", "opens: 2027-05-15", "opens: 2027"),
    ("data/decisions.yaml", "due: 2027-12", "due: 2028"),
    ("data/partners.yaml", "        date: 2017-08\n        agreement: aftale-2017\n        signatory: Steen",
     "        date: 2017\n        agreement: aftale-2017\n        signatory: Steen"),
    ("data/partners.yaml", "start_date: 2026-05", "start_date: 2026"),
]


@pytest.mark.parametrize("file, old, new", YEAR_ONLY, ids=[c[2] for c in YEAR_ONLY])
def test_a_date_known_only_to_the_year_is_accepted(project, file, old, new):
    add_records(project)
    if "start_date" in old:
        from records_fixture import TRICKY_PARTNER
        with (project / "data/partners.yaml").open("a", encoding="utf-8") as f:
            f.write(TRICKY_PARTNER)
    text = (project / file).read_text(encoding="utf-8")
    assert old in text, old
    edit(project / file, old, new)
    site = load_site(project, today=BUILD_DATE)
    assert site is not None


def test_a_time_that_comes_twice_that_night_is_named_ambiguous(project):
    add_records(project)
    edit(project / "data/meetings.yaml", "start: 2028-03-16 17:00", "start: 2028-10-29 02:30")
    with use("da"):
        site = load_site(project, today=BUILD_DATE)
    assert site.notices == [
        "data/meetings.yaml:62: 5. møde (visionsforum-2028-1), start: '02:30' den 2028-10-29 er tvetydig: den nat "
        "stilles uret tilbage fra 03:00 til 02:00, så klokken bliver '02:30' to gange; kalenderne bruger den første, "
        "i sommertid. Vælg et klokkeslæt uden for 02:00-03:00, hvis den anden er ment"]
