"""What an editor's Markdown may embed (boligdialog/site/checks/markup.py): no script. The hostile
payloads are refused by the check and by the build, at the editor's file and line, in Danish;
markup shown as code, ordinary HTML and ordinary links pass. Exact messages."""

from __future__ import annotations

import pytest

from boligdialog.editors.cli import main
from conftest import build, edit
from test_links import NEWS, NEWS_ANCHOR, REPORT, REPORT_ANCHOR, add, mistakes

SCRIPT = ("her skal stå tekst og HTML uden script, men der står et <script>-element, som ville køre i hver "
          "læsers browser")
ATTRIBUTE = "her skal stå HTML uden script, men der står attributten {name}, som kører et script i hver læsers browser"
ADDRESS = ("her skal stå et link til en side eller en fil, men der står en adresse, der begynder med {scheme}, "
           "som kører et script, når man følger linket")
HINT = "; skriv teksten uden det; en video eller et kort fra et andet websted linker man til, man indlejrer det ikke"

HOSTILE = [
    ("a script element", "<script>alert(1)</script>\n", [f"{NEWS}:8: {SCRIPT}{HINT}"]),
    ("an image's onerror", '<img src="x.png" onerror="alert(1)">\n',
     [f"{NEWS}:8: " + ATTRIBUTE.format(name="'onerror'") + HINT]),
    ("a javascript: link in Markdown", "Se [x](javascript:alert(1)).\n",
     [f"{NEWS}:8: " + ADDRESS.format(scheme="'javascript:'") + HINT]),
    ("a javascript: link hidden by case, entities and a tab", '<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>\n',
     [f"{NEWS}:8: " + ADDRESS.format(scheme="'javascript:'") + HINT]),
    ("a frame's srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>\n',
     [f"{NEWS}:8: " + ATTRIBUTE.format(name="'srcdoc'") + HINT]),
    ("an SVG onload, two lines down", "Tekst.\n\n<svg onload=alert(1)></svg>\n",
     [f"{NEWS}:10: " + ATTRIBUTE.format(name="'onload'") + HINT]),
    ("a data: page in a link", '<a href="data:text/html,<script>alert(1)</script>">x</a>\n',
     [f"{NEWS}:8: " + ADDRESS.format(scheme="'data:'") + HINT]),
    ("a script in a code fence, which the site's Markdown does not read as code",
     "```html\n<script>alert(1)</script>\n```\n", [f"{NEWS}:9: {SCRIPT}{HINT}"]),
    ("the fuzz run's payloads", '"><script>alert(1)</script><q data-fuzz="1">\n\n[klik](javascript:alert(1))\n',
     [f"{NEWS}:8: {SCRIPT}{HINT}", f"{NEWS}:10: " + ADDRESS.format(scheme="'javascript:'") + HINT]),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE])
def test_script_in_an_editors_markdown_is_refused_at_its_line(project, text, expected):
    add(project, NEWS, NEWS_ANCHOR, text)
    assert mistakes(project) == expected


def test_in_a_report_the_line_is_the_reports(project):
    add(project, REPORT, REPORT_ANCHOR, "\n<p onclick=\"alert(1)\">Klik</p>\n")
    [found] = mistakes(project)
    assert found.startswith(f"{REPORT}:18: " + ATTRIBUTE.format(name="'onclick'"))


HARMLESS = [
    "Skriv `<script>` eller `onerror=` som kode.\n",
    "Kode:\n\n    <script>alert(1)</script>\n",
    '<details><summary>Mere</summary>\n\nTekst om <a href="https://www.albertslund.dk">kommunen</a>.\n</details>\n',
    "Se [aftalen](../aftale/2017.md) og skriv til [os](mailto:forum@example.org).\n",
    "Ordet javascript: i en sætning, og online=ja.\n",
    '![Prik](data:image/png;base64,iVBORw0KGgo=)\n',
]


@pytest.mark.parametrize("text", HARMLESS)
def test_markup_shown_as_code_and_plain_html_pass(project, capsys, text):
    add(project, NEWS, NEWS_ANCHOR, text)
    assert main(["check", str(project)]) == 0, capsys.readouterr().out


def test_the_build_stops_at_a_script_with_the_same_message(project):
    add(project, NEWS, NEWS_ANCHOR, '<img src="x.png" onerror="alert(1)">\n')
    result = build(project)
    assert result.returncode == 1
    assert f"{NEWS}:8: expected HTML without script but received the attribute 'onerror'" in result.stderr
