"""Render HTML fragments from the templates in ``boligdialog/templates``.

The environment autoescapes everything: a value from YAML or front matter can
only reach HTML escaped. Links are made relative to the page being rendered, so
the site works from any folder and any host.

One convention for every template: the code passes records (a meeting, a partner,
lists it has ordered or grouped) and the :class:`~boligdialog.site.sitedata.Site`; the
template looks ids up with ``site.partner(id)``, ``site.meeting(id)`` … and makes
every link itself, with ``url(routes.…)`` (relative to the page) or
``absolute(routes.…)``. No code passes a URL or a lookup table into a template.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from boligdialog.model import choices
from boligdialog.pages import compare, htmlblocks
from boligdialog.site import i18n, routes
from boligdialog.site.sitedata import Site
from boligdialog.model.values import Lang

TEMPLATES = Path(__file__).parent / "templates"
"""The folder the templates are loaded from (``mkdocs serve`` watches it)."""

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def md_escape(text: str) -> str:
    """Escape text for Markdown: HTML first, then Markdown's own characters."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


@lru_cache(maxsize=1)
def compiled_templates() -> BytecodeCache:
    """Jinja's cache of compiled templates, kept between builds in the system's temporary
    folder (``_jinja2-cache-<user id>``, made private to the user by Jinja). Each entry is
    keyed by its template's source, so a changed template is compiled again. Compiling our
    templates and the theme's was about 6% of a build at 200 meetings."""
    return FileSystemBytecodeCache()


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        bytecode_cache=compiled_templates(),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        label=choices.label,
        format_partial=i18n.format_partial,
        format_when=i18n.format_when,
        file_type=i18n.file_type,
        routes=routes,
    )
    env.filters["md_escape"] = lambda text: Markup(md_escape(str(text)))
    env.filters["shaped"] = compare.shaped
    env.filters["slug"] = routes.slugify
    return env


def render(template: str, *, lang: Lang, page_uri: str, site: Site | None = None, site_url: str | None = None,
           **context: Any) -> str:
    """Render ``template`` for the page at ``page_uri`` (a source path like ``moeder/x.md``).

    ``site`` is there for lookups, ``site_url`` for ``absolute()``; ``context`` holds the
    records the template shows.
    """
    page_url = routes.url_of(page_uri)

    def url(target_uri: str) -> str:
        """Relative link to the page with source path ``target_uri`` (``#fragment`` allowed)."""
        path, _, fragment = target_uri.partition("#")
        to = routes.url_of(path) if path.endswith(".md") else path
        return routes.relative(page_url, to + (f"#{fragment}" if fragment else ""))

    def absolute(target_uri: str) -> str:
        """The full address of a page or file, to show or copy."""
        if site_url is None:
            raise TypeError(f"{template}: absolute() needs render(..., site_url=...)")
        return routes.absolute(site_url, target_uri)

    tpl = environment().get_template(template)
    html_text = tpl.render(lang=lang, s=i18n.strings(lang), url=url, absolute=absolute, site=site, **context)
    # No blank lines: after one, Python-Markdown reads an indented line that starts a new HTML
    # block as code. The fragment stays one run of HTML blocks.
    return "\n".join(line for line in html_text.splitlines() if line.strip())


def block(template: str, **kwargs: Any) -> str:
    """:func:`render` as a block of a page's Markdown: headings in Markdown, the rest as HTML
    that Markdown passes through unparsed (:mod:`boligdialog.pages.htmlblocks`)."""
    return htmlblocks.embed(render(template, **kwargs))
