"""Reminders: what the editors should record or add, told as notices (the build log, and the
pull request's annotations through ``boligdialog check``), never a stop.

- a consultation shorter than four weeks (Danish practice gives at least four);
- a response without the partnership's answer once the version is adopted (the memo lacks it);
- a held meeting without a report four weeks after its day;
- a planned meeting still to come without an address (search engines' event results need one);
- no meeting announced although the last one (not cancelled) was more than six months ago (the forum's
  promised rhythm, twice a year, is broken).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from boligdialog.model.records import AGREEMENTS, MEETINGS
from boligdialog.model.translate import tr
from boligdialog.model.yamlsource import Source
from boligdialog.site.checks.base import Base
from boligdialog.site.schedule import is_upcoming

SHORTEST_CONSULTATION = dt.timedelta(weeks=4)
REPORT_WITHIN = dt.timedelta(weeks=4)
RHYTHM = dt.timedelta(days=183)
"""Six months: twice a year, the forum's promised rhythm."""


class ReminderChecks(Base):
    def reminders(self) -> None:
        self._consultation_reminders()
        self._meeting_reminders()

    def _notice(self, src: Source, path: tuple[Any, ...], message: str) -> None:
        self.notices.append(src.error(path, message).render())

    def _consultation_reminders(self) -> None:
        loaded = self.data[AGREEMENTS]
        if loaded.src is None:
            return
        for i, a in enumerate(loaded.items):
            c, here = a.consultation, ("agreements", i)
            if c is None:
                continue
            days = (c.closes.last_day() - c.opens.first_day()).days + 1
            if 0 < days < SHORTEST_CONSULTATION.days:
                self._notice(loaded.src, (*here, "consultation", "closes"), tr(
                    "the consultation runs {days} days, from {opens} to {closes}: a consultation usually gives at "
                    "least four weeks to respond", days=days, opens=c.opens, closes=c.closes))
            if a.adopted is None or a.adopted.first_day() > self.today:
                continue
            for j, r in enumerate(a.responses):
                if r.answer is None or r.outcome is None:
                    self._notice(loaded.src, (*here, "responses", j), tr(
                        "the version is adopted, but the response from {partner} has no answer: and outcome: yet; "
                        "the consultation memo shows it as unanswered", partner=repr(r.partner)))

    def _meeting_reminders(self) -> None:
        loaded = self.data[MEETINGS]
        if loaded.src is None or not loaded.items:
            return
        src = loaded.src
        for i, m in enumerate(loaded.items):
            day = m.start.date.last_day()
            if m.state == "held" and m.id not in self.reports and day + REPORT_WITHIN < self.today:
                self._notice(src, ("meetings", i, "state"), tr(
                    "the meeting was held on {day}, more than four weeks ago, and has no report yet: add it under "
                    "content/ (boligdialog ny referat)", day=m.start.date))
            if m.state == "planned" and is_upcoming(m, self.today) and m.address is None:
                self._notice(src, ("meetings", i), tr(
                    "the planned meeting has no address (address:) yet: add the place's postal address, so that calendars, "
                    "maps and search engines can show where it is"))
        taken_place = [m.start.date.last_day() for m in loaded.items
                       if m.state != "cancelled" and not is_upcoming(m, self.today)]
        if taken_place and not any(is_upcoming(m, self.today) and m.state == "planned" for m in loaded.items):
            last = max(taken_place)
            if last + RHYTHM < self.today:
                self._notice(src, ("meetings",), tr(
                    "no meeting is announced, and the last one was on {day}, more than six months ago: add the "
                    "next meeting", day=last.isoformat()))
