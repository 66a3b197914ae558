"""The agenda's models: follow-ups grouped by when they are due, and referrals awaiting the partner's answer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from hubdesk.services.guidance_readmodels import Agenda, AwaitingItem, FollowUpItem
from hubdesk.ui import labels
from hubdesk.ui.list_table_model import Index, ListTableModel, RecordRole

__all__ = ["LATE_RED", "AgendaModel", "AwaitingTableModel", "RecordRole", "Section", "count_text"]

#: an overdue follow-up, and a referral waiting too long, are drawn in this red
LATE_RED = QColor("#b71c1c")


class Section(IntEnum):
    """The groups of the follow-up tree, in the order they are shown."""

    OVERDUE = 0
    TODAY = 1
    THIS_WEEK = 2


#: internal id of a section row; a follow-up row carries its section's number + 1
_SECTION_ROW = 0


def count_text(count: int) -> str:
    """A number as the interface's language writes it (10,073; 10 073 in French)."""
    return QLocale().toString(count)


class AgendaModel(QAbstractItemModel):
    """A two-level tree: the three sections (Overdue, Today, This week) with their follow-ups under them.

    A section's title gives the exact number due ("Overdue (10,073)"); when the services listed only part of
    them it says which part is shown ("showing the 300 most recently due").

    Columns: due (an overdue one in red with its delay), person (code · name), counsellor, agreed actions.
    Roles: DisplayRole / ToolTipRole the text; ``RecordRole`` the FollowUpItem of a follow-up row (None on
    a section row); ForegroundRole red on an overdue due date; FontRole bold on section rows.
    """

    #: due date; overdue: with "n days late"
    DUE = 0
    #: person code · name
    PERSON = 1
    #: the counsellor who held the session
    COUNSELLOR = 2
    #: the actions agreed at the session (empty when confidential and not the reader's)
    ACTIONS = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Due"), self.tr("Person"), self.tr("Counsellor"), self.tr("Agreed actions"))
        self._titles = {
            Section.OVERDUE: self.tr("Overdue"),
            Section.TODAY: self.tr("Today"),
            Section.THIS_WEEK: self.tr("This week"),
        }
        #: which part of a section is listed when the services cut it
        self._parts = {
            Section.OVERDUE: self.tr("showing the %1 most recently due"),
            Section.TODAY: self.tr("showing the first %1"),
            Section.THIS_WEEK: self.tr("showing the %1 soonest"),
        }
        self._items: dict[Section, tuple[FollowUpItem, ...]] = {section: () for section in Section}
        self._counts: dict[Section, int] = {section: 0 for section in Section}
        self._today = date.today()

    def set_agenda(self, agenda: Agenda, today: date) -> None:
        self.beginResetModel()
        self._items = {
            Section.OVERDUE: agenda.overdue,
            Section.TODAY: agenda.today,
            Section.THIS_WEEK: agenda.this_week,
        }
        counts = agenda.counts
        self._counts = {
            Section.OVERDUE: max(counts.overdue, len(agenda.overdue)),
            Section.TODAY: max(counts.today, len(agenda.today)),
            Section.THIS_WEEK: max(counts.this_week, len(agenda.this_week)),
        }
        self._today = today
        self.endResetModel()

    def count(self, section: Section) -> int:
        """How many follow-ups the section holds in all (it may list fewer)."""
        return self._counts[section]

    def is_cut(self, section: Section) -> bool:
        """Whether the section lists only part of its follow-ups."""
        return len(self._items[section]) < self._counts[section]

    def section_title(self, section: Section) -> str:
        """ "Overdue (10,073 · showing the 300 most recently due)", or "Today (4)"."""
        number = count_text(self._counts[section])
        if self.is_cut(section):
            number += " · " + self._parts[section].replace("%1", count_text(len(self._items[section])))
        return f"{self._titles[section]} ({number})"

    def items(self, section: Section) -> list[FollowUpItem]:
        return list(self._items[section])

    def section_index(self, section: Section) -> QModelIndex:
        return self.index(int(section), 0)

    def item(self, index: Index) -> FollowUpItem | None:
        """The follow-up of a row, None for a section row or no row."""
        if not index.isValid() or index.internalId() == _SECTION_ROW:
            return None
        items = self._items[Section(index.internalId() - 1)]
        return items[index.row()] if 0 <= index.row() < len(items) else None

    def index_of(self, session_id: str) -> QModelIndex:
        """The first column of the follow-up agreed at this session; invalid when it is not listed."""
        for section, items in self._items.items():
            for row, item in enumerate(items):
                if item.session_id == session_id:
                    return self.createIndex(row, 0, int(section) + 1)
        return QModelIndex()

    def days_late(self, item: FollowUpItem) -> int:
        return max(0, (self._today - item.due).days)

    def due_text(self, item: FollowUpItem) -> str:
        when = labels.short_date(item.due)
        late = self.days_late(item)
        if late:
            return self.tr("%1 · %n days late", "", late).replace("%1", when)
        day = QLocale().toString(QDate(item.due.year, item.due.month, item.due.day), "ddd")
        return f"{day} {when}"

    def display(self, item: FollowUpItem, column: int) -> str:
        if column == self.DUE:
            return self.due_text(item)
        if column == self.PERSON:
            return " · ".join(part for part in (item.person_code, labels.isolate(item.person_name)) if part)
        if column == self.COUNSELLOR:
            return item.counsellor
        return " ".join(item.agreed_actions.split())  # one line in the tree; the tooltip is the same

    # -- Qt model interface -----------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _SECTION_ROW)
        if parent.internalId() == _SECTION_ROW:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _SECTION_ROW:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _SECTION_ROW)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(Section)
        if parent.internalId() == _SECTION_ROW and parent.column() == 0:
            return len(self._items[Section(parent.row())])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _SECTION_ROW:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _SECTION_ROW:
            section = Section(index.row())
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and index.column() == 0:
                return self.section_title(section)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and section is Section.OVERDUE and self._items[section]:
                return LATE_RED
            return None
        item = self.item(index)
        if item is None:
            return None
        if role == RecordRole:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(item, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.DUE and self.days_late(item):
            return LATE_RED
        return None


class AwaitingTableModel(ListTableModel[AwaitingItem]):
    """Referrals whose partner has not answered in time, the longest wait first (at most the services' limit:
    ``title()`` gives their exact number and says when the list is cut).

    Columns: referral code, person (code · name), partner, status, waiting (days, in red), counsellor.
    Roles: those of ListTableModel (``RecordRole`` the AwaitingItem); ForegroundRole red on the wait.
    """

    #: REF-TNG-2026-0007
    CODE = 0
    #: person code · name
    PERSON = 1
    #: the partner it was sent to
    PARTNER = 2
    #: its status (sent: the partner has not answered)
    STATUS = 3
    #: days since it was sent, and the day
    WAITING = 4
    #: who referred the person
    COUNSELLOR = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = (
            self.tr("Referral"),
            self.tr("Person"),
            self.tr("Partner"),
            self.tr("Status"),
            self.tr("Waiting"),
            self.tr("Counsellor"),
        )
        self._total = 0

    def set_awaiting(self, items: Sequence[AwaitingItem], total: int) -> None:
        """The referrals listed, and how many are waiting in all."""
        self._total = max(total, len(items))
        self.set_items(items)

    def title(self) -> str:
        """ "Referrals awaiting feedback (1,204 · showing the 300 waiting longest)"."""
        number = count_text(self._total)
        if self.rowCount() < self._total:
            number += " · " + self.tr("showing the %1 waiting longest").replace("%1", count_text(self.rowCount()))
        return self.tr("Referrals awaiting feedback") + f" ({number})"

    def display(self, item: AwaitingItem, column: int) -> str:
        if column == self.CODE:
            return item.code
        if column == self.PERSON:
            return " · ".join(part for part in (item.person_code, labels.isolate(item.person_name)) if part)
        if column == self.PARTNER:
            return item.partner
        if column == self.STATUS:
            return labels.referral_status(item.status)
        if column == self.WAITING:
            return self.tr("%n days, since %1", "", item.days).replace("%1", labels.short_date(item.waiting_since))
        return item.counsellor

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == self.WAITING:
            return LATE_RED
        return super().data(index, role)
