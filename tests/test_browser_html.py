"""The HTML a citizen's browser receives: valid by the Nu Html Checker on every page, and a
footer with the accessibility statement and a contact line in the page's language."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from boligdialog.site.i18n import strings
from browser import VNU_JAR, java_path, page_lang, require, site_config, site_pages
from conftest import build, edit
from htmlpage import resolve, soup

# A page with the error Material's own template has on every page, checked in the same run:
# proof that the checker ran and reports errors.
KNOWN_BAD = """<!doctype html><html lang="da"><head><title>x</title></head>
<body><input type="checkbox" id="t" autocomplete="off"></body></html>"""
AUTOCOMPLETE_ERROR = "Attribute “autocomplete” is only allowed when the input type is"
DEFAULT_STATEMENT = "https://www.was.digst.dk/boligdialog-example-org"


def vnu_command() -> list[str]:
    """How to start the Nu Html Checker; skips (fails under CI=true) if Java or vnu is missing."""
    java = java_path()
    require(java is not None, "Java (Debian package default-jre-headless)")
    require(VNU_JAR.is_file(), f"the Nu Html Checker ({VNU_JAR})")
    return [str(java), "-jar", str(VNU_JAR)]


def run_vnu(command: list[str], files: list[Path]) -> list[dict]:
    """The Nu Html Checker's errors (and fatal errors) for ``files``, in one Java run."""
    result = subprocess.run([*command, "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr)["messages"]  # vnu writes its report to stderr
    return [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]


def test_nu_html_checker_finds_no_error_on_any_page(shipped_site, fuller_site, second_site, tmp_path):
    """Every page of the shipped site, of the fuller one (tests/fuller_site.py) and of the second
    partnership's (tests/second_site.py)."""
    command = vnu_command()
    pages = [*sorted(shipped_site.rglob("*.html")), *sorted(fuller_site.rglob("*.html")),
             *sorted(second_site.rglob("*.html"))]
    assert len(pages) >= 90
    known_bad = tmp_path / "known-bad.html"
    known_bad.write_text(KNOWN_BAD, encoding="utf-8")
    errors = run_vnu(command, [*pages, known_bad])
    assert [e["message"][:len(AUTOCOMPLETE_ERROR)] for e in errors if e["url"].endswith("known-bad.html")] \
        == [AUTOCOMPLETE_ERROR]
    on_site = [f"{e['url'].split('/site/')[-1]}:{e.get('lastLine')}: {e['message']}"
               for e in errors if not e["url"].endswith("known-bad.html")]
    assert on_site == [], "\n".join(on_site)


def footer_of(site: Path, path: str) -> tuple[list[tuple[str, str | None, str]], list[str]]:
    """The footer's links as (text, lang, href) and its paragraphs' texts."""
    footer = soup(site, path).select_one("footer .bd-footer")
    links = [(a.get_text(strip=True), a.get("lang"), a["href"]) for a in footer.select("a")]
    return links, [p.get_text(" ", strip=True) for p in footer.select("p")]


def test_footer_links_the_statement_and_gives_a_contact_in_the_page_language(shipped_site):
    extra = site_config()["extra"]
    statement = extra["accessibility_statement"]
    for path in site_pages(shipped_site, themed=True):  # the 404 pages too: /404.html Danish, /en/404.html English
        links, texts = footer_of(shipped_site, path)
        lang = page_lang(path)
        (label, lang_attr, href) = links[1]
        assert links[:1] == [(strings(lang)["accessibility"], None, statement)], path
        assert (label, lang_attr, resolve(path, href)) == (
            strings(lang)["open_data"], None, "aabne-data/" if lang == "da" else "en/aabne-data/"), path
        assert len(links) == 2, path
        assert extra["contact"][lang] in texts, path
        assert texts[0] == (f"{strings(lang)['responsible']}: {extra['responsible']['name']}, "
                            f"{extra['responsible']['address']}"), path  # who answers, first
        assert texts[-1] == strings(lang)["no_cookies"], path


def test_statement_address_defaults_to_the_agencys_address_for_the_domain(project):
    edit(project / "mkdocs.yml", f"  accessibility_statement: {DEFAULT_STATEMENT}\n", "")
    result = build(project)
    assert result.returncode == 0, result.stderr
    for path in ("", "en/moeder/", "404.html"):
        links, _ = footer_of(project / "site", path)
        assert {href for _, _, href in links if "aabne-data" not in href} == {DEFAULT_STATEMENT}
