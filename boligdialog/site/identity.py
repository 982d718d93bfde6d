"""The site as a publisher: its address, and its name and description in each language.

They are set in ``mkdocs.yml`` (``site_url``, ``extra.site_name``, ``extra.description``)
and read once per build; the header, ``<title>``, feeds, calendars, JSON-LD and OpenGraph
all take the name from here, so a page never names the site in another language.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit
from typing import TYPE_CHECKING

from boligdialog.site import routes
from boligdialog.model.values import Lang, Text

if TYPE_CHECKING:
    from boligdialog.site.settings import Settings, WebEditor

FALLBACK_URL = "https://boligdialog.invalid/"
"""Address used when ``site_url`` is not set (a preview); ``.invalid`` is never a real host."""


@dataclass(frozen=True)
class Identity:
    """Who publishes the site, in both languages."""

    url: str
    """The site's address, ending in ``/`` (``site_url``)."""
    name: Text
    """The site's name (``extra.site_name``)."""
    description: Text
    """What the partnership is, in a sentence (``extra.description``)."""
    accessibility_statement: str = ""
    """The accessibility statement's address (``extra.accessibility_statement``, by default
    :func:`was_address` of the site's host): ``/was`` forwards to it."""
    web_editor: "WebEditor | None" = None
    """The web editor at ``/admin/`` (``extra.web_editor``), if the site has one."""

    @property
    def organization_id(self) -> str:
        """JSON-LD ``@id`` of the partnership, the same on every page and in both languages."""
        return self.url + "#partnerskab"

    def home(self, lang: Lang) -> str:
        """Absolute address of the home page in ``lang``."""
        return routes.absolute(self.url, routes.src_uri(lang, "index.md"))

    @classmethod
    def from_settings(cls, site_url: str | None, settings: "Settings") -> "Identity":
        """The identity from ``site_url`` and the site's settings (``extra.site_name``,
        ``extra.description``)."""
        url = site_url or FALLBACK_URL
        url = url if url.endswith("/") else url + "/"
        return cls(url=url, name=settings.site_name, description=settings.description,
                   accessibility_statement=str(settings.accessibility_statement or was_address(url)),
                   web_editor=settings.web_editor)


def was_address(site_url: str) -> str:
    """The agency's address for a site's statement: ``https://www.was.digst.dk/`` and the
    site's host with its dots as hyphens (``boligdialog.dk`` -> ``boligdialog-dk``)."""
    return "https://www.was.digst.dk/" + (urlsplit(site_url).hostname or "").replace(".", "-")
