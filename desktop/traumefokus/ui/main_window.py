"""The main window: the Today tab (ui/today.py) and the Clients tab (clients on the left, the
chosen client's courses on the right: ui/client_pane.py), a course page that opens over them
(Esc goes back), and the session screen.

The window can show before the database is open: services (and SQLAlchemy behind them) are
imported by `reload()`, which the start-up calls right after the first paint.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from traumefokus.domain.access import Action, Relation
from traumefokus.ui import operations
from traumefokus.ui.context import UiContext, save_settings
from traumefokus.ui.fit import fit_to_screen
from traumefokus.ui.help_menu import add_help_menu
from traumefokus.ui.labels import role_label
from traumefokus.ui.operations import Changes, plan_changed
from traumefokus.ui.record_opening import note_opened
from traumefokus.ui.settings_menu import add_settings_action, locked_by_it
from traumefokus.ui.style import flag_look, signed_out_backdrop

if TYPE_CHECKING:
    from traumefokus.ui.coding_rounds_page import CodingRoundsPage
    from traumefokus.ui.coding_tab import CodingTab
    from traumefokus.ui.content_browser import ContentBrowser
    from traumefokus.ui.course_page import CoursePage
    from traumefokus.ui.draft_saver import DraftSaver
    from traumefokus.ui.logbook_view import LogbookView
    from traumefokus.ui.session_runner import SessionRunner
    from traumefokus.ui.supervision_page import SupervisionPage


class MainWindow(QMainWindow):
    """Shown at once, before anyone signs in, with nothing but the program's name in it;
    `begin()` builds the signed-in user's window. A window serves one user: switching user
    (or language) builds a new one, so that nothing of one user's work reaches another."""

    language_chosen = Signal(str)
    switch_user = Signal()
    lock = Signal()
    settings_changed = Signal()  # the settings dialog kept its values: the idle lock's time

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
        self.coding: CodingTab | None = None  # a coder's ratings (the window may close unbuilt)
        self._came_from: QWidget | None = None
        self.began = False
        self.setCentralWidget(signed_out_backdrop(ctx.workspace.where))
        self._default_size()

    def begin(self) -> None:
        """The signed-in user's window: what they may do decides what is offered."""
        acting = self.ctx.acting
        self.may_view = acting.may(Action.SEE_CLIENT, Relation.OWN)
        from traumefokus.ui.client_pane import ClientPane  # the signed-in window's parts

        pane = self.client_pane = ClientPane(self.ctx)
        operations.bus(self.ctx).changed.connect(self.refresh)
        pane.open_course.connect(self.open_course)
        # the pane's parts, reachable from the window as before the pane had a module
        self.clients = pane.clients
        self.courses = pane.courses
        self.search = pane.search
        self.client_view = pane.client_view
        self.course_view = pane.course_view
        self.left_stack = pane.left_stack
        self.right = pane.right
        self.client_title = pane.client_title
        self.open_course_button = pane.open_course_button
        self.new_client_action = pane.new_client_action
        self.edit_client_action = pane.edit_client_action
        self.new_course_action = pane.new_course_action
        self.open_course_action = pane.open_course_action
        self._build_menus()
        self.pages = QStackedWidget()
        self.overview = self._build_overview()  # the first page, always there
        self.pages.addWidget(self.overview)
        self.setCentralWidget(self.pages)
        self._build_status_bar()
        self._restore_geometry()
        self.began = True

    # --- building -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        from traumefokus.ui.account_actions import change_password
        from traumefokus.ui.content_actions import may_install

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
        add_settings_action(self, file_menu)
        file_menu.addAction(self.tr("Change &password…"), lambda: change_password(self.ctx, self))
        lock_action = file_menu.addAction(self.tr("&Lock the screen"), self.lock.emit)
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        file_menu.addAction(self.tr("S&witch user…"), self.switch_user.emit)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        if self.may_view:  # a coder sees no client records: no Client menu
            client_menu = self.menuBar().addMenu(self.tr("&Client"))
            client_menu.addAction(self.client_pane.new_client_action)
            client_menu.addAction(self.client_pane.edit_client_action)
            client_menu.addActions(self.client_pane.rights_actions)  # copy, erasure
            client_menu.addSeparator()
            client_menu.addAction(self.client_pane.new_course_action)
            client_menu.addAction(self.client_pane.open_course_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.content_action = view_menu.addAction(
            self.tr("&Content: packs and programmes…"), self._browse_content
        )
        view_menu.addSeparator()
        self.show_names_action = QAction(self.tr("Show client &names"), self)
        if self.may_view:
            view_menu.addAction(self.show_names_action)
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
        locked_by_it(self.ctx, language_menu, self.show_names_action)

        if self.ctx.acting.may(Action.MANAGE_USERS):
            admin_menu = self.menuBar().addMenu(self.tr("&Administration"))
            admin_menu.addAction(self.tr("&Users…"), self._users)

        add_help_menu(self)  # the user guide (F1) and About: ui/help_menu.py

    def _build_overview(self) -> QWidget:
        from traumefokus.ui.today import TodayPage

        self.today_page = TodayPage(self.ctx.acting.actor.role)
        self.today_page.open_session.connect(self._open_today)
        self.today = self.today_page.table
        self.tabs = QTabWidget()
        if self.may_view:  # a coder: only the Coding tab, no empty lists of clients
            self.tabs.addTab(self.today_page, self.tr("&Today"))
            self.tabs.addTab(self.client_pane, self.tr("C&lients"))
        self.logbook: LogbookView | None = None
        if self.ctx.acting.may(Action.READ, Relation.OWN):  # a coder reads no courses
            from traumefokus.ui.logbook_view import LogbookView

            self.logbook = LogbookView(self.ctx)
            self.logbook.open_session.connect(self._open_today)
            self.tabs.addTab(self.logbook, self.tr("Lo&gbook"))
        self.supervision: SupervisionPage | None = None
        if self.ctx.acting.may(Action.SUPERVISE):
            from traumefokus.ui.supervision_page import SupervisionPage

            self.supervision = SupervisionPage(self.ctx)
            self.tabs.addTab(self.supervision, self.tr("&Supervision"))
        self.coding_rounds: CodingRoundsPage | None = None
        if self.ctx.acting.may(Action.CODING_RESULTS):
            from traumefokus.ui.coding_rounds_page import CodingRoundsPage

            self.coding_rounds = CodingRoundsPage(self.ctx)
            self.tabs.addTab(self.coding_rounds, self.tr("Coding rounds"))
        if self.ctx.acting.may(Action.AUDIT):  # supervisors and administrators
            from traumefokus.ui.audit_page import AuditTrailPage

            self.tabs.addTab(AuditTrailPage(self.ctx), self.tr("Audit trail"))
        if self.ctx.acting.may(Action.RATE):  # a coder: the sessions to rate
            from traumefokus.ui.coding_tab import CodingTab

            self.coding = CodingTab(self.ctx)
            self.tabs.addTab(self.coding, self.tr("Co&ding"))
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
        flag_look(self.overdue_status)
        self.overdue_status.setToolTip(
            self.tr("Notes from earlier days that are not signed: at the top of Today.")
        )
        self.overdue_status.hide()
        self.statusBar().addWidget(user)
        self.statusBar().addWidget(self.overdue_status)
        self.statusBar().addPermanentWidget(where)

    # --- the lists ------------------------------------------------------------------------
    def reload(self, select_client: str | None = None) -> None:
        if not self.may_view:
            return
        self._reload_today()
        self.client_pane.reload(select_client)

    def refresh(self, changes: Changes, initiator: object = None) -> None:
        """Show what an action changed (ui/operations.py), and only that: the lists that show
        it and the course page if it shows that course (unless the page did the action)."""
        if changes.today and self.may_view:
            self._reload_today()
        if changes.clients and self.may_view:
            self.client_pane.reload(changes.client)
        page = self.course_page
        if (
            changes.course
            and page is not None
            and initiator is not page
            and page.course is not None
            and page.course.id == changes.course
        ):
            page.show_course(changes.course)

    def _reload_today(self) -> None:
        from traumefokus.services.overview import overdue_notes
        from traumefokus.services.session_notes import todays_sessions
        from traumefokus.services.supervision_comments import unread_comments

        today = date.today()
        overdue = overdue_notes(self.ctx.acting, today)
        rows = todays_sessions(self.ctx.acting, today)
        self.today_page.set_rows(overdue, rows)
        self.today_page.set_unread(unread_comments(self.ctx.acting))
        self.overdue_status.setText(self.tr("Overdue notes: %1").replace("%1", str(len(overdue))))
        self.overdue_status.setVisible(bool(overdue))
        if not self._today_chosen:  # the first time: today's list if there is one
            self.tabs.setCurrentIndex(0 if rows or overdue else 1)
            (self.today if rows or overdue else self.client_view).setFocus()
            self._today_chosen = True

    def _open_today(self, session_id: str) -> None:
        self.open_session(session_id, ask=True)

    def current_client_id(self) -> str | None:
        return self.client_pane.current_client_id()

    def open_course(self, course_id: str) -> None:
        from traumefokus.ui.course_page import CoursePage

        if self.course_page is None:
            self.course_page = CoursePage(self.ctx)
            self.course_page.back.connect(self.show_overview)
            self.course_page.open_session.connect(lambda sid: self.open_session(sid, ask=True))
            self.pages.addWidget(self.course_page)
        page = self.course_page
        if not operations.run(self, self.ctx, lambda: page.show_course(course_id)):
            return
        self.pages.setCurrentWidget(self.course_page)
        self.course_page.timeline.setFocus()
        note_opened(self.ctx, "course", course_id)

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
        runner = self.runner
        opened = operations.fetch(
            self,
            self.ctx,
            lambda: runner.open_session(session_id, recovered=recovered, point=point, ask=ask),
        )
        if not opened:
            return
        note_opened(self.ctx, "session", session_id)
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
        """The session screen recorded something (a draft, a signature, a flag, a session moved
        to today): its course and the lists."""
        note = self.runner.note if self.runner is not None else None
        shown = self.course_page.course if self.course_page is not None else None
        course = (
            note.course_id
            if note is not None
            else self._in_runner[0]
            if self._in_runner is not None
            else shown.id
            if shown is not None
            else None
        )
        operations.publish(self.ctx, Changes(course=course, clients=True, today=True), self.runner)

    def _runner_closed(self) -> None:
        back_to = self._came_from or self.overview
        self.pages.setCurrentWidget(back_to)
        self._ask_about_missed_theme(back_to)
        (
            self.today if back_to is self.overview and self.tabs.currentIndex() == 0 else back_to
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
            operations.publish(self.ctx, plan_changed(course_id), self)

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
        from traumefokus.ui.content_actions import open_browser

        self.content_browser = open_browser(self.ctx, self)

    def _install(self, *, programme: bool) -> None:
        from traumefokus.ui.content_actions import choose_and_install

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
        if self.coding is not None:
            self.coding.leave()  # a rating's draft too
        if self.saver is not None:
            self.saver.stop()
            self.saver = None
        if self.began and self.ctx.signed_in:
            self.save_geometry()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.finish()
        super().closeEvent(event)
