"""GitHub annotations (boligdialog/annotations.py, ``boligdialog check --format github``), read back
by a parser written from GitHub's documentation of workflow commands, not by our writer."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess

import yaml

from boligdialog.editors.annotations import Group, github, summary
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
        {"level": "warning", "file": "data/meetings.yaml", "line": "8", "title": "To record",
         "message": "meetings: no meeting is announced, and the last one was on 2017-08-31, more than six months "
                    "ago: add the next meeting"},
        {"level": "warning", "file": "data/meetings.yaml", "line": "17", "title": "To record",
         "message": "1st meeting (visionsforum-2017-1), state: the meeting's day 2017-08 has passed but it is still "
                    "'planned': set state to 'held' (and add who attended and the report) or 'cancelled'. Until then "
                    "its page says the report is to follow."}]


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


def test_annotations_are_ordered_by_file_and_line_as_numbers():
    errors = [DataError(f"content/referater/visionsforum-2027-{n}.md", line, "", "x")
              for n, line in ((11, 1), (2, 11), (1, 12), (2, 2), (12, 1), (1, 1))]
    assert [(e["file"].rsplit("-", 1)[1], e["line"]) for e in read(github(errors, title="t"))] == [
        ("1.md", "1"), ("1.md", "12"), ("2.md", "2"), ("2.md", "11"), ("11.md", "1"), ("12.md", "1")]


def test_the_summary_lists_every_mistake_and_how_many_github_does_not_mark():
    errors = [DataError("data/meetings.yaml", line, f"meetings[{line}].start", "expected a date | not *this*",
                        hint="write [2027-01-01]") for line in range(12, 0, -1)]
    with use("da"):
        text = summary([Group("error", "Fejl i data eller indhold", errors), Group("notice", "Kun på dansk", [])])
    rows = [f"| data/meetings.yaml | {n} | meetings\\[{n}\\].start: expected a date \\| not \\*this\\*; "
            "write \\[2027-01-01\\] |" for n in range(1, 13)]
    assert text == "\n".join([
        "### Fejl i data eller indhold (12)\n",
        "GitHub markerer kun de første 10 på deres linjer; 2 flere står kun her.\n",
        "| Fil | Linje | Fejl i data eller indhold |\n| --- | ---: | --- |",
        *rows,
        ""])


def test_check_writes_the_job_summary_and_gives_notices_their_own_level(project, capsys, monkeypatch, tmp_path):
    summary_file = tmp_path / "summary.md"
    summary_file.write_text("Before.\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    shutil.copytree(ROOT / "schemas", project / "schemas")
    (project / "content/en/nyheder/ny-hjemmeside.md").unlink()
    edit(project / "data/themes.yaml", "  - id: borgerdialog\n", "  - id: borgerdialog-2\n")
    edit(project / "data/meetings.yaml", "[midtby]", "[midtby, borgerdialog-2]")
    with use("da"):
        assert main(["check", "--format", "github", str(project)]) == 0
    commands = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::")]
    assert [(c["level"], c["file"], c["line"], c["title"]) for c in read("\n".join(commands))] == [
        ("warning", "data/meetings.yaml", "8", "Skal registreres"),  # the shipped data's last meeting is in 2017
        ("warning", "schemas/ids.schema.json", "1", "Skal opdateres"),
        ("notice", "content/nyheder/ny-hjemmeside.md", "1", "Kun på dansk"),
    ]
    assert summary_file.read_text(encoding="utf-8") == (
        "Before.\n"
        "### Skal registreres (1)\n\n"
        "| Fil | Linje | Skal registreres |\n| --- | ---: | --- |\n"
        "| data/meetings.yaml | 8 | meetings: der er ikke meldt noget møde ud, og det seneste var 2017-08-31, for mere "
        "end seks måneder siden: tilføj det næste møde |\n\n"
        "### Skal opdateres (1)\n\n"
        "| Fil | Linje | Skal opdateres |\n| --- | ---: | --- |\n"
        "| schemas/ids.schema.json | 1 | schemas/ids.schema.json viser ikke de id'er, der er i data nu, så "
        "redigeringsprogrammer foreslår ikke de nyeste; kør make schemas og commit filen |\n\n"
        "### Kun på dansk (1)\n\n"
        "| Fil | Linje | Kun på dansk |\n| --- | ---: | --- |\n"
        "| content/nyheder/ny-hjemmeside.md | 1 | ingen engelsk side content/en/nyheder/ny-hjemmeside.md |\n\n")
