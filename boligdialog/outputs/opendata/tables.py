"""The tables of the package, derived from the model: one table of each kind of record the site
holds, and one of each of their list fields (a child table of records, or a link table of ids)."""

from __future__ import annotations

import functools
import mimetypes
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from boligdialog.model.records import Agreement, Decision, Meeting, Page, Partner, Theme
from boligdialog.model.values import LANGS, Lang
from boligdialog.outputs.opendata.columns import Column, Context, ListField, Row, model_columns, snake
from boligdialog.site import i18n, routes
from boligdialog.site.sitedata import ContentPage, Site


@dataclass(frozen=True)
class Table:
    """One table of the package: its columns, its key and where its rows come from."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    items: Callable[[Context], Iterator[Row]]
    owner: str | None = None
    """For a child or link table: the table it belongs to."""
    field: str | None = None
    """For a child or link table: the owner's field it comes from."""

    def rows(self, ctx: Context) -> list[tuple[Any, ...]]:
        return [tuple(column.get(row) for column in self.columns) for row in self.items(ctx)]

    def foreign_keys(self) -> list[Column]:
        return [c for c in self.columns if c.reference]


@dataclass(frozen=True)
class Source:
    """A table of records the site holds, from which child and link tables come too."""

    name: str
    model: type[BaseModel]
    records: Callable[[Site], Iterable[tuple[BaseModel, Any]]]
    """``(record, source)`` pairs: the model instance and what added columns read."""
    lead: tuple[Column, ...] = ()
    """Columns added from the site before the model's (the key of a table without ``id``)."""
    tail: tuple[Column, ...] = ()
    """Columns added from the site after the model's (page addresses)."""
    key: tuple[str, ...] = ("id",)


# --- the tables of the partnership ----------------------------------------------------------


def _url(section: str, lang: Lang) -> Callable[[Row], str]:
    return lambda row: routes.absolute(row.ctx.site_url, routes.item(section, row.record.id, lang))


def _page_urls(section: str) -> tuple[Column, ...]:
    return tuple(Column(f"url_{lang}", f"url_{lang}", _url(section, lang), True) for lang in LANGS)


def _agreement_urls() -> tuple[Column, ...]:
    def url(lang: Lang) -> Callable[[Row], str]:
        return lambda row: routes.absolute(row.ctx.site_url, routes.src_uri(lang, row.record.text))
    return tuple(Column(f"url_{lang}", f"url_{lang}", url(lang), True) for lang in LANGS)


def _reports(site: Site) -> Iterator[tuple[BaseModel, Any]]:
    """Every report file, Danish and English, with the meeting it reports on filled in."""
    for meeting in site.meetings:
        for lang in LANGS:
            page = site.report(meeting, lang)
            if page is not None:
                yield page.meta.model_copy(update={"meeting": meeting.id}), page


def _report_url(row: Row) -> str:
    page: ContentPage = row.source
    assert row.record.meeting is not None
    uri = routes.item("meetings", row.record.meeting, page.lang)
    return routes.absolute(row.ctx.site_url, uri) + "#referat"


def _each(records: Callable[[Site], Iterable[BaseModel]]) -> Callable[[Site], Iterator[tuple[BaseModel, Any]]]:
    return lambda site: ((record, record) for record in records(site))


SOURCES: tuple[Source, ...] = (
    Source("partners", Partner, _each(lambda s: s.partners), tail=_page_urls("partners")),
    Source("agreements", Agreement, _each(lambda s: s.agreements), tail=_agreement_urls()),
    Source("themes", Theme, _each(lambda s: s.themes), tail=_page_urls("themes")),
    Source("meetings", Meeting, _each(lambda s: s.meetings), tail=_page_urls("meetings")),
    Source("decisions", Decision, _each(lambda s: s.decisions)),
    Source("reports", Page, _reports, key=("path",), lead=(
        Column("path", "path", lambda row: row.source.src_uri, True),
        Column("lang", "lang", lambda row: row.source.lang, True, values=LANGS),
    ), tail=(Column("url", "report_url", _report_url, True),)),
)
"""The record tables, in the order of the package; their list fields add the other tables."""

CHILD_TAIL: dict[str, tuple[Column, ...]] = {
    "attachments": (
        Column("url", "file_url", lambda row: routes.absolute(row.ctx.site_url, row.record.path), True),
        Column("bytes", "bytes", lambda row: row.ctx.site.file_sizes[row.record.path], True),
        Column("media_type", "media_type",
               lambda row: mimetypes.guess_type(row.record.path)[0] or "application/octet-stream", True),
    ),
}
"""Columns added from the site to a child table (the files' addresses, sizes and types)."""


def _children(source: Source, name: str) -> Callable[[Context], Iterator[Row]]:
    key = source.key[0]

    def items(ctx: Context) -> Iterator[Row]:
        for record, _ in source.records(ctx.site):
            for position, value in enumerate(getattr(record, name), 1):
                yield Row(value, ctx, getattr(record, key), position, value)
    return items


def _list_table(source: Source, field: ListField) -> Table:
    owner = snake(source.model.__name__)
    where = f"{source.model.__name__}.{field.name}"
    head = (Column(owner, "id", lambda row: row.owner, True, reference=source.name),
            Column("position", "position", lambda row: row.position, True))
    item = field.type
    if item.model is not None:
        name = snake(item.model.__name__) + "s"
        columns = (*head, *model_columns(item.model), *CHILD_TAIL.get(name, ()))
    elif getattr(item.validator, "__name__", "") == "_slug":
        target = item.refers_to
        if target is None:
            raise TypeError(f"{where}: a list of ids needs the table it points to: RefersTo in its type "
                            "(boligdialog.model.valuetypes)")
        name = f"{owner}_{field.name}"
        columns = (*head, Column(_singular(target), "id", lambda row: row.record, True, field.about,
                                 reference=target, field=field.name, model=source.model.__name__))
    else:
        raise TypeError(f"{where}: no table for a list of {item.base!r}; teach boligdialog.outputs.opendata")
    return Table(name, columns, (owner, "position"), _children(source, field.name), source.name, field.name)


def _singular(table: str) -> str:
    return snake(next(s.model.__name__ for s in SOURCES if s.name == table))


@functools.cache
def tables() -> tuple[Table, ...]:
    """Every table of the package, derived from the model: record tables, each followed by
    the tables of its list fields."""
    out: list[Table] = []
    for source in SOURCES:
        lists: list[ListField] = []
        columns = (*source.lead, *model_columns(source.model, lists=lists), *source.tail)

        def items(ctx: Context, source: Source = source) -> Iterator[Row]:
            return (Row(record, ctx, source=extra) for record, extra in source.records(ctx.site))
        out.append(Table(source.name, columns, source.key, items))
        out += [_list_table(source, f) for f in lists]
    names = [t.name for t in out]
    if len(set(names)) != len(names):
        raise TypeError(f"two tables of the same name: {names}")
    for table in out:
        duplicated = {c.name for c in table.columns if [d.name for d in table.columns].count(c.name) > 1}
        if duplicated:
            raise TypeError(f"table {table.name}: two columns named {sorted(duplicated)}")
    return tuple(out)


TABLE_TEXTS: dict[str, tuple[str, str]] = {
    "partners": ("Organisationerne i partnerskabet og dem, der er inviteret til at blive en del af det: "
                 "navn, type, hjemmeside og en note om det, der ikke vides.",
                 "The organisations in the partnership and those invited to join it: name, kind, website "
                 "and a note on what is not known."),
    "memberships": ("Hver ændring i en partners forhold til en udgave af aftalen (inviteret, underskrevet, "
                    "udtrådt) med dato. Den seneste ændring dateret senest på datapakkens dato er partnerens "
                    "status; en ændring med en senere dato er varslet og ikke sket endnu.",
                    "Each change in a partner's relation to a version of the agreement (invited, signed, "
                    "left), with its date. The latest change dated on or before the package's date is the "
                    "partner's status; a change with a later date is announced and has not happened yet."),
    "representatives": ("De personer, der taler på en partners vegne, og deres rolle.",
                        "The people who speak for a partner, and their role."),
    "agreements": ("Udgaverne af partnerskabsaftalen: titel, hvornår de blev vedtaget og trådte i kraft, hvad "
                   "der blev ændret, og høringen.",
                   "The versions of the partnership agreement: title, when each was adopted and came into force, "
                   "what changed, and the consultation."),
    "themes": ("De temaer, partnerskabet drøfter.", "The themes the partnership discusses."),
    "meetings": ("Møderne i {forum}: tidspunkt, sted, status og antal deltagere (præcist eller anslået).",
                 "The {forum} meetings: time, place, state and number of participants (exact or "
                 "estimated)."),
    "agenda_items": ("Punkterne på hvert mødes dagsorden og deres resultat.",
                     "The items on each meeting's agenda, and their result."),
    "attachments": ("Filer, der hører til et møde (fx dagsordener): navn, adresse, type og størrelse.",
                    "Files that belong to a meeting (such as agendas): name, address, type and size."),
    "meeting_themes": ("Hvilke temaer hvert møde handlede om.", "Which themes each meeting was about."),
    "meeting_invited": ("Hvilke organisationer der blev inviteret til hvert møde.",
                        "Which organisations were invited to each meeting."),
    "agreement_consulted": ("Hvilke organisationer der blev inviteret til at svare i høringen om en udgave af aftalen.",
                            "Which organisations were invited to respond in the consultation on a version of the "
                            "agreement."),
    "responses": ("Høringssvar: hvem der svarede i høringen om en udgave af aftalen, hvornår, og hvad de skrev, "
                  "kort.",
                  "Consultation responses: who responded in the consultation on a version of the agreement, when, "
                  "and what they wrote, in short."),
    "meeting_attended": ("Hvilke organisationer der deltog i hvert møde.",
                         "Which organisations attended each meeting."),
    "decisions": ("Beslutninger truffet i {forum}, og hvor langt de er nået.",
                  "Decisions taken at the {forum}, and how far they have come."),
    "decision_owners": ("Hvilke partnere der har ansvaret for hver beslutning.",
                        "Which partners are responsible for each decision."),
    "reports": ("Oplysninger om referaterne af møderne, én række pr. sprog: titel, udgivelsesdato og om "
                "referatet er et udkast eller godkendt. Selve teksten står på mødets side.",
                "Facts about the meetings' reports, one row per language: title, date of publication and "
                "whether the minutes are a draft or approved. The text itself is on the meeting's page."),
}
"""What each table holds, in Danish and English (the open-data page and ``datapackage.json``);
``{forum}`` is the site's forum (:func:`table_text`)."""


def table_text(name: str) -> tuple[str, str]:
    """What the table ``name`` holds, in Danish and English, with the site's names filled in."""
    da, en = TABLE_TEXTS[name]
    return i18n.fill(da, "da"), i18n.fill(en, "en")


