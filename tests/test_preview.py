"""``mkdocs serve`` shows the editors' mistakes in the browser (hooks/site.py, boligdialog/preview.py).

A real ``mkdocs serve`` on a free port of 127.0.0.1, asked over HTTP as a browser would: with a
mistake, every address (the home page, a page that existed, a new one) answers at once with the
list of problems in Danish, with file and line; once the file is fixed, the site comes back by
itself; a new mistake brings the list back. ``mkdocs build`` still stops. Every wait has a
deadline, and the server is stopped however the test ends.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bs4 import BeautifulSoup

from boligdialog.model.errors import DataError
from browser import CHROMIUM_ARGS, chromium_path, require, start_playwright
from boligdialog.editors.preview import problems_page
from boligdialog.model.translate import use
from conftest import build_command, edit

DEADLINE = 90.0
"""Seconds a build of the preview may take before the test gives up (a build takes a few)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(project: Path) -> Iterator[str]:
    port = free_port()
    env = dict(os.environ, BOLIGDIALOG_LANG="da", NO_MKDOCS_2_WARNING="1")
    log = (project / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)
        log.close()


def get(url: str, *, timeout: float = 10.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_for(url: str, wanted, project: Path) -> tuple[int, str]:
    """Ask ``url`` until ``wanted(status, body)`` is true, or fail after :data:`DEADLINE`."""
    end = time.monotonic() + DEADLINE
    last: object = None
    while time.monotonic() < end:
        try:
            last = get(url)
            if wanted(*last):
                return last  # type: ignore[return-value]
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            last = exc
        time.sleep(0.5)
    raise AssertionError(f"{url} never answered as wanted; last: {str(last)[:300]}\n"
                         + (project / "serve.log").read_text(encoding="utf-8")[-3000:])


def problems(body: str) -> list[str]:
    return [" ".join(li.get_text(" ").split()) for li in BeautifulSoup(body, "html.parser").select("ol.bd-problems li")]


def is_problems(status: int, body: str) -> bool:
    return "bd-problems" in body


def is_site(status: int, body: str) -> bool:
    return status == 200 and "bd-problems" not in body


def test_the_preview_shows_mistakes_on_every_page_and_comes_back_when_fixed(project):
    meetings = project / "data/meetings.yaml"
    edit(meetings, "themes: [midtby]", "themes: [midby]")
    with serving(project) as base:
        status, body = wait_for(base, is_problems, project)
        page = BeautifulSoup(body, "html.parser")
        assert page.html["lang"] == "da" and page.h1.get_text() == "Fejl, der skal rettes"
        expected = ["data/meetings.yaml:18 1. møde (visionsforum-2017-1), themes nr. 1 her skal stå 'midtby', "
                    "'renovering', 'boligsocialt-arbejde', 'byens-udvikling' eller 'borgerdialog' (temaer), men der "
                    "står 'midby' mente du 'midtby'?"]
        assert problems(body) == expected
        for path in ("moeder/visionsforum-2017-1/", "en/", "en/moeder/", "en/nyt-sted/", "assets/x.css"):
            assert problems(get(base + path)[1]) == expected, path  # answered at once, nothing hangs

        edit(meetings, "themes: [midby]", "themes: [midtby]")
        status, body = wait_for(base + "moeder/visionsforum-2017-1/", is_site, project)
        assert "1. Visionsforum" in BeautifulSoup(body, "html.parser").h1.get_text()
        assert "/livereload/" in body  # MkDocs's own reloading is back

        edit(project / "content/aftale/2017.md", "title: Partnerskabsaftalen\n", "title: [x\n")
        status, body = wait_for(base + "aftale/", is_problems, project)
        assert problems(body) == ["content/aftale/2017.md:3 en liste i [ ] skal have komma mellem værdierne og slutte "
                                  "med ]"]
    log = (project / "serve.log").read_text(encoding="utf-8")
    assert "Traceback" not in log and "The server will appear stuck" not in log


def test_in_a_browser_the_list_gives_way_to_the_site_by_itself(project):
    """The page of problems asks the preview server for a newer build and reloads, as MkDocs's
    own pages do: the editor fixes the file and, without touching the browser, sees the page."""
    require(chromium_path() is not None, "Chromium (Debian package chromium)")
    edit(project / "data/meetings.yaml", "themes: [midtby]", "themes: [midby]")
    seen: list[str] = []

    def browse(base: str) -> None:
        with start_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.goto(base + "moeder/visionsforum-2017-1/", timeout=DEADLINE * 1000)
                seen.append(page.locator("h1").inner_text())
                edit(project / "data/meetings.yaml", "themes: [midby]", "themes: [midtby]")
                page.wait_for_selector("article h1", timeout=DEADLINE * 1000)
                seen.append(page.locator("article h1").inner_text())
            finally:
                browser.close()

    with serving(project) as base:
        wait_for(base, is_problems, project)
        # its own thread: Playwright's sync API cannot start where another one (the browser
        # gates' session browser) already runs
        errors: list[BaseException] = []
        worker = threading.Thread(target=lambda: _catch(errors, browse, base))
        worker.start()
        worker.join(timeout=3 * DEADLINE)
        assert not worker.is_alive() and not errors, errors
    assert seen[0] == "Fejl, der skal rettes" and "1. Visionsforum" in seen[1]


def _catch(errors: list[BaseException], function, *args) -> None:
    try:
        function(*args)
    except BaseException as exc:  # noqa: BLE001 (handed to the test's thread)
        errors.append(exc)


def test_mkdocs_build_still_stops(project):
    edit(project / "data/meetings.yaml", "themes: [midtby]", "themes: [midby]")
    result = build_command(project)
    assert result.returncode != 0
    assert "1st meeting (visionsforum-2017-1), themes no. 1: expected one of" in result.stderr
    assert not (project / "site" / "404.html").exists()


def test_the_page_escapes_what_editors_wrote():
    error = DataError("data/x.yaml", 3, "title", "expected text but received '<script>alert(1)</script>'",
                      place="1. tema (<b>x</b>)", hint="<i>")
    with use("da"):
        page = BeautifulSoup(problems_page([error], site_name="Boligdialog <Albertslund>"), "html.parser")
    assert page.title.get_text() == "Fejl, der skal rettes – Boligdialog <Albertslund>"
    assert page.select("main script, main b, main i") == []
    assert problems(str(page)) == ["data/x.yaml:3 1. tema (<b>x</b>) expected text but received "
                                   "'<script>alert(1)</script>' <i>"]
