"""A person's "Entrepreneurship" tab on their record: the auto-entrepreneur status, their business projects, the
support actions they received and their trainings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import AutoEntrepreneurStatus
from hubdesk.domain.errors import HubdeskError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import (
    AutoEntrepreneurInfo,
    PersonTraining,
    PersonVenture,
    SupportActionInfo,
)
from hubdesk.ui import labels
from hubdesk.ui.auto_entrepreneur_dialog import NOTICE_STYLE, AutoEntrepreneurDialog
from hubdesk.ui.columns_table import columns_table, selected_item
from hubdesk.ui.form_rows import message
from hubdesk.ui.intake_editors import make_error_label
from hubdesk.ui.list_table_model import RecordRole
from hubdesk.ui.support_action_dialog import SupportActionDialog


def _hours(value: float) -> str:
    return f"{value:g}"


def _completed(training: PersonTraining) -> str:
    # a module function, not a method: a model holding a bound method of its parent panel makes a cycle
    # whose collection broke the model's Python side
    def tr(text: str) -> str:
        return QCoreApplication.translate("EnterprisePanel", text)

    if training.completed:
        return tr("Yes")
    return tr("No — certificate allowed") if training.exception else tr("No")


class EnterprisePanel(QWidget):
    """The auto-entrepreneur line, the person's projects, the support actions and the trainings, one box each.

    Write buttons show only to those who may change people's records (the services refuse the others).

    Signals:
        venture_opened: a project was double-clicked; carries its id.
        training_opened: a training was double-clicked; carries its id.
        changed: the status or a support action was saved or deleted (the panel has reloaded).
    """

    venture_opened = Signal(str)
    training_opened = Signal(str)
    changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._beneficiary_id: str | None = None
        self.status: AutoEntrepreneurInfo | None = None
        #: the person's projects as last read (None when the services refused)
        self.ventures: list[PersonVenture] | None = None
        self.last_message: QMessageBox | None = None
        writer = services.can_change_people

        # --- auto-entrepreneur
        self.status_line = QLabel()
        self.status_line.setStyleSheet("font-weight: 600;")
        self.status_line.setWordWrap(True)
        self.eligibility = QLabel()
        self.eligibility.setWordWrap(True)
        self.eligibility.setStyleSheet(NOTICE_STYLE)
        self.eligibility.hide()
        self.status_button = self._button(self.tr("Record / update status…"), self.edit_status)
        status_box = QGroupBox(self.tr("Auto-entrepreneur"))
        status_layout = QVBoxLayout(status_box)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_line, 1)
        status_row.addWidget(self.status_button)
        status_layout.addLayout(status_row)
        status_layout.addWidget(self.eligibility)

        # --- projects
        self.venture_model, self.ventures_view = columns_table(
            [
                (self.tr("Code"), lambda v: v.code, False),
                (self.tr("Project"), lambda v: v.name, False),
                (self.tr("Kind"), lambda v: labels.venture_kind(v.kind), False),
                (self.tr("Stage"), lambda v: labels.venture_stage(v.stage), False),
                (self.tr("Role"), lambda v: labels.member_role(v.role), False),
            ],
            1,
            self,
        )
        self.ventures_view.doubleClicked.connect(self._open_venture)
        self.ventures_view.setToolTip(self.tr("Double-click to open the project"))

        # --- support actions
        self.action_model, self.actions_view = columns_table(
            [
                (self.tr("Date"), lambda a: labels.short_date(a.draft.held_on), False),
                (self.tr("Kind"), lambda a: labels.support_action_kind(a.draft.kind), False),
                (self.tr("Hours"), lambda a: _hours(a.draft.hours), True),
                (self.tr("About"), lambda a: a.subject, False),
                (self.tr("Counsellor"), lambda a: a.counsellor, False),
                (self.tr("Notes"), lambda a: " ".join(a.draft.notes.split()), False),
            ],
            5,
            self,
        )
        self.actions_view.doubleClicked.connect(self._edit_action)
        self.add_action_button = self._button(self.tr("Add support action…"), self.add_action)
        self.edit_action_button = self._button(self.tr("Edit…"), self.edit_action)
        self.delete_action_button = self._button(self.tr("Delete…"), self.delete_action)
        self.actions_view.selectionModel().selectionChanged.connect(self._action_selected)

        # --- trainings
        self.training_model, self.trainings_view = columns_table(
            [
                (self.tr("Code"), lambda t: t.code, False),
                (self.tr("Training"), lambda t: t.title, False),
                (self.tr("First day"), lambda t: labels.short_date(t.first_day), False),
                (self.tr("Attended"), lambda t: f"{t.days_attended}/{t.day_count}", True),
                (self.tr("Completed"), _completed, False),
            ],
            1,
            self,
        )
        self.trainings_view.doubleClicked.connect(self._open_training)
        self.trainings_view.setToolTip(self.tr("Double-click to open the training"))

        self.problem = make_error_label(self)

        action_buttons = QHBoxLayout()
        for button in (self.add_action_button, self.edit_action_button, self.delete_action_button):
            action_buttons.addWidget(button)
        action_buttons.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._box(self.tr("Business projects"), self.ventures_view))
        splitter.addWidget(self._box(self.tr("Support actions"), self.actions_view, action_buttons))
        splitter.addWidget(self._box(self.tr("Trainings"), self.trainings_view))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(status_box)
        layout.addWidget(self.problem)
        layout.addWidget(splitter, 1)
        for button in (self.status_button, self.add_action_button, self.edit_action_button, self.delete_action_button):
            button.setVisible(writer)
        self._writer = writer
        self._action_selected()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _box(title: str, view: QTableView, buttons: QHBoxLayout | None = None) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(view, 1)
        if buttons is not None:
            layout.addLayout(buttons)
        return box

    # --- loading -------------------------------------------------------------------------------------

    def show_person(self, beneficiary_id: str) -> None:
        """Load the person's status, projects, support actions and trainings."""
        self._beneficiary_id = beneficiary_id
        self.reload()

    def reload(self) -> None:
        if self._beneficiary_id is None:
            return
        person = self._beneficiary_id
        problems: list[str] = []

        def read(call: Callable[[], Any], empty: Any) -> Any:
            try:
                return call()
            except HubdeskError as exc:
                problems.append(message(str(exc)))
                return empty

        self.status = read(lambda: self._services.auto_entrepreneurs.get(person), None)
        self.ventures = read(lambda: self._services.ventures.of_person(person), None)
        self.venture_model.set_items(self.ventures or [])
        self.action_model.set_items(read(lambda: self._services.support_actions.of_person(person), []))
        self.training_model.set_items(read(lambda: self._services.trainings.of_person(person), []))
        self._show_status(self.status)
        self.problem.setText("\n".join(dict.fromkeys(problems)))
        self.problem.setVisible(bool(problems))
        self._action_selected()

    def status_summary(self, info: AutoEntrepreneurInfo | None) -> str:
        """One line: "Active since 12/05/2026 — register no. 123456, Services (200,000 MAD ceiling)"."""
        draft = info.draft if info is not None else None
        if draft is None:
            return self.tr("Not registered")
        category = labels.auto_entrepreneur_category(draft.category)
        if draft.status is AutoEntrepreneurStatus.APPLIED:
            text = self.tr("Applied on %1 — %2").replace("%1", labels.short_date(draft.applied_on))
            return text.replace("%2", category)
        if draft.status is AutoEntrepreneurStatus.LAPSED:
            text = self.tr("Lapsed on %1 — register no. %2, %3").replace("%1", labels.short_date(draft.lapsed_on))
        else:
            text = self.tr("Active since %1 — register no. %2, %3").replace(
                "%1", labels.short_date(draft.registered_on)
            )
        return text.replace("%2", draft.register_number).replace("%3", category)

    def _show_status(self, info: AutoEntrepreneurInfo | None) -> None:
        self.status_line.setText(self.status_summary(info))
        reason = info.eligibility if info is not None else ""
        registered = info is not None and info.draft is not None and info.draft.registered_on is not None
        # once registered, a permit that expired since no longer blocks anything: the notice is for newcomers
        if registered and info is not None and info.over_ceiling:
            # the status is at stake: past the yearly ceiling, the person must change to another legal form
            reason = self.tr(
                "The linked project's turnover over the last twelve months, %1, is past the %2 ceiling of this "
                "category: the status may be lost; consider another legal form."
            )
            reason = reason.replace("%1", labels.dirhams(info.turnover_12_months_mad)).replace(
                "%2", labels.dirhams(info.ceiling_mad)
            )
        self.eligibility.setText(message(reason))
        self.eligibility.setVisible(bool(reason) and (not registered or (info is not None and info.over_ceiling)))
        self.status_button.setEnabled(info is not None)

    # --- selection ---------------------------------------------------------------------------------------

    def selected_action(self) -> SupportActionInfo | None:
        item = selected_item(self.actions_view)
        return item if isinstance(item, SupportActionInfo) else None

    @Slot()
    def _action_selected(self) -> None:
        chosen = self.selected_action() is not None
        self.edit_action_button.setEnabled(chosen)
        self.delete_action_button.setEnabled(chosen)

    @Slot(QModelIndex)
    def _open_venture(self, index: QModelIndex) -> None:
        item = index.data(RecordRole)
        if isinstance(item, PersonVenture):
            self.venture_opened.emit(item.id)

    @Slot(QModelIndex)
    def _open_training(self, index: QModelIndex) -> None:
        item = index.data(RecordRole)
        if isinstance(item, PersonTraining):
            self.training_opened.emit(item.id)

    @Slot(QModelIndex)
    def _edit_action(self, _index: QModelIndex) -> None:
        if self._writer:
            self.edit_action()

    # --- asking (tests replace these) --------------------------------------------------------------------

    def ask(self, dialog: QDialog) -> bool:
        """Show a dialog; True when it was saved."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Support actions"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, text: str) -> None:
        """Say why something was refused (the services' words), without blocking."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Entrepreneurship"), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()

    def _run(self, dialog: QDialog) -> None:
        try:
            saved = self.ask(dialog)
        finally:
            dialog.deleteLater()
        if saved:
            self._changed()

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    # --- the actions ---------------------------------------------------------------------------------

    @Slot()
    def edit_status(self) -> None:
        if self._beneficiary_id is not None and self._writer:
            dialog = AutoEntrepreneurDialog(
                self._services, self._beneficiary_id, self, info=self.status, ventures=self.ventures
            )
            self._run(dialog)

    @Slot()
    def add_action(self) -> None:
        if self._beneficiary_id is not None and self._writer:
            self._run(SupportActionDialog(self._services, self, beneficiary_id=self._beneficiary_id))

    @Slot()
    def edit_action(self) -> None:
        action = self.selected_action()
        if action is not None and self._writer:
            self._run(SupportActionDialog(self._services, self, action=action))

    @Slot()
    def delete_action(self) -> None:
        action = self.selected_action()
        if action is None or not self._writer:
            return
        question = (
            self.tr("Delete the support action of %1 (%2)?")
            .replace("%1", labels.short_date(action.draft.held_on))
            .replace("%2", labels.support_action_kind(action.draft.kind))
        )
        if not self.confirm(question):
            return
        try:
            self._services.support_actions.delete(action.id)
        except HubdeskError as exc:
            self.inform(message(str(exc)))
            return
        self._changed()
