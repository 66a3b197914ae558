"""The per-partner figures of the Referrals page: how many referrals each partner received and how they ended."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from hubdesk.services.guidance_readmodels import PartnerFigures
from hubdesk.ui.list_table_model import Index, ListTableModel, RecordRole

__all__ = ["PartnerFiguresModel", "RecordRole", "SortRole", "success_rate"]

#: what a column sorts by: numbers as numbers, a missing figure last
SortRole = Qt.ItemDataRole.UserRole + 2


def success_rate(figures: PartnerFigures) -> float | None:
    """The share of the referrals sent that ended successfully; None when none was sent."""
    return figures.successful / figures.sent if figures.sent else None


class PartnerFiguresModel(ListTableModel[PartnerFigures]):
    """One partner a row, most referrals sent first; sort through a proxy on ``SortRole``.

    Roles: those of ListTableModel (``RecordRole`` the PartnerFigures), ``SortRole`` the sort key.
    """

    #: the partner's name
    PARTNER = 0
    #: referrals sent to it
    SENT = 1
    #: referrals it accepted (accepted, or completed since)
    ACCEPTED = 2
    #: referrals completed successfully
    SUCCESSFUL = 3
    #: successful / sent, in percent
    RATE = 4
    #: median days from sending to the partner's answer
    MEDIAN_DAYS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = (
            self.tr("Partner"),
            self.tr("Sent"),
            self.tr("Accepted"),
            self.tr("Successful"),
            self.tr("Success rate"),
            self.tr("Median days to feedback"),
        )

    def display(self, figures: PartnerFigures, column: int) -> str:
        if column == self.PARTNER:
            return figures.partner
        if column == self.SENT:
            return str(figures.sent)
        if column == self.ACCEPTED:
            return str(figures.accepted)
        if column == self.SUCCESSFUL:
            return str(figures.successful)
        if column == self.RATE:
            rate = success_rate(figures)
            return "—" if rate is None else f"{round(rate * 100)} %"
        days = figures.median_feedback_days
        if days is None:
            return "—"
        return (
            self.tr("%n days", "", round(days))
            if days == round(days)
            else self.tr("%1 days").replace("%1", f"{days:.1f}")
        )

    def sort_key(self, figures: PartnerFigures, column: int) -> Any:
        if column == self.PARTNER:
            return figures.partner.casefold()
        if column == self.RATE:
            rate = success_rate(figures)
            return -1.0 if rate is None else rate
        if column == self.MEDIAN_DAYS:
            return float("inf") if figures.median_feedback_days is None else figures.median_feedback_days
        return (figures.sent, figures.accepted, figures.successful)[column - self.SENT]

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return None if column == self.PARTNER else Qt.AlignmentFlag.AlignRight

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == self.RATE:
            return self.tr("Referrals completed successfully, out of those sent")
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SortRole and index.isValid():
            return self.sort_key(self._items[index.row()], index.column())
        return super().data(index, role)
