"""The MkDocs adapter (hooks/site.py, boligdialog/adapter/hooks.py) beyond the builds: what it
adds to ``mkdocs serve``, and a fresh generator for each loaded hook file."""

from __future__ import annotations

import gc
import importlib.util
import sys

from mkdocs.livereload import LiveReloadServer

from boligdialog.adapter.hooks import THEME
from boligdialog.pages import render
from boligdialog.model.translate import use
from conftest import ROOT, build, config_line, edit


def load_hooks():
    spec = importlib.util.spec_from_file_location("boligdialog_site_hooks", ROOT / "hooks" / "site.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_serve_watches_the_folders_the_templates_are_loaded_from(tmp_path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    assert load_hooks().on_serve(server, config=None, builder=server.builder) is server
    assert render.environment().loader.searchpath == [str(render.TEMPLATES)]
    assert str(render.TEMPLATES) in server._watched_paths  # MkDocs's record of what it watches
    assert str(THEME) in server._watched_paths
    assert (render.TEMPLATES / "meeting.html").is_file() and (THEME / "main.html").is_file()


def test_each_loaded_hook_file_has_a_generator_of_its_own():
    """MkDocs loads the hook file once per config path (tests build several sites in one
    process): each load gets its own state, and its events are those of one object."""
    first, second = load_hooks(), load_hooks()
    assert first.on_config.__self__ is first.on_files.__self__
    assert first.on_config.__self__ is not second.on_config.__self__
    events = {name for name in dir(first) if name.startswith("on_")}
    assert {"on_startup", "on_config", "on_files", "on_page_markdown", "on_page_context", "on_post_build",
            "on_serve", "on_build_error"} <= events


def test_a_sites_own_custom_dir_wins_template_by_template(project):
    """The generator's theme comes after the site's ``custom_dir`` and before Material's: a
    template of the site's takes the place of the generator's, the others stay the generator's."""
    from conftest import build, edit

    (project / "theme" / "partials").mkdir(parents=True)
    (project / "theme" / "partials" / "copyright.html").write_text('<p id="own-footer">Our own footer</p>\n')
    edit(project / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: theme\n")
    result = build(project)
    assert result.returncode == 0, result.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert '<p id="own-footer">Our own footer</p>' in home
    assert "Tilgængelighedserklæring" not in home  # the generator's footer is replaced
    assert 'hreflang="x-default"' in home  # the generator's main.html still applies
    assert (project / "site" / "en" / "404.html").is_file() and (project / "site" / "robots.txt").is_file()


def test_the_build_reports_mistakes_in_the_settings_and_in_the_data_together(project):
    edit(project / "mkdocs.yml", "  forum:\n", "  forum:\n    bogus_setting: 1\n")
    edit(project / "data/meetings.yaml", "      - akb-albertslund\n", "      - akb-albertslun\n")
    with use("da"):
        built = build(project)
    assert built.returncode == 1
    errors = [line for line in built.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "ERROR   -  data/meetings.yaml:23: 1. møde (visionsforum-2017-1), invited nr. 4: her skal stå "
        "'albertslund-kommune', 'va', 'ab', 'akb-albertslund', 'grundejerforeninger' eller 'andelsboligforeninger' "
        "(partnere), men der står 'akb-albertslun'; mente du 'akb-albertslund'?",
        f"ERROR   -  mkdocs.yml:{config_line('  forum:') + 1}: extra.forum.bogus_setting: nøglen 'bogus_setting' findes ikke; her kan stå 'name' "
        "eller 'slug'",
    ]


def test_a_build_leaves_pythons_collector_as_it_found_it_also_when_it_stops(project):
    """``mkdocs build`` holds full collections while it loads and then freezes what it loaded
    (:class:`boligdialog.build.memory.Collector`); after it, done or stopped, nothing is frozen."""
    usual = gc.get_threshold()
    assert build(project).returncode == 0
    assert (gc.get_freeze_count(), gc.get_threshold()) == (0, usual)
    edit(project / "data/meetings.yaml", "      - akb-albertslund\n", "      - akb-albertslun\n")
    assert build(project).returncode == 1  # stops while loading
    assert (gc.get_freeze_count(), gc.get_threshold()) == (0, usual)
    edit(project / "data/meetings.yaml", "      - akb-albertslun\n", "      - akb-albertslund\n")
    with (project / "content/index.md").open("a", encoding="utf-8") as f:
        f.write("\n[Et link](findes-ikke.md)\n")
    assert build(project).returncode == 1  # stops after its pages are made (strict: a broken link)
    assert (gc.get_freeze_count(), gc.get_threshold()) == (0, usual)
