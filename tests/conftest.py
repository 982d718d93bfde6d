"""Shared fixtures: copies of the real project in a temporary folder, and real builds."""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

# The tests' tables of exact messages are in English; Danish tables choose Danish themselves
# (the ``danish`` fixture). Builds in this process read it, and subprocesses inherit it.
os.environ["BOLIGDIALOG_LANG"] = "en"

ROOT = Path(__file__).resolve().parent.parent
JAN_2027 = int(dt.datetime(2027, 1, 1, 12, tzinfo=dt.timezone.utc).timestamp())
"""A build date for the fuller fixtures: the shipped meeting is past, the added ones upcoming."""
from boligdialog.site import settings  # noqa: E402

_SHIPPED_SETTINGS = settings.read(ROOT)

PROJECT_PARTS = ("mkdocs.yml", "data", "content", "hooks", "i18n")


@pytest.fixture(autouse=True)
def _shipped_settings() -> None:
    """Every test starts with the shipped site's settings and words in force (the forum's name,
    the calendar's address), whatever a build before it in this process made them."""
    settings.activate(ROOT, _SHIPPED_SETTINGS)


def copy_project(dest: Path) -> Path:
    """Copy what a build reads besides the package (config, data, content, hooks) to ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy2(src, dest / part)
    return dest


def config_line(text: str) -> int:
    """The line of the shipped ``mkdocs.yml`` on which ``text`` first begins: the tables of
    settings mistakes name their lines from it, so they follow the file when it grows."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert text in config, text
    return config[: config.index(text)].count("\n") + 1


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a file; fail loudly if ``old`` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


class Built(NamedTuple):
    """What a build ended with: the exit code and the output, as :func:`build_command` gives them."""

    returncode: int
    stdout: str
    stderr: str


def build_command(project: Path, *, epoch: int | None = None, strict: bool = True) -> subprocess.CompletedProcess:
    """Run the real ``mkdocs build`` command on ``project`` into ``project/site`` (about 1.5 s
    more than :func:`build`): for tests of the command line itself, its exit code and output."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
            "-d", str(project / "site")]
    if strict:
        args.append("--strict")
    return subprocess.run(args, capture_output=True, text=True, cwd=project, env=env)


def build_here(project: Path, *, epoch: int | None = None, strict: bool = True) -> None:
    """Build ``project`` into ``project/site`` with MkDocs in this process, as ``mkdocs build
    --strict`` does (the plugins' startup and shutdown events, the project as the working folder,
    ``SOURCE_DATE_EPOCH`` set to ``epoch`` if given). Raises MkDocs's ``Abort`` when the build
    stops (editor mistakes, or a warning under ``strict``)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    saved_epoch, saved_cwd = os.environ.get("SOURCE_DATE_EPOCH"), os.getcwd()
    if epoch is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        os.chdir(saved_cwd)
        if saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved_epoch


def build(project: Path, *, epoch: int | None = None, strict: bool = True) -> Built:
    """Build ``project`` in this process (:func:`build_here`) and return what ``mkdocs build``
    would have: exit code 0, or 1 when the build stops, and MkDocs's log at the command's level
    (INFO) and in its format (``WARNING -  message``), the reason for a stop last."""
    from mkdocs.exceptions import Abort

    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    saved_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        build_here(project, epoch=epoch, strict=strict)
        code = 0
    except Abort as exc:
        out.write(f"\n{exc.format_message()}\n")
        code = exc.code
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved_level)
    return Built(code, "", out.getvalue())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, built once by the real ``mkdocs build --strict`` command; returns the
    site folder."""
    project = copy_project(tmp_path_factory.mktemp("shipped") / "project")
    result = build_command(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def fuller_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fuller_site.py's site, built once on its records' build date (records_fixture.EPOCH);
    returns the site folder."""
    from fuller_site import build_fuller_site

    return build_fuller_site(tmp_path_factory.mktemp("fuller"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium (Debian's) for the whole session, driven by Playwright, shared by
    every browser test file (Playwright's sync API runs one instance a thread)."""
    from browser import CHROMIUM_ARGS, chromium_path, require, start_playwright

    executable = chromium_path()
    require(executable is not None, "Chromium (Debian package chromium)")
    with start_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/second_site.py's partnership (made by ``boligdialog init``, nothing of Albertslund's),
    built once; returns the site folder."""
    from second_site import build_second_site

    return build_second_site(tmp_path_factory.mktemp("second"))


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


@pytest.fixture(scope="session")
def records_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped project with tests/records_fixture.py's records, built on the records' build
    date; returns the project folder (its site is ``site/``). Read it; to edit, copy it
    (:func:`copy_built`)."""
    from records_fixture import EPOCH, add_records

    project = copy_project(tmp_path_factory.mktemp("records") / "project")
    add_records(project)
    result = build(project, epoch=EPOCH)
    assert result.returncode == 0, result.stderr
    return project


def copy_built(project: Path, dest: Path) -> Path:
    """A copy of a built ``project`` (with its ``site/``) to edit and build again."""
    shutil.copytree(project, dest)
    return dest


def built_site(request: pytest.FixtureRequest, which: str) -> Path:
    """The site folder of the shipped build, of tests/fuller_site.py's, of tests/second_site.py's,
    or of the tricky project."""
    fixture = {"shipped": "shipped_site", "fuller": "fuller_site", "second": "second_site",
               "tricky": "tricky_project"}[which]
    found = request.getfixturevalue(fixture)
    return found / "site" if which == "tricky" else found
