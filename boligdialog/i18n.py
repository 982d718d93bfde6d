"""Words of the user interface in Danish and English, and date formatting.

Dates use Babel's CLDR data, so a date known only to the month reads
"august 2017" in Danish and "August 2017" in English.
"""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

from .values import Lang, PartialDate, When

LOCALES = {"da": "da_DK", "en": "en_GB"}
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}

STRINGS: dict[str, tuple[str, str]] = {
    # navigation and sections
    "partners": ("Partnere", "Partners"),
    "meetings": ("Møder", "Meetings"),
    "themes": ("Temaer", "Themes"),
    "agreement": ("Aftalen", "The agreement"),
    "search": ("Søg", "Search"),
    "search_intro": ("Søg i møder, referater, partnere og temaer.",
                     "Search meetings, reports, partners and themes."),
    "search_needs_js": ("Søgningen kræver JavaScript. Brug i stedet oversigterne over møder, partnere og temaer.",
                        "Search needs JavaScript. Use the lists of meetings, partners and themes instead."),
    # descriptions of index pages (boligdialog/describe.py)
    "partners_description": ("Kommunen og boligorganisationerne i partnerskabet: hvem der har skrevet under på "
                             "aftalen, og hvem der er inviteret til at slutte sig til.",
                             "The municipality and the housing organisations in the partnership: who has signed "
                             "the agreement, and who is invited to join."),
    "meetings_description": ("Alle møder i Visionsforum, kommende og afholdte, med referater og en kalender, "
                             "du kan abonnere på.",
                             "Every Visionsforum meeting, upcoming and past, with reports and a calendar to "
                             "subscribe to."),
    "themes_description": ("Temaerne, som Visionsforum drøfter: {themes}.",
                           "The themes the Visionsforum discusses: {themes}."),
    "news_description": ("Nyheder fra partnerskabet om et fælles strategisk boligsamarbejde i Albertslund.",
                         "News from the partnership on a joint strategic housing cooperation in Albertslund."),
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
    "scheduled": ("Varslet", "Announced"),
    # agreement
    "signatories": ("Underskrivere", "Signatories"),
    "name": ("Navn", "Name"),
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
    # records: calendars, feeds, minutes, decisions, files
    "feed_subtitle": ("Referater og nyheder fra partnerskabet om boligdialog i Albertslund",
                      "Reports and news from the housing dialogue partnership in Albertslund"),
    "draft": ("Udkast", "Draft"),
    "draft_banner": ("Referatet er et udkast og er endnu ikke godkendt.",
                     "These minutes are a draft and have not been approved yet."),
    "approved": ("Godkendt", "Approved"),
    "approved_at": ("Referatet er godkendt på", "These minutes were approved at"),
    "subscribe": ("Abonnér", "Subscribe"),
    "subscribe_text": ("Du kan få alle møder i Visionsforum ind i din kalender. Kopiér linket herunder, og "
                       "tilføj det i din kalender som en kalender fra internettet (i Outlook: »Tilføj kalender« "
                       "→ »Fra internettet«; i Google Kalender: »Andre kalendere« → »Fra webadresse«; på iPhone: "
                       "Indstillinger → Kalender → Konti → Tilføj abonnementskalender). Nye og ændrede møder "
                       "kommer så automatisk med.",
                       "You can have every Visionsforum meeting in your own calendar. Copy the link below and "
                       "add it to your calendar as a calendar from the internet (Outlook: “Add calendar” → "
                       "“From internet”; Google Calendar: “Other calendars” → “From URL”; iPhone: Settings → "
                       "Calendar → Accounts → Add Subscribed Calendar). New and changed meetings then appear "
                       "by themselves."),
    "calendar_link": ("Kalender med alle møder (iCalendar)", "Calendar of all meetings (iCalendar)"),
    "theme_calendar_link": ("Kalender med møderne om dette tema (iCalendar)",
                            "Calendar of the meetings on this theme (iCalendar)"),
    "feed_link": ("Nyhedsfeed med referater og nyheder (Atom)", "Feed of reports and news (Atom)"),
    "feed_title": ("Referater og nyheder", "Reports and news"),
    "end_not_announced": ("Sluttidspunktet er ikke meldt ud, så kalenderen viser kun, hvornår mødet begynder.",
                          "The end time has not been announced, so the calendar shows only when the meeting starts."),
    "not_in_calendar": ("Mødet er ikke med i kalenderen, fordi dagen ikke er kendt.",
                        "This meeting is not in the calendar because its day is not known."),
    "files": ("Filer", "Files"),
    "decisions": ("Beslutninger", "Decisions"),
    "follow_up": ("Opfølgning på beslutninger", "Follow-up on decisions"),
    "follow_up_intro": ("Her kan du se, hvad der er besluttet i Visionsforum, hvem der har ansvaret, og hvor langt "
                        "det er nået. Åbne beslutninger står øverst.",
                        "What the Visionsforum has decided, who is responsible, and how far it has come. Open "
                        "decisions are listed first."),
    "open_decisions": ("Åbne beslutninger", "Open decisions"),
    "closed_decisions": ("Afsluttede beslutninger", "Closed decisions"),
    "no_open_decisions": ("Der er ingen åbne beslutninger.", "There are no open decisions."),
    "no_closed_decisions": ("Der er ingen afsluttede beslutninger.", "There are no closed decisions."),
    "decided_at": ("Besluttet på", "Decided at"),
    "last_reported": ("Status senest givet på", "Status last reported at"),
    "owners": ("Ansvarlige", "Responsible"),
    "due": ("Frist", "Due"),
    "news": ("Nyheder", "News"),
    "no_news": ("Der er endnu ingen nyheder.", "There is no news yet."),
    # 404 pages
    "not_found": ("Siden findes ikke", "Page not found"),
    "not_found_text": ("Siden, du leder efter, findes ikke her.", "The page you are looking for is not here."),
    "go_home": ("Gå til forsiden", "Go to the home page"),
    "home_in_language": ("Gå til den danske forside", "Go to the English home page"),
    # footer
    "accessibility": ("Tilgængelighedserklæring", "Accessibility statement"),
    # for editors, below each page's text when extra.edit.repository is set (boligdialog/editlinks.py)
    "edit_page": ("Ret denne side", "Edit this page"),
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
    "membership_scheduled": {  # a change dated after the build date: not yet happened
        "invited": ("inviteres", "to be invited"),
        "signed": ("underskriver", "to sign"),
        "left": ("udtræder", "to leave"),
    },
    "decision": {
        "open": ("Åben", "Open"),
        "in_progress": ("I gang", "In progress"),
        "done": ("Gennemført", "Done"),
        "dropped": ("Opgivet", "Dropped"),
    },
    "state": {
        "planned": ("Planlagt", "Planned"),
        "held": ("Afholdt", "Held"),
        "cancelled": ("Aflyst", "Cancelled"),
        # shown, not recorded: a planned meeting whose day has passed (schedule.shown_state)
        "awaiting_report": ("Referat følger", "Report to follow"),
    },
}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "da" else pair[1]


@functools.cache
def strings(lang: Lang) -> dict[str, str]:
    """All UI strings in one language (one shared dict per language: do not change it)."""
    return {key: _pick(pair, lang) for key, pair in STRINGS.items()}


def label(kind: str, value: str, lang: Lang) -> str:
    """Label of a closed-list value, e.g. ``label('state', 'held', 'en') == 'Held'``."""
    return _pick(LABELS[kind][value], lang)


@functools.cache
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

def format_size(size: int, lang: Lang) -> str:
    """File size for people: "820 bytes", "12 kB", "1,4 MB" (Danish decimal comma)."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{format_decimal(round(size / 1000), locale=LOCALES[lang])} kB"
    return f"{format_decimal(round(size / 1_000_000, 1), locale=LOCALES[lang])} MB"


CLASSIFICATION_ORDER = tuple(LABELS["classification"])
"""Order of partner groups on the partners page."""
