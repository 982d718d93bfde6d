"""MkDocs hooks: a thin adapter from MkDocs events to the ``boligdialog`` package.

Each build starts from nothing in ``on_config`` (``mkdocs serve`` keeps this
module loaded between rebuilds), loads and validates all data once, and hands
plain values to the page generator and templates.

Mistakes in data or content stop ``mkdocs build``. Under ``mkdocs serve`` the build
makes, instead of the site, one page that lists them (:mod:`boligdialog.editors.preview`), so
the browser shows them and the site comes back by itself once they are fixed.

Under ``mkdocs serve --dirty`` (``make serve``) a rebuild after an edit of a page's text
makes and writes again only what that text changes (:mod:`boligdialog.build.rebuild`), and
Pagefind refreshes the search index in the background.
"""

from __future__ import annotations

import html
import logging
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import clean_directory

from boligdialog.adapter import navigation
from boligdialog.pages import describe, editlinks, htmlblocks, opengraph, generate as pages, render
from boligdialog.site import lastmod, routes, schedule, settings
from boligdialog.build import memory, rebuild
from boligdialog.outputs import opendata, collect as outputs, search
from boligdialog.editors import preview
from boligdialog.model import translate
from boligdialog.model.errors import DataError, ValidationFailed
from boligdialog.site.i18n import LANGUAGE_NAMES, strings
from boligdialog.site.identity import Identity
from boligdialog.site.load import load_site
from boligdialog.model.records import DATA_FILES
from boligdialog.site.routes import counterpart_uri, lang_of
from boligdialog.site.settings import AboutData
from boligdialog.site.sitedata import Site
from boligdialog.model.translate import ntr, tr
from boligdialog.model.values import LANGS, Lang

log = logging.getLogger("mkdocs.hooks.boligdialog")


ERROR_PAGES: dict[str, Lang] = {"404.html": "da", "en/404.html": "en"}
"""The 404 page of each language (theme templates: ``overrides/404.html``, ``overrides/en/404.html``)."""


@dataclass
class _Build:
    site: Site
    now: datetime
    identity: Identity
    changes: lastmod.Changes
    license: opendata.License
    repository: editlinks.Repository | None
    about: AboutData
    """What the open data package says about itself (its title, description, keywords)."""
    navs: dict = field(default_factory=dict)
    head: dict[str, str] = field(default_factory=dict)
    """Extra <head> HTML (JSON-LD) by page source path."""
    meta: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    """Title (if the front matter has one) and description of each page, as plain text."""
    snapshot: rebuild.Snapshot | None = None
    """What this build made, kept for the next rebuild of ``mkdocs serve --dirty`` once it finishes."""
    full: bool = True
    """Everything is made and written (not a rebuild that keeps what did not change)."""
    written: set[str] = field(default_factory=set)
    """Source paths of the pages this build wrote."""

    @property
    def today(self) -> date:
        return self.now.date()


_build: _Build | None = None
_serving = False
"""True under ``mkdocs serve`` (set once, in ``on_startup``): mistakes are shown in the browser."""
_problems: list[DataError] | None = None
"""The mistakes found by this build of the preview, which then shows only them."""
_dirty = False
"""``mkdocs serve --dirty``: a rebuild writes again only what changed (:mod:`boligdialog.build.rebuild`)."""
_previous: rebuild.Snapshot | None = None
"""What the last finished build of this preview made."""
_indexer = search.Background(on_error=lambda message: log.error("%s", message))
"""Pagefind refreshing the preview's search index after a rebuild that kept pages."""


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build leaves navigation and links stale; this hook decides
    what to write again itself (:mod:`boligdialog.build.rebuild`), so the warning (which would
    stop a strict build) does not apply."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving, _dirty
    _serving = command == "serve"
    _dirty = _serving and dirty
    if _dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())


def _stop(reason: str) -> Abort:
    return Abort(tr("Build stopped: {reason}", reason=reason))


def on_config(config: Any) -> Any:
    global _build, _problems
    _build, _problems = None, None
    _indexer.cancel()  # this build writes the site folder again; it indexes it when done
    # Heading ids keep Danish words readable: "Deltog i møder" -> #deltog-i-moeder, not #deltog-i-mder.
    config.mdx_configs.setdefault("toc", {})["slugify"] = routes.slugify
    # The generated pages' HTML passes through Markdown unparsed (boligdialog/htmlblocks.py).
    config.markdown_extensions.append(htmlblocks.HtmlBlocks())
    root = Path(config.config_file_path).parent
    problem = translate.setting_problem()
    if problem:
        raise _stop(problem)
    try:
        now = schedule.build_time()
    except ValueError as exc:
        raise _stop(str(exc)) from None
    try:
        site_settings = settings.from_mkdocs(config.config_file_path, config.extra)
        words = settings.activate(root, site_settings)
        site = load_site(root, Path(config.docs_dir), today=now.date())
    except ValidationFailed as exc:
        if _serving:
            return _show_problems(config, exc.errors)
        for error in exc.errors:
            log.error(error.render())
        n = len(exc.errors)
        raise _stop(ntr("{n} problem in data or content (listed above).",
                        "{n} problems in data or content (listed above).", n, n=n)) from None
    if site.missing_english:
        log.info("%s\n  %s", ntr("{n} text exists only in Danish and is shown in Danish on English pages:",
                                 "{n} texts exist only in Danish and are shown in Danish on English pages:",
                                 len(site.missing_english), n=len(site.missing_english)),
                 "\n  ".join(site.missing_english))
    for notice in site.notices:  # INFO: a meeting that just passed must not stop the daily publish
        log.info("%s %s", tr("To record:"), notice)
    identity = Identity.from_settings(config.site_url, site_settings)
    content_dir = Path(os.path.relpath(config.docs_dir, root)).as_posix()
    changes = lastmod.Changes(site, lastmod.git_log(root), content_dir=content_dir, today=now.date())
    _build = _Build(site=site, now=now, identity=identity, changes=changes,
                    license=opendata.License.from_settings(site_settings),
                    repository=editlinks.Repository.from_settings(site_settings),
                    about=site_settings.about_open_data(words))
    return config


def _show_problems(config: Any, errors: list[DataError]) -> Any:
    """The preview with mistakes: build one page that lists them, and nothing else (no
    navigation, no theme templates, no search index), so the build succeeds and MkDocs's
    server shows that page at every address."""
    global _problems, _previous
    _problems, _previous = errors, None
    if _dirty:  # pages of the last build would hide the page of mistakes
        clean_directory(config.site_dir)
    log.info("%s\n  %s", ntr("{n} problem in data or content; the preview shows it on every page until it is fixed:",
                             "{n} problems in data or content; the preview shows them on every page until they "
                             "are fixed:", len(errors), n=len(errors)),
             "\n  ".join(e.render() for e in errors))  # INFO: a warning would stop the build under strict
    config.nav = None
    config.theme.static_templates.clear()
    return config


def on_files(files: Files, *, config: Any) -> Files:
    if _problems is not None:
        name = (config.extra.get("site_name") or {}).get(translate.language()) or config.site_name
        page = preview.problems_page(_problems, site_name=str(name))
        return Files([File.generated(config, preview.PAGE, content=page)])
    assert _build is not None
    for uri in _build.site.report_paths:
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)  # reports are shown on their meeting's page
    identity, site = _build.identity, _build.site
    site_url = identity.url
    plan = _plan(config)
    kept = plan.previous
    if kept is None:
        if _dirty:  # a page that no longer exists must not stay in the preview
            clean_directory(config.site_dir)
        package = outputs.open_data(site, identity=identity, license=_build.license, about=_build.about,
                                    created=_build.now,
                                    modified=_build.changes.data_changed(_build.now))
        made = {**outputs.calendars(site, site_url=site_url, stamp=_build.now, site_name=identity.name),
                **{routes.DATA_DIR + name: content for name, content in package.files.items()}}
        head = outputs.head_extras(site, identity=identity)
        generated = pages.generate(site, _build.today, site_url, preview=_serving)
        generated += [pages.open_data_page(package, lang, site_url) for lang in LANGS]
    else:
        made, head = dict(kept.outputs), dict(kept.head)
        generated = pages.regenerate(site, kept.pages, set(plan.changed))
    feeds = outputs.feeds(site, identity=identity)  # they quote reports and articles
    _build.head, _build.full = head, kept is None
    if _dirty:
        _build.snapshot = rebuild.Snapshot(plan.key, rebuild.bodies(site), generated, {**made, **feeds}, head)
        if kept is not None:
            _build.snapshot.carry_over(kept)
    taken = {f.dest_uri: f for f in files}
    for uri, content in {**made, **feeds}.items():
        _add(files, taken, File.generated(config, uri, content=content),
             keep=kept is not None and kept.outputs.get(uri) == content)
    before = {page.src_uri: page.markdown for page in kept.pages} if kept else {}
    for page in generated:
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        _add(files, taken, File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion),
             keep=before.get(page.src_uri) == page.markdown)
    if kept is not None:
        for file in files.documentation_pages():
            if file.generated_by is None and file.src_uri not in plan.changed:
                _keep(file)
    return files


def _plan(config: Any) -> rebuild.Plan:
    """Everything, or under ``mkdocs serve --dirty`` what changed since the last build."""
    assert _build is not None
    if not _dirty:
        return rebuild.Plan("", None)
    root = Path(config.config_file_path).parent
    key = rebuild.inputs_key(
        _build.site, files=[Path(config.config_file_path), *(root / data.path for data in DATA_FILES)],
        extra=[*rebuild.stamps([render.TEMPLATES, root / "overrides"]), config.site_url or "",
               _build.today.isoformat(), str(_build.changes.data_committed())])
    return rebuild.plan(_previous, key, _build.site)


def _keep(file: File) -> None:
    """Tell MkDocs's dirty build that the output of ``file`` is current (what it would write
    is what it wrote last time)."""
    file.is_modified = lambda: False  # type: ignore[method-assign]


def _add(files: Files, taken: dict[str, File], file: File, *, keep: bool = False) -> None:
    """Add a generated file (``keep``: its output from the last build is current). One that
    would replace another file is a gap in the checks (``Checker.outputs``): the build stops
    rather than lose an editor's file unseen."""
    existing = taken.get(file.dest_uri) or files.get_file_from_path(file.src_uri)
    if existing is not None:
        raise _stop(tr("the generated {output} would replace {source}.", output=file.dest_uri,
                       source=existing.src_uri))
    taken[file.dest_uri] = file
    files.append(file)
    if keep:
        _keep(file)


def on_page_read_source(*, page: Any, config: Any) -> str | None:
    """An editor's page as MkDocs must read it: the front matter that was validated, written
    out again, so MkDocs cannot read it differently (its YAML reads dates and drops what it
    cannot parse) or take a first line like ``Dato: 1. maj`` for metadata."""
    assert _build is not None
    content = _build.site.pages.get(page.file.src_uri)
    return pages.source_text(content) if content is not None else None


def on_nav(nav: Any, *, config: Any, files: Files) -> Any:
    if _problems is not None:
        return nav
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
    if not page.meta.get("description"):  # an editor's page without one: its first paragraph
        page.meta["description"] = describe.from_markdown(markdown) or _build.identity.description.get(lang).text
    title = page.meta.get("title")
    _build.meta[uri] = (title if isinstance(title, str) else None, page.meta["description"])
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


class _LocalConfig:
    """MkDocs's config as one page's templates see it: ``site_name`` in the page's language,
    and ``site_description`` (printed where a page has no description: the 404 pages) too.

    Material prints ``config.site_name`` in the header, the navigation and ``<title>``; this
    gives each page its language's name without copying those templates."""

    def __init__(self, config: Any, *, site_name: str, site_description: str) -> None:
        self._config = config
        self.site_name = site_name
        self.site_description = site_description

    def __getattr__(self, key: str) -> Any:
        return getattr(self._config, key)

    def __getitem__(self, key: str) -> Any:
        if key in ("site_name", "site_description"):
            return getattr(self, key)
        return self._config[key]


def _context(context: dict, *, lang: Lang, config: Any, urls: dict[str, str], uri: str) -> dict:
    """What our templates add to a page's context (``bd``), and the site's name in ``lang``."""
    assert _build is not None
    s = strings(lang)
    error_page = uri in ERROR_PAGES
    context["config"] = _LocalConfig(
        config, site_name=_build.identity.name.get(lang).text,
        site_description=s["not_found_text"] if error_page else _build.identity.description.get(lang).text)
    context["bd"] = {
        "lang": lang,
        "s": s,
        "alternates": [{"lang": code, "name": LANGUAGE_NAMES[code], "url": urls[code]} for code in LANGS],
        "other": next(code for code in LANGS if code != lang),
        "search_url": routes.url_of(routes.src_uri(lang, routes.SEARCH)),
        "search_bundle": routes.search_bundle(lang),
        "is_search": uri == routes.src_uri(lang, routes.SEARCH),
        "section": routes.nav_entry(uri),
        "feed_url": routes.feed(lang),
        "open_data_url": routes.url_of(routes.src_uri(lang, routes.OPEN_DATA)),
        "home_url": routes.url_of(routes.src_uri(lang, "index.md")),
        "head": _build.head.get(uri, ""),
        "og": [],
        "error_page": error_page,
        "edit_url": None,
    }
    return context


def on_page_context(context: dict, *, page: Any, config: Any, nav: Any) -> dict:
    assert _build is not None
    uri = page.file.src_uri
    lang = lang_of(uri)
    context["nav"] = _build.navs[lang]
    counterpart = counterpart_uri(uri)
    context = _context(context, lang=lang, config=config, uri=uri,
                       urls={lang: page.url, lang_of(counterpart): routes.url_of(counterpart)})
    title, description = _build.meta[uri]
    danish = routes.danish_uri(uri)
    repository = _build.repository
    where = editlinks.source(uri, _build.site) if repository else None
    context["bd"]["edit_url"] = repository.link(where) if repository and where else None
    context["bd"]["og"] = opengraph.properties(
        title=title or Markup(page.title or "").striptags(), description=description,
        url=page.canonical_url, lang=lang, site_name=context["config"].site_name,
        article=danish.startswith(routes.NEWS_DIR) and danish != routes.NEWS,
    )
    return context


def on_template_context(context: dict, *, template_name: str, config: Any) -> dict:
    """The sitemap gets each page's last change; the 404 pages their language's context, and
    links from the site's root, as a host serves them at any missing address."""
    assert _build is not None
    if template_name == "sitemap.xml":
        context["bd_lastmod"] = {f.src_uri: day.isoformat() for f in context["pages"]
                                 if (day := _build.changes.of(f.src_uri))}
    elif template_name in ERROR_PAGES:
        lang = ERROR_PAGES[template_name]
        context["base_url"] = urlsplit(config.site_url or "/").path
        context = _context(context, lang=lang, config=config, uri=template_name,
                           urls={ERROR_PAGES[name]: name for name in ERROR_PAGES})
        other = context["bd"]["other"]
        context["bd"] |= {"s_other": strings(other), "other_home_url": routes.url_of(routes.src_uri(other, "index.md"))}
    return context


def on_env(env: Any, *, config: Any, files: Files) -> Any:
    """The theme's templates, compiled once and kept between builds like ours (``render.compiled_templates``)."""
    env.bytecode_cache = render.compiled_templates()
    return env


def on_serve(server: Any, *, config: Any, builder: Any) -> Any:
    """``mkdocs serve`` also rebuilds when a template of the generator changes (Jinja reloads
    a changed template by itself; the hooks' Python code is not reloaded)."""
    server.watch(str(render.TEMPLATES))
    return server


def on_post_page(output: str, *, page: Any, config: Any) -> str:
    assert _build is not None
    snapshot, uri = _build.snapshot, page.file.src_uri
    if snapshot is not None:  # the preview: what later rebuilds check links to headings against
        _build.written.add(uri)
        snapshot.anchors[uri] = frozenset(page.present_anchor_ids or ())
        snapshot.links[uri] = tuple(rebuild.Link(uri, target.src_uri, anchor, written)
                                    for target, anchors in (page.links_to_anchors or {}).items()
                                    for anchor, written in anchors.items() if target.src_uri != uri)
    memory.forget_page(page)
    return output


def on_post_build(*, config: Any) -> None:
    """Index the built site for search: a Pagefind bundle per language (:mod:`boligdialog.outputs.search`).
    After a preview rebuild that kept pages, the rebuilt pages are served at once and the
    index follows in the background (a newer rebuild stops it and starts again)."""
    global _previous
    if _problems is not None:
        return
    assert _build is not None
    if _build.full:
        memory.release()  # before Pagefind: the two used to hold their memory at once
        try:
            search.index_site(Path(config.site_dir))
        except search.IndexFailed as exc:
            raise Abort(str(exc)) from None
    else:
        assert _build.snapshot is not None
        for link in rebuild.broken_links(_build.snapshot, _build.written):  # as MkDocs words it
            log.log(config.validation.links.anchors, "Doc file '%s' contains a link '%s', but the doc '%s' does not "
                    "contain an anchor '#%s'.", link.source, link.written, link.target, link.anchor)
        _indexer.start(Path(config.site_dir))
    if _dirty:
        _previous = _build.snapshot


def on_build_error(*, error: Exception) -> None:
    """A build that stopped may have written nothing: the next rebuild makes everything."""
    global _previous
    _previous = None
