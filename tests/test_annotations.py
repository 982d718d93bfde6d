"""GitHub annotations (boligdialog/annotations.py, ``boligdialog check --format github``), read back
by a parser written from GitHub's documentation of workflow commands, not by our writer."""

from __future__ import annotations

import re
import shlex
import subprocess

import yaml

from boligdialog.editors.annotations import github
from boligdialog.editors.cli import main
from boligdialog.model.errors import DataError
from boligdialog.model.translate import use
from conftest import ROOT, edit

COMMAND = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(text: str, *, prop: bool = False) -> str:
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if prop else []) + [("%25", "%")]
    for code, char in pairs:
        text = text.replace(code, char)
    return text


def read(output: str) -> list[dict[str, str]]:
    """Each workflow command as level, properties and message (GitHub's rules)."""
    out = []
    for line in output.splitlines():
        m = COMMAND.match(line)
        assert m, f"not a workflow command: {line!r}"
        props = dict(p.split("=", 1) for p in m.group("props").split(","))
        out.append({"level": m.group("level"), **{k: unescape(v, prop=True) for k, v in props.items()},
                    "message": unescape(m.group("message"))})
    return out


def test_escaping_keeps_every_message_on_its_line():
    error = DataError("content/a,b:c.md", 3, "title", "expected 100% text\nbut received: 'x,y'", hint="write it")
    [got] = read(github([error], title="Fejl: i data, eller indhold"))
    assert got == {"level": "error", "file": "content/a,b:c.md", "line": "3", "title": "Fejl: i data, eller indhold",
                   "message": "title: expected 100% text\nbut received: 'x,y'; write it"}


def test_check_annotates_each_mistake_on_its_line(project, capsys):
    edit(project / "data/meetings.yaml", "themes: [midtby]", "themes: [midby]")
    edit(project / "content/aftale/2017.md", "title: Partnerskabsaftalen\n", "title: Partnerskabsaftalen\nforfatter: x\n")
    with use("da"):
        assert main(["check", "--format", "github", str(project)]) == 1
    out = capsys.readouterr()
    assert read(out.out) == [
        {"level": "error", "file": "content/aftale/2017.md", "line": "3", "title": "Fejl i data eller indhold",
         "message": "forfatter: nøglen 'forfatter' findes ikke; her kan stå 'title', 'description', 'meeting', "
                    "'date', 'updated', 'minutes', 'approved_at' eller 'hide'"},
        {"level": "error", "file": "data/meetings.yaml", "line": "18", "title": "Fejl i data eller indhold",
         "message": "1. møde (visionsforum-2017-1), themes nr. 1: her skal stå 'midtby', 'renovering', "
                    "'boligsocialt-arbejde', 'byens-udvikling' eller 'borgerdialog' (temaer), men der står 'midby'; "
                    "mente du 'midtby'?"},
    ]
    assert out.err.startswith("2 fejl i data- og indholdsfilerne:\n")


def test_things_to_record_are_warnings_on_their_line(project, capsys):
    edit(project / "data/meetings.yaml", "state: held", "state: planned")
    edit(project / "data/meetings.yaml", "    participants: about 20\n", "")
    (project / "content/referater/visionsforum-2017-1.md").unlink()
    (project / "content/en/referater/visionsforum-2017-1.md").unlink()
    with use("en"):
        assert main(["check", "--format", "github", str(project)]) == 0
    warnings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::")]
    assert read("\n".join(warnings)) == [
        {"level": "warning", "file": "data/meetings.yaml", "line": "17", "title": "To record",
         "message": "1st meeting (visionsforum-2017-1), state: the meeting's day 2017-08 has passed but it is still "
                    "'planned': set state to 'held' (and add who attended and the report) or 'cancelled'. Until then "
                    "its page says the report is to follow."},
        {"level": "warning", "file": "data/meetings.yaml", "line": "8", "title": "To record",
         "message": "meetings: no meeting is announced, and the last one was on 2017-08-31, more than six months "
                    "ago: add the next meeting"}]


def workflow(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github/workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.get("on", data.get(True))  # YAML 1.1 reads the key `on` as true
    return data


def runs(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def annotates(command: str) -> bool:
    return "--format github" in command and ("boligdialog check" in command or "make check" in command)


def test_ci_checks_first_and_annotates_on_pushes_and_pull_requests():
    publish = workflow("publish.yml")
    jobs = [job for job in publish["jobs"].values() if any(annotates(r) for r in runs(job))]
    assert jobs, "publish.yml has no step that runs the check with --format github"
    for job in jobs:
        commands = runs(job)
        first = next(i for i, r in enumerate(commands) if annotates(r))
        later = [i for i, r in enumerate(commands) if ".ci/run" in r or "make build" in r or "make test" in r]
        assert all(first < i for i in later), "the check runs after the tests or the build"
    check = workflow("check.yml")
    assert "pull_request" in check["on"]
    assert any(annotates(r) for job in check["jobs"].values() for r in runs(job))


def test_pre_commit_runs_the_check_on_data_and_content():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    [hook] = repo["hooks"]
    assert (repo["repo"], hook["language"], hook["pass_filenames"]) == ("local", "system", False)
    files = re.compile(hook["files"])
    assert [p for p in ("data/meetings.yaml", "content/nyheder/x.md", "mkdocs.yml", "README.md", "tests/x.py",
                        "boligdialog/model.py") if files.search(p)] == ["data/meetings.yaml", "content/nyheder/x.md",
                                                                         "mkdocs.yml"]
    result = subprocess.run(shlex.split(hook["entry"]), cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: " in result.stdout
