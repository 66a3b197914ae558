"""The Trainings page: every training and workshop, searched and filtered; one opens on the same page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import TrainingTheme
from hubdesk.services.access import CASE_WORKERS
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import TrainingQuery, TrainingRow
from hubdesk.ui import labels
from hubdesk.ui.intake_editors import ERROR_STYLE
from hubdesk.ui.paged_table_model import record_table
from hubdesk.ui.training_dialog import TrainingDialog
from hubdesk.ui.training_page import TrainingPage
from hubdesk.ui.trainings_table_model import RecordRole, TrainingsTableModel

#: typing pauses this long before the list follows the search box
SEARCH_DELAY_MS = 250


class TrainingsPage(QWidget):
    """The list of trainings (search, theme, "New training…"); Enter or a double click opens one in its place,
    "← All trainings" comes back (asking first when attendance ticks are not saved).

    Signals: ``beneficiary_opened(str)`` with the id of a trainee to show.
    """

    beneficiary_opened = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        role = services.user.role if services.user is not None else None
        self.can_change = role in CASE_WORKERS

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Code, title or trainer (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.theme_filter = QComboBox()
        self.theme_filter.addItem(self.tr("All themes"), None)
        for theme in TrainingTheme:
            self.theme_filter.addItem(labels.training_theme(theme), theme.value)
        self.new_button = QPushButton(self.tr("&New training…"))
        self.new_button.setVisible(self.can_change)
        self.new_button.clicked.connect(self.new_training)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(self.open_selected)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textEdited.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_filters)
        self.theme_filter.currentIndexChanged.connect(self.apply_filters)

        self.model = TrainingsTableModel(services.trainings, self)
        self.table = record_table(self.model, (150, 300, 150, 160, 90, 90, 50))
        self.table.doubleClicked.connect(self.open_selected)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            opener = QShortcut(QKeySequence(key), self.table, self.open_selected)
            # set apart: PySide6 ignores ``context=`` next to a callable, and a window-wide Return would open
            # the selected training from the search box
            opener.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.count_label = QLabel()
        self.status = QLabel()
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setWordWrap(True)
        self.model.counted.connect(lambda total: self.count_label.setText(self.tr("%n trainings", "", total)))
        self.model.load_failed.connect(self.status.setText)

        title = QLabel(self.tr("Trainings"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.theme_filter, 1)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        self.list_page = QWidget()
        list_layout = QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(title)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(actions)
        list_layout.addWidget(self.status)

        self.training_page = TrainingPage(services)
        self.training_page.closed.connect(self.show_list)
        self.training_page.beneficiary_opened.connect(self.beneficiary_opened)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.training_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        # Ctrl+F here searches the trainings, not the people (the window's own Ctrl+F)
        for widget in (self.search_edit, self.theme_filter, self.table, self.new_button, self.open_button):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Find)) or (
            isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the key comes to this page rather than to the window's shortcut
                return True
            if event.type() == QEvent.Type.KeyPress:
                self._focus_search()
                return True
        return super().eventFilter(watched, event)

    # --- the list ----------------------------------------------------------------------------------

    def current_query(self) -> TrainingQuery:
        theme = self.theme_filter.currentData()
        return TrainingQuery(theme=TrainingTheme(theme) if theme else None, text=self.search_edit.text())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if event.spontaneous():
            return
        if self.stack.currentWidget() is self.list_page:
            self.refresh()
        elif not self.training_page.model.has_changes():
            # people may have been deleted or merged from their record meanwhile; unsaved ticks are kept as they are
            self.training_page.reload()

    @Slot()
    def refresh(self) -> None:
        """The same filters again, the place in the list and the selected training kept."""
        self._load(keep_place=True)

    @Slot()
    def apply_filters(self) -> None:
        self._search_timer.stop()
        self._load(keep_place=False)

    def _load(self, *, keep_place: bool) -> None:
        selected = self.selected_training()
        scrolled = self.table.verticalScrollBar().value()
        if not self.model.set_query(self.current_query(), at_least=self.model.rowCount() if keep_place else 0):
            return
        self.status.clear()
        if self.model.counting:
            self.count_label.setText(self.tr("%n trainings shown, counting…", "", self.model.rowCount()))
        if selected is not None:
            self.select(selected.id)
        if keep_place:
            self.table.verticalScrollBar().setValue(scrolled)

    @Slot()
    def _focus_search(self) -> None:
        if self.stack.currentWidget() is not self.list_page and not self.show_list():
            return
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def selected_training(self) -> TrainingRow | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].data(RecordRole) if rows else None
        return row if isinstance(row, TrainingRow) else None

    def select(self, training_id: str) -> None:
        row = self.model.row_of(training_id)
        if row >= 0:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    # --- going between the list and a training -----------------------------------------------------

    @Slot()
    def open_selected(self, _index: QModelIndex | None = None) -> None:
        row = self.selected_training()
        if row is not None:
            self.show_training(row.id)

    def show_training(self, training_id: str) -> bool:
        """Open a training on this page (asking first when ticks of another one are not saved)."""
        if self.stack.currentWidget() is self.training_page and not self.training_page.confirm_leave():
            return False
        if not self.training_page.show_training(training_id):
            self.status.setText(self.training_page.status.text())
            return False
        self.stack.setCurrentWidget(self.training_page)
        self.training_page.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    @Slot()
    def show_list(self) -> bool:
        """Back to the list; False when the person keeps unsaved ticks."""
        if self.stack.currentWidget() is self.training_page:
            if not self.training_page.confirm_leave():
                return False
            shown = self.training_page.training
            self.stack.setCurrentWidget(self.list_page)
            self.refresh()
            if shown is not None:
                self.select(shown.id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def confirm_leave(self) -> bool:
        """For the main window before it shows another page: True unless unsaved ticks are kept."""
        return self.stack.currentWidget() is not self.training_page or self.training_page.confirm_leave()

    @Slot()
    def new_training(self) -> None:
        """The training form; once saved, the new training opens."""
        if not self.can_change:
            return
        dialog = TrainingDialog(self._services, self)
        try:
            if self.run_dialog(dialog) and dialog.saved_id is not None:
                self.refresh()
                self.show_training(dialog.saved_id)
        finally:
            dialog.deleteLater()

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog; True when accepted. Tests replace this."""
        return dialog.exec() == QDialog.DialogCode.Accepted
