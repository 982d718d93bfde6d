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
