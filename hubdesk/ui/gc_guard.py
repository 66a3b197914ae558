"""Python's cycle collector runs only on the GUI thread while the GUI is up.

The collector runs in whichever thread happens to allocate when a threshold is crossed. If that is
a worker thread (printing a batch, opening the database), it may free the last reference of a Qt
wrapper whose object belongs to the GUI thread, and Qt crashes. So automatic collection is turned
off and a timer on the GUI thread does the same work with the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    """While started, cyclic garbage is collected by the GUI thread's event loop, never by a worker."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._was_enabled = gc.isenabled()
        self._threshold = gc.get_threshold()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Back to Python's own collection, after a last collection here."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    @Slot()
    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, as Python itself would."""
        counts = gc.get_count()
        generation = -1
        for level in range(3):
            if counts[level] > self._threshold[level]:
                generation = level
            else:
                break
        if generation >= 0:
            gc.collect(generation)
