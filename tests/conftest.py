"""Shared fixtures: copies of the real project in a temporary folder, and real builds."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# The tests' tables of exact messages are in English; Danish tables choose Danish themselves
# (the ``danish`` fixture). Subprocesses (builds, the check) inherit the setting.
os.environ["BOLIGDIALOG_LANG"] = "en"

ROOT = Path(__file__).resolve().parent.parent
JAN_2027 = int(dt.datetime(2027, 1, 1, 12, tzinfo=dt.timezone.utc).timestamp())
"""A build date for the fuller fixtures: the shipped meeting is past, the added ones upcoming."""
PROJECT_PARTS = ("mkdocs.yml", "data", "content", "overrides", "hooks")


def copy_project(dest: Path) -> Path:
    """Copy what a build reads (config, data, content, theme overrides, hooks) to ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy2(src, dest / part)
    return dest


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a file; fail loudly if ``old`` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def build(project: Path, *, epoch: int | None = None, strict: bool = True) -> subprocess.CompletedProcess:
    """Run the real ``mkdocs build`` on ``project`` into ``project/site``."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
            "-d", str(project / "site")]
    if strict:
        args.append("--strict")
    return subprocess.run(args, capture_output=True, text=True, cwd=project, env=env)


def build_here(project: Path, *, epoch: int) -> None:
    """Build ``project`` with MkDocs in this process (about half the time of :func:`build`),
    for tests that are not about the command line. Raises MkDocs's ``Abort`` when the build
    stops (editor mistakes, or a warning under ``strict``)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
        mkdocs_build(config)
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, built once with --strict; returns the site folder."""
    project = copy_project(tmp_path_factory.mktemp("shipped") / "project")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def fuller_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fuller_site.py's site, built once on its records' build date (records_fixture.EPOCH);
    returns the site folder."""
    from fuller_site import build_fuller_site

    return build_fuller_site(tmp_path_factory.mktemp("fuller"))


@pytest.fixture(scope="session")
def tricky_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped project with tests/records_fixture.py's records and its tricky partner, built
    on the records' build date; returns the project folder (its site is ``site/``)."""
    from records_fixture import EPOCH, add_records, add_tricky_partner

    project = copy_project(tmp_path_factory.mktemp("tricky") / "project")
    add_records(project)
    add_tricky_partner(project)
    result = build(project, epoch=EPOCH)
    assert result.returncode == 0, result.stderr
    return project


def built_site(request: pytest.FixtureRequest, which: str) -> Path:
    """The site folder of the shipped build, of tests/fuller_site.py's, or of the tricky project."""
    fixture = {"shipped": "shipped_site", "fuller": "fuller_site", "tricky": "tricky_project"}[which]
    found = request.getfixturevalue(fixture)
    return found / "site" if which == "tricky" else found
