"""A link to a heading that a generated page does not have (boligdialog/adapter/anchorlinks.py):
the build names the editor's file and line, in the editors' words, and still stops (strict)."""

from __future__ import annotations

import logging

from boligdialog.adapter import anchorlinks
from boligdialog.model.translate import use
from boligdialog.site.sitedata import ContentPage
from conftest import build, build_command, edit

MKDOCS = ("Doc file 'nyheder/x.md' contains a link '../moeder/m.md#referatet', but the doc 'moeder/m.md' "
          "does not contain an anchor '#referatet'.")


def test_mkdocs_words_are_read_and_others_left_alone():
    assert anchorlinks.parse(MKDOCS) == anchorlinks.Link("nyheder/x.md", "../moeder/m.md#referatet",
                                                         "moeder/m.md", "referatet")
    own = "Doc file 'a.md' contains a link '#nej', but there is no such anchor on this page."
    assert anchorlinks.parse(own) == anchorlinks.Link("a.md", "#nej", "a.md", "nej")
    assert anchorlinks.parse("Doc file 'a.md' contains a link 'b.md', but the target is not found.") is None


def test_the_mistake_is_at_the_line_of_the_first_text_that_holds_the_link():
    link = anchorlinks.parse(MKDOCS)
    texts = {"content/nyheder/y.md": (4, "Intet link her.\n"),
             "content/nyheder/x.md": (5, "Første linje.\n\nSe [referatet](../moeder/m.md#referatet).\n")}
    with use("da"):
        error = anchorlinks.editor_error(link, ids=["organisationer", "referat"], texts=texts)
    assert error.render() == (
        "content/nyheder/x.md:7: her skal stå et link til en overskrift, der findes, men der står "
        "'../moeder/m.md#referatet': siden moeder/m/ har ingen overskrift med id'et 'referatet'; "
        "mente du 'referat'?")
    assert anchorlinks.editor_error(link, ids=[], texts={"content/a.md": (1, "andet")}) is None


def test_texts_put_the_links_page_first():
    pages = {uri: ContentPage(uri, "da", None, "x", body_line=3) for uri in ("a.md", "b.md", "c.md")}
    assert list(anchorlinks.texts(pages, "b.md", "content")) == ["content/b.md", "content/a.md", "content/c.md"]
    assert list(anchorlinks.texts(pages, "moeder/m.md", "tekster")) == ["tekster/a.md", "tekster/b.md",
                                                                       "tekster/c.md"]
    # a generated page: the texts it shows only, those that exist
    assert list(anchorlinks.texts(pages, "moeder/m.md", "content", ["en/c.md", "c.md"])) == ["content/c.md"]
    assert list(anchorlinks.texts(pages, "b.md", "content", ["c.md", "b.md"])) == ["content/b.md", "content/c.md"]


def test_a_news_link_to_a_missing_heading_of_a_meeting_page_is_reported_at_its_line(project):
    news = project / "content/nyheder/ny-hjemmeside.md"
    with news.open("a", encoding="utf-8") as f:
        f.write("\nLæs [referatet](../moeder/visionsforum-2017-1.md#referatet).\n")
    line = news.read_text(encoding="utf-8").splitlines().index(
        "Læs [referatet](../moeder/visionsforum-2017-1.md#referatet).") + 1
    result = build_command(project)
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    assert (f"content/nyheder/ny-hjemmeside.md:{line}: expected a link to a heading that exists but received "
            "'../moeder/visionsforum-2017-1.md#referatet': the page moeder/visionsforum-2017-1/ has no heading "
            "with the id 'referatet'; did you mean 'referat'?") in out
    assert "contains a link" not in out  # MkDocs's English words are replaced, not added to


def test_a_reports_link_is_reported_in_the_report_and_the_filter_goes_with_the_build(project):
    """The report is shown on its meeting's page, where MkDocs finds the link; a news item with
    the same link (listed before the reports) is reported at its own line, not in the report's place."""
    report = project / "content/referater/visionsforum-2017-1.md"
    news = project / "content/nyheder/ny-hjemmeside.md"
    for page in (report, news):
        with page.open("a", encoding="utf-8") as f:
            f.write("\nSe også [forsiden](../index.md#findes-ikke).\n")
    line, news_line = (len(page.read_text(encoding="utf-8").splitlines()) for page in (report, news))
    built = build(project)
    assert built.returncode == 1
    assert f"content/referater/visionsforum-2017-1.md:{line}: expected a link to a heading that exists" in built.stderr
    assert f"content/nyheder/ny-hjemmeside.md:{news_line}: expected a link to a heading" in built.stderr
    assert "the page / has no heading with the id 'findes-ikke'" in built.stderr
    assert not [f for name in anchorlinks.LOGGERS for f in logging.getLogger(name).filters
                if isinstance(f, anchorlinks.AnchorWarnings)]
    for page in (report, news):
        edit(page, "\nSe også [forsiden](../index.md#findes-ikke).\n", "\n")
    assert build(project).returncode == 0
