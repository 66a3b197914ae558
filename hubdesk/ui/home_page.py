"""Home: the figures of the day, what the agenda holds, and the people the user opened last."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.errors import HubdeskError
from hubdesk.services.access import FOLLOW_UP_READERS
from hubdesk.services.facade import Services
from hubdesk.ui.agenda_page import mine_by_default

LOCAL_ZONE = ZoneInfo("Africa/Casablanca")


class _Figure(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("0")
        self.value.setStyleSheet("font-size: 26pt; font-weight: 600;")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption_label = QLabel(caption)
        caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(caption_label)


class HomePage(QWidget):
    """Signals: ``beneficiary_opened(str)``, ``new_intake_requested()``, ``search_requested()``,
    ``agenda_requested()`` (the agenda box is shown to the roles that read people's follow-up).
    """

    beneficiary_opened = Signal(str)
    new_intake_requested = Signal()
    search_requested = Signal()
    agenda_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        user = services.user
        self.greeting = QLabel(self.tr("Welcome, %1").replace("%1", user.full_name if user else ""))
        self.greeting.setStyleSheet("font-size: 18pt; font-weight: 600;")

        self.total = _Figure(self.tr("people registered"))
        self.month = _Figure(self.tr("registered this month"))
        self.year = _Figure(self.tr("registered this year"))
        self.women = _Figure(self.tr("women"))
        self.mine = _Figure(self.tr("followed by me"))
        figures = QGridLayout()
        for column, figure in enumerate((self.total, self.month, self.year, self.women, self.mine)):
            figures.addWidget(figure, 0, column)

        new_button = QPushButton(self.tr("New intake (Ctrl+N)"))
        new_button.clicked.connect(self.new_intake_requested)
        new_button.setVisible(services.can_change_people)
        search_button = QPushButton(self.tr("Find a person (Ctrl+F)"))
        search_button.clicked.connect(self.search_requested)
        actions = QHBoxLayout()
        actions.addWidget(new_button)
        actions.addWidget(search_button)
        actions.addStretch(1)

        self.recent = QListWidget()
        self.recent.itemActivated.connect(self._open)
        self.recent.itemDoubleClicked.connect(self._open)
        recent_box = QGroupBox(self.tr("Recently seen"))
        QVBoxLayout(recent_box).addWidget(self.recent)

        #: the agenda's figures: the user's own for a counsellor, everyone's for the other roles
        self.agenda_shown = user is not None and user.role in FOLLOW_UP_READERS
        self._mine = mine_by_default(user.role if user is not None else None)
        self.agenda_box = QGroupBox(self.tr("My agenda") if self._mine else self.tr("Agenda of the centre"))
        self.overdue = _Figure(self.tr("follow-ups overdue"))
        self.due_today = _Figure(self.tr("follow-ups today"))
        self.this_week = _Figure(self.tr("follow-ups in the coming week"))
        self.awaiting = _Figure(self.tr("referrals awaiting feedback"))
        self.agenda_button = QPushButton(self.tr("Open the agenda"))
        self.agenda_button.clicked.connect(self.agenda_requested)
        agenda_figures = QGridLayout(self.agenda_box)
        for column, figure in enumerate((self.overdue, self.due_today, self.this_week, self.awaiting)):
            agenda_figures.addWidget(figure, 0, column)
        agenda_figures.addWidget(self.agenda_button, 1, 0, 1, 4, Qt.AlignmentFlag.AlignLeft)
        self.agenda_box.setVisible(self.agenda_shown)

        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addLayout(figures)
        layout.addWidget(self.agenda_box)
        layout.addLayout(actions)
        layout.addWidget(recent_box, 1)
        self.refresh()

    def refresh(self) -> None:
        counts = self._services.beneficiaries.counts()
        self.total.value.setText(f"{counts.total:,}".replace(",", "\u202f"))
        self.month.value.setText(str(counts.registered_this_month))
        self.year.value.setText(str(counts.registered_this_year))
        self.women.value.setText(str(counts.women))
        self.mine.value.setText(str(counts.mine))
        self._refresh_agenda()
        self.recent.clear()
        for item in self._services.beneficiaries.recently_seen():
            seen = item.seen_at.astimezone(LOCAL_ZONE).strftime("%d/%m %H:%M")
            entry = QListWidgetItem(f"{item.code}  ·  {item.name}  ·  {seen}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.recent.addItem(entry)
        if not self.recent.count():
            placeholder = QListWidgetItem(self.tr("People you open will be listed here."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(placeholder)

    def _refresh_agenda(self) -> None:
        if not self.agenda_shown:
            return
        try:
            agenda = self._services.follow_up.agenda_counts(mine=self._mine)
        except HubdeskError:
            self.agenda_box.hide()
            return
        self.overdue.value.setText(str(agenda.overdue))
        late = " color: #b71c1c;" if agenda.overdue else ""
        self.overdue.value.setStyleSheet(f"font-size: 26pt; font-weight: 600;{late}")
        self.due_today.value.setText(str(agenda.today))
        self.this_week.value.setText(str(agenda.this_week))
        self.awaiting.value.setText(str(agenda.awaiting))

    @Slot(QListWidgetItem)
    def _open(self, item: QListWidgetItem) -> None:
        beneficiary_id = item.data(Qt.ItemDataRole.UserRole)
        if beneficiary_id:
            self.beneficiary_opened.emit(beneficiary_id)
