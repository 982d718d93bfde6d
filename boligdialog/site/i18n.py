"""Words of the user interface in Danish and English, and date formatting.

The words are in ``words/da.yaml`` and ``words/en.yaml``; a site replaces any of them key by
key in ``i18n/da.yaml`` and ``i18n/en.yaml`` next to its ``mkdocs.yml`` (as Hugo's ``i18n/``
folder does), and ``{forum}``, ``{place}``, ``{partnership}`` and ``{slug}`` in them are filled
in from its settings (:mod:`boligdialog.site.settings`).

Dates use Babel's CLDR data, so a date known only to the month reads
"august 2017" in Danish and "August 2017" in English.
"""

from __future__ import annotations

import datetime as dt
import functools
import mimetypes
import posixpath
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date, format_skeleton
from babel.dates import format_time as babel_format_time
from babel.numbers import format_decimal

from boligdialog.model import yamlsource
from boligdialog.model.errors import DataError, ValidationFailed, show
from boligdialog.model.translate import suggest, tr
from boligdialog.model.values import LANGS, Lang, PartialDate, When, plain_text

LOCALES = {"da": "da_DK", "en": "en_GB"}
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}

WORDS = Path(__file__).parent / "words"
"""The package's words, one file per language (``da.yaml``, ``en.yaml``), the same keys in each."""
OVERRIDES = "i18n"
"""Folder at a site's root (next to ``mkdocs.yml``) whose ``da.yaml`` and ``en.yaml`` replace
the package's words key by key."""
SITE_PLACEHOLDERS = ("forum", "place", "partnership", "slug")
"""Placeholders filled from the site's settings when the words are loaded (the forum's name,
the place, the site's name, the forum's slug); any other ``{name}`` is filled by the page."""
GENERIC: dict[Lang, dict[str, str]] = {
    "da": {"forum": "forum", "place": "byen", "partnership": "partnerskabet", "slug": "forum"},
    "en": {"forum": "forum", "place": "the town", "partnership": "the partnership", "slug": "forum"},
}
"""What the placeholders say before a site's settings are known (a test that renders a word alone)."""


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders in ``text`` (``ValueError`` for a lone brace)."""
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def _fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with the site's placeholders filled in; the page's are left for the page."""
    return re.sub(r"\{(" + "|".join(SITE_PLACEHOLDERS) + r")\}", lambda m: values[m.group(1)], text)


@functools.cache
def package_words() -> dict[Lang, dict[str, str]]:
    """The package's words in each language, placeholders not filled in."""
    out: dict[Lang, dict[str, str]] = {}
    for lang in LANGS:
        src = yamlsource.parse((WORDS / f"{lang}.yaml").read_text(encoding="utf-8"), f"{lang}.yaml")
        if src.errors or not isinstance(src.data, dict):  # the package's own files: a test keeps them right
            raise RuntimeError(f"boligdialog/site/words/{lang}.yaml: {src.errors}")
        out[lang] = src.data
    return out


def _override(root: Path, lang: Lang, words: dict[str, str]) -> list[DataError]:
    """Replace ``words`` by the site's ``i18n/<lang>.yaml`` key by key; the mistakes in it."""
    path = root / OVERRIDES / f"{lang}.yaml"
    if not path.is_file():
        return []
    src = yamlsource.parse(path.read_text(encoding="utf-8"), f"{OVERRIDES}/{lang}.yaml")
    if src.errors or src.data is None:
        return src.errors
    if not isinstance(src.data, dict):
        return [src.error((), tr("expected a mapping of keys and values but received {value}", value=show(src.data)))]
    errors = []
    for key, value in src.data.items():
        if key not in words:
            errors.append(src.error((key,), tr("expected a key of the generator's words but received the unknown "
                                               "key {key}", key=repr(key)), hint=suggest(key, words)))
            continue
        try:
            text = plain_text(value, single_line=False)
            unknown = sorted(placeholders(text) - placeholders(words[key]) - set(SITE_PLACEHOLDERS))
        except ValueError as exc:
            errors.append(src.error((key,), str(exc)))
            continue
        if unknown:
            allowed = sorted((placeholders(words[key]) | set(SITE_PLACEHOLDERS)))
            errors.append(src.error((key,), tr("expected only the placeholders {allowed} but received {{{name}}}",
                                               allowed=", ".join("{%s}" % a for a in allowed), name=unknown[0])))
            continue
        words[key] = text
    return errors


def load_words(root: Path | None, values: Mapping[Lang, Mapping[str, str]]) -> dict[Lang, dict[str, str]]:
    """The words of each language: the package's, replaced key by key by the site's
    ``i18n/<lang>.yaml`` under ``root`` (if there is one), with the site's placeholders filled
    from ``values`` (``{lang: {"forum": …, "place": …, "partnership": …, "slug": …}}``).
    Mistakes in the site's files raise one ``ValidationFailed``."""
    tables = {lang: dict(words) for lang, words in package_words().items()}
    errors = [e for lang in LANGS for e in (_override(root, lang, tables[lang]) if root else [])]
    if errors:
        raise ValidationFailed(errors)
    return {lang: {key: _fill(text, values[lang]) for key, text in tables[lang].items()} for lang in LANGS}


_active: dict[Lang, dict[str, str]] = {}
"""The words of the site being built (:func:`use`)."""
_values: dict[Lang, Mapping[str, str]] = dict(GENERIC)
"""What the site's placeholders say in the site being built."""


def use(tables: Mapping[Lang, dict[str, str]], values: Mapping[Lang, Mapping[str, str]]) -> None:
    """Make ``tables`` (from :func:`load_words` with ``values``) the words that :func:`strings`
    gives, and ``values`` what :func:`fill` fills in; each build calls it once, before anything
    is made."""
    _active.clear()
    _active.update(tables)
    _values.clear()
    _values.update(values)


def in_force() -> tuple[dict[Lang, dict[str, str]], dict[Lang, Mapping[str, str]]]:
    """The words and placeholders in force (:func:`use`), as they are now: what a result made with
    them can be compared by (:func:`use` replaces the tables, it never changes one)."""
    return dict(_active), dict(_values)


def fill(text: str, lang: Lang) -> str:
    """A text of the package (not a word of the files) with the site's placeholders filled in."""
    return _fill(text, _values[lang])


def strings(lang: Lang) -> dict[str, str]:
    """All words in one language (one shared dict per language: do not change it)."""
    if not _active:
        use(load_words(None, GENERIC), GENERIC)
    return _active[lang]


@functools.cache
def format_partial(date: PartialDate, lang: Lang) -> str:
    """"22. august 2017" / "22 August 2017"; "august 2017" / "August 2017"; "2017"."""
    locale = LOCALES[lang]
    if date.precision == "day":
        return format_date(date.first_day(), "long", locale=locale)
    if date.precision == "month":
        return format_skeleton("yMMMM", date.first_day(), locale=locale)
    return str(date.year)


@functools.cache
def format_time(time: dt.time, lang: Lang) -> str:
    """A time of day as each language writes it (CLDR): "17.00" in Danish, "17:00" in English."""
    return babel_format_time(time, "short", locale=LOCALES[lang])


def format_when(when: When, end: dt.time | None, lang: Lang) -> str:
    """Meeting time in words: "22. august 2017 kl. 17.00–19.30" / "22 August 2017, 17:00–19:30"."""
    text = format_partial(when.date, lang)
    if when.time is not None:
        text += " kl. " if lang == "da" else ", "
        text += format_time(when.time, lang)
        if end is not None:
            text += f"–{format_time(end, lang)}"
    return text


def format_size(size: int, lang: Lang) -> str:
    """File size for people: "600 byte" / "600 bytes", "12 kB", "1,4 MB" / "1.4 MB"."""
    if size < 1000:
        return f"{size} {'byte' if lang == 'da' or size == 1 else 'bytes'}"
    if size < 1_000_000:
        return f"{format_decimal(round(size / 1000), locale=LOCALES[lang])} kB"
    return f"{format_decimal(round(size / 1_000_000, 1), locale=LOCALES[lang])} MB"


@dataclass(frozen=True)
class FileType:
    """How an attachment is described beside its link: type, label and size."""

    mime: str
    label: str
    size: str


def file_type(path: str, size: int, lang: Lang) -> FileType:
    """"PDF, 120 kB": the file's type from its name, and its size in ``lang``."""
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    ext = posixpath.splitext(path)[1].lstrip(".").upper() or mime
    return FileType(mime, ext, format_size(size, lang))
