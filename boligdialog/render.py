"""Render HTML fragments from the templates in ``boligdialog/templates``.

The environment autoescapes everything: a value from YAML or front matter can
only reach HTML escaped. Links are made relative to the page being rendered, so
the site works from any folder and any host.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from . import choices, i18n, routes
from .values import Lang


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("boligdialog", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        label=choices.label,
        format_partial=i18n.format_partial,
        format_when=i18n.format_when,
        routes=routes,
    )
    return env


def render(template: str, *, lang: Lang, page_uri: str, **context: Any) -> str:
    """Render ``template`` for the page at ``page_uri`` (a source path like ``moeder/x.md``)."""
    page_url = routes.url_of(page_uri)

    def url(target_uri: str) -> str:
        """Relative link to the page with source path ``target_uri`` (``#fragment`` allowed)."""
        path, _, fragment = target_uri.partition("#")
        to = routes.url_of(path) if path.endswith(".md") else path
        return routes.relative(page_url, to + (f"#{fragment}" if fragment else ""))

    tpl = environment().get_template(template)
    html = tpl.render(lang=lang, s=i18n.strings(lang), url=url, **context)
    # Python-Markdown ends a raw HTML block at a blank line; keep the fragment whole.
    return "\n".join(line for line in html.splitlines() if line.strip())
