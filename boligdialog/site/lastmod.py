"""When each page last changed, for the sitemap's ``<lastmod>``.

A page changed when a file it is made from was last committed (one ``git log`` over the
whole history, read once per build), or on a date the data itself records: a report's or
a news article's ``date``/``updated``, and the day a meeting took place (its page and the
lists turn it from upcoming to past). Never the build date, so two builds of one commit
give the same sitemap. Without git (a copy of the project without ``.git``, or a shallow
clone) only the data's own dates count; a page with no known date gets no ``<lastmod>``.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

from boligdialog.site import routes, schedule
from boligdialog.site.schedule import TZ
from boligdialog.site.sitedata import ContentPage, Site
from boligdialog.model.values import PartialDate

DATA_DIR = "data/"
_COMMIT = "\x1e"  # marks a commit's timestamp among the file names in git's output


def _git(root: Path, *args: str) -> bytes | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def git_log(root: Path) -> dict[str, dt.datetime]:
    """``{path relative to root: time (Copenhagen) of the last commit that changed it}``;
    empty when git is missing, ``root`` is not in a repository, or the clone is shallow (its
    oldest commit would seem to have changed every file)."""
    if _git(root, "rev-parse", "--is-shallow-repository") != b"false\n":
        return {}
    log = _git(root, "log", f"--format={_COMMIT}%ct", "--name-only", "-z", "--relative", "--", ".")
    if log is None:
        return {}
    times: dict[str, dt.datetime] = {}
    when: dt.datetime | None = None
    for token in log.decode("utf-8", "surrogateescape").split("\0"):
        token = token.lstrip("\n")
        if token.startswith(_COMMIT):
            when = dt.datetime.fromtimestamp(int(token[1:]), TZ)
        elif token and when is not None and (token not in times or times[token] < when):
            times[token] = when
    return times


def _days(*dates: PartialDate | None) -> list[dt.date]:
    return [d for d in (p.as_date() if p else None for p in dates) if d is not None]


class Changes:
    """Last-change dates of the pages of one build."""

    def __init__(self, site: Site, commits: Mapping[str, dt.datetime], *, content_dir: str, today: dt.date) -> None:
        """``commits``: :func:`git_log`; ``content_dir``: the editors' folder relative to the
        project root (``content``)."""
        self.site = site
        self.commits = commits
        self.git = {path: when.date() for path, when in commits.items()}
        self.content = content_dir.strip("/") + "/"
        self.today = today
        self.data = max((day for path, day in self.git.items() if path.startswith(DATA_DIR)), default=None)
        self._of_meetings: dict[int | None, list[dt.date]] = {}
        """The latest of the dates of the reports and days of the meetings, of one year (or of
        all: ``None``), worked out once: thousands of pages list the same meetings."""
        self._of: dict[str, dt.date | None] = {}
        """Each page's date, worked out once: the page shows it and the sitemap lists it."""

    def _meetings(self, year: int | None = None) -> list[dt.date]:
        """The latest day, on or before the build date, of :meth:`_reports` and :meth:`_held` of
        every meeting, or of every meeting in ``year`` (a list of one day, or none: a page's day
        is the latest of its days that have come, :meth:`_work_out`)."""
        if year not in self._of_meetings:
            ids = [m.id for m in self.site.meetings if year is None or schedule.year_of(m) == year]
            known = [day for day in self._reports(ids) + self._held(ids) if day <= self.today]
            self._of_meetings[year] = [max(known)] if known else []
        return self._of_meetings[year]

    def _page(self, page: ContentPage | None) -> list[dt.date]:
        """The commit of an editor's file and the dates in its front matter."""
        if page is None:
            return []
        committed = self.git.get(self.content + page.src_uri)
        return ([committed] if committed else []) + _days(page.meta.date, page.meta.updated)

    def _reports(self, meeting_ids: Iterable[str]) -> list[dt.date]:
        out: list[dt.date] = []
        for mid in meeting_ids:
            m = self.site.meeting(mid)
            out += self._page(self.site.report(m, "da")) + self._page(self.site.report(m, "en"))
            out += [day for f in m.files if (day := self.git.get(self.content + f.path))]
        return out

    def _held(self, meeting_ids: Iterable[str]) -> list[dt.date]:
        """Days of the meetings that have come: each one changed the lists it is on."""
        return _days(*(self.site.meeting(mid).start.date for mid in meeting_ids))

    def carry(self, days: Mapping[str, dt.date | None]) -> None:
        """Take ``days`` as the pages' days (a preview's last build, when nothing they are
        worked out from changed since: :func:`boligdialog.build.rebuild.same_days`)."""
        self._of.update(days)

    def of(self, uri: str) -> dt.date | None:
        """When the page with source path ``uri`` last changed, if known."""
        if uri not in self._of:
            self._of[uri] = self._work_out(uri)
        return self._of[uri]

    def _work_out(self, uri: str) -> dt.date | None:
        danish = routes.danish_uri(uri)
        own = self.site.pages.get(uri) or self.site.pages.get(danish)
        dates = self._editors_page(own, danish) if own is not None else self._generated_page(danish)
        known = [d for d in dates if d <= self.today]
        return max(known, default=None)

    def _editors_page(self, own: ContentPage, danish: str) -> list[dt.date]:
        """An editor's page, or the English page standing in for it: its text, and what it lists."""
        dates = self._page(own)
        if danish == "index.md":  # the home page lists the next meeting and the latest reports
            dates += self._meetings() + self._data()
        if any(a.text == danish for a in self.site.agreements):  # lists the signatories
            dates += self._data()
        return dates

    def _generated_page(self, danish: str) -> list[dt.date]:
        """A generated page: the data and texts it is made of."""
        section, _, rest = danish.partition("/")
        if danish == routes.AGREEMENT or danish in self._comparisons:  # made of the versions' texts
            return self._data() + [d for a in self.site.agreements for page in
                                   (self.site.pages.get(a.text), self.site.pages.get(routes.EN + a.text))
                                   for d in self._page(page)]
        if danish == routes.NEWS:
            return [d for lang in ("da", "en") for page in self.site.news(lang) for d in self._page(page)]
        if year_page := self._year_page(danish):  # a year's meetings or decisions
            return self._data() + self._meetings(year_page)
        if section == routes.SECTIONS["meetings"] and rest != "index.md":
            mid = rest.removesuffix(".md")
            return self._data() + self._reports([mid]) + self._held([mid])
        if danish in (routes.section_index("meetings", "da"), routes.FOLLOW_UP) or section == routes.SECTIONS["themes"]:
            return self._data() + self._meetings()
        return self._data() if section == routes.SECTIONS["partners"] else []

    @staticmethod
    def _year_page(danish: str) -> int | None:
        """The year of a year page (``moeder/2019.md``, ``temaer/midtby/2019.md``,
        ``opfoelgning/2019.md``, ``opfoelgning/2019/aabne.md``), else ``None``."""
        if danish.startswith(routes.FOLLOW_UP_DIR):  # opfoelgning/2019.md, opfoelgning/2019/aabne.md
            name = danish.removeprefix(routes.FOLLOW_UP_DIR).split("/")[0].removesuffix(".md")
            return int(name) if routes.is_year(name) else None
        folder, _, name = danish.removesuffix(".md").rpartition("/")
        if routes.is_year(name) and folder.partition("/")[0] in (routes.SECTIONS["meetings"], routes.SECTIONS["themes"]):
            return int(name)
        return None

    @property
    def _comparisons(self) -> set[str]:
        return {routes.comparison(a.text) for a in self.site.agreements}

    def _data(self) -> list[dt.date]:
        return [self.data] if self.data else []

    def data_committed(self) -> dt.datetime | None:
        """The last commit of anything in ``data/`` or the editors' folder, if there is a history."""
        return max((when for path, when in self.commits.items() if path.startswith((DATA_DIR, self.content))),
                   default=None)

    def data_changed(self, now: dt.datetime) -> dt.datetime:
        """When anything in ``data/`` or the editors' folder was last committed (the open
        data's ``modified``), in whole seconds, never after ``now``; ``now`` (the build time)
        without a history."""
        found = self.data_committed() or now
        return min(found, now).astimezone(TZ).replace(microsecond=0)
