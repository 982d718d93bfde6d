"""The web editor at ``/admin/``: Decap CMS's configuration, made from the data model.

Decap CMS (docs/architecture.md, "The web editor") shows a form for each data file and each
editors' folder and saves them to git. Its configuration (``admin/config.yml``) is not written
by hand: :func:`config` walks the same pydantic models that validate the files
(:mod:`boligdialog.model.records`), so a field added to the model is in the form with no other
change, and ``tests/test_webeditor.py`` walks the model again and compares.

- Each data file (:data:`~boligdialog.model.records.DATA_FILES`) is a file of the collection
  ``data``: a list under its key (``meetings:``), one form per record.
- Each field's label and help are the model's :class:`~boligdialog.model.fields.About` in Danish,
  then how to write the value (the JSON Schemas' Danish hints, :mod:`boligdialog.editors.schemas`
  says the same); the YAML key is in the label too, so an editor who also edits by hand sees it.
- A text in both languages (``Text``) is an object of a Danish and an English field, side by
  side; the English one may be left empty.
- A date known to the day, month or year is a text with the date's pattern: a date picker
  would refuse ``2017-08`` ("August 2017", known only to the month). The pattern and its Danish
  message are the JSON Schemas' own (:func:`~boligdialog.editors.schemas.value_schemas`).
- A closed list (:mod:`boligdialog.model.choices`) is a choice among its values with their
  Danish labels.
- An id of another record (``RefersTo``) is a choice among the ids in that data file (Decap's
  relation widget reads them from the repository when the form opens).
- A meeting's file is uploaded to ``content/filer/`` (:data:`MEDIA`), which is where the path
  of an attachment points (``filer/…``).
- Reports and news (:data:`FOLDERS`) are Markdown files with front matter: the front matter's
  fields from the :class:`~boligdialog.model.records.Page` model, the text as Markdown.

The value type of every field has a widget here, by its validator, as the JSON Schemas have a
schema by it; a type without one stops the generation (``TypeError``) rather than offer a free
text that the check then refuses.
"""

from __future__ import annotations

import logging
import os
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel

from boligdialog.model import records as model
from boligdialog.model.choices import LISTS, ClosedList
from boligdialog.model.fields import FieldType, field_type
from boligdialog.model.records import DATA_FILES, Page
from boligdialog.model.translate import tr, use
from boligdialog.model.values import Lang
from boligdialog.site import routes

if typing.TYPE_CHECKING:
    from boligdialog.site.identity import Identity

log = logging.getLogger("mkdocs.hooks.boligdialog")
"""The build log (the adapter's logger: a warning here stops a ``--strict`` build)."""

DECAP_VERSION = "3.16.3"
"""The Decap CMS the site serves; the same as ``DECAP_CMS_VERSION`` in the Makefile, which
installs it (``tests/test_webeditor.py`` compares)."""
BUNDLE_DIR = Path(".tools/decap-cms/package/dist")
"""Where ``make tools`` unpacks Decap CMS's browser bundle, from the project's root."""
BUNDLE = "decap-cms.js"
BUNDLE_ENV = "BOLIGDIALOG_DECAP_DIR"
"""An environment variable that names another folder holding ``decap-cms.js``."""

LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1"
"""decap-server's address on the editor's own machine (``npx decap-server`` in the checkout):
Decap uses it only when ``/admin/`` is opened from 127.0.0.1 or localhost."""

MEDIA = "content/filer"
"""Where uploaded files go; their path in the data is then ``filer/<name>``, under content/."""
PUBLIC = "filer"

PAGE = routes.ADMIN_DIR + "index.html"
"""The editor's page."""
DATA = "data"
"""The collection of the data files."""

TITLES: dict[str, tuple[str, str]] = {
    "partners": ("Partnere", "partner"),
    "themes": ("Temaer", "tema"),
    "agreements": ("Aftalens udgaver", "udgave"),
    "meetings": ("Møder", "møde"),
    "decisions": ("Beslutninger", "beslutning"),
}
"""Each data file's name in the editor's menu, and what one of its records is called (the
button "Tilføj møde"), by the key of its list."""

SINGULAR: dict[str, str] = {
    "memberships": "ændring",
    "representatives": "repræsentant",
    "responses": "høringssvar",
    "agenda": "punkt",
    "files": "fil",
}
"""What one item of a list inside a record is called (the button "Tilføj fil"), by its field;
a list not named here is called by its Danish label."""


@dataclass(frozen=True)
class Folder:
    """A folder of editors' Markdown files that the web editor offers."""

    name: str
    label: str
    """Its name in the editor's menu, in Danish."""
    singular: str
    path: str
    """The folder under ``content/``."""
    lang: Lang
    leaves_out: tuple[str, ...]
    """The front matter's fields (of :class:`~boligdialog.model.records.Page`) its pages do not
    have; the form shows the others, in the model's order (a field added to ``Page`` is in every
    folder's form)."""
    slug: str
    """The new file's name (Decap's template)."""


REPORT_ONLY = ("meeting", "minutes", "approved_at")
"""The front matter's fields of a report, not of other pages."""
ENGLISH_LEAVES_OUT = ("minutes", "approved_at")
"""An English report's status is the Danish one's."""

FOLDERS: tuple[Folder, ...] = (
    Folder("referater", "Referater", "referat", routes.REPORTS_DIR, "da", (), "{{fields.meeting}}"),
    Folder("referater-en", "Referater på engelsk", "engelsk referat", routes.REPORTS_DIR, "en", ENGLISH_LEAVES_OUT,
           "{{fields.meeting}}"),
    Folder("nyheder", "Nyheder", "nyhed", routes.NEWS_DIR, "da", REPORT_ONLY, "{{slug}}"),
    Folder("nyheder-en", "Nyheder på engelsk", "engelsk nyhed", routes.NEWS_DIR, "en", REPORT_ONLY, "{{slug}}"),
    Folder("aftaletekster", "Aftalens tekster", "aftaletekst", routes.AGREEMENT_DIR, "da", REPORT_ONLY, "{{slug}}"),
    Folder("aftaletekster-en", "Aftalens tekster på engelsk", "engelsk aftaletekst", routes.AGREEMENT_DIR, "en",
           REPORT_ONLY, "{{slug}}"),
)
"""The editors' folders in the web editor: reports, news and the agreement's texts, each language.
Reports tie to their meeting by ``meeting:`` and are named by it, so the English report lands at
the Danish one's path."""

HOME: tuple[tuple[Lang, str], ...] = (("da", "Forsiden"), ("en", "Forsiden på engelsk"))
"""The home page of each language (``content/index.md``, ``content/en/index.md``): the one
editors' page outside a folder, a collection of its own files."""

NOT_EDITED: frozenset[str] = frozenset({"hide"})
"""Front-matter fields the web editor leaves out: Material's ``hide`` is layout, not content."""


def _first_clause(text: str) -> str:
    return text.split(";")[0].rstrip(". ")


def _closed_list(ft: FieldType) -> ClosedList | None:
    """The labelled closed list a ``Literal`` field takes its values from (``None``: no labels)."""
    values = set(get_args(ft.base))
    return next((c for c in LISTS.values() if set(c.values) == values), None)


def _hints() -> dict[Any, dict[str, Any]]:
    """How each value type is written and checked in the form, by its validator (built when
    asked: the hints are translated). Patterns and messages are the JSON Schemas'."""
    from boligdialog.editors import schemas  # noqa: PLC0415 - the one place the patterns are declared

    values = schemas.value_schemas()
    messages = schemas.pattern_messages()

    def text(validator: Any, widget: str = "string") -> dict[str, Any]:
        node = values[validator]
        branch = next((b for b in node.get("anyOf", [node]) if b.get("type") == "string"), node)
        out: dict[str, Any] = {"widget": widget, "hint": node["description"]}
        if "pattern" in branch and branch["pattern"] != r"\S":
            out["pattern"] = [branch["pattern"], messages[branch["pattern"]]]
        return out

    v = schemas._validator  # the same key the schemas use
    return {
        v(model.TextField): {"bilingual": "text"},
        v(model.LineField): {"bilingual": "string"},
        v(model.Line): text(v(model.Line)),
        v(model.Description): text(v(model.Description), "text"),
        v(model.DateField): text(v(model.DateField)),
        v(model.WhenField): text(v(model.WhenField)),
        v(model.TimeField): _unquoted(text(v(model.TimeField))),
        v(model.CountField): text(v(model.CountField)),
        v(model.AddressField): text(v(model.AddressField)),
        v(model.Id): text(v(model.Id)),
        v(model.Url): text(v(model.Url)),
        v(model.Email): text(v(model.Email)),
        v(model.ContentPath): text(v(model.ContentPath)),
        v(model.FilePath): {"widget": "file", "hint": values[v(model.FilePath)]["description"]},
        v(model.Label): text(v(model.Label)),
    }


def _unquoted(how: dict[str, Any]) -> dict[str, Any]:
    """A time of day as the form takes it: ``19:30``. The schemas' hint says to quote it, which is
    for YAML by hand; in the form the quotes would be part of the value (and the pattern refuse it)."""
    pattern, _ = how["pattern"]
    return how | {"hint": "Et klokkeslæt: 19:30", "pattern": [pattern, "Et klokkeslæt som 19:30"]}


def _relation(key: str, multiple: bool) -> dict[str, Any]:
    """A choice among the ids of the data file under ``key``, shown with their Danish names."""
    file = next(f for f in DATA_FILES if f.key == key)
    fields = record_model(file.model, key).model_fields
    named = next((n for n in ("name", "title") if n in fields), None)
    display = [f"{key}.*.id"] + ([f"{key}.*.{named}.da"] if named else [])
    return {"widget": "relation", "collection": DATA, "file": key, "value_field": f"{key}.*.id",
            "search_fields": display, "display_fields": display, "multiple": multiple, "options_length": 500}


def record_model(root: type[BaseModel], key: str) -> type[BaseModel]:
    """The record model of the list ``key`` of a data file's model."""
    found = field_type(root.model_fields[key], f"{root.__name__}.{key}").model
    if found is None:
        raise TypeError(f"{root.__name__}.{key} is no list of records")
    return found


def _label(ft: FieldType, name: str) -> tuple[str, str]:
    """A field's Danish label (the first clause of its ``About``, with its YAML key) and help."""
    if ft.about is None:
        raise TypeError(f"{name}: a field without About(da, en) cannot be labelled in the web editor")
    return f"{_first_clause(ft.about.da)} ({name})", ft.about.da


def widget(cls: type[BaseModel], name: str, hints: dict[Any, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The form field of ``cls.name``, as Decap CMS's configuration writes it."""
    hints = _hints() if hints is None else hints
    info = cls.model_fields[name]
    ft = field_type(info, f"{cls.__name__}.{name}")
    label, about = _label(ft, name)
    out: dict[str, Any] = {"name": name, "label": label}
    required = info.is_required()
    if ft.refers_to:
        out |= _relation(ft.refers_to, ft.many) | {"hint": about}
    elif ft.model:
        fields = [widget(ft.model, n, hints) for n in ft.model.model_fields]
        if ft.many:
            item = TITLES[name][1] if name in TITLES else SINGULAR.get(name, _first_clause(ft.about.da).lower())
            out |= {"widget": "list", "hint": about, "fields": fields, "label_singular": item, "collapsed": True,
                    "summary": _summary(ft.model)}
        else:
            out |= {"widget": "object", "hint": about, "fields": fields, "collapsed": True}
    elif typing.get_origin(ft.base) is Literal:
        closed = _closed_list(ft)
        options = ([{"label": closed.label(v, "da"), "value": v} for v in closed.values] if closed
                   else list(get_args(ft.base)))
        out |= {"widget": "select", "options": options, "multiple": ft.many, "hint": about}
    elif ft.base is int:
        out |= {"widget": "number", "value_type": "int", "min": 1, "hint": about}
    else:
        how = hints.get(ft.validator)
        if how is None:
            raise TypeError(f"{cls.__name__}.{name}: no web-editor widget for values checked by "
                            f"{ft.validator!r}: add one to boligdialog/outputs/webeditor.py")
        if "bilingual" in how:
            kind = how["bilingual"]
            out |= {"widget": "object", "hint": about, "collapsed": False, "fields": [
                {"name": "da", "label": "Dansk", "widget": kind, "required": required},
                {"name": "en", "label": "Engelsk", "widget": kind, "required": False,
                 "hint": "Kan stå tom: så vises den danske tekst på de engelske sider"}]}
        else:
            out |= how | {"hint": f"{about} {how['hint']}."}
            if ft.many:
                out |= {"widget": "list", "field": {"name": name, "label": label, **how}}
    if ft.many and not required:
        out.setdefault("default", [])
    out["required"] = required
    return out


def _summary(record: type[BaseModel]) -> str:
    """What a collapsed record in a list shows: its id and Danish name, if it has them."""
    names = record.model_fields
    parts = [f"{{{{fields.{n}}}}}" if n == "id" else f"{{{{fields.{n}.da}}}}"
             for n in ("id", "name", "title") if n in names]
    return " – ".join(parts) or f"{{{{fields.{next(iter(names))}}}}}"


def data_collection(hints: dict[Any, dict[str, Any]]) -> dict[str, Any]:
    """The collection of the data files: one file each, its list of records under its key."""
    files = []
    for file in DATA_FILES:
        title, _ = TITLES[file.key]
        files.append({"name": file.key, "label": title, "file": file.path,
                      "fields": [widget(file.model, file.key, hints)]})
    return {"name": DATA, "label": "Data", "editor": {"preview": False}, "files": files}


_BODY: dict[str, Any] = {"name": "body", "label": "Tekst", "widget": "markdown",
                         "hint": "Sidens tekst i Markdown. Skriv ikke scripts, on…-attributter eller "
                                 "javascript:-links: tjekket afviser dem."}
"""The page's text below the front matter."""


def page_fields(leaves_out: tuple[str, ...]) -> list[str]:
    """The front matter's fields a form shows: the ``Page`` model's, but ``leaves_out`` and :data:`NOT_EDITED`."""
    return [n for n in Page.model_fields if n not in NOT_EDITED and n not in leaves_out]


def folder_collection(folder: Folder, hints: dict[Any, dict[str, Any]]) -> dict[str, Any]:
    """The collection of one editors' folder: front matter from the ``Page`` model, then the text."""
    path = f"content/{routes.src_uri(folder.lang, folder.path).rstrip('/')}"
    fields = [widget(Page, name, hints) for name in page_fields(folder.leaves_out)]
    fields.append(_BODY)
    return {"name": folder.name, "label": folder.label, "label_singular": folder.singular, "folder": path,
            "create": True, "extension": "md", "format": "frontmatter", "slug": folder.slug,
            "identifier_field": "title", "summary": "{{title}}", "editor": {"preview": False}, "fields": fields}


def home_collection(hints: dict[Any, dict[str, Any]]) -> dict[str, Any]:
    """The collection of the home pages: the front matter's title and description, then the text."""
    files = [{"name": lang, "label": label, "file": f"content/{routes.src_uri(lang, 'index.md')}",
              "fields": [*(widget(Page, name, hints) for name in page_fields(REPORT_ONLY)), _BODY]}
             for lang, label in HOME]
    return {"name": "forside", "label": "Forsiden", "format": "frontmatter", "editor": {"preview": False},
            "files": files}


def config(*, repository: str, branch: str = "main", auth: str | None = None, site_url: str = "",
           local_backend: str = LOCAL_BACKEND, workflow: bool = True) -> dict[str, Any]:
    """Decap CMS's configuration for a site whose files are in ``repository`` (GitHub's address
    form) on ``branch``: a pull request per save (``workflow``), the forms from the model."""
    owner_repo = repository.rstrip("/").removeprefix("https://github.com/").removesuffix(".git")
    backend: dict[str, Any] = {"name": "github", "repo": owner_repo, "branch": branch,
                               "commit_messages": {
                                   "create": "Webredaktør: opret {{collection}} “{{slug}}”",
                                   "update": "Webredaktør: ret {{collection}} “{{slug}}”",
                                   "delete": "Webredaktør: slet {{collection}} “{{slug}}”",
                                   "uploadMedia": "Webredaktør: læg “{{path}}” op",
                                   "deleteMedia": "Webredaktør: slet “{{path}}”"}}
    if auth:
        backend["base_url"] = auth
    with use("da"):
        hints = _hints()
        collections = [data_collection(hints), *(folder_collection(f, hints) for f in FOLDERS),
                       home_collection(hints)]
    out: dict[str, Any] = {
        "backend": backend,
        "local_backend": {"url": local_backend, "allowed_hosts": ["127.0.0.1", "localhost"]},
        "locale": "da",
        "load_config_file": False,
        "media_folder": MEDIA,
        "public_folder": PUBLIC,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }
    if site_url:
        out["site_url"] = site_url
    if workflow:
        out["publish_mode"] = "editorial_workflow"
    return out


class _Dumper(yaml.SafeDumper):
    """Writes every value where it is, without anchors and aliases: a reader of the file sees
    each field whole."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def config_yaml(settings: dict[str, Any]) -> str:
    """The configuration as ``admin/config.yml``."""
    return yaml.dump(settings, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def bundle_dir(root: Path | None = None) -> Path | None:
    """The folder that holds Decap CMS's bundle: :data:`BUNDLE_ENV` if it is set (and then only
    it), else :data:`BUNDLE_DIR` from ``root`` (the current folder, where the build runs) or from
    the package's own checkout."""
    here = Path(__file__).resolve().parents[2]
    if os.environ.get(BUNDLE_ENV):
        candidates = [Path(os.environ[BUNDLE_ENV])]
    else:
        candidates = [(root or Path.cwd()) / BUNDLE_DIR, here / BUNDLE_DIR]
    return next((c for c in candidates if (c / BUNDLE).is_file()), None)


def bundle_files(folder: Path) -> Iterator[tuple[str, bytes]]:
    """Decap's script and the parts it loads when needed (``<n>.decap-cms.js``), without source maps."""
    for path in sorted(folder.glob("*decap-cms.js")):
        yield path.name, path.read_bytes()


def admin_page() -> str:
    """``admin/index.html``: the editor's page, in Danish, not indexed."""
    from boligdialog.pages.render import render  # noqa: PLC0415

    return render("admin.html", lang="da", page_uri=routes.ADMIN_DIR + "index.md", bundle=BUNDLE,
                  version=DECAP_VERSION) + "\n"


def files(identity: Identity) -> dict[str, str | bytes]:
    """The files of ``/admin/``; none when the site has no web editor, and none, with a line in the
    build's log, when Decap CMS's bundle is not installed (``make tools``): a page that cannot load
    its script is not published, and the citizens' site is built as before (``make build`` on a
    checkout without npm; the publish workflow runs ``make tools`` first)."""
    editor = identity.web_editor
    if editor is None:
        return {}
    folder = bundle_dir()
    if folder is None:
        log.info(tr("The web editor (/admin/) is left out: Decap CMS is not installed in {path}; "
                       "run make tools", path=str(BUNDLE_DIR)))
        return {}
    out: dict[str, str | bytes] = {routes.ADMIN_DIR + name: data for name, data in bundle_files(folder)}
    out[PAGE] = admin_page()
    out[routes.ADMIN_DIR + "config.yml"] = config_yaml(config(
        repository=str(editor.repository), branch=editor.branch, auth=str(editor.auth) if editor.auth else None,
        site_url=identity.url))
    return out
