"""The Referrals page's list: every referral matching the filters, newest first, asked for page by page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from hubdesk.domain.enums import ReferralPriority
from hubdesk.services.follow_up_queries import FollowUpQueries
from hubdesk.services.guidance_readmodels import ReferralQuery, ReferralRow
from hubdesk.ui import labels
from hubdesk.ui.list_table_model import Index, RecordRole
from hubdesk.ui.paged_table_model import PAGE, PagedTableModel

__all__ = ["PAGE", "RecordRole", "ReferralsTableModel"]

#: the status of a referral waiting too long for the partner's answer
OVERDUE_RED = QColor("#b71c1c")


class ReferralsTableModel(PagedTableModel[ReferralRow]):
    """Referrals as the services list them (newest first), page by page (see PagedTableModel: ``total`` is
    the number matching the filters once counted).

    Roles: those of ListTableModel (``RecordRole`` the ReferralRow); ForegroundRole red on the status of an
    overdue referral; FontRole bold on a high or urgent priority.
    """

    #: REF-TNG-2026-0007
    CODE = 0
    #: the day the referral was made
    REFERRED = 1
    #: person code · name
    PERSON = 2
    #: the partner it goes to
    PARTNER = 3
    #: the partner's service asked for
    SERVICE = 4
    #: normal or urgent
    PRIORITY = 5
    #: status since its day; "overdue" when the partner is late to answer
    STATUS = 6
    #: who referred the person
    COUNSELLOR = 7

    def __init__(self, follow_up: FollowUpQueries, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._follow_up = follow_up
        self._query = ReferralQuery()
        self._headers = (
            self.tr("Referral"),
            self.tr("Referred on"),
            self.tr("Person"),
            self.tr("Partner"),
            self.tr("Service"),
            self.tr("Priority"),
            self.tr("Status"),
            self.tr("Counsellor"),
        )

    @property
    def query(self) -> ReferralQuery:
        return self._query

    def set_query(self, query: ReferralQuery, *, at_least: int = 0) -> bool:
        """Show what ``query`` selects, from the first page; False when the services refused (``load_failed``)."""
        follow_up = self._follow_up
        loaded = self.load(
            lambda: follow_up.referral_count(query),
            lambda offset, limit: follow_up.referral_page(query, offset, limit),
            at_least=at_least,
        )
        if loaded:
            self._query = query
        return loaded

    def row_of(self, referral_id: str) -> int:
        return next((row for row, item in enumerate(self._items) if item.id == referral_id), -1)

    def status_text(self, row: ReferralRow) -> str:
        text = self.tr("%1 since %2").replace("%1", labels.referral_status(row.status))
        text = text.replace("%2", labels.short_date(row.status_on))
        return self.tr("%1 · overdue").replace("%1", text) if row.overdue else text

    def display(self, row: ReferralRow, column: int) -> str:
        if column == self.CODE:
            return row.code
        if column == self.REFERRED:
            return labels.short_date(row.referred_on)
        if column == self.PERSON:
            return " · ".join(part for part in (row.person_code, labels.isolate(row.person_name)) if part)
        if column == self.PARTNER:
            return row.partner
        if column == self.SERVICE:
            return row.service
        if column == self.PRIORITY:
            return labels.referral_priority(row.priority)
        if column == self.STATUS:
            return self.status_text(row)
        return row.counsellor

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid():
            row = self._items[index.row()]
            if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.STATUS and row.overdue:
                return OVERDUE_RED
            urgent = row.priority is not ReferralPriority.NORMAL
            if role == Qt.ItemDataRole.FontRole and index.column() == self.PRIORITY and urgent:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)
