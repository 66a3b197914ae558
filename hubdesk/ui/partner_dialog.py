"""The partner form: adding an organisation to the directory, or changing what it says about one."""

from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import PartnerType
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import ContactDraft, PartnerDraft, PartnerInfo
from hubdesk.services.partners import clean_partner
from hubdesk.ui import labels
from hubdesk.ui.intake_editors import ERROR_STYLE, make_error_label
from hubdesk.ui.row_list_editor import RowListEditor, text_column

#: Typing pauses this long before the form is checked again.
VALIDATION_DELAY_MS = 300

#: the keys of the problems the services report, in the order of the form (the first one gets the focus)
FIELD_KEYS = ("name", "arabic_name", "address", "city", "phone", "email", "website", "services", "contacts")


def _message(text: str) -> str:
    """A message of the services (English source), in the interface language."""
    return QCoreApplication.translate("validation", text)


class PartnerDialog(QDialog):
    """Add a partner (``partner`` None) or edit one: names, type, services, address, contact people.

    Signals:
        partner_saved: the partner was saved; carries the PartnerInfo the services answered (also ``saved``).
    """

    partner_saved = Signal(object)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, partner: PartnerInfo | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._partner = partner
        #: what the services answered to the last successful save
        self.saved: PartnerInfo | None = None
        self._touched: set[str] = set()
        self._save_attempted = False
        self._leaving = False
        #: error key -> the label under its field; error key -> the field
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("As the institution writes it"))
        self.arabic_edit = QLineEdit()
        # Arabic is typed right to left, whatever the direction of the interface around it
        self.arabic_edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.type_combo = QComboBox()
        for kind in PartnerType:
            self.type_combo.addItem(labels.partner_type(kind), kind.value)
        self.services_edit = QPlainTextEdit()
        self.services_edit.setPlaceholderText(self.tr("One service or programme a line"))
        self.services_edit.setTabChangesFocus(True)
        self.address_edit = QLineEdit()
        self.city_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.website_edit = QLineEdit()
        for field in (self.phone_edit, self.email_edit, self.website_edit):
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.contacts = RowListEditor(
            [
                text_column("name", self.tr("Name")),
                text_column("role", self.tr("Role")),
                text_column("phone", self.tr("Phone")),
                text_column("email", self.tr("E-mail")),
            ],
            "contacts",
            self.tr("Add a contact person"),
        )
        self._build()
        self._load()

    # -- building ---------------------------------------------------------------------------------

    def _row(self, form: QFormLayout, label: str, key: str, field: QWidget) -> None:
        """A caption, then the field with its message under it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        if key == "contacts":
            error = self.contacts.error_label  # the list's own message line, under its buttons
        else:
            error = make_error_label(box)
            column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(field)
        form.addRow(caption, box)
        self.errors[key] = error
        self.fields[key] = field

    def _build(self) -> None:
        left = QFormLayout()
        self._row(left, self.tr("&Name:"), "name", self.name_edit)
        self._row(left, self.tr("Name in &Arabic:"), "arabic_name", self.arabic_edit)
        left.addRow(self.tr("&Type:"), self.type_combo)
        self._row(left, self.tr("Add&ress:"), "address", self.address_edit)
        self._row(left, self.tr("&City:"), "city", self.city_edit)
        self._row(left, self.tr("&Phone:"), "phone", self.phone_edit)
        self._row(left, self.tr("&E-mail:"), "email", self.email_edit)
        self._row(left, self.tr("&Website:"), "website", self.website_edit)
        right = QFormLayout()
        self._row(right, self.tr("&Services and programmes:"), "services", self.services_edit)
        right.addRow(self.tr("N&otes:"), self.notes_edit)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)
        contacts = QFormLayout()
        self._row(contacts, self.tr("Contact &people:"), "contacts", self.contacts)

        self.status_label = QLabel()
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save (Enter or Ctrl+Enter)"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(contacts, 1)
        layout.addLayout(bottom)

        self._validation_timer = QTimer(self, singleShot=True, interval=VALIDATION_DELAY_MS)
        self._validation_timer.timeout.connect(self._validate_now)
        line_edits = {
            "name": self.name_edit,
            "arabic_name": self.arabic_edit,
            "address": self.address_edit,
            "city": self.city_edit,
            "phone": self.phone_edit,
            "email": self.email_edit,
            "website": self.website_edit,
        }
        for key, edit in line_edits.items():
            edit.textEdited.connect(lambda _text, key=key: self._edited(key))
        self.services_edit.textChanged.connect(lambda: self._edited("services"))
        self.contacts.rows_edited.connect(lambda: self._edited("contacts"))
        self.resize(820, 600)

    def _load(self) -> None:
        draft = self._partner.draft if self._partner is not None else PartnerDraft(name="")
        if self._partner is None:
            self.setWindowTitle(self.tr("New partner"))
        else:
            self.setWindowTitle(self.tr("Edit partner — %1").replace("%1", draft.name))
        self.name_edit.setText(draft.name)
        self.arabic_edit.setText(draft.arabic_name)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(draft.partner_type.value), 0))
        self.services_edit.setPlainText("\n".join(draft.services))
        self.address_edit.setText(draft.address)
        self.city_edit.setText(draft.city)
        self.phone_edit.setText(draft.phone)
        self.email_edit.setText(draft.email)
        self.website_edit.setText(draft.website)
        self.notes_edit.setPlainText(draft.notes)
        self.contacts.set_rows([asdict(contact) for contact in draft.contacts])
        self._touched.clear()  # loading is not editing
        self._initial = self.draft()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- reading the form -----------------------------------------------------------------------

    def draft(self) -> PartnerDraft:
        """Everything the form holds, as typed."""
        return PartnerDraft(
            name=self.name_edit.text(),
            partner_type=PartnerType(self.type_combo.currentData()),
            arabic_name=self.arabic_edit.text(),
            services=[line for line in self.services_edit.toPlainText().splitlines() if line.strip()],
            address=self.address_edit.text(),
            city=self.city_edit.text(),
            phone=self.phone_edit.text(),
            email=self.email_edit.text(),
            website=self.website_edit.text(),
            notes=self.notes_edit.toPlainText(),
            contacts=[ContactDraft(r["name"], r["role"], r["phone"], r["email"]) for r in self.contacts.rows()],
        )

    def is_dirty(self) -> bool:
        """True when the form holds something that is not saved."""
        return self.draft() != self._initial

    def _current_errors(self) -> dict[str, str]:
        try:
            clean_partner(self.draft())
        except ValidationError as exc:
            return exc.errors
        return {}

    # -- showing problems -----------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> int:
        """Show each message under its field (others in the status line); return how many fields."""
        if not self._save_attempted:
            errors = {key: text for key, text in errors.items() if key in self._touched}
        for key, label in self.errors.items():
            label.setText(_message(errors.get(key, "")))
            label.setVisible(key in errors)
        shown = sum(1 for key in errors if key in self.errors)
        others = [_message(text) for key, text in errors.items() if key not in self.errors]
        if others:
            self.status_label.setText(self.tr("Not saved: %1").replace("%1", "; ".join(others)))
        elif self._save_attempted and shown == 1:
            self.status_label.setText(self.tr("1 field needs attention"))
        elif self._save_attempted and shown:
            self.status_label.setText(self.tr("%1 fields need attention").replace("%1", str(shown)))
        else:
            self.status_label.clear()
        return len(errors)

    def _focus_first_error(self, errors: dict[str, str]) -> None:
        for key in FIELD_KEYS:
            if key in errors:
                field = self.contacts.view if key == "contacts" else self.fields[key]
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._validation_timer.start()

    @Slot()
    def _validate_now(self) -> None:
        self.show_errors(self._current_errors())

    # -- saving and leaving -----------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Check the form, then create or update the partner; problems stay next to their fields."""
        self.contacts.commit_pending_edit()
        self._validation_timer.stop()
        self._save_attempted = True
        errors = self._current_errors()
        if self.show_errors(errors):
            self._focus_first_error(errors)
            return
        try:
            if self._partner is None:
                saved = self._services.partners.create(self.draft())
            else:
                saved = self._services.partners.update(self._partner.id, self.draft())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            self._focus_first_error(exc.errors)
            return
        except HubdeskError as exc:
            self.status_label.setText(self.tr("Not saved: %1").replace("%1", _message(str(exc))))
            return
        self.saved = saved
        self._leaving = True
        self.partner_saved.emit(saved)
        self.accept()

    def reject(self) -> None:
        """Cancel, Esc or closing the window: ask first when something typed would be lost."""
        if not self._leaving:
            self.contacts.commit_pending_edit()  # a cell still open holds typing too
            if self.is_dirty() and not self.confirm(self.tr("Discard the changes?")):
                return
        self._validation_timer.stop()
        super().reject()

    def confirm(self, text: str) -> bool:
        """Ask a yes/no question (tests replace this to answer without a modal box)."""
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
