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

**In parts, so that memory is bounded by design.** Pagefind holds every page it indexes in
memory until it writes the bundle, so a run's memory grows with the HTML it reads: at 2,000
meetings of a partnership that writes more than the benchmark's (every report in English, reports
twice as long) one language's run took about 930 MB. A language whose pages are more than
:data:`PART_BYTES` of HTML (or :data:`PART_PAGES` pages) is indexed in parts of at most that much,
one run after the other: the first part into the language's bundle (``pagefind/``), the others
into bundles of their own inside it (``pagefind/parts/2/`` …), which :data:`MANIFEST` lists. The
search page merges them (Pagefind's ``mergeIndex``; ``assets/boligdialog/search.js``), so a query
finds every page; each part's results take their addresses from the same language folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pagefind_bin

from boligdialog.site import routes
from boligdialog.model.translate import tr
from boligdialog.model.values import LANGS, Lang

PAGES = "**/*.html"
"""Pagefind's glob for every page under a folder."""
_GLOB_SPECIAL = "\\*?[]{}<>,"
"""Characters with a meaning in Pagefind's globs, escaped in folder names."""
PART_BYTES = 40 * 2**20
"""At most this much HTML (file sizes) in one Pagefind run; a language with more is indexed in parts."""
PART_PAGES = 1000
"""At most this many pages in one run (a part's glob names each of its pages: at most about
100 characters each, within the 128 kB Linux allows one argument)."""
PARTS = "parts/"
"""Folder, inside a language's bundle, of the bundles of its second and later parts."""
MANIFEST = "bd-parts.json"
"""File in a language's bundle listing the bundles of its other parts (JSON, relative to the bundle)."""


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
    part: int = 1
    """Which part of the language's pages (1: all of them, or the first part)."""

    @property
    def bundle(self) -> str:
        """Where the run writes its bundle, relative to :attr:`root`."""
        return routes.SEARCH_BUNDLE + (f"{PARTS}{self.part}/" if self.part > 1 else "")

    def args(self) -> list[str]:
        return [str(_pagefind()), "--site", str(self.root), "--glob", self.glob,
                "--output-subdir", self.bundle, "--force-language", self.lang, "--quiet"]


@cache
def _pagefind() -> Path:
    """Pagefind's binary from its wheel (``pagefind[bin]``), run as itself: ``python -m pagefind``
    would start a Python first (about 80 ms of every run)."""
    return pagefind_bin.get_executable().absolute()


def _never() -> bool:
    return False


def runs(site: Path, *, stopped: Callable[[], bool] = _never) -> list[Run]:
    """The Pagefind runs for the site built in ``site``: one per language, or one per part of a
    language whose pages are more than a part holds (:data:`PART_BYTES`, :data:`PART_PAGES`).

    A language's pages are those in its folder but not in another language's folder inside
    it: the Danish pages are at the site's root, without ``en/``. Finding them reads every page
    (at 2,000 meetings about 0.7 s); once ``stopped()`` is true, the reading stops and there
    are no runs."""
    out = []
    for lang in LANGS:
        folder = routes.prefix(lang)
        inner = {routes.prefix(other).rstrip("/") for other in LANGS
                 if other != lang and routes.prefix(other).startswith(folder)}
        root = site / folder
        parts = list(split(sorted(_pages(root, without=inner, stopped=stopped)), max_bytes=PART_BYTES,
                           max_pages=PART_PAGES))
        if stopped():
            return []
        if len(parts) <= 1:
            out.append(Run(lang=lang, root=root, glob=pages_glob(root, without=inner)))
        else:
            out += [Run(lang=lang, root=root, glob=files_glob(p for p, _ in part), part=n)
                    for n, part in enumerate(parts, start=1)]
    return out


BODY = b"data-pagefind-body"
"""What marks a page Pagefind indexes (the article of every page; not the 404 pages)."""


def _pages(root: Path, *, without: set[str], stopped: Callable[[], bool]) -> Iterator[tuple[str, int]]:
    """Path (relative to ``root``, ``/``-separated) and size of every HTML page of the language
    that Pagefind indexes (not in the folders ``without``, nor in a search bundle): a part of
    pages without :data:`BODY` only would be indexed whole, header and footer too. None after
    ``stopped()`` is true."""
    if not root.is_dir():
        return
    for path in root.rglob("*.html"):
        if stopped():
            return
        rel = path.relative_to(root)
        if rel.parts[0] in without or rel.parts[0] == routes.SEARCH_BUNDLE.strip("/") or not path.is_file():
            continue
        data = path.read_bytes()
        if BODY in data:
            yield rel.as_posix(), len(data)


def split(pages: Sequence[tuple[str, int]], *, max_bytes: int, max_pages: int) -> Iterator[list[tuple[str, int]]]:
    """``pages`` (path, size) in their order, cut into parts of at most ``max_bytes`` and
    ``max_pages`` each (a page larger than ``max_bytes`` is a part of its own)."""
    part: list[tuple[str, int]] = []
    size = 0
    for page in pages:
        if part and (size + page[1] > max_bytes or len(part) >= max_pages):
            yield part
            part, size = [], 0
        part.append(page)
        size += page[1]
    if part:
        yield part


def files_glob(paths: Iterator[str] | Sequence[str]) -> str:
    """A Pagefind glob for exactly these files (relative to the run's root)."""
    return "{" + ",".join("/".join(_escape(segment) for segment in path.split("/")) for path in paths) + "}"


def manifests(runs: Sequence[Run]) -> dict[Path, list[str]]:
    """The :data:`MANIFEST` of each language's bundle (by its path): the bundles of its other parts."""
    out: dict[Path, list[str]] = {}
    for run in runs:
        out.setdefault(run.root / routes.SEARCH_BUNDLE / MANIFEST, [])
        if run.part > 1:
            out[run.root / routes.SEARCH_BUNDLE / MANIFEST].append(f"{PARTS}{run.part}/")
    return out


def _clear_parts(runs: Sequence[Run]) -> None:
    """Remove the part bundles of an earlier index and their list (the preview indexes the same
    folder again; until it is done, the search page finds what the first part's bundle holds)."""
    for root in {run.root for run in runs}:
        shutil.rmtree(root / routes.SEARCH_BUNDLE / PARTS, ignore_errors=True)
        (root / routes.SEARCH_BUNDLE / MANIFEST).unlink(missing_ok=True)


def _write_manifests(runs: Sequence[Run]) -> None:
    for path, parts in manifests(runs).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(parts) + "\n", encoding="utf-8")


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
    planned = runs(site)
    _clear_parts(planned)
    for run in planned:
        result = subprocess.run(run.args(), capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise IndexFailed(tr("Pagefind failed to index the site:") + f"\n{result.stdout}{result.stderr}")
    _write_manifests(planned)


BACKGROUND_NICENESS = 10
"""How much lower than the preview's own a background Pagefind run's priority is (Unix
``nice``): a rebuild after the next edit gets the processors first."""


def _yield_to_builds(pid: int) -> None:
    if hasattr(os, "setpriority"):   # not on Windows
        try:
            os.setpriority(os.PRIO_PROCESS, pid, os.getpriority(os.PRIO_PROCESS, 0) + BACKGROUND_NICENESS)
        except OSError:   # the run has already ended
            pass


class Background:
    """Indexing in a thread of its own, for the preview (``make serve``): the rebuilt page is
    served at once and the search finds it a moment later. A newer build cancels a run still
    going (its Pagefind is stopped, or the reading of the pages before it), since it is about to
    change the pages; it starts its own when it is done. ``on_error`` gets Pagefind's message if
    a run fails."""

    def __init__(self, *, on_error: Callable[[str], None]) -> None:
        self._on_error = on_error
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._process: subprocess.Popen[str] | None = None
        self._cancelled = threading.Event()

    def start(self, site: Path) -> None:
        self.cancel()
        self._cancelled = threading.Event()   # the run's own: a cancelled run never sees a newer one's
        self._thread = threading.Thread(target=self._index, args=(site, self._cancelled), daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Stop a run still going, and wait until it has stopped."""
        with self._lock:
            self._cancelled.set()
            if self._process is not None and self._process.poll() is None:
                self._process.terminate()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def wait(self) -> None:
        """Wait for a run still going to finish."""
        if self._thread is not None:
            self._thread.join()

    def _index(self, site: Path, cancelled: threading.Event) -> None:
        try:
            self._runs(site, cancelled)
        except OSError as exc:  # the site folder went away (the preview stopped)
            self._on_error(tr("Pagefind failed to index the site:") + f"\n{exc}")

    def _runs(self, site: Path, cancelled: threading.Event) -> None:
        planned = runs(site, stopped=cancelled.is_set)  # none if cancelled meanwhile
        _clear_parts(planned)
        for run in planned:
            with self._lock:
                if cancelled.is_set():
                    return
                self._process = subprocess.Popen(run.args(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                                 text=True)
                _yield_to_builds(self._process.pid)
            output, _ = self._process.communicate()
            if self._process.returncode != 0:
                if not cancelled.is_set():
                    self._on_error(tr("Pagefind failed to index the site:") + f"\n{output}")
                return
        _write_manifests(planned)
