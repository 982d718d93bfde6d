"""MkDocs hooks: a thin adapter from MkDocs events to the ``boligdialog`` package.

Each build starts from nothing in ``on_config`` (``mkdocs serve`` keeps this
module loaded between rebuilds), loads and validates all data once, and hands
plain values to the page generator and templates.
"""

from __future__ import annotations

import html
import json
import logging
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

from boligdialog import navigation, outputs, pages, routes, schedule
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
    root = Path(config.config_file_path).parent
    try:
        now = schedule.build_time()
    except ValueError as exc:
        raise Abort(f"Build stopped: {exc}") from None
    try:
        site = load_site(root, Path(config.docs_dir), today=now.date())
    except ValidationFailed as exc:
        for error in exc.errors:
            log.error(str(error))
        raise Abort(f"Build stopped: {len(exc.errors)} problem(s) in data or content (listed above).") from None
    if site.missing_english:
        log.info("%d text(s) exist only in Danish and are shown in Danish on English pages:\n  %s",
                 len(site.missing_english), "\n  ".join(site.missing_english))
    for notice in site.notices:  # INFO: a meeting that just passed must not stop the daily publish
        log.info("To record: %s", notice)
    _build = _Build(site=site, now=now)
    return config


def on_files(files: Files, *, config: Any) -> Files:
    assert _build is not None
    for uri in _build.site.report_paths:
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)  # reports are shown on their meeting's page
    site_url = config.site_url or "https://boligdialog.invalid/"
    taken = {f.dest_uri: f for f in files}
    for uri, content in {**outputs.calendars(_build.site, site_url=site_url, stamp=_build.now),
                         **outputs.feeds(_build.site, site_url=site_url)}.items():
        _add(files, taken, File.generated(config, uri, content=content))
    _build.head = outputs.head_extras(_build.site, site_url=site_url)
    for page in pages.generate(_build.site, _build.today, site_url):
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        _add(files, taken, File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
    return files


def _add(files: Files, taken: dict[str, File], file: File) -> None:
    """Add a generated file. One that would replace another file is a gap in the checks
    (``Checker.outputs``): the build stops rather than lose an editor's file unseen."""
    existing = taken.get(file.dest_uri) or files.get_file_from_path(file.src_uri)
    if existing is not None:
        raise Abort(f"Build stopped: the generated {file.dest_uri} would replace {existing.src_uri}.")
    taken[file.dest_uri] = file
    files.append(file)


def on_page_read_source(*, page: Any, config: Any) -> str | None:
    """An editor's page as MkDocs must read it: the front matter that was validated, written
    out again, so MkDocs cannot read it differently (its YAML reads dates and drops what it
    cannot parse) or take a first line like ``Dato: 1. maj`` for metadata."""
    assert _build is not None
    content = _build.site.pages.get(page.file.src_uri)
    return pages.source_text(content) if content is not None else None


def on_nav(nav: Any, *, config: Any, files: Files) -> Any:
    assert _build is not None
    _build.navs = navigation.split(nav)
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
        "feed_url": routes.src_uri(lang, routes.FEED),
        "head": _build.head.get(uri, ""),
    }
    return context


def on_post_build(*, config: Any) -> None:
    """Index the built site with Pagefind: one index per ``<html lang>``."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--quiet"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise Abort(f"Pagefind failed to index the site:\n{result.stdout}{result.stderr}")
    # Pagefind lists its languages in random order; sorted, two builds give the same file.
    entry = Path(config.site_dir) / "pagefind" / "pagefind-entry.json"
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True), encoding="utf-8")
