import datetime as dt

import pytest

from boligdialog.model.values import Address, Count, PartialDate, Text, When, parse_time


@pytest.mark.parametrize(
    "raw, expected, precision",
    [
        ("2017", PartialDate(2017), "year"),
        (2017, PartialDate(2017), "year"),
        ("2017-08", PartialDate(2017, 8), "month"),
        ("2017-08-20", PartialDate(2017, 8, 20), "day"),
        (dt.date(2017, 8, 20), PartialDate(2017, 8, 20), "day"),
    ],
)
def test_partial_date_parses(raw, expected, precision):
    assert PartialDate.parse(raw) == expected
    assert expected.precision == precision


@pytest.mark.parametrize(
    "raw, message",
    [
        ("2017-13", "expected a real calendar date but received '2017-13'"),
        ("2017-02-30", "expected a real calendar date but received '2017-02-30'"),
        ("aug 2017", "expected a date as YYYY-MM-DD, YYYY-MM or YYYY (like 2027-03-18) but received 'aug 2017'"),
        (dt.datetime(2017, 8, 1, 10), "expected a date without a time but received '2017-08-01T10:00:00'"),
        (None, "expected a date as YYYY-MM-DD, YYYY-MM or YYYY (like 2027-03-18) but received nothing"),
    ],
)
def test_partial_date_rejects(raw, message):
    with pytest.raises(ValueError) as exc:
        PartialDate.parse(raw)
    assert str(exc.value) == message


def test_partial_date_bounds():
    assert PartialDate(2017, 8).first_day() == dt.date(2017, 8, 1)
    assert PartialDate(2017, 8).last_day() == dt.date(2017, 8, 31)
    assert PartialDate(2016, 2).last_day() == dt.date(2016, 2, 29)
    assert PartialDate(2017, 12).last_day() == dt.date(2017, 12, 31)
    assert PartialDate(2017).last_day() == dt.date(2017, 12, 31)


def test_text_fallback_rule():
    both = Text.parse({"da": "Møder", "en": "Meetings"})
    assert both.get("en").text == "Meetings" and not both.get("en").fallback
    only_da = Text.parse("Møder")
    got = only_da.get("en")
    assert (got.text, got.lang, got.fallback) == ("Møder", "da", True)
    assert only_da.get("da").fallback is False


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"en": "x"}, "expected Danish text under 'da' but received nothing"),
        ({"da": "x", "de": "y"}, "expected the keys da and en but received 'de'"),
        ({"da": "x", "en": 3}, "expected English text under 'en' but received 3"),
        ("  ", "expected text but received an empty string"),
        (["a"], "expected text, or da/en texts, but received a list"),
    ],
)
def test_text_rejects(raw, message):
    with pytest.raises(ValueError) as exc:
        Text.parse(raw)
    assert str(exc.value) == message


def test_when_and_time():
    assert When.parse("2017-08-22 17:00") == When(PartialDate(2017, 8, 22), dt.time(17, 0))
    assert When.parse(dt.datetime(2017, 8, 22, 17, 30)) == When(PartialDate(2017, 8, 22), dt.time(17, 30))
    assert When.parse("2017-08") == When(PartialDate(2017, 8))
    assert parse_time("9:05") == dt.time(9, 5)
    with pytest.raises(ValueError, match="expected a time as HH:MM but received '25:00'"):
        parse_time("25:00")
    with pytest.raises(ValueError, match="expected a date and time as YYYY-MM-DD HH:MM"):
        When.parse("2017-08-22 7pm")


@pytest.mark.parametrize("raw, expected", [(20, Count(20)), ("about 20", Count(20, True)),
                                           ("ca. 20", Count(20, True))])
def test_count(raw, expected):
    assert Count.parse(raw) == expected


def test_count_rejects():
    with pytest.raises(ValueError, match=r"expected a number, or 'about N', but received 'many'"):
        Count.parse("many")


@pytest.mark.parametrize(
    "raw, message",
    [
        ("2017-00", "expected a real calendar date but received '2017-00'"),
        ("2017-08-00", "expected a real calendar date but received '2017-08-00'"),
        ("9999-12", "expected a year from 1900 to 2999 but received '9999-12'"),
        ("1017-08", "expected a year from 1900 to 2999 but received '1017-08'"),
        (9999, "expected a year from 1900 to 2999 but received 9999"),
        ("10000-01-01", "expected a date as YYYY-MM-DD, YYYY-MM or YYYY (like 2027-03-18) but received '10000-01-01'"),
        (True, "expected a date as YYYY-MM-DD, YYYY-MM or YYYY (like 2027-03-18) but received True"),
    ],
)
def test_partial_date_refuses_what_no_calendar_has(raw, message):
    with pytest.raises(ValueError) as exc:
        PartialDate.parse(raw)
    assert str(exc.value) == message


@pytest.mark.parametrize(
    "raw, single_line, message",
    [
        ("a\x00b", False, "expected plain text but received the invisible character U+0000 (NUL) in 'a\\x00b'; "
                          "delete it and type the text again"),
        ("a\rb", False, "expected plain text but received the invisible character U+000D (carriage return (CR)) "
                        "in 'a\\rb'; delete it and type the text again"),
        ("a\u2028b", False, "expected plain text but received the invisible character U+2028 (line separator) "
                            "in 'a\\u2028b'; delete it and type the text again"),
        ("a\x02b", False, "expected plain text but received the invisible character U+0002 in 'a\\x02b'; "
                          "delete it and type the text again"),
        ("Mødet\nslut", True, "expected text on one line but received a line break in 'Mødet\\nslut'"),
        ({"da": "Møde", "en": "Meet\ning"}, True, "expected text on one line but received a line break in 'Meet\\ning'"),
        ("x" * 20_001, False, "expected at most 20,000 characters but received 20,001"),
    ],
)
def test_text_refuses_invisible_characters(raw, single_line, message):
    with pytest.raises(ValueError) as exc:
        Text.parse(raw, single_line=single_line)
    assert str(exc.value) == message


def test_text_keeps_line_breaks_and_tabs_where_paragraphs_are_allowed():
    assert Text.parse({"da": "To\nlinjer\tog tab"}).da == "To\nlinjer\tog tab"


def test_address_reads_street_postcode_and_town():
    address = Address.parse("  Nordmarks Allé 1,2620  Albertslund ")
    assert address == Address("Nordmarks Allé 1", "2620", "Albertslund")
    assert str(address) == "Nordmarks Allé 1, 2620 Albertslund"


@pytest.mark.parametrize("raw", ["Nordmarks Allé 1", "Vej 1, DK-2620 Albertslund", "Vej 1, 2620 Albertslund, Danmark",
                                 "Vej 1, 2620", "Vej\x001, 2620 Albertslund", 2620, None])
def test_address_rejects(raw):
    with pytest.raises(ValueError) as exc:
        Address.parse(raw)
    assert str(exc.value).startswith(("expected an address as 'street and number, postcode town', like "
                                      "'Torvet 1, 1234 Byen', but received ",
                                      "expected plain text but received the invisible character U+0000"))
