"""The Atom output, parsed back with feedparser and checked against RFC 4287 by
tests/atom_rules.py (the RFC's own grammar and rules, not the library that writes it)."""

import feedparser
import pytest

from atom_rules import problems
from boligdialog.outputs.feed import FeedEntry, atom_feed, tag_uri
from boligdialog.model.values import PartialDate

SITE = "https://boligdialog.example.org/"


def entry(key, day, title="T"):
    return FeedEntry(key=key, title=title, url=f"{SITE}en/{key}/", published=PartialDate.parse(day),
                     updated=None, description="S", body="")


def feed(entries, **kwargs):
    args = dict(lang="en", title="Feed", subtitle="Sub", author="Housing dialogue Albertslund", site_url=SITE,
                home_url=f"{SITE}en/", feed_url=f"{SITE}en/feed.xml") | kwargs
    return atom_feed(entries, **args)


def test_feed_is_valid_atom_newest_first_with_stable_ids():
    xml = feed([entry("a", "2027-01-02"), entry("b", "2027-03-04"), entry("c", "2026-12-31")])
    assert problems(xml) == []
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0
    assert [e.id for e in parsed.entries] == [tag_uri(SITE, f"{k}/en") for k in ("b", "a", "c")]
    assert parsed.feed.updated_parsed[:3] == (2027, 3, 4)
    assert parsed.entries[0].link == f"{SITE}en/b/"
    # a changed title keeps the id
    again = feedparser.parse(feed([entry("b", "2027-03-04", title="Other")]))
    assert again.entries[0].id == parsed.entries[0].id


def test_a_feed_holds_the_newest_entries():
    import datetime as dt
    from boligdialog.outputs.feed import FEED_LENGTH
    days = [dt.date(2020, 1, 1) + dt.timedelta(days=i) for i in range(FEED_LENGTH + 10)]
    parsed = feedparser.parse(feed([entry(f"e{i}", d.isoformat()) for i, d in enumerate(days)]))
    assert parsed.bozo == 0
    assert [e.id for e in parsed.entries] == [tag_uri(SITE, f"e{i}/en") for i in reversed(range(10, FEED_LENGTH + 10))]
    assert parsed.feed.updated_parsed[:3] == days[-1].timetuple()[:3]


def test_an_entry_without_a_description_is_summed_up_by_its_first_paragraph_or_its_fallback():
    def plain(key, body, fallback=""):
        return FeedEntry(key=key, title="T", url=f"{SITE}en/{key}/", published=PartialDate.parse("2027-01-02"),
                         updated=None, description=None, body=body, fallback=fallback)
    parsed = feedparser.parse(feed([plain("a", "# Heading\n\nThe *first* paragraph.\n\nThe second."),
                                    plain("b", "# Only a heading\n", fallback="2nd Visionsforum")]))
    summaries = {e.id: e.summary for e in parsed.entries}
    assert summaries == {tag_uri(SITE, "a/en"): "<p>The <em>first</em> paragraph.</p>",
                         tag_uri(SITE, "b/en"): "<p>2nd Visionsforum</p>"}


def test_a_feed_is_made_again_only_when_what_it_shows_changed():
    """The preview asks for both feeds after every edit: the same entries as shown (a body changed
    below its first paragraph, or outside the feed) give the last feed again; any change it shows
    gives a new one, as a feed made from nothing."""
    from dataclasses import replace

    from boligdialog.outputs import feed as feed_module

    def plain(body, title="T", key="a"):
        return FeedEntry(key=key, title=title, url=f"{SITE}en/{key}/", published=PartialDate.parse("2027-01-02"),
                         updated=None, description=None, body=body)
    first = feed([plain("The first paragraph.\n\nThe second.")])
    made = feed_module._atom.cache_info().misses
    assert feed([plain("The first paragraph.\n\nThe second, longer now.")]) is first
    assert feed_module._atom.cache_info().misses == made
    described = FeedEntry(key="d", title="T", url=f"{SITE}en/d/", published=PartialDate.parse("2027-01-02"),
                          updated=None, description="Summary.", body="A paragraph.")
    with_description = feed([described])
    assert feed([replace(described, body="Another paragraph.")]) is with_description  # the summary is the description
    for changed in ([plain("The first paragraph, edited.\n\nThe second.")], [plain("The first paragraph.", title="U")],
                    [plain("The first paragraph."), plain("Another.", key="b")]):
        again = feed(changed)
        feed_module._atom.cache_clear()
        assert again != first and again == feed(changed)
    assert [e.summary for e in feedparser.parse(feed([plain("New *words*.\n\nMore.")])).entries] == \
        ["<p>New <em>words</em>.</p>"]


def test_the_partnership_is_the_author_of_the_feed():
    parsed = feedparser.parse(feed([entry("a", "2027-01-02")], author="Boligdialog Albertslund",
                                   home_url=SITE, lang="da"))
    assert parsed.feed.author_detail == {"name": "Boligdialog Albertslund", "href": SITE}


@pytest.mark.parametrize("built", ["shipped_site", "fuller_site", "second_site"])
@pytest.mark.parametrize("path", ["feed.xml", "en/feed.xml"])
def test_the_built_feeds_conform_to_rfc_4287(request, built, path):
    xml = (request.getfixturevalue(built) / path).read_bytes()
    assert problems(xml) == []
    assert feedparser.parse(xml).entries  # reports and news are in it


def test_empty_feed_is_still_valid():
    xml = feed([], lang="da", home_url=SITE, feed_url=SITE + "feed.xml")
    assert problems(xml) == []
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0 and parsed.entries == []


# --- the checker finds what breaks the RFC --------------------------------------------------

VALID = """<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">
  <id>tag:x.org,2017:feed</id><title>F</title><updated>2027-01-02T12:00:00+01:00</updated>
  <link href="https://x.org/feed.xml" rel="self"/>{author}
  <entry><id>tag:x.org,2017:a</id><title>A</title><updated>2027-01-02T12:00:00+01:00</updated>
    <link href="https://x.org/a/" rel="alternate" hreflang="da"/>{extra}</entry>
</feed>"""
AUTHOR = "<author><name>P</name><uri>https://x.org/</uri></author>"


def test_the_checker_accepts_a_valid_feed():
    assert problems(VALID.format(author=AUTHOR, extra="").encode()) == []


@pytest.mark.parametrize(("author", "extra", "expected"), [
    ("", "", "An atom:feed must have an atom:author unless all of its atom:entry children have an atom:author."),
    (AUTHOR, '<link href="https://x.org/b/" hreflang="da"/>', "entry 1: two alternate links with type/hreflang (None, 'da')"),
    (AUTHOR.replace("https://x.org/", "/relative"), "", "feed: author uri '/relative' is not an absolute IRI"),
    (AUTHOR, "<id>tag:x.org,2017:b</id>", "Appendix B grammar"),
    (AUTHOR, "<published>2027-01-02t12:00:00z</published>", "published '2027-01-02t12:00:00z' is not an RFC 3339"),
    (AUTHOR, "<published>2027-01-03T12:00:00+01:00</published>", "entry 1: published after it was updated"),
])
def test_the_checker_reports_each_broken_rule(author, extra, expected):
    found = problems(VALID.format(author=author, extra=extra).encode())
    assert any(expected in p for p in found), found
