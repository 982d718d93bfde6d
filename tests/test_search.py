"""The search index: Pagefind run on a small hand-made site, its bundles read back with gzip
and json (Pagefind's fragment files are gzip-compressed JSON after a short signature)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from boligdialog.outputs import search

SIGNATURE = b"pagefind_dcd"
"""What a fragment file starts with once decompressed."""
DANISH = {"index.html": "Forside om boligsamarbejdet", "moeder/visionsforum-1/index.html": "Mødet om Midtbyen",
          "a,b{c}[d]/index.html": "En mappe med tegn der betyder noget i et glob"}
ENGLISH = {"index.html": "Home page about the housing partnership",
           "moeder/visionsforum-1/index.html": "The meeting on the town centre"}


def page(lang: str, text: str) -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>{text}</title></head>'
            f'<body><nav>Menu</nav><article data-pagefind-body><h1>{text}</h1><p>{text}.</p></article></body></html>')


def write_site(site: Path) -> Path:
    for lang, pages in (("da", DANISH), ("en", ENGLISH)):
        for path, text in pages.items():
            target = site / ("" if lang == "da" else "en") / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page(lang, text), encoding="utf-8")
    (site / "404.html").write_text("<!doctype html><html lang=da><body>Siden findes ikke</body></html>")
    (site / "assets").mkdir()
    return site


def fragments(bundle: Path) -> dict[str, str]:
    """``{url: content}`` of every page in a bundle."""
    out = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE)
        fragment = json.loads(data[len(SIGNATURE):])
        out[fragment["url"]] = fragment["content"]
    return out


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = write_site(tmp_path_factory.mktemp("site"))
    search.index_site(site)
    return site


def url(path: str) -> str:
    return "/" + path.removesuffix("index.html")


@pytest.mark.parametrize("lang, bundle, pages", [("da", "pagefind", DANISH), ("en", "en/pagefind", ENGLISH)])
def test_each_language_has_a_bundle_of_its_own_pages(indexed, lang, bundle, pages):
    entry = json.loads((indexed / bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [lang]
    assert entry["languages"][lang]["page_count"] == len(pages)
    # addresses relative to the bundle's folder: Pagefind puts en/ before those of en/pagefind/
    found = fragments(indexed / bundle)
    assert sorted(found) == sorted(url(path) for path in pages)
    assert all("Menu" not in content for content in found.values())  # only the article is indexed
    assert (indexed / bundle / "pagefind-ui.js").is_file()


def test_the_danish_glob_leaves_out_the_english_folder(tmp_path):
    site = write_site(tmp_path)
    danish, english = search.runs(site)
    assert (danish.lang, danish.root, english.lang, english.root) == ("da", site, "en", site / "en")
    assert danish.glob == r"{*.html,a\,b\{c\}\[d\]/**/*.html,assets/**/*.html,moeder/**/*.html}"
    assert english.glob == "**/*.html"


def test_a_failed_run_says_what_pagefind_said(tmp_path):
    (tmp_path / "en").mkdir()  # no pages: Pagefind stops
    with pytest.raises(search.IndexFailed) as failed:
        search.index_site(tmp_path)
    first, *rest = str(failed.value).splitlines()
    assert first == "Pagefind failed to index the site:"
    assert "not able to build an index" in "\n".join(rest)


def test_the_preview_indexes_in_the_background_and_a_newer_build_cancels_a_run(tmp_path):
    site = write_site(tmp_path)
    errors: list[str] = []
    indexer = search.Background(on_error=errors.append)
    indexer.start(site)
    indexer.cancel()  # a newer build: the run stops (or has finished), no error is reported
    indexer.start(site)
    indexer.wait()
    assert errors == []
    assert sorted(fragments(site / "en" / "pagefind")) == sorted(url(path) for path in ENGLISH)
    assert sorted(fragments(site / "pagefind")) == sorted(url(path) for path in DANISH)


def test_finding_the_pages_stops_once_a_newer_build_cancels_the_run(tmp_path):
    """The preview's next build cancels a background run; one still reading the pages to plan
    its runs stops reading (at 2,000 meetings the reading takes about 0.7 s, which the build
    waited for)."""
    site = write_site(tmp_path)
    asked: list[int] = []

    def stopped() -> bool:
        asked.append(1)
        return len(asked) > 2

    assert search.runs(site, stopped=stopped) == []
    assert len(asked) < len(DANISH) + len(ENGLISH)
    assert [run.lang for run in search.runs(site)] == ["da", "en"]


def test_pagefind_runs_as_its_own_binary_not_through_python():
    args = search.Run(lang="da", root=Path("site"), glob=search.PAGES).args()
    assert Path(args[0]).is_file() and os.access(args[0], os.X_OK)
    version = subprocess.run([args[0], "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("pagefind ")


def test_a_failed_background_run_is_reported(tmp_path):
    errors: list[str] = []
    indexer = search.Background(on_error=errors.append)
    (tmp_path / "en").mkdir()  # no pages: Pagefind stops
    indexer.start(tmp_path)
    indexer.wait()
    assert len(errors) == 1 and "not able to build an index" in errors[0]
    indexer.start(tmp_path / "gone")
    indexer.wait()
    assert len(errors) == 2 and errors[1].startswith("Pagefind failed to index the site:")


def test_a_language_with_more_pages_than_a_part_holds_is_indexed_in_parts_that_the_search_merges(
        tmp_path, monkeypatch):
    """Pagefind's memory grows with the pages of a run; a language's pages beyond a part's bound
    go to bundles of their own inside its bundle, listed in its ``bd-parts.json``, each with the
    addresses of the language's folder."""
    monkeypatch.setattr(search, "PART_PAGES", 2)
    site = write_site(tmp_path)
    (site / "pagefind" / search.PARTS / "9").mkdir(parents=True)  # left by an earlier index: removed
    search.index_site(site)
    danish = [run for run in search.runs(site) if run.lang == "da"]
    assert [run.part for run in danish] == [1, 2]
    assert json.loads((site / "pagefind" / search.MANIFEST).read_text(encoding="utf-8")) == ["parts/2/"]
    assert json.loads((site / "en" / "pagefind" / search.MANIFEST).read_text(encoding="utf-8")) == []
    first, second = fragments(site / "pagefind"), fragments(site / "pagefind" / "parts" / "2")
    assert not first.keys() & second.keys()
    assert sorted(first | second) == sorted(url(path) for path in DANISH)
    assert not (site / "pagefind" / search.PARTS / "9").exists()
    assert sorted(fragments(site / "en" / "pagefind")) == sorted(url(path) for path in ENGLISH)


def test_parts_are_bounded_by_bytes_and_by_pages():
    pages = [("a", 5), ("b", 5), ("c", 1), ("d", 20), ("e", 1)]
    assert list(search.split(pages, max_bytes=10, max_pages=5)) == [
        [("a", 5), ("b", 5)], [("c", 1)], [("d", 20)], [("e", 1)]]
    assert list(search.split(pages, max_bytes=100, max_pages=2)) == [pages[:2], pages[2:4], pages[4:]]
    assert search.files_glob(["a,b{c}[d]/index.html", "index.html"]) == r"{a\,b\{c\}\[d\]/index.html,index.html}"


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="Unix priorities")
def test_a_background_run_yields_the_processors_to_the_next_rebuild():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        search._yield_to_builds(child.pid)
        assert os.getpriority(os.PRIO_PROCESS, child.pid) == min(
            19, os.getpriority(os.PRIO_PROCESS, 0) + search.BACKGROUND_NICENESS)
    finally:
        child.kill()
        child.wait()
    search._yield_to_builds(child.pid)   # a run that has ended: nothing to do, no error
