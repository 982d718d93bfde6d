"""Paths of pages in both languages, and heading ids."""

from __future__ import annotations

import pytest

from boligdialog.site.routes import nav_entry, slugify


@pytest.mark.parametrize(("heading", "slug"), [
    ("Kommende møder", "kommende-moeder"),
    ("Åbne beslutninger", "aabne-beslutninger"),
    ("Repræsentanter", "repraesentanter"),
    ("ÆBLE, Øst & Å", "aeble-oest-aa"),
    ("1. Visionsforum", "1-visionsforum"),
    ("Homeowners' associations", "homeowners-associations"),
    ("Café – næste gang", "cafe-naeste-gang"),
])
def test_heading_ids_keep_danish_words_readable(heading, slug):
    assert slugify(heading, "-") == slug


@pytest.mark.parametrize(("uri", "entry"), [
    ("moeder/visionsforum-2017-1.md", "moeder/index.md"),
    ("en/partnere/va.md", "en/partnere/index.md"),
    ("temaer/midtby.md", "temaer/index.md"),
    ("en/nyheder/ny-hjemmeside.md", "en/nyheder/index.md"),
    ("moeder/index.md", "moeder/index.md"),
    ("aftale.md", "aftale.md"),
    ("en/index.md", "en/index.md"),
])
def test_the_navigation_entry_of_a_page(uri, entry):
    assert nav_entry(uri) == entry
