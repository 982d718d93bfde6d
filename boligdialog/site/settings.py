"""The generator's settings for one site: the keys under ``extra:`` in ``mkdocs.yml``.

Everything particular to a partnership comes from here (its name, its forum, its town, its
open data's licence), never from the package. Each key is declared once, below, with its type,
its default and what it does, as MkDocs' ``config_options`` and Material's plugin configs
declare theirs. A wrong type or an unknown key (a typo) is an editor's mistake, reported
like a mistake in the data: ``mkdocs.yml:52: extra.contakt: …; did you mean 'contact'?``,
every one at once, and the build stops.

Material's own ``extra`` keys (``alternate``, ``analytics``, ``consent``, ``social``, …) are
allowed and left to Material. This module does not import MkDocs: :func:`from_mkdocs` takes
the path of ``mkdocs.yml`` and the ``extra`` MkDocs read; :func:`read` reads the file itself
(``boligdialog check``, the scaffold).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, PlainValidator

from boligdialog.model.errors import DataError, ValidationFailed
from boligdialog.model.messages import validate_source
from boligdialog.model.records import Email, Id, LineField, Line, TextField, Url
from boligdialog.model.translate import tr
from boligdialog.model.values import LANGS, Lang, Text
from boligdialog.model.yamlsource import Source
from boligdialog.site import colors, i18n, routes
from boligdialog.model.valuetypes import Email

CONFIG_FILE = "mkdocs.yml"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Forum(_Model):
    """The forum where the partnership meets (``extra.forum``)."""

    name: LineField = Text("Forum")
    """Its name, in each language or one for both (``Dialogforum``): "Næste {forum}" on the
    home page, the calendar's name, the open data's description."""
    slug: Id | None = None
    """The name in addresses: the calendar of every meeting is ``moeder/<slug>.ics``, and the
    ids the scaffold proposes for new meetings are ``<slug>-2027-1``. Default: the Danish name
    as an address writes it (``Dialogforum`` -> ``dialogforum``)."""

    @property
    def id(self) -> str:
        """The slug, given or derived."""
        return self.slug or routes.slugify(self.name.da) or "forum"


class License(_Model):
    """The licence of the open data (``extra.open_data.license``)."""

    name: Line = "CC0-1.0"
    """Its identifier in the SPDX list."""
    title: Line = "Creative Commons Zero v1.0 Universal"
    """Its name as people read it."""
    path: Url = "https://creativecommons.org/publicdomain/zero/1.0/"
    """Address of the licence text."""


def _word_list(words: Any, lang: str) -> list[str]:
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError(tr("expected a list of words under {lang} but received {value}", lang=lang,
                            value=repr(words)))
    return words


def _keywords(value: Any) -> dict[Lang, list[str]]:
    """``[a, b]`` for both languages, or ``{da: [a, b], en: [c]}``."""
    if isinstance(value, list):
        value = {"da": value}
    if not isinstance(value, dict) or set(value) - set(LANGS) or "da" not in value:
        raise ValueError(tr("expected a list of words, or one under da and one under en, but received {value}",
                            value=tr("a mapping") if isinstance(value, dict) else repr(value)))
    return {lang: _word_list(value.get(lang, value["da"]), lang) for lang in LANGS}


class OpenData(_Model):
    """The open data under ``/data/`` (``extra.open_data``)."""

    license: License = License()
    """The licence, named in ``datapackage.json`` and on the page ``/aabne-data/``. CC0 is what
    the Danish Agency for Digital Government recommends for public-sector open data."""
    title: LineField | None = None
    """The data package's title. Default: the site's name followed by ": åbne data"
    (word ``open_data_title``)."""
    description: TextField | None = None
    """The data package's description. Default: the word ``open_data_package_description``,
    which names the place and the forum."""
    publisher: LineField | None = None
    """Who publishes the data, as the catalogues (DCAT-AP-DK ``dct:publisher``) name it.
    Default: the site's name."""
    contact_email: Email | None = None
    """Where users of the data write with questions (DCAT-AP-DK ``dcat:contactPoint``);
    without it the catalogue description names no contact point."""
    keywords: Annotated[dict, PlainValidator(_keywords)] | None = None
    """Words the data catalogues find the package by, one list for both languages or
    ``{da: [...], en: [...]}``. Default: the place, ``boligdialog``, the forum, OParl, Popolo."""


class Edit(_Model):
    """Where editors change the site's files (``extra.edit``): "Ret denne side" below each page."""

    repository: Url
    """The repository's address on GitHub, ``https://github.com/<owner>/<repository>``."""
    branch: Line = "main"
    """The branch the site is published from."""


def _color(value: Any) -> str:
    if not colors.is_hex(value):
        raise ValueError(tr("expected a colour written like '#1d5b79' but received {value}", value=repr(value)))
    ratio = colors.contrast(value, "#ffffff")
    if ratio < colors.AA:
        raise ValueError(tr("expected a colour dark enough for white text on it (a contrast of at least 4.5:1) "
                            "but received {value}, whose contrast is {ratio}:1", value=repr(value),
                            ratio=f"{ratio:.1f}".replace(".", ",")))
    return value.lower()


Color = Annotated[str, PlainValidator(_color)]
"""A colour ``#rrggbb`` that white text can be read on (WCAG AA, 4.5:1)."""


class Colors(_Model):
    """The partnership's colours (``extra.colors``); ``theme.palette`` in mkdocs.yml says
    ``custom`` so that Material takes these instead of its own."""

    primary: Color = "#1d5b79"
    """The header's and the footer's background (white text on it), and headings' accents."""
    accent: Color = "#8a3b00"
    """Links when pointed at or focused, and the keyboard focus ring (on white)."""


class WebEditor(_Model):
    """The web editor at ``/admin/`` (``extra.web_editor``): Decap CMS, its forms made from the
    data model (:mod:`boligdialog.outputs.webeditor`), saving to the repository on GitHub."""

    repository: Url
    """The repository's address on GitHub, ``https://github.com/<owner>/<repository>``."""
    branch: Line = "main"
    """The branch the site is published from; a save opens a pull request against it."""
    auth: Url | None = None
    """The address of the sign-in service (an OAuth client for GitHub, such as one of those
    Decap CMS lists as external OAuth clients); without it, Decap's default (Netlify)."""


class Responsible(_Model):
    """Who is responsible for the site, as the footer names it (``extra.responsible``): the
    authority a citizen writes or calls, as the Danish public sector's footer shows it."""

    name: LineField
    """The authority's name in each language, or one for both (``Vestby Kommune``)."""
    address: LineField | None = None
    """Its postal address, on one line (``Torvet 1, 9999 Vestby``)."""
    email: Email | None = None
    phone: Line | None = None
    """Its telephone number as people dial it (``43 68 68 68``)."""


class Settings(_Model):
    """Every key the generator reads from ``extra:`` in ``mkdocs.yml``."""

    site_name: LineField
    """The site's name in each language: the header, ``<title>``, feeds, calendars, JSON-LD and
    OpenGraph of each language use it (``{partnership}`` in the words)."""
    description: TextField
    """What the partnership is, in a sentence per language: the home pages' JSON-LD, and the
    description of a page that has none of its own."""
    place: LineField
    """The town or municipality the partnership is in, in each language or one for both
    (``{place}`` in the words: the feed's subtitle, the open data's keywords)."""
    forum: Forum = Forum()
    """The forum where the partnership meets."""
    accessibility_statement: Url | None = None
    """The accessibility statement made with the agency's WAS-Tool, linked from every page's
    footer as "Tilgængelighedserklæring", and where ``/was`` forwards. Default: the agency's
    address for the site's host."""
    accessibility_reviewed: dt.date | None = None
    """The day the accessibility statement was last reviewed (``2026-03-01``): the law asks
    for a review every year, and the build log says when this day is more than a year ago."""
    open_data: OpenData = OpenData()
    """The open data's licence, title, description and keywords."""
    edit: Edit | None = None
    """Where editors change the site's files; without it, pages have no edit link."""
    web_editor: WebEditor | None = None
    """The web editor at ``/admin/``; without it, the site has none."""
    contact: TextField | None = None
    """The footer's contact line, in each language."""
    responsible: Responsible | None = None
    """The authority responsible for the site, with its contact: the header names it, the
    footer gives its address, e-mail and telephone."""
    colors: Colors = Colors()
    """The partnership's colours."""
    example: bool = False
    """The site is an example: its address, its accessibility statement or its contact are
    placeholders. Every page says so in a banner. Without it, a site whose address or
    accessibility statement is an example address (``boligdialog.example.org``, the WAS
    address made from it) does not build."""
    # Material for MkDocs' own keys (its templates read them as config.extra.*): passed through.
    alternate: Any = None
    analytics: Any = None
    annotate: Any = None
    consent: Any = None
    generator: Any = None
    homepage: Any = None
    polyfills: Any = None
    scope: Any = None
    social: Any = None
    status: Any = None
    tags: Any = None
    version: Any = None

    def statement_overdue(self, today: dt.date) -> str | None:
        """The build log's reminder when the statement's review is more than a year old."""
        reviewed = self.accessibility_reviewed
        if reviewed is None or today <= _a_year_after(reviewed):
            return None
        return tr("{file}: extra.accessibility_reviewed: the accessibility statement was last reviewed on {day}, "
                  "more than a year before the build date {today}: review it in the WAS-Tool and set the day of "
                  "the review here", file=CONFIG_FILE, day=reviewed.isoformat(), today=today.isoformat())

    def placeholders(self) -> dict[Lang, dict[str, str]]:
        """What ``{forum}``, ``{place}``, ``{partnership}`` and ``{slug}`` say in each language's words."""
        return {lang: {"forum": self.forum.name.get(lang).text, "place": self.place.get(lang).text,
                       "partnership": self.site_name.get(lang).text, "slug": self.forum.id} for lang in LANGS}

    def about_open_data(self, words: dict[Lang, dict[str, str]]) -> "AboutData":
        """The open data package's name, title, description and keywords (given or derived)."""
        od = self.open_data
        title = od.title or Text(words["da"]["open_data_title"], words["en"]["open_data_title"])
        description = od.description or Text(words["da"]["open_data_package_description"],
                                             words["en"]["open_data_package_description"])
        keywords = od.keywords or {lang: [self.place.get(lang).text, "boligdialog", self.forum.name.get(lang).text,
                                          "OParl", "Popolo"] for lang in LANGS}
        merged = list(dict.fromkeys(w for lang in LANGS for w in keywords[lang]))
        return AboutData(name=routes.slugify(self.site_name.da) or "boligdialog", title=title,
                         description=description, keywords=merged, publisher=od.publisher or self.site_name,
                         contact_email=od.contact_email)


@dataclasses.dataclass(frozen=True)
class AboutData:
    """What ``datapackage.json`` says about itself."""

    name: str
    title: Text
    description: Text
    keywords: list[str]
    publisher: Text | None = None
    """Who publishes the data (``extra.open_data.publisher``, by default the site's name)."""
    contact_email: str | None = None
    """Where to write about the data (``extra.open_data.contact_email``)."""


def _a_year_after(day: dt.date) -> dt.date:
    """The same day a year later (29 February: 28 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


# --- reading ------------------------------------------------------------------------------


class _Composer(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` as plain values: MkDocs' tags (``!ENV``, ``!!python/name:``) become
    the value they are written on, not Python objects."""


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if suffix == "ENV":  # MkDocs: the first variable that is set, else the last item as the default
        names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [node.value]
        found = [os.environ[str(n)] for n in names[:-1] if str(n) in os.environ]
        last = str(names[-1])
        return found[0] if found else os.environ.get(last, last if len(names) > 1 else None)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


for _prefix in ("!", "tag:yaml.org,2002:python/"):
    _Composer.add_multi_constructor(_prefix, _plain)


def _lines(node: yaml.Node | None, path: tuple[Any, ...], out: dict[tuple[Any, ...], int]) -> None:
    """The line of every key and list item below ``node`` (aliases followed once)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                child = (*path, key.value)
                out.setdefault(child, key.start_mark.line + 1)
                _lines(value, child, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out.setdefault((*path, i), item.start_mark.line + 1)
            _lines(item, (*path, i), out)


def from_mkdocs(config_file_path: str | Path, extra: Any, site_url: str | None = None) -> Settings:
    """The settings from ``extra`` as MkDocs read it from ``config_file_path``; every mistake
    in them (and an example ``site_url`` on a site that is not marked as an example) raises one
    :class:`ValidationFailed`, at its line of the file."""
    path = Path(config_file_path)
    lines: dict[tuple[Any, ...], int] = {}
    try:
        with path.open(encoding="utf-8") as stream:
            root = yaml.compose(stream, Loader=_Composer)
        _lines(root, (), lines)
    except (OSError, yaml.YAMLError):  # MkDocs read it, so this is rare: report without lines
        pass
    inner = {p[1:]: line for p, line in lines.items() if p[:1] == ("extra",)}
    inner[()] = lines.get(("extra",), 1)
    data = {key: value for key, value in dict(extra or {}).items()}
    src = Source(file=path.name, data=data, lines=inner)
    settings, errors = validate_source(src, Settings)
    if errors:
        raise ValidationFailed([dataclasses.replace(e, path=f"extra.{e.path}" if e.path else "extra", place="")
                                for e in errors])
    assert settings is not None
    left = [] if settings.example else placeholders_left(settings, site_url, path.name, lines)
    if left:
        raise ValidationFailed(left)
    return settings


def placeholders_left(settings: Settings, site_url: str | None, file: str,
                      lines: dict[tuple[Any, ...], int]) -> list[DataError]:
    """The example addresses a citizen could meet on a site not marked ``example: true``."""
    found = [(("site_url",), "site_url", site_url)]
    found.append((("extra", "accessibility_statement"), "extra.accessibility_statement", settings.accessibility_statement))
    return [DataError(file, lines.get(key, lines.get(("extra",), 1)), path, tr(
        "expected the site's real address but received the example address {value}: set the real one, or set "
        "extra.example: true to publish the site as an example (every page then says so)", value=repr(value)))
        for key, path, value in found if value and colors.is_placeholder(value)]


def read(root: Path) -> Settings:
    """The settings of the site at ``root``, read from its ``mkdocs.yml`` without MkDocs."""
    path = root / CONFIG_FILE
    try:
        with path.open(encoding="utf-8") as stream:
            config = yaml.load(stream, Loader=_Composer)  # noqa: S506 - tags become plain values
    except (OSError, yaml.YAMLError) as exc:
        raise ValidationFailed([DataError(CONFIG_FILE, 1, "", tr("expected a readable mkdocs.yml: {problem}",
                                                                  problem=str(exc).splitlines()[0]))]) from None
    extra = config.get("extra") if isinstance(config, dict) else None
    return from_mkdocs(path, extra, config.get("site_url") if isinstance(config, dict) else None)


def activate(root: Path | None, settings: Settings) -> dict[Lang, dict[str, str]]:
    """Make ``settings`` the ones this build uses: the words (the package's, replaced by the
    site's ``i18n/`` files at ``root``, filled in from the settings) and the calendar's address.
    Mistakes in the site's word files raise :class:`ValidationFailed`."""
    values = settings.placeholders()
    words = i18n.load_words(root, values)
    i18n.use(words, values)
    routes.use_forum(settings.forum.id)
    return words
