""""Ret denne side" / "Edit this page" (boligdialog/editlinks.py): every page links to the file
an editor changes for it, read back from a real build; none without a repository."""

from __future__ import annotations

from urllib.parse import urlsplit

from conftest import build, edit
from htmlpage import soup
from records_fixture import EPOCH, add_records

REPO = "https://github.com/example/boligdialog"


def edit_link(site, path: str):
    link = soup(site, path).select_one("article .bd-edit a")
    return (link.get_text(), link["href"]) if link else None


def line_of(project, file: str, text: str) -> int:
    return (project / file).read_text(encoding="utf-8").splitlines().index(text) + 1


def test_every_page_links_to_the_file_to_change(project):
    add_records(project)
    edit(project / "mkdocs.yml", "extra:\n", f"extra:\n  edit:\n    repository: {REPO}/\n    branch: main\n")
    result = build(project, epoch=EPOCH)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    meeting = line_of(project, "data/meetings.yaml", "  - id: visionsforum-2027-1")
    partner = line_of(project, "data/partners.yaml", "  - id: va")
    theme = line_of(project, "data/themes.yaml", "  - id: renovering")
    expected = {
        "": ("Ret denne side", f"{REPO}/edit/main/content/index.md"),
        "en/": ("Edit this page", f"{REPO}/edit/main/content/en/index.md"),
        "aftale/2017/": ("Ret denne side", f"{REPO}/edit/main/content/aftale/2017.md"),
        "nyheder/ny-hjemmeside/": ("Ret denne side", f"{REPO}/edit/main/content/nyheder/ny-hjemmeside.md"),
        # a meeting with a report: the report first (what is edited after the meeting), then its entry
        "moeder/visionsforum-2027-1/": ("Ret referatet", f"{REPO}/edit/main/content/referater/visionsforum-2027-1.md"),
        "en/moeder/visionsforum-2027-1/": ("Edit the report",  # no English report: the Danish one is shown
                                           f"{REPO}/edit/main/content/referater/visionsforum-2027-1.md"),
        "partnere/va/": ("Ret denne side", f"{REPO}/blob/main/data/partners.yaml#L{partner}"),
        "en/temaer/renovering/": ("Edit this page", f"{REPO}/blob/main/data/themes.yaml#L{theme}"),
        "moeder/": ("Ret denne side", f"{REPO}/edit/main/data/meetings.yaml"),
        "opfoelgning/": ("Ret denne side", f"{REPO}/edit/main/data/decisions.yaml"),
        "en/nyheder/": ("Edit this page", f"{REPO}/tree/main/content/nyheder"),
        "soeg/": None,
    }
    assert {path: edit_link(site, path) for path in expected} == expected
    for path, text in (("moeder/visionsforum-2027-1/", "Ret mødets oplysninger"),
                       ("en/moeder/visionsforum-2027-1/", "Edit the meeting's details")):
        links = [(a.get_text(), a["href"]) for a in soup(site, path).select("article .bd-edit a")]
        assert links[1] == (text, f"{REPO}/blob/main/data/meetings.yaml#L{meeting}")
    assert len(soup(site, "moeder/visionsforum-2027-2/").select("article .bd-edit a")) == 1  # no report: one link
    # the link names a file that exists, at a line that holds the record
    for path, link in expected.items():
        if link:
            file = urlsplit(link[1]).path.split("/main/", 1)[1]
            assert (project / file).exists(), file


def test_no_repository_no_link(shipped_site):
    for path in ("", "aftale/", "moeder/visionsforum-2017-1/", "en/partnere/va/"):
        assert edit_link(shipped_site, path) is None
