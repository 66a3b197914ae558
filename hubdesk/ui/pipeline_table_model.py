"""The Business projects page's list: the projects of one stage (or of all), latest step first, page by page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from hubdesk.domain.enums import VentureKind
from hubdesk.services.pipeline_queries import PipelineQueries
from hubdesk.services.venture_readmodels import VentureQuery, VentureRow
from hubdesk.ui import labels
from hubdesk.ui.list_table_model import Index, RecordRole
from hubdesk.ui.paged_table_model import PAGE, PagedTableModel

__all__ = ["PAGE", "PipelineTableModel", "RecordRole"]


class PipelineTableModel(PagedTableModel[VentureRow]):
    """Projects as the services list them (latest step first), page by page (see PagedTableModel: ``total`` is
    the number matching the query, as the page's stage counts gave it).

    Roles: DisplayRole and ToolTipRole per column; ``RecordRole`` the project's id (``item_at`` gives the
    VentureRow).
    """

    #: PRJ-TNG-2026-0003
    CODE = 0
    #: the project's name
    NAME = 1
    #: individual or collective
    KIND = 2
    #: the trade it works in
    SECTOR = 3
    #: the members' names, as kept on the project
    MEMBERS = 4
    #: where the project is in the pipeline
    STAGE = 5
    #: the day it reached that stage
    SINCE = 6
    #: the counsellor following it
    COUNSELLOR = 7

    def __init__(self, pipeline: PipelineQueries, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._pipeline = pipeline
        self._query = VentureQuery()
        self._headers = (
            self.tr("Project"),
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Sector"),
            self.tr("Members"),
            self.tr("Stage"),
            self.tr("Since"),
            self.tr("Counsellor"),
        )

    @property
    def query(self) -> VentureQuery:
        return self._query

    def set_query(self, query: VentureQuery, total: int, *, at_least: int = 0) -> bool:
        """Show what ``query`` selects, from the first page; ``total`` is how many projects it selects (the page
        has just counted them by stage). False when the services refused (``load_failed``)."""
        pipeline = self._pipeline
        loaded = self.load(lambda: total, lambda offset, limit: pipeline.page(query, offset, limit), at_least=at_least)
        if loaded:
            self._query = query
        return loaded

    def row_of(self, venture_id: str) -> int:
        return next((row for row, item in enumerate(self._items) if item.id == venture_id), -1)

    def display(self, row: VentureRow, column: int) -> str:
        if column == self.CODE:
            return row.code
        if column == self.NAME:
            return labels.isolate(row.name)
        if column == self.KIND:  # short: the column is narrow
            return self.tr("Collective") if row.kind is VentureKind.COLLECTIVE else self.tr("Individual")
        if column == self.SECTOR:
            return labels.skill_sector(row.sector)
        if column == self.MEMBERS:
            return labels.isolate(row.members)
        if column == self.STAGE:
            return labels.venture_stage(row.stage)
        if column == self.SINCE:
            return labels.short_date(row.stage_on)
        return row.counsellor

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == RecordRole:
            item = self.item_at(index.row()) if index.isValid() else None
            return item.id if item is not None else None
        return super().data(index, role)
