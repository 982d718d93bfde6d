"""Two builds of the same sources with the same SOURCE_DATE_EPOCH give identical trees, byte
for byte, wherever the project lies (Pagefind's entry file listed its languages in random order when one
index held both; each language's bundle now holds one)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_here, copy_project
from records_fixture import EPOCH, add_records


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_identical(records_project: Path, tmp_path: Path) -> None:
    """The shared records build (conftest) and a second build of the same sources elsewhere."""
    project = copy_project(tmp_path / "second")
    add_records(project)
    build_here(project, epoch=EPOCH)
    sites = [tree(records_project / "site"), tree(project / "site")]
    first, second = sites
    assert sorted(first) == sorted(second)
    assert {"pagefind/pagefind-entry.json", "en/pagefind/pagefind-entry.json", "moeder/visionsforum.ics"} <= set(first)
    differ = [path for path in first if first[path] != second[path]]
    assert differ == []
