"""Starting the GUI: choose the first window this start should show, show it, then load.

The first window is chosen from a quick probe of the database (no SQLAlchemy for a SQLite
file). The main window paints first, empty; right after its first paint the database opens and
the sign-in dialog opens over it (or, with `--user` and TRAUMEFOKUS_PASSWORD, the user signs
in at once), so that the user sees Traumefokus at once on a slow laptop too, and nobody sees
client data before signing in.

A window serves one signed-in user. Switching user, or the idle lock's "sign in as someone
else", puts that user's work away and starts with a new, empty window.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from traumefokus.errors import TraumefokusError
from traumefokus.logs import start_file_log, stop_file_log
from traumefokus.ui.context import UiContext, save_settings
from traumefokus.ui.first_paint import FirstPaint
from traumefokus.ui.i18n import install_translators

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli
    from traumefokus.domain.actor import Actor
    from traumefokus.storage.probe import Probe
    from traumefokus.ui.ahead import Prepared, Unlocking
    from traumefokus.ui.idle_lock import IdleLock
    from traumefokus.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class Startup:
    """Decides what the user sees first and moves from window to window."""

    def __init__(
        self,
        ctx: UiContext,
        user: str | None,
        password: str | None = None,
        unlocking: Unlocking | None = None,
    ) -> None:
        self.ctx = ctx
        self.user = user
        self.password = password  # with --user: from TRAUMEFOKUS_PASSWORD, if it was set
        self.exit_code = 0
        self.settled = False  # the first window is complete: data loaded, or waiting for input
        self.main_window: MainWindow | None = None
        self.idle_lock: IdleLock | None = None
        self._keep: QWidget | None = None
        self._unlocking = unlocking  # the command line's user's key, on another thread

    def first_window(self) -> QWidget:
        try:
            return self._choose()
        except TraumefokusError as error:
            return self._fail(error)

    def _choose(self) -> QWidget:
        from traumefokus.storage.probe import SchemaState

        workspace = self.ctx.workspace
        found = self._probe_asking_for_a_password()
        if found.state is SchemaState.LOCKED:  # encrypted: it opens with a user's password
            if self._unlocking is None and self.user and self.password is not None:
                from traumefokus.ui.ahead import Unlocking  # derived while the window paints

                self._unlocking = Unlocking(workspace, self.user, self.password)
            return self.show_main()
        if found.state is SchemaState.OLDER:
            self.ctx.db = workspace.open()  # upgrades after a backup copy
            found = workspace.probe()
        if not found.users:
            from traumefokus.ui.first_user import FirstUserDialog

            return self._dialog(FirstUserDialog(self.ctx))
        return self.show_main()

    def _probe_asking_for_a_password(self) -> Probe:
        """The probe; a server that wants a password gets it from the user (asked again if
        it was wrong), or the start ends if they cancel."""
        from traumefokus.errors import Refused

        workspace = self.ctx.workspace
        remember = False
        while True:
            try:
                found = workspace.probe()
            except Refused as refused:
                if refused.code != "db.password_needed":
                    raise
                from traumefokus.ui.server_password_dialog import ServerPasswordDialog

                dialog = ServerPasswordDialog(workspace.where)
                if not dialog.exec():
                    raise
                workspace.use_server_password(dialog.password.text())
                remember = dialog.remember.isChecked()
                continue
            if remember and workspace.server_password:  # only a password the server took
                from sqlalchemy.engine import make_url

                from traumefokus.storage.server_password import remember_password

                remember_password(make_url(workspace.target.url or ""), workspace.server_password)
            return found

    def _fail(self, error: TraumefokusError) -> QWidget:
        """A problem that stops the start: say it in a window, then quit with its exit code."""
        self.exit_code = error.exit_code
        self.settled = True
        box = QMessageBox(QMessageBox.Icon.Critical, "Traumefokus", self.ctx.describe(error))
        box.finished.connect(QApplication.quit)
        return self._hold(box)

    def _dialog(self, dialog: QDialog) -> QWidget:
        """The first user's dialog: once they exist, they are signed in."""
        self.settled = True
        dialog.accepted.connect(lambda: self._signed_in(None, fresh=True))
        dialog.rejected.connect(QApplication.quit)
        return self._hold(dialog)

    def _hold(self, widget: QWidget) -> QWidget:
        self._keep = widget  # a top-level widget without a parent must be kept alive
        return widget

    def show_main(self) -> MainWindow:
        """A new main window, nobody signed in to it yet: after its first paint the
        database opens and the sign-in follows."""
        from traumefokus.ui.main_window import MainWindow

        self.settled = False
        window = MainWindow(self.ctx)
        window.language_chosen.connect(self.switch_language)
        window.switch_user.connect(self.switch_user)
        window.lock.connect(self._lock_now)
        window.settings_changed.connect(self.settings_changed)
        FirstPaint(window).painted.connect(self._after_first_paint)
        QApplication.setQuitOnLastWindowClosed(True)
        self.main_window = window
        return window

    def _after_first_paint(self) -> None:
        try:
            if self.ctx.signed_in:  # the first user, or a new window in another language
                self._begin()
            else:
                self._sign_in_first()
        except TraumefokusError as error:
            self._fail_in_window(error)
        self.settled = True

    def _sign_in_first(self) -> None:
        from traumefokus.ui.ahead import warm_up
        from traumefokus.ui.window_parts import load_between_events

        # meanwhile: the key derivation, or the password typed
        warm_up(self.ctx.library, self.ctx.workspace.target)
        if self.user and self.password is not None:
            if self._unlocking is None:  # a plain database opens before the sign-in
                self._open_database()
            self._sign_in_from_command_line()
        else:
            self._ask_who()  # the database opens while the name is typed
            QTimer.singleShot(0, self._open_database_or_fail)
            QTimer.singleShot(0, load_between_events)  # and the window's parts load

    def _open_database(self) -> None:
        """Open the database if it can be opened before anyone signs in (not if encrypted)."""
        if self.ctx.db is None and not self.ctx.workspace.locked:
            from traumefokus.ui.write_check import check_soon

            self.ctx.db = self.ctx.workspace.open()
            check_soon(self.ctx, self.main_window)  # off the UI thread, before the first write

    def _open_database_or_fail(self) -> None:
        try:
            self._open_database()
        except TraumefokusError as error:
            self._fail_in_window(error)

    def _fail_in_window(self, error: TraumefokusError) -> None:
        self._fail(error).show()
        if self.main_window is not None:
            self.main_window.close()

    def _sign_in_from_command_line(self) -> None:
        assert self.user and self.password is not None
        password, self.password = self.password, None  # used once
        if self._unlocking is not None:  # encrypted: the password opens it
            user_id, self._unlocking = self._unlocking.user_id(), None
            from traumefokus.services.unlocking import opened_for_window  # loaded meanwhile

            self.ctx.db, actor, self.ctx.sign_in_writes = opened_for_window(
                self.ctx.workspace, user_id, password
            )
            self._signed_in(actor)
            return
        from traumefokus.services.auth import PasswordNotSet, sign_in

        assert self.ctx.db is not None  # a plain database, opened before
        try:
            actor = sign_in(self.ctx.db, self.user, password)
        except PasswordNotSet:
            self._ask_who()  # they choose their password in the dialog
            return
        self._signed_in(actor)

    def _ask_who(self) -> None:
        from traumefokus.ui.sign_in import SignInDialog

        window = self.main_window
        assert window is not None
        dialog = SignInDialog(self.ctx, window, name=self.user)
        dialog.accepted.connect(lambda: self._signed_in(dialog.actor))
        dialog.rejected.connect(window.close)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _signed_in(self, actor: Actor | None, *, fresh: bool = False) -> None:
        """`actor` (None: already in the context) starts work, in their own language."""
        if actor is not None:
            self.ctx.sign_in(actor)
        save_settings(self.ctx)
        lang = self.ctx.settings.language_of(self.ctx.acting.actor.id)
        if fresh or lang != self.ctx.lang:
            self._use_language(lang)
            old = self.main_window
            _bring_forward(self.show_main())  # begins after its first paint
            if old is not None:
                old.close()
                old.deleteLater()
            return
        self._begin()

    def _begin(self) -> None:
        """The signed-in user's window, their data, their draft from a crash, the lock."""
        from traumefokus.ui.auto_backup import backup_soon
        from traumefokus.ui.idle_lock import IdleLock

        window = self.main_window
        assert window is not None
        window.begin()
        window.reload()
        writes, self.ctx.sign_in_writes = self.ctx.sign_in_writes, None
        if writes is not None:  # the integrity check and the sign-in's entry
            from traumefokus.ui.write_check import check_once_painted

            check_once_painted(self.ctx, window.overview, window, then=writes)
        _bring_forward(window)  # the keyboard is the window's again once the dialog is gone
        window.recover_open_session()
        QTimer.singleShot(0, lambda ctx=self.ctx: backup_soon(ctx, window))  # off the UI thread
        QTimer.singleShot(0, self._offer_recovery_key)
        if self.idle_lock is None:
            self.idle_lock = IdleLock(
                self.ctx,
                idle_seconds=60 * self.ctx.settings.idle_lock_minutes,
                allowance=lambda: (
                    self.main_window.session_allowance if self.main_window is not None else 0
                ),
            )
            self.idle_lock.switch_user.connect(self.switch_user)

    def settings_changed(self) -> None:
        """What the settings dialog changed takes effect: the running idle lock's time."""
        if self.idle_lock is not None:
            self.idle_lock.idle_seconds = 60 * self.ctx.settings.idle_lock_minutes

    def _offer_recovery_key(self) -> None:
        """An administrator's first sign-in after the upgrade encrypted the database: the
        recovery key, kept before anything else (ui/recovery_key_dialog.py)."""
        from traumefokus.services.encryption import pending_recovery_key, recovery_key_kept
        from traumefokus.ui.recovery_key_dialog import RecoveryKeyDialog

        window = self.main_window
        if window is None or not self.ctx.signed_in:
            return
        acting = self.ctx.acting
        key = pending_recovery_key(acting)
        if key is not None and RecoveryKeyDialog(self.ctx, key, window).exec():
            recovery_key_kept(acting)

    def _lock_now(self) -> None:
        if self.idle_lock is not None:
            self.idle_lock.lock()

    def switch_user(self, actor: Actor | None = None) -> None:
        """Put the signed-in user's work away (the draft saved, every window and dialog of
        theirs closed while they are still signed in, so that what saves itself on closing
        does) and start a new window: for `actor`, who has just signed in at the lock, or
        empty, asking who is working now.

        The old window keeps its own context: whatever of it still runs after closing acts
        as its own user, never as the next one."""
        old = self.main_window
        if self.idle_lock is not None:
            self.idle_lock.stop()
            self.idle_lock = None
        if old is not None:
            old.finish()
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            if isinstance(widget, QDialog):
                widget.reject()  # ends a dialog waiting for an answer; its caller goes on
            widget.close()
        if old is not None:
            old.deleteLater()
        self.ctx = self.ctx.fresh()
        if actor is not None:
            self.ctx.sign_in(actor)
            save_settings(self.ctx)
            self._use_language(self.ctx.settings.language_of(actor.id))
        else:
            self._use_language(self.ctx.settings.language)
        _bring_forward(self.show_main())

    def switch_language(self, lang: str) -> None:
        """Rebuild the main window in the new language; all state is in the database."""
        old = self.main_window
        assert old is not None
        old.finish()
        self.ctx.mine.set("language", lang)
        save_settings(self.ctx)
        self._use_language(lang)
        _bring_forward(self.show_main())
        old.close()
        old.deleteLater()

    def _use_language(self, lang: str) -> None:
        if lang != self.ctx.lang:
            self.ctx.lang = lang
            install_translators(lang)


def run_gui(cli: Cli, started: float, prepared: Prepared) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Traumefokus")
    from traumefokus.ui.app_icon import app_icon
    from traumefokus.ui.theme import apply_look

    apply_look(app)

    QApplication.setWindowIcon(app_icon())
    QApplication.setDesktopFileName("traumefokus")  # the .desktop entry (packaging/linux)
    QApplication.setQuitOnLastWindowClosed(False)
    settings = prepared.settings
    lang = cli.option("lang") or settings.language
    install_translators(lang)
    file_log = start_file_log(cli.data_dir.logs)
    ctx = UiContext(prepared.workspace, settings, lang)
    previous_hook = sys.excepthook
    from traumefokus.ui.crash_report import crash_reporter

    sys.excepthook = crash_reporter(file_log.baseFilename if file_log else None)
    from traumefokus.ui.collector import UiThreadCollector

    collector = UiThreadCollector()
    try:
        startup = Startup(ctx, cli.option("user"), prepared.password, prepared.unlocking)
        window = startup.first_window()
        seen = FirstPaint(window)
        _bring_forward(window)
        _start_test_driver(startup)
        if not cli.args.exit_after_start:
            return app.exec() or startup.exit_code
        _wait_until(lambda: seen.at is not None and startup.settled)
        assert seen.at is not None
        ready = time.perf_counter()  # the window shows its data: what a user waits for
        print(f"started in {round((seen.at - started) * 1000)} ms", file=cli.out)
        print(f"ready in {round((ready - started) * 1000)} ms", file=cli.out, flush=True)
        for widget in QApplication.topLevelWidgets():
            widget.close()
        return startup.exit_code
    finally:
        from traumefokus.ui.background import stop_all
        from traumefokus.ui.write_check import start_waiting

        if startup.idle_lock is not None:
            startup.idle_lock.stop()
        start_waiting()  # the sign-in's entry is written before the program ends
        stop_all()  # a print job still running is cancelled before the database closes
        collector.stop()
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
