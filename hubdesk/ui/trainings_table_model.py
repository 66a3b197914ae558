"""The Trainings page's list: every training matching the filters, the latest first, asked for page by page."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from hubdesk.services.trainings import TrainingService
from hubdesk.services.venture_readmodels import TrainingQuery, TrainingRow
from hubdesk.ui import labels
from hubdesk.ui.list_table_model import RecordRole
from hubdesk.ui.paged_table_model import PagedTableModel

__all__ = ["RecordRole", "TrainingsTableModel"]


class TrainingsTableModel(PagedTableModel[TrainingRow]):
    """Trainings as the services list them (latest first, those without days on top), page by page.

    Roles: those of ListTableModel (``RecordRole`` the TrainingRow).
    """

    #: FRM-TNG-2026-0003
    CODE = 0
    #: its title
    TITLE = 1
    #: entrepreneurship, digital…
    THEME = 2
    #: who gives it
    TRAINER = 3
    #: its first day
    FIRST_DAY = 4
    #: its last day
    LAST_DAY = 5
    #: how many days
    DAYS = 6
    #: how many people are enrolled
    ENROLLED = 7

    def __init__(self, trainings: TrainingService, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._trainings = trainings
        self._query = TrainingQuery()
        self._headers = (
            self.tr("Training"),
            self.tr("Title"),
            self.tr("Theme"),
            self.tr("Trainer"),
            self.tr("First day"),
            self.tr("Last day"),
            self.tr("Days"),
            self.tr("Enrolled"),
        )

    @property
    def query(self) -> TrainingQuery:
        return self._query

    def set_query(self, query: TrainingQuery, *, at_least: int = 0) -> bool:
        """Show what ``query`` selects, from the first page; False when the services refused (``load_failed``)."""
        trainings = self._trainings
        loaded = self.load(
            lambda: trainings.count(query),
            lambda offset, limit: trainings.page(query, offset, limit),
            at_least=at_least,
        )
        if loaded:
            self._query = query
        return loaded

    def row_of(self, training_id: str) -> int:
        return next((row for row, item in enumerate(self._items) if item.id == training_id), -1)

    def display(self, row: TrainingRow, column: int) -> str:
        if column == self.CODE:
            return row.code
        if column == self.TITLE:
            return row.title
        if column == self.THEME:
            return labels.training_theme(row.theme)
        if column == self.TRAINER:
            return row.trainer
        if column == self.FIRST_DAY:
            return labels.short_date(row.first_day)
        if column == self.LAST_DAY:
            return labels.short_date(row.last_day)
        if column == self.DAYS:
            return str(row.day_count)
        return str(row.enrolled)

    def alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignHCenter if column in (self.DAYS, self.ENROLLED) else None
