"""Every GUI test runs as the application does: cyclic garbage is collected on the GUI thread only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from hubdesk.ui.gc_guard import GuiThreadCollector


@pytest.fixture(autouse=True)
def gui_thread_collector(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    collector = GuiThreadCollector()
    collector.start()
    yield collector
    collector.stop()
