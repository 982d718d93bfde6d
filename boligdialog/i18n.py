"""Words of the user interface in Danish and English, and date formatting.

Dates use Babel's CLDR data, so a date known only to the month reads
"august 2017" in Danish and "August 2017" in English.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_skeleton

from .values import Lang, PartialDate, When

LOCALES = {"da": "da_DK", "en": "en_GB"}
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}

STRINGS: dict[str, tuple[str, str]] = {
    # navigation and sections
    "home": ("Forside", "Home"),
    "partners": ("Partnere", "Partners"),
    "meetings": ("Møder", "Meetings"),
    "themes": ("Temaer", "Themes"),
    "agreement": ("Aftalen", "The agreement"),
    "search": ("Søg", "Search"),
    "search_label": ("Søg på siden", "Search this site"),
    "search_button": ("Søg", "Search"),
    "search_intro": ("Søg i møder, referater, partnere og temaer.",
                     "Search meetings, reports, partners and themes."),
    "search_needs_js": ("Søgningen kræver JavaScript. Brug i stedet oversigterne over møder, partnere og temaer.",
                        "Search needs JavaScript. Use the lists of meetings, partners and themes instead."),
    # fallback
    "only_da": ("kun på dansk", "only in Danish"),
    "only_da_page": ("Denne side findes kun på dansk.",
                     "This page is available in Danish only."),
    "only_da_text": ("Denne tekst findes kun på dansk.",
                     "This text is available in Danish only."),
    # partners
    "classification": ("Type", "Type"),
    "status": ("Status", "Status"),
    "status_history": ("Historik", "History"),
    "representatives": ("Repræsentanter", "Representatives"),
    "website": ("Hjemmeside", "Website"),
    "since": ("fra", "from"),
    "until": ("til", "until"),
    "agreement_version": ("Aftale", "Agreement"),
    "meetings_invited": ("Inviteret til møder", "Invited to meetings"),
    "meetings_attended": ("Deltog i møder", "Attended meetings"),
    "no_meetings": ("Ingen registrerede møder.", "No meetings recorded."),
    "no_representatives": ("Ingen registrerede repræsentanter.", "No representatives recorded."),
    "signed_by": ("Underskrevet af", "Signed by"),
    # agreement
    "signatories": ("Underskrivere", "Signatories"),
    "name": ("Navn", "Name"),
    "role": ("Rolle", "Role"),
    "organisation": ("Organisation", "Organisation"),
    "date": ("Dato", "Date"),
    "invited_orgs": ("Inviteret til at tilslutte sig", "Invited to join"),
    # meetings
    "upcoming": ("Kommende møder", "Upcoming meetings"),
    "past": ("Afholdte møder", "Past meetings"),
    "next_meeting": ("Næste Visionsforum", "Next Visionsforum"),
    "no_next_meeting": ("Der er endnu ikke planlagt et nyt Visionsforum.",
                        "No Visionsforum has been scheduled yet."),
    "no_upcoming": ("Der er ingen planlagte møder.", "No meetings are scheduled."),
    "no_past": ("Der er endnu ikke afholdt møder.", "No meetings have been held yet."),
    "when": ("Tidspunkt", "When"),
    "where": ("Sted", "Where"),
    "unknown": ("ikke oplyst", "not recorded"),
    "state": ("Status", "Status"),
    "agenda": ("Dagsorden", "Agenda"),
    "result": ("Resultat", "Result"),
    "participants": ("Deltagere", "Participants"),
    "invited": ("Inviterede", "Invited"),
    "attended": ("Deltagende organisationer", "Organisations attending"),
    "people": ("personer", "people"),
    "about": ("ca.", "about"),
    "report": ("Referat", "Report"),
    "no_report": ("Der er endnu intet referat af mødet.", "There is no report of this meeting yet."),
    "latest_reports": ("Seneste referater", "Latest reports"),
    "no_reports": ("Der er endnu ingen referater.", "There are no reports yet."),
    "date_month_only": ("Kun måneden er kendt.", "Only the month is known."),
    "date_year_only": ("Kun året er kendt.", "Only the year is known."),
    "all_meetings": ("Alle møder", "All meetings"),
    # themes
    "meetings_on_theme": ("Møder om temaet", "Meetings on this theme"),
    # footer
    "accessibility": ("Tilgængelighedserklæring", "Accessibility statement"),
    "language_switch": ("Sprog", "Language"),
    "read_in": ("Læs på dansk", "Read in English"),
}

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "classification": {
        "municipality": ("Kommune", "Municipality"),
        "social_housing_organisation": ("Almen boligorganisation", "Social housing organisation"),
        "cooperative_housing_association": ("Andelsboligforening", "Cooperative housing association"),
        "homeowners_association": ("Grundejerforening", "Homeowners' association"),
        "private_landlord": ("Privat udlejer", "Private landlord"),
        "other": ("Andet", "Other"),
    },
    "classification_plural": {
        "municipality": ("Kommunen", "The municipality"),
        "social_housing_organisation": ("Almene boligorganisationer", "Social housing organisations"),
        "cooperative_housing_association": ("Andelsboligforeninger", "Cooperative housing associations"),
        "homeowners_association": ("Grundejerforeninger", "Homeowners' associations"),
        "private_landlord": ("Private udlejere", "Private landlords"),
        "other": ("Andre", "Others"),
    },
    "membership": {
        "invited": ("Inviteret", "Invited"),
        "signed": ("Har underskrevet", "Signed"),
        "left": ("Udtrådt", "Left"),
    },
    "state": {
        "planned": ("Planlagt", "Planned"),
        "held": ("Afholdt", "Held"),
        "cancelled": ("Aflyst", "Cancelled"),
    },
}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "da" else pair[1]


def strings(lang: Lang) -> dict[str, str]:
    """All UI strings in one language."""
    return {key: _pick(pair, lang) for key, pair in STRINGS.items()}


def label(kind: str, value: str, lang: Lang) -> str:
    """Label of a closed-list value, e.g. ``label('state', 'held', 'en') == 'Held'``."""
    return _pick(LABELS[kind][value], lang)


def format_partial(date: PartialDate, lang: Lang) -> str:
    """"22. august 2017" / "22 August 2017"; "august 2017" / "August 2017"; "2017"."""
    locale = LOCALES[lang]
    if date.precision == "day":
        return format_date(date.first_day(), "long", locale=locale)
    if date.precision == "month":
        return format_skeleton("yMMMM", date.first_day(), locale=locale)
    return str(date.year)


def format_time(time: dt.time) -> str:
    return f"{time:%H:%M}"


def format_when(when: When, end: dt.time | None, lang: Lang) -> str:
    """Meeting time in words: "22. august 2017, 17:00–19:00"."""
    text = format_partial(when.date, lang)
    if when.time is not None:
        text += f", {format_time(when.time)}"
        if end is not None:
            text += f"–{format_time(end)}"
    return text

CLASSIFICATION_ORDER = tuple(LABELS["classification"])
"""Order of partner groups on the partners page."""
