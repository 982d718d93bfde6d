"""The editors' language: every message an editor sees, in Danish or English.

Messages are written in English in the code, as ``tr("expected … but received {value}",
value=…)``, and translated through a gettext catalogue made with Babel:
``boligdialog/locale/da/LC_MESSAGES/messages.po``. English needs no catalogue (the
English text is the message id). The catalogue is compiled when it is first needed, in
memory, so a translator's edit of the ``.po`` file takes effect at the next check or build
without a compiled ``.mo`` to keep in step (``make messages`` updates the ``.po`` from the
code; ``tests/test_translate.py`` fails when they part ways).

The language is Danish unless ``BOLIGDIALOG_LANG=en`` is set (``boligdialog check --lang``
sets it for one run, and the MkDocs build follows it). It is not taken from ``LANG``: a
build machine's locale says nothing about who reads its messages.

The citizens' site has its own words in both languages (:mod:`boligdialog.i18n`); this
module is only for what editors read: mistakes, notices and the command line.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import gettext
import io
import os
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Literal

from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

EditorLang = Literal["da", "en"]
ENV = "BOLIGDIALOG_LANG"
"""The environment variable that chooses the editors' language: ``da`` (default) or ``en``."""
LANGUAGES: tuple[EditorLang, ...] = ("da", "en")
DEFAULT: EditorLang = "da"
LOCALE_DIR = Path(__file__).parents[1] / "locale"
DOMAIN = "messages"
_LOCALES = {"da": "da_DK", "en": "en_GB"}

_chosen: ContextVar[EditorLang | None] = ContextVar("boligdialog_editor_language", default=None)


def language(environ: Mapping[str, str] = os.environ) -> EditorLang:
    """The language messages are given in now: the one chosen with :func:`use`, else
    ``BOLIGDIALOG_LANG``, else Danish (an unknown value counts as Danish; see
    :func:`setting_problem`)."""
    chosen = _chosen.get()
    if chosen is not None:
        return chosen
    value = environ.get(ENV, "").strip().lower()
    return value if value in LANGUAGES else DEFAULT  # type: ignore[return-value]


def setting_problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """What is wrong with ``BOLIGDIALOG_LANG``, if it is set to something else than da or en."""
    value = environ.get(ENV, "").strip().lower()
    if value and value not in LANGUAGES:
        return tr("{name}: expected da or en but received {value}", name=ENV, value=repr(environ[ENV]))
    return None


@contextlib.contextmanager
def use(lang: EditorLang) -> Iterator[None]:
    """Give messages in ``lang`` inside the ``with`` block (this thread or task only)."""
    token = _chosen.set(lang)
    try:
        yield
    finally:
        _chosen.reset(token)


@functools.cache
def catalogue(lang: EditorLang) -> gettext.NullTranslations:
    """The translations for ``lang``, compiled from its ``.po`` file once per process."""
    if lang == "en":
        return gettext.NullTranslations()
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as f:
        compiled = io.BytesIO()
        write_mo(compiled, read_po(f, locale=lang, domain=DOMAIN))
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def tr(message: str, /, **params: Any) -> str:
    """``message`` in the editors' language, with ``{name}`` placeholders filled in."""
    text = catalogue(language()).gettext(message)
    return text.format(**params) if params else text


def ntr(singular: str, plural: str, n: int, /, **params: Any) -> str:
    """Like :func:`tr`, for a message that depends on the number ``n``."""
    return catalogue(language()).ngettext(singular, plural, n).format(**params)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue where it is defined; translate it later with
    ``tr(message)``, when it is shown."""
    return message


# --- words that differ by language beyond a catalogue entry -------------------------------

def ordinal(n: int) -> str:
    """``2.`` in Danish, ``2nd`` in English (for "the 2nd meeting")."""
    if language() == "da":
        return f"{n}."
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def number(n: int) -> str:
    """A whole number with the language's grouping: ``20.000`` / ``20,000``."""
    return format_decimal(n, locale=_LOCALES[language()])


def one_of(values: Iterable[Any]) -> str:
    """A list of allowed values. English keeps Python's list (``['planned', 'held']``),
    as the messages always had; Danish reads as words: ``'planned', 'held' eller 'cancelled'``."""
    values = list(values)
    if language() == "en":
        return str(values)
    return format_list([repr(v) for v in values], style="or", locale=_LOCALES["da"]) if values else "ingen"


def suggest(value: Any, choices: Iterable[Any]) -> str:
    """"did you mean 'midtby'?" when ``value`` is a near miss of one of ``choices``, else ``""``."""
    if not isinstance(value, str) or not value:
        return ""
    options = [str(c) for c in choices]
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    if not close:  # a different case or extra spaces: 'Midtby', ' midtby'
        close = [c for c in options if c.lower() == value.strip().lower()][:1]
    return tr("did you mean {suggestion}?", suggestion=repr(close[0])) if close else ""
