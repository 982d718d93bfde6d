"""How ``mkdocs serve`` hears of an edit: the system's own file notices for the watched folders.

MkDocs 1.6 looks at every watched file twice a second (watchdog's ``PollingObserver``, chosen
so that the preview also works in a container on a mounted folder or on a network drive). An
edit waits up to 0.5 s before its rebuild starts, and each look reads the state of every file
of ``content/`` and ``data/`` in the build's own process, 7,000 files at 2,000 meetings, also
while a rebuild runs. The system's notices (watchdog's ``Observer``: inotify on Linux, FSEvents
on macOS, ReadDirectoryChangesW on Windows) tell at once and cost nothing between edits.

:func:`hear_at_once` moves MkDocs' watches to them, folders and single files (``mkdocs.yml``:
watchdog watches a file's folder for it, so a file saved by replacing it is still heard). What
asks for a rebuild is a file written, touched, new, deleted or moved, and a folder new, deleted
or moved (MkDocs itself ignores a folder's notices; when it polls it hears of the files in a
folder moved away one by one, the system tells only of the folder). The build opening and
reading the files it watches must not ask for a new build.

With the notices, MkDocs waits :data:`QUIET_S` after one for the files to stop changing, not
its 0.1 s. Where the system cannot tell, polling stays:

- a watched folder or file with a symbolic link in it when the preview starts (the system's
  notices do not follow links; MkDocs builds through them; a link made later in a folder with
  notices is not followed);
- a folder shared into a container or a network drive: the editor starts the preview with
  ``BOLIGDIALOG_WATCH=poll``, and MkDocs polls everything as it does by itself;
- the system refuses the notices when the preview starts (Linux's limits of inotify
  instances and of watched folders): the preview says so and polls. (A folder made later,
  past Linux's limit of watched folders, goes unheard: watchdog drops that refusal.)
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import watchdog.events as events
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

from boligdialog.model.translate import tr

log = logging.getLogger("mkdocs.plugins.boligdialog")

POLL = "poll"
"""The value of ``BOLIGDIALOG_WATCH`` that keeps MkDocs' polling for everything."""

QUIET_S = 0.05
"""How long MkDocs waits after a notice for the files to stop changing before it rebuilds,
once the system tells of changes (MkDocs's own 0.1 s suits its polling, and was a tenth of
a second of every edit's wait): a save's notices come within a millisecond, and a file saved
during a rebuild makes the next one (``tests/test_rebuild.py``), so nothing is missed."""

FOLDER_AS_FILE: dict[type[events.FileSystemEvent], type[events.FileSystemEvent]] = {
    events.DirCreatedEvent: events.FileCreatedEvent, events.DirDeletedEvent: events.FileDeletedEvent,
    events.DirMovedEvent: events.FileMovedEvent}
"""A folder's notice, passed on to MkDocs as the notice of a file (which it does not ignore)."""

CHANGES: list[type[events.FileSystemEvent]] = [
    events.FileCreatedEvent, events.FileDeletedEvent, events.FileModifiedEvent, events.FileMovedEvent,
    events.FileClosedEvent, events.FileAttribEvent, *FOLDER_AS_FILE]
"""The notices that ask for a rebuild: not a file opened, or closed without a write."""


class FoldersToo(events.FileSystemEventHandler):
    """MkDocs' handler of a watch, also told of folders made, deleted or moved."""

    def __init__(self, handler: events.FileSystemEventHandler) -> None:
        self.handler = handler

    def dispatch(self, event: events.FileSystemEvent) -> None:
        as_file = FOLDER_AS_FILE.get(type(event))
        self.handler.dispatch(as_file(event.src_path, event.dest_path) if as_file else event)


def linked(path: str) -> bool:
    """Whether ``path`` is, or holds, a symbolic link."""
    if os.path.islink(path):
        return True
    for folder, subfolders, files in os.walk(path):
        if any(os.path.islink(os.path.join(folder, name)) for name in (*subfolders, *files)):
            return True
    return False


@dataclass
class Watchers:
    """What the live-reload server starts, stops and schedules as its one observer: the
    system's notices for every watch, those MkDocs made before it serves (``content/``,
    ``mkdocs.yml``, the templates) and those it makes after (the folders of ``watch:`` in
    ``mkdocs.yml``: ``data/``, ``i18n/``); polling for those with symbolic links, and for all
    of them if the system refuses.
    ``held`` maps each watch MkDocs holds to the observer and the watch that serve it."""

    polled: BaseObserver
    noticed: BaseObserver
    held: dict[ObservedWatch, tuple[BaseObserver, ObservedWatch]] = field(default_factory=dict)
    refused: OSError | None = None

    def schedule(self, handler: events.FileSystemEventHandler, path: str, *, recursive: bool = False) -> ObservedWatch:
        if self.refused is not None or linked(path):
            return self.polled.schedule(handler, path, recursive=recursive)
        watch = self._notice(handler, path, recursive)
        self.held[watch] = (self.noticed, watch)
        return watch

    def move(self, watch: ObservedWatch, handlers: list[events.FileSystemEventHandler]) -> None:
        """Serve ``watch`` (of the polling observer, which no longer has it) with the notices."""
        for handler in handlers:
            self.held[watch] = (self.noticed, self._notice(handler, watch.raw_path, watch.is_recursive))

    def _notice(self, handler: events.FileSystemEventHandler, path: str, recursive: bool) -> ObservedWatch:
        return self.noticed.schedule(FoldersToo(handler), os.path.realpath(path), recursive=recursive,
                                     event_filter=CHANGES)

    def unschedule(self, watch: ObservedWatch) -> None:
        observer, own = self.held.pop(watch, (self.polled, watch))
        observer.unschedule(own)

    def start(self) -> None:
        try:
            self.noticed.start()
        except OSError as exc:  # e.g. "inotify watch limit reached"
            self.refused = exc
            _refused(exc)
            back = [(watch, own, [h.handler for h in _handlers(self.noticed, own)])
                    for watch, (_, own) in self.held.items()]
            self.noticed.stop()   # drops its watches and their handlers
            for watch, own, handlers in back:
                for handler in handlers:
                    self.held[watch] = (self.polled, self.polled.schedule(handler, own.raw_path,
                                                                          recursive=own.is_recursive))
        self.polled.start()

    def is_alive(self) -> bool:
        return self.noticed.is_alive() or self.polled.is_alive()

    def stop(self) -> None:
        for observer in (self.noticed, self.polled):
            if observer.is_alive():
                observer.stop()

    def join(self, timeout: float | None = None) -> None:
        for observer in (self.noticed, self.polled):
            if observer.is_alive():
                observer.join(timeout)


def hear_at_once(server: Any, env: Mapping[str, str] = os.environ,
                 notices: Callable[[], BaseObserver] = Observer) -> Watchers | None:
    """Give ``server`` (MkDocs' ``LiveReloadServer``, before it serves) the system's notices
    (``notices``: watchdog's choice for this system) for its watches without symbolic links.
    Returns the new observer, or None where polling stays for all: asked for by
    ``BOLIGDIALOG_WATCH=poll``, a system without notices, or one that refuses them."""
    if env.get("BOLIGDIALOG_WATCH", "").strip().lower() == POLL or notices is PollingObserver:
        return None
    polled: BaseObserver = server.observer
    try:
        watchers = Watchers(polled=polled, noticed=notices())
    except OSError as exc:  # e.g. Linux's limit of inotify instances
        _refused(exc)
        return None
    for watch in [w for w in _watches(polled) if not linked(w.raw_path)]:
        handlers = _handlers(polled, watch)
        polled.unschedule(watch)
        watchers.move(watch, handlers)
    server.observer = watchers
    server.build_delay = QUIET_S
    return watchers


def _refused(exc: OSError) -> None:
    log.warning("%s (%s)", tr("The preview looks for changes twice a second: the system gives no notices of them."),
                exc)


def _watches(observer: BaseObserver) -> list[ObservedWatch]:
    return [emitter.watch for emitter in observer.emitters]


def _handlers(observer: BaseObserver, watch: ObservedWatch) -> list[events.FileSystemEventHandler]:
    # watchdog keeps the handlers of a watch without a public way to read them (pinned: constraints.txt)
    return list(observer._handlers[watch])  # noqa: SLF001
