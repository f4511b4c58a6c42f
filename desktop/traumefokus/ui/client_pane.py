"""The Clients tab of the main window: the client list (searchable, sortable) on the left, the
chosen client's courses on the right, and the actions on clients and courses (new client, edit
client, new course, open course), as buttons here and as actions for the Client menu.

Services (and SQLAlchemy behind them) are imported when the list is first loaded, not before.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.access import Action, Relation
from traumefokus.domain.vocabulary import CourseStatus
from traumefokus.ui.client_models import ClientTableModel, CourseTableModel
from traumefokus.ui.consent_panel import ConsentPanel
from traumefokus.ui.context import UiContext
from traumefokus.ui.fit import keep_headers_whole
from traumefokus.ui.operations import Changes, publish
from traumefokus.ui.record_opening import note_opened
from traumefokus.ui.style import empty_state, heading, hint
from traumefokus.ui.table_model import ROW_ID

LIST, EMPTY, LOADING = range(3)  # the pages of the left side


def _table(model: QAbstractTableModel, free: tuple[int, ...]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    keep_headers_whole(view, free)
    return view


class ClientPane(QSplitter):
    """A client or a course added or edited is published as changes with the client to select
    (ui/operations.py); `open_course` asks the window to open a course."""

    open_course = Signal(str)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._opened: str | None = None  # the client whose opening was written last
        self._stale = False  # changed behind another tab: read again when brought forward
        self._watching = False  # the window's tabs tell when the pane is brought forward
        acting = ctx.acting
        self.may_add = acting.may(Action.ADD_CLIENT)
        self.may_edit = acting.may(Action.EDIT_CLIENT, Relation.OWN)
        self.may_start = acting.may(Action.START_COURSE, Relation.OWN)
        self.clients = ClientTableModel(show_names=bool(ctx.mine.get("show_display_names")))
        self.courses = CourseTableModel()
        self._build_actions()

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by client code"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.clients.set_filter)
        self.client_view = _table(self.clients, self.clients.free_columns())
        # Return or a double click on a client opens the course shown beside it (the latest)
        self.client_view.activated.connect(lambda _index: self._open_selected_course())
        self.client_view.setSortingEnabled(True)
        self.client_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.client_view.selectionModel().currentRowChanged.connect(self._client_chosen)
        # A search, a sort or a reload makes a new list: the pane follows it (never shows a
        # client the list hides).
        self._shown_client: str | None = None
        self.clients.modelReset.connect(self._client_rows_changed)
        self.client_view.doubleClicked.connect(lambda _index: self._edit_client())

        first_client = QPushButton(self.tr("New client…"))
        first_client.clicked.connect(self._new_client)
        first_client.setEnabled(self.may_add)
        empty = empty_state(
            self.tr("No clients yet"),
            self.tr(
                "Create the first client with Client ▸ New client (Ctrl+N). Clients and "
                "their courses are listed here, with the next session of each."
            ),
            first_client,
        )
        self.left_stack = QStackedWidget()
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.search)
        list_layout.addWidget(self.client_view)
        self.left_stack.addWidget(list_page)
        self.left_stack.addWidget(empty)
        self.left_stack.addWidget(hint(self.tr("Opening the data…")))
        self.left_stack.setCurrentIndex(LOADING)

        self.client_title = heading("", scale=1.3)
        self.course_view = _table(self.courses, (0, 1, 4))  # method, status, therapist
        self.course_view.activated.connect(lambda _index: self._open_selected_course())
        self.no_courses = hint(self.tr("This client has no courses yet."))
        self.new_course_button = QPushButton(self.tr("New course…"))
        self.new_course_button.clicked.connect(self._new_course)
        self.open_course_button = QPushButton(self.tr("Open course"))
        self.open_course_button.clicked.connect(self._open_selected_course)
        edit_button = QPushButton(self.tr("Edit client…"))
        edit_button.clicked.connect(self._edit_client)
        edit_button.setEnabled(self.may_edit)
        buttons = QHBoxLayout()
        for button in (self.open_course_button, self.new_course_button, edit_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.client_title)
        right_layout.addWidget(QLabel(self.tr("Courses")))
        right_layout.addWidget(self.course_view)
        right_layout.addWidget(self.no_courses)
        right_layout.addLayout(buttons)
        self.consent = ConsentPanel(ctx, self.may_edit)  # to audio recording, for research
        right_layout.addWidget(self.consent)
        self.right = right
        right.hide()

        self.addWidget(self.left_stack)
        self.addWidget(right)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        self.setSizes([1000, 1000])  # half each: the courses need room for six columns

    def _build_actions(self) -> None:
        """The Client menu's actions; the window puts them in its menu."""
        self.new_client_action = QAction(self.tr("&New client…"), self)
        self.new_client_action.triggered.connect(self._new_client)
        self.new_client_action.setShortcut(QKeySequence.StandardKey.New)
        self.edit_client_action = QAction(self.tr("&Edit client…"), self)
        self.edit_client_action.triggered.connect(self._edit_client)
        self.may_hand_out = self.ctx.acting.may(Action.EXPORT_RECORDS)
        self.client_copy_action = QAction(self.tr("&Hand out the client's data…"), self)
        self.client_copy_action.triggered.connect(self._hand_out)
        self.may_erase = self.ctx.acting.may(Action.ERASE_CLIENT)  # the window's menu shows it
        self.erase_client_action = QAction(self.tr("E&rase the client…"), self)
        self.erase_client_action.triggered.connect(self._erase)
        # the client's rights, in the Client menu: their copy, and erasure (administrators)
        self.rights_actions = [self.client_copy_action] + (
            [self.erase_client_action] if self.may_erase else []
        )
        self.new_course_action = QAction(self.tr("New &course…"), self)
        self.new_course_action.triggered.connect(self._new_course)
        self.new_course_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.open_course_action = QAction(self.tr("&Open course"), self)
        self.open_course_action.triggered.connect(self._open_selected_course)
        self.new_client_action.setEnabled(self.may_add)

    # --- the list ----------------------------------------------------------------------------
    def reload(self, select_client: str | None = None) -> None:
        """The list anew, or, while the pane is hidden behind another tab, when it is next
        shown: the start-up and the refreshes after each change read only what is on screen."""
        self._shown_client = select_client or self._shown_client
        self._stale = self._behind_another_tab()
        if not self._stale:
            self._load()

    def _behind_another_tab(self) -> bool:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        if parent is None:
            return False
        if not self._watching:  # brought forward: read then (shown or not, as in tests)
            parent.currentChanged.connect(lambda _index: self._catch_up())
            self._watching = True
        return parent.currentWidget() is not self

    def _catch_up(self) -> None:
        if self._stale and not self._behind_another_tab():
            self._load()

    def _load(self) -> None:
        from traumefokus.services.overview import list_clients

        self._stale = False
        rows = list_clients(self.ctx.acting)
        self.clients.set_rows(rows)  # selects the client shown before, else the first
        self.left_stack.setCurrentIndex(LIST if rows else EMPTY)
        self.right.setVisible(bool(rows))
        self._enable_client_actions()

    def _client_rows_changed(self) -> None:
        self._select_client(self._shown_client)

    def _select_client(self, client_id: str | None) -> None:
        """Select `client_id` if the list shows it, else the first client shown; with no
        client in the list, the pane is empty and nothing can be opened from it."""
        for row in range(self.clients.rowCount()):
            if self.clients.index(row, 0).data(ROW_ID) == client_id:
                self.client_view.selectRow(row)
                return
        if self.clients.rowCount():
            self.client_view.selectRow(0)
        else:
            self._show_client(None)

    def current_client_id(self) -> str | None:
        index = self.client_view.currentIndex()
        return index.data(ROW_ID) if index.isValid() else None

    def _client_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._shown_client = current.data(ROW_ID)
            self._show_client(current)
        else:
            self._show_client(None)

    def _show_client(self, current: QModelIndex | None) -> None:
        from traumefokus.services.overview import client_courses

        if current is None:
            self.client_view.selectionModel().clear()
            self.client_title.setText("")
            self.courses.set_rows([])
            self.course_view.hide()
            self.no_courses.hide()
            self.consent.show_client(None)
            self._enable_client_actions()
            return
        client_id = current.data(ROW_ID)
        self.client_title.setText(self.clients.index(current.row(), 0).data())
        rows = client_courses(self.ctx.acting, client_id)
        self.courses.set_rows(rows)
        self.course_view.setVisible(bool(rows))
        self.no_courses.setVisible(not rows)
        if rows:
            self.course_view.selectRow(0)
        self.consent.show_client(client_id)
        self._enable_client_actions()
        self._note_opened()

    # --- the audit trail ---------------------------------------------------------------------
    def _note_opened(self) -> None:
        """A client whose courses are on screen has had their record opened: written once
        while the pane shows them (not when the list is refreshed, nor for the client chosen
        by itself while the pane is hidden behind another tab)."""
        client_id = self.current_client_id()
        if client_id is not None and client_id != self._opened and self.isVisible():
            self._opened = client_id
            note_opened(self.ctx, "client", client_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._catch_up()
        self._note_opened()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._opened = None  # shown again later: opened again

    def _enable_client_actions(self) -> None:
        has_client = self.current_client_id() is not None
        open_course = any(
            r.status in (CourseStatus.PLANNED, CourseStatus.ACTIVE) for r in self.courses.rows
        )
        self.edit_client_action.setEnabled(self.may_edit and has_client)
        self.client_copy_action.setEnabled(self.may_hand_out and has_client)
        self.erase_client_action.setEnabled(self.may_erase and has_client)
        self.new_course_action.setEnabled(self.may_start and has_client and not open_course)
        self.new_course_button.setEnabled(self.new_course_action.isEnabled())
        has_course = bool(self.courses.rows)
        self.open_course_action.setEnabled(has_course)
        self.open_course_button.setEnabled(has_course)
        if open_course:
            self.new_course_button.setToolTip(
                self.tr("A client has one active or planned course at a time.")
            )

    # --- clients and courses ---------------------------------------------------------------
    def _new_client(self) -> None:
        from traumefokus.ui.people_dialogs import ClientDialog

        if not self.may_add:
            return
        dialog = ClientDialog(self.ctx, self.window())
        if dialog.exec() and dialog.saved:
            self.search.clear()
            publish(self.ctx, Changes(client=dialog.saved.id, clients=True), self)

    def _edit_client(self) -> None:
        from traumefokus.services.clients import get_client
        from traumefokus.ui.people_dialogs import ClientDialog

        client_id = self.current_client_id()
        if client_id is None or not self.may_edit:
            return
        dialog = ClientDialog(self.ctx, self.window(), get_client(self.ctx.acting, client_id))
        if dialog.exec():  # the code shows in the lists
            publish(self.ctx, Changes(client=client_id, clients=True, today=True), self)

    def _hand_out(self) -> None:
        from traumefokus.services.clients import get_client
        from traumefokus.ui.client_copy_action import hand_out_client_copy

        client_id = self.current_client_id()
        if client_id is None or not self.client_copy_action.isEnabled():
            return
        hand_out_client_copy(self.ctx, get_client(self.ctx.acting, client_id).code, self.window())

    def _erase(self) -> None:
        """What erasing the client would mean today, in a dialog that asks for their code (or
        says from which day it is possible); the lists follow the published change."""
        from datetime import date

        from traumefokus.services.clients import get_client
        from traumefokus.services.erasure import check_erasure
        from traumefokus.ui.erase_client_dialog import EraseClientDialog
        from traumefokus.ui.operations import fetch

        client_id = self.current_client_id()
        if client_id is None or not self.erase_client_action.isEnabled():
            return
        acting = self.ctx.acting
        check = fetch(
            self.window(),
            self.ctx,
            lambda: check_erasure(acting, get_client(acting, client_id).code, today=date.today()),
        )
        if check is not None:
            EraseClientDialog(self.ctx, check, self.window()).exec()

    def _new_course(self) -> None:
        from traumefokus.services.clients import get_client
        from traumefokus.ui.course_dialogs import NewCourseDialog

        client_id = self.current_client_id()
        if client_id is None or not self.new_course_action.isEnabled():
            return
        client = get_client(self.ctx.acting, client_id)
        dialog = NewCourseDialog(self.ctx, client, self.window())
        if dialog.exec() and dialog.created:
            publish(self.ctx, Changes(client=client_id, clients=True, today=True), self)
            self.open_course.emit(dialog.created)

    def _open_selected_course(self) -> None:
        index = self.course_view.currentIndex()
        if index.isValid():
            self.open_course.emit(index.data(ROW_ID))
