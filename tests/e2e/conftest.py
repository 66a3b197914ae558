"""The end-to-end tests run as the GUI tests do: garbage collected on the GUI thread, no quit on a last close."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from hubdesk.ui.gc_guard import GuiThreadCollector


@pytest.fixture(autouse=True)
def gui_thread_collector(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    # A test closing its last window must not quit the application: the Quit event would end the
    # event loops of the tests after it (timers would never fire).
    qapp.setQuitOnLastWindowClosed(False)
    collector = GuiThreadCollector()
    collector.start()
    yield collector
    collector.stop()
