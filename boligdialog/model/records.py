"""The typed data model: one class per record kind in ``data/*.yaml``.

Field names follow OParl 1.1 and Popolo where they fit (classification,
memberships, start/end, state, agendaItem → agenda). Models are frozen pydantic
classes; pydantic checks types and shapes, :mod:`boligdialog.site.load` checks
references between files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PlainValidator

from boligdialog.model.choices import (
    CLASSIFICATIONS, DECISION_STATUSES, MEETING_STATES, MEMBERSHIP_STATUSES, MINUTES_STATUSES,
    OPEN_DECISION_STATUSES, closed,
)
from boligdialog.model.errors import show
from boligdialog.model.translate import tr
from boligdialog.model.values import Address, Count, PartialDate, Text, When, parse_time, plain_text


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID = 80
"""Longest id: ids become file names, and file systems refuse names over 255 bytes."""


def _slug(value: Any) -> str:
    if not isinstance(value, str) or not _SLUG.match(value):
        raise ValueError(tr("expected an id of lowercase letters a-z, digits and hyphens "
                            "(like 'forum-2027-1') but received {value}", value=show(value)))
    if len(value) > MAX_ID:
        raise ValueError(tr("expected an id of at most {limit} characters but received one of {count}",
                            limit=MAX_ID, count=len(value)))
    return value


def _url(value: Any) -> str:
    if not isinstance(value, str) or not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
        raise ValueError(tr("expected a web address starting with https:// but received {value}", value=show(value)))
    return value


def _inside_content(value: Any) -> bool:
    return (
        isinstance(value, str)
        and bool(value)
        and not value.startswith(("/", "\\"))
        and ".." not in re.split(r"[/\\]", value)
        and "://" not in value
    )


def _content_path(value: Any) -> str:
    if not _inside_content(value) or not value.endswith(".md") or value.startswith("en/"):
        raise ValueError(tr("expected the path of a Danish Markdown file inside content/, "
                            "like 'referater/forum-2027-1.md', but received {value}", value=show(value)))
    return value


def _file_path(value: Any) -> str:
    if not _inside_content(value):
        raise ValueError(tr("expected the path of a file inside content/, like 'filer/referat-2017.pdf', "
                            "but received {value}", value=show(value)))
    return value


def _text_key(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)) or len(str(value)) > 20:
        raise ValueError(tr("expected a number or short text but received {value}", value=show(value)))
    return plain_text(str(value))


Id = Annotated[str, PlainValidator(_slug)]
Url = Annotated[str, PlainValidator(_url)]
ContentPath = Annotated[str, PlainValidator(_content_path)]
FilePath = Annotated[str, PlainValidator(_file_path)]
TextField = Annotated[Text, PlainValidator(Text.parse)]
LineField = Annotated[Text, PlainValidator(Text.parse_line)]
"""A name or title in Danish and English: one line each."""
Line = Annotated[str, PlainValidator(plain_text)]
"""A name or title in one language (a person's name, a page title): one line."""
DateField = Annotated[PartialDate, PlainValidator(PartialDate.parse)]
WhenField = Annotated[When, PlainValidator(When.parse)]
TimeField = Annotated[dt.time, PlainValidator(parse_time)]
CountField = Annotated[Count, PlainValidator(Count.parse)]
AddressField = Annotated[Address, PlainValidator(Address.parse)]
Label = Annotated[str, PlainValidator(_text_key)]
Description = Annotated[str, PlainValidator(lambda v: plain_text(v, single_line=False))]

# Closed lists: values and labels live together in boligdialog.model.choices.
Classification = CLASSIFICATIONS.field()
MembershipStatus = MEMBERSHIP_STATUSES.field()
MeetingState = MEETING_STATES.field()
DecisionStatus = DECISION_STATUSES.field()
MinutesStatus = MINUTES_STATUSES.field()


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Representative(Model):
    """A person who speaks for a partner (Popolo: a membership of a person)."""

    name: Line
    role: LineField
    start_date: DateField | None = None
    end_date: DateField | None = None


class Membership(Model):
    """A change in a partner's relation to one version of the agreement."""

    status: MembershipStatus
    date: DateField
    agreement: Id
    """The agreement version this change concerns (``data/agreements.yaml``)."""
    signatory: Line | None = None
    """For ``signed``: the name of the representative who signed."""

    def is_scheduled(self, day: dt.date) -> bool:
        """True when the change cannot have happened by ``day`` (its earliest date is later)."""
        return self.date.first_day() > day


class Partner(Model):
    """An organisation in (or invited to) the partnership (OParl: Organization)."""

    id: Id
    name: LineField
    short_name: Line | None = None
    classification: Classification
    website: Url | None = None
    description: TextField | None = None
    note: TextField | None = None
    """What is not known, said plainly (e.g. which associations are meant)."""
    memberships: list[Membership] = Field(min_length=1)
    representatives: list[Representative] = []

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
    id: Id
    title: LineField
    summary: TextField


class AgendaItem(Model):
    """OParl AgendaItem: number, name, result."""

    number: Label | None = None
    name: LineField
    result: TextField | None = None


class Attachment(Model):
    """A file that belongs to a meeting (OParl: File / auxiliaryFile)."""

    path: FilePath
    """Path of the file under ``content/`` (shared by both languages)."""
    name: LineField


class Meeting(Model):
    """A meeting of the forum (OParl: Meeting)."""

    id: Id
    number: int | None = Field(default=None, ge=1, le=10_000, strict=True)
    name: LineField
    start: WhenField
    end: TimeField | None = None
    location: LineField | None = None
    """The place's name (``Rådhuset``), in both languages if they differ."""
    address: AddressField | None = None
    """The place's postal address, if known: ``Torvet 1, 1234 Byen``."""
    state: MeetingState
    themes: list[Id] = []
    invited: list[Id] = []
    attended: list[Id] = []
    participants: CountField | None = None
    agenda: list[AgendaItem] = []
    files: list[Attachment] = []


class Decision(Model):
    """A decision taken at a meeting, and what has become of it."""

    id: Id
    meeting: Id
    """The meeting where it was decided."""
    text: TextField
    """What was decided (OParl: resolutionText)."""
    owners: list[Id] = Field(min_length=1)
    """Partners responsible for carrying it out."""
    due: DateField | None = None
    status: DecisionStatus
    reported_at: Id | None = None
    """The meeting where its status was last reported (default: where it was decided)."""
    note: TextField | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_DECISION_STATUSES


def _email(value: Any) -> str:
    if not isinstance(value, str) or not re.match(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", value):
        raise ValueError(tr("expected an e-mail address like 'hoering@kommune.dk' but received {value}",
                            value=show(value)))
    return value


Email = Annotated[str, PlainValidator(_email)]


class Consultation(Model):
    """A consultation (høring) on a version: when invited organisations can respond, and how."""

    opens: DateField
    """The first day responses are welcome."""
    closes: DateField
    """The deadline: the last day responses are welcome."""
    email: Email | None = None
    """Where to send a response by e-mail."""
    address: LineField | None = None
    """Where to send a response by post, or hand it in."""


class Response(Model):
    """A response received in a consultation."""

    partner: Id
    """The organisation that responded (one of the version's ``consulted``)."""
    date: DateField
    """When the response was received."""
    summary: TextField
    """What it says, in short."""
    file: FilePath | None = None
    """The response itself, a file under ``content/``."""


class Agreement(Model):
    """One version of the partnership agreement, oldest first in ``data/agreements.yaml``.

    Its status is not written down but follows from its dates and the build date
    (:mod:`boligdialog.site.versions`): a draft, in consultation, adopted, in force, or
    superseded by the next version in force."""

    id: Id
    title: LineField
    text: ContentPath
    """The version's full text (Danish) under ``content/``, e.g. ``aftale/2017.md``; the
    English one is the same path under ``content/en/``. Its page is the version's stable page."""
    adopted: DateField | None = None
    """When the version was adopted (signed); none while it is a draft."""
    in_force: DateField | None = None
    """When it takes effect, if later than ``adopted``."""
    changes: TextField | None = None
    """What changed from the previous version, and why, in a few sentences."""
    consultation: Consultation | None = None
    """The consultation on this version, if there is one."""
    consulted: list[Id] = []
    """The organisations invited to respond in the consultation."""
    responses: list[Response] = []
    """Responses received in the consultation."""

    @property
    def effective(self) -> PartialDate | None:
        """The day the version applies from: ``in_force``, else ``adopted``."""
        return self.in_force or self.adopted


class PartnersFile(Model):
    partners: list[Partner] = Field(min_length=1)


class MeetingsFile(Model):
    meetings: list[Meeting]


class ThemesFile(Model):
    themes: list[Theme]


class AgreementsFile(Model):
    agreements: list[Agreement] = Field(min_length=1)


class DecisionsFile(Model):
    decisions: list[Decision]


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

    title: Line | None = None
    description: Description | None = None
    meeting: Id | None = None
    """On a report (``content/referater/``): the meeting it reports from. The one place
    that ties a report to its meeting; the English report is the same path under ``en/``."""
    date: DateField | None = None
    """When the page was published (news and reports: required, to the day, for the feed)."""
    updated: DateField | None = None
    """When it was last changed in substance, if after ``date``."""
    minutes: MinutesStatus | None = None
    """Danish report only, when it is minutes: ``draft`` until the forum approves them, then ``approved``."""
    approved_at: Id | None = None
    """With ``minutes: approved``: the later meeting that approved them."""
    hide: list[HideItem] = []
    """Parts of the page layout to hide (Material's ``hide``)."""
