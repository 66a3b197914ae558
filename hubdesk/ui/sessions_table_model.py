"""The Sessions page's list: guidance sessions over everyone, newest first, asked for page by page."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt

from hubdesk.domain.local_time import LOCAL_ZONE
from hubdesk.services.guidance import GuidanceService
from hubdesk.services.guidance_readmodels import SessionQuery, SessionRow
from hubdesk.ui import labels
from hubdesk.ui.list_table_model import Index, RecordRole
from hubdesk.ui.paged_table_model import PAGE, PagedTableModel

__all__ = ["PAGE", "RecordRole", "SessionsTableModel", "local_time"]


def local_time(moment: datetime) -> str:
    """A stored UTC time as read in Tangier: the local short date and the hour, kept left to right."""
    local = moment.astimezone(LOCAL_ZONE)
    return "\u2066" + f"{labels.short_date(local.date())} {local:%H:%M}" + "\u2069"


class SessionsTableModel(PagedTableModel[SessionRow]):
    """Sessions as the services list them (newest first), page by page (see PagedTableModel: ``total`` is the
    number matching the filters once counted).

    Roles: those of ListTableModel (``RecordRole`` the SessionRow).
    """

    #: date and time, local
    HELD = 0
    #: person code · name
    PERSON = 1
    #: what the session was about
    TYPE = 2
    #: in person, phone, remote, group
    MODE = 3
    #: minutes
    DURATION = 4
    #: who held it
    COUNSELLOR = 5
    #: topics as typed
    TOPICS = 6
    #: "Confidential" when its notes are
    CONFIDENTIAL = 7
    #: the follow-up agreed
    NEXT_FOLLOW_UP = 8

    def __init__(self, guidance: GuidanceService, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._guidance = guidance
        self._query = SessionQuery()
        self._headers = (
            self.tr("Date and time"),
            self.tr("Person"),
            self.tr("Type"),
            self.tr("Mode"),
            self.tr("Duration"),
            self.tr("Counsellor"),
            self.tr("Topics"),
            self.tr("Confidential"),
            self.tr("Next follow-up"),
        )

    @property
    def query(self) -> SessionQuery:
        return self._query

    def set_query(self, query: SessionQuery, *, at_least: int = 0) -> bool:
        """Show what ``query`` selects, from the first page; False when the services refused (``load_failed``)."""
        guidance = self._guidance
        loaded = self.load(
            lambda: guidance.count(query),
            lambda offset, limit: guidance.page(query, offset, limit),
            at_least=at_least,
        )
        if loaded:
            self._query = query
        return loaded

    def display(self, row: SessionRow, column: int) -> str:
        if column == self.HELD:
            return local_time(row.held_at)
        if column == self.PERSON:
            return " · ".join(part for part in (row.person_code, labels.isolate(row.person_name)) if part)
        if column == self.TYPE:
            return labels.session_type(row.session_type)
        if column == self.MODE:
            return labels.session_mode(row.mode)
        if column == self.DURATION:
            return self.tr("%1 min").replace("%1", str(row.duration_minutes)) if row.duration_minutes else ""
        if column == self.COUNSELLOR:
            return row.counsellor
        if column == self.TOPICS:
            return row.topics
        if column == self.CONFIDENTIAL:
            return self.tr("Confidential") if row.confidential else ""
        return labels.short_date(row.next_follow_up)

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column == self.DURATION else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == self.CONFIDENTIAL:
            row = self._items[index.row()]
            if row.confidential:
                return self.tr("Its notes are read only by their author, coordinators and administrators")
        return super().data(index, role)
