"""A business project's page: what it is, who is in it, its steps, its money, its turnover and the help it got."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import (
    StageStep,
    SupportActionInfo,
    VentureInfo,
)
from hubdesk.ui import labels
from hubdesk.ui.columns_table import Column, ColumnsModel, columns_table, select_row, selected_item
from hubdesk.ui.form_rows import message
from hubdesk.ui.stage_dialog import StageDialog
from hubdesk.ui.support_action_dialog import SupportActionDialog
from hubdesk.ui.venture_dialog import VentureDialog
from hubdesk.ui.venture_members_panel import VentureMembersPanel
from hubdesk.ui.venture_money_panel import VentureMoneyPanel


def _row(*widgets: QWidget | None) -> QHBoxLayout:
    """The widgets side by side; None is a stretch."""
    row = QHBoxLayout()
    for widget in widgets:
        if widget is None:
            row.addStretch(1)
        else:
            row.addWidget(widget)
    return row


class VenturePage(QWidget):
    """One business project: a header with its facts and money, then tabs of members, stages, financing,
    revenue follow-ups and support history. Buttons that change something show only to case workers
    (``services.can_change_people``); the services refuse the others and their message is shown.

    Signals:
        venture_changed(str): the project's id, after any change saved from the page (it has reloaded).
        beneficiary_opened(str): a member's beneficiary id (double click on a member).
        back_requested(): the "← Business projects" button.
    """

    venture_changed = Signal(str)
    beneficiary_opened = Signal(str)
    back_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._writer = services.can_change_people
        self.venture: VentureInfo | None = None
        self.last_message: QMessageBox | None = None
        #: the buttons that change something, hidden from those who may only read
        self.write_buttons: list[QPushButton] = []

        self.back_button = self._button(self.tr("← Business projects"), self.back_requested.emit, writes=False)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = self._button(self.tr("Edit project…"), self.edit_venture)
        self.facts: dict[str, QLabel] = {}
        facts = QHBoxLayout()
        for keys in (
            (("kind", self.tr("Kind:")), ("sector", self.tr("Sector:")), ("legal_form", self.tr("Legal form:"))),
            (
                ("stage", self.tr("Stage:")),
                ("started_on", self.tr("Started on:")),
                ("created_on", self.tr("Created on:")),
            ),
            (("counsellor", self.tr("Counsellor:")), ("jobs", self.tr("Jobs created:"))),
            (("requested", self.tr("Requested:")), ("obtained", self.tr("Obtained:"))),
        ):
            form = QFormLayout()
            for key, text in keys:
                self.facts[key] = QLabel()
                self.facts[key].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(text, self.facts[key])
            facts.addLayout(form)
            facts.addSpacing(24)
        facts.addStretch(1)
        self.facts["stage"].setStyleSheet("font-weight: 600;")

        self.tabs = QTabWidget()
        self._build_members()
        self._build_stages()
        self._build_money()
        self._build_support()

        layout = QVBoxLayout(self)
        layout.addLayout(_row(self.back_button, None))
        layout.addLayout(_row(self.title, None, self.edit_button))
        layout.addLayout(facts)
        layout.addWidget(self.tabs, 1)
        for button in self.write_buttons:
            button.setVisible(self._writer)
        self._selection_changed()

    # --- building ------------------------------------------------------------------------------------

    def _button(self, text: str, slot: Callable[[], None] | None, *, writes: bool = True) -> QPushButton:
        """A button that Enter elsewhere does not press; ``writes``: shown to case workers only."""
        button = QPushButton(text)
        button.setAutoDefault(False)
        if slot is not None:
            button.clicked.connect(slot)
        if writes:
            self.write_buttons.append(button)
        return button

    def _table(self, columns: Sequence[Column], stretch: int) -> tuple[ColumnsModel[Any], QTableView]:
        model, view = columns_table(columns, stretch, self)
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        return model, view

    def _tab(self, view: QTableView, *rows: QHBoxLayout) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(view, 1)
        for row in rows:
            layout.addLayout(row)
        self.tabs.addTab(page, "")

    def _build_members(self) -> None:
        self.members_panel = VentureMembersPanel(self._services, lambda text: self.confirm(text))
        self.members_panel.changed.connect(self._changed)
        self.members_panel.refused.connect(self.inform)
        self.members_panel.beneficiary_opened.connect(self.beneficiary_opened)
        self.write_buttons += self.members_panel.write_buttons
        self.tabs.addTab(self.members_panel, "")

    def _build_stages(self) -> None:
        self.steps, self.steps_view = self._table(
            [
                (self.tr("Stage"), lambda s: labels.venture_stage(s.stage), False),
                (self.tr("Day"), lambda s: labels.short_date(s.changed_on), False),
                (self.tr("Note"), lambda s: s.note, False),
                (self.tr("By"), lambda s: s.by, False),
            ],
            stretch=2,
        )
        self.move_button = self._button(self.tr("Move to next stage…"), self.move_stage)
        self.undo_button = self._button(self.tr("Undo last step"), self.undo_last_step)
        self._tab(self.steps_view, _row(self.move_button, self.undo_button, None))

    def _build_money(self) -> None:
        self.money_panel = VentureMoneyPanel(self._services, lambda d: self.ask(d), lambda t: self.confirm(t), self)
        self.money_panel.changed.connect(self._changed)
        self.money_panel.refused.connect(lambda text: self.inform(text))
        self.write_buttons += self.money_panel.write_buttons
        self.tabs.addTab(self.money_panel.financing_tab, "")
        self.tabs.addTab(self.money_panel.revenue_tab, "")

    def _build_support(self) -> None:
        self.support, self.support_view = self._table(
            [
                (self.tr("Date"), lambda a: labels.short_date(a.draft.held_on), False),
                (self.tr("Kind"), lambda a: labels.support_action_kind(a.draft.kind), False),
                (self.tr("Hours"), lambda a: f"{a.draft.hours:g}", True),
                (self.tr("Counsellor"), lambda a: a.counsellor, False),
                (self.tr("Notes"), lambda a: a.draft.notes, False),
            ],
            stretch=4,
        )
        self.support_view.doubleClicked.connect(lambda: self.edit_support())
        self.add_support_button = self._button(self.tr("Add support action…"), self.add_support)
        self.edit_support_button = self._button(self.tr("Edit…"), self.edit_support)
        self._tab(self.support_view, _row(self.add_support_button, self.edit_support_button, None))

    # --- loading -------------------------------------------------------------------------------------

    def show_venture(self, venture_id: str) -> None:
        """Read the project and show it (the first tab when it is another project than the one shown)."""
        if self.venture is None or self.venture.id != venture_id:
            self.tabs.setCurrentIndex(0)
            self.members_panel.hide_member_picker()
        try:
            info = self._services.ventures.get(venture_id)
        except HubdeskError as exc:
            self.venture = None
            self.title.setText(message(str(exc)))
            for label in self.facts.values():
                label.clear()
            self.members_panel.set_venture(None)
            self.money_panel.set_venture(None)
            for model in (self.steps, self.support):
                model.set_items([])
            self._selection_changed()
            return
        self.venture = info
        self._show(info)

    def reload(self) -> None:
        if self.venture is not None:
            self.show_venture(self.venture.id)

    def _show(self, info: VentureInfo) -> None:
        draft = info.draft
        self.title.setText(f"{info.code} — {labels.isolate(draft.name)}")
        stage = self.tr("%1, since %2").replace("%1", labels.venture_stage(info.stage))
        none = self.tr("—")
        values = {
            "kind": labels.venture_kind(draft.kind),
            "sector": labels.skill_sector(draft.sector),
            "legal_form": labels.legal_form(draft.legal_form),
            "stage": stage.replace("%2", labels.short_date(info.stage_on)),
            "started_on": labels.short_date(info.started_on),
            "created_on": labels.short_date(info.created_on) or none,
            "counsellor": info.counsellor or none,
            "jobs": str(draft.jobs_created),
            "requested": labels.dirhams(info.requested_mad),
            "obtained": labels.dirhams(info.obtained_mad),
        }
        for key, text in values.items():
            self.facts[key].setText(text)
        self.members_panel.set_venture(info)
        self.steps.set_items(info.steps)
        self.money_panel.set_venture(info)
        self.support.set_items(info.support)
        counts = (info.members, info.steps, info.financing, info.revenue, info.support)
        names = (self.tr("Members"), self.tr("Stages"), self.tr("Financing"), self.tr("Revenue"), self.tr("Support"))
        for index, (name, items) in enumerate(zip(names, counts, strict=True)):
            self.tabs.setTabText(index, f"{name} ({len(items)})")
        self._selection_changed()

    # --- selection -----------------------------------------------------------------------------------

    selected = staticmethod(selected_item)
    select_row = staticmethod(select_row)

    @Slot()
    def _selection_changed(self) -> None:
        info = self.venture
        self.move_button.setEnabled(info is not None and bool(info.next_stages))
        self.undo_button.setEnabled(info is not None and len(info.steps) > 1)
        self.edit_support_button.setEnabled(self.selected(self.support_view) is not None)
        for button in (self.edit_button, self.add_support_button):
            button.setEnabled(info is not None)

    # --- asking (tests replace these) --------------------------------------------------------------------

    def ask(self, dialog: QDialog) -> bool:
        """Show a dialog; True when it was saved."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Business project"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, text: str) -> None:
        """Say why something was refused (the services' words), without blocking."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Business project"), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()

    # --- doing ---------------------------------------------------------------------------------------

    def _changed(self) -> None:
        if self.venture is not None:
            self.reload()
            self.venture_changed.emit(self.venture.id if self.venture is not None else "")

    def _run(self, dialog: QDialog) -> None:
        try:
            saved = self.ask(dialog)
        finally:
            dialog.deleteLater()
        if saved:
            self._changed()

    def _attempt(self, action: Callable[[], object]) -> bool:
        """Run a change; a refusal is shown in the services' words. True when it was done (the page reloaded)."""
        try:
            action()
        except ValidationError as exc:
            self.inform("\n".join(message(text) for text in exc.errors.values()))
            return False
        except HubdeskError as exc:
            self.inform(message(str(exc)))
            return False
        self._changed()
        return True

    @Slot()
    def edit_venture(self) -> None:
        if self.venture is not None:
            self._run(VentureDialog(self._services, self, venture=self.venture))

    # stages

    @Slot()
    def move_stage(self) -> None:
        info = self.venture
        if info is not None and info.next_stages:
            self._run(StageDialog(self._services, info.id, info.code, info.stage, info.next_stages, self))

    @Slot()
    def undo_last_step(self) -> None:
        info = self.venture
        if info is None or len(info.steps) < 2:
            return
        last: StageStep = info.steps[-1]
        question = (
            self.tr("Take back '%1' of %2?")
            .replace("%1", labels.venture_stage(last.stage))
            .replace("%2", labels.short_date(last.changed_on))
        )
        if self.confirm(question):
            self._attempt(lambda: self._services.ventures.undo_last_step(info.id))

    # support

    @Slot()
    def add_support(self) -> None:
        if self.venture is not None:
            self._run(SupportActionDialog(self._services, self, venture_id=self.venture.id))

    @Slot()
    def edit_support(self) -> None:
        action = self.selected(self.support_view)
        if self.venture is not None and self._writer and isinstance(action, SupportActionInfo):
            self._run(SupportActionDialog(self._services, self, venture_id=self.venture.id, action=action))
