"""The Audit trail tab, for supervisors and administrators: who read, changed, printed or
exported what, newest first, filtered by user, client, action and period, a page at a time
(services/audit_view.py). Entries name objects by ID only; the client filter finds a client's
entries through its code. Read off the UI thread; a result a newer filter has overtaken is
dropped."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.audit_actions import ACTIONS
from traumefokus.errors import InvalidInput, TraumefokusError
from traumefokus.ui import operations
from traumefokus.ui.background import BackgroundTask
from traumefokus.ui.context import UiContext
from traumefokus.ui.fit import keep_headers_whole
from traumefokus.ui.flow_layout import FlowLayout, labelled
from traumefokus.ui.style import problem_label, show_problem

if TYPE_CHECKING:
    from traumefokus.services.audit_view import AuditPage, AuditQuery


class AuditTrailPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.offset = 0
        self.asked = 0  # the request's generation: an older answer is dropped
        self.page: AuditPage | None = None
        self.task: BackgroundTask | None = None
        self.loaded = False

        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("User name"))
        self.client = QLineEdit()
        self.client.setPlaceholderText(self.tr("Client code"))
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), None)
        for code, meaning in sorted(ACTIONS.items()):
            self.action.addItem(f"{code} – {meaning}", code)
        # as wide as a code and the start of its meaning: the longest would widen the window
        narrow = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        self.action.setSizeAdjustPolicy(narrow)
        self.action.setMinimumContentsLength(24)
        self.start = QLineEdit()
        self.start.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.end = QLineEdit()
        self.end.setPlaceholderText(self.tr("YYYY-MM-DD"))
        for field in (self.user, self.client, self.start, self.end):
            field.returnPressed.connect(self.search)
            hint_width = field.fontMetrics().horizontalAdvance(field.placeholderText())
            field.setMinimumWidth(hint_width + 16)  # the hint says the format: never cut
        self.action.activated.connect(self.search)
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.clicked.connect(self.search)
        self.newer = QPushButton(self.tr("← Newer"))
        self.newer.clicked.connect(lambda: self._turn(-1))
        self.older = QPushButton(self.tr("Older →"))
        self.older.clicked.connect(lambda: self._turn(1))
        self.where = QLabel()
        self.problem = problem_label()
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # the object's id and the details give way on a small screen (whole in a tooltip)
        self.columns = keep_headers_whole(self.table, free=(5, 6), stretch=6)

        filters = QWidget()  # wraps onto a second line on a small screen
        flow = FlowLayout(filters)
        for label, widget in (  # labels without mnemonics: the menus' Alt keys stay theirs
            (self.tr("User:"), self.user),
            (self.tr("Client:"), self.client),
            (self.tr("Action:"), self.action),
            (self.tr("From:"), self.start),
            (self.tr("To:"), self.end),
        ):
            flow.addWidget(labelled(label, widget))  # a label stays when the hint is typed over
        flow.addWidget(self.search_button)
        paging = QHBoxLayout()
        paging.addWidget(self.where, 1)
        paging.addWidget(self.newer)
        paging.addWidget(self.older)
        layout = QVBoxLayout(self)
        layout.addWidget(filters)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addLayout(paging)
        self._enable()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.loaded = True
            self.search()

    def query(self) -> AuditQuery:
        from traumefokus.services.audit_view import AuditQuery

        return AuditQuery(
            user=self.user.text().strip() or None,
            client_code=self.client.text().strip() or None,
            action=self.action.currentData(),
            start=_day(self.start.text()),
            end=_day(self.end.text()),
        )

    def search(self) -> None:
        self.offset = 0
        self._load()

    def _turn(self, step: int) -> None:
        from traumefokus.services.audit_view import PAGE

        self.offset = max(0, self.offset + step * PAGE)
        self._load()

    def _load(self) -> None:
        from traumefokus.services.audit_view import audit_page

        try:
            query = self.query()
        except TraumefokusError as error:
            show_problem(self.problem, self.ctx.describe(error))
            return
        self.asked += 1
        asked, acting, offset = self.asked, self.ctx.acting, self.offset
        self.where.setText(self.tr("Reading the trail…"))

        def done(found: AuditPage) -> None:
            if asked == self.asked:
                self.show_page(found)

        self.task = operations.run_in_background(
            self,
            self.ctx,
            lambda _progress: audit_page(acting, query, offset),
            done,
            problem=self.problem,
        )

    def show_page(self, page: AuditPage) -> None:
        self.page = page
        headings = [
            self.tr("No."),
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Object"),
            self.tr("ID"),
            self.tr("Details"),
        ]
        self.table.clear()
        self.table.setColumnCount(len(headings))
        self.table.setHorizontalHeaderLabels(headings)
        self.table.setRowCount(len(page.rows))
        for row, entry in enumerate(page.rows):
            details = ", ".join(f"{k}={v}" for k, v in sorted(entry.details.items()))
            cells = [
                str(entry.seq),
                entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                entry.user_name or "",
                entry.action,
                entry.object_type or "",
                entry.object_id or "",
                details,
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setToolTip(ACTIONS.get(entry.action, ""))
                elif column >= 5:
                    item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.columns.measure()
        first = page.offset + 1 if page.rows else 0
        self.where.setText(
            self.tr("%1–%2 of %3 entries")
            .replace("%1", str(first))
            .replace("%2", str(page.offset + len(page.rows)))
            .replace("%3", str(page.total))
        )
        self._enable()

    def _enable(self) -> None:
        page = self.page
        self.newer.setEnabled(page is not None and page.offset > 0)
        self.older.setEnabled(page is not None and page.offset + len(page.rows) < page.total)


def _day(text: str) -> date | None:
    """A day typed as YYYY-MM-DD; nothing typed is no bound."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("audit.day_invalid", value=text) from None
