"""The sitemap's <lastmod>: from the last commit of what a page is made of, and from the
data's own dates, never the build date. Read back with lxml and checked against the
Sitemap protocol's XML Schema (tests/schemas/sitemap.xsd)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from boligdialog.site.lastmod import Changes, git_log
from boligdialog.site.schedule import TZ
from boligdialog.site.sitedata import Site
from htmlpage import soup
from conftest import build, edit

XSD = Path(__file__).parent / "schemas" / "sitemap.xsd"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
JAN_2027 = int(dt.datetime(2027, 1, 1, 12, tzinfo=dt.timezone.utc).timestamp())
BUILD_DAY = "2027-01-01"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def commit(repo: Path, when: str, message: str = "edit") -> None:
    """Commit everything in ``repo`` as if at ``when`` (ISO 8601, with offset)."""
    env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run([*git, "commit", "-q", "-m", message], cwd=repo, check=True, env=env)


def init(repo: Path) -> None:
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)


def test_git_dates_are_the_last_commit_of_each_file_below_the_project(tmp_path):
    project = tmp_path / "repo" / "project"
    (project / "content").mkdir(parents=True)
    (project / "content" / "æblegrød.md").write_text("a", encoding="utf-8")
    (project / "data.yaml").write_text("1", encoding="utf-8")
    (tmp_path / "repo" / "outside.txt").write_text("x", encoding="utf-8")
    init(tmp_path / "repo")
    commit(tmp_path / "repo", "2020-01-02T10:00:00+01:00")
    (project / "data.yaml").write_text("2", encoding="utf-8")
    commit(tmp_path / "repo", "2021-03-04T23:30:00+00:00")  # 00:30 on 5 March in Copenhagen
    assert git_log(project) == {"content/æblegrød.md": dt.datetime(2020, 1, 2, 10, tzinfo=TZ),
                                "data.yaml": dt.datetime(2021, 3, 5, 0, 30, tzinfo=TZ)}
    outside = tmp_path / "not-a-repository"
    outside.mkdir()
    assert git_log(outside) == {}
    shallow = tmp_path / "shallow"  # its one commit would seem to have changed every file
    subprocess.run(["git", "clone", "-q", "--depth", "1", (tmp_path / "repo").as_uri(), str(shallow)], check=True)
    assert git_log(shallow / "project") == {}


def test_the_open_data_changed_with_the_last_commit_to_data_or_content():
    site = Site(partners=[], themes=[], agreements=[], meetings=[], pages={}, today=dt.date(2027, 1, 1))
    now = dt.datetime(2027, 1, 1, 12, tzinfo=TZ)
    commits = {"data/partners.yaml": dt.datetime(2026, 5, 4, 10, tzinfo=TZ),
               "content/index.md": dt.datetime(2026, 7, 1, 11, 30, 5, 7, tzinfo=TZ),
               "README.md": dt.datetime(2026, 8, 1, tzinfo=TZ)}
    changes = Changes(site, commits, content_dir="content", today=now.date())
    assert changes.data_changed(now) == dt.datetime(2026, 7, 1, 11, 30, 5, tzinfo=TZ)
    early = dt.datetime(2020, 1, 1, tzinfo=TZ)  # a build date before the last commit: never later
    assert changes.data_changed(early) == early
    assert Changes(site, {}, content_dir="content", today=now.date()).data_changed(now) == now  # no history


def lastmods(site: Path) -> dict[str, str | None]:
    """``{page URL below the site: lastmod}`` from the sitemap, after checking it against the
    protocol's schema (hreflang alternates are Google's extension, checked elsewhere)."""
    tree = etree.parse(str(site / "sitemap.xml"))
    for link in tree.getroot().iter(f"{{{XHTML}}}link"):
        link.getparent().remove(link)
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(tree), schema.error_log
    ns = {"s": SITEMAP}
    return {url.findtext("s:loc", namespaces=ns).split("/", 3)[3]: url.findtext("s:lastmod", namespaces=ns)
            for url in tree.getroot().findall("s:url", ns)}


def test_lastmod_comes_from_commits_and_the_datas_own_dates(project):
    init(project)
    commit(project, "2025-01-10T12:00:00+01:00", "first")
    edit(project / "content/aftale/2017.md", "Her er et sammendrag", "Her er et kort sammendrag")
    commit(project, "2025-06-01T12:00:00+02:00", "agreement edited")
    result = build(project, epoch=JAN_2027)
    assert result.returncode == 0, result.stderr
    dates = lastmods(project / "site")
    assert dates["aftale/2017/"] == "2025-06-01"       # its file was edited
    assert dates["en/aftale/2017/"] == "2025-01-10"    # its English file was not
    assert dates["partnere/va/"] == "2025-01-10"  # made from data/, last committed then
    # a later date that the data records: the news article's and the report's date
    assert dates["nyheder/ny-hjemmeside/"] == dates["moeder/visionsforum-2017-1/"] == "2026-11-26"
    assert dates["soeg/"] is None                 # made from nothing an editor writes
    assert BUILD_DAY not in dates.values()
    # each page shows the sitemap's date below its content, in its language; a page without one shows none
    for url, day in dates.items():
        changed = soup(project / "site", url).select_one(".bd-changed")
        assert (changed.time["datetime"] if changed else None) == day, url
    assert soup(project / "site", "aftale/2017/").select_one(".bd-changed").get_text(" ", strip=True) == \
        "Senest ændret 1. juni 2025"
    assert soup(project / "site", "en/aftale/2017/").select_one(".bd-changed").get_text(" ", strip=True) == \
        "Last changed 10 January 2025"


def test_two_builds_give_the_same_sitemap_with_or_without_git(project, tmp_path):
    init(project)
    commit(project, "2025-01-10T12:00:00+01:00")
    first = build(project, epoch=JAN_2027)
    assert first.returncode == 0, first.stderr
    sitemap = (project / "site/sitemap.xml").read_bytes()
    assert build(project, epoch=JAN_2027 + 86400).returncode == 0  # a day later: same content, same dates
    assert (project / "site/sitemap.xml").read_bytes() == sitemap
    shutil.rmtree(project / ".git")  # a copy of the project without its history still builds
    result = build(project, epoch=JAN_2027)
    assert result.returncode == 0, result.stderr
    dates = lastmods(project / "site")
    assert dates["aftale/2017/"] is None and dates["nyheder/ny-hjemmeside/"] == "2026-11-26"
