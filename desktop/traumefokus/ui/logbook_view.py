"""The Logbook tab: every session on record that the user may read (a therapist: the courses
they run or cover; a supervisor and an administrator: all), in one sortable table over the
logbook's paged query (ui/logbook_model.py), under a filter bar (ui/logbook_filters.py) and a
count line. Enter or a double click opens the session, as from the Today list.

Nothing is read until the tab is first shown. After an action that changed something (the
change bus of ui/operations.py) the tab asks again, at once if it is shown, else when it is
next shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.access import Action, Relation
from traumefokus.ui import operations
from traumefokus.ui.logbook_export import LogbookExporter
from traumefokus.ui.logbook_filters import LogbookFilters
from traumefokus.ui.logbook_model import COLUMNS, LogbookModel, Runner, in_background
from traumefokus.ui.style import heading, hint, problem_label, show_problem

if TYPE_CHECKING:
    from traumefokus.errors import TraumefokusError
    from traumefokus.ui.context import UiContext
    from traumefokus.ui.operations import Changes

LOADING_SAID_AFTER_MS = 150  # a quick answer never flashes "loading"
MEASURED_ROWS = 100  # the rows whose cells the columns' widths are measured on
# the columns that narrow first, in this order, and how many letters each keeps at least:
# attendance gives up the reason a session was not held (its tooltip keeps it) before the
# theme and the names give way
GIVES_WAY = {"attendance": 11, "theme": 7, "therapist": 7, "site": 7}
HORIZONTAL = Qt.Orientation.Horizontal


def _column(name: str) -> int:
    return next(i for i, (key, _order) in enumerate(COLUMNS) if key == name)


class LogbookTable(QTableView):
    def __init__(self, model: LogbookModel) -> None:
        super().__init__()
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setSortingEnabled(True)
        header = self.horizontalHeader()
        header.blockSignals(True)  # the model already asks in this order
        header.setSortIndicator(model.sort_column(), Qt.SortOrder.DescendingOrder)
        header.blockSignals(False)
        header.sortIndicatorChanged.connect(self._keep_indicator)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        self._least: list[int] = []
        self._wanted: list[int] = []
        self._measured_rows = 0
        model.modelReset.connect(self._rows_came)
        self.measure()

    def _rows_came(self) -> None:
        """Measure once there are rows, then keep the columns still."""
        if not self._measured_rows:
            self.measure()

    # --- the columns: whole where they can be, the theme and the names giving way --------
    def measure(self) -> None:
        """Each column's width: its title's and its cells' (of the first rows); the columns
        that give way on a narrow screen may shrink to a few letters."""
        header, model = self.horizontalHeader(), self.model()
        style = header.style()
        margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 8
        margin += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        titles, cells = header.fontMetrics(), self.fontMetrics()
        rows = self._measured_rows = min(model.rowCount(), MEASURED_ROWS)
        self._least, self._wanted = [], []
        for column, (name, _order) in enumerate(COLUMNS):
            title = titles.horizontalAdvance(str(model.headerData(column, HORIZONTAL))) + margin
            widest = max(
                (
                    cells.horizontalAdvance(str(model.index(row, column).data() or ""))
                    for row in range(rows)
                ),
                default=0,
            )
            wanted = max(title, widest + 12)
            few_letters = max(title, cells.horizontalAdvance("M" * GIVES_WAY.get(name, 0)))
            self._wanted.append(wanted)
            self._least.append(min(wanted, few_letters) if name in GIVES_WAY else wanted)
        self.arrange()

    def arrange(self) -> None:
        """The wanted widths; the columns that give way shrink (in turn) when the room is
        short, and the theme takes what is left over (too little room: it scrolls)."""
        widths = list(self._wanted)
        over = sum(widths) - self.viewport().width()
        for name in GIVES_WAY:
            column = _column(name)
            give = max(min(over, widths[column] - self._least[column]), 0)
            widths[column] -= give
            over -= give
        if over < 0:
            widths[_column("theme")] -= over
        header = self.horizontalHeader()
        for column, width in enumerate(widths):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._wanted:
            self.arrange()
        return super().viewportEvent(event)

    def _keep_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """A column that does not sort (the theme) leaves the indicator where it was."""
        model = self.model()
        if isinstance(model, LogbookModel) and COLUMNS[column][1] is None:
            header = self.horizontalHeader()
            header.blockSignals(True)
            descending = Qt.SortOrder.DescendingOrder
            ascending = Qt.SortOrder.AscendingOrder
            header.setSortIndicator(
                model.sort_column(), descending if model.descending else ascending
            )
            header.blockSignals(False)


class LogbookView(QWidget):
    open_session = Signal(str)

    def __init__(self, ctx: UiContext, *, runner: Runner = in_background) -> None:
        super().__init__()
        self.ctx = ctx
        acting = ctx.acting
        self.model = LogbookModel(acting, runner=runner)
        self.filters = LogbookFilters(sees_others=acting.may(Action.READ, Relation.OTHER))
        self.table = LogbookTable(self.model)
        self.count_line = QLabel()
        self.count_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.loading_line = hint(self.tr("Looking…"))
        self.loading_line.hide()
        self.empty = hint("")
        self.empty.hide()
        self.problem = problem_label()
        self.open_button = QPushButton(self.tr("Open the session"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self._open)
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setAutoDefault(False)
        self.export_button.setToolTip(
            self.tr(
                "The sessions the filters select, as a spreadsheet or a CSV file with a "
                "codebook, pseudonymised: no client codes or names."
            )
        )
        self.export_button.setVisible(acting.may(Action.EXPORT_LOGBOOK))
        self.export_button.clicked.connect(self._export)
        self.export_line = hint("")
        self.export_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_line.hide()
        self.exporter = LogbookExporter(ctx, self, self.export_line, self._enable)
        self._said_loading = QTimer(self)
        self._said_loading.setSingleShot(True)
        self._said_loading.setInterval(LOADING_SAID_AFTER_MS)
        self._said_loading.timeout.connect(self._say_loading)

        self.filters.changed.connect(self._filters_changed)
        self.table.activated.connect(lambda _index: self._open())
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._enable())
        self.model.loading_changed.connect(self._loading)
        self.model.answered.connect(self._answered)
        self.model.rowsInserted.connect(lambda *_args: self._say_count())
        self.model.failed.connect(self._failed)
        operations.bus(ctx).changed.connect(self._data_changed)

        counts = QHBoxLayout()
        counts.addWidget(self.count_line)
        counts.addWidget(self.loading_line)
        counts.addStretch()
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.open_button)
        self.buttons.addWidget(self.export_button)
        self.buttons.addWidget(self.export_line, 1)
        self.buttons.addStretch()  # the buttons keep their size while the line is hidden
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Logbook"), scale=1.3))
        layout.addWidget(self.filters)
        layout.addLayout(counts)
        layout.addWidget(self.problem)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.setFocusProxy(self.table)
        self._begun = False
        self._stale = False
        self._keep: str | None = None  # the session to select again after a reload
        self._enable()

    # --- asking ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._begun:
            self._begun = True
            self._load_choices()
            self.model.reload()
        elif self._stale:
            self._reload()

    def _load_choices(self) -> None:
        from traumefokus.services.clients import known_sites
        from traumefokus.services.logbook import logbook_therapists

        acting = self.ctx.acting
        therapists = logbook_therapists(acting) if self.filters.sees_others else []
        self.filters.set_choices(therapists, known_sites(acting))

    def _data_changed(self, changes: Changes, _initiator: object = None) -> None:
        if not self._begun or not changes:
            return
        if self.isVisible():
            self._reload()
        else:
            self._stale = True

    def _reload(self) -> None:
        """The data changed: the same filter and order asked again, the chosen session kept."""
        self._stale = False
        self._keep = self.current_session()
        self._load_choices()
        self.model.reload(changed=True)

    def _filters_changed(self) -> None:
        self._keep = None
        self.model.set_filter(self.filters.current())

    # --- answers --------------------------------------------------------------------------
    def _say_loading(self) -> None:
        self.loading_line.setVisible(self.model.loading)

    def _loading(self, loading: bool) -> None:
        self._enable()
        if loading:
            self._said_loading.start()
        else:
            self._said_loading.stop()
            self.loading_line.hide()

    def _answered(self) -> None:
        show_problem(self.problem, None)
        self._say_count()
        row = self.model.row_of(self._keep) if self._keep else None
        if row is not None:
            self.table.selectRow(row)
        self._keep = None
        self._enable()

    def _say_count(self) -> None:
        model, locale = self.model, QLocale()
        count, total = model.count, model.total
        if total is None or count == total:
            text = (
                self.tr("1 session")
                if count == 1
                else self.tr("%1 sessions").replace("%1", locale.toString(count))
            )
        else:
            text = (
                self.tr("%1 of %2 sessions")
                .replace("%1", locale.toString(count))
                .replace("%2", locale.toString(total))
            )
        if model.rowCount() < count:
            text += " " + self.tr("(the first %1 shown; scroll for more)").replace(
                "%1", locale.toString(model.rowCount())
            )
        self.count_line.setText(text)
        self.empty.setText(self._empty_text())
        self.empty.setVisible(count == 0)

    def _empty_text(self) -> str:
        if self.model.total == 0:
            return self.tr(
                "No sessions on record yet. A session is in the logbook once its attendance "
                "or its note is recorded."
            )
        return self.tr("No sessions match these filters. Clear filters shows them all.")

    def _failed(self, error: TraumefokusError | str) -> None:
        text = error if isinstance(error, str) else self.ctx.describe(error)
        said = self.tr("The logbook could not be read: %1").replace("%1", text)
        show_problem(self.problem, said)

    # --- the session ----------------------------------------------------------------------
    def current_session(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.session_at(rows[0].row()) if rows else None

    def _open(self) -> None:
        session_id = self.current_session()
        if session_id is not None:
            self.open_session.emit(session_id)

    def _export(self) -> None:
        self.exporter.export(self.filters.current(), self.model.count)

    def _enable(self) -> None:
        self.export_button.setEnabled(
            self.model.count > 0 and not self.model.loading and not self.exporter.busy
        )
        selected = self.current_session() is not None
        self.open_button.setEnabled(selected)
        self.open_button.setToolTip(
            "" if selected else self.tr("Choose a session in the list first.")
        )
