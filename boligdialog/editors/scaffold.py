"""Start from a filled-in entry, never a blank file: ``boligdialog new`` / ``boligdialog ny``.

``new meeting`` (``ny møde``), ``new partner`` (``ny partner``), ``new news`` (``ny nyhed``) and
``new report`` (``ny referat``) take the few facts they need as options, or ask for them when
run in a terminal, and check each against the same value types and ids the check uses before
anything is written. A meeting or partner is appended to its data file as text, so the
file's comments and layout stay as they are; a news article or report is written as Markdown
files with the right front matter. Then the whole project is checked, as ``boligdialog check``
does, and the ids offered to editors' tools (``schemas/ids.schema.json``) are brought up to date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from boligdialog.site import routes, settings
from boligdialog.editors import schemas
from boligdialog.model.errors import ValidationFailed
from boligdialog.site.load import load_site
from boligdialog.model.choices import CLASSIFICATIONS, MEMBERSHIP_STATUSES, state_word
from boligdialog.site.schedule import build_time
from boligdialog.model.translate import ordinal, tr, use
from boligdialog.model.values import Address, PartialDate, Text, When, plain_text
from boligdialog.model.yamlsource import parse
from boligdialog.editors.answers import (  # noqa: F401 (Facts and Refused are used from here too)
    Ask, Facts, Refused, choice, draft_or_none, an_id, inside, labels, one_id, some_ids, new_id, clock, when,
)

# --- text of YAML and Markdown -------------------------------------------------------------

def scalar(value: Any) -> str:
    """``value`` as YAML: plain where YAML reads it back as the same text, else in double quotes."""
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if parse(f"k: {text}\n", "x").data == {"k": text} and not re.match(r"^\d+:\d+$", text):
        return text
    return json.dumps(text, ensure_ascii=False)


def flow_scalar(value: str) -> str:
    """``value`` as YAML inside ``{…}`` or ``[…]``, where a comma or bracket ends a plain text."""
    plain = scalar(value)
    return plain if parse(f"k: {{v: {plain}}}\n", "x").data == {"k": {"v": value}} else json.dumps(value,
                                                                                                ensure_ascii=False)


def text_value(da: str, en: str | None) -> str:
    """``{da: …, en: …}`` (flow style, as the files write short texts), or the Danish text alone."""
    return f"{{da: {flow_scalar(da)}, en: {flow_scalar(en)}}}" if en else scalar(da)


def flow_list(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def slug(text: str) -> str:
    """``"Ny hjemmeside å/ø"`` -> ``"ny-hjemmeside-aa-oe"``: an id or file name from a title."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")


def append_entry(path: Path, key: str, entry: str) -> int:
    """Append ``entry`` (lines starting ``  - ``) to the list ``key:`` that ends the file at
    ``path``; returns the entry's first line. The rest of the file is left as it is."""
    text = path.read_text(encoding="utf-8")
    empty = re.search(rf"^{key}:\s*\[\s*\]\s*$", text, flags=re.M)
    if empty:  # `decisions: []`
        text = text[: empty.start()] + f"{key}:\n" + text[empty.end():].lstrip("\n")
    if not text.endswith("\n"):
        text += "\n"
    if "\n\n  - " in text:  # entries separated by a blank line, as in partners.yaml
        text += "\n"
    line = text.count("\n") + 1
    path.write_text(text + entry, encoding="utf-8")
    return line


def front_matter(**keys: Any) -> str:
    lines = [f"{k}: {scalar(v)}" for k, v in keys.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n"


# --- facts ---------------------------------------------------------------------------------

def new_meeting(root: Path, facts: Facts, today: dt.date) -> list[str]:
    site = load_site(root, today=today)
    start = facts.get("start", tr("When does it start (2027-03-18 17:00, 2027-03-18 or 2027-03)"), check=when)
    date = When.parse(start).date
    end = facts.get("end", tr("When does it end (19:30), if known"), check=clock, required=False)
    location = facts.parse("location", tr("Where (in Danish), if known"), Text.parse_line, required=False)
    location_en = facts.parse("location_en", tr("Where (in English), if different"), Text.parse_line,
                              required=False) if location else None
    address = facts.parse("address", tr("Address (Torvet 1, 1234 Byen), if known"), Address.parse,
                          required=False)
    theme_ids = [t.id for t in site.themes]
    themes = facts.get("themes", tr("Themes ({ids}; separated by commas)", ids=", ".join(theme_ids)),
                       required=False, check=some_ids(theme_ids, "themes", tr("themes"))) or []
    partner_ids = [p.id for p in site.partners]
    members = [p.id for p in site.partners if (s := p.status_on(today)) is not None and s.status != "left"]
    invited = facts.get("invited", tr("Who is invited ({ids}; separated by commas)", ids=", ".join(partner_ids)),
                        default=",".join(members), check=some_ids(partner_ids, "invited", tr("partners")))
    number = max((m.number or 0 for m in site.meetings), default=0) + 1
    same_year = sum(1 for m in site.meetings if m.start.date.year == date.year)
    forum = settings.read(root).forum
    mid = facts.get("id", tr("Id"), default=f"{forum.id}-{date.year}-{same_year + 1}",
                    check=new_id({m.id for m in site.meetings}, "data/meetings.yaml"))
    with use("en"):
        english = f"{ordinal(number)} {forum.name.get('en').text}"
    lines = [f"  - id: {scalar(mid)}", f"    number: {number}",
             f"    name: {text_value(f'{number}. {forum.name.da}', english)}", f"    start: {scalar(start)}"]
    if end:
        lines.append(f"    end: {json.dumps(end)}")
    if location:
        lines.append(f"    location: {text_value(location, location_en)}")
    if address:
        lines.append(f"    address: {scalar(address)}")
    lines += ["    state: planned", f"    themes: {flow_list(themes)}", f"    invited: {flow_list(invited)}"]
    line = append_entry(root / "data/meetings.yaml", "meetings", "\n".join(lines) + "\n")
    return [tr("added meeting {id} to {path}", id=mid, path=f"data/meetings.yaml:{line}")]


def new_partner(root: Path, facts: Facts, today: dt.date) -> list[str]:
    site = load_site(root, today=today)
    name = facts.parse("name", tr("Name (in Danish)"), plain_text)
    name_en = facts.parse("name_en", tr("Name (in English), if different"), plain_text, required=False)
    kind = facts.get("kind", tr("Kind ({kinds})", kinds=labels(CLASSIFICATIONS)),
                     check=choice(CLASSIFICATIONS, "kind"))
    status = facts.get("status", tr("Status ({statuses})", statuses=labels(MEMBERSHIP_STATUSES)),
                       default="invited", check=choice(MEMBERSHIP_STATUSES, "status"))
    date = facts.parse("date", tr("Date of that status (2027-05-02, or 2027-05)"), PartialDate.parse,
                       default=today.isoformat())
    agreements = [a.id for a in site.agreements]
    agreement = facts.get("agreement", tr("Agreement version ({ids})", ids=", ".join(agreements)),
                          default=agreements[-1], check=one_id(agreements, "agreement", tr("agreement versions")))
    pid = facts.get("id", tr("Id"), default=slug(name), check=new_id({p.id for p in site.partners}, "data/partners.yaml"))
    entry = (f"  - id: {scalar(pid)}\n    name: {text_value(name, name_en)}\n    classification: {kind}\n"
             f"    memberships:\n      - {{status: {status}, date: {scalar(date)}, agreement: {agreement}}}\n")
    line = append_entry(root / "data/partners.yaml", "partners", entry)
    return [tr("added partner {id} to {path}", id=pid, path=f"data/partners.yaml:{line}")]


def _write_new(path: Path, text: str) -> str:
    if path.exists():
        raise Refused(tr("{path} exists already: nothing was written", path=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return tr("wrote {path}", path=path)


def new_news(root: Path, facts: Facts, today: dt.date) -> list[str]:
    title = facts.parse("title", tr("Title (in Danish)"), plain_text)
    title_en = facts.parse("title_en", tr("Title (in English), if there is an English version"), plain_text,
                           required=False)
    date = facts.parse("date", tr("Date (2027-05-02)"), PartialDate.parse, default=today.isoformat())
    name = facts.get("id", tr("File name"), default=slug(title), check=lambda v: an_id(v.strip(), "id"))
    files = [(f"content/{routes.NEWS_DIR}{name}.md", title, "da")]
    if title_en:
        files.append((f"content/{routes.EN}{routes.NEWS_DIR}{name}.md", title_en, "en"))
    for rel, _title, _lang in files:
        if inside(root, rel).exists():
            raise Refused(tr("{path} exists already: nothing was written", path=rel))
    out = []
    for rel, head, lang in files:
        with use(lang):
            body = tr("<!-- Write the news here. The first paragraph is shown in search engines and link "
                      "previews unless you add description: to the lines above. -->")
        out.append(_write_new(inside(root, rel), front_matter(title=head, date=date) + "\n" + body + "\n"))
    return [line.replace(str(root) + "/", "") for line in out]


def new_report(root: Path, facts: Facts, today: dt.date) -> list[str]:
    site = load_site(root, today=today)
    held = [m.id for m in site.meetings if m.state == "held" and m.id not in site.reports]
    meeting = facts.get("meeting", tr("Meeting ({ids})", ids=", ".join(held) or "-"),
                        default=held[-1] if held else None,
                        check=one_id([m.id for m in site.meetings], "meeting", tr("meetings")))
    record = site.meeting(meeting)
    if record.state != "held":
        raise Refused(tr("the meeting {id} is {state}: a report follows a meeting that has been held; set its "
                         "state to held first (data/meetings.yaml)", id=repr(meeting),
                         state=state_word(record.state, "state")))
    if meeting in site.reports:
        raise Refused(tr("the meeting {id} has a report already: content/{path}", id=repr(meeting),
                         path=site.reports[meeting]))
    date = facts.parse("date", tr("Date it is published (2027-05-02)"), PartialDate.parse, default=today.isoformat())
    minutes = facts.get("minutes", tr("Are the minutes a draft to be approved at a later meeting (yes/no)"),
                        required=False, check=draft_or_none)
    out = []
    for lang in ("da", "en"):
        with use(lang):
            title = tr("Report")
            body = tr("<!-- Write the report here: what was said and decided. -->")
        head = front_matter(meeting=meeting, title=title, date=date, minutes=minutes) if lang == "da" else \
            front_matter(title=title, date=date)
        rel = f"content/{routes.src_uri(lang, routes.REPORTS_DIR)}{meeting}.md"
        out.append(_write_new(inside(root, rel), head + "\n" + body + "\n").replace(str(root) + "/", ""))
    return out


KINDS: dict[str, tuple[Callable[[Path, Facts, dt.date], list[str]], tuple[str, ...]]] = {
    "meeting": (new_meeting, ("møde", "moede")),
    "partner": (new_partner, ()),
    "news": (new_news, ("nyhed",)),
    "report": (new_report, ("referat",)),
}
"""Each kind of entry, with its Danish names."""


def _files(root: Path) -> dict[Path, bytes]:
    """The data files and editors' files as they are, to put back if an entry is refused."""
    return {p: p.read_bytes() for folder in ("data", "content") for p in (root / folder).rglob("*")
            if p.is_file() and not p.is_symlink()}


def _put_back(root: Path, before: dict[Path, bytes]) -> None:
    for path, content in _files(root).items():
        if path not in before:
            path.unlink()
        elif content != before[path]:
            path.write_bytes(before[path])


def _print_mistakes(headline: str, exc: ValidationFailed) -> None:
    print(headline, file=sys.stderr)
    for error in exc.errors:
        print(f"  {error.render()}", file=sys.stderr)


def run(kind: str, args: argparse.Namespace, *, ask: Ask | None, check: Callable[[Path], int]) -> int:
    """Add one ``kind`` of entry to the project ``args.root``, then check it. The project must be
    free of mistakes first, and an entry the check refuses is taken out again: nothing is
    written that would stop the site from being built."""
    root: Path = args.root
    today = build_time().date()
    before = _files(root)
    try:
        done = KINDS[kind][0](root, Facts(args, ask), today)
        load_site(root, today=today)
    except Refused as exc:
        print(tr("Nothing was written: {reason}", reason=exc), file=sys.stderr)
        return 1
    except ValidationFailed as exc:
        written = _files(root) != before
        _put_back(root, before)
        _print_mistakes(tr("Nothing was written: the new entry would be a mistake:") if written else
                        tr("Nothing was written: fix these mistakes in the project first:"), exc)
        return 1
    for line in done:
        print(line)
    if kind in ("meeting", "partner") and (root / schemas.FOLDER / schemas.IDS).is_file():
        (root / schemas.FOLDER / schemas.IDS).write_text(schemas.render(schemas.ids_schema(schemas.read_ids(root))),
                                                         encoding="utf-8")
    return check(root)


OPTIONS: dict[str, list[tuple[tuple[str, ...], str]]] = {
    "meeting": [(("--start",), "2027-03-18 17:00"), (("--end", "--slut"), "19:30"),
                (("--location", "--sted"), "Rådhuset"), (("--location-en", "--sted-en"), "The town hall"),
                (("--address", "--adresse"), "Torvet 1, 1234 Byen"),
                (("--themes", "--temaer"), "midtby,renovering"), (("--invited", "--inviterede"), "va,ab"),
                (("--id",), "forum-2027-1")],
    "partner": [(("--name", "--navn"), "Grundejerforeningen Syd"), (("--name-en", "--navn-en"), "Homeowners South"),
                (("--kind", "--type"), "homeowners_association"), (("--status",), "invited"),
                (("--date", "--dato"), "2027-05-02"), (("--agreement", "--aftale"), "aftale-2017"),
                (("--id",), "grundejerforeningen-syd")],
    "news": [(("--title", "--titel"), "Nyt om Midtby"), (("--title-en", "--titel-en"), "News about the town centre"),
             (("--date", "--dato"), "2027-05-02"), (("--id",), "nyt-om-midtby")],
    "report": [(("--meeting", "--moede"), "forum-2027-1"), (("--date", "--dato"), "2027-03-25"),
               (("--minutes", "--referat-status"), "draft")],
}
"""The options of each kind (English and Danish names) and an example value for the help."""


def add_commands(sub: Any, common: argparse.ArgumentParser, check: Callable[[Path], int]) -> None:
    """``new <kind>`` and ``ny <dansk navn>`` on the command line."""
    for word, danish in (("new", False), ("ny", True)):
        parser = sub.add_parser(word, parents=[common], help=tr("add a meeting, partner, news article or report"))
        kinds = parser.add_subparsers(dest="kind", required=True)
        for kind, (_make, names) in KINDS.items():
            name, aliases = (names[0], [kind, *names[1:]]) if danish and names else (kind, list(names))
            command = kinds.add_parser(name, aliases=aliases, parents=[common])
            command.add_argument("root", nargs="?", default=Path("."), type=Path, help=tr("project folder (default: .)"))
            for flags, example in OPTIONS[kind]:
                dest = flags[0][2:].replace("-", "_")
                command.add_argument(*flags, dest=dest, metavar=example)
            command.set_defaults(run=lambda args, kind=kind: run(
                kind, args, ask=input if sys.stdin.isatty() else None, check=check))
