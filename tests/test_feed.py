"""The Atom output, parsed back with feedparser."""

import feedparser

from boligdialog.feed import FeedEntry, atom_feed, tag_uri
from boligdialog.values import PartialDate

SITE = "https://boligdialog.example.org/"


def entry(key, day, title="T"):
    return FeedEntry(key=key, title=title, url=f"{SITE}en/{key}/", published=PartialDate.parse(day),
                     updated=None, summary_html="<p>S</p>")


def test_feed_is_valid_atom_newest_first_with_stable_ids():
    xml = atom_feed([entry("a", "2027-01-02"), entry("b", "2027-03-04"), entry("c", "2026-12-31")],
                    lang="en", title="Feed", subtitle="Sub", site_url=SITE, home_url=f"{SITE}en/",
                    feed_url=f"{SITE}en/feed.xml")
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0
    assert [e.id for e in parsed.entries] == [tag_uri(SITE, f"{k}/en") for k in ("b", "a", "c")]
    assert parsed.feed.updated_parsed[:3] == (2027, 3, 4)
    assert parsed.entries[0].link == f"{SITE}en/b/"
    # a changed title keeps the id
    again = feedparser.parse(atom_feed([entry("b", "2027-03-04", title="Other")], lang="en", title="F",
                                       subtitle="S", site_url=SITE, home_url=SITE, feed_url=SITE + "f.xml"))
    assert again.entries[0].id == parsed.entries[0].id


def test_empty_feed_is_still_valid():
    parsed = feedparser.parse(atom_feed([], lang="da", title="F", subtitle="S", site_url=SITE,
                                        home_url=SITE, feed_url=SITE + "feed.xml"))
    assert parsed.bozo == 0 and parsed.entries == []
