"""The preview's fast rebuild (``make serve``: ``mkdocs serve --dirty``, boligdialog/rebuild.py):
after each kind of edit the preview's folder holds exactly what a full build of the same files
makes, and an edit of a page's text writes again only the pages that changed."""

from __future__ import annotations

import gzip
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from boligdialog.site import routes
from conftest import PROJECT_PARTS, copy_project, edit
from perturb import CHANGES, PERTURBATIONS
from records_fixture import EPOCH, add_records

SERVE_URL = "http://127.0.0.1:8000/"
ALWAYS_WRITTEN = {"404.html", "en/404.html"}
"""Theme templates MkDocs renders on every build, dirty or not."""


def serve_build(project: Path, site: Path, *, dirty: bool, during: Callable[[Any], Any] | None = None) -> None:
    """One build as ``mkdocs serve [--dirty]`` makes it after a change: the config read again,
    the site address of the preview, the same hooks module as the builds before it. ``during``
    runs as a config event after the generator's own (an edit that arrives mid-build)."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    if during is not None:
        config.plugins.events["config"].append(during)
    config.plugins.on_startup(command="serve", dirty=dirty)
    config.site_url = SERVE_URL
    mkdocs_build(config, serve_url=SERVE_URL, dirty=dirty)


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site but Pagefind's bundles (the preview refreshes them in the background)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and routes.SEARCH_BUNDLE.strip("/") not in p.relative_to(site).parts}


def stamps(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def sitemap_stamps(site: Path) -> dict[str, int]:
    return {name: (site / name).stat().st_mtime_ns for name in ("sitemap.xml", "sitemap.xml.gz")}


class Preview:
    """A project, its preview folder, and a full build of the same files to compare with."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.project = copy_project(root / "project")
        add_records(self.project)
        (self.project / "content/en/aftale/2017.md").unlink()  # a Danish page with an English stand-in
        self.site = root / "preview"
        self.references = 0

    def rebuild(self) -> tuple[dict[str, bytes], set[str]]:
        """Rebuild the preview; its files and the HTML pages it wrote."""
        before = stamps(self.site) if self.site.exists() else {}
        serve_build(self.project, self.site, dirty=True)
        written = {uri for uri, stamp in stamps(self.site).items() if before.get(uri) != stamp}
        return tree(self.site), written

    def full_build(self) -> dict[str, bytes]:
        """The same files built from nothing, in a copy (its own hooks module, no earlier build)."""
        self.references += 1
        copy = self.root / f"reference-{self.references}"
        copy.mkdir()
        for part in PROJECT_PARTS:
            src = self.project / part
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, copy / part)
        serve_build(copy, copy / "site", dirty=False)
        return tree(copy / "site")


def assert_same(preview: dict[str, bytes], full: dict[str, bytes], step: str) -> None:
    assert preview.keys() == full.keys(), (step, sorted(preview.keys() ^ full.keys()))
    differ = sorted(uri for uri in full if preview[uri] != full[uri])
    assert not differ, (step, differ)


@pytest.fixture
def preview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Preview:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    return Preview(tmp_path)


TEXT_EDITS = [
    ("a report", "content/referater/visionsforum-2027-1.md"),
    ("an English report", "content/en/referater/visionsforum-2017-1.md"),
    ("a news article", "content/nyheder/ny-hjemmeside.md"),
    ("an agreement text shown on /aftale/ and compared", "content/aftale/2027.md"),
    ("a Danish page with an English stand-in", "content/aftale/2017.md"),
    ("the home page", "content/index.md"),
]


def test_an_edit_of_a_text_writes_again_what_it_changes_and_nothing_else(preview: Preview):
    site, _ = preview.rebuild()
    assert_same(site, preview.full_build(), "first build")
    assert "Forhåndsvisning: søgningen finder" in site["soeg/index.html"].decode()
    assert "Preview: search finds" in site["en/soeg/index.html"].decode()
    for n, (what, path) in enumerate(TEXT_EDITS, start=1):
        with (preview.project / path).open("a", encoding="utf-8") as f:
            f.write(f"\nTilføjet afsnit nummer {n} om trafikken.\n")
        before, sitemaps = site, sitemap_stamps(preview.site)
        site, written = preview.rebuild()
        full = preview.full_build()
        assert_same(site, full, what)
        assert sitemap_stamps(preview.site) == sitemaps, f"{what}: the same pages on the same days, sitemap written again"
        changed = {uri for uri in full if uri.endswith(".html") and before.get(uri) != full[uri]}
        assert changed - ALWAYS_WRITTEN, f"{what}: the edit changes no page"
        assert written - ALWAYS_WRITTEN == changed - ALWAYS_WRITTEN, what


def test_after_a_text_edit_the_search_index_catches_up(preview: Preview):
    preview.rebuild()
    with (preview.project / "content/nyheder/ny-hjemmeside.md").open("a", encoding="utf-8") as f:
        f.write("\nOrdet kvasikrystal står her.\n")
    preview.rebuild()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # Pagefind's fragments are gzip-compressed JSON
        fragments = [gzip.decompress(p.read_bytes()) for p in (preview.site / "pagefind/fragment").glob("*")]
        if any("kvasikrystal".encode() in data for data in fragments if data.startswith(b"pagefind_dcd")):
            break
        time.sleep(0.5)
    else:
        pytest.fail("the preview's search index never found the new word")


NEW_MEETING = """  - id: visionsforum-2028-2
    number: 5
    name: {da: 5. Visionsforum, en: 5th Visionsforum}
    start: 2028-09-14 17:00
    state: planned
    themes: [borgerdialog]
    invited: [albertslund-kommune, va]
"""
NEW_PARTNER = """
  - id: ny-forening
    name: {da: Den nye forening, en: The new association}
    classification: other
    memberships:
      - {status: invited, date: 2026-05, agreement: aftale-2017}
"""
NEW_THEME = """  - id: groen-omstilling
    title: {da: Grøn omstilling, en: Green transition}
    summary: {da: Boligområdernes energi og natur., en: The estates' energy and nature.}
"""
DECISION = """  - id: borgermoede
    meeting: visionsforum-2027-1
    text: {da: Der holdes et borgermøde, en: A public meeting is held}
    owners: [va, ab]
    status: dropped
"""


def test_an_edit_of_data_writes_again_what_it_changes_and_nothing_else(preview: Preview):
    """A data edit of every kind of record, and edits that make pages come and go: the preview
    holds what a full build makes, and wrote exactly the pages whose output changed."""
    data = preview.project / "data"

    def append(path: Path, text: str) -> Callable[[], None]:
        return lambda: path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    steps: list[tuple[str, Callable[[], None], str | None]] = [
        ("a meeting's title", lambda: edit(data / "meetings.yaml", "2. Visionsforum", "2. Visionsforum om Midtby"),
         "moeder/visionsforum-2027-1/index.html"),
        ("a partner's name", lambda: edit(data / "partners.yaml", "name: {da: AB, en: AB}", "name: {da: AB Bolig, en: AB}"),
         "partnere/ab/index.html"),
        ("a theme's title", lambda: edit(data / "themes.yaml", "Renovering af boligområderne",
                                         "Renovering af byens boligområder"), "temaer/renovering/index.html"),
        ("an agreement's title", lambda: edit(data / "agreements.yaml",
                                              "Partnerskabsaftale om et fælles strategisk boligsamarbejde",
                                              "Partnerskabsaftale om et fælles boligsamarbejde"), "aftale/index.html"),
        ("a decision's status", lambda: edit(data / "decisions.yaml", "status: done", "status: dropped"),
         "opfoelgning/2027/index.html"),
        ("a new meeting", append(data / "meetings.yaml", NEW_MEETING), "moeder/visionsforum-2028-2/index.html"),
        ("a meeting moved to another year", lambda: edit(data / "meetings.yaml", "start: 2028-03-16 17:00",
                                                         "start: 2029-03-15 17:00"), "moeder/2029/index.html"),
        ("a new partner", lambda: edit(data / "partners.yaml", "\n  - id: grundejerforeninger",
                                       NEW_PARTNER + "\n  - id: grundejerforeninger"), "partnere/ny-forening/index.html"),
        ("a partner deleted", lambda: edit(data / "partners.yaml", NEW_PARTNER, ""), None),
        ("a meeting deleted", lambda: edit(data / "meetings.yaml", NEW_MEETING, ""), None),
        ("a new theme", append(data / "themes.yaml", NEW_THEME), "temaer/groen-omstilling/index.html"),
        ("a theme deleted", lambda: edit(data / "themes.yaml", NEW_THEME, ""), None),
        ("a decision deleted", lambda: edit(data / "decisions.yaml", DECISION, ""), "opfoelgning/2027/index.html"),
    ]
    site, _ = preview.rebuild()
    assert "moeder/2028/index.html" in site
    for what, change, new_page in steps:
        change()
        before = site
        site, written = preview.rebuild()
        full = preview.full_build()
        assert_same(site, full, what)
        changed = {uri for uri in full if uri.endswith(".html") and before.get(uri) != full[uri]}
        assert new_page is None or new_page in changed, what
        assert written - ALWAYS_WRITTEN == changed - ALWAYS_WRITTEN, what
        assert len(written) < len(stamps(preview.site)) / 2, f"{what}: the preview wrote most pages again"
    assert "partnere/ny-forening/index.html" not in site and "moeder/visionsforum-2028-2/index.html" not in site
    assert "moeder/2028/index.html" not in site
    assert not any("groen-omstilling" in uri for uri in site)  # its page and its calendars are gone


@pytest.mark.parametrize(("records", "how"), CHANGES, ids=[f"{r}-{h}" for r, h in CHANGES])
def test_every_record_of_a_kind_edited_at_once_is_in_the_preview_as_a_full_build_makes_it(
        preview: Preview, records: str, how: str):
    """Every text of one kind of records changed at once, or the records' order reversed
    (tests/perturb.py): the preview holds what a full build makes, and wrote exactly the pages
    whose output changed."""
    before, _ = preview.rebuild()
    path = preview.project / "data" / f"{records}.yaml"
    path.write_text(PERTURBATIONS[how](path.read_text(encoding="utf-8")), encoding="utf-8")
    site, written = preview.rebuild()
    full = preview.full_build()
    assert_same(site, full, f"{records}, {how}")
    changed = {uri for uri in full if uri.endswith(".html") and before.get(uri) != full[uri]}
    assert written - ALWAYS_WRITTEN == changed - ALWAYS_WRITTEN


def test_edits_of_front_matter_and_files_rebuild_everything(preview: Preview):
    preview.rebuild()
    news = preview.project / "content/nyheder/nyt-om-midtby.md"
    steps = [
        ("a title in front matter", lambda: edit(preview.project / "content/nyheder/ny-hjemmeside.md",
                                                 "title: ", "title: Nyt: ")),
        ("a new article", lambda: news.write_text("---\ntitle: Nyt om Midtby\ndate: 2027-05-02\n---\n\n"
                                                  "# Nyt om Midtby\n\nTekst.\n", encoding="utf-8")),
        ("an article taken away", news.unlink),
    ]
    for what, change in steps:
        change()
        site, _ = preview.rebuild()
        assert_same(site, preview.full_build(), what)


def test_a_mistake_shows_only_the_mistakes_and_the_site_comes_back(preview: Preview):
    preview.rebuild()
    meetings = preview.project / "data/meetings.yaml"
    good = meetings.read_text(encoding="utf-8")
    meetings.write_text(good.replace("state: cancelled", "state: aflyst"), encoding="utf-8")
    site, _ = preview.rebuild()
    assert list(site) == ["404.html"], "the pages of the last build would hide the mistakes"
    assert "aflyst" in site["404.html"].decode()
    meetings.write_text(good, encoding="utf-8")
    site, _ = preview.rebuild()
    assert_same(site, preview.full_build(), "mistake fixed")


def test_a_renamed_heading_that_a_kept_page_links_to_stops_the_rebuild_as_a_full_build_does(
        preview: Preview, caplog: pytest.LogCaptureFixture):
    """MkDocs checks links to headings only between the pages it writes; the preview checks those
    between a page it wrote and one it kept (boligdialog.build.rebuild.broken_links). The link
    goes to the home page, whose headings the check leaves to MkDocs (the generator adds some):
    a link to an editor's own heading is the check's (tests/test_links.py)."""
    from mkdocs.exceptions import Abort

    home = preview.project / "content/index.md"
    with home.open("a", encoding="utf-8") as f:
        f.write("\n## Mere om siden\n\nTekst.\n")
    news = preview.project / "content/nyheder/ny-hjemmeside.md"
    with news.open("a", encoding="utf-8") as f:
        f.write("\n[Læs mere](../index.md#mere-om-siden)\n")
    news_line = len(news.read_text(encoding="utf-8").splitlines())
    preview.rebuild()
    edit(home, "## Mere om siden", "## Andet om siden")
    message = ("content/nyheder/ny-hjemmeside.md:" f"{news_line}: expected a link to a heading that exists but "
               "received '../index.md#mere-om-siden': the page / has no heading with the id 'mere-om-siden'")
    with pytest.raises(Abort, match="warning"):
        preview.rebuild()
    assert message in caplog.text
    caplog.clear()
    with pytest.raises(Abort, match="warning"):
        preview.full_build()
    assert message in caplog.text
    edit(home, "## Andet om siden", "## Mere om siden")
    site, _ = preview.rebuild()
    assert_same(site, preview.full_build(), "heading back")


def test_files_saved_while_the_preview_rebuilds_are_in_the_next_rebuild(preview: Preview):
    """Several files saved at once (``git pull``, save-all) while a rebuild runs, after it read
    the data in ``on_config``: that rebuild shows what it read, and the rebuild that
    ``mkdocs serve`` starts for the saved files shows them all (the fingerprint is of what was
    loaded, not of the files as they are when it is taken)."""
    preview.rebuild()
    report = preview.project / "content/referater/visionsforum-2027-1.md"

    def save_all(config):  # runs after the generator's on_config: the data are loaded, no page made yet
        edit(preview.project / "data/meetings.yaml", "2. Visionsforum", "2. Visionsforum om Midtby")
        edit(preview.project / "data/partners.yaml", "short_name: Albertslund Kommune", "short_name: Kommunen nu")
        with report.open("a", encoding="utf-8") as f:
            f.write("\nEt afsnit gemt under genopbygningen.\n")
        return config

    serve_build(preview.project, preview.site, dirty=True, during=save_all)
    during = tree(preview.site)
    assert not any("Visionsforum om Midtby" in data.decode(errors="replace") for data in during.values()), \
        "the rebuild under way shows what it loaded"
    site, _ = preview.rebuild()
    full = preview.full_build()
    assert any("Visionsforum om Midtby" in data.decode(errors="replace") for data in full.values())
    assert any("Et afsnit gemt under genopbygningen" in data.decode(errors="replace") for data in full.values())
    assert_same(site, full, "files saved during a rebuild")


def test_the_data_blocks_show_no_body(fuller_site: Path):
    """What a text edit keeps of the last build's data blocks (:func:`rebuild.same_blocks`):
    each editor's page's body changed alone (a paragraph and a heading added), every page's
    blocks (:func:`compose.compose` with an empty text) are what they were."""
    import dataclasses
    import datetime as dt

    from boligdialog.build import compose
    from boligdialog.site.load import load_site

    project = fuller_site.parent
    today = dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc).date()
    site = load_site(project, project / "content", today=today)
    uris = sorted(site.pages)
    before = {uri: compose.compose(site, uri, "") for uri in uris}
    for uri in uris:
        page = site.pages[uri]
        edited = dataclasses.replace(page, body=page.body + "\n\n## Ny overskrift\n\nEt nyt afsnit.\n")
        changed = dataclasses.replace(site, pages={**site.pages, uri: edited})
        after = {other: compose.compose(changed, other, "") for other in uris}
        assert after == before, f"an edit of {uri}'s body changed the data blocks of some page"
