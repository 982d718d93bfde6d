"""``mkdocs serve`` hears of an edit in a watched folder from the system (boligdialog/adapter/watching.py).

MkDocs' own live-reload server (not serving: no port is opened), with its own handler per
watch, a folder and a single file watched as ``mkdocs serve`` watches ``content/`` and
``mkdocs.yml``. The watches run for real: files are written and read on disk, and the test
waits (with a deadline) for MkDocs' handler to ask for a rebuild. What MkDocs' handler heard
is read from its own debug log, one line per notice, in the order the notices came.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from boligdialog.adapter import hooks, watching
from boligdialog.pages import render
from boligdialog.model.translate import use

DEADLINE = 60.0
"""Seconds to wait for a notice (one comes within a second even on a busy machine)."""


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[LiveReloadServer, Path, Path]]:
    folder = tmp_path / "content"
    (folder / "referater").mkdir(parents=True)
    (folder / "referater" / "møde.md").write_text("# Møde\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(folder))
    server.watch(str(config))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "meetings.yaml").write_text("meetings: []\n", encoding="utf-8")
    yield server, folder, config
    if server.observer.is_alive():
        server.observer.stop()
        server.observer.join(DEADLINE)


def heard(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "mkdocs.livereload" and "Event" in r.getMessage()]


def wait_until_heard(server: LiveReloadServer, caplog: pytest.LogCaptureFixture, wanted) -> list[str]:
    """Wait until MkDocs' handler has asked for a rebuild on a notice that ``wanted`` accepts
    (notices of an earlier step may still come in first). Returns what was heard."""
    end = time.monotonic() + DEADLINE
    # the flag and the condition MkDocs' handler sets for its build loop (mkdocs 1.6, pinned)
    with server._rebuild_cond:
        while not any(wanted(line) for line in heard(caplog)):
            left = end - time.monotonic()
            assert left > 0 and server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=left), \
                f"no rebuild asked for; heard {heard(caplog)}"
            server._want_rebuild = False
    return heard(caplog)


def test_every_watch_moves_to_the_systems_notices(watched):
    server, folder, config = watched
    polled = server.observer
    watchers = watching.hear_at_once(server, env={})
    assert watchers is not None and server.observer is watchers
    assert type(watchers.noticed) is Observer and Observer is not PollingObserver
    data = folder.parent / "data"
    server.watch(str(data))   # MkDocs watches the folders of `watch:` in mkdocs.yml after on_serve
    assert sorted(e.watch.raw_path for e in watchers.noticed.emitters) == sorted(
        [os.path.realpath(folder), os.path.realpath(config), os.path.realpath(data)])
    assert not polled.emitters
    assert server.build_delay == watching.QUIET_S < 0.1  # MkDocs's own wait for the files to stop changing


def test_a_write_asks_for_a_rebuild_and_reading_a_file_does_not(watched, caplog):
    server, folder, config = watched
    caplog.set_level(logging.DEBUG, logger="mkdocs.livereload")
    watching.hear_at_once(server, env={})
    data = folder.parent / "data"
    server.watch(str(data))
    server.observer.start()
    read = folder / "referater" / "møde.md"
    assert read.read_text(encoding="utf-8") == "# Møde\n"   # what every build does with every file
    written = folder / "referater" / "nyt-møde.md"
    written.write_text("# Nyt møde\n", encoding="utf-8")
    notices = wait_until_heard(server, caplog, lambda line: str(written) in line)
    assert all(str(written) in line for line in notices), notices  # the read came first, and was not heard

    os.replace(written, folder / "referater" / "omdøbt.md")
    wait_until_heard(server, caplog, lambda line: "FileMovedEvent" in line and "omdøbt.md" in line)

    (data / "meetings.yaml").write_text("meetings: [{id: a}]\n", encoding="utf-8")
    wait_until_heard(server, caplog, lambda line: "meetings.yaml" in line)

    os.utime(folder / "referater" / "omdøbt.md")   # touched: polling hears it, so do the notices
    wait_until_heard(server, caplog, lambda line: "FileAttribEvent" in line and "omdøbt.md" in line)

    outside, moved = folder.parent / "kasseret", f"src_path='{folder / 'referater'}'"
    caplog.clear()
    os.replace(folder / "referater", outside)   # a folder moved away (to the trash): its files are gone
    wait_until_heard(server, caplog, lambda line: re.search(r"\bFile\w*Event\(", line) and moved in line)
    caplog.clear()
    os.replace(outside, folder / "referater")   # and back
    wait_until_heard(server, caplog, lambda line: re.search(r"\bFile\w*Event\(", line) and moved in line)

    for content in ("site_name: y\n", "site_name: z\n"):   # a save by replacing the file, twice
        caplog.clear()
        (config.parent / "mkdocs.yml.tmp").write_text(content, encoding="utf-8")
        os.replace(config.parent / "mkdocs.yml.tmp", config)
        wait_until_heard(server, caplog, lambda line: str(config) in line)


def test_a_folder_no_longer_watched_is_let_go(watched):
    server, folder, config = watched
    watchers = watching.hear_at_once(server, env={})
    data = folder.parent / "data"
    server.watch(str(data))
    server.unwatch(str(folder))
    server.unwatch(str(data))
    assert [e.watch.raw_path for e in watchers.noticed.emitters] == [os.path.realpath(config)]
    assert [w.raw_path for w in watchers.held] == [str(config)]


def test_BOLIGDIALOG_WATCH_poll_keeps_mkdocs_polling_everything(watched):
    server, folder, config = watched
    polled = server.observer
    assert watching.hear_at_once(server, env={"BOLIGDIALOG_WATCH": "poll"}) is None
    assert server.observer is polled and server.build_delay == 0.1
    assert sorted(e.watch.raw_path for e in polled.emitters) == sorted([str(folder), str(config)])


def test_a_folder_with_a_symbolic_link_in_it_stays_polled(watched, caplog, tmp_path):
    """The system's notices do not follow links; MkDocs builds through them, and polling follows them."""
    server, folder, config = watched
    caplog.set_level(logging.DEBUG, logger="mkdocs.livereload")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "side.md").write_text("# Side\n", encoding="utf-8")
    (folder / "side.md").symlink_to(elsewhere / "side.md")
    watchers = watching.hear_at_once(server, env={})
    assert [e.watch.raw_path for e in watchers.noticed.emitters] == [os.path.realpath(config)]
    assert [e.watch.raw_path for e in watchers.polled.emitters] == [str(folder)]
    server.observer.start()
    (elsewhere / "side.md").write_text("# Side, rettet\n", encoding="utf-8")
    wait_until_heard(server, caplog, lambda line: "side.md" in line)


class Refusing(Observer):
    """The system's answer when Linux's limit of watched folders is reached."""

    def on_thread_start(self) -> None:
        raise OSError(28, "inotify watch limit reached")


class NoInstances(Observer):
    """The system's answer when Linux's limit of inotify instances is reached."""

    def __init__(self) -> None:
        raise OSError(24, "inotify instance limit reached")


def test_when_the_system_has_no_notices_left_the_preview_says_so_and_mkdocs_polls(watched, caplog):
    server, folder, config = watched
    polled = server.observer
    with use("da"):
        assert watching.hear_at_once(server, env={}, notices=NoInstances) is None
    assert server.observer is polled and len(polled.emitters) == 2
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        "Forhåndsvisningen kigger efter ændringer to gange i sekundet: systemet giver ikke besked om dem. "
        "([Errno 24] inotify instance limit reached)"]


def test_when_the_system_refuses_notices_the_preview_says_so_and_polls(watched, caplog):
    server, folder, config = watched
    caplog.set_level(logging.DEBUG)
    watchers = watching.hear_at_once(server, env={}, notices=Refusing)
    server.watch(str(folder.parent / "data"))
    with use("da"):
        server.observer.start()
    assert isinstance(watchers.refused, OSError)
    warning = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warning == ["Forhåndsvisningen kigger efter ændringer to gange i sekundet: systemet giver ikke "
                       "besked om dem. ([Errno 28] inotify watch limit reached)"]
    (folder / "referater" / "møde.md").write_text("# Møde, rettet\n", encoding="utf-8")
    wait_until_heard(server, caplog, lambda line: "møde.md" in line)
    (folder.parent / "data" / "meetings.yaml").write_text("meetings: [{id: b}]\n", encoding="utf-8")
    wait_until_heard(server, caplog, lambda line: "meetings.yaml" in line)
    server.unwatch(str(folder))
    assert sorted(e.watch.raw_path for e in server.observer.polled.emitters) == sorted(
        [os.path.realpath(config), os.path.realpath(folder.parent / "data")])


def test_the_sites_hook_gives_mkdocs_serve_the_systems_notices(watched, monkeypatch):
    """What ``hooks/site.py`` hands MkDocs: its ``on_serve`` watches the generator's templates and
    theme and moves every watch to the notices."""
    server, folder, config = watched
    monkeypatch.delenv("BOLIGDIALOG_WATCH", raising=False)
    on_serve = hooks.events()["on_serve"]
    assert on_serve(server, config=None, builder=server.builder) is server
    assert isinstance(server.observer, watching.Watchers)
    assert sorted(e.watch.raw_path for e in server.observer.noticed.emitters) == sorted(
        os.path.realpath(p) for p in (folder, config, render.TEMPLATES, hooks.THEME))
