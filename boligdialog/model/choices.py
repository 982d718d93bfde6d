"""The closed lists of the data model, each value together with its labels.

A value and its Danish and English labels are one entry here, so a value cannot be
added without them: the data model (:mod:`boligdialog.model.records`) takes the values it
accepts from these lists, and the pages take the labels they show. Lists whose
values never reach a reader (Material's ``hide`` keys, an agreement's status) are
plain :func:`closed` types without labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

from boligdialog.model.errors import show
from boligdialog.model.translate import language, one_of, tr
from boligdialog.model.values import Lang

Label = tuple[str, str]
"""A label in Danish and in English."""


def closed(*values: str) -> Any:
    """A closed list as a pydantic type: ``Literal[values]`` with an editor-facing error."""

    def check(value: Any) -> Any:
        if value not in values:
            raise ValueError(tr("expected one of {allowed} but received {value}", allowed=one_of(values),
                                value=show(value)))
        return value

    return Annotated[Literal[values], BeforeValidator(check)]  # type: ignore[valid-type]


@dataclass(frozen=True)
class ClosedList:
    """A closed list of values, in the order pages list them, each with its labels.

    Raises ``ValueError`` when it is made with a label that is empty or a second set
    of labels (``plural``) that does not cover exactly the same values.
    """

    name: str
    """How templates name the list: ``label('state', meeting.state, lang)``."""
    labels: Mapping[str, Label]
    """Each value and its label, e.g. ``{"held": ("Afholdt", "Held")}``."""
    plural: Mapping[str, Label] | None = None
    """Labels for a group of records with this value (headings), if the site shows groups."""

    def __post_init__(self) -> None:
        tables = {"labels": self.labels} | ({"plural": self.plural} if self.plural is not None else {})
        for table_name, table in tables.items():
            if set(table) != set(self.labels):
                missing = sorted(set(self.labels) - set(table))
                extra = sorted(set(table) - set(self.labels))
                raise ValueError(f"{self.name}: {table_name} must label exactly the values {list(self.labels)}; "
                                 f"missing {missing}, unknown {extra}")
            for value, pair in table.items():
                if len(pair) != 2 or not all(isinstance(text, str) and text.strip() for text in pair):
                    raise ValueError(f"{self.name}: {table_name}[{value!r}] must be a Danish and an English "
                                     f"text but is {pair!r}")

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def field(self) -> Any:
        """The pydantic type that accepts exactly these values."""
        return closed(*self.values)

    def label(self, value: str, lang: Lang, *, plural: bool = False) -> str:
        table = self.plural if plural and self.plural is not None else self.labels
        return table[value][0 if lang == "da" else 1]


CLASSIFICATIONS = ClosedList(
    "classification",
    {
        "municipality": ("Kommune", "Municipality"),
        "social_housing_organisation": ("Almen boligorganisation", "Social housing organisation"),
        "cooperative_housing_association": ("Andelsboligforening", "Cooperative housing association"),
        "homeowners_association": ("Grundejerforening", "Homeowners' association"),
        "private_landlord": ("Privat udlejer", "Private landlord"),
        "other": ("Andet", "Other"),
    },
    plural={
        "municipality": ("Kommunen", "The municipality"),
        "social_housing_organisation": ("Almene boligorganisationer", "Social housing organisations"),
        "cooperative_housing_association": ("Andelsboligforeninger", "Cooperative housing associations"),
        "homeowners_association": ("Grundejerforeninger", "Homeowners' associations"),
        "private_landlord": ("Private udlejere", "Private landlords"),
        "other": ("Andre", "Others"),
    },
)
"""A partner's kind (OParl: classification), in the order of the partners page."""

MEMBERSHIP_STATUSES = ClosedList("membership", {
    "invited": ("Inviteret", "Invited"),
    "signed": ("Har underskrevet", "Signed"),
    "left": ("Udtrådt", "Left"),
})

MEETING_STATES = ClosedList("state", {
    "planned": ("Planlagt", "Planned"),
    "held": ("Afholdt", "Held"),
    "cancelled": ("Aflyst", "Cancelled"),
})

DECISION_STATUSES = ClosedList("decision", {
    "open": ("Åben", "Open"),
    "in_progress": ("I gang", "In progress"),
    "done": ("Gennemført", "Done"),
    "dropped": ("Opgivet", "Dropped"),
})
"""In the order the follow-up page lists them."""
OPEN_DECISION_STATUSES = frozenset({"open", "in_progress"})
"""The statuses of decisions that are still open (listed first on the follow-up page)."""

MINUTES_STATUSES = ClosedList("minutes", {
    "draft": ("Udkast", "Draft"),
    "approved": ("Godkendt", "Approved"),
})
"""A report's status as minutes (Danish report's front matter ``minutes:``)."""

OUTCOMES = ClosedList("outcome", {
    "accommodated": ("Imødekommet", "Accommodated"),
    "partly_accommodated": ("Delvist imødekommet", "Partly accommodated"),
    "not_accommodated": ("Ikke imødekommet", "Not accommodated"),
})
"""What came of a consultation response: whether the text was changed as it asked (the
consultation memo's, høringsnotatets, three answers)."""

SHOWN_STATES = ClosedList("shown_state", {
    **MEETING_STATES.labels,
    "awaiting_report": ("Referat følger", "Report to follow"),
})
"""A meeting's state as the pages show it (:func:`boligdialog.site.schedule.shown_state`): as
recorded, or ``awaiting_report`` for a planned meeting whose day has passed."""

SCHEDULED_MEMBERSHIPS = ClosedList("membership_scheduled", {
    "invited": ("inviteres", "to be invited"),
    "signed": ("underskriver", "to sign"),
    "left": ("udtræder", "to leave"),
})
"""A membership change dated after the build date, announced, not yet happened."""
if SCHEDULED_MEMBERSHIPS.values != MEMBERSHIP_STATUSES.values:  # pragma: no cover - a programming error
    raise ValueError("membership_scheduled must label exactly the membership statuses")

AGREEMENT_STATUSES = ClosedList("agreement_status", {
    "draft": ("Udkast", "Draft"),
    "consultation": ("I høring", "In consultation"),
    "consultation_closed": ("Høringen er slut", "Consultation closed"),
    "adopted": ("Vedtaget, ikke trådt i kraft", "Adopted, not yet in force"),
    "in_force": ("Gældende", "In force"),
    "superseded": ("Afløst", "Replaced"),
})
"""A version of the agreement on the build date (:mod:`boligdialog.site.versions`): it follows from
the version's dates, so it is shown, never written in the data."""

LISTS = {c.name: c for c in (CLASSIFICATIONS, MEMBERSHIP_STATUSES, MEETING_STATES, DECISION_STATUSES,
                             MINUTES_STATUSES, OUTCOMES, SHOWN_STATES, SCHEDULED_MEMBERSHIPS, AGREEMENT_STATUSES)}


def label(kind: str, value: str, lang: Lang, *, plural: bool = False) -> str:
    """Label of a value of the list named ``kind``: ``label('state', 'held', 'en') == 'Held'``."""
    return LISTS[kind].label(value, lang, plural=plural)


def state_word(value: str, kind: str | None = None) -> str:
    """A value of a closed list as a word in the editors' language, the site's label in lower
    case (``planned`` -> ``planlagt``), for messages; ``""`` for a value of no list."""
    lang: Lang = "en" if language() == "en" else "da"
    for closed_list in ([LISTS[kind]] if kind else LISTS.values()):
        if value in closed_list.labels:
            text = closed_list.label(value, lang)
            return text[0].lower() + text[1:] if lang == "da" else value
    return ""
