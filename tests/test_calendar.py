"""The iCalendar output, read back by three parsers: icalendar, vobject (PyPI) and ical.js
(npm, Thunderbird's parser, run by node with tests/ics_instants.mjs).

The end-to-end tests build a copy of the project with meetings in winter and summer, on both
days the clocks change, and in 2045, and read every ``.ics`` of the build: each parser must
place each meeting at the same UTC instant. Under ``CI=true`` a missing node or ical.js fails
the tests that need it; elsewhere they skip (``make tools`` installs ical.js).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import vobject
import yaml
from icalendar import Calendar

from boligdialog.outputs import calendar
from boligdialog.outputs.calendar import TZID, calendar_file, event_uid, in_calendar, meeting_event
from boligdialog.model.records import Meeting
from boligdialog.site.schedule import REBUILD_EVERY, TZ
from browser import TOOLS, require
from conftest import ROOT, build, copy_project

SITE = "https://boligdialog.example.org/"
UTC = dt.timezone.utc
STAMP = dt.datetime(2027, 1, 2, 3, 4, 5, tzinfo=UTC)
ICAL_JS = TOOLS / "ical.js" / "dist" / "ical.js"
ICAL_JS_READER = Path(__file__).with_name("ics_instants.mjs")


def meeting(**fields) -> Meeting:
    base = {"id": "vf-1", "name": {"da": "1. Visionsforum", "en": "1st Visionsforum"},
            "start": "2027-03-18 17:00", "state": "planned"}
    return Meeting.model_validate(base | fields)


def ics_of(meetings, lang="da") -> bytes:
    """A calendar of ``meetings`` made as the build makes it (outputs.calendars)."""
    events = [meeting_event(m, lang, f"{SITE}moeder/{m.id}/", SITE, STAMP, ["Midtby"]) for m in meetings if in_calendar(m)]
    return calendar_file(events, name="Visionsforum")


def build_cal(meetings, lang="da"):
    return Calendar.from_ical(ics_of(meetings, lang))


def events(cal):
    return list(cal.walk("VEVENT"))


# --- the three readers: each returns {uid: (start, end)}, a timed value as its UTC instant ----

def when(value: dt.date | None) -> str | None:
    """``2027-05-20T15:00:00Z`` for a time (which must not be floating), ``2027-09-09`` for a day."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    assert value.tzinfo is not None, f"floating time {value}"
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_icalendar(data: bytes) -> tuple[list[str], dict]:
    cal = Calendar.from_ical(data)
    return ([c.name for c in cal.subcomponents],
            {str(e["uid"]): (when(e.decoded("dtstart")), when(e.decoded("dtend")) if "dtend" in e else None)
             for e in cal.walk("VEVENT")})


def vobject_calendar(data: bytes):
    # vobject keeps the first definition of a TZID it has seen, across files: forget it, so that
    # each file is read with its own VTIMEZONE
    vobject.icalendar.registerTzid(TZID, None)
    return vobject.readOne(data.decode("utf-8"))


def read_vobject(data: bytes) -> tuple[list[str], dict]:
    cal = vobject_calendar(data)
    return ([c.name for c in cal.components()],
            {e.uid.value: (when(e.dtstart.value), when(e.dtend.value) if hasattr(e, "dtend") else None)
             for e in cal.contents.get("vevent", [])})


def read_icaljs(paths: list[Path]) -> dict[Path, tuple[list[str], dict]]:
    node = shutil.which("node")
    require(node is not None and ICAL_JS.is_file(), "node or ical.js",
            "install Debian's nodejs and npm, and run `make tools` (ical.js into .tools/)")
    result = subprocess.run([node, str(ICAL_JS_READER), str(ICAL_JS), *map(str, paths)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    return {p: (out[str(p)]["components"], {e["uid"]: (e["start"], e["end"]) for e in out[str(p)]["events"]})
            for p in paths}


def read_texts(parser: str, path: Path) -> dict[str, tuple[str, str, str, str]]:
    """``{uid: (summary, status, url, description)}`` as ``parser`` reads the file."""
    if parser == "ical.js":
        node = shutil.which("node")
        require(node is not None and ICAL_JS.is_file(), "node or ical.js",
                "install Debian's nodejs and npm, and run `make tools` (ical.js into .tools/)")
        result = subprocess.run([node, str(ICAL_JS_READER), str(ICAL_JS), str(path)],
                                capture_output=True, text=True, check=True)
        return {e["uid"]: (e["summary"], e["status"], e["url"], e["description"])
                for e in json.loads(result.stdout)[str(path)]["events"]}
    if parser == "vobject":
        return {e.uid.value: (e.summary.value, e.status.value, e.url.value, e.description.value)
                for e in vobject_calendar(path.read_bytes()).contents.get("vevent", [])}
    return {str(e["uid"]): (str(e["summary"]), str(e["status"]), str(e["url"]), str(e["description"]))
            for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def strings_of(lang: str) -> dict[str, str]:
    """The package's words, read from the file (not through the generator)."""
    return yaml.safe_load((ROOT / "boligdialog/site/words" / f"{lang}.yaml").read_text(encoding="utf-8"))


def read_files(parser: str, paths: list[Path]) -> dict[Path, tuple[list[str], dict]]:
    """``{path: (top-level components, {uid: (start, end)})}`` as ``parser`` reads the files."""
    if parser == "ical.js":
        return read_icaljs(paths)
    read = {"icalendar": read_icalendar, "vobject": read_vobject}[parser]
    return {path: read(path.read_bytes()) for path in paths}


# --- events ---------------------------------------------------------------------------------

def test_timed_event_with_timezone_and_link_back():
    cal = build_cal([meeting(end="19:30", location={"da": "Rådhuset", "en": "Town Hall"})], lang="en")
    [ev] = events(cal)
    assert str(ev["uid"]) == "vf-1@boligdialog.example.org"
    assert ev.decoded("dtstart") == dt.datetime(2027, 3, 18, 17, 0, tzinfo=TZ)
    assert ev["dtstart"].params["TZID"] == "Europe/Copenhagen"
    assert ev.decoded("dtend") == dt.datetime(2027, 3, 18, 19, 30, tzinfo=TZ)
    assert ev.decoded("dtstamp") == STAMP
    assert str(ev["summary"]) == "1st Visionsforum"
    assert str(ev["location"]) == "Town Hall"
    assert str(ev["url"]) == f"{SITE}moeder/vf-1/"
    assert f"{SITE}moeder/vf-1/" in str(ev["description"])
    assert "Themes: Midtby" in str(ev["description"])
    assert "end time" not in str(ev["description"])
    assert str(ev["status"]) == "CONFIRMED"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]


def test_day_without_time_is_all_day_and_cancelled_is_marked():
    [ev] = events(build_cal([meeting(start="2027-09-09", state="cancelled")]))
    assert ev.decoded("dtstart") == dt.date(2027, 9, 9)
    assert ev.decoded("dtend") == dt.date(2027, 9, 10)
    assert str(ev["status"]) == "CANCELLED"


@pytest.mark.parametrize(("lang", "state", "summary", "first_line"), [
    ("da", "cancelled", "Aflyst: 1. Visionsforum", "Mødet er aflyst. Det bliver ikke holdt."),
    ("en", "cancelled", "Cancelled: 1st Visionsforum", "The meeting has been cancelled. It will not take place."),
    ("da", "planned", "1. Visionsforum", "Temaer: Midtby"),
    ("en", "held", "1st Visionsforum", "Themes: Midtby"),
])
def test_a_cancelled_meeting_says_so_in_its_title_and_description(lang, state, summary, first_line):
    """Apps that ignore STATUS (subscribed calendars in Google Calendar, many phones) show the
    title and the description: a cancelled meeting must say so there."""
    [ev] = events(build_cal([meeting(end="19:00", state=state)], lang))
    description = str(ev["description"]).split("\n")
    assert (str(ev["summary"]), description[0]) == (summary, first_line)
    assert description[-1] == str(ev["url"]) == f"{SITE}moeder/vf-1/"


@pytest.mark.parametrize(("lang", "sentence"), [
    ("da", "Sluttidspunktet er ikke meldt ud, så kalenderen viser kun, hvornår mødet begynder."),
    ("en", "The end time has not been announced, so the calendar shows only when the meeting starts."),
])
def test_timed_meeting_without_end_has_no_invented_end_and_says_so(lang, sentence):
    [ev] = events(build_cal([meeting()], lang=lang))
    assert "dtend" not in ev and "duration" not in ev
    assert str(ev["description"]).splitlines()[0] == sentence


def test_month_only_is_left_out():
    m = meeting(start="2017-08")
    assert not in_calendar(m)
    assert events(build_cal([m])) == []


def test_uid_is_the_meeting_id_at_the_site_host_in_the_calendar_file():
    first = events(build_cal([meeting()]))[0]
    edited = events(build_cal([meeting(start="2030-01-01", name="x", state="cancelled", location="Et andet sted")]))[0]
    other = events(build_cal([meeting(id="vf-2")]))[0]
    assert str(first["uid"]) == str(edited["uid"]) == "vf-1@boligdialog.example.org"
    assert str(other["uid"]) == "vf-2@boligdialog.example.org"
    assert event_uid(meeting(), "https://andet.example/") == "vf-1@andet.example"


def test_calendar_without_events_still_holds_a_component():
    data = calendar_file([], name="Visionsforum – Boligsocialt arbejde")
    cal = vobject_calendar(data)
    assert [c.name for c in cal.components()] == ["VTIMEZONE"]
    assert cal.vtimezone.tzid.value == "Europe/Copenhagen"


# --- the time zone ----------------------------------------------------------------------------

def test_zone_is_a_yearly_rule_not_a_list_of_dates():
    [zone] = vobject_calendar(calendar_file([], name="x")).vtimezone_list
    observances = {c.name: c for c in zone.components()}
    assert set(observances) == {"DAYLIGHT", "STANDARD"}
    assert observances["DAYLIGHT"].rrule.value == "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"
    assert observances["STANDARD"].rrule.value == "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"
    assert not any(hasattr(c, "rdate") for c in observances.values())


def test_zone_agrees_with_the_tz_database_in_any_year():
    """vobject's reading of the VTIMEZONE against Python's zoneinfo, a second either side of
    01:00 UTC on every Sunday of March and October (when EU clocks change), 1996 to 2400."""
    zone = vobject_calendar(calendar_file([], name="x")).vtimezone.gettzinfo()
    checked = 0
    for year in range(1996, 2401):
        for month in (3, 10):
            day = dt.date(year, month, 1)
            for sunday in (day + dt.timedelta(days=d) for d in range(31) if (day + dt.timedelta(days=d)).month == month):
                if sunday.weekday() != 6:
                    continue
                change = dt.datetime.combine(sunday, dt.time(1), tzinfo=UTC)
                for instant in (change - dt.timedelta(seconds=1), change):
                    assert instant.astimezone(zone).utcoffset() == instant.astimezone(TZ).utcoffset(), instant
                    checked += 1
    assert checked > 3000


@pytest.mark.parametrize("parser", ["vobject", "ical.js"])
def test_parsers_read_the_zone_written_in_the_file(parser, tmp_path):
    """Guards the end-to-end test: vobject and ical.js must use the file's VTIMEZONE, not a
    zone of their own, or a wrong VTIMEZONE would pass. A summer offset of +03:00 moves them."""
    path = tmp_path / "wrong-zone.ics"
    path.write_bytes(ics_of([meeting(start="2027-05-20 17:00")]).replace(b"TZOFFSETTO:+0200", b"TZOFFSETTO:+0300"))
    _, found = read_files(parser, [path])[path]
    assert found == {"vf-1@boligdialog.example.org": ("2027-05-20T14:00:00Z", None)}


@pytest.mark.parametrize(("start", "instant"), [
    ("1990-06-01 17:00", "1990-06-01T15:00:00Z"),  # before the present rule (1996)
    ("2027-03-28 02:30", "2027-03-28T01:30:00Z"),  # skipped by the spring change: the offset before it
    ("2027-10-31 02:30", "2027-10-31T00:30:00Z"),  # happens twice on the autumn day: the first
])
def test_times_the_zone_does_not_settle_are_written_in_utc(start, instant):
    ics = ics_of([meeting(start=start)])
    [ev] = events(Calendar.from_ical(ics))
    assert "TZID" not in ev["dtstart"].params
    assert ev["dtstart"].to_ical().decode().endswith("Z")
    assert read_vobject(ics)[1]["vf-1@boligdialog.example.org"][0] == instant


@pytest.mark.parametrize("start", ["1900-01-01 00:30", "2999-12-31 23:30"])  # the years values.YEARS allows
def test_earliest_and_latest_times_still_make_an_event(start):
    [ev] = events(build_cal([meeting(start=start)]))
    assert ev.decoded("dtstart") == dt.datetime.fromisoformat(start).replace(tzinfo=TZ)


# --- a real build, every .ics read by three parsers --------------------------------------------

EPOCH = int(dt.datetime(2027, 1, 1, 12, tzinfo=UTC).timestamp())
MEETINGS = """
  - id: cal-winter
    name: {da: Vintermøde, en: Winter meeting}
    start: 2027-01-14 17:00
    end: "19:30"
    state: planned
    themes: [midtby]
  - id: cal-spring-change
    name: {da: Møde den dag sommertiden begynder, en: Meeting on the day summer time begins}
    start: 2027-03-28 17:00
    end: "19:00"
    state: planned
    themes: [midtby]
  - id: cal-summer
    name: {da: Sommermøde, en: Summer meeting}
    start: 2027-05-20 17:00
    state: planned
    themes: [midtby, borgerdialog]
  - id: cal-all-day
    name: {da: Temadag, en: Theme day}
    start: 2027-09-09
    state: planned
    themes: [borgerdialog]
  - id: cal-autumn-night
    name: {da: Nattemøde, en: Night meeting}
    start: 2027-10-31 02:30
    end: "03:30"
    state: planned
  - id: cal-autumn-change
    name: {da: Møde den dag sommertiden slutter, en: Meeting on the day summer time ends}
    start: 2027-10-31 17:00
    end: "19:30"
    state: planned
    themes: [midtby]
  - id: cal-2045-summer
    name: {da: Sommermøde 2045, en: Summer meeting 2045}
    start: 2045-06-15 17:00
    end: "19:00"
    state: planned
    themes: [midtby]
  - id: cal-cancelled
    name: {da: Aflyst sommermøde, en: Cancelled summer meeting}
    start: 2027-06-10 17:00
    end: "19:00"
    state: cancelled
  - id: cal-2045-winter
    name: {da: Vintermøde 2045, en: Winter meeting 2045}
    start: 2045-12-07 17:00
    state: planned
    themes: [midtby]
"""
# Copenhagen is UTC+1 in winter and UTC+2 in summer, from 01:00 UTC on the last Sunday of March
# to 01:00 UTC on the last Sunday of October (28 March and 31 October in 2027).
EXPECTED = {
    "cal-winter": ("2027-01-14T16:00:00Z", "2027-01-14T18:30:00Z"),
    "cal-spring-change": ("2027-03-28T15:00:00Z", "2027-03-28T17:00:00Z"),
    "cal-summer": ("2027-05-20T15:00:00Z", None),
    "cal-all-day": ("2027-09-09", "2027-09-10"),
    "cal-autumn-night": ("2027-10-31T00:30:00Z", "2027-10-31T02:30:00Z"),  # the first 02:30; 03:30 winter time
    "cal-autumn-change": ("2027-10-31T16:00:00Z", "2027-10-31T18:30:00Z"),
    "cal-2045-summer": ("2045-06-15T15:00:00Z", "2045-06-15T17:00:00Z"),
    "cal-2045-winter": ("2045-12-07T16:00:00Z", None),
    "cal-cancelled": ("2027-06-10T15:00:00Z", "2027-06-10T17:00:00Z"),
}
THEMES = yaml.safe_load((ROOT / "data/themes.yaml").read_text(encoding="utf-8"))["themes"]


@pytest.fixture(scope="module")
def calendar_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("calendar") / "project")
    with (project / "data/meetings.yaml").open("a", encoding="utf-8") as f:
        f.write(MEETINGS)
    result = build(project, epoch=EPOCH)
    assert result.returncode == 0, result.stderr
    return project / "site"


SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
SITE_NAME = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["site_name"]
"""The site's name in each language, as mkdocs.yml sets it."""


def calendar_files(site: Path) -> dict[Path, tuple[str, str]]:
    """Every calendar the build should write: ``{path: (language, expected name)}``."""
    out = {}
    for lang, prefix in (("da", ""), ("en", "en/")):
        out[site / prefix / "moeder/visionsforum.ics"] = (lang, f"Visionsforum – {SITE_NAME[lang]}")
        for theme in THEMES:
            out[site / prefix / f"temaer/{theme['id']}.ics"] = (lang, f"Visionsforum – {theme['title'][lang]}")
        for meeting in yaml.safe_load(MEETINGS):  # each meeting on its own, to add once, named after it
            out[site / prefix / f"moeder/{meeting['id']}.ics"] = (lang, meeting["name"][lang])
    return out


@pytest.mark.parametrize("parser", ["icalendar", "vobject", "ical.js"])
def test_every_calendar_places_each_meeting_at_its_instant(calendar_site, parser):
    """Each parser reads every calendar of the build, and each meeting at the same UTC instant."""
    files = calendar_files(calendar_site)
    assert set(calendar_site.rglob("*.ics")) == set(files)
    seen: dict[str, dict] = {}
    for path, (components, found) in read_files(parser, sorted(files)).items():
        assert components[:1] == ["VTIMEZONE"], (path, components)  # never an empty VCALENDAR
        seen[path.relative_to(calendar_site).as_posix()] = {uid.split("@")[0]: at for uid, at in found.items()}
    for prefix in ("", "en/"):
        assert seen[f"{prefix}moeder/visionsforum.ics"] == EXPECTED
        for theme, ids in (("midtby", {"cal-winter", "cal-spring-change", "cal-summer", "cal-autumn-change",
                                       "cal-2045-summer", "cal-2045-winter"}),
                           ("borgerdialog", {"cal-summer", "cal-all-day"})):
            assert seen[f"{prefix}temaer/{theme}.ics"] == {k: EXPECTED[k] for k in ids}
        assert seen[f"{prefix}temaer/boligsocialt-arbejde.ics"] == {}  # no meetings: the zone alone
        for mid, at in EXPECTED.items():
            assert seen[f"{prefix}moeder/{mid}.ics"] == {mid: at}


@pytest.mark.parametrize("parser", ["icalendar", "vobject", "ical.js"])
def test_every_parser_reads_a_cancelled_meeting_as_cancelled_with_its_link(calendar_site, parser):
    """The title, status, link and description that each parser reads in the built calendars."""
    for lang, prefix, said in (("da", "", "Aflyst: Aflyst sommermøde"), ("en", "en/", "Cancelled: Cancelled summer meeting")):
        texts = read_texts(parser, calendar_site / prefix / "moeder/visionsforum.ics")
        page = f"{SITE_URL}{prefix}moeder/"
        for uid, (summary, status, url, description) in texts.items():
            meeting_id = uid.split("@")[0]
            assert url == f"{page}{meeting_id}/" and description.splitlines()[-1] == url, (parser, uid)
            cancelled = meeting_id == "cal-cancelled"
            assert (status == "CANCELLED") == cancelled == (summary == said), (parser, uid, summary)
            assert (description.splitlines()[0] == strings_of(lang)["meeting_cancelled"]) == cancelled
        assert "cal-cancelled" in {uid.split("@")[0] for uid in texts}


def test_calendar_names_are_in_the_files_language(calendar_site):
    for path, (lang, name) in calendar_files(calendar_site).items():
        cal = vobject_calendar(path.read_bytes())
        assert cal.contents["name"][0].value == name, path
        assert cal.x_wr_calname.value == name, path
    assert SITE_NAME["da"] != SITE_NAME["en"]


def cron_runs(fields: str, start: dt.datetime, days: int) -> list[dt.datetime]:
    """When a cron schedule (minute hour day-of-month month day-of-week: numbers, lists,
    ranges, ``*`` and ``*/n``) runs within ``days`` from ``start``, minute by minute."""

    def allowed(field: str, low: int, high: int) -> set[int]:
        values: set[int] = set()
        for part in field.split(","):
            m = re.fullmatch(r"(\*|\d+(?:-\d+)?)(?:/(\d+))?", part)
            assert m, f"cron field {field!r} not understood"
            first, last = (low, high) if m[1] == "*" else (int(m[1].split("-")[0]), int(m[1].split("-")[-1]))
            values |= set(range(first, last + 1, int(m[2] or 1)))
        return values

    minute, hour, dom, month, dow = (allowed(f, lo, hi) for f, (lo, hi) in
                                     zip(fields.split(), ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7)), strict=True))
    return [t for t in (start + dt.timedelta(minutes=i) for i in range(days * 24 * 60))
            if t.minute in minute and t.hour in hour and t.day in dom and t.month in month
            and (t.isoweekday() % 7 in dow or t.isoweekday() in dow)]


def iso_duration(value: str) -> dt.timedelta:
    m = re.fullmatch(r"P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", value)
    assert m and value not in ("P", "PT"), f"not an RFC 5545 duration: {value!r}"
    weeks, days, hours, minutes, seconds = (int(g or 0) for g in m.groups())
    return dt.timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)


def test_refresh_hints_match_the_scheduled_rebuild(calendar_site):
    """The calendars ask to be fetched again as often as the publish workflow rebuilds the site."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    runs = sorted(t for entry in triggers["schedule"]
                  for t in cron_runs(entry["cron"], dt.datetime(2027, 1, 4, tzinfo=UTC), days=63))
    assert len(runs) > 1, "the publish workflow has no schedule that runs more than once in nine weeks"
    rebuild = max(b - a for a, b in zip(runs, runs[1:], strict=False))
    assert rebuild == REBUILD_EVERY
    for path in calendar_files(calendar_site):
        cal = vobject_calendar(path.read_bytes())
        refresh = cal.contents["refresh-interval"][0]
        assert refresh.params.get("VALUE") == ["DURATION"], path
        assert iso_duration(refresh.value) == rebuild, path
        assert iso_duration(cal.x_published_ttl.value) == rebuild, path


def test_a_calendar_of_events_written_out_once_is_what_icalendar_writes_for_it():
    """``calendar_file`` puts events already written out (``to_ical``) into the file as they are:
    the bytes are those of icalendar's own calendar holding the events."""
    made = [meeting_event(m, "da", f"{SITE}moeder/{m.id}/", SITE, STAMP, ["Midtby"])
            for m in (meeting(), meeting(id="vf-2", start="2027-09-09", state="cancelled"))]
    expected = calendar._calendar("Visionsforum", REBUILD_EVERY)
    expected.add_component(calendar.timezone())
    for event in made:
        expected.add_component(event)
    assert calendar_file([e.to_ical() for e in made], name="Visionsforum") == expected.to_ical()
    assert calendar_file(made, name="Visionsforum") == expected.to_ical()
    assert calendar_file([], name="Visionsforum") == Calendar.from_ical(calendar_file([], name="Visionsforum")).to_ical()


def test_an_event_written_again_is_the_event_its_arguments_make_now(monkeypatch):
    """calendar.meeting_event_ical keeps the last event written per meeting and language: it gives
    those bytes back (with the build's DTSTAMP) only for an equal record, the same arguments and
    equal words."""
    from boligdialog.site import i18n

    def fresh(m: Meeting, stamp: dt.datetime = STAMP) -> bytes:
        return meeting_event(m, "da", f"{SITE}moeder/{m.id}/", SITE, stamp, ["Midtby"]).to_ical()

    def written(m: Meeting, stamp: dt.datetime = STAMP) -> bytes:
        return calendar.meeting_event_ical(m, "da", f"{SITE}moeder/{m.id}/", SITE, stamp, ["Midtby"])

    calendar.forget()
    first = written(meeting())
    assert first == fresh(meeting()) and written(meeting()) is first
    renamed = meeting(name={"da": "Et andet navn"})
    assert written(renamed) == fresh(renamed) != first
    later = STAMP + dt.timedelta(days=1, seconds=7)
    assert written(renamed, later) == fresh(renamed, later) != fresh(renamed)
    kept = written(renamed, later)
    reloaded = {key: "".join(list(text)) for key, text in i18n.strings("da").items()}  # equal, not the same
    monkeypatch.setattr(calendar, "strings", lambda lang: reloaded)
    assert written(renamed, later) is kept  # words loaded again (each build does) keep the events
    words = dict(reloaded) | {"themes": "Emner"}
    monkeypatch.setattr(calendar, "strings", lambda lang: words)
    assert written(renamed, later) == fresh(renamed, later) and b"Emner" in written(renamed, later)
    # the next build's time is written into the kept event, not the event written again
    next_build = later + dt.timedelta(minutes=3, seconds=1)
    expected = fresh(renamed, next_build)
    monkeypatch.setattr(calendar, "meeting_event", lambda *args: pytest.fail("the kept event is written again"))
    assert written(renamed, next_build) == expected != fresh(renamed, later)
    calendar.forget()
