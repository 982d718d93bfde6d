"""``python -m bench``: build synthetic partnerships with our hooks and with plain MkDocs,
alternating, and report times, memory, page sizes and how fast the preview shows an edit.

For each size: write a scratch project (our config, overrides and hooks with
synthetic data and content), run one untimed capture build that also writes
the baselines' plain Markdown, then repeat ``ours``, ``plain-search``,
``ours-no-pagefind`` and ``plain`` builds back to back, and Pagefind alone on
ours' site; then, at the sizes of ``--serve-sizes``, time ``mkdocs serve`` after
edits in that project (report edits, then edits of a meeting's title). At the sizes of
``--heavy-sizes`` the heavier partnership (``synth.scale_for(n, "heavy")``) is built with
ours only, for its time and memory, and its preview timed where ``--serve-sizes`` has the
size too. Results go to ``--out`` as ``results.json`` and ``report.md``; the report is also
printed.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from importlib import metadata
from pathlib import Path

from . import report, synth
from .measure import SEARCH_BUNDLES, Run, folder_bytes, run_measured, site_metrics
from .project import (
    CODE_PARTS, NO_PAGEFIND, OURS, PLAIN, PLAIN_SEARCH, ROOT, SHIPPED_PARTS, VARIANTS, Project, copy_parts,
    plain_config, read_config, scratch_project, snapshot, write_config,
)
from .serve import MEETING_PAGE, Change, Preview, measure_preview

Say = Callable[[str], None]
"""Where progress lines go."""

DEFAULT_SIZES = (20, 200, 2000)
DEFAULT_SERVE_SIZES = (200, 2000)
DEFAULT_HEAVY_SIZES = (200, 2000)
PACKAGES = ("mkdocs", "mkdocs-material", "pagefind", "markdown", "pydantic")


class BuildFailed(RuntimeError):
    """A measured build (or Pagefind) did not succeed; the message ends with its log."""


def _checked(run: Run, what: str, log: Path) -> Run:
    if run.returncode != 0:
        raise BuildFailed(f"{what} failed (exit {run.returncode}):\n{log.read_text(encoding='utf-8')[-4000:]}")
    return run


def build_env(code: Path, epoch: bool = True) -> dict[str, str]:
    """The environment of every build: the code snapshot first on the import path, a fixed
    build date, no capture, no MkDocs 2 notice."""
    env = {k: v for k, v in os.environ.items() if k != "BENCH_CAPTURE_DIR"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(code), os.environ.get("PYTHONPATH", "")) if p)
    env["NO_MKDOCS_2_WARNING"] = "1"
    if epoch:
        noon = dt.datetime.combine(synth.BENCH_DATE, dt.time(12), tzinfo=dt.UTC)
        env["SOURCE_DATE_EPOCH"] = str(int(noon.timestamp()))
    return env


def mkdocs_build(project: Project, variant: str, env: dict[str, str], site: Path | None = None) -> Run:
    """One measured ``mkdocs build --strict`` of ``variant``; raises if it fails."""
    site = site or project.site(variant)
    log = project.root / f"build-{variant}.log"
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project.config(variant)), "-d", str(site)]
    return _checked(run_measured(args, cwd=project.root, env=env, log=log), f"{variant} build in {project.root}", log)


def pagefind_alone(project: Project, env: dict[str, str]) -> Run:
    """Pagefind on ours' site, as ``on_post_build`` runs it (:func:`boligdialog.outputs.search.index_site`,
    a run per language): from no index (with the index of the build's own run left in place,
    Pagefind takes about half the time)."""
    site = project.site(OURS)
    for bundle in SEARCH_BUNDLES:
        shutil.rmtree(site / bundle, ignore_errors=True)
    args = [sys.executable, "-c", "import sys; from pathlib import Path; from boligdialog.outputs import search; "
            "search.index_site(Path(sys.argv[1]))", str(site)]
    log = project.root / "pagefind.log"
    return _checked(run_measured(args, cwd=project.root, env=env, log=log), "Pagefind", log)


def export_alone(project: Project, env: dict[str, str]) -> float:
    """Seconds the open-data export takes on its own (``bench/export.py``, data loaded first)."""
    log = project.root / "export.log"
    args = [sys.executable, str(ROOT / "bench" / "export.py"), str(project.root)]
    with log.open("wb") as out:
        done = subprocess.run(args, cwd=project.root, env=env, stdout=subprocess.PIPE, stderr=out, check=False)
    if done.returncode != 0:
        raise BuildFailed(f"open-data export failed (exit {done.returncode}):\n{log.read_text(encoding='utf-8')[-4000:]}")
    return float(json.loads(done.stdout)["export_s"])


def capture_baseline(project: Project, env: dict[str, str]) -> None:
    """Build once through the shim with capture on, then write the plain configs (with and
    without search) for its output."""
    mkdocs_build(project, NO_PAGEFIND, env | {"BENCH_CAPTURE_DIR": str(project.capture)},
                 site=project.root / "site-capture")
    shutil.rmtree(project.root / "site-capture")
    in_nav = json.loads((project.capture / "pages.json").read_text(encoding="utf-8"))
    ours = read_config(project.config(OURS))
    for variant, search in ((PLAIN, False), (PLAIN_SEARCH, True)):
        write_config(plain_config(ours, "capture/docs", in_nav, search=search), project.config(variant))


def synthetic_changes(project: Project, partnership: synth.Partnership, edits: int = 1) -> tuple[Path, list[Change]]:
    """The Danish report of the last held meeting, and ``edits`` changes in turn of that
    meeting's Danish title in ``data/meetings.yaml`` (the rest of the file as written), each
    to be seen on its page."""
    document = copy.deepcopy(partnership.data["meetings.yaml"])
    meeting = [m for m in document["meetings"] if m["state"] == "held"][-1]
    title, changes = meeting["name"]["da"], []
    for n in range(edits):
        meeting["name"]["da"] = f"{title} (rettet {n + 1})"
        changes.append(Change(path=project.root / "data" / "meetings.yaml", text=synth.yaml_text(document),
                              page=MEETING_PAGE.format(id=meeting["id"]), expect=meeting["name"]["da"]))
    return project.root / "content" / "referater" / f"{meeting['id']}.md", changes


def measure_synthetic_preview(project: Project, partnership: synth.Partnership, name: str, env: dict[str, str],
                              say: Say, *, serve_edits: int, data_edits: int, full_build_s: float) -> Preview:
    """``mkdocs serve`` on a synthetic project: ``serve_edits`` report edits, then ``data_edits``
    edits of a meeting's title."""
    report_file, data_changes = synthetic_changes(project, partnership, data_edits)
    say(f"  mkdocs serve: {serve_edits} edit(s) to {report_file.relative_to(project.root)}, "
        f"then {len(data_changes)} to data/meetings.yaml")
    preview = measure_preview(project.root, name, report_file, serve_edits, env, data_changes=data_changes,
                              full_build_s=full_build_s, meetings=partnership_meetings(partnership))
    _say_preview(preview, say)
    return preview


def partnership_meetings(partnership: synth.Partnership) -> int:
    return len(partnership.data["meetings.yaml"]["meetings"])


def bench_size(meetings: int, reps: int, workdir: Path, code: Path, seed: int, say: Say,
               serve_edits: int = 0, data_edits: int = 1) -> report.SizeResult:
    """Every figure of one size: capture build, then ``reps`` rounds of the variants in turn,
    then (with ``serve_edits``) the preview after that many report edits and ``data_edits``
    data edits."""
    scale = synth.scale_for(meetings)
    partnership = synth.partnership(scale, seed)
    project = scratch_project(workdir / f"size-{meetings}", partnership, code)
    env = build_env(code)
    load_before = os.getloadavg()[0]
    say(f"{meetings} meetings, {scale.partners} partners: capture build")
    capture_baseline(project, env)
    runs: dict[str, list[Run]] = {v: [] for v in VARIANTS}
    pagefind: list[Run] = []
    export: list[float] = []
    for rep in range(reps):
        for variant in VARIANTS:
            runs[variant].append(mkdocs_build(project, variant, env))
            if variant == OURS:
                pagefind.append(pagefind_alone(project, env))
        export.append(export_alone(project, env))
        say(f"  repetition {rep + 1}/{reps}: " + ", ".join(f"{v} {runs[v][-1].wall_s:.2f} s" for v in VARIANTS)
            + f", pagefind alone {pagefind[-1].wall_s:.2f} s, open-data export alone {export[-1]:.2f} s")
    load_after = os.getloadavg()[0]
    sites = {v: site_metrics(project.site(v)) for v in (OURS, PLAIN)}
    preview = None
    if serve_edits > 0:
        preview = measure_synthetic_preview(project, partnership, f"{meetings} meetings", env, say,
                                            serve_edits=serve_edits, data_edits=data_edits,
                                            full_build_s=report.median_time(runs[OURS]))
    return report.SizeResult(
        scale=scale, runs=runs, pagefind=pagefind, export_s=export, sites=sites,
        source_bytes=folder_bytes(project.root / "data") + folder_bytes(project.root / "content"),
        load_average=(load_before, load_after), preview=preview,
    )


def bench_heavy(meetings: int, reps: int, workdir: Path, code: Path, seed: int, say: Say,
                serve_edits: int = 0, data_edits: int = 1) -> report.SizeResult:
    """The heavier partnership at one size: ``reps`` builds of ours alone (time, and the memory
    of MkDocs and Pagefind together), then (with ``serve_edits``) its preview as :func:`bench_size`'s."""
    scale = synth.scale_for(meetings, synth.HEAVY)
    partnership = synth.partnership(scale, seed)
    project = scratch_project(workdir / f"heavy-{meetings}", partnership, code)
    env = build_env(code)
    load_before = os.getloadavg()[0]
    runs: list[Run] = []
    for rep in range(reps):
        runs.append(mkdocs_build(project, OURS, env))
        say(f"{meetings} meetings, {scale.name} partnership: build {rep + 1}/{reps} {runs[-1].wall_s:.2f} s, "
            f"{runs[-1].whole_peak_mib:.0f} MiB")
    load_after = os.getloadavg()[0]
    preview = None
    if serve_edits > 0:
        preview = measure_synthetic_preview(project, partnership, f"{meetings} meetings, {scale.name}", env, say,
                                            serve_edits=serve_edits, data_edits=data_edits,
                                            full_build_s=report.median_time(runs))
    return report.SizeResult(
        scale=scale, runs={OURS: runs}, pagefind=[], sites={OURS: site_metrics(project.site(OURS))},
        source_bytes=folder_bytes(project.root / "data") + folder_bytes(project.root / "content"),
        load_average=(load_before, load_after), preview=preview,
    )


def _say_preview(preview: Preview, say: Say) -> None:
    times = ", ".join(f"{r.total_s:.2f} s" for r in preview.edits)
    data = ", ".join(f"{r.total_s:.2f} s" for r in preview.data_edits)
    say(f"  mkdocs serve: first build {preview.startup_s:.2f} s; report edits served after {times or '–'}"
        + (f"; data edits {data}" if data else "")
        + (f"\n  mkdocs serve measurement stopped:\n{preview.error}" if preview.error else ""))


def shipped_serve(edits: int, workdir: Path, code: Path, say: Say) -> Preview | None:
    """The preview of a copy of the shipped project after ``edits`` edits of its first report."""
    if edits <= 0:
        return None
    project = copy_parts(workdir / "shipped", SHIPPED_PARTS, source=code)
    report_file = min((project / "content" / "referater").glob("*.md"))
    say(f"mkdocs serve on the shipped content: {edits} edit(s) to {report_file.relative_to(project)}")
    preview = measure_preview(project, "shipped", report_file, edits, build_env(code, epoch=False))
    _say_preview(preview, say)
    return preview


def source_version(code: Path) -> str:
    """The commit the measured code is from, and whether its files differ from it."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=code, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""
    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return f"{code} (not a git checkout)"
    changed = git("status", "--porcelain", "--", *CODE_PARTS)
    return commit + (" with uncommitted changes in " + ", ".join(CODE_PARTS) if changed else "")


def machine() -> report.Machine:
    """CPUs available to us, CPU model, memory, Python, OS and the versions that matter."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
                 platform.processor() or "unknown")
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    return report.Machine(
        cpus=len(os.sched_getaffinity(0)), cpu_model=model, memory_gib=pages / 2**30,
        python=platform.python_version(), platform=platform.platform(),
        versions={p: metadata.version(p) for p in PACKAGES},
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line; ``--workdir`` must be new or empty."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="meeting counts, comma-separated (default: %(default)s)")
    parser.add_argument("--reps", type=int, default=3, help="repetitions per size (default: %(default)s)")
    parser.add_argument("--serve-edits", type=int, default=5,
                        help="report edits timed with mkdocs serve on the shipped content and at each size of "
                             "--serve-sizes, 0 to skip (default: %(default)s)")
    parser.add_argument("--serve-sizes", default=",".join(map(str, DEFAULT_SERVE_SIZES)),
                        help="of --sizes and --heavy-sizes, those at which mkdocs serve is timed on the "
                             "synthetic project (default: %(default)s)")
    parser.add_argument("--data-edits", type=int, default=3,
                        help="edits of a meeting's title timed with mkdocs serve after the report edits "
                             "(default: %(default)s)")
    parser.add_argument("--heavy-sizes", default=",".join(map(str, DEFAULT_HEAVY_SIZES)),
                        help="meeting counts at which the heavier partnership is built (ours only: time "
                             "and memory), empty for none (default: %(default)s)")
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="take boligdialog/, hooks/, mkdocs.yml, data/ and content/ from this "
                             "folder, e.g. a patched copy (default: this checkout)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results", help="default: %(default)s")
    parser.add_argument("--workdir", type=Path, help="scratch folder to keep (default: a temporary one, removed)")
    parser.add_argument("--from-json", type=Path, metavar="RESULTS_JSON",
                        help="measure nothing: print the report of an earlier run's results.json")
    args = parser.parse_args(argv)
    if args.workdir and args.workdir.exists() and any(args.workdir.iterdir()):
        parser.error(f"--workdir {args.workdir} is not empty")
    return args


def run(args: argparse.Namespace, command: str, workdir: Path, say: Say) -> report.Results:
    """Snapshot the code, measure every size, then ``mkdocs serve`` on the shipped content."""
    sizes, serve_sizes = _numbers(args.sizes), set(_numbers(args.serve_sizes))
    source = source_version(args.code)
    code = snapshot(workdir / "code", args.code)
    results = [bench_size(n, args.reps, workdir, code, args.seed, say,
                          serve_edits=args.serve_edits if n in serve_sizes else 0, data_edits=args.data_edits)
               for n in sizes]
    heavy = [bench_heavy(n, args.reps, workdir, code, args.seed, say,
                         serve_edits=args.serve_edits if n in serve_sizes else 0, data_edits=args.data_edits)
             for n in _numbers(args.heavy_sizes)]
    return report.Results(machine=machine(), source=source, command=command, reps=args.reps,
                          sizes=results, shipped_preview=shipped_serve(args.serve_edits, workdir, code, say),
                          heavy=heavy)


def _numbers(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    command = " ".join(["python -m bench", shlex.join(argv)]).strip()

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    if args.from_json:
        print(report.markdown(report.results_from_json(json.loads(args.from_json.read_text(encoding="utf-8")))))
        return 0

    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        results = run(args, command, args.workdir, say)
    else:
        with tempfile.TemporaryDirectory(prefix="boligdialog-bench-") as tmp:
            results = run(args, command, Path(tmp), say)
    text = report.markdown(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(asdict(results), indent=1, default=str), encoding="utf-8")
    (args.out / "report.md").write_text(text, encoding="utf-8")
    print(text)
    return 0
