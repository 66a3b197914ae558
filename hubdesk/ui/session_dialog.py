"""Record or change a guidance session: when, how long, who, what was said and agreed, the next follow-up."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import ConsentPurpose, SessionMode, SessionType
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.domain.local_time import LOCAL_ZONE
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import SessionDraft, SessionEntry
from hubdesk.services.guidance_rows import session_draft_problems
from hubdesk.ui import labels, unsaved_changes
from hubdesk.ui.intake_editors import SHORT_WIDTH, make_error_label

#: the fields whose messages show next to them; anything else shows under the form
FIELDS = ("held_at", "duration", "counsellor", "topics", "notes", "agreed_actions", "next_follow_up")


def _message(text: str) -> str:
    """A message of the services (English source), in the interface language."""
    return QCoreApplication.translate("validation", text)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the 31st becomes the month's last day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


class SessionDialog(QDialog):
    """A new session of the person (``entry`` None) or a change to ``entry``.

    Saving keeps the dialog open with the messages next to the fields when the services refuse it. Ctrl+Enter
    or the Save button saves; Enter moves to the next field. Cancel or Esc asks before throwing typing away.
    For a person who did not agree to case follow-up, the notes, agreed actions and follow-up are disabled
    (the services keep only the session's date, type and mode) and a line says why.

    Signals:
        session_saved: the session was saved; carries its id (also in ``saved_id``).
    """

    session_saved = Signal(str)

    def __init__(
        self,
        services: Services,
        beneficiary_id: str,
        person_name: str,
        parent: QWidget | None = None,
        *,
        entry: SessionEntry | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._beneficiary_id = beneficiary_id
        self._entry = entry
        self.saved_id: str | None = None
        self.setWindowTitle(
            (self.tr("Session with %1") if entry is None else self.tr("Change the session with %1")).replace(
                "%1", labels.isolate(person_name)
            )
        )
        #: whether the person agreed to case follow-up (without it, no notes, actions or follow-up are kept)
        self.follows_up = self._follows_up()
        self.consent_note = QLabel(
            self.tr(
                "%1 did not agree to case follow-up: the session is recorded without notes, agreed actions "
                "or a next follow-up."
            ).replace("%1", labels.isolate(person_name))
        )
        self.consent_note.setWordWrap(True)
        self.consent_note.setStyleSheet("color: #8a5a00; font-weight: 600;")
        self.consent_note.setVisible(not self.follows_up)

        self.held_at = QDateTimeEdit()
        self.held_at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.held_at.setCalendarPopup(True)
        self.held_at.setMinimumDate(QDate(2000, 1, 1))
        self.held_at.setFixedWidth(SHORT_WIDTH + 30)

        self.duration = QSpinBox()
        self.duration.setRange(0, 8 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("not noted"))
        self.duration.setFixedWidth(SHORT_WIDTH)

        self.counsellor = QComboBox()
        self.session_type = QComboBox()
        for kind in SessionType:
            self.session_type.addItem(labels.session_type(kind), kind)
        self.mode = QComboBox()
        for mode in SessionMode:
            self.mode.addItem(labels.session_mode(mode), mode)

        self.topics = QLineEdit()
        self.topics.setPlaceholderText(self.tr("For example: CV, interview at the hotel, Idmaj contract"))
        self.notes = self._text_box(6)
        self.confidential = QCheckBox(self.tr("Confidential notes"))
        who_reads = QLabel(
            self.tr("Confidential notes are read only by their author, coordinators and administrators.")
        )
        who_reads.setWordWrap(True)
        who_reads.setStyleSheet("color: palette(mid);")
        self.agreed_actions = self._text_box(3)

        self.has_follow_up = QCheckBox(self.tr("Next follow-up on"))
        self.follow_up = QDateEdit()
        self.follow_up.setDisplayFormat("dd/MM/yyyy")
        self.follow_up.setCalendarPopup(True)
        self.follow_up.setFixedWidth(SHORT_WIDTH)
        self.follow_up.setEnabled(False)
        self.has_follow_up.toggled.connect(self.follow_up.setEnabled)
        self.quick_buttons: dict[str, QPushButton] = {}
        follow_up_row = QHBoxLayout()
        follow_up_row.addWidget(self.has_follow_up)
        follow_up_row.addWidget(self.follow_up)
        for text, days, months in (
            (self.tr("+1 week"), 7, 0),
            (self.tr("+2 weeks"), 14, 0),
            (self.tr("+1 month"), 0, 1),
        ):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, d=days, m=months: self.plan_follow_up(d, m))
            self.quick_buttons[text] = button
            follow_up_row.addWidget(button)
        follow_up_row.addStretch(1)

        self.errors = {key: make_error_label(self) for key in (*FIELDS, "other")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Date and time:"), self._with_error(self.held_at, "held_at"))
        form.addRow(self.tr("Duration:"), self._with_error(self.duration, "duration"))
        form.addRow(self.tr("Counsellor:"), self._with_error(self.counsellor, "counsellor"))
        form.addRow(self.tr("Type:"), self.session_type)
        form.addRow(self.tr("Mode:"), self.mode)
        form.addRow(self.tr("Topics:"), self._with_error(self.topics, "topics"))
        form.addRow(self.tr("Notes:"), self._with_error(self.notes, "notes"))
        confidential = QVBoxLayout()
        confidential.setSpacing(2)
        confidential.addWidget(self.confidential)
        confidential.addWidget(who_reads)
        form.addRow("", confidential)
        form.addRow(self.tr("Agreed actions:"), self._with_error(self.agreed_actions, "agreed_actions"))
        form.addRow(self.tr("Follow-up:"), self._with_error(follow_up_row, "next_follow_up"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save_button is not None
        self.save_button = save_button
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Enter moves to the next field; Ctrl+Enter saves."))
        hint.setStyleSheet("color: palette(mid);")

        layout = QVBoxLayout(self)
        layout.addWidget(self.consent_note)
        layout.addLayout(form)
        layout.addWidget(self.errors["other"])
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.setMinimumWidth(640)

        # Enter moves on (in the notes it starts a new line): a second Enter pressed by habit never saves
        unsaved_changes.ctrl_enter_saves(self, self.save_button, self.save)
        self.setTabOrder(self.held_at, self.duration)
        self.setTabOrder(self.duration, self.counsellor)
        self.setTabOrder(self.counsellor, self.session_type)
        self.setTabOrder(self.session_type, self.mode)
        self.setTabOrder(self.mode, self.topics)
        self.setTabOrder(self.topics, self.notes)
        self.setTabOrder(self.notes, self.confidential)
        self.setTabOrder(self.confidential, self.agreed_actions)
        self.setTabOrder(self.agreed_actions, self.has_follow_up)
        self.setTabOrder(self.has_follow_up, self.follow_up)

        self._fill_counsellors()
        self._load(entry)
        if not self.follows_up:
            self._keep_minimal_record()
        for edit in (self.held_at, self.follow_up):
            edit.dateTimeChanged.connect(self._check_dates)
        self.has_follow_up.toggled.connect(self._check_dates)
        self.topics.setFocus()  # the date, time and counsellor are usually right already
        self._before = unsaved_changes.Snapshot(self)

    def _follows_up(self) -> bool:
        """The person's consent to case follow-up (when it cannot be read, the services decide on saving)."""
        try:
            record = self._services.beneficiaries.get(self._beneficiary_id, record_view=False)
        except HubdeskError:
            return True
        return record.draft.consent.allows(ConsentPurpose.FOLLOW_UP)

    def _keep_minimal_record(self) -> None:
        """No notes, actions or follow-up for this person; what an older session holds stays to be removed."""
        self.has_follow_up.setChecked(False)
        for widget in (self.confidential, self.has_follow_up, self.follow_up, *self.quick_buttons.values()):
            widget.setEnabled(False)
        for box in (self.notes, self.agreed_actions):
            box.setEnabled(bool(box.toPlainText()))
            box.setToolTip(self.consent_note.text())

    def _text_box(self, lines: int) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
        return box

    def _with_error(self, field: QWidget | QLayout, key: str) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(2)
        if isinstance(field, QWidget):
            column.addWidget(field)
        else:
            column.addLayout(field)
        column.addWidget(self.errors[key])
        return column

    def _fill_counsellors(self) -> None:
        try:
            people = self._services.accounts.counsellors()
        except HubdeskError:
            people = []
        for user in people:
            self.counsellor.addItem(user.full_name, user.id)
        if (
            self._entry is not None
            and self._entry.counsellor_id
            and self.counsellor.findData(self._entry.counsellor_id) < 0
        ):
            # a counsellor whose account was disabled since: shown, so that the session keeps them
            self.counsellor.addItem(self._entry.counsellor or "?", self._entry.counsellor_id)

    def _load(self, entry: SessionEntry | None) -> None:
        user = self._services.user
        if entry is None:
            now, today = datetime.now(LOCAL_ZONE), self._services.today()  # the services' day, the clock's time
            self.held_at.setDateTime(QDateTime(to_qdate(today), QTime(now.hour, now.minute)))
            self.duration.setValue(45)
            self._select(self.counsellor, user.id if user is not None else None)
            self._select(self.session_type, SessionType.ORIENTATION)
            self._select(self.mode, SessionMode.IN_PERSON)
            self.follow_up.setDate(to_qdate(today + timedelta(days=7)))
            return
        local = entry.held_at.astimezone(LOCAL_ZONE)
        self.held_at.setDateTime(QDateTime(to_qdate(local.date()), QTime(local.hour, local.minute)))
        self.duration.setValue(entry.duration_minutes or 0)
        self._select(self.counsellor, entry.counsellor_id)
        self._select(self.session_type, entry.session_type)
        self._select(self.mode, entry.mode)
        self.topics.setText(entry.topics)
        self.notes.setPlainText(entry.notes)
        self.confidential.setChecked(entry.confidential)
        self.agreed_actions.setPlainText(entry.agreed_actions)
        self.has_follow_up.setChecked(entry.next_follow_up is not None)
        self.follow_up.setDate(to_qdate(entry.next_follow_up or local.date() + timedelta(days=7)))
        if entry.notes_hidden:  # never overwrite notes this reader cannot see (the service refuses it anyway)
            for box in (self.notes, self.agreed_actions):
                box.setPlaceholderText(self.tr("Confidential notes"))
                box.setReadOnly(True)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    # --- the session as typed ----------------------------------------------------------------------

    def held_at_value(self) -> datetime:
        """The date and time typed, as an aware datetime in Tangier's time zone."""
        value = self.held_at.dateTime()
        day, moment = value.date(), value.time()
        return datetime(day.year(), day.month(), day.day(), moment.hour(), moment.minute(), tzinfo=LOCAL_ZONE)

    def draft(self) -> SessionDraft:
        counsellor = self.counsellor.currentData()
        return SessionDraft(
            held_at=self.held_at_value(),
            session_type=SessionType(self.session_type.currentData()),
            mode=SessionMode(self.mode.currentData()),
            duration_minutes=self.duration.value() or None,
            counsellor_id=str(counsellor) if counsellor else None,
            topics=self.topics.text(),
            notes=self.notes.toPlainText(),
            confidential=self.confidential.isChecked(),
            agreed_actions=self.agreed_actions.toPlainText(),
            next_follow_up=to_date(self.follow_up.date()) if self.has_follow_up.isChecked() else None,
        )

    @Slot()
    def plan_follow_up(self, days: int, months: int = 0) -> None:
        """Tick the follow-up and set it ``days`` (or ``months``) after the session's day."""
        day = to_date(self.held_at.date())
        self.follow_up.setDate(to_qdate(add_months(day, months) if months else day + timedelta(days=days)))
        self.has_follow_up.setChecked(True)

    # --- messages ----------------------------------------------------------------------------------

    def show_errors(self, problems: dict[str, str], keys: tuple[str, ...] = (*FIELDS, "other")) -> None:
        """Show the messages of ``keys`` (the others stay as they are); unknown fields go under the form."""
        for key in keys:
            if key == "other":
                text = "; ".join(_message(m) for k, m in problems.items() if k not in FIELDS)
            else:
                text = _message(problems[key]) if key in problems else ""
            self.errors[key].setText(text)
            self.errors[key].setVisible(bool(text))

    @Slot()
    def _check_dates(self) -> None:
        """The dates are checked as they change: a follow-up before the session is said at once."""
        problems = session_draft_problems(self.draft(), self._services.today())
        self.show_errors(problems, ("held_at", "next_follow_up"))

    # --- saving --------------------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Save and close; a refusal shows its messages and keeps everything typed."""
        draft = self.draft()
        try:
            if self._entry is None:
                saved_id = self._services.guidance.record_session(self._beneficiary_id, draft)
            else:
                self._services.guidance.update_session(self._entry.id, draft)
                saved_id = self._entry.id
        except ValidationError as exc:
            self.show_errors(exc.errors)
            self._focus_first_error(exc.errors)
            return
        except HubdeskError as exc:
            self.show_errors({"other": str(exc)})
            return
        self.saved_id = saved_id
        self.session_saved.emit(saved_id)
        self.accept()

    def reject(self) -> None:
        """Cancel, Esc or closing the window: ask first when something typed would be lost."""
        if self.saved_id is None and self._before.changed() and not unsaved_changes.confirm_discard(self):
            return
        super().reject()

    def _focus_first_error(self, problems: dict[str, str]) -> None:
        widgets: dict[str, QWidget] = {
            "held_at": self.held_at,
            "duration": self.duration,
            "counsellor": self.counsellor,
            "topics": self.topics,
            "notes": self.notes,
            "agreed_actions": self.agreed_actions,
            "next_follow_up": self.follow_up if self.follow_up.isEnabled() else self.has_follow_up,
        }
        for key in FIELDS:
            if key in problems:
                widgets[key].setFocus()
                return
