"""The check that no two files end up at the same place in the built site."""

from __future__ import annotations

from boligdialog.model.errors import DataError
from boligdialog.model.records import AGREEMENTS, DECISIONS, MEETINGS, PARTNERS, THEMES
from boligdialog.model.translate import tr
from boligdialog.pages import registry
from boligdialog.site import routes
from boligdialog.site.checks.base import Base
from boligdialog.site.schedule import archive


class OutputChecks(Base):
    """Files of ``content/`` against the pages and files the site makes."""

    def outputs(self) -> None:
        """No two files may end up at the same place in the built site: an editor's file would
        replace a generated one (or another editor's file), or be replaced by it, unseen."""
        partners, meetings, themes = (self.known[f.key] for f in (PARTNERS, MEETINGS, THEMES))
        generated = registry.generated_outputs(partners=partners.order if partners else [],
                                               meetings=meetings.order if meetings else [],
                                               themes=themes.order if themes else [],
                                               agreements=[a.text for a in self.data[AGREEMENTS].items],
                                               archive=archive(self.data[MEETINGS].items, self.data[DECISIONS].items))
        reports = {uri for uri in self.pages if routes.danish_uri(uri).startswith(routes.REPORTS_DIR)}
        taken: dict[str, str] = {}
        # a page (Markdown) keeps its address: a file of another kind in its place is the one reported
        for uri in sorted(self.files, key=lambda u: not u.endswith(".md")):
            if uri in reports or any(part.startswith(".") for part in uri.split("/")):
                continue  # reports are shown on their meeting's page; MkDocs skips hidden files
            out = routes.output_path(uri)
            what = generated.get(out) or routes.generated_folder(out) or reserved(uri)
            if what is not None:
                self.errors.append(DataError(f"content/{uri}", 1, "", tr(
                    "expected a file of its own but received one that would be published as {out}, which is "
                    "{what}; rename or move it", out=out, what=what)))
            elif out in taken:
                self.errors.append(DataError(f"content/{uri}", 1, "", tr(
                    "expected a file of its own but received one that would be published as {out}, like "
                    "content/{other}; keep one of them", out=out, other=taken[out])))
            taken.setdefault(out, uri)


def reserved(uri: str) -> str | None:
    """What takes the place of the editor's file ``uri`` although no generated page has its
    address: the page for an address that does not exist, or a folder the site fills itself."""
    path = routes.danish_uri(uri)
    if path == "404.md":
        return tr("the place of the page shown for an address that does not exist (404)")
    folder = path.partition("/")[0]
    if "/" in path and folder in routes.SECTIONS.values():
        return tr("the folder {folder}/, whose pages the site makes itself from data/", folder=folder)
    return None
