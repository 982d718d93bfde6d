"""Dates, times and sizes as each language writes them."""

from __future__ import annotations

import datetime as dt

import pytest

from boligdialog.site.i18n import file_type, format_size, format_when
from boligdialog.model.values import When


@pytest.mark.parametrize(("start", "end", "da", "en"), [
    ("2027-03-18 17:00", dt.time(19, 30), "18. marts 2027 kl. 17.00–19.30", "18 March 2027, 17:00–19:30"),
    ("2027-03-18 09:05", None, "18. marts 2027 kl. 09.05", "18 March 2027, 09:05"),
    ("2027-03-18", None, "18. marts 2027", "18 March 2027"),
    ("2017-08", None, "august 2017", "August 2017"),
])
def test_meeting_time(start, end, da, en):
    when = When.parse(start)
    assert (format_when(when, end, "da"), format_when(when, end, "en")) == (da, en)


@pytest.mark.parametrize(("size", "da", "en"), [
    (1, "1 byte", "1 byte"),
    (600, "600 byte", "600 bytes"),
    (12_009, "12 kB", "12 kB"),
    (1_400_000, "1,4 MB", "1.4 MB"),
])
def test_file_size(size, da, en):
    assert (format_size(size, "da"), format_size(size, "en")) == (da, en)


def test_file_type_from_the_name():
    described = file_type("filer/dagsorden.pdf", 600, "da")
    assert (described.mime, described.label, described.size) == ("application/pdf", "PDF", "600 byte")
    assert file_type("filer/noter", 2, "en").label == "application/octet-stream"
