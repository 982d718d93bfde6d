"""Figures from the measured runs, the targets, and the Markdown report.

Everything here is a pure function of :class:`Results`.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass, field
from typing import Any

from .measure import PAGE_LIMIT_BYTES, Run, SiteMetrics
from .project import BASELINES, NO_PAGEFIND, OURS, PLAIN, PLAIN_SEARCH
from .serve import Preview, Rebuild
from .synth import Scale

# Issue 12's targets
RATIO_LIMITS = {OURS: 1.00, NO_PAGEFIND: 1.15}
"""Largest ratio of each of our builds to its baseline (:data:`bench.project.BASELINES`)."""
SCALING_PAIRS = ((200, 2000),)
"""(smaller, larger) meeting counts whose build times are compared."""
SCALING_LIMIT = 10.0
FLAT_LIMIT = 1.10
"""Largest over smallest median meeting page across sizes."""
MEMORY_LIMIT_MIB = 1024
SERVE_LIMIT_S = 2.0
# Issue 22's targets for the preview, by meetings: an edited report's page served, and a data
# edit of one meeting (medians)
REPORT_EDIT_LIMITS_S = {200: 0.5, 2000: 1.0}
DATA_EDIT_LIMITS_S = {200: 2.0, 2000: 5.0}
MEETING_SECTION = "moeder"
"""Folder of the meeting pages (``boligdialog.site.routes.SECTIONS``; not imported, so that the
report does not depend on the code it measures)."""
PAGEFIND = "pagefind"
"""Pagefind run on its own, after ours."""
NAMES = {OURS: "ours", PLAIN_SEARCH: "plain with search", NO_PAGEFIND: "ours without Pagefind", PLAIN: "plain"}
"""How the report names each build."""


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
    preview: Preview | None = None
    """``mkdocs serve`` on this size's project, if it was measured."""


@dataclass(frozen=True)
class Results:
    machine: Machine
    source: str
    """Commit of the code measured."""
    command: str
    reps: int
    sizes: list[SizeResult]
    shipped_preview: Preview | None = None
    """``mkdocs serve`` on a copy of the shipped project, if it was measured."""
    heavy: list[SizeResult] = field(default_factory=list)
    """The heavier partnership at each of its sizes: ours only (:attr:`SizeResult.runs` has no
    baselines, :attr:`SizeResult.pagefind` is empty)."""

    @property
    def previews(self) -> list[Preview]:
        """Every preview measured: the synthetic sizes', the heavier partnership's, then the shipped content's."""
        return [p for p in [*(s.preview for s in [*self.sizes, *self.heavy]), self.shipped_preview] if p is not None]


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    met: bool


def _preview_from_json(data: dict[str, Any] | None) -> Preview | None:
    if data is None:
        return None
    data = dict(data)
    single = data.pop("data_edit", None)  # results of before issue 22: one data edit
    edits = data.pop("data_edits", None) or ([single] if single else [])
    return Preview(**data | {"edits": [Rebuild(**r) for r in data["edits"]],
                             "data_edits": [Rebuild(**r) for r in edits]})


def _sizes_from_json(items: list[dict[str, Any]]) -> list[SizeResult]:
    return [SizeResult(
        scale=Scale(**s["scale"]),
        runs={v: [Run(**r) for r in runs] for v, runs in s["runs"].items()},
        pagefind=[Run(**r) for r in s["pagefind"]],
        sites={v: SiteMetrics(**m) for v, m in s["sites"].items()},
        source_bytes=s["source_bytes"],
        load_average=tuple(s["load_average"]),  # type: ignore[arg-type]
        export_s=s.get("export_s", []),
        preview=_preview_from_json(s.get("preview")),
    ) for s in items]


def results_from_json(data: dict[str, Any]) -> Results:
    """The :class:`Results` that ``results.json`` was written from."""
    return Results(machine=Machine(**data["machine"]), source=data["source"], command=data["command"],
                   reps=data["reps"], sizes=_sizes_from_json(data["sizes"]),
                   shipped_preview=_preview_from_json(data.get("shipped_preview")),
                   heavy=_sizes_from_json(data.get("heavy", [])))


# --- figures -----------------------------------------------------------------------------


WALL, CPU = "wall_s", "cpu_s"
"""The two times of a :class:`Run`: wall clock, and CPU (less disturbed by other work on the machine)."""


def median_time(runs: list[Run], metric: str = WALL) -> float:
    return statistics.median(getattr(r, metric) for r in runs)


def peak_rss(runs: list[Run]) -> float:
    """Largest memory of the whole process tree (sampled sum, at least the largest process)."""
    return max(r.whole_peak_mib for r in runs)


def peak_process_rss(runs: list[Run]) -> float:
    """Largest single process (``ru_maxrss``)."""
    return max(r.peak_rss_mib for r in runs)


def paired_ratio(size: SizeResult, variant: str, metric: str = WALL, baseline: str | None = None) -> float:
    """Median over repetitions of ``variant / baseline`` (by default the variant's baseline in
    :data:`bench.project.BASELINES`), each pair run back to back."""
    pairs = zip(size.runs[variant], size.runs[baseline or BASELINES[variant]])
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
    if not medians or any(m is None for m in medians):
        return None
    return max(medians) / min(medians)  # type: ignore[type-var,operator]


def sections(sizes: list[SizeResult]) -> list[str]:
    """Item-page sections present in every size."""
    names = [set(s.sites[OURS].median_by_section) for s in sizes]
    return sorted(set.intersection(*names)) if names else []


def _scaling_pairs(sizes: list[SizeResult]) -> list[tuple[SizeResult, SizeResult]]:
    return list(itertools.pairwise(sizes))


def median_or_none(values: list[float | None]) -> float | None:
    """Median of ``values``; ``None`` if any is missing or there are none."""
    if not values or any(v is None for v in values):
        return None
    return statistics.median(values)  # type: ignore[type-var]


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} s"


def _both(size: SizeResult, variant: str) -> tuple[float, float]:
    return paired_ratio(size, variant, WALL), paired_ratio(size, variant, CPU)


def ratio_targets(results: Results) -> list[Target]:
    """Each of our builds against its baseline, at every size: met when wall and CPU are within."""
    out = []
    for variant, limit in RATIO_LIMITS.items():
        for size in results.sizes:
            wall, cpu = _both(size, variant)
            out.append(Target(f"{NAMES[variant]} / {NAMES[BASELINES[variant]]} ≤ {limit:.2f} at "
                              f"{size.scale.meetings} meetings", f"wall {wall:.2f}, CPU {cpu:.2f}",
                              max(wall, cpu) <= limit))
    return out


def scaling_targets(results: Results) -> list[Target]:
    by_meetings = {s.scale.meetings: s for s in results.sizes}
    out = []
    for small, large in SCALING_PAIRS:
        if small in by_meetings and large in by_meetings:
            a, b = by_meetings[small], by_meetings[large]
            wall, cpu = scaling(a, b, OURS, WALL), scaling(a, b, OURS, CPU)
            pages = b.sites[OURS].pages / a.sites[OURS].pages
            out.append(Target(f"{large} meetings ≤ {SCALING_LIMIT:.0f}× the time of {small}",
                              f"wall {wall:.2f}×, CPU {cpu:.2f}× for {pages:.2f}× the pages; without Pagefind: "
                              f"wall {scaling(a, b, NO_PAGEFIND, WALL):.2f}×, CPU {scaling(a, b, NO_PAGEFIND, CPU):.2f}×",
                              max(wall, cpu) <= SCALING_LIMIT))
    return out


def page_targets(results: Results) -> list[Target]:
    """Meeting pages flat across sizes; every page within the limit at the largest size."""
    out = []
    flat, plain = flatness(results.sizes, OURS, MEETING_SECTION), flatness(results.sizes, PLAIN, MEETING_SECTION)
    if len(results.sizes) > 1 and flat is not None and plain is not None:
        medians = ", ".join(f"{_kb(section_median(s, OURS, MEETING_SECTION) or 0)} at {s.scale.meetings}"
                            for s in results.sizes)
        out.append(Target(f"median meeting page flat within {FLAT_LIMIT - 1:.0%} across sizes",
                          f"{medians}: largest / smallest {flat:.2f} (plain {plain:.2f})", flat <= FLAT_LIMIT))
    if results.sizes:
        largest = max(results.sizes, key=lambda s: s.scale.meetings)
        site = largest.sites[OURS]
        out.append(Target(f"every page ≤ {LIMIT_TEXT} of HTML at {largest.scale.meetings} meetings",
                          f"largest {_kb(site.max_page_bytes)} (`{site.max_page}`); "
                          f"{len(site.large_pages)} of {site.pages} pages above {LIMIT_TEXT}",
                          site.max_page_bytes <= PAGE_LIMIT_BYTES))
    return out


def memory_targets(results: Results) -> list[Target]:
    """Peak memory of the whole build (MkDocs and Pagefind) at the largest size, of each partnership."""
    out = []
    for sizes, which in ((results.sizes, ""), (results.heavy, ", heavier partnership")):
        if not sizes:
            continue
        largest = max(sizes, key=lambda s: s.scale.meetings)
        whole, process = peak_rss(largest.runs[OURS]), peak_process_rss(largest.runs[OURS])
        out.append(Target(f"peak memory of the whole build ≤ {MEMORY_LIMIT_MIB} MiB at {largest.scale.meetings} "
                          f"meetings{which}", f"{whole:.0f} MiB (largest single process {process:.0f} MiB)",
                          whole <= MEMORY_LIMIT_MIB))
    return out


def preview_targets(results: Results) -> list[Target]:
    """A report edit: its page served within the limit (median over the edits, each must show it).
    A data edit: rebuilt ("Reloading browsers") no slower than a full build of the same project."""
    out = []
    for p in results.previews:
        if p.edits:
            shown = [r.page_s for r in p.edits if r.page_s is not None]
            med = median_or_none([r.page_s for r in p.edits])
            out.append(Target(f"preview, {p.project}: page of an edited report served within {SERVE_LIMIT_S:.0f} s",
                              f"median {_seconds(med)}, max {_seconds(max(shown) if shown else None)} "
                              f"({len(shown)} of {len(p.edits)} edits shown)",
                              med is not None and med <= SERVE_LIMIT_S))
        if p.edits and p.meetings in REPORT_EDIT_LIMITS_S:
            limit, med = REPORT_EDIT_LIMITS_S[p.meetings], median_or_none([r.page_s for r in p.edits])
            out.append(Target(f"preview, {p.project}: page of an edited report served within {limit:.1f} s (median)",
                              f"median {_seconds(med)}", med is not None and med <= limit))
        if p.data_edits and p.full_build_s is not None:
            total, page = statistics.median(r.total_s for r in p.data_edits), median_or_none(
                [r.page_s for r in p.data_edits])
            out.append(Target(f"preview, {p.project}: data edit no slower than a full build",
                              f"median {total:.2f} s to \"Reloading browsers\" (page shows it after "
                              f"{_seconds(page)}) over {len(p.data_edits)} edit(s); full build {p.full_build_s:.2f} s",
                              total <= p.full_build_s and page is not None))
        if p.data_edits and p.meetings in DATA_EDIT_LIMITS_S:
            limit, page = DATA_EDIT_LIMITS_S[p.meetings], median_or_none([r.page_s for r in p.data_edits])
            out.append(Target(f"preview, {p.project}: page after a data edit of one meeting served within "
                              f"{limit:.0f} s (median)", f"median {_seconds(page)} over {len(p.data_edits)} edit(s)",
                              page is not None and page <= limit))
        if p.error:
            out.append(Target(f"preview, {p.project}: measured to the end", "stopped early (see above)", False))
    return out


def targets(results: Results) -> list[Target]:
    """Issue 12's targets, each with its measured figure."""
    return [*ratio_targets(results), *scaling_targets(results), *page_targets(results),
            *memory_targets(results), *preview_targets(results)]


# --- Markdown ----------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _kb(n: int) -> str:
    return f"{n / 1000:,.1f} kB"


LIMIT_TEXT = f"{PAGE_LIMIT_BYTES // 1000} kB"


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def machine_text(m: Machine) -> str:
    versions = ", ".join(f"{k} {v}" for k, v in m.versions.items())
    return (f"{m.cpus} CPUs ({m.cpu_model}), {m.memory_gib:.1f} GiB memory, Python {m.python}, "
            f"{m.platform}; {versions}")


COMPARED = (OURS, PLAIN_SEARCH, NO_PAGEFIND, PLAIN)
"""The builds in the order the tables show them: each of ours beside its baseline."""


def time_table(results: Results, metric: str = WALL) -> str:
    rows = []
    for s in results.sizes:
        ours = s.sites[OURS]
        rows.append([
            f"{s.scale.meetings}", f"{s.scale.partners}", f"{ours.pages} ({ours.pages - ours.pages_en} da, {ours.pages_en} en)",
            *(f"{median_time(s.runs[v], metric):.2f}" for v in COMPARED), f"{median_time(s.pagefind, metric):.2f}",
            *(f"**{paired_ratio(s, v, metric):.2f}**" for v in BASELINES),
            f"{s.load_average[0]:.1f} / {s.load_average[1]:.1f}",
        ])
    return _table(["meetings", "partners", "pages", *(f"{NAMES[v]} s" for v in COMPARED), "Pagefind alone s",
                   *(f"{NAMES[v]} / {NAMES[b]}" for v, b in BASELINES.items()), "load before/after"], rows)


def memory_table(results: Results) -> str:
    rows = [[f"{s.scale.meetings}", f"{peak_process_rss(s.runs[OURS]):.0f}",
             *(f"{peak_rss(s.runs[v]):.0f}" for v in COMPARED), f"{peak_rss(s.pagefind):.0f}",
             f"{peak_rss(s.runs[NO_PAGEFIND]) / peak_rss(s.runs[PLAIN]):.2f}"] for s in results.sizes]
    return _table(["meetings", "ours, largest process MiB", *(f"{NAMES[v]} MiB" for v in COMPARED),
                   "Pagefind alone MiB", "ours without Pagefind / plain"], rows)


def size_table(results: Results) -> str:
    rows = []
    for s in results.sizes:
        for variant in (OURS, PLAIN):
            m = s.sites[variant]
            rows.append([f"{s.scale.meetings}", variant, f"{m.pages}", _kb(m.median_page_bytes),
                         f"{_kb(m.max_page_bytes)} (`{m.max_page}`)", f"{len(m.large_pages)}", _mb(m.site_bytes),
                         _mb(m.pagefind_bytes), f"{_kb(m.home_first_view_gzip)} ({m.home_first_view_files} files)"])
    return _table(["meetings", "build", "pages", "median page", "largest page", f"pages > {LIMIT_TEXT}",
                   "site", "of it Pagefind", "home first view, gzip"], rows)


LARGE_PAGES_SHOWN = 15


def large_pages_table(results: Results) -> str:
    """Ours' pages above the limit at the largest size, largest first (the first few)."""
    largest = max(results.sizes, key=lambda s: s.scale.meetings)
    pages = list(largest.sites[OURS].large_pages.items())
    rows = [[f"`{uri}`", _kb(n)] for uri, n in pages[:LARGE_PAGES_SHOWN]]
    if len(pages) > LARGE_PAGES_SHOWN:
        rows.append([f"… and {len(pages) - LARGE_PAGES_SHOWN} more", ""])
    if not rows:
        return f"None at {largest.scale.meetings} meetings: the largest page is {_kb(largest.sites[OURS].max_page_bytes)}."
    return _table([f"page at {largest.scale.meetings} meetings", "HTML"], rows)


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
                         *(f"{scaling(small, large, v, metric):.2f}×" for v in (*COMPARED, PAGEFIND))])
    return _table(["meetings", "time", "pages", *(NAMES[v] for v in COMPARED), "Pagefind alone"], rows)


def open_data_table(results: Results) -> str:
    """The open-data export alone, and the size of every file it writes (ours, last repetition)."""
    sizes = results.sizes
    rows = [[f"{s.scale.meetings}", f"{statistics.median(s.export_s):.2f}" if s.export_s else "–",
             f"{len(s.sites[OURS].open_data_files)}", _kb(s.sites[OURS].open_data_bytes)] for s in sizes]
    summary = _table(["meetings", "export alone s", "files", "all files"], rows)
    names = sorted({n for s in sizes for n in s.sites[OURS].open_data_files})
    files = [[f"`{name}`", *(_kb(s.sites[OURS].open_data_files.get(name, 0)) for s in sizes)] for name in names]
    return summary + "\n\n" + _table(["file in `data/`", *(f"{s.scale.meetings} meetings" for s in sizes)], files)


def preview_table(preview: Preview) -> str:
    """Each edit of one preview: the report edits, then the data edit."""
    def row(label: str, r: Rebuild) -> list[str]:
        return [label, f"{r.detect_s:.2f}", "–" if r.built_in_s is None else f"{r.built_in_s:.2f}",
                f"{r.total_s:.2f}", "not shown" if r.page_s is None else f"{r.page_s:.2f}"]
    rows = [row(f"report {i + 1}", r) for i, r in enumerate(preview.edits)]
    rows += [row(f"data {i + 1}", r) for i, r in enumerate(preview.data_edits)]
    return _table(["edit", "change detected after s", "MkDocs \"built in\" s", "edit → \"Reloading browsers\" s",
                   "edit → page shows it s"], rows)


def preview_text(preview: Preview) -> str:
    """What was edited and checked, the first build, the edits, and why it stopped if it did."""
    edited = f"`{preview.report}` (page `{preview.page}`)" + (
        f", then `{preview.data_file}` (a meeting's title, each data edit another)" if preview.data_file else "")
    full = f"; a full build of the same project: {preview.full_build_s:.2f} s" if preview.full_build_s else ""
    parts = [f"Edited: {edited}. First build and start of the server: {preview.startup_s:.2f} s{full}.",
             preview_table(preview)]
    if preview.error:
        parts.append("Stopped early:\n\n```\n" + preview.error.strip() + "\n```")
    return "\n\n".join(parts)


def heavy_table(results: Results) -> str:
    """The heavier partnership, ours only: its size, build time and memory."""
    rows = [[f"{s.scale.meetings}", f"{s.scale.partners}", f"{s.sites[OURS].pages}", _mb(s.source_bytes),
             f"{median_time(s.runs[OURS]):.2f}", f"{median_time(s.runs[OURS], CPU):.2f}",
             f"{peak_rss(s.runs[OURS]):.0f}", f"{peak_process_rss(s.runs[OURS]):.0f}",
             f"{s.load_average[0]:.1f} / {s.load_average[1]:.1f}"] for s in results.heavy]
    return _table(["meetings", "partners", "pages", "data and content", "ours wall s", "ours CPU s",
                   "whole build peak MiB", "largest process MiB", "load before/after"], rows)


def target_table(results: Results) -> str:
    return _table(["target", "measured", "met"],
                  [[t.name, t.measured, "yes" if t.met else "**no**"] for t in targets(results)])


def markdown(results: Results) -> str:
    """The whole report, as it goes into docs/benchmark.md."""
    parts = [
        (f"Command: `{results.command}` — {results.reps} repetition(s) per size, variants alternated "
         f"({', '.join(NAMES[v] for v in COMPARED)}); times are medians, ratios are medians of the "
         "back-to-back pairs."),
        f"Machine: {machine_text(results.machine)}.",
        f"Code: {results.source}.",
    ]
    if results.sizes:  # none when only the heavier partnership or a preview was measured
        parts += _size_parts(results)
    if results.heavy:
        parts += [("### The heavier partnership (`synth.scale_for(n, \"heavy\")`: ours only; peak memory of "
                   "MkDocs and Pagefind at once, sampled)"), heavy_table(results)]
    for preview in results.previews:
        parts += [f"### `mkdocs serve`, {preview.project}", preview_text(preview)]
    parts += ["### Targets", target_table(results)]
    return "\n\n".join(parts) + "\n"


def _size_parts(results: Results) -> list[str]:
    """The report's sections on the standard partnership's builds, size by size."""
    return [
        "### Build time (wall clock, seconds)", time_table(results),
        "### CPU time (user + system of the build and its children, seconds)", time_table(results, CPU),
        ("### Peak memory (resident sets of the build process and its children at once, "
         "sampled; at least the largest process)"), memory_table(results),
        "### Pages and sizes", size_table(results),
        f"### Pages above {LIMIT_TEXT}", large_pages_table(results),
        "### Median size of item pages, by section", section_table(results),
        "### Largest page of each kind", kinds_table(results),
        "### Scaling", scaling_table(results),
        "### Open data: the export alone, and its files", open_data_table(results),
    ]
