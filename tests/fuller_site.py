"""A fuller site for the quality gates: the shipped content plus tests/records_fixture.py's
planned and cancelled meetings, draft report, decisions and attachment, with English removed
for a theme title and for the agreement page, so Danish fallbacks are on real pages, and with
the editors' "edit this page" links."""

from __future__ import annotations

from pathlib import Path

from conftest import build, copy_project, edit
from records_fixture import EPOCH, add_records


def build_fuller_site(dest: Path, *, epoch: int | None = None) -> Path:
    """Build the fuller site in ``dest`` (as on the day ``epoch``, if given); returns its site folder."""
    project = copy_project(dest / "project")
    add_records(project)
    edit(project / "data/themes.yaml", "      en: Renovation of the housing estates\n", "")
    (project / "content/en/aftale/2017.md").unlink()
    # the editors' "Ret denne side" links, so the quality gates see them
    edit(project / "mkdocs.yml", "extra:\n", "extra:\n  edit: {repository: https://github.com/example/boligdialog}\n")
    result = build(project, epoch=EPOCH if epoch is None else epoch)
    assert result.returncode == 0, result.stderr
    return project / "site"
