"""Measuring a build: wall time and peak memory of the process, and the site it wrote."""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

OPEN_DATA = "data"
"""Folder of the open-data files in the site (``boligdialog.site.routes.DATA_DIR``)."""
SEARCH_BUNDLES = ("pagefind", "en/pagefind")
"""Folders of the search index of each language (``boligdialog.site.routes.search_bundle``)."""
GZIP_LEVEL = 6
"""zlib's default level, a common setting of web servers."""
PAGE_LIMIT_BYTES = 150_000
"""Issue 12: every page at most 150 kB of HTML; :class:`SiteMetrics` lists the pages above it."""
SAMPLE_S = 0.05
"""How often the memory of a build's process tree is read while it runs."""
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Run:
    """One measured process."""

    wall_s: float
    cpu_s: float
    """User + system time of the process and the children it waited for."""
    peak_rss_mib: float
    """Largest resident set of the process or any child it waited for (Linux ``ru_maxrss``):
    the largest single process, not their sum."""
    returncode: int
    tree_peak_rss_mib: float = 0.0
    """Largest sum of the resident sets of the process and all its descendants at one moment,
    read from ``/proc`` every :data:`SAMPLE_S` seconds (a moment between two readings is
    missed, so this is a lower bound). Pagefind runs while MkDocs still holds its memory."""

    @property
    def whole_peak_mib(self) -> float:
        """Peak memory of the whole process tree: the sampled sum, and never less than the
        largest single process."""
        return max(self.peak_rss_mib, self.tree_peak_rss_mib)


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants now (Linux ``/proc``); 0 if it is gone.

    A child that still has its parent's program in memory (:func:`_image`) has been forked and
    not yet started its own (``subprocess`` forks, then executes Pagefind): its resident pages are
    its parent's, and counting them too read the build's memory twice (a whole build "at" 1,154
    MiB when MkDocs held 577 MiB and Pagefind had not started yet). It is not counted."""
    total, todo, seen = 0, [pid], set()
    while todo:
        proc = todo.pop()
        if proc in seen:
            continue
        seen.add(proc)
        try:
            total += int(Path(f"/proc/{proc}/statm").read_text().split()[1]) * _PAGE_SIZE
            children = [int(child) for task in Path(f"/proc/{proc}/task").iterdir()
                        for child in (task / "children").read_text().split()]
            own = _image(proc) if children else None
        except (OSError, ValueError, IndexError):  # it ended while being read
            continue
        todo += [child for child in children if _image(child) not in (own, None)]
    return total


def _image(pid: int) -> tuple[str, ...] | None:
    """Where the program a process runs lies in its memory: the start and end of its code and
    the start of its stack (``/proc/PID/stat``, fields 26–28), the same in a child as in its
    parent until the child runs a program of its own (its name and arguments change a moment
    later than that). Two processes that each started a program have their stacks at different
    places: Linux places them at random unless that is turned off. ``None`` once it has ended."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # it has ended
        return None
    return tuple(stat[stat.rindex(")") + 2:].split()[23:26])


def steady(readings: Iterable[int]) -> int:
    """The largest sum that two readings in a row reach. A child that is just starting its own
    program reads, for an instant, as large as its parent (seen in a child already running
    Pagefind, every millisecond: 576.6 MiB, MkDocs's own), and one such reading made a whole build
    seem to hold twice what it did; a peak lasting less than two readings is missed (the
    sampled figure is a lower bound anyway)."""
    peak, last = 0, 0
    for now in readings:
        peak, last = max(peak, min(last, now)), now
    return peak


class _TreeMemory:
    """Reads the memory of a process tree in a thread until stopped; keeps the largest sum
    that two readings in a row reach (:func:`steady`)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        last = 0
        while not self._stop.is_set():
            now = tree_rss_bytes(self.pid)
            self.peak = max(self.peak, steady([last, now]))
            last = now
            self._stop.wait(SAMPLE_S)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run_measured(args: list[str], *, cwd: Path, env: dict[str, str], log: Path) -> Run:
    """Run ``args`` to the end, output to ``log``; measure it with ``wait4`` and ``/proc``.

    ``wait4`` gives the resource use of this one child (and the grandchildren it waited
    for), unlike ``RUSAGE_CHILDREN``, which is the maximum over every child so far. The
    memory of the whole tree at once is read from ``/proc`` while it runs.
    """
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        memory = _TreeMemory(proc.pid)
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            tree_peak = memory.stop()
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(wall_s=wall, cpu_s=usage.ru_utime + usage.ru_stime,
               peak_rss_mib=usage.ru_maxrss / 1024, returncode=proc.returncode,
               tree_peak_rss_mib=tree_peak / 2**20)


# --- the built site ----------------------------------------------------------------------


@dataclass(frozen=True)
class SiteMetrics:
    pages: int
    """HTML pages (the 404 pages and Pagefind's files not counted)."""
    pages_en: int
    median_page_bytes: int
    max_page_bytes: int
    max_page: str
    """Site path of the largest page."""
    median_by_section: dict[str, int]
    """Median size of the item pages in each folder (``moeder/<id>/``, ``en/moeder/<id>/`` …)."""
    site_bytes: int
    """Everything in the site folder, Pagefind's index included."""
    pagefind_bytes: int
    """Pagefind's bundles, both languages."""
    home_first_view_gzip: int
    """Home page HTML + the CSS and JS it references, each gzip-compressed."""
    home_first_view_files: int
    open_data_files: dict[str, int] = field(default_factory=dict)
    """Size of every open-data file (``data/``), by name."""
    largest_by_kind: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Site path and size of the largest page of each kind (:func:`page_kind`)."""
    large_pages: dict[str, int] = field(default_factory=dict)
    """Every page above :data:`PAGE_LIMIT_BYTES`, by site path, largest first."""

    @property
    def open_data_bytes(self) -> int:
        return sum(self.open_data_files.values())


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html")
                  if p.relative_to(site).parts[0] != "pagefind" and p.name != "404.html")


def section_of(uri: str) -> str | None:
    """``moeder`` for an item page ``[en/]moeder/<id>/index.html``; ``None`` for other pages."""
    parts = uri.removeprefix("en/").split("/")
    return parts[0] if len(parts) == 3 and parts[1] != "index.html" else None


def medians_by_section(sizes: dict[str, int]) -> dict[str, int]:
    sections: dict[str, list[int]] = {}
    for uri, size in sizes.items():
        section = section_of(uri)
        if section is not None:
            sections.setdefault(section, []).append(size)
    return {name: int(statistics.median(values)) for name, values in sorted(sections.items())}


def page_kind(uri: str) -> str:
    """What kind of page ``uri`` is, the same in both languages, its ids and years as
    placeholders: ``moeder/``, ``moeder/<id>/``, ``moeder/<year>/``, ``temaer/<id>/<year>/``."""
    parts = uri.removeprefix("en/").split("/")[:-1]
    named = [p if i == 0 else "<year>" if p.isdigit() and len(p) == 4 else "<id>" for i, p in enumerate(parts)]
    return "/".join(named) + "/" if named else "/"


def largest_by_kind(sizes: dict[str, int]) -> dict[str, tuple[str, int]]:
    """The largest page of each kind: kind -> (site path, bytes), largest first."""
    out: dict[str, tuple[str, int]] = {}
    for uri, size in sizes.items():
        kind = page_kind(uri)
        if kind not in out or size > out[kind][1]:
            out[kind] = (uri, size)
    return dict(sorted(out.items(), key=lambda item: (-item[1][1], item[0])))


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0


class _Assets(HTMLParser):
    """Local stylesheets and scripts a page references."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.refs.append(a["href"] or "")
        elif tag == "script" and a.get("src"):
            self.refs.append(a["src"] or "")


def page_assets(html: str) -> list[str]:
    """``href``/``src`` of the local CSS and JS files in ``html``, in order, without duplicates."""
    parser = _Assets()
    parser.feed(html)
    local = [r for r in parser.refs if not urlsplit(r).scheme and not r.startswith("//")]
    return list(dict.fromkeys(local))


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def first_view(site: Path, page: str = "index.html") -> tuple[int, int]:
    """(gzip bytes, number of files) to show ``page`` on a first visit: the HTML and its CSS/JS."""
    html_path = site / page
    html = html_path.read_bytes()
    total, files = gzip_size(html), 1
    for ref in page_assets(html.decode("utf-8")):
        asset = (html_path.parent / urlsplit(ref).path).resolve()
        if asset.is_file():
            total += gzip_size(asset.read_bytes())
            files += 1
    return total, files


def site_metrics(site: Path) -> SiteMetrics:
    pages = html_pages(site)
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in pages}
    largest = max(sizes, key=lambda k: sizes[k])
    gz, files = first_view(site)
    return SiteMetrics(
        pages=len(pages),
        pages_en=sum(1 for uri in sizes if uri.startswith("en/")),
        median_page_bytes=int(statistics.median(sizes.values())),
        max_page_bytes=sizes[largest],
        max_page=largest,
        median_by_section=medians_by_section(sizes),
        site_bytes=folder_bytes(site),
        pagefind_bytes=sum(folder_bytes(site / bundle) for bundle in SEARCH_BUNDLES),
        home_first_view_gzip=gz,
        home_first_view_files=files,
        open_data_files={p.name: p.stat().st_size for p in sorted((site / OPEN_DATA).glob("*")) if p.is_file()},
        largest_by_kind=largest_by_kind(sizes),
        large_pages=dict(sorted(((uri, n) for uri, n in sizes.items() if n > PAGE_LIMIT_BYTES),
                                key=lambda item: (-item[1], item[0]))),
    )
