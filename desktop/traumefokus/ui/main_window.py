"""The main window: clients on the left, the chosen client's courses on the right.

The window can show before the database is open: services (and SQLAlchemy behind them) are
imported by `reload()`, which the start-up calls right after the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from traumefokus import __version__
from traumefokus.ui.client_models import ROW_ID, ClientTableModel, CourseTableModel
from traumefokus.ui.content_actions import choose_and_install, may_install, open_browser
from traumefokus.ui.context import UiContext, save_settings
from traumefokus.ui.labels import role_label
from traumefokus.ui.style import empty_state, heading, hint

if TYPE_CHECKING:
    from traumefokus.ui.content_browser import ContentBrowser


def _table(model: QSortFilterProxyModel | CourseTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return view


class MainWindow(QMainWindow):
    language_chosen = Signal(str)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        assert ctx.actor is not None
        self.ctx = ctx
        self.setWindowTitle("Traumefokus")
        self.setMinimumSize(720, 480)

        self.clients = ClientTableModel(show_names=bool(ctx.settings.get("show_display_names")))
        self.client_filter = QSortFilterProxyModel()
        self.client_filter.setSourceModel(self.clients)
        self.client_filter.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.client_filter.setFilterKeyColumn(-1)
        self.courses = CourseTableModel()
        self.content_browser: ContentBrowser | None = None

        self._build_menus()
        self.setCentralWidget(self._build_centre())
        self._build_status_bar()
        self._restore_geometry()

    # --- building -------------------------------------------------------------------------
    def _build_menus(self) -> None:
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
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.content_action = view_menu.addAction(
            self.tr("&Content: packs and programmes…"), self._browse_content
        )
        view_menu.addSeparator()
        self.show_names_action = view_menu.addAction(self.tr("Show client &names"))
        self.show_names_action.setCheckable(True)
        self.show_names_action.setChecked(bool(self.ctx.settings.get("show_display_names")))
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

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&About Traumefokus"), self._about)

    def _build_centre(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by client code"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.client_filter.setFilterFixedString)
        self.client_view = _table(self.client_filter)
        self.client_view.setSortingEnabled(True)
        self.client_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.client_view.selectionModel().currentRowChanged.connect(self._client_chosen)

        empty = empty_state(
            self.tr("No clients yet"),
            self.tr(
                "Clients and their courses will be listed here, with the next session of each."
            ),
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
        self.left_stack.setCurrentIndex(2)

        self.client_title = heading("", scale=1.3)
        self.course_view = _table(self.courses)
        self.no_courses = hint(self.tr("This client has no courses yet."))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.client_title)
        right_layout.addWidget(QLabel(self.tr("Courses")))
        right_layout.addWidget(self.course_view)
        right_layout.addWidget(self.no_courses)
        self.right = right
        right.hide()

        splitter = QSplitter()
        splitter.addWidget(self.left_stack)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        return splitter

    def _build_status_bar(self) -> None:
        actor = self.ctx.actor
        assert actor is not None
        user = QLabel(
            self.tr("User: %1 (%2)")
            .replace("%1", actor.name)
            .replace("%2", role_label(actor.role.value))
        )
        where = QLabel(self.tr("Data: %1").replace("%1", self.ctx.workspace.where))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(user)
        self.statusBar().addPermanentWidget(where)

    # --- behaviour ------------------------------------------------------------------------
    def reload(self) -> None:
        from traumefokus.services.overview import list_clients

        assert self.ctx.db is not None and self.ctx.actor is not None
        rows = list_clients(self.ctx.db, self.ctx.actor)
        self.clients.set_rows(rows)
        self.left_stack.setCurrentIndex(0 if rows else 1)
        self.right.setVisible(bool(rows))
        if rows:
            self.client_view.selectRow(0)

    def _client_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        from traumefokus.services.overview import client_courses

        assert self.ctx.db is not None and self.ctx.actor is not None
        if not current.isValid():
            self.client_title.setText("")
            self.courses.set_rows([])
            return
        client_id = current.data(ROW_ID)
        code = self.client_filter.index(current.row(), 0).data()
        self.client_title.setText(code)
        rows = client_courses(self.ctx.db, self.ctx.actor, client_id)
        self.courses.set_rows(rows)
        self.course_view.setVisible(bool(rows))
        self.no_courses.setVisible(not rows)

    def _browse_content(self) -> None:
        self.content_browser = open_browser(self.ctx, self)

    def _install(self, *, programme: bool) -> None:
        if choose_and_install(self.ctx, self, programme=programme) and self.content_browser:
            self.content_browser.reload()

    def _show_names(self, show: bool) -> None:
        self.clients.set_show_names(show)
        self.ctx.settings.set("show_display_names", show)
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
        saved = self.ctx.settings.get("window_geometry")
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.resize(1100, 700)

    def save_geometry(self) -> None:
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.ctx.settings.set("window_geometry", geometry)
        save_settings(self.ctx)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)
