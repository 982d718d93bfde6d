"""hooks/site.py beyond the builds: what it adds to ``mkdocs serve``."""

from __future__ import annotations

import importlib.util
import sys

from mkdocs.livereload import LiveReloadServer

from boligdialog.pages import render
from conftest import ROOT


def load_hooks():
    spec = importlib.util.spec_from_file_location("boligdialog_site_hooks", ROOT / "hooks" / "site.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_serve_watches_the_folder_the_templates_are_loaded_from(tmp_path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    assert load_hooks().on_serve(server, config=None, builder=server.builder) is server
    assert render.environment().loader.searchpath == [str(render.TEMPLATES)]
    assert str(render.TEMPLATES) in server._watched_paths  # MkDocs's record of what it watches
    assert (render.TEMPLATES / "meeting.html").is_file()
