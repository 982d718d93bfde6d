"""Synthetic partnerships of any size, as the files an editor would commit.

Pure functions: a :class:`Scale` and a seed give the same :class:`Partnership`
every time (YAML documents for ``data/``, Markdown for ``content/`` and the
sizes of attachment files). Only fields that :mod:`boligdialog.model.records` accepts
are generated: meetings with agenda items and results, reports in both languages
(every tenth only in Danish; in the heavier partnership none), attachments, decisions, news and partners with
their membership history.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from typing import Any

import yaml

STANDARD, HEAVY = "standard", "heavy"
PARTNERSHIPS = (STANDARD, HEAVY)
"""The synthetic partnerships :func:`scale_for` makes: the standard one, and one that writes more."""
BENCH_DATE = dt.date(2026, 6, 1)
"""The build date of every benchmark build (``SOURCE_DATE_EPOCH``): most meetings are past."""
FIRST_MEETING = dt.date(2017, 8, 22)
MUNICIPALITY = "albertslund-kommune"
AGREEMENTS = (("aftale-2017", "aftale/2017.md", "2017-08"), ("aftale-2024", "aftale/2024.md", "2024-03"))
"""(id, content page, date) of each agreement version."""

Pair = tuple[str, str]
"""A text in Danish and in English."""

WORDS: dict[str, tuple[str, ...]] = {
    "da": (
        "boligområdet", "beboerne", "afdelingen", "kommunen", "partnerskabet", "renoveringen",
        "helhedsplanen", "byrådet", "bestyrelsen", "økonomien", "lejligheder", "rækkehuse",
        "fællesarealer", "trafikken", "bymidten", "skolerne", "institutionerne", "ungdomsklubben",
        "energirenovering", "fjernvarmen", "regnvandet", "legepladserne", "stierne", "parkering",
        "har", "drøftede", "foreslog", "besluttede", "undersøger", "fremlagde", "vil", "skal",
        "kan", "ønsker", "arbejder", "prioriterer", "og", "i", "med", "for", "om", "på", "til",
        "af", "efter", "inden", "mellem", "sammen", "fælles", "nye", "gode", "store", "flere",
        "næste", "bedre", "lokale", "grønne", "trygge", "billige", "langsigtede", "konkrete",
    ),
    "en": (
        "the estate", "residents", "the branch", "the municipality", "the partnership",
        "the renovation", "the master plan", "the council", "the board", "the budget", "flats",
        "terraced houses", "shared areas", "traffic", "the town centre", "schools", "institutions",
        "the youth club", "energy renovation", "district heating", "rainwater", "playgrounds",
        "paths", "parking", "has", "discussed", "proposed", "decided", "is looking into",
        "presented", "will", "shall", "can", "wants", "is working on", "prioritises", "and", "in",
        "with", "for", "about", "on", "to", "of", "after", "before", "between", "together",
        "joint", "new", "good", "large", "more", "next", "better", "local", "green", "safe",
        "affordable", "long-term", "concrete",
    ),
}
AGENDA: tuple[Pair, ...] = (
    ("Velkomst og godkendelse af dagsorden", "Welcome and approval of the agenda"),
    ("Nyt fra boligorganisationerne", "News from the housing organisations"),
    ("Status på renoveringerne", "Progress of the renovations"),
    ("Udviklingen i bymidten", "Development of the town centre"),
    ("Boligsocial helhedsplan", "Social housing master plan"),
    ("Trafik og parkering", "Traffic and parking"),
    ("Klimatilpasning og regnvand", "Climate adaptation and rainwater"),
    ("Fælles arrangementer for beboerne", "Joint events for residents"),
    ("Budget og økonomi", "Budget and finances"),
    ("Eventuelt", "Any other business"),
)
RESULTS: tuple[Pair, ...] = (
    ("Taget til efterretning.", "Noted."),
    ("Godkendt.", "Approved."),
    ("Udsat til næste møde.", "Postponed to the next meeting."),
    ("En arbejdsgruppe blev nedsat.", "A working group was set up."),
    ("Sekretariatet følger op.", "The secretariat will follow up."),
)
TOPICS: tuple[Pair, ...] = (
    ("Udviklingen i Albertslund Midtby", "The development of Albertslund town centre"),
    ("Renovering af boligområderne", "Renovation of the housing estates"),
    ("Boligsocialt arbejde", "Social work in the housing estates"),
    ("Den fysiske udvikling og det sociale liv", "Physical development and social life"),
    ("Dialog med borgerne", "Dialogue with residents"),
    ("Klimatilpasning", "Climate adaptation"),
    ("Trafik og mobilitet", "Traffic and mobility"),
    ("Børn og unge", "Children and young people"),
)
ATTACHMENTS: tuple[Pair, ...] = (("Dagsorden", "Agenda"), ("Præsentation", "Presentation"),
                                 ("Bilag til punkt 3", "Annex to item 3"), ("Deltagerliste", "List of participants"))
DECISION_STATUSES = ("open", "in_progress", "done", "dropped")
PLACES = ("Hyldespjældet", "Galgebakken", "Albertslund Syd", "Kanalen", "Herstedlund",
          "Topstykket", "Birkelundsparken", "Røde Vejrmølle", "Teglmosen", "Vridsløselille")
KINDS: tuple[tuple[str, Pair], ...] = (
    ("social_housing_organisation", ("Boligselskabet", "Housing organisation")),
    ("cooperative_housing_association", ("Andelsboligforeningen", "Cooperative housing association")),
    ("homeowners_association", ("Grundejerforeningen", "Homeowners' association")),
    ("private_landlord", ("Ejendomsselskabet", "Property company")),
    ("other", ("Beboerforeningen", "Residents' association")),
)
ROLES: tuple[Pair, ...] = (("formand", "chair"), ("næstformand", "vice-chair"),
                           ("direktør", "director"), ("bestyrelsesmedlem", "board member"))
FIRST_NAMES = ("Anne", "Bo", "Camilla", "Jens", "Karen", "Lars", "Mette", "Niels", "Pia", "Søren")
LAST_NAMES = ("Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Larsen", "Sørensen", "Holm")


@dataclass(frozen=True)
class Scale:
    """How big a synthetic partnership is."""

    meetings: int
    partners: int
    themes: int
    news: int
    invited_per_meeting: int
    """Partners invited to each meeting besides the municipality (bounded, so item pages stay flat)."""
    report_words: tuple[int, int] = (400, 1000)
    """The range of a report's budget of words (spread over its sections, filled with whole paragraphs)."""
    decisions_per_meeting: tuple[int, int] = (0, 3)
    """The range of the number of decisions a held meeting takes."""
    danish_only_every: int = 10
    """Every n-th held meeting's report has no English (0: every report has one)."""
    name: str = STANDARD
    """Which partnership (:data:`PARTNERSHIPS`)."""


@dataclass(frozen=True)
class Partnership:
    """The files of one synthetic partnership."""

    data: dict[str, dict[str, Any]]
    """YAML document of each file in ``data/``, by file name."""
    content: dict[str, str]
    """Markdown text of each file in ``content/``, by path there."""
    files: dict[str, int]
    """Size in bytes of each attachment file in ``content/``, by path there."""


def scale_for(meetings: int, name: str = STANDARD) -> Scale:
    """Partners grow with meetings (10 at 20 meetings, 500 at 2,000); themes slowly. The
    :data:`HEAVY` partnership writes more than the standard one: every report also in English,
    reports about twice as long (800–2,000 words, median about 1,900 with the sections'
    paragraphs) and 2–4 decisions per held meeting (about 5,200 at 2,000 meetings)."""
    if name not in PARTNERSHIPS:
        raise ValueError(f"unknown partnership {name!r}; expected one of {', '.join(PARTNERSHIPS)}")
    scale = Scale(meetings=meetings, partners=min(500, max(10, meetings // 4)), themes=5 + meetings // 200,
                  news=max(2, meetings // 4), invited_per_meeting=12)
    if name == HEAVY:
        scale = replace(scale, report_words=(800, 2000), decisions_per_meeting=(2, 4), danish_only_every=0,
                        name=HEAVY)
    return scale


def _rng(seed: int, *key: object) -> random.Random:
    """A random source of its own for every record, so records do not depend on each other."""
    return random.Random(":".join(map(str, (seed, *key))))


def _bi(pair: Pair) -> dict[str, str]:
    return {"da": pair[0], "en": pair[1]}


# --- text --------------------------------------------------------------------------------


def sentence(rng: random.Random, lang: str) -> str:
    text = " ".join(rng.choice(WORDS[lang]) for _ in range(rng.randint(8, 18)))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, lang: str) -> str:
    return " ".join(sentence(rng, lang) for _ in range(rng.randint(3, 6)))


def prose(rng: random.Random, lang: str, words: int) -> list[str]:
    """Paragraphs of about ``words`` words in all."""
    out: list[str] = []
    while sum(len(p.split()) for p in out) < words:
        out.append(paragraph(rng, lang))
    return out


def front_matter(meta: dict[str, Any], body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body


# --- meetings ----------------------------------------------------------------------------


def meeting_id(i: int) -> str:
    return f"visionsforum-{i + 1:04d}"


def partner_id(i: int) -> str:
    return MUNICIPALITY if i == 0 else f"partner-{i:04d}"


def theme_id(i: int) -> str:
    return f"tema-{i + 1:02d}"


def meeting_date(i: int, scale: Scale) -> dt.date:
    """Meetings at even steps (at least a day apart) from August 2017; the last tenth lies
    after :data:`BENCH_DATE`."""
    past = scale.meetings - max(1, scale.meetings // 10)
    step = max(1.0, (BENCH_DATE - FIRST_MEETING).days / past)
    return FIRST_MEETING + dt.timedelta(days=round(i * step))


def month_only(i: int) -> bool:
    """Every 17th meeting is known only to the month."""
    return i % 17 == 5


def sort_date(i: int, scale: Scale) -> dt.date:
    """The date a meeting is ordered by: a month-only date counts as the 1st."""
    day = meeting_date(i, scale)
    return day.replace(day=1) if month_only(i) else day


def is_held(i: int, scale: Scale) -> bool:
    """Past meetings are held, except every 25th, which was cancelled."""
    return meeting_date(i, scale) < BENCH_DATE and i % 25 != 24


def approver(i: int, scale: Scale) -> int | None:
    """The first later held meeting, which approves meeting ``i``'s report, if there is one."""
    return next((j for j in range(i + 1, scale.meetings)
                 if is_held(j, scale) and sort_date(j, scale) > sort_date(i, scale)), None)


def invited(i: int, scale: Scale) -> list[str]:
    """The municipality and a rotating window of other partners."""
    others = scale.partners - 1
    k = min(others, scale.invited_per_meeting)
    return [MUNICIPALITY] + [partner_id((i * k + j) % others + 1) for j in range(k)]


def attachment_paths(i: int, seed: int) -> list[str]:
    """0–3 attachments of a held meeting."""
    count = _rng(seed, "files", i).randint(0, 3)
    return [f"filer/{meeting_id(i)}-{k + 1}.pdf" for k in range(count)]


def meeting(i: int, scale: Scale, seed: int) -> dict[str, Any]:
    rng = _rng(seed, "meeting", i)
    day = meeting_date(i, scale)
    held = is_held(i, scale)
    record: dict[str, Any] = {
        "id": meeting_id(i),
        "number": i + 1,
        "name": {"da": f"{i + 1}. Visionsforum", "en": f"Visionsforum no. {i + 1}"},
        "start": f"{day:%Y-%m}" if month_only(i) else f"{day:%Y-%m-%d} 17:00",
    }
    if not month_only(i):
        record["end"] = "19:30"
    place = PLACES[i % len(PLACES)]
    record["location"] = {"da": f"Medborgerhuset, {place}", "en": f"Community centre, {place}"}
    record["state"] = "held" if held else ("cancelled" if day < BENCH_DATE else "planned")
    record["themes"] = sorted({theme_id(i % scale.themes), theme_id((3 * i + 1) % scale.themes)})
    record["invited"] = invited(i, scale)
    record["attended"] = [p for j, p in enumerate(record["invited"]) if held and j % 3 != 2]
    if held:
        count = rng.randint(12, 60)
        record["participants"] = f"about {count}" if i % 3 == 0 else count
    items = rng.sample(AGENDA, rng.randint(4, 8))
    record["agenda"] = [
        {"number": n + 1, "name": _bi(name)} | ({"result": _bi(rng.choice(RESULTS))} if held else {})
        for n, name in enumerate(items)
    ]
    if held:
        record["files"] = [{"path": path, "name": _bi(ATTACHMENTS[k % len(ATTACHMENTS)])}
                           for k, path in enumerate(attachment_paths(i, seed))]
    return record


def report(i: int, record: dict[str, Any], lang: str, scale: Scale, seed: int) -> str:
    """A report of about 500–1,500 words (a budget of :attr:`Scale.report_words`, 400–1,000, spread over its sections, each
    filled with whole paragraphs): one section per agenda item, then the decisions.

    Published ten days after the meeting; the minutes are approved at the next held meeting,
    or a draft while there is none.
    """
    rng = _rng(seed, "report", i, lang)
    agenda = record["agenda"]
    per_item = rng.randint(*scale.report_words) // (len(agenda) + 1)
    parts = prose(rng, lang, per_item)
    for item in agenda:
        parts.append(f"## {item['number']}. {item['name'][lang]}")
        parts += prose(rng, lang, per_item)
    parts.append("## Beslutninger" if lang == "da" else "## Decisions")
    parts.append("\n".join(f"- {item['result'][lang]}" for item in agenda))
    meta: dict[str, Any] = {"meeting": record["id"], "title": "Referat" if lang == "da" else "Minutes",
                            "date": min(sort_date(i, scale) + dt.timedelta(days=10), BENCH_DATE).isoformat()}
    if lang == "da":  # the minutes' status is kept on the Danish report
        later = approver(i, scale)
        meta |= {"minutes": "approved", "approved_at": meeting_id(later)} if later is not None else {"minutes": "draft"}
    return front_matter(meta, "\n\n".join(parts) + "\n")


def decisions(i: int, record: dict[str, Any], scale: Scale, seed: int) -> list[dict[str, Any]]:
    """:attr:`Scale.decisions_per_meeting` (0–3) decisions of a held meeting, owned by partners that attended it."""
    rng = _rng(seed, "decisions", i)
    out: list[dict[str, Any]] = []
    for k in range(rng.randint(*scale.decisions_per_meeting)):
        status = DECISION_STATUSES[(i + k) % len(DECISION_STATUSES)]
        decision: dict[str, Any] = {
            "id": f"{record['id']}-b{k + 1}",
            "meeting": record["id"],
            "text": {"da": sentence(rng, "da"), "en": sentence(rng, "en")},
            "owners": rng.sample(record["attended"], min(2, len(record["attended"]))),
            "status": status,
        }
        if k % 2 == 0:
            decision["due"] = f"{meeting_date(i, scale).year + 1}-12"
        later = approver(i, scale)
        if later is not None:
            decision["reported_at"] = meeting_id(later)
        if status == "dropped":
            decision["note"] = {"da": sentence(rng, "da"), "en": sentence(rng, "en")}
        out.append(decision)
    return out


# --- partners, themes, agreements, pages -------------------------------------------------


def representatives(i: int, rng: random.Random) -> list[dict[str, Any]]:
    roles = [("borgmester", "mayor")] if i == 0 else rng.sample(ROLES, rng.randint(1, 3))
    names = rng.sample([f"{f} {l}" for f in FIRST_NAMES for l in LAST_NAMES], len(roles))
    reps: list[dict[str, Any]] = [{"name": n, "role": _bi(r)} for n, r in zip(names, roles)]
    if len(reps) > 1:
        reps[-1]["start_date"] = f"{2018 + i % 6}-0{1 + i % 9}"
    return reps


def memberships(i: int, reps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first four signed in 2017; others were invited then and most signed later; some
    signed the 2024 version, a few left."""
    first = AGREEMENTS[0][0]
    signatory = reps[0]["name"]
    history: list[dict[str, Any]]
    if i < 4:
        history = [{"status": "signed", "date": "2017-08", "agreement": first, "signatory": signatory}]
    else:
        history = [{"status": "invited", "date": "2017-08", "agreement": first}]
        if i % 3 != 0:
            history.append({"status": "signed", "date": f"{2018 + i % 6}-{1 + i % 12:02d}",
                            "agreement": first, "signatory": signatory})
    if i % 5 == 1:
        history.append({"status": "signed", "date": "2024-03-14", "agreement": AGREEMENTS[1][0],
                        "signatory": signatory})
    elif i % 13 == 0 and i > 0:
        history.append({"status": "left", "date": "2025-01", "agreement": first})
    return history


def partner(i: int, seed: int) -> dict[str, Any]:
    rng = _rng(seed, "partner", i)
    if i == 0:
        kind, name = "municipality", ("Albertslund Kommune", "Albertslund Municipality")
    else:
        kind, (da, en) = KINDS[0] if i < 4 else KINDS[i % len(KINDS)]
        place = PLACES[i % len(PLACES)]
        name = (f"{da} {place} {i}", f"{en} {place} {i}")
    reps = representatives(i, rng)
    record: dict[str, Any] = {"id": partner_id(i), "name": _bi(name), "classification": kind}
    if i % 2 == 0:
        record["website"] = f"https://{partner_id(i)}.example.dk"
    record["description"] = _bi((sentence(rng, "da"), sentence(rng, "en")))
    if i % 4 == 3:
        record["note"] = _bi((sentence(rng, "da"), sentence(rng, "en")))
    record["memberships"] = memberships(i, reps)
    record["representatives"] = reps
    return record


def theme(i: int, seed: int) -> dict[str, Any]:
    rng = _rng(seed, "theme", i)
    da, en = TOPICS[i % len(TOPICS)]
    if i >= len(TOPICS):
        da, en = f"{da} ({i // len(TOPICS) + 1})", f"{en} ({i // len(TOPICS) + 1})"
    return {"id": theme_id(i), "title": {"da": da, "en": en},
            "summary": {"da": sentence(rng, "da"), "en": sentence(rng, "en")}}


def agreements() -> list[dict[str, Any]]:
    return [{"id": aid, "title": {"da": f"Partnerskabsaftale {date[:4]}", "en": f"Partnership agreement {date[:4]}"},
             "adopted": date, "text": page} for aid, page, date in AGREEMENTS]


def page(path: str, title: str, lang: str, seed: int, **meta: Any) -> str:
    """An editor's page of about 300 words."""
    body = "\n\n".join([f"# {title}", *prose(_rng(seed, "page", path, lang), lang, 300)]) + "\n"
    return front_matter({"title": title, **meta}, body)


def pages(seed: int) -> dict[str, str]:
    """Editors' pages: home and agreements in both languages, one page only in Danish."""
    titles = {"index.md": ("Boligdialog i Albertslund", "Boligdialog in Albertslund"),
              "om.md": ("Om partnerskabet", "About the partnership")}
    titles |= {path: (f"Partnerskabsaftalen {date[:4]}", f"The partnership agreement {date[:4]}")
               for _, path, date in AGREEMENTS}
    out = {path: page(path, da, "da", seed) for path, (da, _) in titles.items()}
    # om.md has no English: an English fallback page is generated for it
    out |= {"en/" + path: page(path, en, "en", seed) for path, (_, en) in titles.items() if path != "om.md"}
    return out


def news(k: int, scale: Scale, seed: int) -> dict[str, str]:
    """A news article in Danish and, except every fifth, English."""
    path = f"nyheder/nyhed-{k + 1:04d}.md"
    day = min(meeting_date(k * scale.meetings // scale.news, scale) + dt.timedelta(days=3), BENCH_DATE)
    rng = _rng(seed, "news", k)
    out = {path: page(path, f"Nyhed {k + 1}", "da", seed, date=day.isoformat(), description=sentence(rng, "da"))}
    if k % 5 != 4:
        out["en/" + path] = page(path, f"News {k + 1}", "en", seed, date=day.isoformat(),
                                 description=sentence(rng, "en"))
    return out


# --- the whole partnership ---------------------------------------------------------------


def partnership(scale: Scale, seed: int = 1) -> Partnership:
    """Every data file, content file and attachment of a partnership of ``scale``."""
    meetings = [meeting(i, scale, seed) for i in range(scale.meetings)]
    content = pages(seed)
    files: dict[str, int] = {}
    for k in range(scale.news):
        content |= news(k, scale, seed)
    for i, record in enumerate(meetings):
        if record["state"] != "held":
            continue
        path = f"referater/{record['id']}.md"  # tied to its meeting by `meeting:` in the report
        content[path] = report(i, record, "da", scale, seed)
        every = scale.danish_only_every
        if not every or i % every != 3 % every:  # every tenth report has no English yet: the Danish one stands in
            content["en/" + path] = report(i, record, "en", scale, seed)
        files |= {f["path"]: _rng(seed, "size", f["path"]).randint(2_000, 20_000) for f in record["files"]}
    data = {
        "partners.yaml": {"partners": [partner(i, seed) for i in range(scale.partners)]},
        "themes.yaml": {"themes": [theme(i, seed) for i in range(scale.themes)]},
        "agreements.yaml": {"agreements": agreements()},
        "meetings.yaml": {"meetings": meetings},
        "decisions.yaml": {"decisions": [d for i, record in enumerate(meetings) if record["state"] == "held"
                                         for d in decisions(i, record, scale, seed)]},
    }
    return Partnership(data=data, content=content, files=files)


def yaml_text(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
