"""Closed lists: every value the model accepts has its labels, in both languages."""

from __future__ import annotations

import typing

import pytest
from pydantic import BaseModel

from boligdialog.model import choices, records as model
from boligdialog.model.choices import ClosedList

# Every model field whose value a page shows with a label, and the list it must come from.
LABELLED_FIELDS = {
    (model.Partner, "classification"): choices.CLASSIFICATIONS,
    (model.Membership, "status"): choices.MEMBERSHIP_STATUSES,
    (model.Meeting, "state"): choices.MEETING_STATES,
    (model.Decision, "status"): choices.DECISION_STATUSES,
    (model.Page, "minutes"): choices.MINUTES_STATUSES,
    (model.Response, "outcome"): choices.OUTCOMES,
}
# Closed lists that never reach a reader, so they need no labels.
UNLABELLED_FIELDS = {(model.Page, "hide")}


def literal_values(annotation: typing.Any) -> tuple[str, ...] | None:
    """The values of the ``Literal`` inside a field's type (through Optional, list, Annotated)."""
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    for arg in typing.get_args(annotation):
        if not isinstance(arg, (str, int)) and (found := literal_values(arg)) is not None:
            return found
    return None


def models() -> list[type[BaseModel]]:
    return [cls for cls in vars(model).values()
            if isinstance(cls, type) and issubclass(cls, model.Model) and cls is not model.Model]


def test_every_closed_field_of_the_model_takes_its_values_from_a_labelled_list():
    closed_fields = {(cls, name): values for cls in models() for name, field in cls.model_fields.items()
                     if (values := literal_values(field.annotation)) is not None}
    assert set(closed_fields) == set(LABELLED_FIELDS) | UNLABELLED_FIELDS, "a closed list without labels?"
    for key, values in closed_fields.items():
        if key in LABELLED_FIELDS:
            assert values == LABELLED_FIELDS[key].values, key


@pytest.mark.parametrize("closed", list(choices.LISTS.values()), ids=list(choices.LISTS))
def test_every_value_has_a_danish_and_an_english_label(closed):
    for value in closed.values:
        da, en = closed.label(value, "da"), closed.label(value, "en")
        assert da.strip() and en.strip(), value
        if closed.plural is not None:
            assert closed.label(value, "da", plural=True).strip() and closed.label(value, "en", plural=True).strip()


def test_open_decision_statuses_are_decision_statuses():
    assert choices.OPEN_DECISION_STATUSES < set(choices.DECISION_STATUSES.values)


@pytest.mark.parametrize(("labels", "plural", "message"), [
    ({"a": ("A", "A"), "b": ("", "B")}, None, "x: labels['b'] must be a Danish and an English text but is ('', 'B')"),
    ({"a": ("A", "A"), "b": ("B",)}, None, "x: labels['b'] must be a Danish and an English text but is ('B',)"),
    ({"a": ("A", "A"), "b": ("B", "B")}, {"a": ("As", "As")},
     "x: plural must label exactly the values ['a', 'b']; missing ['b'], unknown []"),
    ({"a": ("A", "A")}, {"a": ("As", "As"), "c": ("Cs", "Cs")},
     "x: plural must label exactly the values ['a']; missing [], unknown ['c']"),
])
def test_a_value_added_without_its_labels_is_refused(labels, plural, message):
    with pytest.raises(ValueError) as exc:
        ClosedList("x", labels, plural=plural)
    assert str(exc.value) == message


def test_the_model_accepts_exactly_the_listed_values():
    held = {"id": "m", "name": "M", "start": "2027-03", "state": "held"}
    assert model.Meeting.model_validate(held).state == "held"
    with pytest.raises(ValueError, match=r"expected one of \['planned', 'held', 'cancelled'\] but received 'done'"):
        model.Meeting.model_validate(held | {"state": "done"})
