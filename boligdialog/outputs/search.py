"""The search index: the built site indexed with Pagefind, one bundle per language.

Pagefind (``pagefind[bin]`` from PyPI, the binary ships in the wheel and runs offline)
reads the built HTML pages and writes a bundle: the index, split into small files that the
search page fetches only as a query needs them, and the search code. Each language gets a
bundle of its own, made by a run of its own, one after the other
(:func:`routes.search_bundle`: ``pagefind/`` for the Danish pages at the site root,
``en/pagefind/`` for the English ones):

- A run holds only its language's pages in memory. One run over both languages holds them
  all at once: at 2,000 meetings about 1.05 GiB, against about 0.65 GiB for each run here.
- A search page loads its own language's bundle, and Pagefind takes the address of the
  results from where the bundle is: ``en/pagefind/`` indexes ``en/`` as its root, so its
  results lead to ``/en/…`` (and on a host under a sub-path, to that path's pages).
- A bundle holds one language (``--force-language``), so every page in it can be found from
  its search page, and Pagefind's ``pagefind-entry.json`` is the same from build to build
  (with two languages in one bundle it listed them in random order).

Pagefind indexes only what is in ``data-pagefind-body`` (the article, see
``boligdialog/adapter/theme/base.html``), not the header, navigation or footer repeated on every page.
No MkDocs here: the hook calls :func:`index_site` after the build.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from boligdialog.site import routes
from boligdialog.model.translate import tr
from boligdialog.model.values import LANGS, Lang

PAGES = "**/*.html"
"""Pagefind's glob for every page under a folder."""
_GLOB_SPECIAL = "\\*?[]{}<>,"
"""Characters with a meaning in Pagefind's globs, escaped in folder names."""


class IndexFailed(Exception):
    """Pagefind did not index the site; the message ends with what it said."""


@dataclass(frozen=True)
class Run:
    """One Pagefind run: the pages of one language and where its bundle goes."""

    lang: Lang
    root: Path
    """The folder Pagefind reads (``--site``): the language's folder in the site."""
    glob: str
    """Which pages under ``root`` are the language's (``--glob``, relative to ``root``)."""

    def args(self) -> list[str]:
        return [sys.executable, "-m", "pagefind", "--site", str(self.root), "--glob", self.glob,
                "--output-subdir", routes.SEARCH_BUNDLE, "--force-language", self.lang, "--quiet"]


def runs(site: Path) -> list[Run]:
    """The Pagefind runs for the site built in ``site``, one per language.

    A language's pages are those in its folder but not in another language's folder inside
    it: the Danish pages are at the site's root, without ``en/``."""
    out = []
    for lang in LANGS:
        folder = routes.prefix(lang)
        inner = {routes.prefix(other).rstrip("/") for other in LANGS
                 if other != lang and routes.prefix(other).startswith(folder)}
        root = site / folder
        out.append(Run(lang=lang, root=root, glob=pages_glob(root, without=inner)))
    return out


def pages_glob(root: Path, *, without: set[str]) -> str:
    """A Pagefind glob for the HTML pages under ``root`` but not in its folders ``without``:
    ``{*.html,aftale/**/*.html,moeder/**/*.html,…}``."""
    if not without:
        return PAGES
    folders = sorted(p.name for p in root.iterdir() if p.is_dir() and p.name not in without)
    return "{" + ",".join(["*.html", *(f"{_escape(name)}/{PAGES}" for name in folders)]) + "}"


def _escape(name: str) -> str:
    return "".join("\\" + c if c in _GLOB_SPECIAL else c for c in name)


def index_site(site: Path) -> None:
    """Index the site built in ``site``: a search bundle for each language's pages.

    Raises:
        IndexFailed: Pagefind stopped with an error.
    """
    for run in runs(site):
        result = subprocess.run(run.args(), capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise IndexFailed(tr("Pagefind failed to index the site:") + f"\n{result.stdout}{result.stderr}")


class Background:
    """Indexing in a thread of its own, for the preview (``make serve``): the rebuilt page is
    served at once and the search finds it a moment later. A newer build cancels a run still
    going (its Pagefind is stopped), since it is about to change the pages; it starts its own
    when it is done. ``on_error`` gets Pagefind's message if a run fails."""

    def __init__(self, *, on_error: Callable[[str], None]) -> None:
        self._on_error = on_error
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._process: subprocess.Popen[str] | None = None
        self._cancelled = False

    def start(self, site: Path) -> None:
        self.cancel()
        self._cancelled = False
        self._thread = threading.Thread(target=self._index, args=(site,), daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Stop a run still going, and wait until it has stopped."""
        with self._lock:
            self._cancelled = True
            if self._process is not None and self._process.poll() is None:
                self._process.terminate()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def wait(self) -> None:
        """Wait for a run still going to finish."""
        if self._thread is not None:
            self._thread.join()

    def _index(self, site: Path) -> None:
        try:
            self._runs(site)
        except OSError as exc:  # the site folder went away (the preview stopped)
            self._on_error(tr("Pagefind failed to index the site:") + f"\n{exc}")

    def _runs(self, site: Path) -> None:
        for run in runs(site):
            with self._lock:
                if self._cancelled:
                    return
                self._process = subprocess.Popen(run.args(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                                 text=True)
            output, _ = self._process.communicate()
            if self._process.returncode != 0 and not self._cancelled:
                self._on_error(tr("Pagefind failed to index the site:") + f"\n{output}")
                return
