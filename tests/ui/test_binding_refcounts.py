"""Calls into Qt never wear None out (PySide6 6.12.0 under-counts it; the application makes None immortal)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hubdesk.ui.binding_guard import RESERVE, keep_none_alive


def test_a_busy_window_does_not_use_none_up(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    keep_none_alive()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("Saved: TNG-2026-00042")
    lost = before - sys.getrefcount(None)
    if sys.version_info < (3, 12):
        # whatever the binding loses per call, None keeps far more than a working day's calls
        assert sys.getrefcount(None) > RESERVE // 2
        assert lost < 10 * 20_000
    else:
        assert lost == 0 or sys.getrefcount(None) > 2**29  # immortal


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_the_guard_only_adds() -> None:
    keep_none_alive()
    once = sys.getrefcount(None)
    keep_none_alive()  # a second application in the same process: no second reserve, nothing taken
    assert abs(sys.getrefcount(None) - once) < 100
