"""Running slow service calls off the GUI thread; results come back through queued signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Carries a worker's outcome back to the GUI thread.

    Signals: ``finished(object)`` with the result, ``failed(object)`` with the exception.
    """

    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # reported to the GUI, which shows the message
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


class Worker(QObject):
    """Runs ``work`` in the global thread pool. The work never touches widgets.

    Signals: ``done(object)`` with the result, ``error(object)`` with the exception.
    """

    done = Signal(object)
    error = Signal(object)

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.finished.connect(self.done)
        self._relay.failed.connect(self.error)
        self._job = _Job(work, self._relay)
        self._job.setAutoDelete(False)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._job)
