"""The logbook's table model: a Qt model over the logbook's query (services/logbook.py) that
holds only the pages it has read, never every entry.

A new filter or order asks for the count and the first page; scrolling to the end asks for the
next page (`canFetchMore`/`fetchMore`). Every question runs off the UI thread (on the large
database one takes longer than a frame), so the table stays usable meanwhile; each answer is
for one generation of questions, and an answer that a newer filter, order or reload has made
stale is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from traumefokus.content.choice_lists import NOT_HELD_REASONS, centre_list
from traumefokus.errors import TraumefokusError
from traumefokus.services.logbook import (
    LogbookFilter,
    LogbookOrder,
    LogbookRow,
    count_entries,
    page_of_entries,
)
from traumefokus.ui.forms import day_label
from traumefokus.ui.i18n import ui_language
from traumefokus.ui.labels import (
    attendance_label,
    course_status_label,
    method_label,
    note_status_label,
    session_kind_label,
    session_number_label,
)
from traumefokus.ui.table_model import ROW_ID, Index

if TYPE_CHECKING:
    from traumefokus.services.acting import Acting

PAGE = 200  # entries read at a time
# The columns: what each shows, and the order it sorts by (None: it does not sort)
COLUMNS: tuple[tuple[str, LogbookOrder | None], ...] = (
    ("day", LogbookOrder.DAY),
    ("client", LogbookOrder.CLIENT),
    ("therapist", LogbookOrder.THERAPIST),
    ("site", LogbookOrder.SITE),
    ("method", LogbookOrder.METHOD),
    ("session", LogbookOrder.SESSION),
    ("theme", None),
    ("attendance", LogbookOrder.ATTENDANCE),
    ("note", LogbookOrder.NOTE),
    ("course", LogbookOrder.COURSE),
)
Done = Callable[[Any], None]
Failed = Callable[[TraumefokusError | str], None]
# Runs `work` somewhere and calls `done(result)` or `failed(error)` on the UI thread after it
Runner = Callable[[Callable[[], Any], Done, Failed], None]


def in_background(work: Callable[[], Any], done: Done, failed: Failed) -> None:
    """The model's runner: the work on a thread of its own (ui/background.py)."""
    from traumefokus.ui.background import BackgroundTask

    task = BackgroundTask(lambda _progress: work())
    task.done.connect(done)
    task.failed.connect(failed)
    task.start()


@dataclass(frozen=True)
class Answer:
    count: int  # entries that pass the filter
    total: int | None  # entries the user may read at all (None: not asked again)
    rows: list[LogbookRow]  # the first page


class LogbookModel(QAbstractTableModel):
    """`loading_changed(bool)` while a question is out; `answered()` once a new filter's count
    and first page are shown; `failed(error)` with a typed error or a bug's message."""

    loading_changed = Signal(bool)
    answered = Signal()
    failed = Signal(object)

    def __init__(self, acting: Acting, *, runner: Runner = in_background, page: int = PAGE):
        super().__init__()
        self.acting = acting
        self.runner = runner
        self.page = page
        self.rows: list[LogbookRow] = []
        self.where = LogbookFilter()
        self.order = LogbookOrder.DAY
        self.descending = True
        self.count = 0
        self.total: int | None = None  # unknown until first asked, and after the data changed
        self.loading = False
        self.generation = 0  # of questions: an answer to an older one is dropped
        self._fetching = False
        self._reasons: dict[str, str] | None = None  # why not held: labels by id

    # --- questions ------------------------------------------------------------------------
    def set_filter(self, where: LogbookFilter) -> None:
        if where != self.where:
            self.where = where
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self.order, self.descending):
            return
        self.order, self.descending = key, descending
        self.reload()

    def sort_column(self) -> int:
        return next(i for i, (_name, key) in enumerate(COLUMNS) if key == self.order)

    def reload(self, *, changed: bool = False) -> None:
        """Ask for the count and the first page again (`changed`: the data changed since,
        so the total is asked for again too)."""
        if changed:
            self.total = None
        self.generation += 1
        self._fetching = False
        self._set_loading(True)
        generation, acting, where = self.generation, self.acting, self.where
        order, descending, page = self.order, self.descending, self.page
        total_needed = self.total is None

        def work() -> Answer:
            count = count_entries(acting, where)
            total = None
            if where == LogbookFilter():
                total = count
            elif total_needed:
                total = count_entries(acting, LogbookFilter())
            rows = page_of_entries(acting, where, order=order, descending=descending, limit=page)
            return Answer(count, total, rows)

        self.runner(
            work,
            lambda answer: self._answered(generation, answer),
            lambda error: self._failed(generation, error),
        )

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and not self.loading
            and not self._fetching
            and len(self.rows) < self.count
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, offset = self.generation, len(self.rows)
        acting, where = self.acting, self.where
        order, descending, page = self.order, self.descending, self.page

        def work() -> list[LogbookRow]:
            return page_of_entries(
                acting, where, order=order, descending=descending, offset=offset, limit=page
            )

        self.runner(
            work,
            lambda rows: self._more(generation, offset, rows),
            lambda error: self._failed(generation, error),
        )

    # --- answers --------------------------------------------------------------------------
    def _answered(self, generation: int, answer: Answer) -> None:
        if generation != self.generation:
            return  # a newer question is out
        self.count = answer.count
        if answer.total is not None:
            self.total = answer.total
        if not self.rows or not answer.rows:
            # A reset lets the view measure its columns again: only when rows come or go
            # altogether, so that the columns keep still while a filter is changed.
            self.beginResetModel()
            self.rows = answer.rows
            self.endResetModel()
        else:
            self.beginRemoveRows(QModelIndex(), 0, len(self.rows) - 1)
            self.rows = []
            self.endRemoveRows()
            self.beginInsertRows(QModelIndex(), 0, len(answer.rows) - 1)
            self.rows = answer.rows
            self.endInsertRows()
        self._set_loading(False)
        self.answered.emit()

    def _more(self, generation: int, offset: int, rows: list[LogbookRow]) -> None:
        if generation != self.generation or offset != len(self.rows):
            return
        self._fetching = False
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        else:  # fewer entries than counted (some went meanwhile): stop asking
            self.count = len(self.rows)

    def _failed(self, generation: int, error: TraumefokusError | str) -> None:
        if generation != self.generation:
            return
        self._fetching = False
        self._set_loading(False)
        self.failed.emit(error)

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loading_changed.emit(loading)

    # --- the table ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][1] is None:
            return self.tr("This column cannot be sorted.")
        return None

    def headers(self) -> list[str]:
        return [
            self.tr("Date"),
            self.tr("Client"),
            self.tr("Therapist"),
            self.tr("Site"),
            self.tr("Method"),
            self.tr("Session"),
            self.tr("Theme"),
            self.tr("Attendance"),
            self.tr("Note"),
            self.tr("Course"),
        ]

    def session_at(self, row: int) -> str | None:
        return self.rows[row].session_id if 0 <= row < len(self.rows) else None

    def row_of(self, session_id: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.session_id == session_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ROW_ID:
            return row.session_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, COLUMNS[index.column()][0])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, COLUMNS[index.column()][0])
        return None

    def cell(self, row: LogbookRow, column: str) -> str:
        if column == "day":
            return day_label(row.day, weekday=False)
        if column == "client":
            return row.client_code
        if column == "therapist":
            shown = row.therapist.full_name or row.therapist.name
            if row.held_by is not None and row.held_by.id != row.therapist.id:
                held_by = row.held_by.full_name or row.held_by.name
                return self.tr("%1; held by %2").replace("%1", shown).replace("%2", held_by)
            return shown
        if column == "site":
            return row.site
        if column == "method":
            return row.method.value  # SS or CC, as the centres say (the full name: a tooltip)
        if column == "session":
            return self._session(row)
        if column == "theme":
            return row.theme or session_kind_label(row.kind)
        if column == "attendance":
            shown = attendance_label(row.attendance) or self.tr("Not recorded")
            reason = self.reason(row.not_held_reason)
            return f"{shown} · {reason}" if reason else shown
        if column == "note":
            return note_status_label(row.note_status)
        return course_status_label(row.course_status)

    def tooltip(self, row: LogbookRow, column: str) -> str | None:
        if column in ("theme", "therapist", "attendance"):
            text = self.cell(row, column)
            if column == "therapist" and row.therapist.title:
                text += f" ({row.therapist.title})"
            return text
        if column == "method":
            return method_label(row.method)
        if column == "day" and row.planned_date and row.day != row.planned_date:
            return self.tr("Planned for %1").replace("%1", day_label(row.planned_date))
        return None

    def reason(self, reason_id: str | None) -> str:
        """Why a session was not held, as the centre's list says it (its id if unknown)."""
        if not reason_id:
            return ""
        if self._reasons is None:
            try:
                found = centre_list(NOT_HELD_REASONS, self.acting.data_dir)
            except TraumefokusError:  # an unreadable list: check-manual says why
                found = ()
            self._reasons = {c.id: c.label(ui_language()) for c in found}
        return self._reasons.get(reason_id, reason_id)

    def _session(self, row: LogbookRow) -> str:
        if row.number is not None:
            return session_number_label(row.number)
        if row.follow_up_month is not None:
            return self.tr("Follow-up +%1 mo.").replace("%1", str(row.follow_up_month))
        return self.tr("Extra session") if row.extra else session_kind_label(row.kind)
