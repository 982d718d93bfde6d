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
from bs4 import BeautifulSoup

from boligdialog.adapter.hooks import THEME
from boligdialog.site.i18n import strings
from browser import EDITOR_PAGES, FORWARDING_PAGES
from conftest import ROOT, build, edit

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


def test_an_example_site_says_so_and_whose_it_is_on_every_page(shipped_site):
    """Albertslund's shipped site has example addresses (extra.example: true): every page, the
    404 pages too, says so above the header, and names who is responsible for the site."""
    for file in sorted(shipped_site.rglob("*.html")):
        rel = file.relative_to(shipped_site).as_posix()
        if rel.removesuffix("index.html") in FORWARDING_PAGES + EDITOR_PAGES:  # /was forwards; /admin/ is Decap
            continue
        lang = "en" if rel.startswith("en/") else "da"
        banner = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select_one("aside.md-banner")
        assert banner is not None, rel
        assert banner.select_one(".bd-sender").get_text(strip=True) == strings(lang)["site_by"].replace(
            "{name}", "Albertslund Kommune"), rel
        assert strings(lang)["example_text"] in banner.select_one(".bd-example").get_text(" ", strip=True), rel


def test_the_partnerships_colours_replace_materials(project):
    edit(project / "mkdocs.yml", '    primary: "#1d5b79"', '    primary: "#005a32"')
    result = build(project)
    assert result.returncode == 0, result.stderr
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #005a32;" in home and 'data-md-color-primary="custom"' in home
    assert "indigo" not in home
