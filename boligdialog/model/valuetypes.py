"""The value types of the model's fields: each an ``Annotated`` type with the validator that
parses and checks it (the JSON Schemas and the open data tell them apart by that validator), and
the ids that name a record of another data file (:class:`~boligdialog.model.fields.RefersTo`)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import PlainValidator

from boligdialog.model.choices import (
    CLASSIFICATIONS, DECISION_STATUSES, MEETING_STATES, MEMBERSHIP_STATUSES, MINUTES_STATUSES, OUTCOMES,
)
from boligdialog.model.errors import show
from boligdialog.model.fields import RefersTo
from boligdialog.model.translate import tr
from boligdialog.model.values import Address, Count, PartialDate, Text, When, parse_time, plain_text


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID = 80
"""Longest id: ids become file names, and file systems refuse names over 255 bytes."""


def _slug(value: Any) -> str:
    """``value`` if it is an id: lowercase letters a-z, digits and hyphens, at most
    :data:`MAX_ID` characters (so also a safe file name); else :class:`ValueError`. (The open
    data and the schemas know an id's field by this function's name.)"""
    if not isinstance(value, str) or not _SLUG.match(value):
        raise ValueError(tr("expected an id of lowercase letters a-z, digits and hyphens "
                            "(like 'forum-2027-1') but received {value}", value=show(value)))
    if len(value) > MAX_ID:
        raise ValueError(tr("expected an id of at most {limit} characters but received one of {count}",
                            limit=MAX_ID, count=len(value)))
    return value


valid_id = _slug
"""The check of an id, for the scaffold's options."""


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
Outcome = OUTCOMES.field()

PartnerId = Annotated[Id, RefersTo("partners")]
"""The id of a partner in ``data/partners.yaml``."""
MeetingId = Annotated[Id, RefersTo("meetings")]
"""The id of a meeting in ``data/meetings.yaml``."""
ThemeId = Annotated[Id, RefersTo("themes")]
"""The id of a theme in ``data/themes.yaml``."""
AgreementId = Annotated[Id, RefersTo("agreements")]
"""The id of a version of the agreement in ``data/agreements.yaml``."""


def _email(value: Any) -> str:
    if not isinstance(value, str) or not re.match(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", value):
        raise ValueError(tr("expected an e-mail address like 'hoering@kommune.dk' but received {value}",
                            value=show(value)))
    return value


Email = Annotated[str, PlainValidator(_email)]
