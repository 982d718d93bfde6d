"""When the data last changed (boligdialog/changed.py): from git where there is a history,
else from the files' modification times; never after the build time."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from boligdialog.changed import last_change
from boligdialog.schedule import TZ

NOW = dt.datetime(2027, 1, 1, 12, tzinfo=TZ)


def files(root: Path) -> list[Path]:
    (root / "data").mkdir(parents=True)
    (root / "content").mkdir()
    (root / "data/partners.yaml").write_text("partners: []\n", encoding="utf-8")
    (root / "content/index.md").write_text("# x\n", encoding="utf-8")
    (root / "README.md").write_text("x\n", encoding="utf-8")
    return [root / "data", root / "content"]


def git(root: Path, *args: str, when: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_last_commit_that_touched_the_data_counts(tmp_path):
    folders = files(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "data", when="2026-05-04T10:00:00+02:00")
    (tmp_path / "README.md").write_text("changed\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "not data", when="2026-06-01T10:00:00+02:00")
    assert last_change(tmp_path, folders, now=NOW) == dt.datetime(2026, 5, 4, 10, tzinfo=TZ)
    (tmp_path / "content/index.md").write_text("# y\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "content", when="2026-07-01T09:30:00+00:00")
    assert last_change(tmp_path, folders, now=NOW) == dt.datetime(2026, 7, 1, 11, 30, tzinfo=TZ)


def test_outside_git_the_newest_file_counts(tmp_path):
    folders = files(tmp_path)
    for i, path in enumerate([tmp_path / "data/partners.yaml", tmp_path / "content/index.md"]):
        stamp = dt.datetime(2026, 3, 1 + i, 8, tzinfo=TZ).timestamp()
        os.utime(path, (stamp, stamp))
    assert last_change(tmp_path, folders, now=NOW) == dt.datetime(2026, 3, 2, 8, tzinfo=TZ)


def test_never_after_the_build_time(tmp_path):
    folders = files(tmp_path)
    early = dt.datetime(2020, 1, 1, tzinfo=TZ)  # a build date before the files were written
    assert last_change(tmp_path, folders, now=early) == early
    assert last_change(tmp_path, [tmp_path / "missing"], now=NOW) == NOW
