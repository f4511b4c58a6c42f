"""The "Today" page of the start screen: the notes left unsigned from earlier days (overdue,
at the top) and the sessions planned for today, to open with Enter.

A user with nothing to do here (a coder; a supervisor or administrator on a quiet day) reads
what their role can do instead."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.vocabulary import Attendance, Role
from traumefokus.ui.fit import keep_headers_whole
from traumefokus.ui.forms import day_label, time_label
from traumefokus.ui.labels import (
    attendance_label,
    note_status_label,
    session_kind_label,
    session_number_label,
)
from traumefokus.ui.style import OVERDUE_ROLES, heading, hint, overdue_look
from traumefokus.ui.table_model import ROW_ID, Index, RowsModel
from traumefokus.ui.theme import set_tint
from traumefokus.ui.unread_line import UNREAD_LOOK, unread_line

if TYPE_CHECKING:
    from traumefokus.services.overview import OverdueNote
    from traumefokus.services.session_notes import TodayRow
    from traumefokus.services.supervision_comments import UnreadComment

OVERDUE = Qt.ItemDataRole.UserRole + 1  # True on a row of an overdue note
UNREAD_COMMENT = "✉"  # before the client code of a session with an unread comment


class TodayModel(RowsModel["OverdueNote | TodayRow"]):
    """The overdue notes first, then today's sessions."""

    def __init__(self) -> None:
        super().__init__()
        self.overdue = 0  # how many of the rows, from the top, are overdue notes

    def set_today(self, overdue: list[OverdueNote], today: list[TodayRow]) -> None:
        self.overdue = len(overdue)
        self.set_rows([*overdue, *today])

    def headers(self) -> list[str]:
        return [
            self.tr("Time"),
            self.tr("Client"),
            self.tr("Session"),
            self.tr("Theme"),
            self.tr("Therapist"),
            self.tr("Note"),
        ]

    def row_id(self, row: OverdueNote | TodayRow) -> str:
        return row.session_id

    def cell(self, row: OverdueNote | TodayRow, column: int) -> str:
        if row.number is not None:
            session = session_number_label(row.number)
        else:
            session = session_kind_label(row.kind)
        status = note_status_label(row.note_status)
        if row.attendance and row.attendance is not Attendance.HELD:
            status = attendance_label(row.attendance)
        code = row.client_code
        if getattr(row, "unread_comment", False):  # a session of today with a comment
            code = f"{UNREAD_COMMENT} {code}"
        return (
            time_label(row.planned_time),
            code,
            session,
            row.theme_title or session_kind_label(row.kind),
            row.therapist,
            status,
        )[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.row() >= self.overdue:
            if role == OVERDUE:
                return None
            if role == Qt.ItemDataRole.ToolTipRole and self._commented(index):
                return self.tr(
                    "A supervisor has commented on this session or its course: open the "
                    "session to read the comment and mark it read."
                )
            if role == Qt.ItemDataRole.FontRole and self._commented(index):
                bold = QFont()
                bold.setBold(True)
                return bold
            return super().data(index, role)
        note = cast("OverdueNote", self.rows[index.row()])  # the first rows are overdue notes
        if role == OVERDUE:
            return True
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return f"{day_label(note.day)} {time_label(note.planned_time)}".strip()
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 5:
            return self.tr("Overdue: not signed")
        if role in OVERDUE_ROLES:
            return overdue_look(role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(
                "The note of this session from %1 is not signed yet: finish and sign it."
            ).replace("%1", day_label(note.day))
        return super().data(index, role)

    def _commented(self, index: Index) -> bool:
        return bool(getattr(self.rows[index.row()], "unread_comment", False))


class TodayTable(QTableView):
    def __init__(self) -> None:
        super().__init__()
        self._model = TodayModel()
        self.setModel(self._model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        keep_headers_whole(self, free=(3, 4, 5))  # theme, therapist, note; time, code stay

    def set_rows(self, overdue: list[OverdueNote], today: list[TodayRow]) -> None:
        self._model.set_today(overdue, today)
        if overdue or today:
            self.selectRow(0)

    def current_session(self) -> str | None:
        index = self.currentIndex()
        return (
            index.data(ROW_ID) if index.isValid() and self.selectionModel().hasSelection() else None
        )


class TodayPage(QWidget):
    """The list with its button, the line that names the overdue notes, and the calm text
    for an empty day or a role with nothing to do here."""

    open_session = Signal(str)

    def __init__(self, role: Role) -> None:
        super().__init__()
        self.role = role
        self.table = TodayTable()
        self.table.activated.connect(lambda _index: self._open())
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.overdue_line = QLabel()
        self.overdue_line.setWordWrap(True)
        bold = QFont(self.overdue_line.font())
        bold.setBold(True)
        self.overdue_line.setFont(bold)
        self.comments_line = QLabel()  # unread supervisors' comments, wherever they are
        self.comments_line.setWordWrap(True)
        set_tint(self.comments_line, UNREAD_LOOK)
        self.comments_line.hide()
        self.role_line = hint(self._role_text())
        self.empty = hint("")
        self.open_button = QPushButton(self.tr("Open the session"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Today's sessions"), scale=1.3))
        layout.addWidget(self.role_line)
        layout.addWidget(self.overdue_line)
        layout.addWidget(self.comments_line)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addStretch()
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.role_line.setVisible(bool(self.role_line.text()))
        self.set_rows([], [])

    def set_rows(self, overdue: list[OverdueNote], today: list[TodayRow]) -> None:
        self.table.set_rows(overdue, today)
        self.overdue_line.setText(
            self.tr(
                "Notes from earlier days not signed yet: %1. They are at the top of the list."
            ).replace("%1", str(len(overdue)))
            if overdue
            else ""
        )
        self.overdue_line.setVisible(bool(overdue))
        self.table.setVisible(bool(overdue or today))
        self.empty.setText(self._empty_text())
        self.empty.setVisible(not (overdue or today))
        self._enable()

    def set_unread(self, comments: list[UnreadComment]) -> None:
        """The line that names where unread comments from supervision are, until read."""
        self.comments_line.setText(unread_line(comments))
        self.comments_line.setVisible(bool(comments))

    def current_session(self) -> str | None:
        return self.table.current_session()

    def _open(self) -> None:
        session_id = self.current_session()
        if session_id is not None:
            self.open_session.emit(session_id)

    def _enable(self, *_args: QModelIndex) -> None:
        selected = self.current_session() is not None
        self.open_button.setEnabled(selected)
        self.open_button.setToolTip(
            "" if selected else self.tr("Choose a session in the list first.")
        )

    def _empty_text(self) -> str:
        if self.role is Role.THERAPIST:
            return self.tr(
                "No sessions planned for today and no notes waiting. Your clients and their "
                "courses are under Clients."
            )
        return self.tr("No sessions are planned at the centre today.")

    def _role_text(self) -> str:
        """What a role that does not run sessions can do, and where."""
        if self.role is Role.SUPERVISOR:
            return self.tr(
                "As a supervisor you read every course: open a session here to read its note, "
                "or find a client under Clients to see their courses and plan history. The "
                "therapists run and sign the sessions."
            )
        if self.role is Role.ADMIN:
            return self.tr(
                "As an administrator you add clients and start their courses under Clients, "
                "and manage users under Administration ▸ Users. The therapists run and sign "
                "the sessions; you can open them here to read them."
            )
        return ""
