"""Enter opens the highlighted row only while its list has the focus, never from a field elsewhere in the window.

PySide6 ignores ``context=`` when a shortcut is built with its slot: such a shortcut fires in the whole
window (Enter in a search box opened whatever row was highlighted).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hubdesk.services.facade import Services
from hubdesk.ui.pipeline_page import PipelinePage
from hubdesk.ui.referrals_page import ReferralsPage
from hubdesk.ui.sessions_page import SessionsPage
from hubdesk.ui.trainings_page import TrainingsPage

ENTER = {QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)}


@pytest.mark.parametrize("page_class", [ReferralsPage, SessionsPage, PipelinePage, TrainingsPage])
def test_enter_on_a_list_is_bound_to_the_list_only(qtbot: QtBot, services: Services, page_class: type) -> None:
    page: QWidget = page_class(services)
    qtbot.addWidget(page)
    enters = [s for s in page.findChildren(QShortcut) if s.key() in ENTER]
    assert enters, "the page opens its rows with Enter"
    assert {s.context() for s in enters} <= {
        Qt.ShortcutContext.WidgetShortcut,
        Qt.ShortcutContext.WidgetWithChildrenShortcut,
    }
    assert all(s.parent() is not page for s in enters if s.context() is Qt.ShortcutContext.WidgetWithChildrenShortcut)
