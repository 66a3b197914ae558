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

#: how many batches are running; while one is, the objects alive before it are frozen
_frozen = [0]


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
        if generation == 2 and _frozen[0]:
            generation = 1  # a full collection walks everything the batch made: it waits for the batch's end
        if generation >= 0:
            gc.collect(generation)


def freeze_for_batch() -> None:
    """Put every object alive now out of the collector's sight while a long batch runs.

    A full collection walks every object of the process (about 0.2 s with a large database open) and holds
    the interpreter while it does: during a print batch that is a visible stall of the window. Frozen, the
    objects that were alive before the batch are not walked again; what the batch makes still is.
    """
    if _frozen[0] == 0:
        gc.freeze()
    _frozen[0] += 1


def thaw_after_batch() -> None:
    """Give the objects frozen by ``freeze_for_batch`` back to the collector once the last batch ended."""
    if _frozen[0] == 0:
        return
    _frozen[0] -= 1
    if _frozen[0] == 0:
        gc.unfreeze()
