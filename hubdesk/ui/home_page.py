"""Home: the figures of the day, what the agenda holds, and the people the user opened last."""

from __future__ import annotations

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

from hubdesk.services.access import FOLLOW_UP_READERS
from hubdesk.services.facade import Services
from hubdesk.services.guidance_readmodels import AgendaCounts
from hubdesk.ui import labels
from hubdesk.ui.agenda_page import mine_by_default


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

    The agenda box does not read the agenda itself: the main window gives it the numbers it also shows in
    the navigation (``show_agenda_counts``), so both always agree, Mine or Everyone's as on the Agenda page.
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

        #: the agenda's figures: Mine or Everyone's, as chosen on the Agenda page (by default: a counsellor's own)
        self.agenda_shown = user is not None and user.role in FOLLOW_UP_READERS
        self.agenda_box = QGroupBox()
        self._title_agenda(mine_by_default(user.role if user is not None else None))
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
        self.recent.clear()
        for item in self._services.beneficiaries.recently_seen():
            seen = labels.local_time(item.seen_at)  # date and time kept in order in an Arabic line
            entry = QListWidgetItem(f"{item.code}  ·  {labels.isolate(item.name)}  ·  {seen}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.recent.addItem(entry)
        if not self.recent.count():
            placeholder = QListWidgetItem(self.tr("People you open will be listed here."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(placeholder)

    def _title_agenda(self, mine: bool) -> None:
        self.agenda_box.setTitle(self.tr("My agenda") if mine else self.tr("Agenda of the centre"))
        self.agenda_box.setToolTip(
            self.tr("The follow-ups of my sessions and the referrals I made (Mine, on the Agenda page)")
            if mine
            else self.tr("The follow-ups and referrals of every counsellor (Everyone's, on the Agenda page)")
        )

    def show_agenda_counts(self, counts: AgendaCounts | None, mine: bool) -> None:
        """The agenda's numbers, the user's own (``mine``) or everyone's; None when they cannot be read."""
        if not self.agenda_shown:
            return
        self.agenda_box.setVisible(counts is not None)
        if counts is None:
            return
        self._title_agenda(mine)
        self.overdue.value.setText(str(counts.overdue))
        late = " color: #b71c1c;" if counts.overdue else ""
        self.overdue.value.setStyleSheet(f"font-size: 26pt; font-weight: 600;{late}")
        self.due_today.value.setText(str(counts.today))
        self.this_week.value.setText(str(counts.this_week))
        self.awaiting.value.setText(str(counts.awaiting))

    @Slot(QListWidgetItem)
    def _open(self, item: QListWidgetItem) -> None:
        beneficiary_id = item.data(Qt.ItemDataRole.UserRole)
        if beneficiary_id:
            self.beneficiary_opened.emit(beneficiary_id)
