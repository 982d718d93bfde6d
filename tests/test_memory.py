"""The preview's full garbage collection (:class:`memory.Collector`): between rebuilds, not in
them, and never put off for good. Real collections of Python's collector, of real cycles."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from boligdialog.build import memory


class Node:
    """A cycle's part: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def garbage_in_the_oldest_generation() -> weakref.ref:
    """A cycle that lived through a young collection (so it is in the oldest generation, which
    only a full collection looks at) and is garbage now."""
    node = Node()
    gc.collect(1)
    alive = weakref.ref(node)
    del node
    gc.collect(1)
    assert alive() is not None, "only a full collection frees it"
    return alive


@pytest.fixture
def collector():
    usual = gc.get_threshold()
    made = memory.Collector()
    yield made
    made.building()
    gc.set_threshold(*usual)


def test_a_rebuild_that_keeps_pages_holds_the_full_collection_and_a_full_build_does_not(collector):
    usual = gc.get_threshold()
    collector.building()
    collector.partial()
    assert gc.get_threshold() == (*usual[:2], memory.Collector.HELD)
    collector.full()
    assert gc.get_threshold() == usual
    collector.partial()
    collector.built()
    assert gc.get_threshold() == usual


def test_the_collection_comes_after_the_build(collector, monkeypatch):
    monkeypatch.setattr(memory.Collector, "IDLE_AFTER", 0.01)
    collected = threading.Event()
    gc.callbacks.append(done := lambda phase, info: collected.set()
                        if phase == "stop" and info["generation"] == 2 else None)
    try:
        alive = garbage_in_the_oldest_generation()
        collector.building()
        collector.partial()
        collector.built()
        assert collected.wait(60), "no full collection after the build"
        assert alive() is None
    finally:
        gc.callbacks.remove(done)


def test_builds_without_a_moment_between_them_collect_before_the_next(collector, monkeypatch):
    monkeypatch.setattr(memory.Collector, "IDLE_AFTER", 3600)  # the moment never comes
    alive = garbage_in_the_oldest_generation()
    for _ in range(memory.Collector.MOST_WAITING):
        collector.building()
        collector.partial()
        assert alive() is not None
        collector.built()
    collector.building()
    assert alive() is None


def test_a_build_holds_full_collections_while_it_loads_then_leaves_what_it_loaded_out_of_them(collector):
    usual = gc.get_threshold()
    collector.loading()
    assert gc.get_threshold() == (*usual[:2], memory.Collector.HELD)
    alive = garbage_in_the_oldest_generation()
    loaded = Node()  # what the build keeps: a cycle that is not garbage
    try:
        collector.loaded()
        assert alive() is None, "the garbage so far is collected once"
        assert gc.get_threshold() == usual
        assert gc.get_freeze_count() > 0 and not any(o is loaded for o in gc.get_objects(2))
        kept = weakref.ref(loaded)
        del loaded
        gc.collect()
        assert kept() is not None, "a frozen cycle waits for release()"
        memory.release()
        assert gc.get_freeze_count() == 0 and kept() is None
    finally:
        gc.unfreeze()


def test_a_build_that_stops_collects_as_usual_again(collector):
    usual = gc.get_threshold()
    collector.loading()
    collector.loaded()
    collector.stopped()
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == usual
