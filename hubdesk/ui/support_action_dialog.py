"""Record or change a support action (coaching, business plan help, formalities...) given to a project or a person."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import SupportActionKind
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import SupportActionDraft, SupportActionInfo
from hubdesk.ui import labels, unsaved_changes
from hubdesk.ui.form_rows import OTHER, FormDialog, FormRows, date_edit, day, message, qdate
from hubdesk.ui.intake_editors import SHORT_WIDTH

#: the fields the services name in a ValidationError ("other": anything else, under the form)
ERROR_KEYS = ("kind", "held_on", "hours", "counsellor_id", "notes", OTHER)


class SupportActionDialog(FormDialog):
    """A new support action for a project (``venture_id``) or a person (``beneficiary_id``), or a change to
    ``action``. Saving keeps the dialog open with the messages next to the fields when the services refuse it;
    Ctrl+Enter or Save saves, Enter moves to the next field, Esc asks before throwing typing away. Once saved the
    dialog accepts and ``saved_id`` holds the action's id.
    """

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        venture_id: str | None = None,
        beneficiary_id: str | None = None,
        action: SupportActionInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._venture_id = venture_id
        self._beneficiary_id = beneficiary_id
        self._action = action
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("New support action") if action is None else self.tr("Change the support action"))
        self.rows = FormRows(self, ERROR_KEYS)
        self.errors = self.rows.errors

        self.subject = QLabel(self.tr("For: %1").replace("%1", labels.isolate(action.subject)) if action else "")
        self.subject.setVisible(action is not None and bool(action.subject))
        self.kind = QComboBox()
        for kind in SupportActionKind:
            self.kind.addItem(labels.support_action_kind(kind), kind)
        today = services.today()
        self.held_on = date_edit(today, latest=today)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.5, 24)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(1)
        self.hours.setSuffix(self.tr(" h"))
        self.hours.setValue(1)
        self.hours.setFixedWidth(SHORT_WIDTH)
        unsaved_changes.wheel_only_when_focused(self.hours)
        self.counsellor = QComboBox()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(self.notes.fontMetrics().lineSpacing() * 5 + 12)
        self.notes.setPlaceholderText(self.tr("What was done, what was agreed (optional)"))

        self.rows.add(self.tr("&Kind:"), self.kind, "kind")
        self.rows.add(self.tr("&Date:"), self.held_on, "held_on")
        self.rows.add(self.tr("&Hours:"), self.hours, "hours")
        self.rows.add(self.tr("&Counsellor:"), self.counsellor, "counsellor_id")
        self.rows.add(self.tr("&Notes:"), self.notes, "notes")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save_button is not None
        self.save_button = save_button
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Enter moves to the next field; Ctrl+Enter saves."))
        hint.setStyleSheet("color: palette(mid);")

        layout = QVBoxLayout(self)
        layout.addWidget(self.subject)
        layout.addLayout(self.rows.form)
        layout.addWidget(self.errors[OTHER])
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

        self._fill_counsellors()
        self._load()
        self.held_on.dateChanged.connect(lambda: self.rows.clear_error("held_on"))
        self.hours.valueChanged.connect(lambda: self.rows.clear_error("hours"))
        self.kind.setFocus()
        self.watch_changes()

    def _fill_counsellors(self) -> None:
        """The counsellors to choose from (as the session dialog offers them); empty when they cannot be read."""
        try:
            people = self._services.accounts.counsellors()
        except HubdeskError:
            people = []
        for user in people:
            self.counsellor.addItem(user.full_name, user.id)
        action = self._action
        if (
            action is not None
            and action.draft.counsellor_id
            and self.counsellor.findData(action.draft.counsellor_id) < 0
        ):
            # a counsellor whose account was disabled since: shown, so that the action keeps them
            self.counsellor.addItem(action.counsellor or "?", action.draft.counsellor_id)
        me = self._services.user
        if self.counsellor.count() == 0 and me is not None:
            self.counsellor.addItem(me.full_name, me.id)

    def _load(self) -> None:
        if self._action is None:
            user = self._services.user
            self._select(self.counsellor, user.id if user is not None else None)
            return
        draft = self._action.draft
        self._select(self.kind, draft.kind)
        self.held_on.setDate(qdate(draft.held_on))
        self.hours.setValue(draft.hours)
        self._select(self.counsellor, draft.counsellor_id)
        self.notes.setPlainText(draft.notes)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def draft(self) -> SupportActionDraft:
        counsellor = self.counsellor.currentData()
        return SupportActionDraft(
            kind=SupportActionKind(self.kind.currentData()),
            held_on=day(self.held_on.date()),
            hours=self.hours.value(),
            notes=self.notes.toPlainText(),
            counsellor_id=str(counsellor) if counsellor else None,
        )

    def _fit(self) -> None:
        """Grow to show the messages just shown in full (a wrapped message is otherwise cut)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
            self.resize(self.width(), max(self.height(), layout.heightForWidth(self.width()), self.sizeHint().height()))

    @Slot()
    def save(self) -> None:
        """Save and close; a refusal shows its messages next to the fields and keeps everything typed."""
        self.rows.clear_errors()
        draft = self.draft()
        try:
            if self._action is None:
                saved_id = self._services.support_actions.record(
                    draft, venture_id=self._venture_id, beneficiary_id=self._beneficiary_id
                )
            else:
                self._services.support_actions.update(self._action.id, draft)
                saved_id = self._action.id
        except ValidationError as exc:
            self.rows.show_errors(exc.errors)
            self._fit()
            return
        except HubdeskError as exc:
            self.rows.show_error(OTHER, message(str(exc)))
            self._fit()
            return
        self.saved_id = saved_id
        self.accept()
