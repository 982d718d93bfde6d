"""The typed data model: one class per record kind in ``data/*.yaml``.

Field names follow OParl 1.1 and Popolo where they fit (classification,
memberships, start/end, state, agendaItem → agenda). Models are frozen pydantic
classes; pydantic checks types and shapes, :mod:`boligdialog.load` checks
references between files.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator

from .errors import show
from .translate import one_of, tr
from .values import Address, Count, PartialDate, Text, When, parse_time, plain_text


def _closed(*values: str) -> Any:
    """A closed list: ``Literal[values]`` with an editor-facing error."""

    def check(value: Any) -> Any:
        if value not in values:
            raise ValueError(tr("expected one of {allowed} but received {value}", allowed=one_of(values),
                                value=show(value)))
        return value

    return Annotated[Literal[values], BeforeValidator(check)]  # type: ignore[valid-type]


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID = 80
"""Longest id: ids become file names, and file systems refuse names over 255 bytes."""


def _slug(value: Any) -> str:
    if not isinstance(value, str) or not _SLUG.match(value):
        raise ValueError(tr("expected an id of lowercase letters a-z, digits and hyphens "
                            "(like 'visionsforum-2017') but received {value}", value=show(value)))
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
                            "like 'referater/visionsforum-2017.md', but received {value}", value=show(value)))
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

Classification = _closed(
    "municipality",
    "social_housing_organisation",
    "cooperative_housing_association",
    "homeowners_association",
    "private_landlord",
    "other",
)
MembershipStatus = _closed("invited", "signed", "left")
MeetingState = _closed("planned", "held", "cancelled")
AgreementStatus = _closed("draft", "signed")
MinutesStatus = _closed("draft", "approved")
DECISION_STATUSES = ("open", "in_progress", "done", "dropped")
"""In the order the follow-up page lists them; the first two are still open."""
DecisionStatus = _closed(*DECISION_STATUSES)



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
    """A Visionsforum meeting (OParl: Meeting)."""

    id: Id
    number: int | None = Field(default=None, ge=1, le=10_000, strict=True)
    name: LineField
    start: WhenField
    end: TimeField | None = None
    location: LineField | None = None
    """The place's name (``Albertslund Rådhus``), in both languages if they differ."""
    address: AddressField | None = None
    """The place's postal address, if known: ``Nordmarks Allé 1, 2620 Albertslund``."""
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
        return self.status in DECISION_STATUSES[:2]


class Agreement(Model):
    """One version of the partnership agreement."""

    id: Id
    title: LineField
    date: DateField
    status: AgreementStatus
    page: ContentPath
    """The agreement text (Danish) under ``content/``."""


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


HideItem = _closed("navigation", "toc", "footer", "path", "tags")


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
