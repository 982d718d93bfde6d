"""The two jobs of ``.github/workflows/form.yml``, run as GitHub runs them: each job's script by
bash, on a fresh clone of the branch, with the environment GitHub gives it (``RUNNER_TEMP``,
``GITHUB_OUTPUT``, ``BASE``, ``BRANCH``). The project's own virtualenv stands in for the one
``make`` would install; nothing else is replaced. Used by tests/test_workflow.py and, on a branch
that Decap CMS's editorial workflow made, by tests/test_webeditor_browser.py."""

from __future__ import annotations

import os
import subprocess
from itertools import count
from pathlib import Path

import yaml

from conftest import ROOT

FORM = ROOT / ".github" / "workflows" / "form.yml"
PROJECT_FILES = ("Makefile", "pyproject.toml", "constraints.txt")
"""What ``make format`` needs in a checkout besides data/ (a test project's copy lacks them)."""


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.name=Redaktør", "-c", "user.email=r@example.dk", *args],
                          cwd=cwd, check=True, capture_output=True, text=True).stdout


def step(workflow: Path, job: str, name: str) -> str:
    """The shell script of the step called ``name`` in ``job``."""
    steps = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"][job]["steps"]
    return next(s["run"] for s in steps if s.get("name") == name)


class FormJobs:
    """form.yml's jobs on a runner of their own in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.runner = folder / "runner"
        self.runner.mkdir(parents=True)
        (folder / "home").mkdir()
        self.venv = folder / "venv"  # the project's, with a stamp newer than any clone's pyproject.toml
        self.venv.mkdir()
        for part in ("bin", "lib", "pyvenv.cfg"):
            (self.venv / part).symlink_to(ROOT / ".venv" / part)
        self._clones = count()

    def _clone(self, remote: Path, branch: str) -> Path:
        clone = self.folder / f"clone-{next(self._clones)}"
        git("clone", "-q", "-b", branch, str(remote), str(clone), cwd=self.folder)
        (self.venv / ".installed").touch()
        return clone

    def _run(self, script: str, cwd: Path, **env: str) -> None:
        result = subprocess.run(["bash", "-e", "-c", script], cwd=cwd, capture_output=True, text=True,
                                env={**os.environ, "HOME": str(self.folder / "home"),
                                     "RUNNER_TEMP": str(self.runner), **env})
        assert result.returncode == 0, result.stdout + result.stderr

    @property
    def patch(self) -> str:
        return (self.runner / "form.patch").read_text(encoding="utf-8")

    def format(self, remote: Path, branch: str, base: str = "main") -> bool:
        """Job ``format``; whether it found something to change (its output ``changed``)."""
        output = self.folder / "output"
        output.unlink(missing_ok=True)
        self._run(step(FORM, "format", "Write the data files in the one form"), self._clone(remote, branch),
                  VENV=str(self.venv), GITHUB_OUTPUT=str(output), BASE=base)
        changed = output.read_text(encoding="utf-8") if output.exists() else ""
        assert changed in ("", "changed=true\n")
        return bool(changed)

    def commit(self, remote: Path, branch: str, sha: str | None = None) -> bool:
        """Job ``commit`` for the save ``sha`` (the branch's head when ``None``), with the patch the
        last ``format`` left; whether it pushed (its last step, which asks GitHub to run the check,
        needs GitHub)."""
        clone = self._clone(remote, branch)
        sha = sha or git("rev-parse", "HEAD", cwd=clone).strip()
        git("checkout", "-q", sha, cwd=clone)
        output = self.folder / "output"
        output.unlink(missing_ok=True)
        self._run(step(FORM, "commit", "Commit the one form to the branch"), clone, BRANCH=branch, SHA=sha,
                  GITHUB_OUTPUT=str(output))
        pushed = output.read_text(encoding="utf-8") if output.exists() else ""
        assert pushed in ("", "pushed=true\n")
        return bool(pushed)
