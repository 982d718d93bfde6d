"""The package's layers (its sub-packages), and what each may import.

Reading and the model (``model``) know nothing of the site; the loaded site (``site``) reads the
model; pages and outputs are made from the loaded site; the build's plan (``build``) and the
editors' tools (``editors``) use those; only the MkDocs adapter (``adapter``) imports MkDocs, so
the engine can be replaced (docs/architecture.md, "Engine risk")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "boligdialog"
MAY_IMPORT: dict[str, set[str]] = {
    "model": set(),
    "site": {"model"},
    "pages": {"model", "site", "outputs"},
    "outputs": {"model", "site", "pages"},
    "build": {"model", "site", "pages", "outputs", "editors"},
    "editors": {"model", "site", "pages", "outputs"},
    "adapter": {"model", "site", "pages", "outputs", "build", "editors"},
}
"""Each layer and the other layers it may import."""
EXCEPTIONS: dict[str, set[str]] = {
    "site/checks/outputs.py": {"boligdialog.pages"},
    "site/checks/links.py": {"boligdialog.pages"},
    "outputs/webeditor.py": {"boligdialog.editors"},
}
"""Modules that may import one more layer, and why: the check that no editor's file takes a
generated page's address, and the check that an editor's link points to a page or file of the
site, read the addresses from the page registry, where they are declared; the web editor's forms
check a value with the patterns and Danish messages of the editors' JSON Schemas, declared there once."""
ENGINES = ("mkdocs", "properdocs", "material")


STARTER = PACKAGE / "editors" / "starter"
"""A new site's files (``boligdialog init``), not modules of the package."""


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE and STARTER not in p.parents)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, as dotted names (``from boligdialog.site import routes`` ->
    ``boligdialog.site``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def layer_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0]


def test_every_module_is_in_a_layer():
    assert {layer_of(p) for p in modules()} == set(MAY_IMPORT)
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_each_module_imports_only_the_layers_below_it(path):
    layer = layer_of(path)
    allowed = {f"boligdialog.{other}" for other in MAY_IMPORT[layer] | {layer}}
    allowed |= EXCEPTIONS.get(path.relative_to(PACKAGE).as_posix(), set())
    wrong = sorted(name for name in imports(path) if name.startswith("boligdialog.")
                   and ".".join(name.split(".")[:2]) not in allowed)
    assert wrong == [], f"{layer} may import {sorted(MAY_IMPORT[layer])}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_only_the_adapter_imports_the_engine(path):
    engine = sorted(name for name in imports(path) if name.split(".")[0] in ENGINES)
    assert layer_of(path) == "adapter" or engine == []


def test_the_check_of_layers_can_fail(tmp_path):
    wrong = tmp_path / "x.py"
    wrong.write_text("from mkdocs.structure.files import File\nfrom boligdialog.adapter import hooks\n")
    assert imports(wrong) == {"mkdocs.structure.files", "boligdialog.adapter"}
