"""Small value types of the data model: bilingual text, partial dates, times.

These are plain, immutable Python classes with parsers that raise ``ValueError``
carrying an editor-facing ``expected … but received …`` message.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

from boligdialog.model.errors import Invalid, show
from boligdialog.model.translate import N_, number, tr

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = ("da", "en")


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
"""Characters no editor means to type: control characters (tab and line feed are allowed),
line and paragraph separators, lone surrogates and non-characters. Some break XML (the
feed), some break Markdown (which uses STX/ETX internally), none show on a page."""

MAX_TEXT = 20_000
"""Longest text a single field takes (a paragraph is far shorter)."""


_CHAR_NAMES = {"\x00": "NUL", "\r": N_("carriage return (CR)"), "\n": N_("line break"), "\t": N_("tab"),
               "\x7f": "DEL", "\u2028": N_("line separator"), "\u2029": N_("paragraph separator")}


def char_name(ch: str) -> str:
    """``U+0000 (NUL)``: the character's code, and its name where people know it by one."""
    return f"U+{ord(ch):04X}" + (f" ({tr(_CHAR_NAMES[ch])})" if ch in _CHAR_NAMES else "")


_MANGLED = re.compile(r"[\w]*[\u00c2\u00c3\u00c5][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                      r"\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
                      r"\u20ac\u2122][\w]*")


def _repair(word: str) -> str | None:
    """``word`` as it was before UTF-8 was read as Windows-1252 (``RÃ¥dhus`` -> ``Rådhus``), or
    ``None`` when it was not mangled so."""
    out, changed = [], False
    for part in re.split(r"([\u00c2\u00c3\u00c5].)", word):
        if len(part) == 2 and part[0] in "\u00c2\u00c3\u00c5":
            try:
                part = part.encode("cp1252").decode("utf-8")
                changed = True
            except UnicodeError:
                pass
        out.append(part)
    return "".join(out) if changed else None


def mangled(text: str) -> tuple[int, str, str] | None:
    """The first word of ``text`` mangled by a wrong encoding: its position, the word as it
    stands, and as it was meant."""
    for m in _MANGLED.finditer(text):
        fixed = _repair(m.group())
        if fixed is not None:
            return m.start(), m.group(), fixed
    return None


def mangled_message(word: str, fixed: str) -> str:
    return tr("expected Danish letters but received {word}, text mangled by a wrong encoding (æ, ø and å saved "
              "as two characters each); write {fixed}", word=repr(word), fixed=repr(fixed))


def visible(text: str) -> str:
    """``text`` with each invisible character written as its escape (``a\\nb``), for a file name
    shown in a message: it cannot break the line, or forge a CI command."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", lambda m: m.group().encode("unicode_escape").decode("ascii"),
                  text)


class TextError(Invalid):
    """A mistake in one language of a text: ``key`` is ``da`` or ``en``, so the message can
    point at that line."""

    def __init__(self, message: str, key: str, *, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.key = key


def check_text(value: str, *, single_line: bool = False) -> str:
    """``value`` if it is text an editor can mean, else a ``ValueError`` saying what is wrong."""
    if single_line and ("\n" in value or "\r" in value):
        raise Invalid(tr("expected text on one line but received a line break in {value}", value=show(value[:60])),
                      hint=tr("write it on one line; only longer texts such as a summary may have paragraphs"))
    bad = CONTROL.search(value)
    if bad:
        raise ValueError(tr("expected plain text but received the invisible character {character} in {value}; "
                            "delete it and type the text again", character=char_name(bad.group()),
                            value=show(value[:60])))
    if (bad_word := mangled(value)) is not None:
        raise ValueError(mangled_message(*bad_word[1:]))
    if len(value) > MAX_TEXT:
        raise ValueError(tr("expected at most {limit} characters but received {count}", limit=number(MAX_TEXT),
                            count=number(len(value))))
    return value


def plain_text(value: Any, *, single_line: bool = True) -> str:
    """A non-blank string of plain text (see :func:`check_text`)."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(tr("expected text but received {value}",
                            value=tr("an empty text") if value == "" else show(value)))
    return check_text(value, single_line=single_line)


@dataclass(frozen=True)
class Localized:
    """Text chosen for one language, and the language it is really in."""

    text: str
    lang: Lang
    fallback: bool
    """True when the wanted language was missing and Danish stands in for it."""


@dataclass(frozen=True)
class Text:
    """Text in Danish (required) and English (optional).

    Fallback rule: English that is missing falls back to the Danish text, marked
    as such, so the page can wrap it in ``lang="da"`` and say so.
    """

    da: str
    en: str | None = None

    def get(self, lang: Lang) -> Localized:
        if lang == "en" and self.en:
            return Localized(self.en, "en", False)
        return Localized(self.da, "da", lang != "da")

    def __str__(self) -> str:
        return self.da

    @classmethod
    def parse(cls, value: Any, *, single_line: bool = False) -> "Text":
        """``"tekst"`` or ``{da: tekst, en: text}``; with ``single_line``, no line breaks
        (names and titles)."""
        if isinstance(value, Text):
            return value
        if isinstance(value, str):
            if not value.strip():
                raise ValueError(tr("expected text but received an empty string"))
            return cls(da=check_text(value, single_line=single_line))
        if isinstance(value, dict):
            unknown = sorted((k for k in value if k not in ("da", "en")), key=str)
            if unknown:
                raise Invalid(tr("expected the keys da and en but received {key}", key=show(unknown[0])),
                              hint=tr("da: for Danish, en: for English"))
            da, en = value.get("da"), value.get("en")
            if not isinstance(da, str) or not da.strip():
                raise TextError(tr("expected Danish text under 'da' but received {value}", value=show(da)),
                                "da" if "da" in value else "")
            if en is not None and (not isinstance(en, str) or not en.strip()):
                raise TextError(tr("expected English text under 'en' but received {value}", value=show(en)), "en")
            for key, text in (("da", da), ("en", en)):
                try:
                    if text is not None:
                        check_text(text, single_line=single_line)
                except ValueError as exc:
                    raise TextError(str(exc), key, hint=getattr(exc, "hint", "")) from None
            return cls(da=da, en=en)
        raise Invalid(tr("expected text, or da/en texts, but received {value}", value=show(value)),
                      hint=tr("write the text after the colon, or da: and en: on lines of their own below it"))

    @classmethod
    def parse_line(cls, value: Any) -> "Text":
        """Like :meth:`parse`, for a name or title: one line."""
        return cls.parse(value, single_line=True)


def date_hint() -> str:
    return tr("write the date like 2027-03-18, or 2027-03 when only the month is known")


def when_hint() -> str:
    return tr("write it like 2027-03-18 17:00, or 2027-03-18 without a time, or 2027-03 when only the month "
              "is known")


def count_hint() -> str:
    return tr("write a number like 34, or about 20 when it is an estimate")


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}

YEARS = range(1900, 3000)
"""Years a date in the records can have (a wider range only hides typing mistakes)."""


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date that may be known only to the year or the month ("August 2017").

    Ordering is by first possible day, then by precision, so "2017-08" sorts before
    "2017-08-01" and both before "2017-08-20". To ask whether one partial date is
    certainly before another, compare ``a.last_day() < b.first_day()``.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def sort_key(self) -> tuple[dt.date, int]:
        return self.first_day(), _PRECISION_RANK[self.precision]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def as_date(self) -> dt.date | None:
        """The day, if it is known; ``None`` for a month or a year."""
        return self.first_day() if self.precision == "day" else None

    def last_day(self) -> dt.date:
        if self.day is not None:
            return self.first_day()
        if self.month is None:
            return dt.date(self.year, 12, 31)
        nxt = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)

    def isoformat(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def parse(cls, value: Any) -> "PartialDate":
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise Invalid(tr("expected a date without a time but received {value}", value=show(value)),
                          hint=date_hint())
        if isinstance(value, dt.date):
            year, month, day = value.year, value.month, value.day
        elif isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
            year, month, day = value, None, None
        else:
            m = _PARTIAL.match(value) if isinstance(value, str) else None
            if not m:
                raise Invalid(tr("expected a date as YYYY-MM-DD, YYYY-MM or YYYY (like 2027-03-18) but received "
                                 "{value}", value=show(value)), hint=date_hint())
            year, month, day = (int(g) if g else None for g in m.groups())
        if year not in YEARS:
            raise Invalid(tr("expected a year from {first} to {last} but received {value}", first=YEARS[0],
                             last=YEARS[-1], value=show(value)), hint=date_hint())
        try:
            if month == 0 or day == 0:
                raise ValueError
            dt.date(year, month or 1, day or 1)
        except ValueError:
            raise Invalid(tr("expected a real calendar date but received {value}", value=show(value)),
                          hint=date_hint()) from None
        return cls(year, month, day)


_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_time(value: Any) -> dt.time:
    """``"17:00"`` -> ``time(17, 0)``."""
    if isinstance(value, dt.time):
        return value
    m = _TIME.match(value) if isinstance(value, str) else None
    if not m:
        raise Invalid(tr("expected a time as HH:MM but received {value}", value=show(value)),
                      hint=tr("write the time with a colon and in quotes, like end: \"19:30\""))
    return dt.time(int(m.group(1)), int(m.group(2)))


@dataclass(frozen=True)
class When:
    """When a meeting starts: a (partial) date and, if known, a time of day."""

    date: PartialDate
    time: dt.time | None = None

    @classmethod
    def parse(cls, value: Any) -> "When":
        if isinstance(value, When):
            return value
        if isinstance(value, dt.datetime):
            if value.tzinfo is not None or value.second or value.microsecond:
                raise Invalid(tr("expected a date and time as YYYY-MM-DD HH:MM but received {value}",
                                 value=show(value)), hint=when_hint())
            return cls(PartialDate.parse(value.date()), value.time())
        if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}[ T]", value):
            day, _, clock = value.replace("T", " ").partition(" ")
            try:
                return cls(PartialDate.parse(day), parse_time(clock.strip()))
            except ValueError:
                raise Invalid(tr("expected a date and time as YYYY-MM-DD HH:MM but received {value}",
                                 value=show(value)), hint=when_hint()) from None
        try:
            return cls(PartialDate.parse(value))
        except ValueError:
            raise Invalid(tr("expected YYYY-MM-DD HH:MM, YYYY-MM-DD or YYYY-MM but received {value}",
                             value=show(value)), hint=when_hint()) from None


_PART = r"[^,\x00-\x1f\x7f]*[^,\s\x00-\x1f\x7f]"  # no comma, no control character
_ADDRESS = re.compile(rf"^(?P<street>{_PART}), *(?P<postcode>\d{{4}}) +(?P<locality>{_PART})$")


@dataclass(frozen=True)
class Address:
    """A Danish postal address written on one line, as on an envelope:
    ``Torvet 1, 1234 Byen`` (street and number, postcode and town)."""

    street: str
    postcode: str
    locality: str

    def __str__(self) -> str:
        return f"{self.street}, {self.postcode} {self.locality}"

    @classmethod
    def parse(cls, value: Any) -> "Address":
        if isinstance(value, Address):
            return value
        m = _ADDRESS.match(check_text(value, single_line=True).strip()) if isinstance(value, str) else None
        if not m:
            raise ValueError(tr("expected an address as 'street and number, postcode town', like "
                                "'Torvet 1, 1234 Byen', but received {value}", value=show(value)))
        return cls(m.group("street").strip(), m.group("postcode"), m.group("locality").strip())


@dataclass(frozen=True)
class Count:
    """A number of people, exact or approximate ("about 20")."""

    value: int
    approximate: bool = False

    @classmethod
    def parse(cls, value: Any) -> "Count":
        if isinstance(value, Count):
            return value
        if isinstance(value, bool):
            raise Invalid(tr("expected a number, or 'about N', but received {value}", value=show(value)),
                          hint=count_hint())
        if isinstance(value, int) and value >= 0:
            return cls(value)
        m = re.match(r"^(?:about|ca\.?|cirka)\s+(\d+)$", value.strip()) if isinstance(value, str) else None
        if m:
            return cls(int(m.group(1)), approximate=True)
        raise Invalid(tr("expected a number, or 'about N', but received {value}", value=show(value)),
                      hint=count_hint())
