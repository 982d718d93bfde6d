"""The licence the open data are published under."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from boligdialog.site.settings import Settings


@dataclass(frozen=True)
class License:
    """The licence the data are published under (``extra.open_data.license`` in ``mkdocs.yml``)."""

    name: str
    """Its identifier, as in the SPDX list (``CC0-1.0``)."""
    title: str
    path: str
    """Address of the licence text."""

    @classmethod
    def from_settings(cls, settings: "Settings") -> "License":
        """The licence ``extra.open_data.license`` names."""
        value = settings.open_data.license
        return cls(value.name, value.title, value.path)


DEFAULT_LICENSE = License("CC0-1.0", "Creative Commons Zero v1.0 Universal",
                          "https://creativecommons.org/publicdomain/zero/1.0/")
"""CC0: the Danish Agency for Digital Government recommends it for public-sector open data."""
