"""Words of the user interface in Danish and English, and date formatting.

Dates use Babel's CLDR data, so a date known only to the month reads
"august 2017" in Danish and "August 2017" in English.
"""

from __future__ import annotations

import datetime as dt
import functools
import mimetypes
import posixpath
from dataclasses import dataclass

from babel.dates import format_date, format_skeleton
from babel.dates import format_time as babel_format_time
from babel.numbers import format_decimal

from boligdialog.model.values import Lang, PartialDate, When

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
    "search_in_preview": ("Forhåndsvisning: søgningen finder en rettet tekst et øjeblik efter, at siden er vist "
                          "igen.",
                          "Preview: search finds a changed text a moment after the page is shown again."),
    "search_needs_js": ("Søgningen kræver JavaScript. Brug i stedet oversigterne over møder, partnere og temaer.",
                        "Search needs JavaScript. Use the lists of meetings, partners and themes instead."),
    # descriptions of index pages (boligdialog/describe.py)
    "partners_description": ("Kommunen og boligorganisationerne i partnerskabet: hvem der har skrevet under på "
                             "aftalen, og hvem der er inviteret til at slutte sig til.",
                             "The municipality and the housing organisations in the partnership: who has signed "
                             "the agreement, and who is invited to join."),
    "meetings_description": ("Kommende og seneste møder i Visionsforum, alle tidligere møder år for år, med "
                             "referater og en kalender, du kan abonnere på.",
                             "Upcoming and recent Visionsforum meetings, every earlier meeting year by year, with "
                             "reports and a calendar to subscribe to."),
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
    "agreement_description": ("Partnerskabsaftalen, som den gælder nu, og alle dens udgaver.",
                              "The partnership agreement as it stands now, and all its versions."),
    "this_version": ("Om denne udgave", "About this version"),
    "agreement_text": ("Aftalens tekst", "The text of the agreement"),
    "version": ("Udgave", "Version"),
    "adopted": ("Vedtaget", "Adopted"),
    "in_force_from": ("Gælder fra", "In force from"),
    "superseded_by": ("afløst af", "replaced by"),
    "superseded_on": ("Afløst", "Replaced"),
    "what_changed": ("Hvad er ændret, og hvorfor", "What changed, and why"),
    "see_changes": ("Se ændringerne i forhold til", "See the changes from"),
    "versions": ("Alle udgaver af aftalen", "All versions of the agreement"),
    "in_force_now": ("Gældende aftale", "The agreement in force"),
    "in_force_since": ("i kraft fra", "in force from"),
    "stable_link": ("Hver udgave har sin egen side, som ikke flytter.", "Each version has a page of its own that does not move."),
    "no_version_in_force": ("Ingen udgave af aftalen er trådt i kraft endnu.", "No version of the agreement has come into force yet."),
    "signatories_of_version": ("Underskrivere af denne udgave", "Signatories of this version"),
    "no_signatories": ("Ingen har skrevet under på denne udgave endnu.", "Nobody has signed this version yet."),
    "consultation": ("Høring", "Consultation"),
    "consultation_open": ("Høringen er åben. Fristen for svar er", "The consultation is open. The deadline for responses is"),
    "consultation_upcoming": ("Høringen åbner", "The consultation opens on"),
    "consultation_closed": ("Høringen er lukket. Fristen var", "The consultation is closed. The deadline was"),
    "opens": ("Åbner", "Opens"),
    "deadline": ("Frist for svar", "Deadline for responses"),
    "respond_how": ("Sådan svarer I", "How to respond"),
    "respond_email": ("E-mail", "E-mail"),
    "respond_address": ("Adresse", "Address"),
    "consulted": ("Inviteret til at svare", "Invited to respond"),
    "responses": ("Modtagne høringssvar", "Responses received"),
    "no_responses": ("Der er ikke registreret nogen høringssvar.", "No responses have been recorded."),
    "received": ("modtaget", "received"),
    "response_file": ("Høringssvaret", "The response"),
    "changes_in": ("Ændringer i", "Changes in"),
    "compared_with": ("sammenlignet med", "compared with"),
    "comparison_intro": ("Her kan du se, hvad der er ændret fra", "What changed from"),
    "comparison_to": ("til", "to"),
    "comparison_in_danish": ("Teksterne findes ikke begge på engelsk, så sammenligningen viser de danske tekster.",
                             "The texts are not both in English, so the comparison shows the Danish texts."),
    "consultation_now": ("Høring", "Consultation"),
    "in_consultation_until": ("er i høring. Fristen for svar er", "is open for consultation. The deadline for responses is"),
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
    # year pages: lists that grow with the years show the last twelve months, then a page per year
    "past_recent": ("Afholdte møder de seneste 12 måneder", "Past meetings in the last 12 months"),
    "no_recent": ("Der har ikke været møder de seneste 12 måneder.",
                  "There have been no meetings in the last 12 months."),
    "archive": ("Møder år for år", "Meetings year by year"),
    "archive_intro": ("Alle møder i Visionsforum, kommende og afholdte, på en side for hvert år.",
                      "Every Visionsforum meeting, upcoming and past, on a page for each year."),
    "meetings_in_year": ("Møder i {year}", "Meetings in {year}"),
    "meetings_year_description": ("Visionsforums møder i {year} med tidspunkt, status og temaer.",
                                  "The Visionsforum meetings of {year} with their times, status and themes."),
    "meetings_year_intro": ("Møderne står i den rækkefølge, de holdes. Vælg et møde for at se dagsorden, "
                            "deltagere og referat.",
                            "The meetings are listed in the order they take place. Choose a meeting to see its "
                            "agenda, who took part and the report."),
    "one_meeting": ("1 møde", "1 meeting"),
    "n_meetings": ("{n} møder", "{n} meetings"),
    "back_to_meetings": ("Kommende og seneste møder", "Upcoming and recent meetings"),
    "theme_in_year": ("{theme}: møder i {year}", "{theme}: meetings in {year}"),
    "theme_year_description": ("Visionsforums møder i {year} om temaet {theme}.",
                               "The Visionsforum meetings of {year} on the theme {theme}."),
    "theme_by_year": ("Møder om temaet år for år", "Meetings on this theme year by year"),
    "partner_meetings_intro": ("Listerne viser kommende møder og møderne de seneste 12 måneder. Tabellen tæller "
                               "møderne år for år.",
                               "The lists show upcoming meetings and those of the last 12 months. The table counts "
                               "the meetings year by year."),
    "partner_by_year": ("Møder år for år", "Meetings year by year"),
    "year": ("År", "Year"),
    "invited_count": ("Inviteret", "Invited"),
    "attended_count": ("Deltog", "Attended"),
    # themes
    # records: calendars, feeds, minutes, decisions, files
    "feed_subtitle": ("Referater og nyheder fra partnerskabet om boligdialog i Albertslund",
                      "Reports and news from the housing dialogue partnership in Albertslund"),
    "draft_banner": ("Referatet er et udkast og er endnu ikke godkendt.",
                     "These minutes are a draft and have not been approved yet."),
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
    "follow_up_recent": ("Her står de åbne beslutninger fra møderne de seneste 12 måneder. Åbne beslutninger fra "
                         "tidligere år og de afsluttede står år for år på deres egne sider.",
                         "Here are the open decisions of the meetings of the last 12 months. Open decisions of "
                         "earlier years and the finished ones are on pages of their own, year by year."),
    "no_open_recent": ("Der er ingen åbne beslutninger fra de seneste 12 måneder.",
                       "There are no open decisions from the last 12 months."),
    "decisions_by_year": ("Beslutninger år for år", "Decisions year by year"),
    "n_open": ("{n} åbne", "{n} open"),
    "n_finished": ("{n} afsluttede", "{n} finished"),
    "finished_in_year": ("Afsluttede beslutninger fra {year}", "Finished decisions of {year}"),
    "open_in_year": ("Åbne beslutninger fra {year}", "Open decisions of {year}"),
    "finished_year_description": ("De afsluttede beslutninger fra Visionsforums møder i {year}: hvad der blev "
                                  "besluttet, hvem der havde ansvaret, og hvordan det endte.",
                                  "The finished decisions of the Visionsforum meetings of {year}: what was decided, "
                                  "who was responsible and how it ended."),
    "open_year_description": ("De åbne beslutninger fra Visionsforums møder i {year}: hvem der har ansvaret, og "
                              "hvor langt de er nået.",
                              "The open decisions of the Visionsforum meetings of {year}: who is responsible and "
                              "how far they have come."),
    "no_open_in_year": ("Alle beslutninger fra dette år er afsluttet.", "Every decision of this year is finished."),
    "no_finished_in_year": ("Ingen af beslutningerne fra dette år er afsluttet endnu.",
                            "None of this year's decisions is finished yet."),
    "back_to_follow_up": ("Åbne beslutninger fra de seneste 12 måneder", "Open decisions of the last 12 months"),
    "open_decisions": ("Åbne beslutninger", "Open decisions"),
    "decided_at": ("Besluttet på", "Decided at"),
    "last_reported": ("Status senest givet på", "Status last reported at"),
    "decisions_reported": ("Status på tidligere beslutninger", "Status of earlier decisions"),
    "owners": ("Ansvarlige", "Responsible"),
    "due": ("Frist", "Due"),
    "news": ("Nyheder", "News"),
    "published": ("Offentliggjort", "Published"),
    "updated": ("opdateret", "updated"),
    "no_news": ("Der er endnu ingen nyheder.", "There is no news yet."),
    # 404 pages
    "not_found": ("Siden findes ikke", "Page not found"),
    "not_found_text": ("Siden, du leder efter, findes ikke her.", "The page you are looking for is not here."),
    "go_home": ("Gå til forsiden", "Go to the home page"),
    "home_in_language": ("Gå til den danske forside", "Go to the English home page"),
    # open data (the page /aabne-data/; what each table holds: boligdialog.outputs.opendata.TABLE_TEXTS)
    "open_data_description": ("Partnerskabets data som CSV, JSON, Frictionless Data Package og Popolo, med en "
                              "beskrivelse af hver fil og licensen.",
                              "The partnership's data as CSV, JSON, a Frictionless Data Package and Popolo, with a "
                              "description of every file and the licence."),
    "open_data_intro": ("Det, siden fortæller om partnerskabet – partnere, aftaleudgaver, møder, dagsordener, "
                        "beslutninger, temaer og referater – kan også hentes som data. Så kan journalister, "
                        "kommunens dataportal og andre bruge det uden at skrive det af. Filerne laves på ny, hver "
                        "gang siden bygges, ud fra de samme data som siderne.",
                        "What this site says about the partnership – partners, agreement versions, meetings, "
                        "agendas, decisions, themes and reports – can also be downloaded as data, so that "
                        "journalists, the municipality's data portal and anyone else can reuse it without copying "
                        "it by hand. The files are made afresh every time the site is built, from the same data "
                        "as the pages."),
    "license": ("Licens", "Licence"),
    "data_changed": ("Data sidst ændret", "Data last changed"),
    "data_package": ("Datapakke", "Data package"),
    "formats": ("Formater", "Formats"),
    "format_csv": ("én fil pr. tabel, UTF-8, kommasepareret efter RFC 4180, med kolonnernes navne i første "
                   "række. Den kan åbnes i et regneark.",
                   "one file per table, UTF-8, comma-separated as RFC 4180 describes, with the column names in "
                   "the first row. It opens in a spreadsheet."),
    "format_json": ("de samme rækker som CSV-filen, som en liste af objekter med kolonnernes navne som nøgler.",
                    "the same rows as the CSV file, as a list of objects with the column names as keys."),
    "format_package": ("beskriver hver CSV-tabel med felternes typer, de påkrævede felter, nøgler og "
                       "henvisningerne mellem tabellerne, så et værktøj som frictionless kan kontrollere filerne.",
                       "describes each CSV table with the types of its fields, the required fields, keys and "
                       "the references between tables, so that a tool such as frictionless can check the files."),
    "format_popolo": ("organisationer, personer, medlemskaber og møder i den form, som værktøjer til "
                      "Popolo-standarden læser; én fil pr. sprog.",
                      "organisations, people, memberships and meetings in the shape that tools for the Popolo "
                      "standard read; one file per language."),
    "reading": ("Sådan læses data", "How to read the data"),
    "reading_ids": ("Hver partner, hvert møde og hvert tema har et id, som også står i adressen på dets side: "
                    "partneren med id va har siden /partnere/va/, mødet visionsforum-2017-1 siden "
                    "/moeder/visionsforum-2017-1/.",
                    "Every partner, meeting and theme has an id that is also part of its page's address: the "
                    "partner with id va has the page /en/partnere/va/, the meeting visionsforum-2017-1 the "
                    "page /en/moeder/visionsforum-2017-1/."),
    "reading_langs": ("Tekster står på dansk og engelsk i hver sin kolonne, fx name_da og name_en. Er den "
                      "engelske tom, findes teksten kun på dansk.",
                      "Texts are in Danish and English in columns of their own, such as name_da and name_en. "
                      "Where the English one is empty, the text exists only in Danish."),
    "reading_dates": ("Datoer er kun så præcise, som de kendes: 2017-08-22, 2017-08 (kun måneden) eller 2017 "
                      "(kun året). Der er ikke gættet på en dag. Klokkeslæt er dansk tid.",
                      "Dates are only as precise as they are known: 2017-08-22, 2017-08 (only the month) or "
                      "2017 (only the year). No day has been guessed. Times are Danish time."),
    "reading_counts": ("Et antal, der kun er anslået (»ca. 20«), har true i kolonnen, der ender på _approximate.",
                       "A number that is only an estimate (“about 20”) has true in the column that ends in "
                       "_approximate."),
    "reading_empty": ("En tom celle betyder, at oplysningen ikke kendes eller ikke er registreret.",
                      "An empty cell means that the fact is not known or not recorded."),
    "reading_lists": ("Lister, fx de partnere, der var inviteret til et møde, står i en tabel for sig med "
                      "ejerens id og pladsen i listen (position).",
                      "Lists, such as the partners invited to a meeting, are tables of their own with the "
                      "owner's id and the place in the list (position)."),
    "reading_formula": ("I CSV-filerne har en tekst, der begynder med =, +, -, @, tabulator, vognretur eller "
                        "apostrof, fået en apostrof foran, så et regneark viser den som tekst og ikke udfører den "
                        "som en formel. Fjern én apostrof for at få den oprindelige tekst. JSON-filerne har "
                        "teksterne uændret.",
                        "In the CSV files a text that begins with =, +, -, @, a tab, a carriage return or an "
                        "apostrophe has been given an apostrophe in front, so that a spreadsheet shows it as text "
                        "instead of running it as a formula. Remove one apostrophe to get the original text. The "
                        "JSON files hold the texts unchanged."),
    "files_heading": ("Filerne", "The files"),
    "row": ("række", "row"),
    "rows": ("rækker", "rows"),
    "tables": ("Tabellerne", "The tables"),
    "key": ("Nøgle", "Key"),
    "fields": ("Felter", "Fields"),
    "required": ("påkrævet", "required"),
    "refers_to": ("henviser til", "refers to"),
    "popolo_text": ("Popolo-filerne beskriver partnerskabet som en organisation med partnerne som medlemmer: "
                    "hver status (inviteret, underskrevet) er et medlemskab med start- og slutdato. "
                    "Repræsentanterne er personer med en rolle hos deres partner, og møderne er begivenheder. "
                    "Partnere og møder har samme id som i tabellerne; partnerskabet selv har sidens adresse som "
                    "id.",
                    "The Popolo files describe the partnership as an organisation with the partners as its "
                    "members: each status (invited, signed) is a membership with a start and an end date. The "
                    "representatives are people with a role at their partner, and the meetings are events. "
                    "Partners and meetings have the same id as in the tables; the partnership itself has the "
                    "site's address as its id."),
    "in_danish": ("på dansk", "in Danish"),
    "in_english": ("på engelsk", "in English"),
    # footer
    "accessibility": ("Tilgængelighedserklæring", "Accessibility statement"),
    "open_data": ("Åbne data", "Open data"),
    # what changed between two versions of a text (comparison.html, boligdialog.pages.compare)
    "compare_legend": ("Sådan læser du sammenligningen", "How to read the comparison"),
    "compare_key_ins": ("Understreget tekst", "Underlined text"),
    "compare_key_ins_rest": ("er tilføjet i den nye udgave.", "has been added in the new version."),
    "compare_key_del": ("Gennemstreget tekst", "Struck-through text"),
    "compare_key_del_rest": ("er slettet fra den forrige udgave.", "has been removed from the previous version."),
    "compare_key_moved": ("Et afsnit mærket »Flyttet« står et andet sted end før, men er ikke skrevet om.",
                          "A paragraph marked “Moved” now stands somewhere else, but has not been rewritten."),
    "compare_key_source": ("Teksten står, som den er skrevet, med tegn som # foran overskrifter og - foran "
                           "punkter.",
                           "The text is shown as it is written, with marks such as # before headings and - "
                           "before list items."),
    "compare_no_changes": ("Teksten er den samme i begge udgaver.", "The text is the same in both versions."),
    "compare_added": ("Nyt afsnit", "New paragraph"),
    "compare_removed": ("Slettet afsnit", "Removed paragraph"),
    "compare_changed": ("Ændret afsnit", "Changed paragraph"),
    "compare_moved_here": ("Flyttet hertil", "Moved here"),
    "compare_moved_away": ("Flyttet herfra", "Moved from here"),
    "compare_to_new_place": ("se den nye plads", "see where it is now"),
    "compare_to_old_place": ("se den gamle plads", "see where it was"),
    "compare_ins_start": ("tilføjet:", "added:"),
    "compare_ins_end": ("slut på tilføjet", "end of added"),
    "compare_del_start": ("slettet:", "removed:"),
    "compare_del_end": ("slut på slettet", "end of removed"),
    # who is in the partnership over time (timeline.html, boligdialog.site.timeline)
    "timeline_title": ("Hvem er med i partnerskabet, over tid", "Who is in the partnership, over time"),
    "timeline_per_partner": ("Med {n} partnere vises forløbet for hver partner på partnerens egen side: "
                             "hvornår den blev inviteret, skrev under eller trådte ud.",
                             "With {n} partners, each partner's own page shows its part: when it was invited, "
                             "signed or left."),
    "timeline_title_one": ("{name} i partnerskabet, over tid", "{name} in the partnership, over time"),
    "timeline_desc": ("Tidslinje fra {start} til {end} med en række for hver partner: hvornår den blev "
                      "inviteret, skrev under eller trådte ud. Det, der er varslet, men ikke sket endnu, er "
                      "stiplet. Tabellen under tidslinjen har de samme oplysninger.",
                      "Timeline from {start} to {end} with a row for each partner: when it was invited, signed "
                      "or left. What has been announced but not happened yet is dashed. The table below the "
                      "timeline gives the same facts."),
    "timeline_desc_one": ("Tidslinje fra {start} til {end}: hvornår {name} blev inviteret, skrev under eller "
                          "trådte ud. Det, der er varslet, men ikke sket endnu, er stiplet. Tabellen under "
                          "tidslinjen har de samme oplysninger.",
                          "Timeline from {start} to {end}: when {name} was invited, signed or left. What has "
                          "been announced but not happened yet is dashed. The table below the timeline gives "
                          "the same facts."),
    "timeline_today": ("I dag", "Today"),
    "timeline_key": ("Forklaring", "Key"),
    "timeline_key_scheduled": ("Varslet, ikke sket endnu", "Announced, not happened yet"),
    "timeline_caption": ("Alle ændringer i partnernes status", "Every change in the partners' status"),
    "timeline_caption_one": ("Ændringer i status", "Changes in status"),
    "partner": ("Partner", "Partner"),
    # for editors, below each page's text when extra.edit.repository is set (boligdialog/editlinks.py)
    "edit_page": ("Ret denne side", "Edit this page"),
}

def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "da" else pair[1]


@functools.cache
def strings(lang: Lang) -> dict[str, str]:
    """All UI strings in one language (one shared dict per language: do not change it)."""
    return {key: _pick(pair, lang) for key, pair in STRINGS.items()}


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
