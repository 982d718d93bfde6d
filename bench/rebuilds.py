"""``python -m bench.rebuilds``: the preview's rebuild in one process, phase by phase.

A synthetic partnership (:mod:`bench.synth`) is written to a scratch project (or an existing one
is used again), built once as ``mkdocs serve --dirty`` builds it, and then rebuilt after each of
``--edits`` edits, one after another with ``--gap`` seconds between them: a sentence added to the
Danish report of the last held meeting (``text``), or that meeting's Danish title changed in
``data/meetings.yaml`` (``data``). No file watcher and no server: the rebuild alone, as
``tests/test_rebuild.py`` makes it. For each rebuild it prints the wall and CPU time, the time of
Python's full (generation-2) collections in it, the load average, and the time of each MkDocs
event and of MkDocs's own steps (its file scan, the theme's files, the navigation, the theme's
templates) that took more than 10 ms.

Where ``make bench`` times what an editor waits for (edit → page served, through ``mkdocs
serve``), this shows where a rebuild's time goes. It prints, it asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import synth
from bench.project import ROOT, Project, scratch_project
from bench.run import build_env, synthetic_changes

SERVE_URL = "http://127.0.0.1:8000/"
SHOWN_S = 0.01
"""Phases shorter than this are not printed."""


class Phases:
    """Time spent in MkDocs's events and steps during one build, and in full collections."""

    def __init__(self) -> None:
        self.times: dict[str, float] = defaultdict(float)
        self.collections = 0
        self.collecting_s = 0.0
        self._started = 0.0

    def clear(self) -> None:
        self.times.clear()
        self.collections, self.collecting_s = 0, 0.0

    def timed(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.times[name] += time.perf_counter() - start
        return wrapper

    def on_gc(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.collections += 1
            self.collecting_s += time.perf_counter() - self._started

    def line(self) -> str:
        return " ".join(f"{name}={s:.3f}" for name, s in sorted(self.times.items(), key=lambda kv: -kv[1])
                        if s >= SHOWN_S)


@contextmanager
def watching(phases: Phases) -> Iterator[None]:
    """Time MkDocs's events and steps (``mkdocs`` 1.6's module functions, pinned) while inside."""
    import mkdocs.commands.build as build
    import mkdocs.plugins as plugins
    import mkdocs.structure.files as files

    saved = [(build, "get_files"), (build, "get_navigation"), (files.Files, "add_files_from_theme")]
    originals = [getattr(owner, name) for owner, name in saved]
    run_event, theme_template = plugins.PluginCollection.run_event, build._build_theme_template

    def event(self: Any, name: str, item: Any = None, **kwargs: Any) -> Any:
        return phases.timed(f"on_{name}", run_event)(self, name, item, **kwargs)

    def template(name: str, *args: Any, **kwargs: Any) -> Any:
        return phases.timed(name, theme_template)(name, *args, **kwargs)

    for (owner, name), original in zip(saved, originals):
        setattr(owner, name, phases.timed(name, original))
    plugins.PluginCollection.run_event = event  # type: ignore[method-assign]
    build._build_theme_template = template
    gc.callbacks.append(phases.on_gc)
    try:
        yield
    finally:
        gc.callbacks.remove(phases.on_gc)
        for (owner, name), original in zip(saved, originals):
            setattr(owner, name, original)
        plugins.PluginCollection.run_event = run_event  # type: ignore[method-assign]
        build._build_theme_template = theme_template


def serve_build(project: Path) -> None:
    """One build as ``mkdocs serve --dirty`` makes it: the config read again, the preview's address."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "preview"))
    config.plugins.on_startup(command="serve", dirty=True)
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL, dirty=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.rebuilds", description=__doc__.splitlines()[0])
    parser.add_argument("workdir", type=Path, help="the scratch project (written if it has no mkdocs.yml)")
    parser.add_argument("--meetings", type=int, default=2000)
    parser.add_argument("--partnership", choices=synth.PARTNERSHIPS, default=synth.STANDARD)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--kind", choices=("text", "data"), default="text")
    parser.add_argument("--gap", type=float, default=1.5, help="seconds between rebuilds (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    partnership = synth.partnership(synth.scale_for(args.meetings, args.partnership), args.seed)
    if not (args.workdir / "mkdocs.yml").exists():
        scratch_project(args.workdir, partnership, ROOT)
    project = Project(args.workdir)
    report, changes = synthetic_changes(project, partnership, args.edits)
    env = build_env(ROOT)
    os.environ.update({key: env[key] for key in ("SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING")})
    os.chdir(args.workdir)
    start = time.perf_counter()
    serve_build(args.workdir)
    print(f"first build {time.perf_counter() - start:.2f} s", flush=True)
    phases = Phases()
    with watching(phases):
        for n in range(args.edits):
            time.sleep(args.gap)
            if args.kind == "text":
                with report.open("a", encoding="utf-8") as f:
                    f.write(f"\nTilføjet sætning nummer {n + 1}.\n")
            else:
                changes[n].path.write_text(changes[n].text, encoding="utf-8")
            phases.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            serve_build(args.workdir)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(f"rebuild {n + 1} ({args.kind}): {wall:.2f} s wall, {cpu:.2f} s CPU, full collections "
                  f"{phases.collections} ({phases.collecting_s:.2f} s), load {os.getloadavg()[0]:.1f}\n  "
                  f"{phases.line()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
