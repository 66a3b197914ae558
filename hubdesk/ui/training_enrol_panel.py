"""The box above a training's grid where people are picked by name, several in a row, then enrolled together."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hubdesk.domain.errors import HubdeskError
from hubdesk.services.facade import Services
from hubdesk.ui.form_rows import message
from hubdesk.ui.intake_editors import ERROR_STYLE
from hubdesk.ui.person_picker import PersonPicker


class TrainingEnrolPanel(QGroupBox):
    """People picked one after the other (Enter picks), listed under the search box, then enrolled in the training
    ``training_id`` with "Enrol them". A refusal is shown in the box and the people picked stay picked; nothing is
    enrolled unless ``may_leave()`` agrees (the page's unsaved ticks). Hidden until ``open_panel``.

    Signals:
        enrolled(int): how many people were enrolled, once the box has closed.
    """

    enrolled = Signal(int)

    def __init__(self, services: Services, may_leave: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Enrol people: type a name, Enter picks; several in a row"))
        self._services = services
        self._may_leave = may_leave
        self.training_id: str | None = None
        self._picked: dict[str, str] = {}

        self.picker = PersonPicker(services.search)
        self.picker.person_picked.connect(self._picked_person)
        self.picked_label = QLabel()
        self.picked_label.setWordWrap(True)
        self.enrol_error = QLabel()
        self.enrol_error.setStyleSheet(ERROR_STYLE)
        self.enrol_error.setWordWrap(True)
        self.enrol_them_button = QPushButton(self.tr("Enrol &them"))
        self.enrol_them_button.clicked.connect(self.enrol_picked)
        close_enrol = QPushButton(self.tr("Close"))
        close_enrol.clicked.connect(self.close_panel)
        enrol_layout = QVBoxLayout(self)
        enrol_layout.addWidget(self.picker)
        enrol_layout.addWidget(self.picked_label)
        enrol_layout.addWidget(self.enrol_error)
        enrol_buttons = QHBoxLayout()
        enrol_buttons.addStretch(1)
        enrol_buttons.addWidget(self.enrol_them_button)
        enrol_buttons.addWidget(close_enrol)
        enrol_layout.addLayout(enrol_buttons)
        self.hide()

    @Slot()
    def open_panel(self) -> None:
        self.show()
        self.picker.box.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str, str)
    def _picked_person(self, beneficiary_id: str, label: str) -> None:
        self._picked[beneficiary_id] = label
        self.enrol_error.clear()
        self.picked_label.setText(self.tr("To enrol: %1").replace("%1", "; ".join(self._picked.values())))

    @Slot()
    def enrol_picked(self) -> None:
        if self.training_id is None or not self._may_leave():
            return
        try:
            count = self._services.trainings.enrol(self.training_id, list(self._picked))
        except HubdeskError as exc:
            self.enrol_error.setText(message(str(exc)))  # the people picked stay picked
            return
        self.close_panel()
        self.enrolled.emit(count)

    @Slot()
    def close_panel(self) -> None:
        self._picked.clear()
        self.picked_label.clear()
        self.enrol_error.clear()
        self.hide()
