"""The Partners page: the directory of the organisations the HUB refers people to."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import PartnerType
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.access import CASE_WORKERS, SUPERVISORS
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import PartnerInfo
from hubdesk.ui import labels
from hubdesk.ui.intake_editors import ERROR_STYLE
from hubdesk.ui.partner_dialog import PartnerDialog
from hubdesk.ui.partners_table_model import PartnersTableModel, RecordRole, SortRole

SEARCH_DELAY_MS = 200
#: a column is at most this wide at first (long names are cut, whole in the tooltip and the detail pane)
COLUMN_WIDTH = 260


def _message(text: str) -> str:
    """A message of the services (English source), in the interface language."""
    return QCoreApplication.translate("validation", text)


class PartnersPage(QWidget):
    """Search and filters on top, the partners with the selected one's details beside them, the actions under.

    Counsellors add and edit partners; coordinators and administrators also disable, enable and delete them;
    read-only users only look. The list reloads each time the page is shown and after each change.

    Signals: ``partners_changed()`` after a partner was added, changed, disabled, enabled or deleted.
    """

    partners_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        user = services.user
        role = user.role if user is not None else None
        #: counsellors, coordinators and administrators add and edit partners
        self.can_edit = role in CASE_WORKERS
        #: coordinators and administrators disable, enable and delete them
        self.can_manage = role in SUPERVISORS

        self.model = PartnersTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search by name, Arabic name or service…"))
        self.search_edit.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._timer.start)
        self.search_edit.returnPressed.connect(self.refresh)
        self.type_filter = QComboBox()
        self.type_filter.addItem(self.tr("All types"), None)
        for kind in PartnerType:
            self.type_filter.addItem(labels.partner_type(kind), kind.value)
        self.type_filter.currentIndexChanged.connect(self.refresh)
        self.show_disabled = QCheckBox(self.tr("Show &disabled partners"))
        self.show_disabled.toggled.connect(self.refresh)
        self.count_label = QLabel()

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(PartnersTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        table_keys: tuple[tuple[Qt.Key, Callable[[], None]], ...] = (
            (Qt.Key.Key_Return, self.edit_selected),
            (Qt.Key.Key_Enter, self.edit_selected),
            (Qt.Key.Key_Delete, self.delete_selected),
        )
        for key, slot in table_keys:
            shortcut = QShortcut(QKeySequence(key), self.table, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # only while the list has the focus
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self, self.new_partner)
        insert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # anywhere on the page

        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(True)
        self.details.setMinimumWidth(280)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.new_button = QPushButton(self.tr("&New partner…"))
        self.new_button.setToolTip(self.tr("Add an organisation to the directory (Insert)"))
        self.new_button.clicked.connect(self.new_partner)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Change the selected partner (Enter or double-click)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.active_button = QPushButton(self.tr("Disa&ble"))
        self.active_button.clicked.connect(self.toggle_active)
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.setToolTip(self.tr("Delete a partner nobody was referred to (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (self.new_button, self.edit_button):
            button.setVisible(self.can_edit)
        for button in (self.active_button, self.delete_button):
            button.setVisible(self.can_manage)
        self.status = QLabel()
        self.status.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.type_filter)
        filters.addWidget(self.show_disabled)
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        for button in (self.new_button, self.edit_button, self.active_button, self.delete_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        self._selection_changed()

    # --- the list ----------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Reload the directory with the search, type and disabled filters; the selection stays if listed."""
        selected = self.selected_partner()
        self.reload(selected.id if selected is not None else None)

    def reload(self, select_id: str | None) -> None:
        """Reload the directory, then select the partner ``select_id`` when it is listed."""
        self._timer.stop()
        kind = self.type_filter.currentData()
        try:
            partners = self._services.partners.list(
                include_inactive=self.show_disabled.isChecked(), text=self.search_edit.text()
            )
        except HubdeskError as exc:
            self._tell(_message(str(exc)), error=True)
            return
        if kind:
            partners = [info for info in partners if info.partner_type.value == kind]
        self.model.set_items(partners)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            header.resizeSection(column, min(header.sectionSize(column) + 12, COLUMN_WIDTH))
        self.count_label.setText(self.tr("%n partners", "", len(partners)))
        self._select(select_id)
        self._selection_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # a window coming back from the task bar is no reason to reload
        if not event.spontaneous():
            self.refresh()

    def selected_partner(self) -> PartnerInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        info = rows[0].data(RecordRole)
        return info if isinstance(info, PartnerInfo) else None

    def _select(self, partner_id: str | None) -> None:
        row = self.model.row_of(partner_id) if partner_id is not None else -1
        if row < 0:
            self.table.clearSelection()
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        # not QTableView.selectRow: right to left it picks the column under the viewport's edge, often none
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    @Slot()
    def _selection_changed(self) -> None:
        info = self.selected_partner()
        self.edit_button.setEnabled(info is not None)
        self.active_button.setEnabled(info is not None)
        self.delete_button.setEnabled(info is not None)
        self.active_button.setText(self.tr("Ena&ble") if info is not None and not info.active else self.tr("Disa&ble"))
        self.active_button.setToolTip(
            self.tr("Let new referrals go to this partner again")
            if info is not None and not info.active
            else self.tr("No new referral goes to a disabled partner; its referrals are kept")
        )
        if info is None:
            self.details.setHtml(f"<p><i>{escape(self.tr('Select a partner to see its details.'))}</i></p>")
        else:
            self.details.setHtml(self.details_html(info))

    def details_html(self, info: PartnerInfo) -> str:
        """Everything the directory says about ``info``, as the detail pane shows it."""
        draft = info.draft
        parts = [f"<h3>{escape(draft.name)}</h3>"]
        if draft.arabic_name:
            parts.append(f'<p dir="rtl" align="right" style="font-size: 12pt;">{escape(draft.arabic_name)}</p>')
        status = self.tr("Active") if info.active else self.tr("Disabled: no new referral goes to it")
        rows = [
            (self.tr("Type"), escape(labels.partner_type(draft.partner_type))),
            (self.tr("Status"), escape(status)),
            (self.tr("Referrals received"), str(info.referrals)),
            (self.tr("Address"), escape(draft.address)),
            (self.tr("City"), escape(draft.city)),
            (self.tr("Phone"), escape(labels.isolate(draft.phone))),
        ]
        if draft.email:
            rows.append((self.tr("E-mail"), f'<a href="mailto:{escape(draft.email)}">{escape(draft.email)}</a>'))
        if draft.website:
            target = draft.website if "://" in draft.website else f"https://{draft.website}"
            rows.append((self.tr("Website"), f'<a href="{escape(target)}">{escape(draft.website)}</a>'))
        parts.append("<table cellspacing='0' cellpadding='2'>")
        parts += [f"<tr><td><b>{escape(caption)}</b></td><td>{value}</td></tr>" for caption, value in rows if value]
        parts.append("</table>")
        if draft.services:
            parts.append(f"<p><b>{escape(self.tr('Services and programmes'))}</b></p><ul>")
            parts += [f"<li>{escape(service)}</li>" for service in draft.services]
            parts.append("</ul>")
        if draft.contacts:
            parts.append(f"<p><b>{escape(self.tr('Contact people'))}</b></p><ul>")
            for contact in draft.contacts:
                details = [escape(contact.role), escape(labels.isolate(contact.phone)), escape(contact.email)]
                line = escape(contact.name) + "".join(f" · {detail}" for detail in details if detail)
                parts.append(f"<li>{line}</li>")
            parts.append("</ul>")
        if draft.notes:
            notes = escape(draft.notes).replace("\n", "<br>")
            parts.append(f"<p><b>{escape(self.tr('Notes'))}</b></p><p>{notes}</p>")
        return "".join(parts)

    # --- actions -----------------------------------------------------------------------------

    def ask(self, dialog: PartnerDialog) -> bool:
        """Show the partner form; True when the partner was saved. Tests replace this."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def confirm(self, text: str) -> bool:
        """Ask a yes/no question (tests replace this to answer without a modal box)."""
        answer = QMessageBox.question(
            self,
            self.tr("Partners"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def new_partner(self) -> None:
        """Open the form for a new partner; once saved, it is listed and selected."""
        if self.can_edit:
            self._open_dialog(None)

    @Slot()
    def edit_selected(self, _index: QModelIndex | None = None) -> None:
        """Open the form on the selected partner, as stored now; the list shows the change."""
        info = self.selected_partner()
        if info is None or not self.can_edit:
            return
        try:
            current = self._services.partners.get(info.id)
        except HubdeskError as exc:
            self._tell(_message(str(exc)), error=True)
            self.refresh()
            return
        self._open_dialog(current)

    def _open_dialog(self, partner: PartnerInfo | None) -> None:
        dialog = PartnerDialog(self._services, self, partner=partner)
        try:
            if not self.ask(dialog) or dialog.saved is None:
                return
            saved = dialog.saved
        finally:
            dialog.deleteLater()
        if partner is None:
            self._tell(self.tr("%1 is in the directory.").replace("%1", saved.name))
        else:
            self._tell(self.tr("%1 is saved.").replace("%1", saved.name))
        self._changed(saved.id)

    @Slot()
    def toggle_active(self) -> None:
        """Disable the selected partner (no new referral goes to it) or enable it again."""
        info = self.selected_partner()
        if info is None or not self.can_manage:
            return
        try:
            changed = self._services.partners.set_active(info.id, not info.active)
        except HubdeskError as exc:
            self._tell(_message(str(exc)), error=True)
            return
        if changed.active:
            self._tell(self.tr("%1 is enabled: new referrals may go to it again.").replace("%1", changed.name))
        elif self.show_disabled.isChecked():
            self._tell(self.tr("%1 is disabled: no new referral goes to it.").replace("%1", changed.name))
        else:
            self._tell(
                self.tr("%1 is disabled and no longer listed: tick “Show disabled partners” to see it.").replace(
                    "%1", changed.name
                )
            )
        self._changed(changed.id)

    @Slot()
    def delete_selected(self) -> None:
        """Delete the selected partner after asking; one that received referrals is refused (disable it)."""
        info = self.selected_partner()
        if info is None or not self.can_manage:
            return
        if not self.confirm(self.tr("Delete %1 from the partner directory?").replace("%1", info.name)):
            return
        try:
            self._services.partners.delete(info.id)
        except ValidationError as exc:
            self._tell(" ".join(_message(text) for text in exc.errors.values()), error=True)
            return
        except HubdeskError as exc:
            self._tell(_message(str(exc)), error=True)
            return
        self._tell(self.tr("%1 is deleted from the directory.").replace("%1", info.name))
        self._changed(None)

    def _changed(self, partner_id: str | None) -> None:
        self.reload(partner_id)
        self.partners_changed.emit()

    def _tell(self, text: str, *, error: bool = False) -> None:
        """A line under the list: what was done, or why it was not."""
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)
