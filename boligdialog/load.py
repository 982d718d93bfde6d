"""Load and check everything an editor writes: ``data/*.yaml`` and the front
matter of ``content/**/*.md``.

:func:`load_site` either returns a complete :class:`Site` or raises one
:class:`~boligdialog.errors.ValidationFailed` listing every mistake, each as
``file:line: key: expected … but received …``. It reads each file once and
keeps nothing between calls.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
from pydantic import BaseModel, ValidationError

from .errors import DataError, ValidationFailed, format_path, show
from .model import (
    Agreement,
    AgreementsFile,
    Decision,
    DecisionsFile,
    Meeting,
    MeetingsFile,
    Page,
    Partner,
    PartnersFile,
    Theme,
    ThemesFile,
)
from .schedule import meeting_key
from .values import Lang, Text
from .yamlsource import Source, parse

DATA_FILES: dict[str, type[BaseModel]] = {
    "partners.yaml": PartnersFile,
    "themes.yaml": ThemesFile,
    "agreements.yaml": AgreementsFile,
    "meetings.yaml": MeetingsFile,
    "decisions.yaml": DecisionsFile,
}
"""The data files in ``data/`` and the model of each."""

EN_DIR = "en/"
NEWS_DIR = "nyheder/"
"""Danish news articles live in ``content/nyheder/``, English ones in ``content/en/nyheder/``."""


@dataclass(frozen=True)
class ContentPage:
    """An editor's Markdown file in ``content/``."""

    src_uri: str
    """Path relative to ``content/``, e.g. ``en/aftale.md``."""
    lang: Lang
    meta: Page
    body: str
    meta_ok: bool = True
    """False when the front matter had mistakes (already reported); checks that read it skip it."""


@dataclass
class Site:
    """Everything the site is built from, checked and cross-referenced."""

    partners: list[Partner]
    themes: list[Theme]
    agreements: list[Agreement]
    meetings: list[Meeting]
    pages: dict[str, ContentPage]
    """Every Markdown file under ``content/`` by its path there."""
    decisions: list[Decision] = field(default_factory=list)
    file_sizes: dict[str, int] = field(default_factory=dict)
    """Size in bytes of every meeting attachment, by its path under ``content/``."""
    missing_english: list[str] = field(default_factory=list)
    """``file:line: key`` of every text that exists only in Danish."""

    def partner(self, pid: str) -> Partner:
        return next(p for p in self.partners if p.id == pid)

    def theme(self, tid: str) -> Theme:
        return next(t for t in self.themes if t.id == tid)

    def meeting(self, mid: str) -> Meeting:
        return next(m for m in self.meetings if m.id == mid)

    def report(self, meeting: Meeting, lang: Lang) -> ContentPage | None:
        """The meeting's report in ``lang``, or ``None`` if there is none in that language."""
        if meeting.report is None:
            return None
        return self.pages.get(meeting.report if lang == "da" else EN_DIR + meeting.report)

    def decisions_of(self, meeting: Meeting) -> list[Decision]:
        return [d for d in self.decisions if d.meeting == meeting.id]

    def news(self, lang: Lang) -> list[ContentPage]:
        """News articles in ``lang`` (Danish ones that lack English count for English too)."""
        out = []
        for uri, page in self.pages.items():
            if page.lang == "da" and uri.startswith(NEWS_DIR):
                out.append(self.pages.get(EN_DIR + uri, page) if lang == "en" else page)
        return out

    @property
    def report_paths(self) -> set[str]:
        """Content paths (both languages) that are meeting reports, not pages of their own."""
        paths = {m.report for m in self.meetings if m.report}
        return paths | {EN_DIR + p for p in paths}


def lang_of(src_uri: str) -> Lang:
    """The language of a content path: ``en/…`` is English, everything else Danish."""
    return "en" if src_uri.startswith(EN_DIR) else "da"


def counterpart_uri(src_uri: str) -> str:
    """The same page in the other language: ``x.md`` <-> ``en/x.md``."""
    return src_uri[len(EN_DIR):] if src_uri.startswith(EN_DIR) else EN_DIR + src_uri


# --- pydantic errors -> editor messages -------------------------------------------------

_TYPE_MESSAGES = {
    "missing": "expected a value",
    "string_type": "expected text",
    "string_too_short": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list (lines starting with '- ')",
    "model_type": "expected a mapping of keys and values",
    "dict_type": "expected a mapping of keys and values",
    "greater_than_equal": "expected a number of at least {ge}",
    "too_short": "expected at least {min_length} item(s)",
}


def _unwrap(tp: Any) -> Any:
    """Strip Optional/Annotated/list down to the model class inside, if any."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0]
        elif origin is list:
            tp = typing.get_args(tp)[0]
        else:
            return tp


def _allowed_keys(root: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    model: Any = root
    for part in loc:
        if isinstance(part, str) and isinstance(model, type) and issubclass(model, BaseModel):
            model = _unwrap(model.model_fields[part].annotation)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def _message(err: Any, root: type[BaseModel]) -> str:
    kind, received = err["type"], err.get("input")
    if kind == "value_error":
        return str(err["ctx"]["error"])
    if kind == "missing":
        return "expected a value but received nothing (the key is missing)"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(root, tuple(err["loc"][:-1]))
        return f"expected one of {allowed} but received the unknown key {err['loc'][-1]!r}"
    expected = _TYPE_MESSAGES.get(kind)
    if expected is None:
        expected = "expected " + err["msg"][0].lower() + err["msg"][1:]
    return f"{expected.format(**err.get('ctx', {}))} but received {show(received)}"


def validate_source(src: Source, model: type[BaseModel]) -> tuple[Any | None, list[DataError]]:
    """Validate a parsed file against its model; return the model or the errors."""
    data = src.data if src.data is not None else {}
    if not isinstance(data, dict):
        return None, [src.error((), f"expected a mapping of keys and values but received {show(data)}")]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        errors = [src.error(tuple(e["loc"]), _message(e, model)) for e in exc.errors()]
        return None, errors


# --- loading -----------------------------------------------------------------------------


def _load_data(root: Path, errors: list[DataError]) -> dict[str, tuple[Any, Source]]:
    out: dict[str, tuple[Any, Source]] = {}
    for name, model in DATA_FILES.items():
        rel = f"data/{name}"
        path = root / rel
        if not path.is_file():
            errors.append(DataError(rel, 1, "", "expected this file to exist but it is missing"))
            continue
        src = parse(path.read_text(encoding="utf-8"), rel)
        errors.extend(src.errors)
        if src.errors:
            continue
        value, errs = validate_source(src, model)
        errors.extend(errs)
        if value is not None:
            out[name] = (value, src)
    return out


def _load_pages(content_dir: Path, errors: list[DataError]) -> tuple[dict[str, ContentPage], dict[str, Source]]:
    pages: dict[str, ContentPage] = {}
    sources: dict[str, Source] = {}
    handler = frontmatter.YAMLHandler()
    for path in sorted(content_dir.rglob("*.md")):
        src_uri = path.relative_to(content_dir).as_posix()
        rel = f"content/{src_uri}"
        text = path.read_text(encoding="utf-8")
        body, fm_text = text, ""
        if handler.detect(text):
            fm_text, body = handler.split(text)
            # python-frontmatter keeps the newline after the opening '---'; drop it so
            # that line 1 of the YAML is line 2 of the file.
            fm_text = fm_text[2:] if fm_text.startswith("\r\n") else fm_text.removeprefix("\n")
        src = parse(fm_text, rel, line_offset=1)
        meta, errs = validate_source(src, Page) if not src.errors else (None, src.errors)
        errors.extend(errs)
        # A page with bad front matter still exists: other checks must not report it missing.
        pages[src_uri] = ContentPage(src_uri, lang_of(src_uri), meta or Page(), body, meta_ok=meta is not None)
        sources[src_uri] = src
    return pages, sources


def _missing_english(value: Any, path: tuple[Any, ...], src: Source, out: list[str]) -> None:
    if isinstance(value, Text):
        if not value.en:
            out.append(f"{src.file}:{src.line(path)}: {format_path(path)}")
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _missing_english(getattr(value, name), (*path, name), src, out)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _missing_english(item, (*path, i), src, out)


def _check_unique(items: list[Any], key: str, src: Source, errors: list[DataError]) -> None:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in seen:
            errors.append(
                src.error((key, i, "id"), f"expected a unique id but received {item.id!r} again "
                          f"(first used at line {src.line((key, seen[item.id], 'id'))})")
            )
        seen.setdefault(item.id, i)


def _check_ref(
    value: str, known: list[str], what: str, path: tuple[Any, ...], src: Source, errors: list[DataError]
) -> None:
    if value not in known:
        errors.append(src.error(path, f"expected one of {known} ({what}) but received {value!r}"))


def _items(data: dict[str, tuple[Any, Source]], name: str, key: str) -> tuple[list[Any], Source | None]:
    """Records of one data file, or ``([], None)`` if that file did not load."""
    if name not in data:
        return [], None
    value, src = data[name]
    return getattr(value, key), src


def _check_references(
    data: dict[str, tuple[Any, Source]],
    pages: dict[str, ContentPage],
    page_sources: dict[str, Source],
    errors: list[DataError],
) -> None:
    """Check ids and references between files.

    A file that did not load is skipped, and so are the references into it (its ids
    are unknown), but every other check still runs: all mistakes in one report.
    """
    partners, psrc = _items(data, "partners.yaml", "partners")
    themes, tsrc = _items(data, "themes.yaml", "themes")
    agreements, asrc = _items(data, "agreements.yaml", "agreements")
    meetings, msrc = _items(data, "meetings.yaml", "meetings")
    for items, key, src in ((partners, "partners", psrc), (themes, "themes", tsrc),
                            (agreements, "agreements", asrc), (meetings, "meetings", msrc)):
        if src is not None:
            _check_unique(items, key, src, errors)
    partner_ids = [p.id for p in partners] if psrc else None
    theme_ids = [t.id for t in themes] if tsrc else None
    agreement_ids = [a.id for a in agreements] if asrc else None
    meeting_ids = [m.id for m in meetings] if msrc else None

    for i, p in enumerate(partners):
        assert psrc is not None
        names = [r.name for r in p.representatives]
        for j, m in enumerate(p.memberships):
            here = ("partners", i, "memberships", j)
            if agreement_ids is not None:
                _check_ref(m.agreement, agreement_ids, "agreement versions", (*here, "agreement"), psrc, errors)
            if m.signatory is not None and m.signatory not in names:
                _check_ref(m.signatory, names, f"representatives of {p.id}", (*here, "signatory"), psrc, errors)
            if m.signatory is not None and m.status != "signed":
                errors.append(psrc.error((*here, "signatory"), "expected a signatory only with status 'signed' "
                                         f"but received status {m.status!r}"))
        for j, r in enumerate(p.representatives):
            if r.start_date and r.end_date and r.end_date < r.start_date:
                errors.append(psrc.error(("partners", i, "representatives", j, "end_date"),
                                         f"expected a date on or after start_date {r.start_date} "
                                         f"but received {r.end_date}"))

    for i, a in enumerate(agreements):
        assert asrc is not None
        if a.page not in pages:
            errors.append(asrc.error(("agreements", i, "page"),
                                     f"expected an existing file content/{a.page} but received {a.page!r}"))

    for i, m in enumerate(meetings):
        assert msrc is not None
        here = ("meetings", i)
        for key, ids, what in (("themes", theme_ids, "themes"), ("invited", partner_ids, "partners"),
                               ("attended", partner_ids, "partners")):
            for j, ref in enumerate(getattr(m, key)):
                if ids is not None:
                    _check_ref(ref, ids, what, (*here, key, j), msrc, errors)
        if m.end is not None and m.start.time is not None and m.end <= m.start.time:
            errors.append(msrc.error((*here, "end"), f"expected a time after the start "
                                     f"{m.start.time:%H:%M} but received '{m.end:%H:%M}'"))
        if m.end is not None and m.start.time is None:
            errors.append(msrc.error((*here, "end"), "expected an end time only when start has a time "
                                     f"but received '{m.end:%H:%M}'"))
        if m.report is not None:
            if m.report not in pages:
                errors.append(msrc.error((*here, "report"),
                                         f"expected an existing file content/{m.report} but received {m.report!r}"))
            for uri in (m.report, EN_DIR + m.report):
                page = pages.get(uri)
                if page and page.meta.meeting not in (None, m.id):
                    errors.append(page_sources[uri].error(("meeting",), f"expected {m.id!r} (the meeting that "
                                                          f"lists this report) but received {page.meta.meeting!r}"))

    decisions, dsrc = _items(data, "decisions.yaml", "decisions")
    if dsrc is not None:
        _check_unique(decisions, "decisions", dsrc, errors)
    by_id = {m.id: m for m in meetings}
    for i, d in enumerate(decisions):
        assert dsrc is not None
        here = ("decisions", i)
        for key in ("meeting", "reported_at"):
            ref = getattr(d, key)
            if ref is not None and meeting_ids is not None:
                _check_ref(ref, meeting_ids, "meetings", (*here, key), dsrc, errors)
        for j, owner in enumerate(d.owners):
            if partner_ids is not None:
                _check_ref(owner, partner_ids, "partners", (*here, "owners", j), dsrc, errors)
        taken, reported = by_id.get(d.meeting), by_id.get(d.reported_at or "")
        if taken and reported and meeting_key(reported) < meeting_key(taken):
            errors.append(dsrc.error((*here, "reported_at"), f"expected a meeting on or after {taken.id!r}, "
                                     f"where the decision was taken, but received {reported.id!r}"))

    for m in meetings:
        for uri in (m.report, EN_DIR + m.report) if m.report else ():
            page = pages.get(uri)
            if page is not None and page.meta_ok:
                _check_report(m, page, page_sources[uri], by_id, errors)

    reports = {m.report for m in meetings if m.report}
    reports |= {EN_DIR + r for r in reports}
    for uri, page in pages.items():
        src = page_sources[uri]
        if page.meta_ok and uri.removeprefix(EN_DIR).startswith(NEWS_DIR):
            for key in ("title", "date"):
                if getattr(page.meta, key) is None:
                    errors.append(src.error((key,), f"expected a {key} for a news article but received nothing"))
            _check_day(page.meta.date, "date", src, errors)
        if page.meta.meeting is not None and uri not in reports and meeting_ids is not None:
            _check_ref(page.meta.meeting, meeting_ids, "meetings", ("meeting",), src, errors)
        if page.lang == "en" and counterpart_uri(uri) not in pages:
            errors.append(DataError(src.file, 1, "", f"expected a Danish page content/{counterpart_uri(uri)} "
                                    "beside this English one but there is none"))


def _check_day(value: Any, key: str, src: Source, errors: list[DataError]) -> None:
    if value is not None and value.precision != "day":
        errors.append(src.error((key,), f"expected a full date (YYYY-MM-DD) but received {str(value)!r}"))


def _check_report(meeting: Meeting, page: ContentPage, src: Source, by_id: dict[str, Meeting],
                  errors: list[DataError]) -> None:
    """A report's own front matter: publication date, and draft/approved status."""
    meta = page.meta
    if meta.date is None:
        errors.append(src.error(("date",), "expected the date the report was published (YYYY-MM-DD) "
                                "but received nothing"))
    _check_day(meta.date, "date", src, errors)
    _check_day(meta.updated, "updated", src, errors)
    if meta.status == "approved" and meta.approved_at is None:
        errors.append(src.error(("approved_at",), "expected the id of the meeting that approved the report "
                                "but received nothing"))
    if meta.approved_at is not None:
        if meta.status != "approved":
            errors.append(src.error(("approved_at",), "expected approved_at only with status 'approved' "
                                    f"but received status {meta.status!r}"))
        approver = by_id.get(meta.approved_at)
        if approver is None:
            _check_ref(meta.approved_at, list(by_id), "meetings", ("approved_at",), src, errors)
        elif meeting_key(approver) <= meeting_key(meeting):
            errors.append(src.error(("approved_at",), f"expected a meeting after {meeting.id!r} but received "
                                    f"{approver.id!r}, which came {'first' if approver is not meeting else 'at the same time'}"))


def _attachment_sizes(meetings: list[Meeting], content_dir: Path, src: Source | None,
                      errors: list[DataError]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    root = content_dir.resolve()
    for i, m in enumerate(meetings):
        for j, f in enumerate(m.files):
            path = (content_dir / f.path).resolve()
            if not path.is_relative_to(root) or not path.is_file():
                assert src is not None
                errors.append(src.error(("meetings", i, "files", j, "path"),
                                        f"expected an existing file under content/ but received {f.path!r}"))
                continue
            sizes[f.path] = path.stat().st_size
    return sizes


def load_site(root: Path, content_dir: Path | None = None) -> Site:
    """Load, validate and cross-check the data in ``root/data`` and ``root/content``.

    Raises:
        ValidationFailed: with every mistake found, in file and line order.
    """
    content_dir = content_dir or root / "content"
    errors: list[DataError] = []
    data = _load_data(root, errors)
    pages, page_sources = _load_pages(content_dir, errors)
    _check_references(data, pages, page_sources, errors)
    meetings, msrc = _items(data, "meetings.yaml", "meetings")
    sizes = _attachment_sizes(meetings, content_dir, msrc, errors)
    if errors:
        raise ValidationFailed(errors)

    missing: list[str] = []
    for value, src in data.values():
        _missing_english(value, (), src, missing)
    for uri, page in pages.items():
        if page.lang == "da" and counterpart_uri(uri) not in pages:
            missing.append(f"content/{uri}: no English page content/{counterpart_uri(uri)}")
    return Site(
        partners=data["partners.yaml"][0].partners,
        themes=data["themes.yaml"][0].themes,
        agreements=data["agreements.yaml"][0].agreements,
        meetings=data["meetings.yaml"][0].meetings,
        pages=pages,
        decisions=data["decisions.yaml"][0].decisions,
        file_sizes=sizes,
        missing_english=missing,
    )
