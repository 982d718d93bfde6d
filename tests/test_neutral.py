"""The package names no partnership: every file of boligdialog/ (code, templates, word files,
the message catalogue) and of overrides/ is free of Albertslund's names, so that a second
partnership's site built from the generator shows none of them."""

from __future__ import annotations

import re

from conftest import ROOT

NAMES = re.compile(r"albertslund|visionsforum|nordmarks", re.IGNORECASE)
"""The town, the forum and the town hall's street, in any case."""
PARTNERS = re.compile(r"\b(?:VA|AB|AKB)\b")
"""The partners' abbreviations, as whole words in capitals (``ab`` inside words is Danish)."""
FOLDERS = ("boligdialog", "overrides")


def found(text: str) -> list[str]:
    return [m.group() for pattern in (NAMES, PARTNERS) for m in pattern.finditer(text)]


def test_the_check_finds_what_it_looks_for():
    assert found("Næste Visionsforum i ALBERTSLUND, Nordmarks Allé; VA og AKB-Albertslund") == [
        "Visionsforum", "ALBERTSLUND", "Nordmarks", "Albertslund", "VA", "AKB"]
    assert found("abonnere på kalenderen; va; Abc; forum-2027-1") == []


def test_the_package_names_no_partnership():
    files = [p for folder in FOLDERS for p in sorted((ROOT / folder).rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".mo", ".pyc", ".svg", ".png")]
    assert len(files) > 50, "the folders were read"
    hits = [f"{path.relative_to(ROOT)}:{n}: {', '.join(words)}"
            for path in files
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if (words := found(line))]
    assert hits == [], "\n".join(hits)
