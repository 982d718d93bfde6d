"""The site as a publisher: its address, and its name and description in each language.

They are set in ``mkdocs.yml`` (``site_url``, ``extra.site_name``, ``extra.description``)
and read once per build; the header, ``<title>``, feeds, calendars, JSON-LD and OpenGraph
all take the name from here, so a page never names the site in another language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from boligdialog.site import routes
from boligdialog.model.values import Lang, Text

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
    def from_config(cls, site_url: str | None, extra: Mapping[str, Any]) -> "Identity":
        """Read the identity from MkDocs's config; a missing or malformed value raises
        ``ValueError`` naming the ``mkdocs.yml`` key."""
        url = site_url or FALLBACK_URL
        texts = {}
        for key in ("site_name", "description"):
            try:
                texts[key] = Text.parse(extra.get(key))
            except ValueError as exc:
                raise ValueError(f"mkdocs.yml: extra.{key}: {exc}") from None
        return cls(url=url if url.endswith("/") else url + "/", name=texts["site_name"],
                   description=texts["description"])
