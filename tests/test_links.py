"""Links, images and requests to other hosts in the editors' Markdown (boligdialog/site/checks/links.py):
what publishing refuses (MkDocs's link check, the privacy gate of test_browser.py) is found by
the check and the build, at the editor's file and line, in Danish. Exact messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from boligdialog.editors.cli import main
from boligdialog.model.errors import ValidationFailed
from boligdialog.model.translate import use
from boligdialog.site.checks.links import read
from boligdialog.site.load import load_site
from conftest import build, edit
from test_checks import TODAY

NEWS = "content/nyheder/ny-hjemmeside.md"
REPORT = "content/referater/visionsforum-2017-1.md"
NEWS_ANCHOR = "# Boligdialogen har fået sin egen hjemmeside\n"
"""Line 7 of the news article: what is added goes after it, on line 8."""
REPORT_ANCHOR = "Mødets dato og sted er ikke registreret her.\n"
OTHER_HOST = ("her skal stå et billede eller en fil fra content/, men der står {url} fra en anden server, som hver "
              "læsers browser ville hente det fra (sitet henter intet fra andre servere); gem filen i content/ og "
              "henvis til den der")


def mistakes(project: Path) -> list[str]:
    with use("da"), pytest.raises(ValidationFailed) as exc:
        load_site(project, today=TODAY)
    return [e.render() for e in exc.value.errors]


def add(project: Path, path: str, anchor: str, text: str) -> None:
    edit(project / path, anchor, anchor + text)


BAD = [
    ("an image from another host", NEWS, NEWS_ANCHOR, "![Kort](https://kort.example.com/midtby.png)\n",
     [f"{NEWS}:8: " + OTHER_HOST.format(url="'https://kort.example.com/midtby.png'")]),
    ("a script in raw HTML, a line further down", NEWS, NEWS_ANCHOR,
     "\nTekst.\n\n<script src=\"//cdn.example.com/x.js\"></script>\n",
     [f"{NEWS}:11: " + OTHER_HOST.format(url="'//cdn.example.com/x.js'")]),
    ("a frame and a background in a style", NEWS, NEWS_ANCHOR,
     '<iframe src="https://video.example.com/v/1"></iframe>\n\n'
     '<div style="background: url(\'http://img.example.com/a.jpg\')">x</div>\n',
     [f"{NEWS}:8: " + OTHER_HOST.format(url="'https://video.example.com/v/1'"),
      f"{NEWS}:10: " + OTHER_HOST.format(url="'http://img.example.com/a.jpg'")]),
    ("a style sheet imported in a style block", NEWS, NEWS_ANCHOR,
     "<style>\n@import url(\"https://fonts.example.com/f.css\");\n</style>\n",
     [f"{NEWS}:9: " + OTHER_HOST.format(url="'https://fonts.example.com/f.css'")]),
    ("an image by reference: the line of its address", NEWS, NEWS_ANCHOR,
     "![Kort][kort]\n\nTekst.\n\n[kort]: https://kort.example.com/k.png\n",
     [f"{NEWS}:12: " + OTHER_HOST.format(url="'https://kort.example.com/k.png'")]),
    ("a missing image in a news article", NEWS, NEWS_ANCHOR, "![Foto](billeder/foto.jpg)\n",
     [f"{NEWS}:8: her skal stå et billede, der findes, men der står 'billeder/foto.jpg': "
      "content/nyheder/billeder/foto.jpg findes ikke"]),
    ("a link to a page that is not there", NEWS, NEWS_ANCHOR, "Se [aftalen](../aftale/2099.md#indhold).\n",
     [f"{NEWS}:8: her skal stå et link til en fil, der findes, men der står '../aftale/2099.md#indhold': "
      "content/aftale/2099.md findes ikke"]),
    ("a missing image in a report, shown on its meeting's page", REPORT, REPORT_ANCHOR,
     "\n![Foto fra mødet](billeder/moede.jpg)\n",
     [f"{REPORT}:18: her skal stå et billede, der findes, men der står 'billeder/moede.jpg': teksten vises på siden "
      "moeder/visionsforum-2017-1/, og derfra peger den på moeder/billeder/moede.jpg, som ikke findes"]),
    ("a link to a heading the page does not have", NEWS, NEWS_ANCHOR, "Se [nedenfor](#baggrund).\n",
     [f"{NEWS}:8: her skal stå et link til en overskrift, der findes, men der står '#baggrund': "
      f"{NEWS} har ingen overskrift med id'et 'baggrund'"]),
    ("a heading of another page, near miss", NEWS, NEWS_ANCHOR,
     "Se [siden](ny-hjemmeside.md#boligdialogen-har-faet-sin-egen-hjemmeside).\n",
     [f"{NEWS}:8: her skal stå et link til en overskrift, der findes, men der står "
      "'ny-hjemmeside.md#boligdialogen-har-faet-sin-egen-hjemmeside': "
      f"{NEWS} har ingen overskrift med id'et 'boligdialogen-har-faet-sin-egen-hjemmeside'; mente du "
      "'boligdialogen-har-faaet-sin-egen-hjemmeside'?"]),
    ("a link to a report's own file: the report is no page of its own", NEWS, NEWS_ANCHOR,
     "[Referatet](../referater/visionsforum-2017-1.md)\n",
     [f"{NEWS}:8: her skal stå et link til en fil, der findes, men der står "
      "'../referater/visionsforum-2017-1.md': content/referater/visionsforum-2017-1.md findes ikke"]),
]


@pytest.mark.parametrize("what, path, anchor, text, expected", BAD, ids=[row[0] for row in BAD])
def test_each_link_that_publishing_refuses_is_a_mistake_on_its_line(project, what, path, anchor, text, expected):
    add(project, path, anchor, text)
    assert mistakes(project) == expected


def test_a_report_image_beside_the_report_is_found_and_the_link_from_the_meeting_page_is_given(project):
    (project / "content/referater/billeder").mkdir()
    (project / "content/referater/billeder/moede.jpg").write_bytes(b"\xff\xd8\xff")
    add(project, REPORT, REPORT_ANCHOR, "\n![Foto fra mødet](billeder/moede.jpg)\n")
    assert mistakes(project) == [
        f"{REPORT}:18: her skal stå et billede, der findes, men der står 'billeder/moede.jpg': teksten vises på siden "
        "moeder/visionsforum-2017-1/, og derfra peger den på moeder/billeder/moede.jpg, som ikke findes; skriv "
        "'../referater/billeder/moede.jpg'"]
    edit(project / REPORT, "](billeder/moede.jpg)", "](../referater/billeder/moede.jpg)")
    load_site(project, today=TODAY)


GOOD = [
    "[Partnerskabet](https://www.example.com/om) og [skriv til os](mailto:a@example.com)",
    "[Møderne](../moeder/index.md), [kalenderen](../moeder/visionsforum.ics) og [temaet](../temaer/midtby.md)",
    "[Aftalen](../aftale/2017.md#indhold), [her](#boligdialogen-har-faaet-sin-egen-hjemmeside), [op](..), [rod](/)",
    "`![ikke et billede](https://kort.example.com/k.png)` og\n\n    <img src=\"https://x.example.com/kode.png\">",
    '<a href="https://www.example.com/">et link i HTML</a> og ![et indlejret billede](data:image/gif;base64,R0lGOD==)',
    "## Baggrund {#baggrund-id}\n\n[op](#baggrund-id), <span id=\"her\">her</span> [her](#her), "
    "[forsiden](../index.md#naeste-moede)",
]


@pytest.mark.parametrize("text", GOOD)
def test_links_elsewhere_to_generated_pages_and_addresses_in_code_are_no_mistakes(project, text):
    add(project, NEWS, NEWS_ANCHOR, f"\n{text}\n")
    load_site(project, today=TODAY)


def test_the_strict_build_refuses_what_the_check_refuses_about_headings(project):
    """The anchors the check knows are MkDocs's: a heading id the check accepts passes the
    strict build, and the one it refuses is the one MkDocs warns of."""
    add(project, NEWS, NEWS_ANCHOR, "\n## Næste møde i Midtby\n\n[ned](#naeste-moede-i-midtby)\n")
    load_site(project, today=TODAY)
    assert build(project).returncode == 0
    edit(project / NEWS, "(#naeste-moede-i-midtby)", "(#naeste-mode-i-midtby)")
    assert build(project).returncode == 1
    assert "naeste-mode-i-midtby" in mistakes(project)[0]


def test_lines_are_found_by_the_address_as_written():
    links, fetched = read("a\n\n![x](a.png)\n\n<img src=\"https://h.example/b.png\">\n")
    assert [(f.url, f.line, f.image) for f in links] == [("a.png", 3, True)]
    assert [(f.url, f.line) for f in fetched] == [("a.png", 3), ("https://h.example/b.png", 5)]


def test_the_check_and_the_strict_build_refuse_an_external_image_in_danish(project, capsys):
    add(project, NEWS, NEWS_ANCHOR, "![Kort](https://kort.example.com/midtby.png)\n")
    expected = f"{NEWS}:8: " + OTHER_HOST.format(url="'https://kort.example.com/midtby.png'")
    with use("da"):
        assert main(["check", str(project)]) == 1
        assert f"  {expected}" in capsys.readouterr().err.splitlines()
        built = build(project)
    assert built.returncode == 1
    assert f"ERROR   -  {expected}" in built.stderr.splitlines()


def test_the_preview_shows_a_missing_report_image_on_its_page_of_mistakes(project, monkeypatch):
    monkeypatch.setenv("BOLIGDIALOG_LANG", "da")
    add(project, REPORT, REPORT_ANCHOR, "\n![Foto fra mødet](billeder/moede.jpg)\n")
    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "preview"))
    config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
    page = BeautifulSoup((project / "preview/404.html").read_text(encoding="utf-8"), "html.parser").get_text(" ")
    assert f"{REPORT}:18" in page and "moeder/billeder/moede.jpg, som ikke findes" in page
