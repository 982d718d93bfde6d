"""Keep the message catalogue in step with the code: ``python -m boligdialog messages``.

Every message an editor can see is written in the code as ``tr("…")``, ``ntr("…", "…", n)``
or, where it is defined before it is shown, ``N_("…")``. Babel extracts them; this module
merges them into ``boligdialog/locale/da/LC_MESSAGES/messages.po``: new messages come in
untranslated, for a translator to fill in, and messages no longer in the code are dropped.
The file carries no line numbers, so it changes only when a message does.

:func:`problems` lists what keeps the catalogue from being complete (``tests/test_translate.py``).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from boligdialog.model.translate import DOMAIN, LOCALE_DIR

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("boligdialog", "hooks")
"""Folders whose Python files hold editors' messages."""
KEYWORDS = {"tr": None, "ntr": (1, 2), "N_": None}
"""The functions that mark a message (see :mod:`boligdialog.model.translate`)."""
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")
COMMAND = "make messages"


def po_path(lang: str = "da") -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    """Every message in the code, as a template catalogue."""
    template = Catalog(domain=DOMAIN, project="boligdialog", fuzzy=False)
    for folder in SOURCES:
        for _file, _line, message, _comments, _context in extract_from_dir(ROOT / folder, keywords=KEYWORDS):
            template.add(message)
    return template


def read(lang: str = "da") -> Catalog:
    with po_path(lang).open("rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def render(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, no_location=True, sort_output=True, ignore_obsolete=True,
             include_previous=False)
    return out.getvalue()


def update(lang: str = "da") -> Path:
    """Merge the code's messages into the ``.po`` file of ``lang``; returns its path."""
    catalog = read(lang)
    catalog.update(extract(), no_fuzzy_matching=True, update_creation_date=False)
    po_path(lang).write_bytes(render(catalog))
    return po_path(lang)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def problems(lang: str = "da") -> list[str]:
    """What is missing, left over or wrong in the catalogue of ``lang``, one line each."""
    catalog, template = read(lang), extract()
    out: list[str] = []
    for message in template:
        if not message.id:
            continue
        entry = catalog.get(message.id)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if entry is None:
            out.append(f"not in the catalogue (run {COMMAND}): {ids[0]!r}")
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry.fuzzy or not all(strings):
            out.append(f"not translated: {ids[0]!r}")
            continue
        wanted = set().union(*(placeholders(i) for i in ids))
        for text in strings:
            if placeholders(text) != wanted:
                out.append(f"placeholders {sorted(placeholders(text))} instead of {sorted(wanted)}: {ids[0]!r}")
    for entry in catalog:
        if entry.id and template.get(entry.id) is None:
            out.append(f"no longer in the code (run {COMMAND}): {entry.id!r}")
    if not out and po_path(lang).read_bytes() != render(catalog):
        out.append(f"{po_path(lang)} is not in the form {COMMAND} writes: run it")
    return out
