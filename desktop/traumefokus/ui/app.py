"""Starting the GUI: choose the first window this start should show, show it, then load.

The first window is chosen from a quick probe of the database (no SQLAlchemy for a SQLite
file). The main window paints first and opens the database right after its first paint, so
that the user sees Traumefokus at once on a slow laptop too.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import time
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from traumefokus.errors import TraumefokusError
from traumefokus.logs import start_file_log, stop_file_log
from traumefokus.services.workspace import Workspace, actor_from_probe
from traumefokus.settings import Settings
from traumefokus.ui.context import UiContext, save_settings
from traumefokus.ui.i18n import install_translators

if TYPE_CHECKING:
    from traumefokus.cli import Cli
    from traumefokus.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class FirstPaint(QObject):
    """Notes when a window has first been painted, i.e. the user can see it."""

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.at: float | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)
        return False


class Startup:
    """Decides what the user sees first and moves from window to window."""

    def __init__(self, ctx: UiContext, user: str | None) -> None:
        self.ctx = ctx
        self.user = user
        self.exit_code = 0
        self.settled = False  # the first window is complete: data loaded, or waiting for input
        self.main_window: MainWindow | None = None
        self._keep: QWidget | None = None

    def first_window(self) -> QWidget:
        try:
            return self._choose()
        except TraumefokusError as error:
            return self._fail(error)

    def _choose(self) -> QWidget:
        from traumefokus.storage.probe import SchemaState
        from traumefokus.ui.first_user import FirstUserDialog

        workspace = self.ctx.workspace
        found = workspace.probe()
        if found.state is SchemaState.OLDER:
            self.ctx.db = workspace.open()  # upgrades after a backup copy
            found = workspace.probe()
        if not found.users:
            return self._dialog(FirstUserDialog(self.ctx))
        if self.user:
            self.ctx.actor = actor_from_probe(found, self.user)
            return self.show_main()
        from traumefokus.ui.sign_in import SignInDialog

        return self._dialog(SignInDialog(self.ctx, found))

    def _fail(self, error: TraumefokusError) -> QWidget:
        """A problem that stops the start: say it in a window, then quit with its exit code."""
        self.exit_code = error.exit_code
        self.settled = True
        box = QMessageBox(QMessageBox.Icon.Critical, "Traumefokus", self.ctx.describe(error))
        box.finished.connect(QApplication.quit)
        return self._hold(box)

    def _dialog(self, dialog: QWidget) -> QWidget:
        self.settled = True
        dialog.accepted.connect(lambda: _bring_forward(self.show_main()))
        dialog.rejected.connect(QApplication.quit)
        return self._hold(dialog)

    def _hold(self, widget: QWidget) -> QWidget:
        self._keep = widget  # a top-level widget without a parent must be kept alive
        return widget

    def show_main(self) -> MainWindow:
        from traumefokus.ui.main_window import MainWindow

        assert self.ctx.actor is not None
        self.settled = False
        self.ctx.settings.set("last_user", self.ctx.actor.name)
        save_settings(self.ctx)
        window = MainWindow(self.ctx)
        window.language_chosen.connect(self.switch_language)
        FirstPaint(window).painted.connect(self._load)
        QApplication.instance().setQuitOnLastWindowClosed(True)
        self.main_window = window
        return window

    def _load(self) -> None:
        window = self.main_window
        assert window is not None
        try:
            if self.ctx.db is None:
                self.ctx.db = self.ctx.workspace.open()
            window.reload()
            window.recover_open_session()
        except TraumefokusError as error:
            self._fail(error).show()
            window.close()
        self.settled = True

    def switch_language(self, lang: str) -> None:
        """Rebuild the main window in the new language; all state is in the database."""
        old = self.main_window
        assert old is not None
        old.save_geometry()
        self.ctx.lang = lang
        self.ctx.settings.set("language", lang)
        save_settings(self.ctx)
        install_translators(lang)
        _bring_forward(self.show_main())
        old.close()
        old.deleteLater()


def run_gui(cli: Cli, started: float) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Traumefokus")
    app.setQuitOnLastWindowClosed(False)
    data_dir = cli.data_dir
    settings = Settings.load(data_dir.settings)
    lang = cli.option("lang") or settings.language
    install_translators(lang)
    file_log = start_file_log(data_dir.logs)
    ctx = UiContext(Workspace(data_dir, cli.option("database_url")), settings, lang)
    previous_hook = sys.excepthook
    sys.excepthook = _crash_reporter(file_log.baseFilename if file_log else None)
    try:
        startup = Startup(ctx, cli.option("user"))
        window = startup.first_window()
        seen = FirstPaint(window)
        _bring_forward(window)
        _start_test_driver(startup)
        if not cli.args.exit_after_start:
            return app.exec() or startup.exit_code
        _wait_until(lambda: seen.at is not None and startup.settled)
        assert seen.at is not None
        print(f"started in {round((seen.at - started) * 1000)} ms", file=cli.out)
        for widget in QApplication.topLevelWidgets():
            widget.close()
        return startup.exit_code
    finally:
        from traumefokus.ui.background import stop_all

        stop_all()  # a print job still running is cancelled before the database closes
        sys.excepthook = previous_hook
        if ctx.db is not None:
            ctx.db.close()
        stop_file_log(file_log)


def _start_test_driver(startup: Startup) -> None:
    """TRAUMEFOKUS_TEST_DRIVER=module:function runs that function with the start-up once the
    program is up: the kill test drives a real process this way. Unset, nothing happens."""
    named = os.environ.get("TRAUMEFOKUS_TEST_DRIVER")
    if not named:
        return
    module, _, function = named.partition(":")
    getattr(importlib.import_module(module), function)(startup)


def _bring_forward(window: QWidget) -> None:
    """Show a window with the keyboard focus, so that typing starts at once."""
    window.show()
    window.raise_()
    window.activateWindow()


def _wait_until(condition: Callable[[], bool]) -> None:
    while not condition():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def _crash_reporter(
    log_file: str | None,
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """A bug reaches the user as a dialog with details to copy; the program keeps running."""

    def report(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("Unexpected error:\n%s", details)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Traumefokus",
            QApplication.translate(
                "Crash",
                "Something went wrong inside Traumefokus. Please send the details below to "
                "your administrator.",
            ),
        )
        if log_file:
            box.setInformativeText(
                QApplication.translate("Crash", "The details are also in %1.").replace(
                    "%1", log_file
                )
            )
        box.setDetailedText(details)
        box.exec()

    return report
