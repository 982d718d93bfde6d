"""A rendered fragment (one template's HTML) inside a minimal valid page with the site's
styles, checked as the built pages are: axe-core in Debian's Chromium on a phone's width,
with a look at the page as printed, and the Nu Html Checker.

For the parts the pages are made of (the comparison of two versions, the membership
timeline), so that they are known to pass before a page shows them. Tools are found, or
reported missing (skip, or fail under ``CI=true``), as in ``browser.py``.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from browser import (AXE_JS, CHROMIUM_ARGS, ROOT, block_other_hosts, chromium_path, require, run_axe, serve,
                     start_playwright)
from test_browser_html import run_vnu, vnu_command

PHONE = {"width": 375, "height": 800}
"""The narrowest common phone screen, in CSS pixels."""
SITE_CSS = ROOT / "boligdialog" / "adapter" / "theme" / "assets" / "boligdialog" / "site.css"

# Material makes <html> a scrolling box; a page of the site always has links in it (axe's
# scrollable-region-focusable wants something focusable there), so this one has one too.
PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title>
{links}
</head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">
<article class="md-content__inner md-typeset">
<p><a href="{name}.html">{title}</a></p>
<h1>{title}</h1>
{fragment}
</article>
</div></div></main></div>
</body>
</html>
"""


def stylesheets() -> list[Path]:
    """Material's stylesheets (as the site loads them) and the site's own, last."""
    import material

    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    return [*sorted(folder.glob("main.*.min.css")), *sorted(folder.glob("palette.*.min.css")), SITE_CSS]


def write_page(folder: Path, name: str, *, lang: str, title: str, fragment: str) -> Path:
    """``folder/name.html``: the fragment in a page of the site's shape, styles beside it."""
    links = []
    for css in stylesheets():
        shutil.copyfile(css, folder / css.name)
        links.append(f'<link rel="stylesheet" href="{css.name}">')
    page = folder / f"{name}.html"
    page.write_text(PAGE.format(lang=lang, title=title, name=name, links="\n".join(links), fragment=fragment),
                    encoding="utf-8")
    return page


@dataclass
class Seen:
    """What the browser saw of one page at a phone's width."""

    violations: list[str]
    """axe-core's WCAG 2.0/2.1 A and AA violations, one line per element."""
    page_width: int
    """The page's scroll width: more than the screen's means the whole page scrolls sideways."""
    probe: Any
    """What the caller's script returned, on screen."""
    printed: Any
    """What the caller's script returned with the print styles applied."""


def look(pages: list[Path], probe: str) -> dict[str, Seen]:
    """Open each page (all in one folder) in Chromium at a phone's width, run axe-core, and
    run the JavaScript function ``probe`` on screen and as printed."""
    require(AXE_JS.is_file(), f"axe-core ({AXE_JS})")
    executable = chromium_path()
    require(executable is not None, "Chromium (Debian package chromium)")
    playwright = start_playwright()
    # Playwright's sync API runs one instance a thread, and test_browser.py's browser for the
    # whole session may be running in this one: these pages get a thread of their own.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(_look, playwright, executable, pages, probe).result()


def _look(playwright: Any, executable: str, pages: list[Path], probe: str) -> dict[str, Seen]:
    seen = {}
    with playwright as started, serve(pages[0].parent) as base:
        browser = started.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=PHONE)
        block_other_hosts(context, base)
        try:
            page = context.new_page()
            for file in pages:
                page.emulate_media(media="screen")
                page.goto(base + file.name, wait_until="load")
                violations = [f"{file.name}: {v['id']} ({v['help']}) at {n['target']}: {n['summary']}"
                              for v in run_axe(page) for n in v["nodes"]]
                width = page.evaluate("() => document.documentElement.scrollWidth")
                on_screen = page.evaluate(probe)
                page.emulate_media(media="print")
                seen[file.name] = Seen(violations, width, on_screen, page.evaluate(probe))
        finally:
            browser.close()
    return seen


def vnu_errors(pages: list[Path]) -> list[str]:
    """The Nu Html Checker's errors on the pages, one line each."""
    return [f"{Path(e['url']).name}:{e.get('lastLine')}: {e['message']}" for e in run_vnu(vnu_command(), pages)]
