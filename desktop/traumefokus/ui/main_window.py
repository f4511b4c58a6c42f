"""The main window: clients on the left, the chosen client's courses on the right, and a
course page that opens over them (Esc goes back).

The window can show before the database is open: services (and SQLAlchemy behind them) are
imported by `reload()`, which the start-up calls right after the first paint.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QByteArray, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from traumefokus import __version__
from traumefokus.domain.access import Action, Relation
from traumefokus.errors import TraumefokusError
from traumefokus.ui.client_models import ClientTableModel, CourseTableModel
from traumefokus.ui.content_actions import choose_and_install, may_install, open_browser
from traumefokus.ui.context import UiContext, save_settings
from traumefokus.ui.fit import fit_to_screen, keep_headers_whole
from traumefokus.ui.labels import role_label
from traumefokus.ui.style import FLAG, empty_state, heading, hint, signed_out_backdrop
from traumefokus.ui.table_model import ROW_ID
from traumefokus.ui.today import TodayPage

if TYPE_CHECKING:
    from traumefokus.ui.content_browser import ContentBrowser
    from traumefokus.ui.course_page import CoursePage
    from traumefokus.ui.draft_saver import DraftSaver
    from traumefokus.ui.session_runner import SessionRunner

LIST, EMPTY, LOADING, NO_ACCESS = range(4)


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    keep_headers_whole(view)
    return view


class MainWindow(QMainWindow):
    """Shown at once, before anyone signs in, with nothing but the program's name in it;
    `begin()` builds the signed-in user's window. A window serves one user: switching user
    (or language) builds a new one, so that nothing of one user's work reaches another."""

    language_chosen = Signal(str)
    switch_user = Signal()
    lock = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle("Traumefokus")
        self.setMinimumSize(720, 480)
        self.content_browser: ContentBrowser | None = None
        self.course_page: CoursePage | None = None
        self._in_runner: tuple[str, str] | None = None  # (course, session) on the session screen
        self.runner: SessionRunner | None = None
        self.saver: DraftSaver | None = None
        self._came_from: QWidget | None = None
        self.began = False
        self.setCentralWidget(signed_out_backdrop(ctx.workspace.where))
        self._default_size()

    def begin(self) -> None:
        """The signed-in user's window: what they may do decides what is offered."""
        acting = self.ctx.acting
        self.may_view = acting.may(Action.SEE_CLIENT, Relation.OWN)
        self.may_add = acting.may(Action.ADD_CLIENT)
        self.may_edit = acting.may(Action.EDIT_CLIENT, Relation.OWN)
        self.may_start = acting.may(Action.START_COURSE, Relation.OWN)
        mine = self.ctx.mine
        self.clients = ClientTableModel(show_names=bool(mine.get("show_display_names")))
        self.courses = CourseTableModel()
        self._build_menus()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_overview())
        self.setCentralWidget(self.pages)
        self._build_status_bar()
        self._restore_geometry()
        self.began = True

    # --- building -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        from traumefokus.ui.account_actions import change_password

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.install_pack_action = file_menu.addAction(
            self.tr("Install content &pack…"), lambda: self._install(programme=False)
        )
        self.install_programme_action = file_menu.addAction(
            self.tr("Install p&rogramme…"), lambda: self._install(programme=True)
        )
        for action in (self.install_pack_action, self.install_programme_action):
            action.setEnabled(may_install(self.ctx))
            if not action.isEnabled():
                action.setToolTip(self.tr("Only an administrator can install content."))
        file_menu.addSeparator()
        file_menu.addAction(self.tr("Change &password…"), lambda: change_password(self.ctx, self))
        lock_action = file_menu.addAction(self.tr("&Lock the screen"), self.lock.emit)
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        file_menu.addAction(self.tr("S&witch user…"), self.switch_user.emit)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        client_menu = self.menuBar().addMenu(self.tr("&Client"))
        self.new_client_action = client_menu.addAction(self.tr("&New client…"), self._new_client)
        self.new_client_action.setShortcut(QKeySequence.StandardKey.New)
        self.edit_client_action = client_menu.addAction(self.tr("&Edit client…"), self._edit_client)
        client_menu.addSeparator()
        self.new_course_action = client_menu.addAction(self.tr("New &course…"), self._new_course)
        self.new_course_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.open_course_action = client_menu.addAction(
            self.tr("&Open course"), self._open_selected_course
        )
        self.new_client_action.setEnabled(self.may_add)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.content_action = view_menu.addAction(
            self.tr("&Content: packs and programmes…"), self._browse_content
        )
        view_menu.addSeparator()
        self.show_names_action = view_menu.addAction(self.tr("Show client &names"))
        self.show_names_action.setCheckable(True)
        self.show_names_action.setChecked(bool(self.ctx.mine.get("show_display_names")))
        self.show_names_action.setToolTip(
            self.tr("Names identify clients: show them only when no one else can see the screen.")
        )
        self.show_names_action.toggled.connect(self._show_names)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in (("da", "Dansk"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.ctx.lang)
            action.setData(code)
            group.addAction(action)
            language_menu.addAction(action)
        group.triggered.connect(self._choose_language)

        if self.ctx.acting.may(Action.MANAGE_USERS):
            admin_menu = self.menuBar().addMenu(self.tr("&Administration"))
            admin_menu.addAction(self.tr("&Users…"), self._users)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&About Traumefokus"), self._about)

    def _build_overview(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by client code"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.clients.set_filter)
        self.client_view = _table(self.clients)
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
        self.left_stack.addWidget(
            empty_state(
                self.tr("No client records for your role"),
                self.tr(
                    "Coders rate sessions from pseudonymised exports and do not see client "
                    "records. Ask an administrator if you need access."
                ),
            )
        )
        self.left_stack.setCurrentIndex(LOADING)

        self.client_title = heading("", scale=1.3)
        self.course_view = _table(self.courses)
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
        self.right = right
        right.hide()

        splitter = QSplitter()
        splitter.addWidget(self.left_stack)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 1000])  # half each: the courses need room for six columns

        self.today_page = TodayPage(self.ctx.acting.actor.role)
        self.today_page.open_session.connect(self._open_today)
        self.today = self.today_page.table
        self.tabs = QTabWidget()
        self.tabs.addTab(self.today_page, self.tr("&Today"))
        self.tabs.addTab(splitter, self.tr("C&lients"))
        self._today_chosen = False
        return self.tabs

    def _build_status_bar(self) -> None:
        actor = self.ctx.acting.actor
        user = QLabel(
            self.tr("User: %1 (%2)")
            .replace("%1", actor.shown)
            .replace("%2", role_label(actor.role.value))
        )
        where = QLabel(self.tr("Data: %1").replace("%1", self.ctx.workspace.where))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.overdue_status = QLabel()
        self.overdue_status.setStyleSheet(FLAG)
        self.overdue_status.setToolTip(
            self.tr("Notes from earlier days that are not signed: at the top of Today.")
        )
        self.overdue_status.hide()
        self.statusBar().addWidget(user)
        self.statusBar().addWidget(self.overdue_status)
        self.statusBar().addPermanentWidget(where)

    # --- the client list ------------------------------------------------------------------
    def reload(self, select_client: str | None = None) -> None:
        if not self.may_view:
            self.left_stack.setCurrentIndex(NO_ACCESS)
            self.today_page.nothing_to_do()
            self._enable_client_actions()
            return
        from traumefokus.services.overview import list_clients

        self._reload_today()
        self._shown_client = select_client or self._shown_client
        rows = list_clients(self.ctx.acting)
        self.clients.set_rows(rows)  # selects the client shown before, else the first
        self.left_stack.setCurrentIndex(LIST if rows else EMPTY)
        self.right.setVisible(bool(rows))
        self._enable_client_actions()

    def _reload_today(self) -> None:
        from traumefokus.services.overview import overdue_notes
        from traumefokus.services.session_notes import todays_sessions

        today = date.today()
        overdue = overdue_notes(self.ctx.acting, today)
        rows = todays_sessions(self.ctx.acting, today)
        self.today_page.set_rows(overdue, rows)
        self.overdue_status.setText(self.tr("Overdue notes: %1").replace("%1", str(len(overdue))))
        self.overdue_status.setVisible(bool(overdue))
        if not self._today_chosen:  # the first time: today's list if there is one
            self.tabs.setCurrentIndex(0 if rows or overdue else 1)
            (self.today if rows or overdue else self.client_view).setFocus()
            self._today_chosen = True

    def _open_today(self, session_id: str) -> None:
        self.open_session(session_id, ask=True)

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
        self._enable_client_actions()

    def _enable_client_actions(self) -> None:
        has_client = self.current_client_id() is not None
        open_course = any(r.status in ("planned", "active") for r in self.courses.rows)
        self.edit_client_action.setEnabled(self.may_edit and has_client)
        self.new_course_action.setEnabled(self.may_start and has_client and not open_course)
        self.new_course_button.setEnabled(self.new_course_action.isEnabled())
        has_course = bool(self.courses.rows)
        self.open_course_action.setEnabled(has_course)
        self.open_course_button.setEnabled(has_course)
        if open_course:
            self.new_course_button.setToolTip(
                self.tr("A client has one active or planned course at a time.")
            )

    # --- clients and courses --------------------------------------------------------------
    def _new_client(self) -> None:
        from traumefokus.ui.people_dialogs import ClientDialog

        if not self.may_add:
            return
        dialog = ClientDialog(self.ctx, self)
        if dialog.exec() and dialog.saved:
            self.search.clear()
            self.reload(select_client=dialog.saved.id)

    def _edit_client(self) -> None:
        from traumefokus.services.clients import get_client
        from traumefokus.ui.people_dialogs import ClientDialog

        client_id = self.current_client_id()
        if client_id is None or not self.may_edit:
            return
        dialog = ClientDialog(self.ctx, self, get_client(self.ctx.acting, client_id))
        if dialog.exec():
            self.reload(select_client=client_id)

    def _new_course(self) -> None:
        from traumefokus.services.clients import get_client
        from traumefokus.ui.course_dialogs import NewCourseDialog

        client_id = self.current_client_id()
        if client_id is None or not self.new_course_action.isEnabled():
            return
        client = get_client(self.ctx.acting, client_id)
        dialog = NewCourseDialog(self.ctx, client, self)
        if dialog.exec() and dialog.created:
            self.reload(select_client=client_id)
            self.open_course(dialog.created)

    def _open_selected_course(self) -> None:
        index = self.course_view.currentIndex()
        if index.isValid():
            self.open_course(index.data(ROW_ID))

    def open_course(self, course_id: str) -> None:
        from traumefokus.ui.course_page import CoursePage

        if self.course_page is None:
            self.course_page = CoursePage(self.ctx)
            self.course_page.back.connect(self.show_overview)
            self.course_page.changed.connect(self.reload)
            self.course_page.open_session.connect(lambda sid: self.open_session(sid, ask=True))
            self.pages.addWidget(self.course_page)
        try:
            self.course_page.show_course(course_id)
        except TraumefokusError as error:
            QMessageBox.warning(self, "Traumefokus", self.ctx.describe(error))
            return
        self.pages.setCurrentWidget(self.course_page)
        self.course_page.timeline.setFocus()

    def show_overview(self) -> None:
        self.pages.setCurrentIndex(0)
        self.client_view.setFocus()

    # --- the session screen ---------------------------------------------------------------
    def open_session(
        self,
        session_id: str,
        *,
        recovered: bool = False,
        point: str | None = None,
        ask: bool = False,  # a session planned for another day asks first (ui/session_day.py)
    ) -> None:
        from traumefokus.ui.draft_saver import DraftSaver
        from traumefokus.ui.session_runner import SessionRunner

        if self.runner is None:
            self.saver = DraftSaver(self.ctx)
            self.runner = SessionRunner(self.ctx, self.saver)
            self.runner.closed.connect(self._runner_closed)
            self.runner.changed.connect(self._runner_changed)
            self.pages.addWidget(self.runner)
        if self.pages.currentWidget() is not self.runner:
            self._came_from = self.pages.currentWidget()
        try:
            opened = self.runner.open_session(session_id, recovered=recovered, point=point, ask=ask)
        except TraumefokusError as error:
            QMessageBox.warning(self, "Traumefokus", self.ctx.describe(error))
            return
        if not opened:
            return
        self.pages.setCurrentWidget(self.runner)
        self.runner.focus_current()
        note = self.runner.note
        self._in_runner = (note.course_id, session_id) if note is not None else None

    @property
    def session_allowance(self) -> float:
        """How long the idle lock waits on top of its idle time: a session's length and a
        quarter of an hour while its clock runs, so that a conversation is never interrupted,
        nothing otherwise (a draft left open overnight still locks)."""
        runner = self.runner
        if runner is None or not runner.clock_running or runner.note is None:
            return 0.0
        return 60.0 * (runner.note.minutes + 15)

    def _runner_changed(self) -> None:
        self.reload()
        if self.course_page is not None and self.course_page.course is not None:
            self.course_page.show_course(self.course_page.course.id)

    def _runner_closed(self) -> None:
        back_to = self._came_from or self.pages.widget(0)
        self.pages.setCurrentWidget(back_to)
        self._ask_about_missed_theme(back_to)
        (
            self.today
            if back_to is self.pages.widget(0) and self.tabs.currentIndex() == 0
            else back_to
        ).setFocus()

    def _ask_about_missed_theme(self, page: QWidget) -> None:
        """A trauma session signed as not held on the session screen: ask at once what
        becomes of its theme, as the course page does after recording attendance."""
        from traumefokus.ui.missed_theme import ask_now

        left, self._in_runner = self._in_runner, None
        if left is None:
            return
        course_id, session_id = left
        if page is self.course_page and self.course_page is not None:
            self.course_page.ask_about_missed_theme(session_id)
        elif ask_now(self.ctx, course_id, session_id, self):
            self.reload()

    def recover_open_session(self) -> None:
        """Reopen the draft that was on the session screen when the program last died."""
        found = self.ctx.mine.get("open_session")
        if isinstance(found, dict) and found.get("session") and self.may_view:
            self.open_session(found["session"], recovered=True, point=found.get("point"))

    def _users(self) -> None:
        from traumefokus.ui.people_dialogs import UsersDialog

        UsersDialog(self.ctx, self).exec()

    # --- view, content, help --------------------------------------------------------------
    def _browse_content(self) -> None:
        self.content_browser = open_browser(self.ctx, self)

    def _install(self, *, programme: bool) -> None:
        if choose_and_install(self.ctx, self, programme=programme) and self.content_browser:
            self.content_browser.reload()

    def _show_names(self, show: bool) -> None:
        self.clients.set_show_names(show)
        self.ctx.mine.set("show_display_names", show)
        save_settings(self.ctx)

    def _choose_language(self, action: QAction) -> None:
        code = action.data()
        if code != self.ctx.lang:
            self.language_chosen.emit(code)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Traumefokus"),
            self.tr(
                "<h3>Traumefokus %1</h3><p>Guides trauma-focused Seeking Safety and Creating "
                "Change sessions inside a MOVE course.</p><p>Traumefokus contains no text from "
                "the Seeking Safety or Creating Change manuals; a centre loads its own licensed "
                "material.</p>"
            ).replace("%1", __version__),
        )

    # --- geometry -------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        saved = self.ctx.mine.get("window_geometry")
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self._default_size()

    def _default_size(self) -> None:
        """A comfortable size, never larger than the screen (a 1024x600 netbook, say)."""
        fit_to_screen(self, QSize(1180, 720))

    def save_geometry(self) -> None:
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.ctx.mine.set("window_geometry", geometry)
        save_settings(self.ctx)

    def finish(self) -> None:
        """The user's work is put away: the draft saved, the geometry kept, the client's
        window closed. Before the window closes, or another user takes over."""
        if self.runner is not None and self.runner.note is not None:
            self.runner.leave()  # the draft is saved before the window goes
        if self.saver is not None:
            self.saver.stop()
            self.saver = None
        if self.began and self.ctx.signed_in:
            self.save_geometry()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.finish()
        super().closeEvent(event)
