"""The attendance grid of a training: one row per trainee, one tick box per day, then what it adds up to."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QLocale, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor

from hubdesk.domain.entrepreneurship import completed
from hubdesk.services.venture_readmodels import TraineeInfo, TrainingDayInfo, TrainingInfo
from hubdesk.ui import labels
from hubdesk.ui.list_table_model import Index, RecordRole

__all__ = ["AttendanceModel", "RecordRole"]

#: the background of a tick changed and not saved yet
UNSAVED = QColor("#fff3c4")
#: the Completed column of someone who completed
DONE_GREEN = QColor("#1b5e20")


class AttendanceModel(QAbstractTableModel):
    """Trainees down, the training's days across (a tick box each), then "Attended" and "Completed".

    Ticks are kept here until saved: ``changed_days()`` says which days differ from what the services hold.
    Days still to come are shown but not enabled (attendance is marked on the day).

    Roles: CheckStateRole on the day columns; ``RecordRole`` the TraineeInfo (any column); BackgroundRole
    marks an unsaved tick; ToolTipRole gives the full date of a day column.

    Signals: ``ticks_changed()`` when a box is ticked or unticked.
    """

    ticks_changed = Signal()

    #: the person's code
    CODE = 0
    #: the person's name
    NAME = 1
    #: the first day's column; the days follow, then ATTENDED and COMPLETED (see ``attended_column``)
    FIRST_DAY = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._days: tuple[TrainingDayInfo, ...] = ()
        self._trainees: list[TraineeInfo] = []
        self._share = 0.8
        self._today = date.today()
        self._editable = False
        #: enrolment id -> ids of the days ticked now / as saved
        self._ticks: dict[str, set[str]] = {}
        self._saved: dict[str, set[str]] = {}

    def set_training(self, training: TrainingInfo, today: date, *, editable: bool) -> None:
        """Show ``training`` as the services hold it; every unsaved tick is dropped."""
        self.beginResetModel()
        self._days = training.days
        self._trainees = list(training.trainees)
        self._share = training.draft.completion_share
        self._today = today
        self._editable = editable
        self._saved = {t.enrolment_id: set(t.attended) for t in self._trainees}
        self._ticks = {key: set(value) for key, value in self._saved.items()}
        self.endResetModel()

    # --- what the grid holds ---------------------------------------------------------------------

    @property
    def days(self) -> tuple[TrainingDayInfo, ...]:
        return self._days

    @property
    def attended_column(self) -> int:
        return self.FIRST_DAY + len(self._days)

    @property
    def completed_column(self) -> int:
        return self.attended_column + 1

    def day_at(self, column: int) -> TrainingDayInfo | None:
        position = column - self.FIRST_DAY
        return self._days[position] if 0 <= position < len(self._days) else None

    def trainee_at(self, row: int) -> TraineeInfo | None:
        return self._trainees[row] if 0 <= row < len(self._trainees) else None

    def trainees(self) -> list[TraineeInfo]:
        return list(self._trainees)

    def is_open(self, day: TrainingDayInfo) -> bool:
        """Attendance of ``day`` may be marked: it is not still to come."""
        return self._editable and day.held_on <= self._today

    def attended(self, trainee: TraineeInfo) -> int:
        return len(self._ticks.get(trainee.enrolment_id, ()))

    def has_completed(self, trainee: TraineeInfo) -> bool:
        """Completed with the ticks shown now (saved or not)."""
        return completed(self.attended(trainee), len(self._days), self._share)

    def changed_days(self) -> list[tuple[TrainingDayInfo, list[str]]]:
        """The days whose ticks differ from what is saved, with the enrolments ticked present on each."""
        changes = []
        for day in self._days:
            now = {e for e, ticked in self._ticks.items() if day.id in ticked}
            before = {e for e, ticked in self._saved.items() if day.id in ticked}
            if now != before:
                changes.append((day, sorted(now)))
        return changes

    def has_changes(self) -> bool:
        return self._ticks != self._saved

    def day_saved(self, day_id: str) -> None:
        """The services now hold the ticks of ``day_id``: they are no longer unsaved."""
        for enrolment, ticked in self._ticks.items():
            saved = self._saved.setdefault(enrolment, set())
            if day_id in ticked:
                saved.add(day_id)
            else:
                saved.discard(day_id)
        self._all_changed()

    def set_ticked(self, row: int, day: TrainingDayInfo, ticked: bool) -> bool:
        trainee = self.trainee_at(row)
        if trainee is None or not self.is_open(day):
            return False
        marks = self._ticks.setdefault(trainee.enrolment_id, set())
        if (day.id in marks) == ticked:
            return True
        if ticked:
            marks.add(day.id)
        else:
            marks.discard(day.id)
        column = self.FIRST_DAY + next(i for i, d in enumerate(self._days) if d.id == day.id)
        self.dataChanged.emit(self.index(row, column), self.index(row, column))
        self.dataChanged.emit(self.index(row, self.attended_column), self.index(row, self.completed_column))
        self.ticks_changed.emit()
        return True

    def _all_changed(self) -> None:
        if self._trainees:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._trainees) - 1, self.completed_column))

    # --- Qt --------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._trainees)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.completed_column + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        day = self.day_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if day is not None:
                return QLocale().toString(QDate(day.held_on.year, day.held_on.month, day.held_on.day), "ddd dd/MM")
            return {
                self.CODE: self.tr("Code"),
                self.NAME: self.tr("Name"),
                self.attended_column: self.tr("Attended"),
                self.completed_column: self.tr("Completed"),
            }.get(section)
        if role == Qt.ItemDataRole.ToolTipRole and day is not None:
            text = self.tr("%1 · %2 h · %3 present").replace("%1", labels.short_date(day.held_on))
            text = text.replace("%2", f"{day.hours:g}").replace("%3", str(day.present))
            if day.held_on > self._today:
                return text + " · " + self.tr("still to come")
            return text + "\n" + self.tr("Click to tick (or untick) everyone") if self._editable else text
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        day = self.day_at(index.column())
        if day is None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.is_open(day):
            return Qt.ItemFlag.ItemIsSelectable  # greyed: still to come, or a role that only reads
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        trainee = self.trainee_at(index.row()) if index.isValid() else None
        if trainee is None:
            return None
        if role == RecordRole:
            return trainee
        column = index.column()
        day = self.day_at(column)
        ticks = self._ticks.get(trainee.enrolment_id, set())
        if day is not None:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if day.id in ticks else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.BackgroundRole:
                saved = day.id in self._saved.get(trainee.enrolment_id, set())
                return UNSAVED if saved != (day.id in ticks) else None
            if role == Qt.ItemDataRole.ToolTipRole:
                return labels.short_date(day.held_on)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(trainee, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.completed_column and self.has_completed(trainee):
            return DONE_GREEN
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.attended_column:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, trainee: TraineeInfo, column: int) -> str | None:
        if column == self.CODE:
            return trainee.person_code
        if column == self.NAME:
            return trainee.person_name
        if column == self.attended_column:
            return f"{self.attended(trainee)}/{len(self._days)}"
        if column == self.completed_column:
            if self.has_completed(trainee):
                return self.tr("yes")
            if trainee.exception_reason:
                return self.tr("exception: %1").replace("%1", trainee.exception_reason)
            return self.tr("no")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        day = self.day_at(index.column()) if index.isValid() else None
        if day is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        return self.set_ticked(index.row(), day, checked)
