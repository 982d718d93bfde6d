"""The preview's page of problems: what ``make serve`` shows while data or content has mistakes.

Under ``mkdocs serve`` a build that stops leaves the browser on the old page, and MkDocs's
server holds every new request until a build succeeds, so a newly opened page hangs. The
adapter (:mod:`boligdialog.adapter.hooks`) therefore builds, instead of the site, one page that lists every
mistake, in the editors' language, with its file and line: MkDocs's preview server answers
every address that has no file with the site's ``404.html``, so whichever page the editor
opens or reloads shows the list. The page asks the server, as MkDocs's own pages do, whether
a newer build is there, and reloads itself: the site comes back once the mistakes are fixed.

Only the preview does this; ``mkdocs build`` (and so the publish workflow) stops with the
mistakes, as before.
"""

from __future__ import annotations

from boligdialog.model.errors import DataError
from boligdialog.pages.render import environment
from boligdialog.model.translate import language, ntr, tr

PAGE = "404.html"
"""The file the preview writes: MkDocs's preview server answers every missing address with it."""


def problems_page(errors: list[DataError], *, site_name: str) -> str:
    """A whole HTML page listing ``errors`` (autoescaped: their texts come from editors' files)."""
    n = len(errors)
    return environment().get_template("problems.html").render(
        lang=language(),
        site_name=site_name,
        title=tr("Mistakes to fix"),
        intro=ntr("The site cannot be built: {n} thing in the data and content files needs fixing.",
                  "The site cannot be built: {n} things in the data and content files need fixing.", n, n=n),
        after=tr("This page reloads by itself when you save a file. Once everything is fixed, the site comes back."),
        problems=[{"where": f"{e.file}:{e.line}", "place": e.place or e.path, "message": e.message, "hint": e.hint}
                  for e in errors],
    )
