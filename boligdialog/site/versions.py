"""The versions of the agreement over time: which one is in force, and what each one is, on
the build date.

A version's status is never written down; it follows from its dates, the next version's and
the build date, so "in consultation", "closed" and "superseded" turn true by themselves:

- ``in_force``: its day (``in_force``, else ``adopted``) has come, and no later version's has;
- ``superseded``: a later version is in force;
- ``adopted``: adopted, taking effect on a day still to come;
- ``consultation``: its consultation is open (``opens`` to ``closes``, both days included);
- ``consultation_closed``: its consultation has closed and it has not been adopted yet;
- ``draft``: anything else not adopted.

Pure: records and a date in, plain values out.
"""

from __future__ import annotations

import datetime as dt

from boligdialog.model.choices import AGREEMENT_STATUSES
from boligdialog.model.records import Agreement

STATUSES = AGREEMENT_STATUSES.values
"""What :func:`status` can say, each with its labels in :mod:`boligdialog.model.choices`."""


def _from(agreement: Agreement) -> dt.date | None:
    return agreement.effective.first_day() if agreement.effective else None


def in_force(agreements: list[Agreement], today: dt.date) -> Agreement | None:
    """The version in force on ``today``: of those whose day has come, the latest."""
    started = [a for a in agreements if (day := _from(a)) is not None and day <= today]
    return max(started, key=lambda a: _from(a) or dt.date.min, default=None)


def superseded_by(agreement: Agreement, agreements: list[Agreement], today: dt.date) -> Agreement | None:
    """The version that took over from ``agreement``, if one has by ``today``."""
    mine = _from(agreement)
    if mine is None or mine > today:
        return None
    later = [a for a in agreements if (day := _from(a)) is not None and mine < day <= today]
    return min(later, key=lambda a: _from(a) or dt.date.max, default=None)


def consultation_open(agreement: Agreement, today: dt.date) -> bool:
    c = agreement.consultation
    return c is not None and c.opens.first_day() <= today <= c.closes.last_day()


def status(agreement: Agreement, agreements: list[Agreement], today: dt.date) -> str:
    """One of :data:`STATUSES`, for ``agreement`` on ``today``."""
    day = _from(agreement)
    if day is not None and day <= today:
        return "superseded" if superseded_by(agreement, agreements, today) else "in_force"
    if agreement.adopted is not None and agreement.adopted.first_day() <= today:
        return "adopted"
    if consultation_open(agreement, today):
        return "consultation"
    if agreement.consultation is not None and agreement.consultation.closes.last_day() < today:
        return "consultation_closed"
    return "draft"


def previous(agreement: Agreement, agreements: list[Agreement]) -> Agreement | None:
    """The version before ``agreement`` in ``data/agreements.yaml`` (listed oldest first)."""
    i = agreements.index(agreement)
    return agreements[i - 1] if i > 0 else None


def open_consultations(agreements: list[Agreement], today: dt.date) -> list[Agreement]:
    """Versions whose consultation is open on ``today``, soonest deadline first."""
    found = [a for a in agreements if consultation_open(a, today)]
    return sorted(found, key=lambda a: a.consultation.closes.last_day() if a.consultation else dt.date.max)
