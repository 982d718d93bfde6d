"""MkDocs hooks for benchmark variants, copied next to ``hooks/site.py`` in a scratch project.

It loads our real hooks from ``site.py`` beside it (a generator of its own:
:func:`boligdialog.adapter.hooks.events`) and re-exports every event except
``on_post_build`` (Pagefind), so the same build can be timed without
Pagefind. With ``BENCH_CAPTURE_DIR`` set it also records what MkDocs renders:
every page's front matter and Markdown after our hooks, and every file our hooks
or the editors added, written as plain files that a hook-less MkDocs builds into
the same pages (the baseline). This file is never used by the real site.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Any

import yaml

_spec = importlib.util.spec_from_file_location("bench_real_site_hooks", Path(__file__).with_name("site.py"))
assert _spec is not None and _spec.loader is not None
_hooks = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _hooks
_spec.loader.exec_module(_hooks)

globals().update({name: getattr(_hooks, name) for name in dir(_hooks)
                  if name.startswith("on_") and name != "on_post_build"})

CAPTURE_DIR = os.environ.get("BENCH_CAPTURE_DIR")
_in_nav: dict[str, bool] = {}

if CAPTURE_DIR:
    _docs = Path(CAPTURE_DIR) / "docs"

    def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:  # type: ignore[no-redef]
        if hasattr(_hooks, "on_page_markdown"):
            markdown = _hooks.on_page_markdown(markdown, page=page, config=config, files=files)
        uri = page.file.src_uri
        meta = yaml.safe_dump(dict(page.meta), allow_unicode=True, sort_keys=False) if page.meta else ""
        target = _docs / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text((f"---\n{meta}---\n\n" if meta else "") + markdown, encoding="utf-8")
        _in_nav[uri] = page.file.inclusion.is_in_nav()
        return markdown

    def on_env(env: Any, *, config: Any, files: Any) -> Any:
        """Copy every non-page file from content/ or made by our hooks (not theme files)."""
        if hasattr(_hooks, "on_env"):
            env = _hooks.on_env(env, config=config, files=files)
        for file in files:
            from_hooks = file.generated_by is not None
            if file.is_documentation_page() or not (from_hooks or file.src_dir == config.docs_dir):
                continue
            target = _docs / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content_bytes)
        (Path(CAPTURE_DIR) / "pages.json").write_text(json.dumps(_in_nav, indent=1), encoding="utf-8")
        return env
