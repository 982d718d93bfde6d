"""``boligdialog init``: a new partnership's site from a few answers (boligdialog/editors/init.py).

The site it makes is built and checked in tests/test_second_site.py (and by the browser gates);
here: what it asks, what it refuses, and that the files it writes are what its users run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from boligdialog.editors import init
from boligdialog.editors.cli import main as boligdialog

from conftest import ROOT, build
from second_site import ANSWERS, make_second_site
from test_workflow import actionlint


def options(answers: list[str]) -> dict[str, str]:
    return dict(zip(answers[::2], answers[1::2]))


def test_help_lists_every_answer_as_an_option(capsys):
    with pytest.raises(SystemExit):
        boligdialog(["init", "--help"])
    shown = capsys.readouterr().out
    for flags, _example in init.OPTIONS:
        assert all(flag in shown for flag in flags), flags


def test_each_question_is_asked_in_danish_when_no_option_answers_it(tmp_path, monkeypatch):
    """In a terminal, a missing answer is asked for; the questions are the Danish catalogue's."""
    given = options(ANSWERS)
    asked: list[str] = []
    replies = iter([given["--place"], given["--forum"], given["--forum-en"], "", "", given["--url"], "", "",
                    given["--organisations"], "", given["--first-meeting"], "", ""])

    def ask(question: str) -> str:
        asked.append(question)
        return next(replies)

    import argparse

    monkeypatch.setenv("BOLIGDIALOG_LANG", "da")
    args = argparse.Namespace(dir=tmp_path / "ny", generator="boligdialog==0.1.0")
    from boligdialog.model.translate import use

    with use("da"):
        assert init.run(args, ask=ask, check=lambda root: 0) == 0
    assert asked[0].startswith("Kommunen eller byen")
    assert any(q.startswith("Forummets navn på dansk") for q in asked)
    assert "Vestby Kommune" in (tmp_path / "ny/data/partners.yaml").read_text(encoding="utf-8")


def test_a_folder_with_files_is_refused_and_left_as_it_is(tmp_path, capsys):
    (tmp_path / "site").mkdir()
    (tmp_path / "site/notes.txt").write_text("mine", encoding="utf-8")
    assert boligdialog(["init", str(tmp_path / "site"), *ANSWERS]) == 1
    assert "is not empty" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["notes.txt"]


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--first-meeting", "18. marts", "--first-meeting: "),
    ("--signed", "2999-01-01", "--signed: expected a date no later than today"),
    ("--url", "boligdialog.vestby.example", "--url: expected an address that begins with https://"),
    ("--themes-en", "Green spaces", "--themes-en: expected 2 titles, one for each theme, but received 1"),
])
def test_a_wrong_answer_names_its_option_and_nothing_is_written(tmp_path, capsys, option, value, message):
    answers = options(ANSWERS) | {option: value}
    assert boligdialog(["init", str(tmp_path / "ny"), *[x for kv in answers.items() for x in kv]]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "ny").exists()


def test_the_new_site_passes_make_check_and_its_workflows_pass_actionlint(tmp_path):
    project = make_second_site(tmp_path / "vestby")
    make = shutil.which("make")
    assert make is not None
    result = subprocess.run([make, "-C", str(project), "check", f"PY={sys.executable}", "INSTALLED="],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: 4" in result.stdout  # the municipality, two housing organisations and the new partner
    found = actionlint(sorted((project / ".github/workflows").glob("*.yml")))
    assert sorted(Path(f).name for f in found) == ["check.yml", "form.yml", "publish.yml"]
    assert all(problems == [] for problems in found.values()), found


def test_the_hook_it_writes_is_this_sites_own(tmp_path):
    """A second site's way in for MkDocs is the same few lines as this site's."""
    assert (init.STARTER / "hooks/site.py").read_text(encoding="utf-8") == \
        (ROOT / "hooks/site.py").read_text(encoding="utf-8")


def test_answers_with_yaml_and_html_characters_are_written_as_they_are(tmp_path):
    answers = options(ANSWERS) | {"--forum": 'Forum "Nord & Syd": #1', "--place": "Øster-Vestby, Syd"}
    project = tmp_path / "ny"
    assert boligdialog(["init", str(project), *[x for kv in answers.items() for x in kv]]) == 0
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert config["extra"]["forum"]["name"]["da"] == 'Forum "Nord & Syd": #1'
    assert config["extra"]["place"] == "Øster-Vestby, Syd"
    assert build(project).returncode == 0
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert "Forum &#34;Nord &amp; Syd&#34;: #1" in home or "Forum &quot;Nord &amp; Syd&quot;: #1" in home
