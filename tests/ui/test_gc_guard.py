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
