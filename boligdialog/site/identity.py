"""The site as a publisher: its address, and its name and description in each language.

They are set in ``mkdocs.yml`` (``site_url``, ``extra.site_name``, ``extra.description``)
and read once per build; the header, ``<title>``, feeds, calendars, JSON-LD and OpenGraph
all take the name from here, so a page never names the site in another language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from boligdialog.site import routes
from boligdialog.model.values import Lang, Text

if TYPE_CHECKING:
    from boligdialog.site.settings import Settings

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
        return cls(url=url if url.endswith("/") else url + "/", name=settings.site_name,
                   description=settings.description)
