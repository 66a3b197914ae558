"""Running slow service calls off the GUI thread; results and progress come back through signals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Carries a worker's news back to the GUI thread.

    Signals: ``finished(object)`` with the result, ``failed(object)`` with the exception,
    ``progressed(int, int)`` with done and total.
    """

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class WorkControl:
    """Handed to the work: report progress, and look whether the person pressed Cancel."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancelled = threading.Event()

    def report(self, done: int, total: int) -> None:
        self._relay.progressed.emit(done, total)

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()


class _Job(QRunnable):
    def __init__(self, work: Callable[[WorkControl], Any], control: WorkControl, relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._control = control
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self._control)
        except Exception as exc:  # reported to the GUI, which shows the message
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


class Worker(QObject):
    """Runs ``work(control)`` in the global thread pool. The work never touches widgets.

    Signals: ``done(object)`` with the result, ``error(object)`` with the exception,
    ``progressed(int, int)`` with done and total.
    """

    done = Signal(object)
    error = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, work: Callable[[WorkControl], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.finished.connect(self.done)
        self._relay.failed.connect(self.error)
        self._relay.progressed.connect(self.progressed)
        self.control = WorkControl(self._relay)
        self._job = _Job(work, self.control, self._relay)
        self._job.setAutoDelete(False)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._job)

    def cancel(self) -> None:
        self.control.cancel()
