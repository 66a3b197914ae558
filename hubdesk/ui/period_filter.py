"""The filters the Sessions and Referrals pages share: a period ("from" day "to" day) and a counsellor."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from hubdesk.domain.errors import HubdeskError
from hubdesk.services.access import CASE_WORKERS
from hubdesk.services.facade import Services
from hubdesk.ui.form_rows import day, qdate

#: the characters a filter combo is wide enough for (longer names are shown whole in its list)
FILTER_CHARS = 20


class PeriodFilter(QWidget):
    """A box to tick ("Held from", "Referred from"), the first day, "to", the last day; off by default.

    The days offered are the first of the month and ``today``. Signals: ``changed()`` when the box is ticked or
    unticked, or a day changes while it is ticked.
    """

    changed = Signal()

    def __init__(self, text: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text)
        self.from_edit = QDateEdit(qdate(today.replace(day=1)))
        self.to_edit = QDateEdit(qdate(today))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.from_edit)
        layout.addWidget(QLabel(self.tr("to")))
        layout.addWidget(self.to_edit)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._day_changed)
            self.check.toggled.connect(edit.setEnabled)
        self.check.toggled.connect(self.changed)

    def period(self) -> tuple[date | None, date | None]:
        """The first and last days chosen, both included; (None, None) while the box is not ticked."""
        if not self.check.isChecked():
            return None, None
        return day(self.from_edit.date()), day(self.to_edit.date())

    @Slot()
    def _day_changed(self) -> None:
        if self.check.isChecked():
            self.changed.emit()


class CounsellorFilter(QComboBox):
    """ "All counsellors", then everyone who may hold sessions and refer people: those still here, then those
    who left (marked so: their sessions and referrals stay). Rebuilt by ``reload``, keeping the choice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(FILTER_CHARS)
        self.addItem(self.tr("All counsellors"), None)

    def reload(self, services: Services) -> str:
        """Offer the accounts as they are now; "" or the reason they could not be read.

        The chosen one stays chosen (without a signal) while it is offered.
        """
        try:
            users = [user for user in services.accounts.users(active_only=False) if user.role in CASE_WORKERS]
        except HubdeskError as exc:
            return str(exc)
        chosen = self.currentData()
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem(self.tr("All counsellors"), None)
            for user in sorted(users, key=lambda u: (not u.active, u.full_name.casefold())):
                name = user.full_name if user.active else self.tr("%1 (left)").replace("%1", user.full_name)
                self.addItem(name, user.id)
            self.setCurrentIndex(max(0, self.findData(chosen)))
        finally:
            self.blockSignals(False)
        fit_popup(self)
        return ""


def fit_popup(combo: QComboBox) -> None:
    """The list of a narrow combo is as wide as its longest choice, so every name is read whole."""
    view = combo.view()
    metrics = view.fontMetrics()
    widest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
    view.setMinimumWidth(widest + view.verticalScrollBar().sizeHint().width() + 24)  # the item's margins
