"""MkDocs hooks: a thin adapter from MkDocs events to the ``boligdialog`` package.

Each build starts from nothing in ``on_config`` (``mkdocs serve`` keeps this
module loaded between rebuilds), loads and validates all data once, and hands
plain values to the page generator and templates.
"""

from __future__ import annotations

import html
import logging
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

from boligdialog import navigation, outputs, pages, render, routes, schedule
from boligdialog.errors import ValidationFailed
from boligdialog.i18n import LANGUAGE_NAMES, strings
from boligdialog.load import load_site
from boligdialog.routes import counterpart_uri, lang_of
from boligdialog.sitedata import Site
from boligdialog.values import LANGS

log = logging.getLogger("mkdocs.hooks.boligdialog")


@dataclass
class _Build:
    site: Site
    now: datetime
    navs: dict = field(default_factory=dict)
    head: dict[str, str] = field(default_factory=dict)
    """Extra <head> HTML (JSON-LD) by page source path."""

    @property
    def today(self) -> date:
        return self.now.date()


_build: _Build | None = None


def on_config(config: Any) -> Any:
    global _build
    _build = None
    # Heading ids keep Danish words readable: "Deltog i møder" -> #deltog-i-moeder, not #deltog-i-mder.
    config.mdx_configs.setdefault("toc", {})["slugify"] = routes.slugify
    root = Path(config.config_file_path).parent
    try:
        site = load_site(root, Path(config.docs_dir))
    except ValidationFailed as exc:
        for error in exc.errors:
            log.error(str(error))
        raise Abort(f"Build stopped: {len(exc.errors)} problem(s) in data or content (listed above).") from None
    if site.missing_english:
        log.info("%d text(s) exist only in Danish and are shown in Danish on English pages:\n  %s",
                 len(site.missing_english), "\n  ".join(site.missing_english))
    try:
        now = schedule.build_time()
    except ValueError as exc:
        raise Abort(f"Build stopped: {exc}") from None
    _build = _Build(site=site, now=now)
    return config


def on_files(files: Files, *, config: Any) -> Files:
    assert _build is not None
    for uri in _build.site.report_paths:
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)  # reports are shown on their meeting's page
    site_url = config.site_url or "https://boligdialog.invalid/"
    for uri, content in {**outputs.calendars(_build.site, site_url=site_url, stamp=_build.now),
                         **outputs.feeds(_build.site, site_url=site_url)}.items():
        files.append(File.generated(config, uri, content=content))
    _build.head = outputs.head_extras(_build.site, site_url=site_url)
    for page in pages.generate(_build.site, _build.today, site_url):
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
    return files


def on_nav(nav: Any, *, config: Any, files: Files) -> Any:
    assert _build is not None
    try:
        _build.navs = navigation.split(nav)
    except ValueError as exc:
        raise Abort(f"Build stopped: {exc}") from None
    return nav


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Files) -> str:
    assert _build is not None
    uri = page.file.src_uri
    lang = lang_of(uri)
    if not page.meta.get("description"):
        page.meta["description"] = config.extra["description"][lang]
    for key in ("title", "description"):  # front matter is data: escape before any template prints it
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html.escape(page.meta[key])
    if uri in ("index.md", "en/index.md"):
        markdown += "\n\n" + pages.home_block(_build.site, lang, _build.today) + "\n"
    block = pages.agreement_block(_build.site, uri, lang)
    if block:
        markdown += "\n\n" + block + "\n"
    date = pages.news_date_block(_build.site, uri, lang)
    if date:
        markdown = pages.after_first_heading(markdown, date)
    return markdown


def on_page_context(context: dict, *, page: Any, config: Any, nav: Any) -> dict:
    assert _build is not None
    uri = page.file.src_uri
    lang = lang_of(uri)
    context["nav"] = _build.navs[lang]
    counterpart = counterpart_uri(uri)
    urls = {lang: page.url, lang_of(counterpart): routes.url_of(counterpart)}
    context["bd"] = {
        "lang": lang,
        "s": strings(lang),
        "alternates": [{"lang": code, "name": LANGUAGE_NAMES[code], "url": urls[code]} for code in LANGS],
        "other": next(code for code in LANGS if code != lang),
        "search_url": routes.url_of(routes.src_uri(lang, routes.SEARCH)),
        "is_search": uri == routes.src_uri(lang, routes.SEARCH),
        "section": routes.nav_entry(uri),
        "feed_url": routes.feed(lang),
        "head": _build.head.get(uri, ""),
    }
    return context


def on_serve(server: Any, *, config: Any, builder: Any) -> Any:
    """``mkdocs serve`` also rebuilds when a template of the generator changes (Jinja reloads
    a changed template by itself; the hooks' Python code is not reloaded)."""
    server.watch(str(render.TEMPLATES))
    return server


def on_post_build(*, config: Any) -> None:
    """Index the built site with Pagefind: one index per ``<html lang>``."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--quiet"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise Abort(f"Pagefind failed to index the site:\n{result.stdout}{result.stderr}")
