"""Who was in the partnership, over time: the geometry and words of a timeline picture.

Pure: :func:`timeline` turns the partners' membership changes into everything the template
``timeline.html`` draws as an inline SVG (one row a partner, a stretch of the row per status,
a mark at each change, the years below, a line at the build date) and writes as its text
equivalent (a table of every change). Given one partner, it makes that partner's part.

A date known only to the month or year is placed at its first day and written as known
("august 2017"). A change dated after the build date has not happened: its stretch is drawn
dashed and its row in the table says it is announced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from boligdialog.model.choices import label
from boligdialog.site.i18n import format_partial, strings
from boligdialog.model.records import Agreement, Membership, Partner
from boligdialog.model.values import Lang, Text

WIDTH = 720
"""Width of the picture in SVG units; it scales to the page (the template's ``viewBox``)."""
MARGIN = 16
TOP = 24
"""Room above the rows for the label of today's line."""
ROW_HEIGHT = 50
NAME_BASELINE = 16
"""Where a partner's name sits in its row (the bar is below it, the full width free for time)."""
BAR_TOP = 24
BAR_HEIGHT = 20
LINE_HEIGHT = 4
"""A partner that has left is a thin line, not a bar."""
LABEL_INSET = 10
"""A stretch's words start this far after its change, clear of the change's dot."""
CHAR_WIDTH = 7.5
"""A generous average width of a character at the labels' size (13 units), to decide
whether a word fits into its stretch."""
YEAR_LABEL_WIDTH = 44
"""Room a year's label needs; with many years only every 2nd, 5th, … year is labelled."""


@dataclass(frozen=True)
class Segment:
    """A stretch of a partner's row in one status, from one change to the next."""

    status: str
    """``invited``, ``signed`` or ``left``."""
    scheduled: bool
    """True when the change that starts it has not happened by the build date (drawn dashed)."""
    x: float
    y: float
    width: float
    height: float
    label: str
    """The status in words, written on the stretch; empty where it does not fit."""
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Marker:
    """The mark at a change: a dot, hollow for a change that has not happened yet."""

    x: float
    y: float
    scheduled: bool
    text: str
    """What the change was, for the tooltip: "Har underskrevet, august 2017"."""


@dataclass(frozen=True)
class Row:
    """One partner's row of the picture."""

    partner_id: str
    name: str
    """The partner's name in the page's language (Danish where there is no English)."""
    name_y: float
    segments: tuple[Segment, ...]
    markers: tuple[Marker, ...]


@dataclass(frozen=True)
class Tick:
    """A year on the time axis: a line at its start, its number in its middle (empty for
    years left unlabelled, and for the end of the axis)."""

    x: float
    label: str
    label_x: float


@dataclass(frozen=True)
class Change:
    """A row of the text equivalent: one membership change of one partner."""

    partner: Partner
    membership: Membership
    status: str
    """The status in words; for a change not yet happened, as announced ("underskriver", to sign)."""
    date: str
    """The date in words, as precise as it is known."""
    agreement: Text | None
    """The title of the agreement version the change concerns (``None`` for an unknown id)."""
    scheduled: bool


@dataclass(frozen=True)
class Timeline:
    """Everything ``timeline.html`` needs to draw the picture and write its table."""

    key: str
    """Prefix of the element ids: ``bd-timeline``, or ``bd-timeline-<partner id>`` for one partner."""
    title: str
    description: str
    width: int
    height: int
    rows: tuple[Row, ...]
    ticks: tuple[Tick, ...]
    axis_y: float
    today_x: float
    today_anchor: str
    """``start``, ``middle`` or ``end``: how today's label stands at its line without leaving the picture."""
    changes: tuple[Change, ...]

    @property
    def single(self) -> bool:
        """True for one partner's part (its own page)."""
        return len(self.rows) == 1


def timeline(partners: list[Partner], agreements: list[Agreement], today: dt.date, lang: Lang) -> Timeline:
    """The timeline of ``partners`` (in the order given) as of the build date ``today``."""
    s = strings(lang)
    titles = {a.id: a.title for a in agreements}
    days = [m.date.first_day() for p in partners for m in p.memberships] + [today]
    start = dt.date(min(days).year, 1, 1)
    end = dt.date(max(days).year + 1, 1, 1)
    left, right = MARGIN, WIDTH - MARGIN

    def x_of(day: dt.date) -> float:
        return round(left + (day - start).days / (end - start).days * (right - left), 1)

    rows = tuple(_row(p, TOP + n * ROW_HEIGHT, x_of, right, today, lang) for n, p in enumerate(partners))
    axis_y = TOP + len(partners) * ROW_HEIGHT + 4
    today_x = x_of(today)
    changes = tuple(
        Change(p, m, _status_label(m, today, lang), format_partial(m.date, lang),
               titles.get(m.agreement), m.is_scheduled(today))
        for p in partners for m in p.history
    )
    span = {"start": str(start.year), "end": str(end.year - 1)}
    if len(partners) == 1:
        name = partners[0].name.get(lang).text
        key, title = f"bd-timeline-{partners[0].id}", s["timeline_title_one"].format(name=name)
        description = s["timeline_desc_one"].format(name=name, **span)
    else:
        key, title, description = "bd-timeline", s["timeline_title"], s["timeline_desc"].format(**span)
    return Timeline(
        key=key, title=title, description=description, width=WIDTH, height=int(axis_y + 26),
        rows=rows, ticks=_ticks(start, end, x_of, right - left), axis_y=axis_y, today_x=today_x,
        today_anchor="start" if today_x < left + 30 else "end" if today_x > right - 30 else "middle",
        changes=changes,
    )


def _status_label(m: Membership, today: dt.date, lang: Lang) -> str:
    """"Har underskrevet"; for a change not yet happened "underskriver" (to sign)."""
    return label("membership_scheduled" if m.is_scheduled(today) else "membership", m.status, lang)


def _status_words(m: Membership, today: dt.date, lang: Lang) -> str:
    """The status as the picture writes it: "Har underskrevet", "Varslet: underskriver"."""
    if m.is_scheduled(today):
        return f"{strings(lang)['scheduled']}: {_status_label(m, today, lang)}"
    return _status_label(m, today, lang)


def _row(partner: Partner, top: float, x_of: Callable[[dt.date], float], right: float, today: dt.date,
         lang: Lang) -> Row:
    """A partner's row: a stretch from each change to the next (the last to the end of the axis)."""
    history = partner.history
    starts = [x_of(m.date.first_day()) for m in history]
    ends = starts[1:] + [right]
    bar = top + BAR_TOP
    segments = []
    for m, x, x_end in zip(history, starts, ends):
        thin = m.status == "left"
        words = _status_words(m, today, lang)
        width = round(x_end - x, 1)
        fits = LABEL_INSET + len(words) * CHAR_WIDTH + 4 <= width
        segments.append(Segment(
            status=m.status, scheduled=m.is_scheduled(today), x=x,
            y=bar + BAR_HEIGHT - LINE_HEIGHT if thin else bar, width=width,
            height=LINE_HEIGHT if thin else BAR_HEIGHT,
            label=words if fits else "", label_x=x + LABEL_INSET, label_y=bar + (11 if thin else 14),
        ))
    markers = tuple(
        Marker(x, bar + BAR_HEIGHT / 2, m.is_scheduled(today),
               f"{_status_words(m, today, lang)}, {format_partial(m.date, lang)}")
        for m, x in zip(history, starts)
    )
    name = partner.name.get(lang).text
    room = int((right - MARGIN) / 8)
    return Row(partner.id, name if len(name) <= room else name[:room - 1] + "…", top + NAME_BASELINE,
               tuple(segments), markers)


def _ticks(start: dt.date, end: dt.date, x_of: Callable[[dt.date], float], plot_width: float) -> tuple[Tick, ...]:
    """A tick at each new year; labels on every year, or every 2nd, 5th, 10th … when crowded."""
    years = range(start.year, end.year)
    step = next(n for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
                if len(years) / n * YEAR_LABEL_WIDTH <= plot_width)
    return tuple(Tick(x_of(dt.date(y, 1, 1)), str(y) if y % step == 0 and y < end.year else "",
                      x_of(dt.date(y, 7, 1)))
                 for y in range(start.year, end.year + 1))
