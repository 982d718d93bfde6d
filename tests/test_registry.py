"""The page registry: every page and file the build generates is declared once, and the
declarations say what the build does (their addresses are the pages they make, the checks
reserve exactly the declared addresses).

Checked against the fuller site (tests/fuller_site.py: English stand-ins, decisions, year
pages, an agreement with two versions), built by MkDocs, and against its pages made again
from the declarations.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest

from bench.project import read_config
from boligdialog.outputs import opendata
from boligdialog.pages import registry
from boligdialog.site import routes, settings
from boligdialog.site.identity import Identity
from boligdialog.site.load import load_site
from boligdialog.model.values import LANGS
from perturb import CHANGES, DATA_KINDS, PERTURBATIONS, one_record_changed, record_count
from records_fixture import EPOCH


@pytest.fixture(scope="module")
def loaded(fuller_site: Path) -> tuple[Path, registry.Inputs]:
    project = fuller_site.parent
    now = dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc)
    config = read_config(project / "mkdocs.yml")
    site_settings = settings.read(project)
    words = settings.activate(project, site_settings)
    site = load_site(project, project / "content", today=now.date())
    inputs = registry.Inputs(site, Identity.from_settings(config["site_url"], site_settings),
                             opendata.License.from_settings(site_settings), site_settings.about_open_data(words),
                             now, now)
    return fuller_site, inputs


def declared(known: registry.Known) -> Counter[str]:
    """How many page types declare each source path."""
    return Counter(uri for kind in registry.PAGE_TYPES for lang in LANGS for uri in kind.addresses(known, lang))


def test_every_generated_page_is_declared_by_exactly_one_page_type(loaded):
    _, inputs = loaded
    made = [page.src_uri for page in registry.generate(inputs)]
    counts = declared(registry.Known.of(inputs.site))
    assert len(made) == len(set(made))
    assert sorted(uri for uri in made if counts[uri] != 1) == []
    assert sorted(set(counts) - set(made)) == [], "declared addresses that no page is made at"
    kinds = {kind.name for kind in registry.PAGE_TYPES}
    assert {"meeting", "theme", "follow-up of a year", "changes in a version", "English stand-in"} <= kinds
    assert any(uri.startswith("en/aftale/2017") for uri in made)  # a stand-in is among them


@pytest.mark.parametrize("kind", registry.PAGE_TYPES, ids=lambda kind: kind.name)
def test_a_page_type_makes_its_pages_at_its_addresses(loaded, kind):
    _, inputs = loaded
    known = registry.Known.of(inputs.site)
    for lang in LANGS:
        made = [p.src_uri for item in kind.items(inputs.site) for p in kind.make(inputs, item, lang)]
        assert sorted(made) == sorted(kind.addresses(known, lang))
    assert kind.items(inputs.site), f"the fuller site has no {kind.name} page to check"


def test_every_page_of_the_built_site_is_an_editors_page_a_declared_page_or_a_theme_page(loaded):
    site_dir, inputs = loaded
    site = inputs.site
    editors = {routes.output_path(uri) for uri in site.pages if uri not in site.report_paths}
    generated = {routes.output_path(uri) for uri in declared(registry.Known.of(site))}
    pages = {f.relative_to(site_dir).as_posix() for f in site_dir.rglob("*.html")}
    outputs = {path for output in registry.OUTPUTS for lang in LANGS
               for path in output.addresses(registry.Known.of(site), lang) if path.endswith(".html")}
    assert outputs == {"was/index.html", "admin/index.html"} and outputs <= pages  # /was, the web editor
    assert editors & generated == set()
    assert sorted(pages - editors - generated - outputs - set(routes.SITE_FILES)) == []
    assert sorted(generated - pages) == []


def test_every_other_generated_file_comes_from_a_declared_output(loaded):
    site_dir, inputs = loaded
    site = inputs.site
    built = {f.relative_to(site_dir).as_posix() for f in site_dir.rglob("*") if f.is_file()}
    content = {uri for uri in site.file_sizes} | set(site.pages)
    theme = {path for path in built if path.startswith(("assets/", "pagefind/", "en/pagefind/"))}
    outputs, _ = registry.make_outputs(inputs)
    others = built - content - theme - set(routes.SITE_FILES) - {p for p in built if p.endswith(".html")}
    assert sorted(others - set(outputs)) == []
    assert sorted(set(outputs) - built) == []
    known = registry.Known.of(site)
    addresses = {uri for output in registry.OUTPUTS for lang in LANGS for uri in output.addresses(known, lang)}
    folders = tuple(output.folder for output in registry.OUTPUTS if output.folder)
    assert sorted(uri for uri in outputs if uri not in addresses and not uri.startswith(folders)) == []


def test_the_checks_reserve_the_declared_addresses_and_only_those(loaded):
    site_dir, inputs = loaded
    known = registry.Known.of(inputs.site)
    reserved = registry.reserved(known)
    pages = {routes.output_path(uri) for kind in registry.PAGE_TYPES if kind.reserved
             for lang in LANGS for uri in kind.addresses(known, lang)}
    files = {uri for output in registry.OUTPUTS for lang in LANGS for uri in output.addresses(known, lang)}
    assert set(reserved) == pages | files | set(routes.SITE_FILES)
    assert all(reserved.values())  # each says what it is, for the editor's message
    built = {f.relative_to(site_dir).as_posix() for f in site_dir.rglob("*") if f.is_file()}
    made = {routes.output_path(p.src_uri) for p in registry.generate(inputs)}
    stand_ins = {routes.output_path(uri) for uri in declared(known) if uri.startswith("en/")
                 and routes.danish_uri(uri) in known.lacking_english}
    assert sorted(made - set(reserved) - stand_ins) == []  # only stand-ins are not reserved
    assert {"moeder/visionsforum.ics", "feed.xml", "en/opfoelgning/index.html"} <= set(reserved) & built


def test_declarations_are_consistent():
    for kind in (*registry.PAGE_TYPES, *registry.OUTPUTS):
        assert kind.reads <= registry.SOURCES, kind.name
        assert kind.texts <= registry.TEXTS & kind.reads, kind.name
    for kind in registry.PAGE_TYPES:
        assert (kind.shows is None) == (not kind.texts), f"{kind.name}: shows and texts go together"
    for output in registry.OUTPUTS:
        assert output.folder is None or output.folder in routes.SITE_FOLDERS, output.name
    for kinds in (registry.PAGE_TYPES, registry.OUTPUTS):
        assert len({kind.name for kind in kinds}) == len(kinds)


def test_a_text_edit_remakes_the_pages_that_show_the_text(loaded):
    _, inputs = loaded
    site = inputs.site
    groups = registry.generate_groups(inputs)
    before = [page for items in groups.values() for pages in items for page in pages]

    def remade(changed: set[str], kinds: frozenset[str] = frozenset()) -> list:
        again = registry.remake(inputs, groups, kinds=kinds, changed=changed)
        return [page for items in again.values() for pages in items for page in pages]

    assert before == registry.generate(inputs)
    meeting, report = next((m, site.reports[m.id]) for m in site.meetings if m.id in site.reports)
    again = remade({"en/" + report})
    assert {new.src_uri for old, new in zip(before, again) if old is not new} == {
        routes.item("meetings", meeting.id, lang) for lang in LANGS}
    agreement = remade({site.agreements[0].text})
    changed = {new.src_uri for old, new in zip(before, agreement) if old is not new}
    assert {routes.src_uri(lang, routes.AGREEMENT) for lang in LANGS} <= changed
    assert all(uri.startswith(("aftale/", "en/aftale/")) for uri in changed)
    assert remade({"nyheder/ukendt.md"}) == before
    themes = remade(set(), frozenset({registry.THEMES}))
    made_again = {kind.name for kind in registry.PAGE_TYPES if registry.THEMES in kind.reads}
    for (name, _), pages in registry.remake(inputs, groups, kinds=frozenset({registry.THEMES}), changed=set()).items():
        assert (pages is groups[(name, _)]) == (name not in made_again), name
    assert themes == before


def _copy_sources(project: Path, dest: Path) -> None:
    """What a site is loaded from (``mkdocs.yml``, data/, content/), copied from ``project``."""
    for part in ("mkdocs.yml", "data", "content"):
        src = project / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / part)


@pytest.mark.parametrize(("records", "how"), CHANGES, ids=[f"{r}-{h}" for r, h in CHANGES])
def test_what_does_not_declare_a_kind_of_records_does_not_change_with_them(loaded, tmp_path, records, how):
    """The ``reads`` that a data edit in the preview trusts (:func:`registry.remake`): the
    records of one kind changed (every text, or their order), every page type and output that
    does not declare that it reads them makes the same as before, and some that do change."""
    fuller, inputs = loaded
    _copy_sources(fuller.parent, tmp_path)
    path = tmp_path / "data" / f"{records}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(PERTURBATIONS[how](text), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    site = load_site(tmp_path, tmp_path / "content", today=inputs.now.date())
    changed = dataclasses.replace(inputs, site=site)
    before, after = registry.generate_groups(inputs), registry.generate_groups(changed)
    differ = {kind.name for kind in registry.PAGE_TYPES for lang in LANGS
              if before[(kind.name, lang)] != after[(kind.name, lang)]}
    undeclared = {kind.name for kind in registry.PAGE_TYPES if records not in kind.reads}
    assert differ & undeclared == set(), f"these page types show {records} but do not declare it in their reads"
    outputs_before, outputs_after = registry.outputs_of(inputs), registry.outputs_of(changed)
    silent = {o.name for o in registry.OUTPUTS if records not in o.reads
              and outputs_before[o.name] != outputs_after[o.name]}
    assert silent == set(), f"these outputs show {records} but do not declare it in their reads"
    if how == "texts":
        assert differ, "the change showed nowhere: the test proves nothing"


@pytest.mark.parametrize("records", DATA_KINDS)
def test_an_item_shows_no_record_it_does_not_declare(loaded, tmp_path, records):
    """The ``needs`` that a data edit in the preview trusts (:func:`registry.remake` with the
    changed records): each record of one kind changed alone (every text of it), the pages of
    every item of a page type that declares ``needs`` are what they were unless the item
    differs or declares the record (in the site before or after), and the remade site is what a full
    build makes."""
    fuller, inputs = loaded
    _copy_sources(fuller.parent, tmp_path)
    path = tmp_path / "data" / f"{records}.yaml"
    text = path.read_text(encoding="utf-8")
    before = registry.generate_groups(inputs)
    per_item = [kind for kind in registry.PAGE_TYPES if kind.needs is not None]
    assert {kind.name for kind in per_item} >= {"meeting", "partner", "theme", "meetings of a year",
                                                "follow-up of a year"}
    shown = 0
    for index in range(record_count(text)):
        path.write_text(one_record_changed(text, index), encoding="utf-8")
        site = load_site(tmp_path, tmp_path / "content", today=inputs.now.date())
        record = (records, getattr(site, records)[index].id)
        assert getattr(site, records)[index] != getattr(inputs.site, records)[index], record
        changed = dataclasses.replace(inputs, site=site)
        after = registry.generate_groups(changed)
        for kind in per_item:
            for lang in LANGS:
                items = zip(kind.items(inputs.site), kind.items(site), before[(kind.name, lang)],
                            after[(kind.name, lang)])
                for old, new, pages_before, pages_after in items:
                    if pages_before != pages_after and old == new:
                        shown += 1
                        assert record in registry.needed(kind, inputs.site, old) | registry.needed(kind, site, new), \
                            f"{pages_after[0].src_uri} shows {record} but its item does not declare it in needs"
        again = registry.remake(changed, before, kinds=frozenset({records}), changed=set(), before=inputs.site,
                                records=frozenset({record}))
        assert again == after, record
    if records in {"meetings", "partners", "themes", "decisions"}:
        assert shown, "no edit showed on a page with needs: the test proves nothing"


@pytest.mark.parametrize("records", DATA_KINDS)
def test_the_open_data_after_a_data_edit_takes_again_only_the_tables_whose_rows_are_the_same(loaded, tmp_path,
                                                                                          records):
    """The preview's package is made with the last one (``Inputs.kept``): each record of one kind
    changed alone, its files are those a package made from nothing has, and the tables that did
    not change are the last package's bytes, not written out again."""
    fuller, inputs = loaded
    _copy_sources(fuller.parent, tmp_path)
    path = tmp_path / "data" / f"{records}.yaml"
    text = path.read_text(encoding="utf-8")
    last = dataclasses.replace(inputs, preview=True).package
    assert last.rows and dataclasses.replace(inputs).package.rows == {}  # rows are kept in the preview only
    taken = written = 0
    for index in range(record_count(text)):
        path.write_text(one_record_changed(text, index), encoding="utf-8")
        site = load_site(tmp_path, tmp_path / "content", today=inputs.now.date())
        now = dataclasses.replace(inputs, site=site, preview=True, kept=last).package
        assert now.files == dataclasses.replace(inputs, site=site).package.files, (records, index)
        for name, content in now.files.items():
            if name.removesuffix(".csv").removesuffix(".json") in last.rows:
                same = content is last.files[name]
                assert same == (now.rows[name.rsplit(".", 1)[0]] == last.rows[name.rsplit(".", 1)[0]]), name
                taken, written = taken + same, written + (not same)
    assert taken and written, "no table was taken again, or none written: the test proves nothing"
