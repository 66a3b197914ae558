"""The "Members" tab of a business project's page: who is in the project with which role, and a box to add someone."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import MemberRole
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import MemberDraft, MemberInfo, VentureInfo
from hubdesk.ui import labels
from hubdesk.ui.columns_table import columns_table, selected_item
from hubdesk.ui.form_rows import message
from hubdesk.ui.intake_editors import ERROR_STYLE
from hubdesk.ui.person_picker import PersonPicker


def _row(*widgets: QWidget | None) -> QHBoxLayout:
    """The widgets side by side; None is a stretch."""
    row = QHBoxLayout()
    for widget in widgets:
        if widget is None:
            row.addStretch(1)
        else:
            row.addWidget(widget)
    return row


class VentureMembersPanel(QWidget):
    """The members of the project shown (``set_venture``), the buttons changing a role or removing someone, and the
    box adding a person picked by name or code with the role chosen. The buttons that change something are in
    ``write_buttons`` (the page shows them to case workers only); a removal is asked through ``confirm``.

    Signals:
        changed(): after a change to the members was saved (the page reloads the project, then this panel).
        refused(str): the services' words when a role change or a removal was refused.
        beneficiary_opened(str): a member's beneficiary id (double click on a member).
    """

    changed = Signal()
    refused = Signal(str)
    beneficiary_opened = Signal(str)

    def __init__(self, services: Services, confirm: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._confirm = confirm
        self.venture: VentureInfo | None = None
        #: the buttons that change something, hidden from those who may only read
        self.write_buttons: list[QPushButton] = []

        self.model, self.view = columns_table(
            [
                (self.tr("Code"), lambda m: m.person_code, False),
                (self.tr("Name"), lambda m: m.person_name, False),
                (self.tr("Role"), lambda m: labels.member_role(m.role), False),
                (self.tr("Joined on"), lambda m: labels.short_date(m.joined_on), False),
            ],
            stretch=1,
            parent=self,
        )
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(self._open_member)
        self.add_member_button = self._button(self.tr("Add member…"), self.show_member_picker)
        self.role_button = self._button(self.tr("Change role"), None)
        roles = QMenu(self.role_button)
        for role in MemberRole:
            roles.addAction(labels.member_role(role), partial(self.change_role, role))
        self.role_button.setMenu(roles)
        self.remove_member_button = self._button(self.tr("Remove…"), self.remove_member)

        self.picker = PersonPicker(services.search)
        self.new_role = QComboBox()
        for role in MemberRole:
            self.new_role.addItem(labels.member_role(role), role.value)
        self.new_role.setCurrentIndex(self.new_role.findData(MemberRole.MEMBER.value))
        self.picker_done = self._button(self.tr("Done"), self.hide_member_picker, writes=False)
        self.member_message = QLabel()
        self.member_message.setWordWrap(True)
        self.member_box = QGroupBox(self.tr("Add a member"))
        box = QVBoxLayout(self.member_box)
        add_as = QLabel(self.tr("Add as:"))
        add_as.setBuddy(self.new_role)
        box.addLayout(_row(QLabel(self.tr("Type a name or a code, then Enter:")), None, add_as, self.new_role))
        box.addWidget(self.picker)
        box.addLayout(_row(self.member_message, None, self.picker_done))
        self.member_box.hide()
        self.picker.person_picked.connect(self.add_member)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.member_box)
        layout.addLayout(_row(self.add_member_button, self.role_button, self.remove_member_button, None))
        self._update_buttons()

    def _button(self, text: str, slot: Callable[[], None] | None, *, writes: bool = True) -> QPushButton:
        """A button that Enter elsewhere does not press; ``writes``: shown to case workers only."""
        button = QPushButton(text)
        button.setAutoDefault(False)
        if slot is not None:
            button.clicked.connect(slot)
        if writes:
            self.write_buttons.append(button)
        return button

    def set_venture(self, info: VentureInfo | None) -> None:
        """Show the members of ``info`` (None: of no project)."""
        self.venture = info
        self.model.set_items(info.members if info is not None else [])
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        info = self.venture
        member = selected_item(self.view) is not None
        self.role_button.setEnabled(member)
        self.remove_member_button.setEnabled(member and info is not None and len(info.members) > 1)
        self.add_member_button.setEnabled(info is not None and self.member_box.isHidden())

    @Slot()
    def show_member_picker(self) -> None:
        self.member_message.clear()
        self.member_box.show()
        self.picker.box.setFocus()
        self._update_buttons()

    @Slot()
    def hide_member_picker(self) -> None:
        self.picker.box.clear()
        self.picker.matches.clear()
        self.member_message.clear()
        self.member_box.hide()
        self._update_buttons()

    @Slot(str)
    def add_member(self, beneficiary_id: str) -> None:
        """Add the person picked with the role chosen; a refusal is said under the search box."""
        if self.venture is None:
            return
        role = MemberRole(self.new_role.currentData())
        try:
            self._services.ventures.add_member(self.venture.id, MemberDraft(beneficiary_id, role))
        except ValidationError as exc:
            self._say(" ".join(message(text) for text in exc.errors.values()), error=True)
            return
        except HubdeskError as exc:
            self._say(message(str(exc)), error=True)
            return
        self.changed.emit()
        added = next((m for m in self.model.items() if m.beneficiary_id == beneficiary_id), None)
        if added is not None:
            self._say(self.tr("%1 joined the project.").replace("%1", labels.isolate(added.person_name)), error=False)

    def _say(self, text: str, *, error: bool) -> None:
        self.member_message.setStyleSheet(ERROR_STYLE if error else "")
        self.member_message.setText(text)

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

    def change_role(self, role: MemberRole) -> None:
        member = selected_item(self.view)
        if isinstance(member, MemberInfo):
            self._attempt(lambda: self._services.ventures.change_role(member.id, role))

    @Slot()
    def remove_member(self) -> None:
        member = selected_item(self.view)
        if not isinstance(member, MemberInfo):
            return
        name = labels.isolate(member.person_name)
        if self._confirm(self.tr("Remove %1 from the project?").replace("%1", name)):
            self._attempt(lambda: self._services.ventures.remove_member(member.id))

    @Slot()
    def _open_member(self) -> None:
        member = selected_item(self.view)
        if isinstance(member, MemberInfo):
            self.beneficiary_opened.emit(member.beneficiary_id)
