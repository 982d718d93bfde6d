"""Pages of their own (boligdialog.pages.standalone): ``/was``, the address the Agency for
Digital Government requires to lead to the accessibility statement."""

from __future__ import annotations

import gzip
import re

import yaml
from bs4 import BeautifulSoup

from boligdialog.site import settings
from boligdialog.site.identity import Identity, was_address
from conftest import ROOT, build, edit

STATEMENT = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["accessibility_statement"]


def forwarding(site) -> tuple[str, str, str, str]:
    """``/was`` as a browser reads it: its language, where its meta refresh goes after how many
    seconds, and where its link goes."""
    page = BeautifulSoup((site / "was/index.html").read_text(encoding="utf-8"), "html.parser")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    delay, url = re.fullmatch(r"(\d+);\s*url=(\S+)", refresh).groups()
    return page.html["lang"], delay, url, page.select_one("main a")["href"]


def test_was_forwards_to_the_statement_and_links_to_it(shipped_site):
    assert forwarding(shipped_site) == ("da", "0", STATEMENT, STATEMENT)
    page = (shipped_site / "was/index.html").read_text(encoding="utf-8")
    assert "<script" not in page and "Tilgængelighedserklæring" in page
    # a page of its own: not in the sitemap (nor, without data-pagefind-body, in the search)
    sitemap = (shipped_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>" in sitemap and "/was" not in sitemap
    assert "/was" not in gzip.decompress((shipped_site / "sitemap.xml.gz").read_bytes()).decode()
    assert "data-pagefind-body" not in page and not (shipped_site / "en/was").exists()


def test_without_a_statement_the_address_is_the_agencys_for_the_host():
    assert was_address("https://boligdialog.example.org/") == "https://www.was.digst.dk/boligdialog-example-org"
    config = settings.read(ROOT).model_copy(update={"accessibility_statement": None})
    assert Identity.from_settings("https://www.boligdialog.dk", config).accessibility_statement == \
        "https://www.was.digst.dk/www-boligdialog-dk"


def test_was_follows_the_setting_and_an_old_review_is_told(project):
    edit(project / "mkdocs.yml", "accessibility_statement: https://www.was.digst.dk/boligdialog-example-org",
         "accessibility_statement: https://www.was.digst.dk/en-anden-adresse")
    edit(project / "mkdocs.yml", "accessibility_reviewed: 2026-11-15", "accessibility_reviewed: 2025-01-10")
    result = build(project)
    assert result.returncode == 0, result.stderr
    moved = "https://www.was.digst.dk/en-anden-adresse"
    assert forwarding(project / "site") == ("da", "0", moved, moved)
    assert "INFO    -  To record: mkdocs.yml: extra.accessibility_reviewed: the accessibility statement was last " \
           "reviewed on 2025-01-10, more than a year before the build date" in result.stderr
