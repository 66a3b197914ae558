"""The business project form: a new project with its members, or what a project says about itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.enums import LegalForm, MemberRole, SkillSector, VentureKind
from hubdesk.domain.errors import HubdeskError, ValidationError
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import MemberDraft, VentureDraft, VentureInfo
from hubdesk.ui import labels
from hubdesk.ui.form_rows import OTHER, FormDialog, FormRows, date_edit, day, message
from hubdesk.ui.intake_editors import SHORT_WIDTH
from hubdesk.ui.person_picker import PersonPicker
from hubdesk.ui.unsaved_changes import wheel_only_when_focused

#: the fields the services name in a ValidationError, in the order of the form
DRAFT_KEYS = ("name", "kind", "sector", "legal_form", "jobs_created", "description")
#: the fields of a new project only
NEW_KEYS = ("started_on", "members")
#: the most jobs the services accept
MAX_JOBS = 10_000
#: the services' words for a start still to come (shown as the day is typed, before saving)
FUTURE_START = "A project cannot start on a day still to come."


@dataclass
class MemberRow:
    """A person listed as a member of the new project, with the widgets of their line."""

    beneficiary_id: str
    label: QLabel
    role: QComboBox
    remove: QPushButton


def _combo(items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    for text, value in items:
        combo.addItem(text, value)
    wheel_only_when_focused(combo)
    return combo


class VentureDialog(FormDialog):
    """A new project (``venture`` None): what it is, when it started and who is behind it (a person picked
    twice is refused); or the project ``venture`` as it stands (members and stages change on its page).

    A refusal of the services shows next to its field and keeps what was typed. Ctrl+Enter saves; Esc and
    Cancel ask before throwing away what was typed. Once saved the dialog accepts and ``saved_id`` holds the
    project's id.
    """

    def __init__(self, services: Services, parent: QWidget | None = None, venture: VentureInfo | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._venture = venture
        self._today = services.today()
        #: the id of the project once saved
        self.saved_id = ""
        self.members: list[MemberRow] = []
        new = venture is None
        self.rows = FormRows(self, (*DRAFT_KEYS, *NEW_KEYS) if new else DRAFT_KEYS)
        self.errors = self.rows.errors
        draft = venture.draft if venture is not None else VentureDraft(name="")
        if venture is None:
            self.setWindowTitle(self.tr("New business project"))
        else:
            self.setWindowTitle(self.tr("Project %1 — %2").replace("%1", venture.code).replace("%2", draft.name))

        # --- the project -----------------------------------------------------------------------------
        self.name_edit = QLineEdit(draft.name)
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(self.tr("e.g. Coopérative Couture Solidaire"))
        self.kind_combo = _combo([(labels.venture_kind(kind), kind.value) for kind in VentureKind])
        self.sector_combo = _combo([(labels.skill_sector(sector), sector.value) for sector in SkillSector])
        self.legal_combo = _combo([(labels.legal_form(form), form.value) for form in LegalForm])
        for combo, value in (
            (self.kind_combo, draft.kind),
            (self.sector_combo, draft.sector),
            (self.legal_combo, draft.legal_form),
        ):
            combo.setCurrentIndex(max(combo.findData(value.value), 0))
        self.jobs_spin = QSpinBox()
        self.jobs_spin.setRange(0, MAX_JOBS)
        self.jobs_spin.setValue(draft.jobs_created)
        self.jobs_spin.setFixedWidth(SHORT_WIDTH)
        wheel_only_when_focused(self.jobs_spin)
        self.description_edit = QPlainTextEdit(draft.description)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText(self.tr("What the project sells or makes, to whom, where"))
        self.description_edit.setMinimumHeight(90)

        self.rows.add(self.tr("&Name:"), self.name_edit, "name")
        self.rows.add(self.tr("&Kind:"), self.kind_combo, "kind")
        self.rows.add(self.tr("&Sector:"), self.sector_combo, "sector")
        self.rows.add(self.tr("&Legal form:"), self.legal_combo, "legal_form")
        self.rows.add(self.tr("&Jobs created:"), self.jobs_spin, "jobs_created")
        self.started_on = date_edit(self._today)
        wheel_only_when_focused(self.started_on)
        if new:
            self.rows.add(self.tr("S&tarted on:"), self.started_on, "started_on")
        self.rows.add(self.tr("&Description:"), self.description_edit, "description")

        self.name_edit.textEdited.connect(lambda _text: self.rows.clear_error("name"))
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._clear("kind", "legal_form", "members"))
        self.sector_combo.currentIndexChanged.connect(lambda _i: self.rows.clear_error("sector"))
        self.legal_combo.currentIndexChanged.connect(lambda _i: self._clear("legal_form", "kind"))
        self.jobs_spin.valueChanged.connect(lambda _v: self.rows.clear_error("jobs_created"))
        self.started_on.dateChanged.connect(self._start_changed)

        # --- the members (a new project only) --------------------------------------------------------
        self.picker = PersonPicker(services.search)
        self.picker.box.setPlaceholderText(self.tr("Type a name or a code, then Enter to add the person…"))
        self.picker.person_picked.connect(self.add_member)
        self.members_grid = QGridLayout()
        self.members_grid.setColumnStretch(0, 1)
        self.members_grid.setVerticalSpacing(2)
        self.no_member_label = QLabel(self.tr("Nobody yet: pick the person (or people) behind the project."))
        self.no_member_label.setStyleSheet("color: palette(mid);")
        self.no_member_label.setWordWrap(True)
        members_widget = QWidget()
        members_layout = QVBoxLayout(members_widget)
        members_layout.setContentsMargins(0, 0, 0, 0)
        members_layout.addWidget(self.no_member_label)
        members_layout.addLayout(self.members_grid)
        members_layout.addStretch(1)
        self.members_area = QScrollArea()
        self.members_area.setWidgetResizable(True)
        self.members_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.members_area.setWidget(members_widget)
        self.members_area.setMinimumHeight(140)

        # --- buttons ---------------------------------------------------------------------------------
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setAutoDefault(False)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAutoDefault(False)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addLayout(self.rows.form, 1)
        if new:
            members_column = QVBoxLayout()
            members_caption = QLabel(self.tr("&Members:"))
            members_caption.setBuddy(self.picker.box)
            members_column.addWidget(members_caption)
            members_column.addWidget(self.picker)
            members_column.addWidget(self.members_area, 1)
            members_column.addWidget(self.errors["members"])
            columns.addSpacing(16)
            columns.addLayout(members_column, 1)
        else:  # kept hidden: members and stages change on the project's page
            for widget in (self.picker, self.members_area, self.started_on):
                widget.setParent(self)
                widget.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.errors[OTHER])
        layout.addWidget(buttons)
        self.resize(940 if new else 560, 520 if new else 380)
        self.name_edit.setFocus()
        self.watch_changes()

    # --- members ----------------------------------------------------------------------------------------

    @Slot(str, str)
    def add_member(self, beneficiary_id: str, text: str) -> None:
        """List the person picked: the first is the founder, the others members; twice is refused."""
        self.rows.clear_error("members")
        if any(row.beneficiary_id == beneficiary_id for row in self.members):
            self.rows.show_error("members", self.tr("%1 is already a member.").replace("%1", text.strip()))
            return
        label = QLabel(text)
        label.setWordWrap(True)  # a long name takes two lines rather than pushing its buttons out of sight
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        role = _combo([(labels.member_role(item), item.value) for item in MemberRole])
        first = MemberRole.FOUNDER if not self.members else MemberRole.MEMBER
        role.setCurrentIndex(role.findData(first.value))
        remove = QPushButton(self.tr("Remove"))
        remove.setAutoDefault(False)
        remove.setToolTip(self.tr("Take %1 off the list").replace("%1", text.strip()))
        row = MemberRow(beneficiary_id, label, role, remove)
        remove.clicked.connect(lambda _checked=False, row=row: self.remove_member(row))
        self.members.append(row)
        self._lay_out_members()

    def remove_member(self, row: MemberRow) -> None:
        if row not in self.members:
            return
        self.members.remove(row)
        for widget in (row.label, row.role, row.remove):
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        self.rows.clear_error("members")
        self._lay_out_members()
        self.picker.box.setFocus()

    def _lay_out_members(self) -> None:
        for number, row in enumerate(self.members):
            self.members_grid.addWidget(row.label, number, 0)
            self.members_grid.addWidget(row.role, number, 1)
            self.members_grid.addWidget(row.remove, number, 2)
        self.no_member_label.setVisible(not self.members)

    def member_drafts(self) -> list[MemberDraft]:
        return [MemberDraft(row.beneficiary_id, MemberRole(row.role.currentData())) for row in self.members]

    # --- checking and saving ----------------------------------------------------------------------------

    def _clear(self, *keys: str) -> None:
        for key in keys:
            self.rows.clear_error(key)

    @Slot(QDate)
    def _start_changed(self, value: QDate) -> None:
        """A start to come is pointed out at once; the services refuse it anyway."""
        self.rows.clear_error("started_on")
        if day(value) > self._today:
            self.rows.show_error("started_on", message(FUTURE_START))

    def draft(self) -> VentureDraft:
        return VentureDraft(
            name=self.name_edit.text(),
            kind=VentureKind(self.kind_combo.currentData()),
            sector=SkillSector(self.sector_combo.currentData()),
            description=self.description_edit.toPlainText(),
            legal_form=LegalForm(self.legal_combo.currentData()),
            jobs_created=self.jobs_spin.value(),
            counsellor_id=self._venture.draft.counsellor_id if self._venture is not None else None,
        )

    def start_day(self) -> date:
        return day(self.started_on.date())

    @Slot()
    def save(self) -> None:
        """Create or change the project; a refusal shows next to its fields and the dialog stays as typed."""
        self.rows.clear_errors()
        try:
            if self._venture is None:
                venture_id = self._services.ventures.create(self.draft(), self.member_drafts(), self.start_day())
            else:
                venture_id = self._venture.id
                self._services.ventures.update(venture_id, self.draft())
        except ValidationError as exc:
            shown = self.rows.show_errors(exc.errors)
            self._focus_first(shown)
            return
        except HubdeskError as exc:
            self.rows.show_error(OTHER, message(str(exc)))
            return
        self.saved_id = venture_id
        self.accept()

    def _focus_first(self, keys: list[str]) -> None:
        fields: dict[str, QWidget] = {
            "name": self.name_edit,
            "kind": self.kind_combo,
            "sector": self.sector_combo,
            "legal_form": self.legal_combo,
            "jobs_created": self.jobs_spin,
            "description": self.description_edit,
            "started_on": self.started_on,
            "members": self.picker.box,
        }
        for key in (*DRAFT_KEYS, *NEW_KEYS):
            if key in keys and fields[key].isVisible():
                fields[key].setFocus()
                return
