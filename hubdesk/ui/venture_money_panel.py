"""The "Financing" and "Revenue" tabs of a business project's page: the money asked and obtained, with the totals, and
the turnover followed once the business runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import FinancingInfo, RevenueInfo, VentureInfo
from hubdesk.ui import labels
from hubdesk.ui.columns_table import Column, ColumnsModel, columns_table, selected_item
from hubdesk.ui.financing_dialog import FinancingDialog
from hubdesk.ui.form_rows import message
from hubdesk.ui.revenue_dialog import RevenueDialog


def _row(*widgets: QWidget | None) -> QHBoxLayout:
    """The widgets side by side; None is a stretch."""
    row = QHBoxLayout()
    for widget in widgets:
        if widget is None:
            row.addStretch(1)
        else:
            row.addWidget(widget)
    return row


def _obtained(line: FinancingInfo) -> str:
    # a module function, not a method: a model holding a bound method of its parent makes a cycle whose
    # collection broke the model's Python side
    obtained = line.draft.obtained_mad
    if obtained is None:
        return QCoreApplication.translate("VentureMoneyPanel", "awaited")
    return labels.dirhams(obtained) if obtained else QCoreApplication.translate("VentureMoneyPanel", "refused")


class VentureMoneyPanel(QObject):
    """The two tabs of the project shown (``set_venture``): ``financing_tab`` (the lines, the totals, buttons adding,
    editing or removing a line) and ``revenue_tab`` (the follow-ups, buttons adding or removing one). Two tabs of the
    page, hence a QObject owning two widgets rather than one widget. Dialogs open on ``parent`` (the page) through
    ``ask``; a removal is asked through ``confirm``. The buttons that change something are in ``write_buttons`` (the
    page shows them to case workers only).

    Signals:
        changed(): after a change to the money was saved (the page reloads the project, then this panel).
        refused(str): the services' words when a removal was refused.
    """

    changed = Signal()
    refused = Signal(str)

    def __init__(
        self,
        services: Services,
        ask: Callable[[QDialog], bool],
        confirm: Callable[[str], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._ask = ask
        self._confirm = confirm
        self._parent = parent
        self._writer = services.can_change_people
        self.venture: VentureInfo | None = None
        #: the buttons that change something, hidden from those who may only read
        self.write_buttons: list[QPushButton] = []

        self.financing, self.financing_view = self._table(
            [
                (self.tr("Kind"), lambda f: labels.financing_kind(f.draft.kind), False),
                (self.tr("Source"), lambda f: f.draft.source, False),
                (self.tr("Requested"), lambda f: labels.dirhams(f.draft.requested_mad), True),
                (self.tr("Obtained"), _obtained, True),
                (self.tr("Requested on"), lambda f: labels.short_date(f.draft.requested_on), False),
                (self.tr("Decided on"), lambda f: labels.short_date(f.draft.decided_on), False),
                (self.tr("Note"), lambda f: f.draft.note, False),
            ],
            stretch=6,
        )
        self.financing_view.doubleClicked.connect(lambda: self.edit_financing())
        self.totals = QLabel()
        self.totals.setStyleSheet("font-weight: 600;")
        self.add_financing_button = self._button(self.tr("Add financing…"), self.add_financing)
        self.edit_financing_button = self._button(self.tr("Edit…"), self.edit_financing)
        self.remove_financing_button = self._button(self.tr("Remove…"), self.remove_financing)
        buttons = (self.add_financing_button, self.edit_financing_button, self.remove_financing_button)
        self.financing_tab = self._tab(self.financing_view, _row(*buttons, None, self.totals))

        self.revenue, self.revenue_view = self._table(
            [
                (self.tr("From"), lambda r: labels.short_date(r.draft.period_start), False),
                (self.tr("To"), lambda r: labels.short_date(r.draft.period_end), False),
                (self.tr("Turnover"), lambda r: labels.dirhams(r.draft.revenue_mad), True),
                (self.tr("Jobs"), lambda r: "" if r.draft.jobs is None else str(r.draft.jobs), True),
                (self.tr("Note"), lambda r: r.draft.note, False),
            ],
            stretch=4,
        )
        self.add_revenue_button = self._button(self.tr("Add revenue follow-up…"), self.add_revenue)
        self.remove_revenue_button = self._button(self.tr("Remove…"), self.remove_revenue)
        self.revenue_tab = self._tab(self.revenue_view, _row(self.add_revenue_button, self.remove_revenue_button, None))
        self._update_buttons()

    # --- building ------------------------------------------------------------------------------------

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        """A button that Enter elsewhere does not press, shown to case workers only."""
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        self.write_buttons.append(button)
        return button

    def _table(self, columns: Sequence[Column], stretch: int) -> tuple[ColumnsModel[Any], QTableView]:
        model, view = columns_table(columns, stretch, self)
        view.selectionModel().selectionChanged.connect(self._update_buttons)
        return model, view

    @staticmethod
    def _tab(view: QTableView, *rows: QHBoxLayout) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(view, 1)
        for row in rows:
            layout.addLayout(row)
        return page

    # --- showing -------------------------------------------------------------------------------------

    def set_venture(self, info: VentureInfo | None) -> None:
        """Show the money of ``info`` (None: of no project; the totals then keep their last text)."""
        self.venture = info
        self.financing.set_items(info.financing if info is not None else [])
        self.revenue.set_items(info.revenue if info is not None else [])
        if info is not None:
            self.totals.setText(
                self.tr("Total: %1 requested, %2 obtained")
                .replace("%1", labels.dirhams(info.requested_mad))
                .replace("%2", labels.dirhams(info.obtained_mad))
            )
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        line = selected_item(self.financing_view) is not None
        self.edit_financing_button.setEnabled(line)
        self.remove_financing_button.setEnabled(line)
        self.remove_revenue_button.setEnabled(selected_item(self.revenue_view) is not None)
        for button in (self.add_financing_button, self.add_revenue_button):
            button.setEnabled(self.venture is not None)

    # --- doing ---------------------------------------------------------------------------------------

    def _run(self, dialog: QDialog) -> None:
        try:
            saved = self._ask(dialog)
        finally:
            dialog.deleteLater()
        if saved:
            self.changed.emit()

    def _attempt(self, action: Callable[[], object]) -> None:
        """Run a change; a refusal is passed on in the services' words."""
        try:
            action()
        except ValidationError as exc:
            self.refused.emit("\n".join(message(text) for text in exc.errors.values()))
            return
        except HubdeskError as exc:
            self.refused.emit(message(str(exc)))
            return
        self.changed.emit()

    @Slot()
    def add_financing(self) -> None:
        if self.venture is not None:
            self._run(FinancingDialog(self._services, self.venture.id, self._parent))

    @Slot()
    def edit_financing(self) -> None:
        line = selected_item(self.financing_view)
        if self.venture is not None and self._writer and isinstance(line, FinancingInfo):
            self._run(FinancingDialog(self._services, self.venture.id, self._parent, line=line))

    @Slot()
    def remove_financing(self) -> None:
        line = selected_item(self.financing_view)
        if not isinstance(line, FinancingInfo):
            return
        what = f"{labels.financing_kind(line.draft.kind)} {labels.dirhams(line.draft.requested_mad)}"
        if self._confirm(self.tr("Remove the financing line %1?").replace("%1", what)):
            self._attempt(lambda: self._services.ventures.delete_financing(line.id))

    @Slot()
    def add_revenue(self) -> None:
        if self.venture is not None:
            self._run(RevenueDialog(self._services, self.venture.id, self._parent))

    @Slot()
    def remove_revenue(self) -> None:
        line = selected_item(self.revenue_view)
        if not isinstance(line, RevenueInfo):
            return
        period = f"{labels.short_date(line.draft.period_start)} – {labels.short_date(line.draft.period_end)}"
        if self._confirm(self.tr("Remove the revenue follow-up of %1?").replace("%1", period)):
            self._attempt(lambda: self._services.ventures.delete_revenue(line.id))
