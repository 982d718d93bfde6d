"""The generator installs apart from this site: every file the package needs besides its Python
modules (templates, the theme, the word files, the message catalogue, a new site's files) is
declared as package data in pyproject.toml, so a wheel or ``pip install git+…`` carries it."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "boligdialog"


def declared() -> set[Path]:
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-data"]["boligdialog"]
    return {path for pattern in patterns for path in PACKAGE.glob(pattern) if path.is_file()}


def needed() -> set[Path]:
    """Every file but the modules of the package's Python packages (a ``.py`` file in a folder
    without ``__init__.py``, such as a new site's hook, is data too)."""
    return {path for path in PACKAGE.rglob("*") if path.is_file() and "__pycache__" not in path.parts
            and not (path.suffix == ".py" and (path.parent / "__init__.py").is_file())}


def test_every_file_the_package_needs_is_package_data():
    missing = sorted(p.relative_to(PACKAGE).as_posix() for p in needed() - declared())
    assert missing == []


def test_the_theme_the_templates_the_words_and_the_starter_are_among_them():
    folders = {p.relative_to(PACKAGE).parts[:2] for p in declared()}
    assert {("adapter", "theme"), ("pages", "templates"), ("site", "words"), ("editors", "starter"),
            ("locale", "da")} <= folders
