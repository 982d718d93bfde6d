"""Colours a site may choose: written ``#rrggbb``, and dark enough for white text (WCAG 2's
contrast ratio, at least 4.5:1 for text of any size). Pure and stdlib-only."""

from __future__ import annotations

import re

AA = 4.5
"""WCAG 2.x level AA's least contrast ratio for normal text (success criterion 1.4.3)."""

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def is_hex(value: object) -> bool:
    return isinstance(value, str) and _HEX.fullmatch(value) is not None


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    """WCAG 2's relative luminance of ``#rrggbb``."""
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


PLACEHOLDER_HOSTS = (".example", ".invalid", ".test", ".localhost", "example.org", "example.com", "example.net")
"""Hosts that are no real site's (RFC 2606 and RFC 6761): ``boligdialog.example.org``."""


def is_placeholder(url: str) -> bool:
    """``url`` is an example address (its host is one of :data:`PLACEHOLDER_HOSTS`, or the WAS
    address made from one: ``…/boligdialog-example-org``)."""
    host = url.split("://", 1)[-1].split("/", 1)[0].lower()
    path = url.split("://", 1)[-1].partition("/")[2].lower()
    hyphened = tuple(h.lstrip(".").replace(".", "-") for h in PLACEHOLDER_HOSTS)
    return host.endswith(PLACEHOLDER_HOSTS) or ("was.digst.dk" in host and path.rstrip("/").endswith(hyphened))
