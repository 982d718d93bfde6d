"""The consultation memo (boligdialog.pages.memo): a page per version whose consultation has
closed, in both languages, read from the built fuller site."""

from __future__ import annotations

import pytest

from htmlpage import main_text, resolve, soup


@pytest.mark.parametrize(("prefix", "words"), [
    ("", ("Høringsnotat: Partnerskabsaftale 2027", "Grundejerforeninger", "(har ikke svaret)",
          "Foreningerne ønsker flere møder om året.", "Forummet mødes nu tre gange om året i stedet for to.",
          "Resultat Imødekommet", "Vedtaget 20. april 2027")),
    ("en/", ("Consultation memo: Partnership agreement 2027", "(has not responded)",
             "The associations want more meetings a year.", "The forum now meets three times a year instead of twice.",
             "Outcome Accommodated", "Adopted 20 April 2027")),
])
def test_a_closed_consultation_has_its_memo_in_both_languages(fuller_site, prefix, words):
    url = f"{prefix}aftale/2027/hoeringsnotat/"
    page = soup(fuller_site, url)
    text = main_text(page)
    for word in words:
        assert word in text, word
    assert page.html["lang"] == ("en" if prefix else "da")
    links = {resolve(url, a["href"]) for a in page.select("article a[href]")}
    assert {f"{prefix}aftale/2027/", f"{prefix}aftale/2027/aendringer/", "filer/hoeringssvar-grundejerforeninger.pdf"} \
        <= links
    assert (fuller_site / "filer/hoeringssvar-grundejerforeninger.pdf").is_file()
    # the version's page leads to it
    version = soup(fuller_site, f"{prefix}aftale/2027/")
    assert url in {resolve(f"{prefix}aftale/2027/", a["href"]) for a in version.select("article a[href]")}


def test_an_open_consultation_has_no_memo_yet(fuller_site):
    assert not (fuller_site / "aftale/2028/hoeringsnotat").exists()
    assert "hoeringsnotat" not in " ".join(a["href"] for a in soup(fuller_site, "aftale/2028/").select("article a[href]"))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_response_and_the_change_it_caused_link_to_each_other(fuller_site, prefix):
    """The response names its section (``section: Visionsforum``): the memo links to that
    heading on the comparison page, and the comparison names the response there, linking back."""
    memo_url, comparison_url = f"{prefix}aftale/2027/hoeringsnotat/", f"{prefix}aftale/2027/aendringer/"
    memo, comparison = soup(fuller_site, memo_url), soup(fuller_site, comparison_url)
    [to_change] = [a for a in memo.select("article a[href*='#bd-afsnit-']")]
    target = resolve(memo_url, to_change["href"].split("#")[0])
    heading = comparison.select_one(f"#{to_change['href'].split('#')[1]}")
    assert target == comparison_url and heading.name in ("h3", "h4") and heading.get_text() == "Visionsforum"
    why = heading.find_next_sibling("p", class_="bd-compare__why")
    [back] = why.select("a")
    assert back.get_text() == ("Grundejerforeningerne i Albertslund" if not prefix else
                               "Homeowners' associations in Albertslund")
    assert resolve(comparison_url, back["href"].split("#")[0]) == memo_url
    assert memo.select_one(f"#{back['href'].split('#')[1]}").get_text(" ", strip=True).startswith(back.get_text())
    # only that heading names a response
    assert len(comparison.select(".bd-compare__why")) == 1


def test_a_section_that_is_no_heading_of_the_text_is_a_mistake(records_project, tmp_path):
    from conftest import build, copy_built, edit
    from records_fixture import EPOCH

    project = copy_built(records_project, tmp_path / "p")
    edit(project / "data/agreements.yaml", "        section: Visionsforum\n", "        section: Visionsforummet\n")
    result = build(project, epoch=EPOCH)
    assert result.returncode == 1
    assert ("responses no. 1, section: expected a heading of content/aftale/2027.md (the section the response had "
            "changed): ['Partnerskabsaftalen', 'Baggrund', 'Formål', 'Andelsboligforeningerne', 'Visionsforum', "
            "'En aftale, der endnu kan ændres'], but received 'Visionsforummet'") in result.stderr
