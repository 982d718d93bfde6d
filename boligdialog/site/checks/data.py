"""Checks of the data files against each other and the build date: partners and their
memberships, versions of the agreement and their consultations, meetings, decisions. (That each
id names a record that exists is checked for every field at once, from the model: see
:meth:`~boligdialog.site.checks.base.Base.references`.)"""

from __future__ import annotations

import datetime as dt
from typing import Any

from boligdialog.model.choices import state_word
from boligdialog.model.records import AGREEMENTS, DECISIONS, MEETINGS, PARTNERS, Meeting
from boligdialog.model.translate import one_of, tr
from boligdialog.model.yamlsource import Source
from boligdialog.site import routes
from boligdialog.site.checks.base import Base, Ids
from boligdialog.site.schedule import TZ, meeting_key


class DataChecks(Base):
    """The checks of ``data/``."""

    def partners(self) -> None:
        loaded = self.data[PARTNERS]
        versions = {a.id: a for a in self.data[AGREEMENTS].items}
        for i, p in enumerate(loaded.items):
            assert loaded.src is not None
            names = Ids(tr("representatives of {id}", id=p.id), [r.name for r in p.representatives])
            for j, m in enumerate(p.memberships):
                here = ("partners", i, "memberships", j)
                version = versions.get(m.agreement)
                if m.status == "signed" and version is not None and version.adopted is None:
                    self.fail(loaded.src, (*here, "agreement"), tr("expected a version that has been adopted "
                              "(signed) but received {id}, which is a draft", id=repr(m.agreement)))
                if m.signatory is not None:
                    self.ref(m.signatory, names, (*here, "signatory"), loaded.src)
                    if m.status != "signed":
                        self.fail(loaded.src, (*here, "signatory"), tr("expected a signatory only with status "
                                  "'signed' but received status {status}", status=repr(m.status)))
            if p.status_on(self.today) is None:
                first = p.history[0]
                self.fail(loaded.src, ("partners", i, "memberships"), tr(
                    "expected at least one membership dated on or before the build date {today} (until then the "
                    "partner has no status) but received the first on {date}", today=self.today, date=first.date))
            for j, r in enumerate(p.representatives):
                if r.start_date and r.end_date and r.end_date.last_day() < r.start_date.first_day():
                    self.fail(loaded.src, ("partners", i, "representatives", j, "end_date"),
                              tr("expected a date on or after start_date {start} but received {end}",
                                 start=r.start_date, end=r.end_date))

    def agreements(self) -> None:
        """Versions of the agreement: their text, their dates in order, at most one taking
        effect on a day, and consultations that open before they close and hear only the
        organisations they invited."""
        loaded = self.data[AGREEMENTS]
        src = loaded.src
        starts: dict[dt.date, str] = {}
        texts: dict[str, str] = {}
        latest: tuple[dt.date, str] | None = None
        for i, a in enumerate(loaded.items):
            assert src is not None
            here = ("agreements", i)
            folder = routes.AGREEMENT.removesuffix("index.md")
            if not a.text.startswith(folder) or a.text == routes.AGREEMENT:
                self.fail(src, (*here, "text"), tr("expected a text in content/{folder}, like {folder}2027.md, but "
                                                   "received {value}, which is another page of the site",
                                                   folder=folder, value=repr(a.text)))
            elif a.text not in self.pages:
                self.fail(src, (*here, "text"), tr("expected an existing file content/{path} but received {value}",
                                                   path=a.text, value=repr(a.text)))
            if a.text in texts:
                self.fail(src, (*here, "text"), tr("expected a text file of its own but received {value}, which "
                                                   "is already the text of {other}", value=repr(a.text),
                                                   other=repr(texts[a.text])))
            texts.setdefault(a.text, a.id)
            if a.effective is not None:  # oldest first: the previous version is the one compared with
                day = a.effective.first_day()
                if latest is not None and day < latest[0]:
                    self.fail(src, (*here, "in_force" if a.in_force else "adopted"), tr(
                        "expected the versions oldest first, so a day on or after {day} (when {other} takes "
                        "effect) but received {value}; move this version up", day=latest[0],
                        other=repr(latest[1]), value=a.effective))
                else:
                    latest = (day, a.id)
            self.not_ahead(a.adopted, (*here, "adopted"), src, tr("the day it was adopted"))
            if a.in_force is not None and a.adopted is None:
                self.fail(src, (*here, "in_force"), tr("expected in_force only on a version that has been adopted "
                                                       "(adopted: …) but received it on a draft"))
            elif a.in_force is not None and a.adopted is not None and a.in_force.last_day() < a.adopted.first_day():
                self.fail(src, (*here, "in_force"), tr("expected a date on or after adopted {adopted} but received "
                                                       "{value}", adopted=a.adopted, value=a.in_force))
            if a.effective is not None:
                day = a.effective.first_day()
                if day in starts:
                    self.fail(src, (*here, "in_force" if a.in_force else "adopted"), tr(
                        "expected one version to take effect on a day but received {value} again, the day {other} "
                        "takes effect: two versions would be in force at once", value=a.effective,
                        other=repr(starts[day])))
                starts.setdefault(day, a.id)
            self.consultation(a, here, src)

    def consultation(self, a: Any, here: tuple[Any, ...], src: Source) -> None:
        """A version's consultation: it opens before it closes, says how to respond, names who is
        invited, and hears only them, after it opened, with files that exist."""
        c = a.consultation
        if c is None:
            for key in ("consulted", "responses"):
                if getattr(a, key):
                    self.fail(src, (*here, key), tr("expected {key} only with a consultation (consultation: opens, "
                                                    "closes) but received it without one", key=key))
            return
        if c.closes.last_day() < c.opens.first_day():
            self.fail(src, (*here, "consultation", "closes"), tr("expected a date on or after opens {opens} but "
                                                                 "received {value}", opens=c.opens, value=c.closes))
        if c.email is None and c.address is None:
            self.fail(src, (*here, "consultation"), tr("expected how to respond (email: or address:) but received "
                                                       "neither"))
        if not a.consulted:
            self.fail(src, (*here, "consulted"), tr("expected the organisations invited to respond (partner ids) "
                                                    "but received none"))
        known, partners = set(self.files), self.known[PARTNERS.key]
        for j, r in enumerate(a.responses):
            at = (*here, "responses", j)
            if partners is not None and r.partner in partners.known and r.partner not in a.consulted:
                self.fail(src, (*at, "partner"), tr("expected one of {allowed} (the organisations invited to "
                                                    "respond) but received {value}", allowed=one_of(a.consulted),
                                                    value=repr(r.partner)))
            self.not_ahead(r.date, (*at, "date"), src, tr("the day it was received"))
            if r.date.last_day() < c.opens.first_day():
                self.fail(src, (*at, "date"), tr("expected a date on or after the consultation opened ({opens}) "
                                                 "but received {value}", opens=c.opens, value=r.date))
            if r.file is not None and r.file not in known:
                self.fail(src, (*at, "file"), tr("expected an existing file under content/ but received {path}",
                                                 path=repr(r.file)))
            elif r.file is not None and r.file.endswith(".md"):
                self.fail(src, (*at, "file"), tr("expected the response itself, a file such as a PDF, but received "
                                                 "{path}, which is a page of the site; link the response's file",
                                                 path=repr(r.file)))
            if r.section is not None:
                self.section(a, r.section, (*at, "section"), src)

    def section(self, a: Any, section: Any, at: tuple[Any, ...], src: Source) -> None:
        """A response's ``section`` is a heading of the version's text, in each language given."""
        for lang, prefix in (("da", ""), ("en", routes.EN)):
            wanted = section.da if lang == "da" else section.en
            page = self.pages.get(prefix + a.text)
            if wanted is None or page is None:
                continue
            if wanted not in page.headings:
                where = (*at, lang) if section.en is not None else at
                self.fail(src, where, tr("expected a heading of content/{path} (the section the response had "
                                         "changed): {allowed}, but received {value}", path=prefix + a.text,
                                         allowed=one_of(page.headings), value=repr(wanted)))

    def meetings(self) -> None:
        loaded = self.data[MEETINGS]
        for i, m in enumerate(loaded.items):
            src = loaded.src
            assert src is not None
            here = ("meetings", i)
            if routes.is_year(m.id):
                self.fail(src, (*here, "id"), tr(
                    "expected an id that is not a year, as /{url} lists the meetings of year {id}, but received "
                    "{value}; name the meeting, like '{slug}-{id}-1'", id=m.id, slug=routes.forum_slug(),
                    value=repr(m.id),
                    url=routes.url_of(routes.meetings_year(int(m.id), "da"))))
            if m.end is not None and m.start.time is not None and m.end <= m.start.time:
                self.fail(src, (*here, "end"),
                          tr("expected a time after the start {start} but received {end}",
                             start=f"{m.start.time:%H:%M}", end=f"'{m.end:%H:%M}'"))
            if m.end is not None and m.start.time is None:
                self.fail(src, (*here, "end"),
                          tr("expected an end time only when start has a time but received {end}",
                             end=f"'{m.end:%H:%M}'"))
            self.meeting_on_the_day(m, src, here)
            self.clock_exists(m, src, here)

    def clock_exists(self, m: Meeting, src: Source, here: tuple[Any, ...]) -> None:
        """A meeting's times must exist on their day: not in the hour the clocks skip in spring
        (02:00-03:00 on the last Sunday of March, a mistake); a time in the hour they repeat in
        autumn is ambiguous (a notice: the calendars take its first, summer-time occurrence)."""
        day = m.start.date.as_date()
        if day is None:
            return
        for key, clock in (("start", m.start.time), ("end", m.end)):
            if clock is None:
                continue
            local = dt.datetime.combine(day, clock, tzinfo=TZ)
            there = local.astimezone(dt.timezone.utc).astimezone(TZ)
            at = f"{clock:%H:%M}"
            if there.replace(tzinfo=None) != local.replace(tzinfo=None):
                self.fail(src, (*here, key), tr(
                    "expected a time that exists on {day} but received {time}: that night the clocks go forward "
                    "from 02:00 to 03:00, so {time} never comes; write the time the meeting really starts, such "
                    "as 03:30", day=day, time=repr(at)))
            elif local.utcoffset() != local.replace(fold=1).utcoffset():
                self.notices.append(src.error((*here, key), tr(
                    "{time} on {day} is ambiguous: that night the clocks go back from 03:00 to 02:00, so {time} "
                    "comes twice; the calendars take the first, in summer time. Choose a time outside 02:00-03:00 "
                    "if the second is meant", day=day, time=repr(at))).render())

    def meeting_on_the_day(self, m: Meeting, src: Source, here: tuple[Any, ...]) -> None:
        """What a meeting's record says has happened must have happened by the build date."""
        first_day = m.start.date.first_day()
        if m.state == "held" and first_day > self.today:
            self.fail(src, (*here, "state"), tr("expected 'planned' until the meeting has taken place (its day "
                                                "{day} is after the build date {today}) but received 'held'",
                                                day=m.start.date, today=self.today))
        if m.state != "held":
            outcomes = [(key,) for key in ("attended", "participants") if getattr(m, key)]
            outcomes += [("agenda", j, "result") for j, item in enumerate(m.agenda) if item.result]
            for path in outcomes:
                self.fail(src, (*here, *path), tr("expected no {key} before the meeting is held but received it "
                                                  "on a meeting that is {state}", key=path[-1], state=state_word(m.state, "state")))
        if m.state == "planned" and m.start.date.last_day() < self.today:
            self.notices.append(src.error((*here, "state"), tr(
                "the meeting's day {day} has passed but it is still 'planned': set state to 'held' (and add who "
                "attended and the report) or 'cancelled'. Until then its page says the report is to follow.",
                day=m.start.date)).render())

    def decisions(self) -> None:
        loaded = self.data[DECISIONS]
        for i, d in enumerate(loaded.items):
            src = loaded.src
            assert src is not None
            here = ("decisions", i)
            self.held(d.meeting, (*here, "meeting"), src, tr("a decision is taken at a meeting"))
            if d.reported_at is not None:
                self.held(d.reported_at, (*here, "reported_at"), src, tr("a status is reported at a meeting"))
            taken, reported = self.meeting(d.meeting), self.meeting(d.reported_at)
            if taken and reported and meeting_key(reported) < meeting_key(taken):
                self.fail(src, (*here, "reported_at"), tr("expected a meeting on or after {taken}, where the "
                                                          "decision was taken, but received {reported}",
                                                          taken=repr(taken.id), reported=repr(reported.id)))
