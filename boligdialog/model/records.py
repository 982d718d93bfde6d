"""The typed data model: one class per record kind in ``data/*.yaml``.

Field names follow OParl 1.1 and Popolo where they fit (classification,
memberships, start/end, state, agendaItem → agenda). Models are frozen pydantic
classes; pydantic checks types and shapes, :mod:`boligdialog.site.load` checks
references between files.

Each field says, in its type, what it means to a reader of the data
(:class:`~boligdialog.model.fields.About`, Danish and English) and, for an id of another
record, which data file that record is in (``PartnerId``, ``MeetingId``…, made with
:class:`~boligdialog.model.fields.RefersTo` in :mod:`boligdialog.model.valuetypes`). The
check, the open data and the JSON Schemas read both from here
(:mod:`boligdialog.model.fields`); a docstring under a field is for developers only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from boligdialog.model.choices import OPEN_DECISION_STATUSES, closed
from boligdialog.model.fields import About, models, references
from boligdialog.model.valuetypes import (  # noqa: F401 (the value types are imported from here too)
    MAX_ID, AddressField, AgreementId, Classification, ContentPath, CountField, DateField, DecisionStatus,
    Description, Email, FilePath, Id, Label, Line, LineField, MeetingId, MeetingState, MembershipStatus,
    MinutesStatus, Outcome, PartnerId, TextField, ThemeId, TimeField, Url, WhenField,
)
from boligdialog.model.values import PartialDate


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Representative(Model):
    """A person who speaks for a partner (Popolo: a membership of a person)."""

    name: Annotated[Line, About("Personens navn.", "The person's name.")]
    role: Annotated[LineField, About("Personens rolle hos partneren, fx formand.",
                                     "The person's role at the partner, such as chair.")]
    start_date: Annotated[DateField | None, About("Hvornår personen begyndte at tale på partnerens vegne.",
                                                  "When the person began to speak for the partner.")] = None
    end_date: Annotated[DateField | None, About("Hvornår personen holdt op; tom, hvis personen stadig gør det.",
                                                "When the person stopped; empty while they still do.")] = None


class Membership(Model):
    """A change in a partner's relation to one version of the agreement."""

    status: Annotated[MembershipStatus, About(
        "Hvad der skete: partneren blev inviteret, skrev under eller trådte ud.",
        "What happened: the partner was invited, signed or left.")]
    date: Annotated[DateField, About("Hvornår det skete.", "When it happened.")]
    agreement: Annotated[AgreementId, About("Den udgave af aftalen, som ændringen gælder.",
                                            "The version of the agreement the change concerns.")]
    signatory: Annotated[Line | None, About(
        "Ved en underskrift: navnet på den repræsentant, der skrev under.",
        "For a signature: the name of the representative who signed.")] = None

    def is_scheduled(self, day: dt.date) -> bool:
        """True when the change cannot have happened by ``day`` (its earliest date is later)."""
        return self.date.first_day() > day


class Partner(Model):
    """An organisation in (or invited to) the partnership (OParl: Organization)."""

    id: Annotated[Id, About("Partnerens faste id; det står i adressen på partnerens side og i de andre tabeller.",
                            "The partner's fixed id; it is in the address of the partner's page and in the other "
                            "tables.")]
    name: Annotated[LineField, About("Organisationens fulde navn.", "The organisation's full name.")]
    short_name: Annotated[Line | None, About("Den forkortelse, organisationen er kendt under.",
                                             "The abbreviation the organisation is known by.")] = None
    classification: Annotated[Classification, About("Hvilken slags organisation det er.",
                                                    "What kind of organisation it is.")]
    website: Annotated[Url | None, About("Organisationens hjemmeside.", "The organisation's website.")] = None
    description: Annotated[TextField | None, About("Kort om organisationen.", "The organisation in short.")] = None
    note: Annotated[TextField | None, About(
        "Det, der ikke vides om partneren, sagt ligeud (fx hvilke foreninger der menes).",
        "What is not known about the partner, said plainly (such as which associations are meant).")] = None
    memberships: Annotated[list[Membership], About(
        "Partnerens forhold til aftalen over tid: inviteret, underskrevet, udtrådt.",
        "The partner's relation to the agreement over time: invited, signed, left.")] = Field(min_length=1)
    representatives: Annotated[list[Representative], About(
        "De personer, der taler på partnerens vegne.", "The people who speak for the partner.")] = []

    @property
    def history(self) -> list[Membership]:
        """Membership changes, oldest first (ties keep the order they are listed in)."""
        return sorted(self.memberships, key=lambda m: m.date.sort_key())

    def status_on(self, day: dt.date) -> Membership | None:
        """The partner's status on ``day``: its latest change that may have happened by then
        (of changes on the same date, the one listed last). ``None`` before the first."""
        done = [m for m in self.history if not m.is_scheduled(day)]
        return done[-1] if done else None

    def scheduled(self, day: dt.date) -> list[Membership]:
        """Changes dated after ``day``: announced, not yet happened."""
        return [m for m in self.history if m.is_scheduled(day)]


class Theme(Model):
    id: Annotated[Id, About("Temaets faste id; det står i adressen på temaets side og i de andre tabeller.",
                            "The theme's fixed id; it is in the address of the theme's page and in the other "
                            "tables.")]
    title: Annotated[LineField, About("Temaets titel.", "The theme's title.")]
    summary: Annotated[TextField, About("Hvad temaet handler om, kort.", "What the theme is about, in short.")]


class AgendaItem(Model):
    """OParl AgendaItem: number, name, result."""

    number: Annotated[Label | None, About("Punktets nummer på dagsordenen.",
                                          "The item's number on the agenda.")] = None
    name: Annotated[LineField, About("Hvad punktet handler om.", "What the item is about.")]
    result: Annotated[TextField | None, About("Hvad der kom ud af punktet på mødet.",
                                              "What came of the item at the meeting.")] = None


class Attachment(Model):
    """A file that belongs to a meeting (OParl: File / auxiliaryFile)."""

    path: Annotated[FilePath, About("Hvor filen ligger i sidens kilder; den samme fil hører til begge sprog.",
                                    "Where the file is in the site's sources; the same file serves both "
                                    "languages.")]
    """Path of the file under ``content/``."""
    name: Annotated[LineField, About("Filens navn, som siden viser det, fx Dagsorden.",
                                     "The file's name as the site shows it, such as Agenda.")]


class Meeting(Model):
    """A meeting of the forum (OParl: Meeting)."""

    id: Annotated[Id, About("Mødets faste id; det står i adressen på mødets side og i de andre tabeller.",
                            "The meeting's fixed id; it is in the address of the meeting's page and in the other "
                            "tables.")]
    number: Annotated[int | None, About("Mødets nummer i rækken af møder.",
                                        "The meeting's number in the series of meetings.")] = Field(
        default=None, ge=1, le=10_000, strict=True)
    name: Annotated[LineField, About("Mødets navn.", "The meeting's name.")]
    start: Annotated[WhenField, About("Hvornår mødet begynder; klokkeslættet mangler, hvis det ikke kendes.",
                                      "When the meeting begins; the time is missing if it is not known.")]
    end: Annotated[TimeField | None, About("Hvornår mødet slutter, samme dag.",
                                           "When the meeting ends, on the same day.")] = None
    location: Annotated[LineField | None, About("Navnet på stedet, hvor mødet holdes.",
                                                "The name of the place where the meeting is held.")] = None
    """In both languages if they differ."""
    address: Annotated[AddressField | None, About("Stedets postadresse.", "The place's postal address.")] = None
    state: Annotated[MeetingState, About("Om mødet er planlagt, holdt eller aflyst.",
                                         "Whether the meeting is planned, held or cancelled.")]
    themes: Annotated[list[ThemeId], About("De temaer, mødet handler om.", "The themes the meeting is about.")] = []
    invited: Annotated[list[PartnerId], About("De organisationer, der blev inviteret til mødet.",
                                              "The organisations invited to the meeting.")] = []
    attended: Annotated[list[PartnerId], About("De organisationer, der deltog i mødet.",
                                               "The organisations that attended the meeting.")] = []
    participants: Annotated[CountField | None, About("Hvor mange der deltog, præcist eller anslået.",
                                                     "How many people attended, exactly or as an estimate.")] = None
    agenda: Annotated[list[AgendaItem], About("Punkterne på mødets dagsorden.",
                                              "The items on the meeting's agenda.")] = []
    files: Annotated[list[Attachment], About("Filer, der hører til mødet, fx dagsordenen.",
                                             "Files that belong to the meeting, such as the agenda.")] = []


class Decision(Model):
    """A decision taken at a meeting, and what has become of it."""

    id: Annotated[Id, About("Beslutningens faste id.", "The decision's fixed id.")]
    meeting: Annotated[MeetingId, About("Det møde, hvor beslutningen blev truffet.",
                                        "The meeting where the decision was taken.")]
    text: Annotated[TextField, About("Hvad der blev besluttet.", "What was decided.")]
    """OParl: resolutionText."""
    owners: Annotated[list[PartnerId], About("De partnere, der har ansvaret for at føre beslutningen ud i livet.",
                                             "The partners responsible for carrying out the decision.")] = Field(
        min_length=1)
    due: Annotated[DateField | None, About("Hvornår beslutningen skal være ført ud i livet.",
                                           "When the decision is to be carried out.")] = None
    status: Annotated[DecisionStatus, About("Hvor langt beslutningen er nået.",
                                            "How far the decision has come.")]
    reported_at: Annotated[MeetingId | None, About(
        "Det møde, hvor status sidst blev gjort op; tomt betyder mødet, hvor beslutningen blev truffet.",
        "The meeting where its status was last reported; empty means the meeting where it was "
        "taken.")] = None
    note: Annotated[TextField | None, About("En bemærkning om, hvordan det går med beslutningen.",
                                            "A remark on how the decision is getting on.")] = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_DECISION_STATUSES


class Consultation(Model):
    """A consultation (høring) on a version: when invited organisations can respond, and how."""

    opens: Annotated[DateField, About("Den første dag, hvor svar er velkomne.",
                                      "The first day responses are welcome.")]
    closes: Annotated[DateField, About("Fristen: den sidste dag, hvor svar er velkomne.",
                                       "The deadline: the last day responses are welcome.")]
    email: Annotated[Email | None, About("Hvor et svar kan sendes med e-mail.",
                                         "Where to send a response by e-mail.")] = None
    address: Annotated[LineField | None, About("Hvor et svar kan sendes med post eller afleveres.",
                                               "Where to send a response by post, or hand it in.")] = None


class Response(Model):
    """A response received in a consultation."""

    partner: Annotated[PartnerId, About("Den organisation, der svarede.", "The organisation that responded.")]
    """One of the version's ``consulted`` (the check says so)."""
    date: Annotated[DateField, About("Hvornår svaret kom.", "When the response was received.")]
    summary: Annotated[TextField, About("Hvad svaret siger, kort.", "What the response says, in short.")]
    file: Annotated[FilePath | None, About("Hvor selve svaret ligger i sidens kilder.",
                                           "Where the response itself is in the site's sources.")] = None
    answer: Annotated[TextField | None, About("Partnerskabets svar på høringssvaret (til høringsnotatet).",
                                              "The partnership's answer to the response (for the consultation "
                                              "memo).")] = None
    outcome: Annotated[Outcome | None, About("Om teksten blev ændret, som svaret ønskede: imødekommet, delvist "
                                             "imødekommet eller ikke imødekommet.",
                                             "Whether the text was changed as the response asked: accommodated, "
                                             "partly accommodated or not accommodated.")] = None
    section: Annotated[LineField | None, About("Overskriften på det afsnit i versionens tekst, som svaret fik ændret.",
                                               "The heading of the section of the version's text that the response "
                                               "had changed.")] = None
    """The comparison page names the response at that heading, and the memo links to it there;
    in each language in which the text is compared (the check says when no heading has it)."""


class Agreement(Model):
    """One version of the partnership agreement, oldest first in ``data/agreements.yaml``.

    Its status is not written down but follows from its dates and the build date
    (:mod:`boligdialog.site.versions`): a draft, in consultation, adopted, in force, or
    superseded by the next version in force."""

    id: Annotated[Id, About("Udgavens faste id.", "The version's fixed id.")]
    title: Annotated[LineField, About("Udgavens titel.", "The version's title.")]
    text: Annotated[ContentPath, About(
        "Hvor udgavens fulde tekst ligger i sidens kilder (den danske; den engelske ligger samme sted under en/).",
        "Where the version's full text is in the site's sources (the Danish one; the English one is at the same "
        "place under en/).")]
    """E.g. ``aftale/2017.md``; the English one is the same path under ``content/en/``. Its page
    is the version's stable page."""
    adopted: Annotated[DateField | None, About("Hvornår udgaven blev vedtaget (underskrevet); tom for et udkast.",
                                               "When the version was adopted (signed); empty for a draft.")] = None
    in_force: Annotated[DateField | None, About("Hvornår udgaven træder i kraft, hvis det er senere end vedtagelsen.",
                                                "When the version takes effect, if later than its "
                                                "adoption.")] = None
    changes: Annotated[TextField | None, About("Hvad der er ændret fra den forrige udgave, og hvorfor.",
                                               "What changed from the previous version, and why.")] = None
    consultation: Annotated[Consultation | None, About("Høringen om udgaven, hvis der er en.",
                                                       "The consultation on the version, if there is one.")] = None
    consulted: Annotated[list[PartnerId], About("De organisationer, der er inviteret til at svare i høringen.",
                                                "The organisations invited to respond in the consultation.")] = []
    responses: Annotated[list[Response], About("De svar, der er kommet i høringen.",
                                               "The responses received in the consultation.")] = []

    @property
    def effective(self) -> PartialDate | None:
        """The day the version applies from: ``in_force``, else ``adopted``."""
        return self.in_force or self.adopted


class PartnersFile(Model):
    partners: Annotated[list[Partner], About("Organisationerne i partnerskabet og dem, der er inviteret.",
                                             "The organisations in the partnership and those invited.")] = Field(
        min_length=1)


def _none_is_empty(value: Any) -> Any:
    """``meetings:`` with nothing after it is an empty list, so that the first entry can be
    pasted below the line as the guide shows."""
    return [] if value is None else value


MAY_BE_EMPTY: set[str] = set()
"""The keys of the files whose list may be written with nothing after it (``decisions:``)."""


class MeetingsFile(Model):
    meetings: Annotated[list[Meeting], About("Forummets møder, holdt og planlagte.",
                                             "The forum's meetings, held and planned.")]
    _empty = field_validator("meetings", mode="before")(_none_is_empty)


class ThemesFile(Model):
    themes: Annotated[list[Theme], About("De temaer, partnerskabet drøfter.",
                                         "The themes the partnership discusses.")]


class AgreementsFile(Model):
    agreements: Annotated[list[Agreement], About("Udgaverne af aftalen, den ældste først.",
                                                 "The versions of the agreement, oldest first.")] = Field(
        min_length=1)


class DecisionsFile(Model):
    decisions: Annotated[list[Decision], About("Beslutninger truffet på forummets møder.",
                                               "Decisions taken at the forum's meetings.")]
    _empty = field_validator("decisions", mode="before")(_none_is_empty)


MAY_BE_EMPTY.update({"meetings", "decisions"})


R = TypeVar("R", bound=Model)


@dataclass(frozen=True)
class DataFile(Generic[R]):
    """One file in ``data/``: its name, the model of the whole file, and the key of
    its list of records (``R``). Loading, checks and the loaded site all name a data
    file by one of the constants below, never by its file name."""

    name: str
    """File name in ``data/``, e.g. ``partners.yaml``."""
    model: type[Model]
    """The model of the whole file (``PartnersFile``)."""
    key: str
    """The top-level key that holds the records (``partners``); also the name of the
    :class:`~boligdialog.site.sitedata.Site` attribute that holds them."""

    @property
    def path(self) -> str:
        """Path from the project root, as messages show it: ``data/partners.yaml``."""
        return f"data/{self.name}"

    @property
    def record_model(self) -> type[Model]:
        """The model of one record (``Partner``): the items of the file's list :attr:`key`."""
        return get_args(self.model.model_fields[self.key].annotation)[0]

    def records(self, value: Model) -> list[R]:
        """The records of a validated file."""
        return getattr(value, self.key)


PARTNERS: DataFile[Partner] = DataFile("partners.yaml", PartnersFile, "partners")
THEMES: DataFile[Theme] = DataFile("themes.yaml", ThemesFile, "themes")
AGREEMENTS: DataFile[Agreement] = DataFile("agreements.yaml", AgreementsFile, "agreements")
MEETINGS: DataFile[Meeting] = DataFile("meetings.yaml", MeetingsFile, "meetings")
DECISIONS: DataFile[Decision] = DataFile("decisions.yaml", DecisionsFile, "decisions")
DATA_FILES: tuple[DataFile[Any], ...] = (PARTNERS, THEMES, AGREEMENTS, MEETINGS, DECISIONS)
"""Every file in ``data/``, in the order they are read and reported."""


HideItem = closed("navigation", "toc", "footer", "path", "tags")  # Material's, not shown


class Page(Model):
    """Front matter of an editor's Markdown page in ``content/``.

    Only these keys are allowed: a typo is reported, and no other key can reach the
    theme's templates unchecked (Material prints some front matter keys as raw HTML).
    """

    title: Annotated[Line | None, About("Sidens titel.", "The page's title.")] = None
    description: Annotated[Description | None, About(
        "Kort om siden, som søgemaskiner og delte links viser det.",
        "The page in short, as search engines and shared links show it.")] = None
    meeting: Annotated[MeetingId | None, About("For et referat: det møde, referatet er fra.",
                                               "For a report: the meeting it reports from.")] = None
    """On a report (``content/referater/``): the one place that ties a report to its meeting;
    the English report is the same path under ``en/``."""
    date: Annotated[DateField | None, About("Hvornår siden blev udgivet.", "When the page was published.")] = None
    """News and reports: required, to the day, for the feed."""
    updated: Annotated[DateField | None, About("Hvornår siden sidst blev ændret i indhold, hvis det er efter "
                                               "udgivelsen.", "When the page was last changed in substance, if "
                                               "after it was published.")] = None
    minutes: Annotated[MinutesStatus | None, About(
        "For et referat: om det er et udkast, eller om forummet har godkendt det.",
        "For a report: whether it is a draft or the forum has approved it.")] = None
    """Danish report only: ``draft`` until the forum approves them, then ``approved``."""
    approved_at: Annotated[MeetingId | None, About("Det senere møde, hvor referatet blev godkendt.",
                                                   "The later meeting where the minutes were approved.")] = None
    hide: Annotated[list[HideItem], About("Dele af sidens opsætning, som skjules (fx navigation eller "
                                          "indholdsfortegnelse).", "Parts of the page layout to hide (such as "
                                          "the navigation or the table of contents).")] = []
    """Material's ``hide``."""


MODELS: tuple[type[BaseModel], ...] = tuple(models([*(file.model for file in DATA_FILES), Page]))
"""Every model of the data files and of the front matter, each once."""

REFERENCES: dict[tuple[type[BaseModel], str], str] = references(MODELS)
"""Every field that names a record of another data file, and that file's key: what the
check, the open data's foreign keys and the JSON Schemas follow (derived from the ``RefersTo``
in the fields' types; nothing to add here)."""


def check_references(refs: dict[tuple[type[BaseModel], str], str]) -> None:
    """Every ``RefersTo`` names a data file (a typo would be a reference into nothing)."""
    keys = {file.key for file in DATA_FILES}
    for (cls, name), key in refs.items():
        if key not in keys:
            raise TypeError(f"{cls.__name__}.{name}: RefersTo({key!r}) names no data file; one of {sorted(keys)}")


check_references(REFERENCES)
