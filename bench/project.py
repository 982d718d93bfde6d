"""Scratch projects for the benchmark: our config and hooks (the theme comes with the package) with
synthetic ``data/`` and ``content/``, and the configs of the four build variants.

- ``ours``: the real ``mkdocs.yml`` and ``hooks/site.py``, Pagefind included;
- ``ours-no-pagefind``: the same hooks through :mod:`bench.shim`, without ``on_post_build``;
- ``plain-search``: MkDocs + Material with the same theme settings, nav and Markdown
  extensions and Material's default search plugin, no hooks and no theme overrides,
  building the pages that a capture build of ours wrote out as plain Markdown files;
- ``plain``: the same without the search plugin.

Each pair is compared: ``ours`` with ``plain-search`` (a site with search against what a
user would otherwise pick), ``ours-no-pagefind`` with ``plain`` (what our hooks cost).
"""

from __future__ import annotations

import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .synth import Partnership, yaml_text

ROOT = Path(__file__).resolve().parent.parent
BUILD_PARTS = ("mkdocs.yml", "hooks", "i18n")
"""What a build reads besides data/, content/ and the package (whose theme is boligdialog/adapter/theme/)."""
SHIPPED_PARTS = (*BUILD_PARTS, "data", "content")
CODE_PARTS = ("boligdialog", *SHIPPED_PARTS)
"""What a snapshot of the code under test holds (see :func:`snapshot`)."""
SHIM = "hooks/bench_hooks.py"

OURS, NO_PAGEFIND, PLAIN_SEARCH, PLAIN = "ours", "ours-no-pagefind", "plain-search", "plain"
VARIANTS = (OURS, PLAIN_SEARCH, NO_PAGEFIND, PLAIN)
"""Build variants, in the order each repetition runs them: each compared pair back to back."""
BASELINES = {OURS: PLAIN_SEARCH, NO_PAGEFIND: PLAIN}
"""The baseline each of our builds is compared with."""
SEARCH_PLUGIN = "search"
"""Material's default search plugin (what ``plugins:`` holds when a config does not set it)."""
ATTACHMENT_HEADER = b"%PDF-1.4\n% synthetic attachment\n"


@dataclass(frozen=True)
class Project:
    """A scratch project folder and where each variant's config and site are."""

    root: Path

    def config(self, variant: str) -> Path:
        return self.root / ("mkdocs.yml" if variant == OURS else f"mkdocs-{variant}.yml")

    def site(self, variant: str) -> Path:
        return self.root / f"site-{variant}"

    @property
    def capture(self) -> Path:
        """Where the capture build writes the baseline's pages (``docs/``) and ``pages.json``."""
        return self.root / "capture"


def copy_parts(dest: Path, parts: tuple[str, ...], source: Path = ROOT) -> Path:
    """Copy files and folders of the project at ``source`` to ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def snapshot(dest: Path, source: Path = ROOT) -> Path:
    """Copy the code under test, so that edits made during a run do not change what is measured.

    Builds import ``boligdialog`` (with its theme) from here (``PYTHONPATH``) and copy config
    and hooks from here.
    """
    return copy_parts(dest, CODE_PARTS, source=source)


def write_partnership(partnership: Partnership, root: Path) -> None:
    """Write ``data/`` and ``content/`` (attachments as dummy PDF files of their size)."""
    for name, document in partnership.data.items():
        _write(root / "data" / name, yaml_text(document).encode("utf-8"))
    for path, text in partnership.content.items():
        _write(root / "content" / path, text.encode("utf-8"))
    for path, size in partnership.files.items():
        _write(root / "content" / path, ATTACHMENT_HEADER.ljust(size, b"0"))


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# --- configs -----------------------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; MkDocs's own tags (``!ENV``, ``!relative``) become their plain value."""


def _untag(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("!", _untag)


def read_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # a SafeLoader subclass


def write_config(config: dict[str, Any], path: Path) -> None:
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def shim_config(config: dict[str, Any]) -> dict[str, Any]:
    """Ours with the hooks taken through :mod:`bench.shim` (no Pagefind)."""
    return config | {"hooks": [SHIM]}


def not_in_nav_patterns(in_nav: dict[str, bool]) -> str:
    """``not_in_nav`` lines for pages where ``in_nav`` is False: one pattern per folder and
    an exception per page in the nav there (thousands of single patterns are slow to match)."""
    folders = sorted({posixpath.dirname(uri) for uri, nav in in_nav.items() if not nav})
    lines = []
    for folder in folders:
        lines.append(f"/{folder}/*.md" if folder else "/*.md")
        lines += [f"!/{uri}" for uri, nav in sorted(in_nav.items()) if nav and posixpath.dirname(uri) == folder]
    return "\n".join(lines) + "\n"


def plain_config(config: dict[str, Any], docs_dir: str, in_nav: dict[str, bool],
                 search: bool = False) -> dict[str, Any]:
    """Plain MkDocs + Material: same theme settings, nav and extensions; no hooks, no overrides
    (and so none of the extra pages our overrides render: the English 404 page, robots.txt);
    with ``search``, Material's default search plugin, otherwise no plugins."""
    theme = {k: v for k, v in config["theme"].items() if k not in ("custom_dir", "static_templates")}
    # extra.alternate: true only makes Material's header include our partials/alternate.html
    extra = {k: v for k, v in config.get("extra", {}).items() if k != "alternate"}
    plain = {k: v for k, v in config.items() if k not in ("hooks", "watch", "not_in_nav")}
    return plain | {"docs_dir": docs_dir, "theme": theme, "extra": extra, "not_in_nav": not_in_nav_patterns(in_nav),
                    "plugins": [SEARCH_PLUGIN] if search else []}


def scratch_project(dest: Path, partnership: Partnership, code: Path) -> Project:
    """A project with our config and hooks (from the snapshot ``code``), the
    synthetic partnership, the shim and the no-Pagefind config. The plain config is written
    after the capture build."""
    copy_parts(dest, BUILD_PARTS, source=code)
    write_partnership(partnership, dest)
    shutil.copy2(Path(__file__).with_name("shim.py"), dest / SHIM)
    project = Project(dest)
    write_config(shim_config(read_config(project.config(OURS))), project.config(NO_PAGEFIND))
    return project
