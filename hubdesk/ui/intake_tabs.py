"""The intake form's frame: its sections one tab each, and the notice of a minimal record."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QTabWidget, QWidget

from hubdesk.ui.intake_fields import IntakeSection

_ERROR_TAB_MARK = " •"
_ERROR_TAB_COLOUR = QColor("#c0392b")
_NOTICE_STYLE = "QFrame#minimalNotice { background: #fde7e9; border: 1px solid #e6a0a8; border-radius: 3px; }"


class SectionTabs(QTabWidget):
    """One scrollable tab per section, labels aligned across tabs; tabs holding errors are marked."""

    def __init__(self, sections: Sequence[IntakeSection], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sections = list(sections)
        for section in self._sections:
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            scroll.setWidget(section)
            self.addTab(scroll, section.title)
        # one label column for every tab, so fields do not jump sideways when the tab changes
        labels = [label for section in self._sections for label in section.form_labels()]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    def mark(self, number: int, errors: int) -> None:
        """Show on tab ``number`` whether its section holds errors."""
        self.setTabText(number, self._sections[number].title + (_ERROR_TAB_MARK if errors else ""))
        self.tabBar().setTabTextColor(number, _ERROR_TAB_COLOUR if errors else QColor())

    def show_section(self, section: IntakeSection) -> None:
        self.setCurrentIndex(self._sections.index(section))


class MinimalNotice(QFrame):
    """Says that only a minimal record will be kept. Signals: ``consent_requested()``."""

    consent_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minimalNotice")
        self.setStyleSheet(_NOTICE_STYLE)
        self.label = QLabel(
            self.tr(
                "Without consent to case follow-up only a minimal record is kept: the other sections will not be saved."
            ),
            self,
        )
        self.label.setWordWrap(True)
        go_to_consent = QPushButton(self.tr("Record consent"), self)
        go_to_consent.setAutoDefault(False)
        go_to_consent.clicked.connect(self.consent_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.label, 1)
        row.addWidget(go_to_consent)
        self.hide()
