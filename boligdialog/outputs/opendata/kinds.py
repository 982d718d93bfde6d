"""What the values of a column are: their Table Schema type and format, and the same in words
for people, in Danish and English (``datapackage.json`` and the open-data page)."""

from __future__ import annotations

from dataclasses import dataclass

from boligdialog.model.values import Lang

SLUG_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*"
DATE_PATTERN = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
"""Table Schema patterns are anchored at both ends (XML Schema regular expressions)."""


@dataclass(frozen=True)
class Kind:
    """What the values of a column are: their Table Schema type and format, and the same in
    words for people, in Danish and English."""

    type: str
    da: str
    en: str
    format: str | None = None
    pattern: str | None = None
    minimum: int | None = None

    def words(self, lang: Lang) -> str:
        return self.da if lang == "da" else self.en


KINDS: dict[str, Kind] = {
    "id": Kind("string", "id af små bogstaver a–z, tal og bindestreger",
               "id of lowercase letters a–z, digits and hyphens", pattern=SLUG_PATTERN),
    "text_da": Kind("string", "tekst på dansk", "text in Danish"),
    "text_en": Kind("string", "tekst på engelsk; tom, hvor teksten kun findes på dansk",
                    "text in English; empty where the text exists only in Danish"),
    "text": Kind("string", "tekst", "text"),
    "date": Kind("string", "dato som ÅÅÅÅ-MM-DD, eller kun ÅÅÅÅ-MM eller ÅÅÅÅ, når kun måneden eller året kendes",
                 "date as YYYY-MM-DD, or only YYYY-MM or YYYY when only the month or the year is known",
                 pattern=DATE_PATTERN),
    "time": Kind("time", "klokkeslæt i dansk tid, TT:MM:SS", "time of day in Danish time, HH:MM:SS"),
    "integer": Kind("integer", "heltal", "whole number"),
    "boolean": Kind("boolean", "true eller false", "true or false"),
    "count": Kind("integer", "antal", "number", minimum=0),
    "approximate": Kind("boolean", "true, hvis antallet er anslået (»ca.«), ellers false",
                        "true if the number is an estimate (“about”), otherwise false"),
    "closed": Kind("string", "en af værdierne", "one of the values"),
    "url": Kind("string", "webadresse", "web address", format="uri"),
    "path": Kind("string", "sti til en fil under content/ i sidens kilder",
                 "path of a file under content/ in the site's sources"),
    "label": Kind("string", "nummer eller kort tekst", "number or short text"),
    "position": Kind("integer", "plads i listen, fra 1", "place in the list, from 1", minimum=1),
    "url_da": Kind("string", "adressen på siden på dansk", "address of the page in Danish", format="uri"),
    "url_en": Kind("string", "adressen på siden på engelsk", "address of the page in English", format="uri"),
    "file_url": Kind("string", "adressen på filen", "address of the file", format="uri"),
    "report_url": Kind("string", "adressen på referatet på mødets side", "address of the report on the meeting's page",
                       format="uri"),
    "bytes": Kind("integer", "filens størrelse i bytes", "size of the file in bytes", minimum=0),
    "media_type": Kind("string", "filens type (medietype, fx application/pdf)",
                       "type of the file (media type, e.g. application/pdf)"),
    "lang": Kind("string", "sprog: da (dansk) eller en (engelsk)", "language: da (Danish) or en (English)"),
}
"""Every kind of column, by name."""
