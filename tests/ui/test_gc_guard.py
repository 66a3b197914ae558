"""A worker thread that makes cyclic garbage never runs the collector; the GUI thread's timer does."""

from __future__ import annotations

import gc
import threading
from typing import Any

from pytestqt.qtbot import QtBot

from hubdesk.ui.gc_guard import GuiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _make_garbage(count: int) -> None:
    for _ in range(count):
        _Cycle()


def test_only_the_gui_thread_collects(qtbot: QtBot, gui_thread_collector: GuiThreadCollector) -> None:
    collectors: list[str] = []

    def seen(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            collectors.append(threading.current_thread().name)

    gc.callbacks.append(seen)
    try:
        worker = threading.Thread(target=_make_garbage, args=(50_000,), name="printing")
        worker.start()
        worker.join()
        assert "printing" not in collectors and gc.get_count()[0] > gc.get_threshold()[0]
        qtbot.waitUntil(lambda: bool(collectors), timeout=5000)
        assert set(collectors) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(seen)


def test_stopping_gives_collection_back_to_python(qapp: Any) -> None:
    assert not gc.isenabled()  # the autouse collector of the GUI tests is running
    collector = GuiThreadCollector()
    collector.start()
    collector.stop()
    assert not gc.isenabled()  # it was off when this one started, so it stays off
    assert collector.active is False


def test_during_a_batch_full_collections_wait_for_its_end(monkeypatch: Any) -> None:
    """A full collection walks everything alive: while a print batch runs it would stall the window."""
    from hubdesk.ui import gc_guard

    collected: list[int] = []
    collector = GuiThreadCollector()
    collector._threshold = (700, 10, 10)
    monkeypatch.setattr(gc_guard.gc, "get_count", lambda: (800, 11, 11))
    monkeypatch.setattr(gc_guard.gc, "collect", lambda generation=2: collected.append(generation) or 0)
    frozen = gc.get_freeze_count()
    gc_guard.freeze_for_batch()
    gc_guard.freeze_for_batch()  # a second batch at the same time
    try:
        assert gc.get_freeze_count() > frozen
        collector.check()
        gc_guard.thaw_after_batch()
        collector.check()  # the other batch still runs
    finally:
        gc_guard.thaw_after_batch()
    collector.check()
    assert collected == [1, 1, 2]
    assert gc.get_freeze_count() == 0
