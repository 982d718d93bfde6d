"""When the data last changed: the time of the last git commit that touched the data and
content folders, or, outside a git checkout, the newest modification time of their files.

Never later than the build time, so a build with ``SOURCE_DATE_EPOCH`` does not state a
time after the one it pretends to be built at. A shallow clone (CI's default checkout)
knows only its last commit, which then counts as the last change.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from .schedule import TZ


def git_time(root: Path, folders: list[Path]) -> dt.datetime | None:
    """Commit time of the last commit that changed anything in ``folders``, or ``None``."""
    try:
        result = subprocess.run(
            # safe.directory: a checkout owned by another user (a CI container) may be read too
            ["git", "-c", "safe.directory=*", "-C", str(root), "log", "-1", "--format=%cI", "--",
             *(str(f) for f in folders)],
            capture_output=True, text=True, check=False, timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = result.stdout.strip()
    if result.returncode != 0 or not text:
        return None
    return dt.datetime.fromisoformat(text)


def newest_file_time(folders: list[Path]) -> dt.datetime | None:
    times = [p.stat().st_mtime for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()]
    return dt.datetime.fromtimestamp(max(times), TZ) if times else None


def last_change(root: Path, folders: list[Path], *, now: dt.datetime) -> dt.datetime:
    """When anything in ``folders`` (inside the project at ``root``) last changed, in
    Copenhagen time, whole seconds, at most ``now``."""
    found = git_time(root, folders) or newest_file_time(folders) or now
    return min(found, now).astimezone(TZ).replace(microsecond=0)
