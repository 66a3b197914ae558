"""The Business projects page: the pipeline's stages with how many projects are at each, and a stage's projects."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QPalette, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hubdesk.domain.entrepreneurship import ENDS, PIPELINE, next_stages
from hubdesk.domain.enums import VentureKind, VentureStage
from hubdesk.domain.errors import HubdeskError
from hubdesk.services.access import CASE_WORKERS
from hubdesk.services.facade import Services
from hubdesk.services.venture_readmodels import VentureQuery, VentureRow
from hubdesk.ui import labels
from hubdesk.ui.form_rows import message
from hubdesk.ui.intake_editors import ERROR_STYLE
from hubdesk.ui.paged_table_model import record_table
from hubdesk.ui.pipeline_table_model import PipelineTableModel
from hubdesk.ui.stage_dialog import StageDialog
from hubdesk.ui.venture_dialog import VentureDialog

SEARCH_DELAY_MS = 200
#: the stages in the order of the list: the pipeline, then the two ends
STAGES: tuple[VentureStage, ...] = (*PIPELINE, *sorted(ENDS, key=list(VentureStage).index))
#: the list item data of "All stages"
ALL = ""


class PipelinePage(QWidget):
    """The search and the kind filter on top; the stages with their counts (which follow the filters) beside
    the projects of the stage chosen; the actions under them.

    Counsellors, coordinators and administrators add projects and move them along; a read-only user only
    looks. The counts and the list reload each time the page is shown and after each change; a project moved
    is followed to its new stage and stays selected.

    Signals: ``venture_opened(str)`` with the id of a project to open on its page.
    """

    venture_opened = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        role = services.user.role if services.user is not None else None
        self.can_change = role in CASE_WORKERS

        # --- filters -----------------------------------------------------------------------------------
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search a project by code or name (Ctrl+F)…"))
        self.search_edit.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._timer.start)
        self.search_edit.returnPressed.connect(self.apply_filters)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("Individual and collective"), None)
        for kind in VentureKind:
            self.kind_filter.addItem(labels.venture_kind(kind), kind.value)
        self.kind_filter.currentIndexChanged.connect(self.apply_filters)
        self.new_button = QPushButton(self.tr("&New project…"))
        self.new_button.setToolTip(self.tr("A new business project at the idea stage (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.new_project)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, self.new_project).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )

        # --- stages and projects -----------------------------------------------------------------------
        self.stage_list = QListWidget()
        self.stage_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.stage_list.setStyleSheet("QListWidget::item { padding: 3px 6px; }")
        self.stage_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stage_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stage_list.addItem(QListWidgetItem())
        self.stage_list.item(0).setData(Qt.ItemDataRole.UserRole, ALL)
        for stage in STAGES:
            if stage is min(ENDS, key=STAGES.index):  # a gap between the pipeline and its ends
                gap = QListWidgetItem()
                gap.setFlags(Qt.ItemFlag.NoItemFlags)
                gap.setSizeHint(QSize(0, 8))
                self.stage_list.addItem(gap)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, stage.value)
            if stage in ENDS:
                item.setToolTip(self.tr("Projects that ended here"))
            self.stage_list.addItem(item)
        self.stage_list.setCurrentRow(0)
        self.stage_list.currentRowChanged.connect(lambda _row: self._load(keep_place=False))
        self.model = PipelineTableModel(services.pipeline, self)
        self.model.counted.connect(self._counted)
        self.model.load_failed.connect(lambda text: self._tell(text, error=True))
        self.table = record_table(self.model, (132, 150, 72, 92, 130, 118, 80))  # fits beside the stages at 1280
        self.table.doubleClicked.connect(self.open_selected)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # setContext, not the constructor's context= (PySide6 ignores it: Enter would open from any field)
            QShortcut(QKeySequence(key), self.table, self.open_selected).setContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.count_label = QLabel()

        # --- actions -----------------------------------------------------------------------------------
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("The project's page: members, stages, financing, support (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.move_button = QPushButton(self.tr("&Move to next stage…"))
        self.move_button.clicked.connect(self.move_selected)
        for button in (self.new_button, self.move_button):
            button.setVisible(self.can_change)
        self.status = QLabel()
        self.status.setWordWrap(True)

        title = QLabel(self.tr("Business projects"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.kind_filter)
        filters.addSpacing(12)
        filters.addWidget(self.new_button)
        stages_caption = QLabel(self.tr("&Stages"))
        stages_caption.setBuddy(self.stage_list)
        stages_caption.setStyleSheet("font-weight: 600;")
        stages = QVBoxLayout()
        stages.addWidget(stages_caption)
        stages.addWidget(self.stage_list)
        stages.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.move_button)
        projects = QVBoxLayout()
        projects.addWidget(self.table, 1)
        projects.addLayout(actions)
        body = QHBoxLayout()
        body.addLayout(stages)
        body.addLayout(projects, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        self._show_counts({})
        self._update_actions()

    # --- filters and counts ----------------------------------------------------------------------------

    def chosen_stage(self) -> VentureStage | None:
        item = self.stage_list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else ALL
        return VentureStage(value) if value else None

    def choose_stage(self, stage: VentureStage | None) -> None:
        """Select ``stage`` (None: all stages) in the list without loading its projects."""
        wanted = stage.value if stage is not None else ALL
        for row in range(self.stage_list.count()):
            if self.stage_list.item(row).data(Qt.ItemDataRole.UserRole) == wanted:
                self.stage_list.blockSignals(True)
                self.stage_list.setCurrentRow(row)
                self.stage_list.blockSignals(False)
                return

    def current_query(self) -> VentureQuery:
        kind = self.kind_filter.currentData()
        return VentureQuery(
            kind=VentureKind(kind) if kind else None, stage=self.chosen_stage(), text=self.search_edit.text()
        )

    def _show_counts(self, counts: dict[VentureStage, int]) -> None:
        """Each stage's label with its count ("Business plan validated (12)"); All stages with the sum."""
        palette = self.stage_list.palette()
        for row in range(self.stage_list.count()):
            item = self.stage_list.item(row)
            value = item.data(Qt.ItemDataRole.UserRole)
            if value is None:
                continue  # the gap before the ends
            if value:
                text, count = labels.venture_stage(VentureStage(value)), counts.get(VentureStage(value))
            else:
                text, count = self.tr("All stages"), sum(counts.values()) if counts else None
            item.setText(f"{text} ({count})" if count is not None else text)
            # an empty stage is greyed, still there to choose
            role = QPalette.ColorRole.PlaceholderText if count == 0 else QPalette.ColorRole.Text
            item.setForeground(palette.color(role))
        # as wide as its longest line and as tall as its lines: the labels are never cut, nothing scrolls
        frame = 2 * self.stage_list.frameWidth()
        self.stage_list.setFixedWidth(max(self.stage_list.sizeHintForColumn(0) + frame + 16, 160))
        rows = range(self.stage_list.count())
        self.stage_list.setFixedHeight(sum(self.stage_list.sizeHintForRow(row) for row in rows) + frame + 4)

    def count_of(self, stage: VentureStage | None) -> str:
        """The text of a stage's line in the list, as shown (tests read it)."""
        wanted = stage.value if stage is not None else ALL
        for row in range(self.stage_list.count()):
            if self.stage_list.item(row).data(Qt.ItemDataRole.UserRole) == wanted:
                return self.stage_list.item(row).text()
        return ""

    # --- loading -----------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # a window coming back from the task bar is no reason to reload
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Reload the counts and the projects with the same filters, in place."""
        self._load(keep_place=True)

    @Slot()
    def apply_filters(self) -> None:
        self._load(keep_place=False)

    def _load(self, *, keep_place: bool, select_id: str | None = None) -> None:
        """Counts, then the first page of the chosen stage; with ``keep_place`` as many rows as were shown,
        scrolled to the same place. ``select_id`` (or else the project selected) is selected again."""
        self._timer.stop()
        query = self.current_query()
        try:
            counts = self._services.pipeline.counts(query)
        except HubdeskError as exc:
            self._show_counts({})
            self.model.set_items([])
            self.count_label.clear()
            self._tell(message(str(exc)), error=True)
            self._update_actions()
            return
        self._show_counts(counts)
        # every project listed is at the stage chosen: its column would only repeat it
        self.table.setColumnHidden(PipelineTableModel.STAGE, query.stage is not None)
        selected = self.selected_venture()
        select_id = select_id or (selected.id if selected is not None else None)
        scrolled = self.table.verticalScrollBar().value()
        shown = self.model.rowCount()
        total = counts[query.stage] if query.stage is not None else sum(counts.values())
        if not self.model.set_query(query, total, at_least=shown if keep_place else 0):
            return  # load_failed told why; the rows shown stay
        if self.status.styleSheet():  # an earlier refusal no longer holds
            self._tell("")
        if self.model.counting:
            self.count_label.setText(self.tr("%n projects shown, counting…", "", self.model.rowCount()))
        if keep_place:
            self.table.verticalScrollBar().setValue(scrolled)
        if select_id is not None:
            self._select(select_id)
        self._update_actions()

    @Slot(int)
    def _counted(self, total: int) -> None:
        self.count_label.setText(self.tr("%n projects", "", total))

    # --- selection ---------------------------------------------------------------------------------------

    def selected_venture(self) -> VentureRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def _select(self, venture_id: str) -> bool:
        row = self.model.row_of(venture_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    @Slot()
    def _update_actions(self) -> None:
        selected = self.selected_venture()
        self.open_button.setEnabled(selected is not None)
        self.move_button.setEnabled(selected is not None and bool(next_stages(selected.stage)))
        if selected is not None and not next_stages(selected.stage):
            self.move_button.setToolTip(self.tr("This project has ended: it takes no further stage"))
        else:
            self.move_button.setToolTip(self.tr("Record the stage the selected project reached, and the day"))

    # --- actions -----------------------------------------------------------------------------------------

    @Slot()
    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @Slot()
    def open_selected(self, _index: QModelIndex | None = None) -> None:
        selected = self.selected_venture()
        if selected is not None:
            self.venture_opened.emit(selected.id)

    def ask(self, dialog: QDialog) -> bool:
        """Show a form; True when it saved. Tests replace this."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    @Slot()
    def new_project(self) -> None:
        """The form of a new project; once saved it is listed under Idea (or All stages) and selected."""
        if not self.can_change:
            return
        dialog = VentureDialog(self._services, self)
        try:
            if not self.ask(dialog) or not dialog.saved_id:
                return
            venture_id, name = dialog.saved_id, dialog.name_edit.text()
        finally:
            dialog.deleteLater()
        self._follow(venture_id, VentureStage.IDEA, name, self.tr("%1 is added at the stage “%2”."))

    @Slot()
    def move_selected(self) -> None:
        """Move the selected project along; it is followed to its new stage and stays selected."""
        selected = self.selected_venture()
        if selected is None or not self.can_change or not next_stages(selected.stage):
            return
        dialog = StageDialog(
            self._services, selected.id, selected.code, selected.stage, next_stages(selected.stage), self
        )
        try:
            if not self.ask(dialog) or dialog.saved_stage is None or dialog.saved_on is None:
                return
            stage, on = dialog.saved_stage, dialog.saved_on
        finally:
            dialog.deleteLater()
        self._follow(
            selected.id,
            stage,
            selected.code,
            self.tr("%1 moved to %2 on %3.").replace("%3", f"{on:%d/%m/%Y}"),
        )

    def _follow(self, venture_id: str, stage: VentureStage, label: str, text: str) -> None:
        """Show the project ``venture_id``, now at ``stage``, selected under its stage (unless All stages is
        chosen), and say ``text`` (%1 its code — ``label`` when it is not listed —, %2 its stage); the filters
        are cleared when they would hide it."""
        if self.chosen_stage() is not None:
            self.choose_stage(stage)
        self._load(keep_place=False, select_id=venture_id)
        if self.selected_venture() is None and (self.search_edit.text() or self.kind_filter.currentIndex() > 0):
            for widget in (self.search_edit, self.kind_filter):
                widget.blockSignals(True)
            self.search_edit.clear()
            self.kind_filter.setCurrentIndex(0)
            for widget in (self.search_edit, self.kind_filter):
                widget.blockSignals(False)
            self._load(keep_place=False, select_id=venture_id)
        listed = self.selected_venture()
        code = listed.code if listed is not None and listed.id == venture_id else labels.isolate(label)
        self._tell(text.replace("%1", code).replace("%2", labels.venture_stage(stage)))
        self.table.setFocus()

    def _tell(self, text: str, *, error: bool = False) -> None:
        """A line under the list: what was done, or why it was not."""
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)
