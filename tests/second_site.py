"""A second partnership that shares nothing with Albertslund's: made by ``boligdialog init``
with its own answers, then a few edits with the editors' own commands (a partner, a news
article), and built on a day before its first meeting.

Its words are another municipality's (Vestby), another forum's (Dialogforum), other partners
and themes, and it has no consultation. :data:`FOREIGN_WORDS` are the words of Albertslund's
site that must reach none of its outputs."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from boligdialog.editors.cli import main as boligdialog

from conftest import build, edit

EPOCH = int(dt.datetime(2027, 2, 1, 12, tzinfo=dt.timezone.utc).timestamp())
"""The build date: after the init (the partners were invited on its day), before the first meeting."""
INIT_DAY = "2026-12-01"
"""The day the site is made (its partners' invitations are dated then)."""

ANSWERS = [
    "--place", "Vestby", "--forum", "Dialogforum", "--forum-en", "Dialogue forum",
    "--url", "https://boligdialog.vestby.example/",
    "--organisations", "Boligselskabet Vesthus,Andelsboligforeningen Lindely",
    "--first-meeting", "2027-03-18 17:00",
    "--themes", "Grønne områder,Trafik", "--themes-en", "Green spaces,Traffic",
    "--generator", "boligdialog==0.1.0",
]
"""Every answer given as an option, as a web editor scripting it would."""

FOREIGN_WORDS = re.compile(r"Albertslund|Visionsforum|visionsforum|Nordmarks|\bAKB\b|\bVA\b|\bAB\b")
"""Albertslund's names (the town, the forum, the street of its town hall, the partners'
abbreviations): none may reach a second partnership's outputs."""


def make_second_site(dest: Path) -> Path:
    """``boligdialog init dest`` with :data:`ANSWERS`, then a partner and a news article added by
    ``boligdialog new``, and a representative written into ``data/partners.yaml`` by hand; returns the
    project folder."""
    import os

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.fromisoformat(INIT_DAY + "T12:00+00:00").timestamp()))
    try:
        assert boligdialog(["init", str(dest), *ANSWERS]) == 0
        assert boligdialog(["new", "partner", str(dest), "--name", "Grundejerforeningen Skovbrynet",
                            "--name-en", "Skovbrynet Homeowners", "--kind", "homeowners_association",
                            "--agreement", "aftale-2026"]) == 0
        assert boligdialog(["new", "news", str(dest), "--title", "Dialogforum holder sit første møde",
                            "--title-en", "The Dialogue forum holds its first meeting"]) == 0
        for folder, text in (("", "Dialogforum mødes første gang i foråret."),
                             ("en/", "The Dialogue forum meets for the first time in the spring.")):
            news = dest / f"content/{folder}nyheder/dialogforum-holder-sit-foerste-moede.md"
            news.write_text(news.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
        # a data edit by hand, as in GitHub's web editor: the mayor represents the municipality
        edit(dest / "data/partners.yaml", "    classification: municipality\n",
             "    classification: municipality\n    representatives:\n      - name: Mette Lund\n"
             "        role: {da: borgmester, en: mayor}\n")
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return dest


def build_second_site(dest: Path) -> Path:
    """Make and build the second site in ``dest``; returns its site folder."""
    project = make_second_site(dest / "project")
    result = build(project, epoch=EPOCH)
    assert result.returncode == 0, result.stderr
    return project / "site"


if __name__ == "__main__":  # pragma: no cover: python tests/second_site.py DIR, to look at it
    print(build_second_site(Path(sys.argv[1])))
