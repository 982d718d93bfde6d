"""Figures from the measured runs, the targets, and the Markdown report.

Everything here is a pure function of :class:`Results`.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass, field
from typing import Any

from .measure import Run, SiteMetrics
from .project import NO_PAGEFIND, OURS, PLAIN
from .serve import Rebuild
from .synth import Scale

RATIO_LIMIT = 1.10
SCALING_LIMIT = 10.5
FLAT_LIMIT = 1.10
SERVE_LIMIT_S = 2.0
PAGE_LIMIT_BYTES = 150_000
"""Every page's HTML at most this (150 kB): lists that grow with the years are split into year pages."""
MEETING_SECTION = "moeder"
"""Folder of the meeting pages (``boligdialog.routes.SECTIONS``; not imported, so that the
report does not depend on the code it measures)."""
PAGEFIND = "pagefind"
"""Pagefind run on its own, after ours."""


@dataclass(frozen=True)
class Machine:
    cpus: int
    cpu_model: str
    memory_gib: float
    python: str
    platform: str
    versions: dict[str, str]


@dataclass(frozen=True)
class SizeResult:
    scale: Scale
    runs: dict[str, list[Run]]
    """Runs of each variant, repetition by repetition (alternated)."""
    pagefind: list[Run]
    """Pagefind alone on ours' built site, once per repetition."""
    sites: dict[str, SiteMetrics]
    """The site each variant built (last repetition)."""
    source_bytes: int
    """data/ and content/ of the synthetic partnership."""
    load_average: tuple[float, float]
    """The machine's 1-minute load average before and after this size's runs (other work on it)."""
    export_s: list[float] = field(default_factory=list)
    """The open-data export alone (``bench/export.py``), seconds, once per repetition."""


@dataclass(frozen=True)
class Results:
    machine: Machine
    source: str
    """Commit of the code measured."""
    command: str
    reps: int
    sizes: list[SizeResult]
    serve: list[Rebuild]
    serve_error: str | None = None
    """Why the ``mkdocs serve`` measurement failed, if it did (the build figures still stand)."""


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    met: bool


def results_from_json(data: dict[str, Any]) -> Results:
    """The :class:`Results` that ``results.json`` was written from."""
    sizes = [SizeResult(
        scale=Scale(**s["scale"]),
        runs={v: [Run(**r) for r in runs] for v, runs in s["runs"].items()},
        pagefind=[Run(**r) for r in s["pagefind"]],
        sites={v: SiteMetrics(**m) for v, m in s["sites"].items()},
        source_bytes=s["source_bytes"],
        load_average=tuple(s["load_average"]),  # type: ignore[arg-type]
        export_s=s.get("export_s", []),
    ) for s in data["sizes"]]
    return Results(machine=Machine(**data["machine"]), source=data["source"], command=data["command"],
                   reps=data["reps"], sizes=sizes, serve=[Rebuild(**r) for r in data["serve"]],
                   serve_error=data.get("serve_error"))


# --- figures -----------------------------------------------------------------------------


WALL, CPU = "wall_s", "cpu_s"
"""The two times of a :class:`Run`: wall clock, and CPU (less disturbed by other work on the machine)."""


def median_time(runs: list[Run], metric: str = WALL) -> float:
    return statistics.median(getattr(r, metric) for r in runs)


def peak_rss(runs: list[Run]) -> float:
    return max(r.peak_rss_mib for r in runs)


def paired_ratio(size: SizeResult, variant: str, metric: str = WALL, baseline: str = PLAIN) -> float:
    """Median over repetitions of ``variant / baseline``, each pair run back to back."""
    pairs = zip(size.runs[variant], size.runs[baseline])
    return statistics.median(getattr(a, metric) / getattr(b, metric) for a, b in pairs)


def scaling(small: SizeResult, large: SizeResult, variant: str, metric: str = WALL) -> float:
    """Median time at ``large`` over median time at ``small``; ``variant`` may be ``"pagefind"``."""
    def runs(size: SizeResult) -> list[Run]:
        return size.pagefind if variant == PAGEFIND else size.runs[variant]
    return median_time(runs(large), metric) / median_time(runs(small), metric)


def section_median(size: SizeResult, variant: str, section: str | None) -> int | None:
    """Median page size of one section's item pages, or of all pages (``section=None``)."""
    site = size.sites[variant]
    return site.median_page_bytes if section is None else site.median_by_section.get(section)


def flatness(sizes: list[SizeResult], variant: str = OURS, section: str | None = None) -> float | None:
    """Largest over smallest median page size across sizes (``None`` if a size lacks the section)."""
    medians = [section_median(s, variant, section) for s in sizes]
    if any(m is None for m in medians):
        return None
    return max(medians) / min(medians)  # type: ignore[type-var,operator]


def sections(sizes: list[SizeResult]) -> list[str]:
    """Item-page sections present in every size."""
    names = [set(s.sites[OURS].median_by_section) for s in sizes]
    return sorted(set.intersection(*names)) if names else []


def serve_median(serve: list[Rebuild]) -> float:
    return statistics.median(r.total_s for r in serve)


def _scaling_pairs(sizes: list[SizeResult]) -> list[tuple[SizeResult, SizeResult]]:
    return list(itertools.pairwise(sizes))


def targets(results: Results) -> list[Target]:
    out = []
    for size in results.sizes:
        ratio, no_pf = paired_ratio(size, OURS), paired_ratio(size, NO_PAGEFIND)
        cpu, cpu_no_pf = paired_ratio(size, OURS, CPU), paired_ratio(size, NO_PAGEFIND, CPU)
        out.append(Target(f"ours / plain ≤ {RATIO_LIMIT:.2f} at {size.scale.meetings} meetings",
                          f"wall {ratio:.2f}, CPU {cpu:.2f}; without Pagefind: wall {no_pf:.2f}, CPU {cpu_no_pf:.2f}",
                          ratio <= RATIO_LIMIT))
    for small, large in _scaling_pairs(results.sizes):
        if large.scale.meetings == 10 * small.scale.meetings:
            factor = scaling(small, large, OURS)
            out.append(Target(f"{large.scale.meetings} meetings ≤ {SCALING_LIMIT}× the time of {small.scale.meetings}",
                              f"wall {factor:.2f}×, CPU {scaling(small, large, OURS, CPU):.2f}×; without Pagefind: "
                              f"wall {scaling(small, large, NO_PAGEFIND):.2f}×, "
                              f"CPU {scaling(small, large, NO_PAGEFIND, CPU):.2f}×",
                              factor <= SCALING_LIMIT))
    for small, large in _scaling_pairs(results.sizes):
        if large.scale.meetings == 10 * small.scale.meetings and small.export_s and large.export_s:
            factor = statistics.median(large.export_s) / statistics.median(small.export_s)
            out.append(Target(f"open-data export at {large.scale.meetings} meetings ≤ {SCALING_LIMIT}× the time "
                              f"of {small.scale.meetings}", f"{factor:.2f}×", factor <= SCALING_LIMIT))
    if len(results.sizes) > 1:
        for section, name in ((None, "all pages"), (MEETING_SECTION, "meeting pages")):
            flat, plain = flatness(results.sizes, OURS, section), flatness(results.sizes, PLAIN, section)
            if flat is not None and plain is not None:
                out.append(Target(f"median page HTML flat within {FLAT_LIMIT - 1:.0%} across sizes ({name})",
                                  f"largest / smallest median {flat:.2f} (plain {plain:.2f})", flat <= FLAT_LIMIT))
    for size in results.sizes:
        ours = size.sites[OURS]
        out.append(Target(f"every page ≤ {_kb(PAGE_LIMIT_BYTES)} of HTML at {size.scale.meetings} meetings",
                          f"largest {_kb(ours.max_page_bytes)} (`{ours.max_page}`)",
                          ours.max_page_bytes <= PAGE_LIMIT_BYTES))
    if results.serve:
        med = serve_median(results.serve)
        out.append(Target(f"serve rebuild after one edit ≤ {SERVE_LIMIT_S:.0f} s",
                          f"median {med:.2f} s, max {max(r.total_s for r in results.serve):.2f} s",
                          med <= SERVE_LIMIT_S))
    return out


# --- Markdown ----------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _kb(n: int) -> str:
    return f"{n / 1000:,.1f} kB"


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def machine_text(m: Machine) -> str:
    versions = ", ".join(f"{k} {v}" for k, v in m.versions.items())
    return (f"{m.cpus} CPUs ({m.cpu_model}), {m.memory_gib:.1f} GiB memory, Python {m.python}, "
            f"{m.platform}; {versions}")


def time_table(results: Results, metric: str = WALL) -> str:
    rows = []
    for s in results.sizes:
        ours = s.sites[OURS]
        rows.append([
            f"{s.scale.meetings}", f"{s.scale.partners}", f"{ours.pages} ({ours.pages - ours.pages_en} da, {ours.pages_en} en)",
            f"{median_time(s.runs[OURS], metric):.2f}", f"{median_time(s.runs[NO_PAGEFIND], metric):.2f}",
            f"{median_time(s.runs[PLAIN], metric):.2f}", f"{median_time(s.pagefind, metric):.2f}",
            f"**{paired_ratio(s, OURS, metric):.2f}**", f"{paired_ratio(s, NO_PAGEFIND, metric):.2f}",
            f"{s.load_average[0]:.1f} / {s.load_average[1]:.1f}",
        ])
    return _table(["meetings", "partners", "pages", "ours s", "ours without Pagefind s", "plain s",
                   "Pagefind alone s", "ours / plain", "ours without Pagefind / plain", "load before/after"], rows)


def memory_table(results: Results) -> str:
    rows = [[f"{s.scale.meetings}", f"{peak_rss(s.runs[OURS]):.0f}", f"{peak_rss(s.runs[NO_PAGEFIND]):.0f}",
             f"{peak_rss(s.runs[PLAIN]):.0f}", f"{peak_rss(s.pagefind):.0f}",
             f"{peak_rss(s.runs[NO_PAGEFIND]) / peak_rss(s.runs[PLAIN]):.2f}"] for s in results.sizes]
    return _table(["meetings", "ours MiB", "ours without Pagefind MiB", "plain MiB", "Pagefind alone MiB",
                   "ours without Pagefind / plain"], rows)


def size_table(results: Results) -> str:
    rows = []
    for s in results.sizes:
        for variant in (OURS, PLAIN):
            m = s.sites[variant]
            rows.append([f"{s.scale.meetings}", variant, f"{m.pages}", _kb(m.median_page_bytes),
                         f"{_kb(m.max_page_bytes)} (`{m.max_page}`)", _mb(m.site_bytes), _mb(m.pagefind_bytes),
                         f"{_kb(m.home_first_view_gzip)} ({m.home_first_view_files} files)"])
    return _table(["meetings", "build", "pages", "median page", "largest page", "site", "of it Pagefind",
                   "home first view, gzip"], rows)


def section_table(results: Results) -> str:
    """Median item-page size per section and size, ours and plain."""
    rows = []
    for section in sections(results.sizes):
        for variant in (OURS, PLAIN):
            medians = [section_median(s, variant, section) or 0 for s in results.sizes]
            flat = flatness(results.sizes, variant, section)
            rows.append([f"`{section}/<id>/`", variant, *(_kb(m) for m in medians), f"{flat:.2f}" if flat else "–"])
    return _table(["item pages", "build", *(f"{s.scale.meetings} meetings" for s in results.sizes),
                   "largest / smallest"], rows)


def kinds_table(results: Results) -> str:
    """The largest page of each kind (ours), by size: what grows with the data, and where."""
    kinds = sorted({k for s in results.sizes for k in s.sites[OURS].largest_by_kind},
                   key=lambda k: -max(s.sites[OURS].largest_by_kind.get(k, ("", 0))[1] for s in results.sizes))
    rows = [[f"`{kind}`", *(f"{_kb(found[1])} (`{found[0]}`)" if (found := s.sites[OURS].largest_by_kind.get(kind))
                            else "–" for s in results.sizes)] for kind in kinds]
    return _table(["kind of page", *(f"{s.scale.meetings} meetings" for s in results.sizes)], rows)


def scaling_table(results: Results) -> str:
    rows = []
    for small, large in _scaling_pairs(results.sizes):
        pages = large.sites[OURS].pages / small.sites[OURS].pages
        for metric, name in ((WALL, "wall"), (CPU, "CPU")):
            rows.append([f"{small.scale.meetings} → {large.scale.meetings}", name, f"{pages:.2f}×",
                         *(f"{scaling(small, large, v, metric):.2f}×" for v in (OURS, NO_PAGEFIND, PLAIN, PAGEFIND))])
    return _table(["meetings", "time", "pages", "ours", "ours without Pagefind", "plain", "Pagefind alone"], rows)


def open_data_table(results: Results) -> str:
    """The open-data export alone, and the size of every file it writes (ours, last repetition)."""
    sizes = results.sizes
    rows = [[f"{s.scale.meetings}", f"{statistics.median(s.export_s):.2f}" if s.export_s else "–",
             f"{len(s.sites[OURS].open_data_files)}", _kb(s.sites[OURS].open_data_bytes)] for s in sizes]
    summary = _table(["meetings", "export alone s", "files", "all files"], rows)
    names = sorted({n for s in sizes for n in s.sites[OURS].open_data_files})
    files = [[f"`{name}`", *(_kb(s.sites[OURS].open_data_files.get(name, 0)) for s in sizes)] for name in names]
    return summary + "\n\n" + _table(["file in `data/`", *(f"{s.scale.meetings} meetings" for s in sizes)], files)


def serve_table(serve: list[Rebuild]) -> str:
    rows = [[f"{i + 1}", f"{r.detect_s:.2f}", "–" if r.built_in_s is None else f"{r.built_in_s:.2f}",
             f"{r.total_s:.2f}"] for i, r in enumerate(serve)]
    return _table(["edit", "change detected after s", "MkDocs \"built in\" s", "edit → new site served s"], rows)


def target_table(results: Results) -> str:
    return _table(["target", "measured", "met"],
                  [[t.name, t.measured, "yes" if t.met else "**no**"] for t in targets(results)])


def markdown(results: Results) -> str:
    """The whole report, as it goes into docs/benchmark.md."""
    parts = [
        (f"Command: `{results.command}` — {results.reps} repetition(s) per size, variants alternated "
         "(ours, ours without Pagefind, plain); times are medians, ratios are medians of the "
         "back-to-back pairs."),
        f"Machine: {machine_text(results.machine)}.",
        f"Code: {results.source}.",
        "### Build time (wall clock, seconds)", time_table(results),
        "### CPU time (user + system of the build and its children, seconds)", time_table(results, CPU),
        "### Peak memory (largest resident set of the build process and its children)", memory_table(results),
        "### Pages and sizes", size_table(results),
        "### Median size of item pages, by section", section_table(results),
        "### Largest page of each kind", kinds_table(results),
        "### Scaling", scaling_table(results),
        "### Open data: the export alone, and its files", open_data_table(results),
    ]
    if results.serve:
        parts += ["### `mkdocs serve`: one edit to a meeting report, shipped content", serve_table(results.serve)]
    if results.serve_error:
        parts += ["### `mkdocs serve`: not measured", "```\n" + results.serve_error.strip() + "\n```"]
    parts += ["### Targets", target_table(results)]
    return "\n\n".join(parts) + "\n"
