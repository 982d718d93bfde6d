"""A new partnership's site from a few answers: ``python -m boligdialog init DIR``.

The answers (asked in Danish in a terminal, or given as options: ``--help`` lists them) are
the partnership's own facts: its place, the site's name and address, the forum's name, the
municipality and the housing organisations, the first planned meeting and the themes. From
them the files of :data:`STARTER` are written into ``DIR``: ``mkdocs.yml``, ``data/``,
``content/`` (a home page, the agreement's text and one planned meeting), ``hooks/``, a
README, a Makefile, the generator's pinned version and the CI workflows. Nothing of another
partnership is in them. The new site is then checked as ``boligdialog check`` does, and its
JSON Schemas are written, so it builds strict at once.

A folder that already holds files is refused: nothing is overwritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2

from boligdialog.editors import schemas
from boligdialog.editors.scaffold import Ask, Facts, Refused, scalar, slug, text_value
from boligdialog.model.errors import ValidationFailed
from boligdialog.model.translate import N_, ordinal, tr, use
from boligdialog.model.values import PartialDate, When, plain_text
from boligdialog.site import colors
from boligdialog.site.load import load_site
from boligdialog.site.schedule import build_time

STARTER = Path(__file__).parent / "starter"
"""The new site's files; a name ending in ``.j2`` is a template (filled in, the ending dropped)."""
RENAMED = {"gitignore": ".gitignore", "github/": ".github/", "content/aftale/agreement.md": "content/aftale/{year}.md",
           "content/en/aftale/agreement.md": "content/en/aftale/{year}.md"}
"""Starter files and folders written under another name (a name that begins with a dot would
be left out of the package)."""


def _renamed(rel: str) -> str:
    for old, new in RENAMED.items():
        if rel == old or (old.endswith("/") and rel.startswith(old)):
            return new + rel[len(old):]
    return rel


@dataclass(frozen=True)
class Answers:
    """What the new site is made from."""

    place: str
    names: dict[str, str]
    description: dict[str, str]
    forum: dict[str, str]
    url: str
    partners: list[dict[str, Any]]
    themes: list[dict[str, Any]]
    meeting: dict[str, Any]
    agreement: dict[str, Any]
    generator: str
    statement: str
    contact: dict[str, str]
    example: bool = False
    """The address is an example one (``https://example.invalid/``): the site is marked as an
    example (``extra.example``) until it has its real address."""


QUESTIONS: dict[str, str] = {
    "place": N_("The municipality or town (for example Roskilde)"),
    "forum": N_("The forum's name in Danish (the meetings are called that)"),
    "forum_en": N_("The forum's name in English"),
    "name": N_("The site's name in Danish"),
    "name_en": N_("The site's name in English"),
    "url": N_("The site's address (https://…/)"),
    "municipality": N_("The municipality's name in Danish"),
    "municipality_en": N_("The municipality's name in English"),
    "organisations": N_("The housing organisations (names, separated by commas)"),
    "signed": N_("When the agreement was signed (2027-05-02 or 2027-05), if it has been"),
    "first_meeting": N_("When the first meeting starts (2027-03-18 17:00, 2027-03-18 or 2027-03)"),
    "themes": N_("Themes (titles in Danish, separated by commas), if any"),
    "themes_en": N_("The themes' titles in English, in the same order, if known"),
    "generator": N_("The generator as a pip requirement"),
}
"""What is asked for each answer (in a terminal, and as its option's help), in English; shown in Danish."""


def _question(name: str) -> str:
    return tr(QUESTIONS[name])


def generator_requirement() -> str:
    """The generator as a pip requirement, pinned to the version that runs now: its git address
    and commit when it was installed from git (PEP 610's ``direct_url.json``), else its version."""
    try:
        dist = metadata.distribution("boligdialog")
        direct = json.loads(dist.read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        return "boligdialog"
    vcs = direct.get("vcs_info", {})
    if vcs.get("vcs") == "git" and direct.get("url"):
        return f"boligdialog @ git+{direct['url']}@{vcs.get('commit_id')}"
    return f"boligdialog=={dist.version}"


def _names(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _unique(ident: str, taken: set[str]) -> str:
    candidate, n = ident, 2
    while candidate in taken:
        candidate, n = f"{ident}-{n}", n + 1
    taken.add(candidate)
    return candidate


def answers(facts: Facts, today: dt.date) -> Answers:
    """Ask for (or take from the options) every answer; a wrong one is refused with its option."""
    place = facts.parse("place", _question("place"), plain_text)
    forum_da = facts.parse("forum", _question("forum"), plain_text)
    forum_en = facts.parse("forum_en", _question("forum_en"), plain_text, default=forum_da)
    name_da = facts.parse("name", _question("name"), plain_text, default=f"Boligdialog {place}")
    name_en = facts.parse("name_en", _question("name_en"), plain_text,
                          default=f"Housing dialogue {place}")
    url = facts.get("url", _question("url"), default="https://example.invalid/")
    if not url.startswith(("https://", "http://")):
        raise Refused(f"--url: " + tr("expected an address that begins with https:// but received {value}",
                                      value=repr(url)))
    municipality = facts.parse("municipality", _question("municipality"), plain_text,
                               default=f"{place} Kommune")
    municipality_en = facts.parse("municipality_en", _question("municipality_en"), plain_text,
                                  default=f"{place} Municipality")
    organisations = _names(facts.get("organisations", _question("organisations")))
    signed = facts.parse("signed", _question("signed"),
                         PartialDate.parse, required=False)
    if signed and PartialDate.parse(signed).first_day() > today:
        raise Refused("--signed: " + tr("expected a date no later than today ({today}) but received {value}",
                                        today=today.isoformat(), value=repr(signed)))
    start = facts.parse("first_meeting", _question("first_meeting"), When.parse)
    theme_names = _names(facts.get("themes", _question("themes"),
                                   required=False))
    taken: set[str] = set()
    status, date = ("signed", signed) if signed else ("invited", today.isoformat())
    year = PartialDate.parse(signed).year if signed else today.year
    agreement = {"id": f"aftale-{year}", "text": f"aftale/{year}.md", "year": year, "adopted": signed,
                 "title": {"da": "Partnerskabsaftalen", "en": "The partnership agreement"}}
    partners = [{"id": _unique(slug(municipality), taken), "name": {"da": municipality, "en": municipality_en},
                 "classification": "municipality", "status": status, "date": date}]
    partners += [{"id": _unique(slug(name), taken), "name": {"da": name, "en": name},
                  "classification": "social_housing_organisation", "status": status, "date": date}
                 for name in organisations]
    themes_en = _names(facts.get("themes_en", _question("themes_en"),
                                 required=False)) if theme_names else []
    if themes_en and len(themes_en) != len(theme_names):
        raise Refused("--themes-en: " + tr("expected {n} titles, one for each theme, but received {m}",
                                           n=len(theme_names), m=len(themes_en)))
    theme_ids: set[str] = set()
    themes = [{"id": _unique(slug(title), theme_ids), "title": {"da": title, "en": english},
               "summary": {"da": f"Et af de temaer, {forum_da} drøfter.",
                           "en": f"One of the themes that {forum_en} discusses."}}
              for title, english in zip(theme_names, themes_en or [None] * len(theme_names))]
    when = When.parse(start)
    forum_slug = slug(forum_da)
    with use("en"):
        english = f"{ordinal(1)} {forum_en}"
    meeting = {"id": f"{forum_slug}-{when.date.year}-1", "start": start,
               "name": {"da": f"1. {forum_da}", "en": english},
               "themes": [t["id"] for t in themes], "invited": [p["id"] for p in partners]}
    host = url.split("://", 1)[1].split("/", 1)[0]
    return Answers(
        place=place, names={"da": name_da, "en": name_en}, forum={"da": forum_da, "en": forum_en}, url=url,
        description={"da": f"Partnerskabet mellem {municipality} og boligorganisationerne om boligdialog i {place}.",
                     "en": f"The partnership between {municipality_en} and the housing organisations on housing "
                           f"dialogue in {place}."},
        partners=partners, themes=themes, meeting=meeting, agreement=agreement,
        generator=facts.get("generator", _question("generator"), default=generator_requirement()),
        statement=f"https://www.was.digst.dk/{host.replace('.', '-')}",
        contact={"da": "Spørgsmål om partnerskabet kan rettes til en af parterne.",
                 "en": "Questions about the partnership can be put to any of the partners."},
        example=colors.is_placeholder(url),
    )


def _text(value: dict[str, str | None]) -> str:
    return text_value(value["da"], value.get("en"))


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(STARTER), keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["yaml"] = lambda value: scalar(value)  # every value from an answer, quoted as YAML needs
    env.filters["text"] = _text
    return env


def render(given: Answers) -> dict[str, str]:
    """Every file of the new site, by its path in it."""
    env = _environment()
    context = vars(given)
    files = {}
    for path in sorted(p for p in STARTER.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        rel = path.relative_to(STARTER).as_posix()
        if rel.endswith(".j2"):
            rel, text = rel[:-3], env.get_template(path.relative_to(STARTER).as_posix()).render(context)
        else:
            text = path.read_text(encoding="utf-8")
        files[_renamed(rel).format(year=given.agreement["year"])] = text
    return files


def run(args: argparse.Namespace, *, ask: Ask | None, check: Callable[[Path], int]) -> int:
    """Write the new site into ``args.dir``, its JSON Schemas, and check it."""
    root: Path = args.dir
    if root.exists() and any(root.iterdir()):
        print(tr("Nothing was written: {path} is not empty; init writes a new site into an empty or new folder",
                 path=root), file=sys.stderr)
        return 1
    today = build_time().date()
    try:
        files = render(answers(Facts(args, ask), today))
    except Refused as exc:
        print(tr("Nothing was written: {reason}", reason=exc), file=sys.stderr)
        return 1
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    schemas.write(root)
    try:
        load_site(root, today=today)
    except ValidationFailed as exc:  # an answer the check refuses: say so, keep the files to fix
        print(exc.format_message(), file=sys.stderr)
        return 1
    print(tr("wrote a new site in {path}: {n} files", path=root, n=len(files)))
    return check(root)


OPTIONS: list[tuple[tuple[str, ...], str]] = [
    (("--place", "--sted"), "Roskilde"),
    (("--forum",), "Boligforum"),
    (("--forum-en",), "Housing forum"),
    (("--name", "--navn"), "Boligdialog Roskilde"),
    (("--name-en", "--navn-en"), "Housing dialogue Roskilde"),
    (("--url", "--adresse"), "https://boligdialog.roskilde.example/"),
    (("--municipality", "--kommune"), "Roskilde Kommune"),
    (("--municipality-en", "--kommune-en"), "Roskilde Municipality"),
    (("--organisations", "--organisationer"), "Boligselskabet Nord,Boligforeningen Syd"),
    (("--signed", "--underskrevet"), "2027-05"),
    (("--first-meeting", "--foerste-moede"), "2027-03-18 17:00"),
    (("--themes", "--temaer"), "Byens udvikling,Grønne områder"),
    (("--themes-en", "--temaer-en"), "Town development,Green spaces"),
    (("--generator",), "boligdialog @ git+https://…/boligdialog@v0.2.0"),
]
"""The options (English and Danish names) and an example value for the help."""


def add_command(sub: Any, common: argparse.ArgumentParser, *, ask: Ask | None,
                check: Callable[[Path], int]) -> None:
    """``init DIR`` on the command line."""
    command = sub.add_parser("init", parents=[common], help=tr("make a new partnership's site in a new folder"))
    command.add_argument("dir", type=Path, help=tr("the new site's folder"))
    for flags, example in OPTIONS:
        dest = flags[0][2:].replace("-", "_")
        command.add_argument(*flags, dest=dest, metavar=example, help=_question(dest))
    command.set_defaults(run=lambda args: run(args, ask=ask, check=check))
