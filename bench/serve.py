"""``mkdocs serve`` rebuild time after an editor changes one meeting report.

Starts the real ``mkdocs serve`` on a free loopback port in a scratch copy of the
project, appends a sentence to a report in ``content/referater/`` and reads the
server's log until it says the rebuilt site is being served ("Reloading
browsers"). Then stops the server with Ctrl-C (SIGINT), as a person would.
"""

from __future__ import annotations

import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SETTLE_S = 1.0
"""Pause before each edit, so the file watcher has taken its snapshot."""
POLL_S = 0.5
"""MkDocs's file watcher polls every 0.5 s; edits are spread over that period."""


BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")


@dataclass(frozen=True)
class Rebuild:
    detect_s: float
    """From the edit to "Detected file changes" (MkDocs polls files every 0.5 s)."""
    total_s: float
    """From the edit to "Reloading browsers": the new site is served."""
    built_in_s: float | None
    """MkDocs's own "Documentation built in" figure (excludes config loading and our on_config).
    ``None`` when MkDocs did not print it: it never logs the same message twice, so a second
    build that takes as long as an earlier one goes unreported."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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

    def wait_for(self, pattern: str, timeout: float) -> tuple[float, re.Match[str], list[str]]:
        """Time and match of the next line matching ``pattern``, and the lines before it;
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
            match = re.search(pattern, line)
            if match:
                return at, match, before
            before.append(line)


def _stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def serve_rebuilds(project: Path, report: Path, edits: int, env: dict[str, str],
                   timeout: float = 180) -> list[Rebuild]:
    """Time ``edits`` rebuilds of ``mkdocs serve`` in ``project``, each after appending to ``report``."""
    args = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
            "-a", f"127.0.0.1:{free_port()}"]
    proc = subprocess.Popen(args, cwd=project, env=env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    out: list[Rebuild] = []
    try:
        log = _Log(proc)
        log.wait_for(r"Serving on ", timeout)
        for n in range(edits):
            time.sleep(SETTLE_S + POLL_S * n / edits)
            start = time.perf_counter()
            with report.open("a", encoding="utf-8") as f:
                f.write(f"\nTilføjet i benchmark, rettelse {n + 1}.\n")
            detected, _, _ = log.wait_for(r"Detected file changes", timeout)
            done, _, lines = log.wait_for(r"Reloading browsers", timeout)
            built = next((m for m in map(BUILT_IN.search, lines) if m), None)
            out.append(Rebuild(detect_s=detected - start, total_s=done - start,
                               built_in_s=float(built.group(1)) if built else None))
    finally:
        _stop(proc)
    return out
