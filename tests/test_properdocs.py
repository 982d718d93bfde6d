"""The site builds unchanged with ProperDocs (PyPI: properdocs), the maintained continuation of
MkDocs 1.x: the way forward once MkDocs 1.6 can no longer be installed.

The same project is built twice, by MkDocs and by ProperDocs, with the same build date, and the
two output folders are compared file by file. ProperDocs answers Python's imports of ``mkdocs.*``
itself; a package named ``mkdocs`` that refuses to be imported stands first on the path of its
build, so the build cannot have used MkDocs.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import build

EPOCH = 1_800_000_000
# The one line that names the tool that built the page (base.html: mkdocs_version).
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def without_mkdocs(project: Path, *command: str) -> subprocess.CompletedProcess:
    """Run ``python command`` in ``project`` with a package ``mkdocs`` first on the path that
    refuses to be imported, and the fixed build date."""
    blocker = project.parent / "no-mkdocs"
    if not blocker.exists():
        (blocker / "mkdocs").mkdir(parents=True)
        (blocker / "mkdocs" / "__init__.py").write_text('raise ImportError("MkDocs itself must not be imported")\n')
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH), PYTHONPATH=str(blocker))
    return subprocess.run([sys.executable, *command], capture_output=True, text=True, cwd=project, env=env)


def files(site: Path) -> dict[str, bytes]:
    return {f.relative_to(site).as_posix(): f.read_bytes() for f in sorted(site.rglob("*")) if f.is_file()}


def comparable(path: str, content: bytes) -> object:
    """A file's content, less what may differ between two correct builds: the generator's name
    in HTML."""
    if path.endswith(".html"):
        return GENERATOR.sub(b"", content)
    return content


def test_properdocs_builds_the_same_site_as_mkdocs(project):
    assert build(project, epoch=EPOCH).returncode == 0
    blocked = without_mkdocs(project, "-m", "mkdocs", "--version")
    assert blocked.returncode != 0 and "MkDocs itself must not be imported" in blocked.stderr
    result = without_mkdocs(project, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                            "-d", str(project / "site-properdocs"))
    assert result.returncode == 0, result.stderr
    by_mkdocs, by_properdocs = files(project / "site"), files(project / "site-properdocs")
    assert sorted(by_mkdocs) == sorted(by_properdocs)
    assert len(by_mkdocs) > 100
    differ = [path for path in by_mkdocs
              if comparable(path, by_mkdocs[path]) != comparable(path, by_properdocs[path])]
    assert differ == []
    generators = {m.group() for content in by_properdocs.values() for m in GENERATOR.finditer(content)}
    assert generators == {b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">'}
