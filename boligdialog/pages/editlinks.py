""""Ret denne side" / "Edit this page": the file an editor changes for each page.

A written page is its Markdown file under ``content/``; a page made from data is the data
file at its record's line (a meeting's page: its entry in ``data/meetings.yaml``), and a
list made from data is its data file. The links go to the repository set in ``mkdocs.yml``
(``extra.edit.repository``, GitHub's address form, and ``extra.edit.branch``); without one
the pages have no such link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from boligdialog.site import routes
from boligdialog.site.sitedata import Site

if TYPE_CHECKING:
    from boligdialog.site.settings import Settings

DATA_OF = {"partners": "data/partners.yaml", "meetings": "data/meetings.yaml", "themes": "data/themes.yaml"}
"""The data file of each generated section."""


@dataclass(frozen=True)
class Source:
    """Where a page comes from: a file (and line), or a folder where new files go."""

    path: str
    line: int | None = None
    folder: bool = False


def source(src_uri: str, site: Site) -> Source | None:
    """The file an editor changes for the page ``src_uri`` (``None``: no file, e.g. search)."""
    if src_uri in site.pages:
        return Source(f"content/{src_uri}")
    danish = routes.danish_uri(src_uri)
    if danish == routes.FOLLOW_UP or danish.startswith(routes.FOLLOW_UP_DIR):
        return Source("data/decisions.yaml")
    if danish == routes.NEWS:
        return Source(f"content/{routes.NEWS_DIR.rstrip('/')}", folder=True)
    for section, folder in routes.SECTIONS.items():
        if danish == f"{folder}/index.md":
            return Source(DATA_OF[section])
        record = _item(danish, folder)
        if record is not None:
            if routes.is_year(record.rpartition("/")[2]):  # a year page lists meetings
                return Source(DATA_OF["meetings"])
            return Source(DATA_OF[section], site.record_lines.get(DATA_OF[section], {}).get(record))
    return None


def _item(danish: str, folder: str) -> str | None:
    """What follows ``folder/`` in the Danish path of a page under it (a record's id, a year,
    ``index``), or ``None``."""
    if danish.startswith(f"{folder}/") and danish.endswith(".md"):
        return danish[len(folder) + 1: -len(".md")]
    return None


def report_source(src_uri: str, site: Site) -> Source | None:
    """A meeting page's report, in the page's language if it has its own (the English page
    shows the Danish report where there is no English one), or ``None``: what an editor
    changes after the meeting is mostly the report, not the meeting's entry."""
    meeting = _item(routes.danish_uri(src_uri), routes.SECTIONS["meetings"])
    report = site.reports.get(meeting) if meeting is not None else None
    if report is None:
        return None
    own = routes.src_uri(routes.lang_of(src_uri), report)
    return Source(f"content/{own if own in site.pages else report}")


@dataclass(frozen=True)
class Repository:
    """Where the site's files are kept, as ``extra.edit`` in ``mkdocs.yml`` says."""

    url: str
    branch: str = "main"

    @classmethod
    def from_settings(cls, settings: "Settings") -> "Repository | None":
        """The repository ``extra.edit`` names, if it does."""
        edit = settings.edit
        return cls(edit.repository.rstrip("/"), edit.branch) if edit else None

    def link(self, where: Source) -> str:
        """GitHub's editor for a file, its view at a line (the editor clicks the pencil there),
        or a folder (where "Add file" is)."""
        if where.folder:
            return f"{self.url}/tree/{self.branch}/{where.path}"
        if where.line:
            return f"{self.url}/blob/{self.branch}/{where.path}#L{where.line}"
        return f"{self.url}/edit/{self.branch}/{where.path}"
