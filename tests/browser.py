"""The browser gates' machinery: the built site on loopback, Debian's Chromium driven by
Playwright, axe-core and the Nu Html Checker, and one visit per page that records what a
citizen's browser did there.

Tools are found here or reported missing in one place (``require``): on a developer's
machine without them the browser tests skip with the reason; under ``CI=true`` a missing
tool fails the run. ``make tools`` installs axe-core and vnu from npm into ``.tools/``.
"""

from __future__ import annotations

import functools
import gzip
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = Path(os.environ.get("BOLIGDIALOG_TOOLS", ROOT / ".tools" / "node_modules"))
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
"""WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 adds AA's target size, rule target-size)."""
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
"""The window sizes every page is checked at: a phone, and a desktop."""

# Playwright starts Chromium headless with a fresh temporary --user-data-dir of its own;
# these are the other flags, so the browser itself makes no requests of its own.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
INSTALL_HINT = "run `make tools` (npm) and install Debian's chromium, default-jre-headless and w3m, as .ci/run does"


def in_ci() -> bool:
    """True on CI, where a missing tool is a failure, not a reason to skip."""
    return os.environ.get("CI", "").lower() == "true"


def require(available: bool, what: str, hint: str = INSTALL_HINT) -> None:
    """Skip (on a developer's machine) or fail (under CI=true) when a tool is missing."""
    if available:
        return
    message = f"{what} is missing: {hint}"
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)


def start_playwright() -> Any:
    """Playwright's sync API, started (a context manager), or skip/fail without Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright (the test extra: pip install -e '.[test]')")
        raise
    return sync_playwright()


def chromium_path() -> str | None:
    """Debian's Chromium (``chromium`` on the PATH), or the browser named by $BOLIGDIALOG_CHROMIUM."""
    return shutil.which(os.environ.get("BOLIGDIALOG_CHROMIUM") or "chromium")


def java_path() -> str | None:
    return shutil.which("java")


def gzip_size(body: bytes) -> int:
    """Bytes on the wire if the server compresses: gzip level 6, or the raw size if smaller
    (a server sends PNG, WOFF2 and Pagefind's already compressed files as they are)."""
    return min(len(body), len(gzip.compress(body, compresslevel=6)))


# --- the site on loopback -----------------------------------------------------------------

class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib's name)
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yields the base URL (ends in /)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


FORWARDING_PAGES = ("was/",)
"""Pages of their own that only forward (``/was``, to the accessibility statement): not made
by the theme, so without its head, header and skip link."""


EDITOR_PAGES = ("admin/",)
"""The web editor (Decap CMS, for editors who sign in): no citizen's page, so not under the
citizen pages' gates (weight, requests, layout, axe on every page); tests/test_webeditor_browser.py
opens it against a local backend, runs axe on its screens and lists what it requests."""


def site_pages(site: Path, *, themed: bool = False) -> list[str]:
    """Every citizen's HTML page of a built site as a path below the root: ``""``, ``en/moeder/``,
    ``404.html`` (not the web editor's, :data:`EDITOR_PAGES`); with ``themed``, only those the theme
    makes (not :data:`FORWARDING_PAGES`)."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        paths.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return [p for p in paths if p not in EDITOR_PAGES and not (themed and p in FORWARDING_PAGES)]


def page_lang(path: str) -> str:
    """The language a page must declare: English below en/, Danish everywhere else."""
    return "en" if path.startswith("en/") else "da"


# --- one visit per page -------------------------------------------------------------------

@dataclass
class Visit:
    """What the browser did and saw on one page's first view (empty cache, no cookies)."""

    path: str
    url: str
    status: int
    lang: str
    requests: list[str]
    transfers: dict[str, int]
    links: list[dict[str, str]]
    ids: set[str]
    cookies: list[dict[str, Any]]
    storage: dict[str, list[str]]
    fallback_markers: int
    fallback_problems: list[str]
    violations: list[dict[str, Any]] = field(default_factory=list)

    @property
    def weight(self) -> int:
        """Bytes of the first view, every response gzip-compressed (see ``gzip_size``)."""
        return sum(self.transfers.values())


# JavaScript run on each page once it is loaded.
_DOM_FACTS = """() => {
  const links = [];
  for (const el of document.querySelectorAll("[href], [src]")) {
    for (const attr of ["href", "src"]) {
      const raw = el.getAttribute(attr);
      if (raw === null) continue;
      links.push({tag: el.tagName.toLowerCase(), attr, raw, url: new URL(raw, document.baseURI).href});
    }
  }
  const ids = [...document.querySelectorAll("[id]")].map(el => el.id)
    .concat([...document.querySelectorAll("a[name]")].map(el => el.getAttribute("name")));
  // Danish standing in for English: "(only in Danish)" follows the Danish text, and the
  // page-level note precedes the Danish block; both texts must be marked lang="da".
  const inline = [...document.querySelectorAll(".bd-only-da")];
  const blocks = [...document.querySelectorAll(".bd-fallback-note")];
  const describe = el => el.outerHTML.slice(0, 120);
  const isDanish = el => el !== null && el.closest("[lang]").getAttribute("lang") === "da";
  const fallback = inline.filter(note => !isDanish(note.previousElementSibling))
    .map(note => "no lang=da text before " + describe(note))
    .concat(blocks.filter(note => !isDanish(note.nextElementSibling))
      .map(note => "no lang=da block after " + describe(note)));
  return {
    lang: document.documentElement.getAttribute("lang"),
    links, ids, fallback, markers: inline.length + blocks.length,
    storage: {localStorage: Object.keys(localStorage), sessionStorage: Object.keys(sessionStorage)},
  };
}"""

_AXE_START = """(tags) => { window.__bdAxe = axe.run(document, {
  runOnly: {type: "tag", values: tags},
  resultTypes: ["violations"],
}).then(result => result.violations.map(v => ({
  id: v.id, help: v.help,
  nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
}))); }"""


def start_axe(page: Any) -> None:
    """Start axe-core's WCAG 2.0/2.1/2.2 A and AA checks on the page as it is now."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    page.evaluate(_AXE_START, AXE_TAGS)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """The result of the checks ``start_axe`` started."""
    return page.evaluate("() => window.__bdAxe")


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.0/2.1/2.2 A and AA violations on the page as it is now."""
    start_axe(page)
    return axe_violations(page)


def block_other_hosts(context: Any, base: str) -> None:
    """Let requests reach the local server only; anything else is aborted (and still recorded).

    Routing every request also turns Playwright's HTTP cache off, so every view is a first view."""
    context.route(lambda url: not is_local(url, base), lambda route: route.abort())


def is_local(url: str, base: str) -> bool:
    """A request stays on this machine: the local server, or an inline data:/blob: URL."""
    return url.startswith(base) or urlsplit(url).scheme in ("data", "blob")


class _Tab:
    """One browser tab that records the requests and responses of the page it shows."""

    def __init__(self, context: Any) -> None:
        self.page = context.new_page()
        self.requests: list[str] = []
        self.responses: list[Any] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("response", lambda response: self.responses.append(response))

    def open(self, url: str) -> Any:
        """Start loading ``url``; returns once the server has answered the page itself."""
        self.requests, self.responses = [], []
        return self.page.goto(url, wait_until="commit")

    def record(self, path: str, url: str, response: Any) -> Visit:
        """Wait until the network is idle, then record what the page did and holds."""
        self.page.wait_for_load_state("networkidle")
        facts = self.page.evaluate(_DOM_FACTS)
        transfers = {r.url: gzip_size(r.body()) for r in self.responses if 200 <= r.status < 300}
        return Visit(
            path=path, url=url, status=response.status if response else 0, lang=facts["lang"],
            requests=list(self.requests), transfers=transfers, links=facts["links"],
            ids=set(facts["ids"]), cookies=self.page.context.cookies(), storage=facts["storage"],
            fallback_markers=facts["markers"], fallback_problems=facts["fallback"],
        )


def visit_all(browser: Any, base: str, paths: list[str], *, viewport: dict[str, int] = DESKTOP,
              tabs: int = 6) -> dict[str, Visit]:
    """Open every page (a few tabs at a time, in a window of ``viewport``) with an empty cache,
    wait until its network is idle, record what it did, and run axe-core on it. Cookies and
    storage are cleared after each round, so what a visit records was set by its own round."""
    context = browser.new_context(viewport=viewport)
    block_other_hosts(context, base)
    pool = [_Tab(context) for _ in range(tabs)]
    visits: dict[str, Visit] = {}
    try:
        for start in range(0, len(paths), tabs):
            rounds = list(zip(pool, paths[start:start + tabs]))
            answers = [tab.open(base + path) for tab, path in rounds]
            for (tab, path), answer in zip(rounds, answers):
                visits[path] = tab.record(path, base + path, answer)
                start_axe(tab.page)
            for tab, path in rounds:
                visits[path].violations = axe_violations(tab.page)
            _forget(context, pool[0].page)
    finally:
        context.close()
    return visits


def _forget(context: Any, page: Any) -> None:
    """Clear cookies and the site's storage, so the next pages start with none."""
    context.clear_cookies()
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")


def describe_violations(visit: Visit) -> list[str]:
    """One line per failing element: page, rule, element and axe's summary of the fix."""
    return [f"{visit.path or '/'}: {v['id']} ({v['help']}) at {n['target']}: {n['summary']}"
            for v in visit.violations for n in v["nodes"]]


def site_config() -> dict[str, Any]:
    """mkdocs.yml as plain data (tags such as !ENV or !!python/name read as None)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
