"""The preview (``mkdocs serve``, started as ``make serve`` starts it): how long an editor
waits after changing a file until the changed page is served.

Starts the real server on a free loopback port in a scratch project and waits for its first
build. Then, several times, appends a sentence to a report in ``content/referater/`` and
reads the server's log until it says the rebuilt site is being served ("Reloading
browsers"), and fetches the page of the report's meeting over HTTP until it holds the new
sentence; optionally changes of a data file the same way (a meeting's title, several times). Then stops the server with
Ctrl-C (SIGINT), as a person would, and puts the changed files back as they were.
"""

from __future__ import annotations

import html
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field, replace
from pathlib import Path

import frontmatter

SERVE_ARGS = ("serve", "--dirty")
"""What follows ``python -m mkdocs`` in the Makefile's ``serve`` recipe (``make serve``);
``tests/test_bench.py`` checks that the two agree."""
SETTLE_S = 1.0
"""Pause before each edit, so the file watcher has taken its snapshot."""
POLL_S = 0.5
"""MkDocs's own file watcher polls every 0.5 s (the preview's, ``boligdialog/adapter/watching.py``,
hears at once unless ``BOLIGDIALOG_WATCH=poll``); edits are spread over that period."""
FETCH_EVERY_S = 0.1
"""How often the changed page is fetched again while it does not show the change yet."""
TIMEOUT_S = 900.0
"""Longest wait for one step (the first build of 2,000 meetings takes minutes on a loaded machine)."""
MEETING_PAGE = "/moeder/{id}/"
"""Address of a meeting's Danish page (``boligdialog.site.routes``; not imported, so that the
benchmark does not depend on the code it measures)."""
BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")


@dataclass(frozen=True)
class Rebuild:
    """One edit and what the server did about it."""

    detect_s: float
    """From the edit to "Detected file changes" (up to 0.5 s where MkDocs polls the files)."""
    total_s: float
    """From the edit to "Reloading browsers": the server says the new site is served."""
    built_in_s: float | None
    """MkDocs's own "Documentation built in" figure (excludes config loading and our on_config).
    ``None`` when MkDocs did not print it: it never logs the same message twice, so a second
    build that takes as long as an earlier one goes unreported."""
    page_s: float | None = None
    """From the edit to the changed page fetched over HTTP with the change in it; ``None`` if
    it did not show the change within :data:`TIMEOUT_S`."""


@dataclass(frozen=True)
class Change:
    """A new text for one file, and what the page at ``page`` must then contain."""

    path: Path
    text: str
    page: str
    expect: str


@dataclass(frozen=True)
class Preview:
    """The preview of one project: its first build, the report edits, the data edits."""

    project: str
    """``shipped``, ``<n> meetings`` or ``<n> meetings, <partnership>``."""
    report: str
    """The edited report, relative to the project."""
    page: str
    """The address checked after each report edit (the report's meeting page)."""
    startup_s: float
    """From starting the server to "Serving on" (its first full build included)."""
    edits: list[Rebuild] = field(default_factory=list)
    data_file: str | None = None
    """The edited data file, if one was."""
    data_edits: list[Rebuild] = field(default_factory=list)
    """Each edit of :attr:`data_file`, in turn."""
    meetings: int | None = None
    """The synthetic partnership's meetings (``None``: the shipped content)."""
    full_build_s: float | None = None
    """Median wall time of the full build (``ours``) of the same project in the same run."""
    error: str | None = None
    """Why the measurement stopped early, if it did (the figures before it stand)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def report_page(report: Path) -> str:
    """The meeting page a report belongs to: its front matter names the meeting."""
    return MEETING_PAGE.format(id=frontmatter.load(report)["meeting"])


def makefile_serve_args(makefile: Path) -> list[str]:
    """The arguments after ``-m mkdocs`` in the ``serve:`` recipe of ``makefile``."""
    lines = makefile.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("serve:"))
    for line in lines[start + 1:]:
        if not line.startswith("\t"):
            break
        words = line.split()
        if "mkdocs" in words and "-m" in words:
            return words[words.index("mkdocs") + 1:]
    raise ValueError(f"{makefile}: no `-m mkdocs` command in the serve recipe")


class _Log:
    """The server's output, line by line, with the time each line was read."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.seen: list[str] = []
        assert proc.stdout is not None
        threading.Thread(target=self._read, args=(proc.stdout,), daemon=True).start()

    def _read(self, stream) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            self.lines.put((time.perf_counter(), line))

    def wait_for(self, pattern: str, timeout: float, *, after: float = 0.0) -> tuple[float, list[str]]:
        """Time of the next line matching ``pattern`` read after the time ``after`` (lines of an
        earlier rebuild still queued are not taken for this one's), and the lines before it;
        fails on a build error."""
        deadline = time.monotonic() + timeout
        before: list[str] = []
        while True:
            try:
                at, line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError(f"no {pattern!r} from mkdocs serve:\n" + "".join(self.seen[-30:])) from None
            self.seen.append(line)
            if "An error happened during the rebuild" in line or "Aborted with" in line:
                raise RuntimeError("mkdocs serve failed to rebuild:\n" + "".join(self.seen[-30:]))
            if re.search(pattern, line) and at >= after:
                return at, before
            before.append(line)


class Server:
    """``mkdocs serve`` with :data:`SERVE_ARGS` in ``project``, running until :meth:`stop`."""

    def __init__(self, project: Path, env: dict[str, str], timeout: float = TIMEOUT_S) -> None:
        self.port, self.timeout = free_port(), timeout
        args = [sys.executable, "-m", "mkdocs", *SERVE_ARGS, "-f", str(project / "mkdocs.yml"),
                "-a", f"127.0.0.1:{self.port}"]
        start = time.perf_counter()
        self.proc = subprocess.Popen(args, cwd=project, env=env, text=True, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            self.log = _Log(self.proc)
            served, _ = self.log.wait_for(r"Serving on ", timeout)
        except BaseException:
            self.stop()
            raise
        self.startup_s = served - start

    def fetch(self, page: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{page}", timeout=30) as response:
            return html.unescape(response.read().decode("utf-8"))

    def _shows(self, page: str, expect: str) -> bool:
        try:
            return expect in self.fetch(page)
        except (urllib.error.URLError, OSError):
            return False

    def change(self, change: Change, settle_s: float = SETTLE_S) -> Rebuild:
        """Write ``change``, wait for the rebuild, then fetch its page until it shows the change."""
        time.sleep(settle_s)
        start = time.perf_counter()
        change.path.write_text(change.text, encoding="utf-8")
        detected, _ = self.log.wait_for(r"Detected file changes", self.timeout, after=start)
        done, lines = self.log.wait_for(r"Reloading browsers", self.timeout, after=detected)
        built = next((m for m in map(BUILT_IN.search, lines) if m), None)
        deadline = time.monotonic() + self.timeout
        while not (shown := self._shows(change.page, change.expect)) and time.monotonic() < deadline:
            time.sleep(FETCH_EVERY_S)
        return Rebuild(detect_s=detected - start, total_s=done - start,
                       built_in_s=float(built.group(1)) if built else None,
                       page_s=time.perf_counter() - start if shown else None)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def report_edits(report: Path, edits: int) -> list[Change]:
    """``edits`` changes of ``report``, each appending one more numbered sentence."""
    text, page, out = report.read_text(encoding="utf-8"), report_page(report), []
    for n in range(edits):
        sentence = f"Tilføjet i benchmark, rettelse {n + 1}."
        text += f"\n{sentence}\n"
        out.append(Change(report, text, page, sentence))
    return out


def measure_preview(project: Path, name: str, report: Path, edits: int, env: dict[str, str],
                    data_changes: list[Change] | None = None, full_build_s: float | None = None,
                    timeout: float = TIMEOUT_S, meetings: int | None = None) -> Preview:
    """Time ``edits`` edits of ``report``, then each of ``data_changes`` (of one file), under
    ``mkdocs serve`` in ``project``.

    The edited files get their text back afterwards. A failure ends the measurement with the
    figures so far and the reason in :attr:`Preview.error`.
    """
    changes, data_changes = report_edits(report, edits), data_changes or []
    originals = {c.path: c.path.read_text(encoding="utf-8") for c in [*changes, *data_changes]}
    preview = Preview(project=name, report=report.relative_to(project).as_posix(), page=report_page(report),
                      startup_s=0.0, full_build_s=full_build_s, meetings=meetings,
                      data_file=data_changes[0].path.relative_to(project).as_posix() if data_changes else None)
    rebuilds: list[Rebuild] = []
    data_rebuilds: list[Rebuild] = []
    try:
        server = Server(project, env, timeout)
        try:
            preview = replace(preview, startup_s=server.startup_s)
            for n, change in enumerate(changes):
                rebuilds.append(server.change(change, SETTLE_S + POLL_S * n / max(1, edits)))
            preview = replace(preview, edits=rebuilds)
            for change in data_changes:
                data_rebuilds.append(server.change(change))
            preview = replace(preview, data_edits=data_rebuilds)
        finally:
            server.stop()
    except (TimeoutError, RuntimeError, OSError) as exc:  # keep what was measured
        preview = replace(preview, edits=rebuilds, data_edits=data_rebuilds, error=str(exc))
    finally:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
    return preview
