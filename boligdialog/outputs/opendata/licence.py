"""The licence the open data are published under."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from boligdialog.model.errors import show


@dataclass(frozen=True)
class License:
    """The licence the data are published under (``extra.open_data.license`` in ``mkdocs.yml``)."""

    name: str
    """Its identifier, as in the SPDX list (``CC0-1.0``)."""
    title: str
    path: str
    """Address of the licence text."""

    @classmethod
    def from_config(cls, section: Any) -> "License":
        """The licence from ``extra.open_data`` of the config, or :data:`DEFAULT_LICENSE` when
        none is set."""
        if section is None:
            return DEFAULT_LICENSE
        if not isinstance(section, Mapping):
            raise ValueError(f"mkdocs.yml: extra.open_data: expected a mapping with the key license "
                             f"but received {show(section)}")
        value = section.get("license")
        if value is None:
            return DEFAULT_LICENSE
        where = "mkdocs.yml: extra.open_data.license"
        if not isinstance(value, Mapping):
            raise ValueError(f"{where}: expected name, title and path but received {show(value)}")
        unknown = sorted(set(value) - {"name", "title", "path"})
        if unknown:
            raise ValueError(f"{where}: expected the keys name, title and path but received {unknown[0]!r}")
        for key in ("name", "title", "path"):
            if not isinstance(value.get(key), str) or not value[key].strip():
                raise ValueError(f"{where}.{key}: expected text but received {show(value.get(key))}")
        if not re.match(r"^https?://\S+$", value["path"]):
            raise ValueError(f"{where}.path: expected a web address starting with https:// "
                             f"but received {show(value['path'])}")
        return cls(value["name"], value["title"], value["path"])


DEFAULT_LICENSE = License("CC0-1.0", "Creative Commons Zero v1.0 Universal",
                          "https://creativecommons.org/publicdomain/zero/1.0/")
"""CC0: the Danish Agency for Digital Government recommends it for public-sector open data."""
