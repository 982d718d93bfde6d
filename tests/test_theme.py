"""The theme overrides against the theme they override.

Every file in the generator's theme (``boligdialog/adapter/theme/``) that takes the place of one of Material's templates (or of
MkDocs's own, such as ``sitemap.xml``) keeps, in ``vendor/<theme>/``, the upstream
version it was made from: copied and changed (``base.html``) or written anew for this site
(the others). When the installed theme's template is no longer that version, the override
may have silently fallen behind, and these tests say which file to look at and how it
changed.
"""

from __future__ import annotations

import difflib
from importlib.metadata import version
from pathlib import Path

import material
import mkdocs
import pytest

from boligdialog.adapter.hooks import THEME
from conftest import ROOT

OVERRIDES = THEME
VENDOR = ROOT / "vendor"
# Where MkDocs looks for a template after the generator's theme: Material's templates, then MkDocs's own.
THEMES = {
    "material": (Path(material.__file__).parent / "templates", "mkdocs-material"),
    "mkdocs": (Path(mkdocs.__file__).parent / "templates", "mkdocs"),
}


def shadowed() -> dict[str, tuple[str, Path]]:
    """``{path: (theme, installed file)}`` for every override that has a theme template's path."""
    out: dict[str, tuple[str, Path]] = {}
    for file in sorted(OVERRIDES.rglob("*")):
        rel = file.relative_to(OVERRIDES).as_posix()
        for theme, (folder, _dist) in THEMES.items():
            if file.is_file() and (folder / rel).is_file():
                out[rel] = (theme, folder / rel)
                break
    return out


def test_every_override_of_a_theme_template_keeps_its_upstream_version():
    overrides = {f"{theme}/{rel}" for rel, (theme, _) in shadowed().items()}
    vendored = {f.relative_to(VENDOR).as_posix() for f in VENDOR.rglob("*") if f.is_file() and f.name != "README.md"}
    assert "material/base.html" in overrides  # the check sees the overrides it is about
    assert sorted(overrides - vendored) == [], "overrides without their upstream version in vendor/"
    assert sorted(vendored - overrides) == [], "upstream versions in vendor/ that no override is made from"


@pytest.mark.parametrize("rel", sorted(shadowed()))
def test_installed_theme_template_is_the_version_the_override_was_made_from(rel):
    theme, installed = shadowed()[rel]
    kept = VENDOR / theme / rel
    upstream, now = kept.read_text(encoding="utf-8"), installed.read_text(encoding="utf-8")
    if upstream != now:
        diff = "".join(difflib.unified_diff(upstream.splitlines(keepends=True), now.splitlines(keepends=True),
                                            f"vendor/{theme}/{rel}", f"installed {installed}"))
        pytest.fail(
            f"{THEMES[theme][1]} {version(THEMES[theme][1])} has another {rel} than the one "
            f"boligdialog/adapter/theme/{rel} was made from (vendor/{theme}/{rel}). Read the change below, carry what matters into "
            f"boligdialog/adapter/theme/{rel}, then copy the installed file over vendor/{theme}/{rel}.\n{diff}",
            pytrace=False,
        )
