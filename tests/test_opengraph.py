"""OpenGraph properties of a page, as plain values (the built pages: tests/test_head.py)."""

from boligdialog.pages.opengraph import properties


def test_properties_of_a_news_article_in_danish():
    assert properties(title="T", description="D", url="https://x.org/nyheder/a/", lang="da", site_name="S",
                      article=True) == [
        ("og:type", "article"), ("og:site_name", "S"), ("og:title", "T"), ("og:description", "D"),
        ("og:url", "https://x.org/nyheder/a/"), ("og:locale", "da_DK"), ("og:locale:alternate", "en_GB")]


def test_without_an_address_there_is_no_og_url():
    props = dict(properties(title="T", description="D", url=None, lang="en", site_name="S"))
    assert "og:url" not in props and props["og:type"] == "website" and props["og:locale"] == "en_GB"
