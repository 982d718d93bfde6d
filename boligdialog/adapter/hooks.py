"""MkDocs events, adapted to the ``boligdialog`` package: the generator as MkDocs runs it.

A site's hook file (``hooks/site.py``) takes its events from :func:`events`, one
:class:`Generator` per loaded hook file, which holds all the state between events. Each build
starts from nothing in ``on_config`` (``mkdocs serve`` keeps the hook file loaded between
rebuilds), loads and validates all data once (:class:`~boligdialog.build.state.Build`), and
hands plain values to the page registry (:mod:`boligdialog.pages.registry`), the page
composition (:mod:`boligdialog.build.compose`) and the templates' view
(:mod:`boligdialog.build.context`).

Mistakes in data or content stop ``mkdocs build``. Under ``mkdocs serve`` the build makes,
instead of the site, one page that lists them (:mod:`boligdialog.editors.preview`), so the
browser shows them and the site comes back by itself once they are fixed.

Under ``mkdocs serve --dirty`` (``make serve``) a rebuild after an edit of a page's text
makes and writes again only what that text changes (:mod:`boligdialog.build.rebuild`), and
Pagefind refreshes the search index in the background.

The theme (:data:`THEME`: Material's templates that the site overrides, its styles and
scripts) comes with the package: ``on_config`` puts it after the site's own ``custom_dir``
(which wins, template by template) and before Material's.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import clean_directory

from boligdialog.adapter import anchorlinks, navigation
from boligdialog.build import compose, context as view, memory, rebuild
from boligdialog.build.state import Build
from boligdialog.editors import preview
from boligdialog.model import translate
from boligdialog.model.errors import DataError, ValidationFailed
from boligdialog.model.translate import ntr, tr
from boligdialog.outputs import calendar, opendata, search
from boligdialog.pages import editlinks, htmlblocks, registry, render
from boligdialog.pages.page import source_text
from boligdialog.site import lastmod, routes, schedule, settings
from boligdialog.site.identity import Identity
from boligdialog.site import load
from boligdialog.site.load import load_with_settings
from boligdialog.site.routes import counterpart_uri, lang_of
from boligdialog.site.sitedata import Site
from boligdialog.model.values import Lang

log = logging.getLogger("mkdocs.hooks.boligdialog")

THEME = Path(__file__).with_name("theme")
"""The theme's templates and files: Material's templates the generator overrides, its styles,
scripts and logo, the sitemap and ``robots.txt``."""
STATIC_TEMPLATES = ("en/404.html", "robots.txt")
"""Templates of :data:`THEME` rendered once each as a file of their own (the Danish 404 page
is Material's ``404.html``)."""
SITEMAP = "sitemap.xml"
"""MkDocs's template of the sitemap (it writes ``sitemap.xml.gz`` with it)."""


def events() -> dict[str, Callable[..., Any]]:
    """The MkDocs events of a new :class:`Generator`, by name (``on_config`` …): what a hook
    file puts in its globals for MkDocs to find."""
    generator = Generator()
    return {name: getattr(generator, name) for name in dir(Generator) if name.startswith("on_")}


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build leaves navigation and links stale; the generator decides
    what to write again itself (:mod:`boligdialog.build.rebuild`), so the warning (which would
    stop a strict build) does not apply."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def _stop(reason: str) -> Abort:
    return Abort(tr("Build stopped: {reason}", reason=reason))


class Generator:
    """The generator's state between MkDocs events, and the events themselves."""

    def __init__(self) -> None:
        self.serving = False
        """``mkdocs serve`` (set once, in ``on_startup``): mistakes are shown in the browser."""
        self.dirty = False
        """``mkdocs serve --dirty``: a rebuild writes again only what changed."""
        self.problems: list[DataError] | None = None
        """The mistakes found by this build of the preview, which then shows only them."""
        self.previous: rebuild.Snapshot | None = None
        """What the last finished build of this preview made."""
        self.generated: dict[str, File] = {}
        """MkDocs's file of each page and file the last build of this preview generated, by source
        path: a rebuild that keeps one hands MkDocs the same file again (:func:`_reuse`)."""
        self.indexer = search.Background(on_error=lambda message: log.error("%s", message))
        """Pagefind refreshing the preview's search index after a rebuild that kept pages."""
        self.collector = memory.Collector()
        """The preview's full garbage collection, between rebuilds rather than in them."""
        self.build: Build | None = None
        """The build under way (from ``on_config``)."""
        self.anchor_warnings: anchorlinks.AnchorWarnings | None = None
        """Words MkDocs's warnings about links to missing headings for editors, during a build."""

    @property
    def current(self) -> Build:
        assert self.build is not None, "on_config loads the build"
        return self.build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = self.serving and dirty
        if self.dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())

    def on_config(self, config: Any) -> Any:
        self.build, self.problems = None, None
        self.indexer.cancel()  # this build writes the site folder again; it indexes it when done
        if self.dirty:
            self.collector.building()
            if self.previous is not None:  # most likely a rebuild that keeps pages (on_files decides)
                self.collector.partial()
        elif not self.serving:
            self.collector.loading()
        _configure(config)
        try:
            self.build = self._load(config)
        except ValidationFailed as exc:
            if not self.serving:
                raise _stop(_report(exc.errors)) from None
            self._show_problems(config, exc.errors)
        return config

    def _load(self, config: Any) -> Build:
        """Load and check the site, and read the generator's settings from ``mkdocs.yml``."""
        root = Path(config.config_file_path).parent
        config_bytes = Path(config.config_file_path).read_bytes()  # MkDocs read it just now: the same, or newer
        now = _build_time()
        site_settings, words, site = load_with_settings(
            root, lambda: settings.from_mkdocs(config.config_file_path, config.extra, config.site_url),
            Path(config.docs_dir), today=now.date())
        _notices(site)
        if overdue := site_settings.statement_overdue(now.date()):
            log.info("%s %s", tr("To record:"), overdue)
        changes = lastmod.Changes(site, lastmod.git_log(root), content_dir=_content_folder(config), today=now.date())
        return Build(site=site, now=now, config=config_bytes,
                     identity=Identity.from_settings(config.site_url, site_settings),
                     changes=changes, license=opendata.License.from_settings(site_settings),
                     repository=editlinks.Repository.from_settings(site_settings),
                     about=site_settings.about_open_data(words), sender=site_settings)

    def _show_problems(self, config: Any, errors: list[DataError]) -> None:
        """The preview with mistakes: build one page that lists them, and nothing else (no
        navigation, no theme templates, no search index), so the build succeeds and MkDocs's
        server shows that page at every address."""
        self.problems, self.previous, self.generated = errors, None, {}
        if self.dirty:  # pages of the last build would hide the page of mistakes
            clean_directory(config.site_dir)
        log.info("%s\n  %s", ntr("{n} problem in data or content; the preview shows it on every page until it is "
                                 "fixed:", "{n} problems in data or content; the preview shows them on every page "
                                 "until they are fixed:", len(errors), n=len(errors)),
                 "\n  ".join(e.render() for e in errors))  # INFO: a warning would stop the build under strict
        config.nav = None
        config.theme.static_templates.clear()

    def on_files(self, files: Files, *, config: Any) -> Files:
        if self.problems is not None:
            name = (config.extra.get("site_name") or {}).get(translate.language()) or config.site_name
            return Files([File.generated(config, preview.PAGE, content=preview.problems_page(self.problems,
                                                                                          site_name=str(name)))])
        build = self.current
        plan = self._plan(config)
        if plan.full and self.dirty:  # a page that no longer exists must not stay in the preview
            clean_directory(config.site_dir)
            self.collector.full()
        if plan.bodies_only and (Path(config.site_dir) / SITEMAP).is_file():
            config.theme.static_templates.discard(SITEMAP)  # the same pages on the same days: the last one is current
        made = rebuild.make(build.inputs(preview=self.serving, kept=plan.previous), plan)
        shown = build.shown(made, [*(p.src_uri for p in made.pages),
                                   *(uri for uri in build.site.pages if uri not in build.site.report_paths)], plan) \
            if self.dirty else {}
        build.record(made, plan, shown, snapshot=self.dirty)
        if made.kept is not None:
            _remove(Path(config.site_dir), made.gone())
        generated = _add_made(files, config, made, build.site, shown, self.generated if made.kept else {})
        self.generated = generated if self.dirty else {}
        self._watch_anchor_links(files, config)
        return files

    def _watch_anchor_links(self, files: Files, config: Any) -> None:
        """Until the build ends, MkDocs's warning about a link to a missing heading names the
        editor's file and line (:mod:`boligdialog.adapter.anchorlinks`)."""
        build, folder = self.current, _content_folder(config)

        def lookup(link: anchorlinks.Link) -> tuple[frozenset[str], dict[str, tuple[int, str]]]:
            target = files.get_file_from_path(link.target)
            rendered = target.page.present_anchor_ids if target is not None and target.page is not None else None
            kept = build.snapshot.anchors.get(link.target, frozenset()) if build.snapshot is not None else frozenset()
            return frozenset(rendered if rendered is not None else kept), anchorlinks.texts(
                build.site.pages, link.source, folder, registry.texts_shown(build.site, build.groups, link.source))

        self._unwatch_anchor_links()
        self.anchor_warnings = anchorlinks.AnchorWarnings(lookup)
        self.anchor_warnings.install()

    def _unwatch_anchor_links(self) -> None:
        if self.anchor_warnings is not None:
            self.anchor_warnings.remove()
            self.anchor_warnings = None

    def _plan(self, config: Any) -> rebuild.Plan:
        """Everything, or under ``mkdocs serve --dirty`` what changed since the last build."""
        if not self.dirty:
            return rebuild.Plan("")
        build = self.current
        return rebuild.decide(self.previous, build.site, config=build.config,
                              template_dirs=_template_dirs(config), site_url=config.site_url or "",
                              committed=build.changes.data_committed())

    def on_page_read_source(self, *, page: Any, config: Any) -> str | None:
        """An editor's page as MkDocs must read it: the front matter that was validated, written
        out again, so MkDocs cannot read it differently (its YAML reads dates and drops what it
        cannot parse) or take a first line like ``Dato: 1. maj`` for metadata."""
        content = self.current.site.pages.get(page.file.src_uri)
        return source_text(content) if content is not None else None

    def on_nav(self, nav: Any, *, config: Any, files: Files) -> Any:
        if self.problems is None:
            try:
                self.current.navs = navigation.split(nav)
            except ValueError as exc:
                raise Abort(f"Build stopped: {exc}") from None
            if not self.serving:
                self.collector.loaded()
        return nav

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Files) -> str:
        build, uri = self.current, page.file.src_uri
        default = build.identity.description.get(lang_of(uri)).text
        build.meta[uri] = compose.settle_meta(page.meta, markdown, default_description=default)
        return compose.compose(build.site, uri, markdown)

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Files) -> str:
        """Keep the page's HTML compressed until its template is rendered, and drop its Markdown
        (MkDocs makes every page's HTML before it renders any template: :mod:`boligdialog.build.memory`)."""
        self.current.packed[page.file.src_uri] = memory.pack(html)
        memory.forget_source(page)
        return ""

    def on_page_context(self, context: dict, *, page: Any, config: Any, nav: Any) -> dict:
        build, uri = self.current, page.file.src_uri
        page.content = memory.unpack(build.packed.pop(uri))
        lang, counterpart = lang_of(uri), counterpart_uri(uri)
        context["nav"] = build.navs[lang]
        _localize(context, build, config, lang, uri)
        urls = {lang: page.url, lang_of(counterpart): routes.url_of(counterpart)}
        title, description = build.meta[uri]
        context["bd"] = view.view(lang=lang, uri=uri, urls=urls, head=build.head.get(uri, "")) | view.page_extras(
            build.site, uri, title=title, page_title=page.title, description=description, url=page.canonical_url,
            site_name=context["config"].site_name, repository=build.repository, changed=build.changes.of(uri)) | {
            "sender": view.sender(build.sender, lang)}
        return context

    def on_template_context(self, context: dict, *, template_name: str, config: Any) -> dict:
        """The sitemap gets each page's last change; the 404 pages their language's context, and
        links from the site's root, as a host serves them at any missing address."""
        build = self.current
        if template_name == SITEMAP:
            context["bd_lastmod"] = build.lastmods(f.src_uri for f in context["pages"])
        elif template_name in view.ERROR_PAGES:
            context["base_url"] = urlsplit(config.site_url or "/").path
            _localize(context, build, config, view.ERROR_PAGES[template_name], template_name)
            context["bd"] = view.error_page_view(template_name) | {
                "sender": view.sender(build.sender, view.ERROR_PAGES[template_name])}
        return context

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        """The theme's templates, compiled once and kept between builds like ours (``render.compiled_templates``)."""
        env.bytecode_cache = render.compiled_templates()
        return env

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        """``mkdocs serve`` also rebuilds when a template of the generator or of its theme
        changes (Jinja reloads a changed template by itself; the Python code is not reloaded),
        and hears of an edit in a watched folder at once (:mod:`boligdialog.adapter.watching`)."""
        from boligdialog.adapter import watching   # watchdog only for the preview, not for mkdocs build
        server.watch(str(render.TEMPLATES))
        server.watch(str(THEME))
        watching.hear_at_once(server)
        return server

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        links = ((target.src_uri, anchor, written) for target, anchors in (page.links_to_anchors or {}).items()
                 for anchor, written in anchors.items())
        self.current.wrote(page.file.src_uri, page.present_anchor_ids or (), links)
        memory.forget_page(page)
        return output

    def on_post_build(self, *, config: Any) -> None:
        """Index the built site for search: a Pagefind bundle per language (:mod:`boligdialog.outputs.search`).
        After a preview rebuild that kept pages, the rebuilt pages are served at once and the
        index follows in the background (a newer rebuild stops it and starts again)."""
        if self.dirty:
            self.collector.built()
        if self.problems is not None:
            return
        build = self.current
        if build.full and not self.dirty:  # nothing of it is kept for a next build: drop it before Pagefind
            self._unwatch_anchor_links()
            self.build = None
            load.forget()
            calendar.forget()
            _index(Path(config.site_dir))
            return
        if build.full:
            _index(Path(config.site_dir))
        else:
            assert build.snapshot is not None
            for link in rebuild.broken_links(build.snapshot, build.written):  # as MkDocs words it
                log.log(config.validation.links.anchors, "Doc file '%s' contains a link '%s', but the doc '%s' does "
                        "not contain an anchor '#%s'.", link.source, link.written, link.target, link.anchor)
            self.indexer.start(Path(config.site_dir))
        self._unwatch_anchor_links()
        if self.dirty:
            self.previous = build.snapshot

    def on_build_error(self, *, error: Exception) -> None:
        """A build that stopped may have written nothing: the next rebuild makes everything."""
        self.previous, self.generated = None, {}
        self._unwatch_anchor_links()
        if self.dirty:
            self.collector.built()
        elif not self.serving:
            self.collector.stopped()


def _configure(config: Any) -> None:
    """What the generator sets in MkDocs's config: Markdown's heading ids and raw HTML blocks,
    and the theme's folder and static templates."""
    # Heading ids keep Danish words readable: "Deltog i møder" -> #deltog-i-moeder, not #deltog-i-mder.
    config.mdx_configs.setdefault("toc", {})["slugify"] = routes.slugify
    # The generated pages' HTML passes through Markdown unparsed (boligdialog/pages/htmlblocks.py).
    config.markdown_extensions.append(htmlblocks.HtmlBlocks())
    theme = config.theme
    if str(THEME) not in theme.dirs:  # the site's custom_dir first (it wins), then ours, then Material's
        theme.dirs.insert(1 if theme.custom_dir else 0, str(THEME))
    theme.static_templates.update(STATIC_TEMPLATES)
    problem = translate.setting_problem()
    if problem:
        raise _stop(problem)


def _content_folder(config: Any) -> str:
    """The editors' folder (``docs_dir``) as a path from the project's root: ``content``."""
    return Path(os.path.relpath(config.docs_dir, Path(config.config_file_path).parent)).as_posix()


def _template_dirs(config: Any) -> list[Path]:
    """The folders of templates a page's HTML depends on (for the rebuild's fingerprint)."""
    custom = config.theme.custom_dir
    return [render.TEMPLATES, THEME, *([Path(custom)] if custom else [])]


def _build_time() -> dt.datetime:
    try:
        return schedule.build_time()
    except ValueError as exc:
        raise _stop(str(exc)) from None


def _report(errors: list[DataError]) -> str:
    """Log every mistake; the reason the build stopped."""
    for error in errors:
        log.error(error.render())
    n = len(errors)
    return ntr("{n} problem in data or content (listed above).", "{n} problems in data or content (listed above).",
               n, n=n)


def _notices(site: Site) -> None:
    if site.missing_english:
        log.info("%s\n  %s", ntr("{n} text exists only in Danish and is shown in Danish on English pages:",
                                 "{n} texts exist only in Danish and are shown in Danish on English pages:",
                                 len(site.missing_english), n=len(site.missing_english)),
                 "\n  ".join(site.missing_english))
    for notice in site.notices:  # INFO: a meeting that just passed must not stop the daily publish
        log.info("%s %s", tr("To record:"), notice)


def _remove(site_dir: Path, gone: list[str]) -> None:
    """Remove from the preview's folder what the last build wrote and this one does not make
    (source paths of pages, paths of files), and the folders that leaves empty."""
    for uri in gone:
        path = site_dir / routes.output_path(uri)
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def _add_made(files: Files, config: Any, made: rebuild.Made, site: Site, shown: dict[str, rebuild.Shown],
              kept: dict[str, File]) -> dict[str, File]:
    """Add what the build made to MkDocs's files, and tell a dirty build which outputs are
    current; ``kept``: the files the last build generated, for those that are current. The
    files generated, by source path."""
    for uri in site.not_built:
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)  # reports are shown on their meeting's page; empty news wait
    taken = {f.dest_uri: f for f in files}
    generated: dict[str, File] = {}
    for uri, content in made.files.items():
        keep = made.unchanged_file(uri, content)
        generated[uri] = _reuse(kept, uri, config, InclusionLevel.UNDEFINED, keep) \
            or File.generated(config, uri, content=content)
        _add(files, taken, generated[uri], keep=keep)
    for page in made.pages:
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        keep = made.unchanged_page(page, shown.get(page.src_uri))
        generated[page.src_uri] = _reuse(kept, page.src_uri, config, inclusion, keep) \
            or File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
        _add(files, taken, generated[page.src_uri], keep=keep)
    if made.kept is not None:
        for file in files.documentation_pages():
            if file.generated_by is None:
                _keep(file, made.unchanged_text(file.src_uri, shown.get(file.src_uri)))
    return generated


def _reuse(kept: dict[str, File], uri: str, config: Any, inclusion: InclusionLevel, current: bool) -> File | None:
    """The last build's file of the generated page or file ``uri``, if its output is ``current``
    (the same content: MkDocs neither reads nor writes it), made for the same site folder and
    URLs, and in the navigation as before: making MkDocs's files again was about 0.15 s of a
    rebuild at 2,000 meetings. MkDocs makes the page of a documentation file again when ``page`` is
    empty."""
    file = kept.get(uri)
    if not current or file is None or file.dest_dir != config.site_dir \
            or file.use_directory_urls != config.use_directory_urls:
        return None
    if inclusion is not InclusionLevel.UNDEFINED and file.inclusion != inclusion:
        return None  # (MkDocs sets an undefined one from mkdocs.yml, which is the same: the plan's key)
    file.page = None
    return file


def _keep(file: File, current: bool = True) -> None:
    """Tell MkDocs's dirty build whether the output of ``file`` is ``current`` (what it would
    write is what it wrote last time); MkDocs's own test, the times of the source and the
    output, does not know what an editor's page shows of the data."""
    file.is_modified = lambda: not current  # type: ignore[method-assign]


def _add(files: Files, taken: dict[str, File], file: File, *, keep: bool = False) -> None:
    """Add a generated file (``keep``: its output from the last build is current). One that
    would replace another file is a gap in the checks (``Checker.outputs``): the build stops
    rather than lose an editor's file unseen."""
    existing = taken.get(file.dest_uri) or files.src_uris.get(file.src_uri)  # a generated src_uri is POSIX already
    if existing is not None:
        raise _stop(tr("the generated {output} would replace {source}.", output=file.dest_uri,
                       source=existing.src_uri))
    taken[file.dest_uri] = file
    files.append(file)
    if keep:
        _keep(file)


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


def _localize(context: dict, build: Build, config: Any, lang: Lang, uri: str) -> None:
    """The site's name and description in ``lang``, where Material's templates print them."""
    name, description = view.names(build.identity, lang, uri)
    context["config"] = _LocalConfig(config, site_name=name, site_description=description)


def _index(site_dir: Path) -> None:
    memory.release()  # before Pagefind: the two used to hold their memory at once
    try:
        search.index_site(site_dir)
    except search.IndexFailed as exc:
        raise Abort(str(exc)) from None
