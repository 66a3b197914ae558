"""The partner directory as a table: one partner a row, disabled partners greyed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from hubdesk.services.guidance_readmodels import PartnerInfo
from hubdesk.ui import labels
from hubdesk.ui.list_table_model import Index, ListTableModel, RecordRole

__all__ = ["PartnersTableModel", "RecordRole", "SortRole"]

#: what a column sorts by (text regardless of case, referrals as numbers)
SortRole = Qt.ItemDataRole.UserRole + 2

#: a disabled partner is drawn in this grey
DISABLED_GREY = QColor("#8a8a8a")


class PartnersTableModel(ListTableModel[PartnerInfo]):
    """Partners as the services list them (by name); sort through a proxy on ``SortRole``.

    Roles: DisplayRole / ToolTipRole the text, ``RecordRole`` the PartnerInfo, ``SortRole`` the sort key,
    TextAlignmentRole right for the Arabic name and the referral count, ForegroundRole grey when disabled.
    """

    #: name, as the institution writes it
    NAME = 0
    #: Arabic name, right-aligned and kept whole (bidi isolate)
    ARABIC_NAME = 1
    #: type of partner, in words
    TYPE = 2
    #: services and programmes, joined with commas
    SERVICES = 3
    #: city
    CITY = 4
    #: phone
    PHONE = 5
    #: how many referrals the partner received
    REFERRALS = 6
    #: Active or Disabled
    ACTIVE = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = (
            self.tr("Name"),
            self.tr("Arabic name"),
            self.tr("Type"),
            self.tr("Services"),
            self.tr("City"),
            self.tr("Phone"),
            self.tr("Referrals"),
            self.tr("Status"),
        )

    def row_of(self, partner_id: str) -> int:
        """The row of the partner with this id, -1 if it is not listed."""
        return next((row for row, item in enumerate(self._items) if item.id == partner_id), -1)

    def display(self, info: PartnerInfo, column: int) -> str:
        if column == self.NAME:
            return info.name
        if column == self.ARABIC_NAME:
            return labels.isolate(info.draft.arabic_name)
        if column == self.TYPE:
            return labels.partner_type(info.partner_type)
        if column == self.SERVICES:
            return ", ".join(info.services)
        if column == self.CITY:
            return info.draft.city
        if column == self.PHONE:
            return labels.isolate(info.draft.phone)
        if column == self.REFERRALS:
            return str(info.referrals)
        return self.tr("Active") if info.active else self.tr("Disabled")

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        if column in (self.ARABIC_NAME, self.REFERRALS):
            return Qt.AlignmentFlag.AlignRight
        return None

    def sort_key(self, info: PartnerInfo, column: int) -> Any:
        if column == self.REFERRALS:
            return info.referrals
        if column == self.ARABIC_NAME:
            return info.draft.arabic_name
        if column == self.PHONE:
            return info.draft.phone
        return self.display(info, column).casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._items[index.row()]
        if role == SortRole:
            return self.sort_key(info, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and not info.active:
            return DISABLED_GREY
        return super().data(index, role)
