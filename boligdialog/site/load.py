"""Load and check everything an editor writes: ``data/*.yaml`` and the front
matter of ``content/**/*.md``.

:func:`load_site` either returns a complete :class:`~boligdialog.site.sitedata.Site`
or raises one :class:`~boligdialog.model.errors.ValidationFailed` listing every
mistake, each as ``file:line: key: expected … but received …``. It reads each
file once and keeps nothing between calls. Shapes and types are checked by the
models (:mod:`boligdialog.model.records`), references between files by
:mod:`boligdialog.site.checks`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from boligdialog.site import checks, routes, schedule, settings
from boligdialog.site.checks import Loaded
from boligdialog.model.errors import DataError, ValidationFailed, format_path
from boligdialog.model.fields import Reference, referenced_ids
from boligdialog.model.messages import validate_source
from boligdialog.model.records import DATA_FILES, MEETINGS, DataFile, Meeting, Page
from boligdialog.model.positions import place
from boligdialog.model.translate import language, suggest, tr
from boligdialog.site.sitedata import ContentPage, Site
from boligdialog.model.values import CONTROL, Lang, Text, char_name, mangled, mangled_message, visible
from boligdialog.model.yamlsource import Source, parse, reparse


FENCE = "---"


def read_text(path: Path, rel: str, errors: list[DataError]) -> str | None:
    """A file's text (UTF-8, a byte-order mark is dropped), or ``None`` and an error."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        errors.append(DataError(rel, line, "", tr("expected UTF-8 text but received bytes in another encoding "
                                                  "(save the file as UTF-8)")))
        return None


def split_front_matter(text: str, rel: str) -> tuple[Source, str]:
    """Front matter (parsed, with file line numbers) and body of a Markdown file.

    Front matter is YAML between a first line ``---`` and the next line ``---``
    (or ``...``), as MkDocs reads it.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != FENCE:
        return Source(file=rel, data={}), text
    for i, line in enumerate(lines[1:], start=1):
        if line.rstrip() in (FENCE, "..."):
            src = parse("".join(lines[1:i]), rel, line_offset=1)
            if src.data is None and not src.errors:
                src.data = {}  # front matter with nothing in it
            return src, "".join(lines[i + 1:])
    src = Source(file=rel, data=None)
    src.errors.append(DataError(rel, 1, "", tr("expected front matter to end with a line '---' but it never ends"),
                                hint=tr("add a line with only --- below the last key of the front matter")))
    return src, text


_read: dict[tuple[str, str], tuple[str, Any]] = {}
"""The last reading of each file in this process, by (path, language of the messages): its
text and what was made of it (mistakes, validated value). ``mkdocs serve`` loads everything
again after every edit; a file whose text did not change is not parsed and validated again (at
2,000 meetings that was nine tenths of loading). The records are frozen models, and nothing
changes a :class:`~boligdialog.model.yamlsource.Source` after it is made."""


def forget() -> None:
    """Drop the readings kept for the next load (a build that has no next one, before Pagefind)."""
    _read.clear()
    checks.forget()


def _once(path: Path, text: str, make: Any) -> Any:
    """``make(last)``, or what it made for the same file with the same text last time; ``last`` is
    the last reading of the file, ``(text, made)``, or ``None``."""
    key = (str(path), language())
    last = _read.get(key)
    if last is None or last[0] != text:
        last = _read[key] = (text, make(last))
    return last[1]


Reading = tuple[Any, Source, tuple[str, ...], tuple[tuple[Reference, ...], ...]]
"""A data file read without mistakes: its value, its source, where a text lacks English, and
the ids each record names (:func:`~boligdialog.model.fields.referenced_ids`)."""
Data = dict[DataFile[Any], tuple[Reading | None, list[str] | None]]
"""Each data file's reading (``None`` if it has mistakes), and the ids written in it (``None``
if it could not be read as YAML)."""


def _load_data(root: Path, errors: list[DataError], texts: dict[str, str | None]) -> Data:
    """Each data file, read and validated; ``texts`` gets the text of each file as it was read
    (``None``: missing or unreadable)."""
    out: Data = {}
    for file in DATA_FILES:
        rel = file.path
        path = root / rel
        out[file] = (None, None)
        texts[rel] = None
        if not path.is_file():
            errors.append(DataError(rel, 1, "", tr("expected this file to exist but it is missing")))
            continue
        text = texts[rel] = read_text(path, rel, errors)
        if text is None:
            continue
        errs, *value = _once(path, text, lambda last: _validated(text, rel, file, last))
        out[file] = tuple(value)
        errors.extend(errs)
    return out


def _validated(text: str, rel: str, file: DataFile[Any], last: tuple[str, Any] | None = None) -> tuple[
        list[DataError], Reading | None, list[str] | None]:
    """A data file's mistakes, its reading if it has none, and the ids written in it. ``last`` is
    the last reading of the file (its text and what this made of it): if it had no mistakes and
    the edit since is within one record, only that record is parsed again (:func:`reparse`)."""
    before = last[1][1] if last is not None else None
    src = (before is not None and reparse(before[1], last[0], text, file.key)) or parse(text, rel)
    if src.errors:
        return src.errors, None, None
    value = _revalidated(before, src, file) if before is not None else None
    errs: list[DataError] = []
    if value is None:
        value, errs = validate_source(src, file.model)
    if value is None:
        return errs, None, _written_ids(src.data, file.key, errs)
    missing: list[str] = []
    _missing_english(value, (), src, missing)
    kept = dict(zip(map(id, file.records(before[0])), before[3])) if before is not None else {}
    refs = tuple(kept[id(record)] if id(record) in kept else tuple(referenced_ids(record))
                 for record in file.records(value))  # a record kept from the last reading names the same ids
    return errs, (value, src, tuple(missing), refs), _written_ids(src.data, file.key, errs)


def _revalidated(before: Reading, src: Source, file: DataFile[Any]) -> Any | None:
    """The value of ``src`` made from the last valid reading ``before`` (value, source) when
    ``src`` has the same records but one (:func:`reparse` kept the others as they were) and
    that one is valid: only it is validated. ``None``: validate the whole file (which words
    any mistake at its place in the file)."""
    value, last, *_ = before
    olds, news = last.data.get(file.key), src.data.get(file.key) if isinstance(src.data, dict) else None
    if not isinstance(olds, list) or not isinstance(news, list) or len(olds) != len(news) \
            or src.data.keys() != last.data.keys() or any(src.data[k] is not last.data[k] for k in src.data if k != file.key):
        return None
    changed = [i for i, (old, new) in enumerate(zip(olds, news)) if old is not new]
    if len(changed) != 1:
        return None
    try:
        record = file.record_model.model_validate(news[changed[0]])
    except ValidationError:
        return None
    records = list(file.records(value))
    records[changed[0]] = record
    return value.model_copy(update={file.key: records})


def _written_ids(data: Any, key: str, errors: list[DataError]) -> list[str] | None:
    """The ids of the records as written in a data file with mistakes elsewhere: a mistake in
    one record of ``partners.yaml`` must not hide the references to partners that other files
    get wrong. ``None`` (references to them are not checked) when an id is missing or itself a
    mistake, so no file the editor did not touch gets a mistake it does not have."""
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return None
    bad = {e.path for e in errors}
    ids = [item.get("id") if isinstance(item, dict) else None for item in items]
    if any(not isinstance(i, str) or f"{key}[{n}].id" in bad or f"{key}[{n}]" in bad for n, i in enumerate(ids)):
        return None
    return ids


def _link_problem(path: Path, root: Path) -> str | None:
    """What is wrong with the symbolic link ``path`` inside ``root``, if anything.

    MkDocs follows links and publishes what they point to, so a link may only point to a
    file inside ``content/``."""
    if path.is_dir():
        return tr("expected a file or folder but received a link to a folder (a symbolic link); "
                  "move or copy the files here instead")
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return tr("expected a file but received a link to {target}, which does not exist",
                  target=repr(os.readlink(path)))
    except (OSError, RuntimeError):
        return tr("expected a file but received a link that points round in a circle (a link loop)")
    if not target.is_relative_to(root):
        return tr("expected a file inside content/ but received a link to a file outside it, which would be "
                  "published; copy the file here instead")
    return None


_NAME_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Characters a file name may not have: the invisible ones, line breaks and tabs included."""


def scan_content(content_dir: Path, errors: list[DataError]) -> list[str]:
    """Every file under ``content/`` as a path relative to it, sorted; links that point
    outside ``content/``, to folders, to nothing or in a circle are errors and left out."""
    uris: list[str] = []
    root = content_dir.resolve()
    for folder, dirs, files in os.walk(content_dir):  # does not follow links
        here = Path(folder).relative_to(content_dir).as_posix()
        prefix = "" if here == "." else here + "/"
        in_files = set(files)  # a folder of 2,000 reports: no list lookups
        for name in [*dirs, *files]:
            if (bad := _NAME_CONTROL.search(name)) is not None:
                errors.append(DataError(f"content/{visible(prefix + name)}", 1, "", tr(
                    "expected a file name of letters, digits and hyphens but received one with the invisible "
                    "character {character}; rename it", character=char_name(bad.group()))))
                if name not in in_files:
                    dirs.remove(name)
                continue
            full = os.path.join(folder, name)
            if os.path.islink(full) and (problem := _link_problem(Path(full), root)):
                errors.append(DataError(f"content/{prefix}{name}", 1, "", problem))
                if name not in in_files:
                    dirs.remove(name)
            elif name in in_files:
                uris.append(prefix + name)
    return sorted(uris)


def _body_errors(body: str, text: str, rel: str) -> list[DataError]:
    """Invisible characters and words mangled by a wrong encoding in the Markdown text, with
    their lines."""
    out = []
    above = text[: len(text) - len(body)].count("\n")
    if (word := mangled(body)) is not None:
        line = above + body[: word[0]].count("\n") + 1
        out.append(DataError(rel, line, "", mangled_message(*word[1:])))
    bad = CONTROL.search(body.replace("\r", ""))
    if bad is None:
        return out
    start = text.find(bad.group())
    line = text[:start].count("\n") + 1
    return out + [DataError(rel, line, "", tr("expected plain text but received the invisible character {character}; "
                                              "delete it", character=char_name(bad.group())))]


def _load_pages(content_dir: Path, uris: list[str],
                errors: list[DataError]) -> tuple[dict[str, ContentPage], dict[str, Source]]:
    pages: dict[str, ContentPage] = {}
    sources: dict[str, Source] = {}
    for src_uri in uris:
        if not src_uri.endswith(".md"):
            continue
        path = content_dir / src_uri
        rel = f"content/{src_uri}"
        text = read_text(path, rel, errors)
        if text is None:
            page, src, errs = _page(src_uri, rel, None)
        else:
            page, src, errs = _once(path, text, lambda last: _page(src_uri, rel, text))
        errors.extend(errs)
        pages[src_uri], sources[src_uri] = page, src
    return pages, sources


def _page(src_uri: str, rel: str, text: str | None) -> tuple[ContentPage, Source, list[DataError]]:
    """An editor's page read from ``text`` (``None``: the file could not be read), and its mistakes."""
    src, body = split_front_matter(text or "", rel)
    errors = _body_errors(body, text or "", rel)
    meta, errs = (None, src.errors) if src.errors or text is None else validate_source(src, Page)
    # A page with bad front matter still exists: other checks must not report it missing.
    before = (text or "")[: len(text or "") - len(body)]  # the body is the end of the text
    page = ContentPage(src_uri, routes.lang_of(src_uri), meta or Page(), body, meta_ok=meta is not None,
                       body_line=before.count("\n") + 1)
    return page, src, errors + errs


def _file_sizes(meetings: list[Meeting], content_dir: Path, files: list[str], src: Source | None,
                errors: list[DataError]) -> dict[str, int]:
    """The size of every file under ``content/`` that is not a page (attachments, responses);
    a meeting's attachment that is not there is an error."""
    sizes = {uri: (content_dir / uri).stat().st_size for uri in files if not uri.endswith(".md")}
    for i, m in enumerate(meetings):
        for j, f in enumerate(m.files):
            if f.path not in sizes:
                assert src is not None
                errors.append(src.error(("meetings", i, "files", j, "path"),
                                        tr("expected an existing file under content/ but received {path}",
                                           path=repr(f.path)), hint=suggest(f.path, files)))
    return sizes


def _missing_english(value: Any, path: tuple[Any, ...], src: Source, out: list[str]) -> None:
    if isinstance(value, Text):
        if not value.en:
            out.append(f"{src.file}:{src.line(path)}: {place(path, src.data) or format_path(path)}")
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _missing_english(getattr(value, name), (*path, name), src, out)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _missing_english(item, (*path, i), src, out)


def _withhold(pages: dict[str, ContentPage], reports: dict[str, str]) -> tuple[frozenset[str], list[str]]:
    """The news and reports that hold no text yet (the scaffold writes a help text in an HTML
    comment, to be written over): they are published when they are written, and each is
    told as a notice. A Danish one withholds its English page too; an English one alone
    leaves the Danish page, which is then shown as existing only in Danish."""
    withheld: set[str] = set()
    notices = []
    for uri, page in sorted(pages.items()):
        danish = routes.danish_uri(uri)
        report = danish.startswith(routes.REPORTS_DIR)
        if not (report or danish.startswith(routes.NEWS_DIR)) or page.written:
            continue
        withheld.add(uri)
        if page.lang == "da":
            withheld.add(routes.counterpart_uri(uri))
        message = tr("the report has no text yet (only the help text between <!-- and -->): the meeting's page "
                     "says there is no report yet until you write it below that line") if report else \
            tr("the news has no text yet (only the help text between <!-- and -->): it is not published until "
               "you write it below that line")
        blank = page.body[: len(page.body) - len(page.body.lstrip())].count("\n")  # to the help text's line
        notices.append(DataError(f"content/{uri}", page.body_line + blank, "", message).render())
    for meeting, uri in list(reports.items()):
        if uri in withheld:
            del reports[meeting]
    return frozenset(u for u in withheld if u in pages), notices


def load_site(root: Path, content_dir: Path | None = None, *, today: dt.date | None = None) -> Site:
    """Load, validate and cross-check the data in ``root/data`` and ``root/content``.

    Args:
        root: the project folder.
        content_dir: the editors' Markdown and files (default ``root/content``).
        today: the build date, against which nothing may be recorded as done before it
            happened (default: :func:`boligdialog.site.schedule.build_time`).

    Raises:
        ValidationFailed: with every mistake found, in file and line order.
    """
    content_dir = content_dir or root / "content"
    today = today or schedule.build_time().date()
    errors: list[DataError] = []
    texts: dict[str, str | None] = {}
    data = _load_data(root, errors, texts)
    files = scan_content(content_dir, errors)
    pages, sources = _load_pages(content_dir, files, errors)
    loaded = {file: Loaded(file.records(v[0]), v[1], refs=v[3]) if v else Loaded([], None, written)
              for file, (v, written)
              in data.items()}
    checker = checks.check(loaded, pages, sources, files, today)
    errors += checker.errors
    meetings = loaded[MEETINGS]
    sizes = _file_sizes(meetings.items, content_dir, files, meetings.src, errors)
    if errors:
        raise ValidationFailed(errors)
    withheld, unwritten = _withhold(pages, checker.reports)
    pages = {uri: page for uri, page in pages.items() if uri not in withheld}

    missing: list[str] = []
    for value, _ in data.values():
        assert value is not None
        missing += value[2]
    for uri, page in pages.items():
        if page.lang == "da" and routes.counterpart_uri(uri) not in pages:
            missing.append(f"content/{uri}: " + tr("no English page content/{path}", path=routes.counterpart_uri(uri)))
    return Site(
        **{file.key: loaded[file].items for file in DATA_FILES},
        pages=pages,
        today=today,
        reports=checker.reports,
        file_sizes=sizes,
        missing_english=missing,
        notices=checker.notices + unwritten,
        withheld=withheld,
        data_texts=texts,
        record_lines={value[1].file: {item.id: value[1].line((file.key, i))
                                      for i, item in enumerate(file.records(value[0]))}
                      for file, (value, _) in data.items() if value is not None},
    )


def load_with_settings(root: Path, read_settings: Callable[[], settings.Settings], content_dir: Path | None = None,
                       *, today: dt.date) -> tuple[settings.Settings, dict[Lang, dict[str, str]], Site]:
    """The generator's settings (``read_settings()``: from ``mkdocs.yml``), the words they
    make, and the site loaded with them (:func:`load_site`). The mistakes in the settings and
    those in the data and content are raised together, in one :class:`ValidationFailed` (the
    data are then checked with the words in force before)."""
    errors: list[DataError] = []
    site_settings = words = site = None
    try:
        site_settings = read_settings()
        words = settings.activate(root, site_settings)
    except ValidationFailed as exc:
        errors += exc.errors
    try:
        site = load_site(root, content_dir, today=today)
    except ValidationFailed as exc:
        errors += exc.errors
    if errors:
        raise ValidationFailed(errors)
    assert site_settings is not None and words is not None and site is not None
    return site_settings, words, site
