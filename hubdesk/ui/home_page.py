"""Home: the figures of the day and the people the user opened last."""

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

from hubdesk.services.facade import Services

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
    """Signals: ``beneficiary_opened(str)``, ``new_intake_requested()``, ``search_requested()``."""

    beneficiary_opened = Signal(str)
    new_intake_requested = Signal()
    search_requested = Signal()

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

        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addLayout(figures)
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
            seen = item.seen_at.astimezone(LOCAL_ZONE).strftime("%d/%m %H:%M")
            entry = QListWidgetItem(f"{item.code}  ·  {item.name}  ·  {seen}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.recent.addItem(entry)
        if not self.recent.count():
            placeholder = QListWidgetItem(self.tr("People you open will be listed here."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(placeholder)

    @Slot(QListWidgetItem)
    def _open(self, item: QListWidgetItem) -> None:
        beneficiary_id = item.data(Qt.ItemDataRole.UserRole)
        if beneficiary_id:
            self.beneficiary_opened.emit(beneficiary_id)
