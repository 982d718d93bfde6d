"""Mistakes that passed the check before, each with its exact message in Danish, the editors'
language: at its file and line, saying what to write instead (issue 18)."""

from __future__ import annotations

import pytest

from boligdialog.model.errors import ValidationFailed
from boligdialog.model.translate import use
from boligdialog.site.load import load_site
from conftest import edit


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
