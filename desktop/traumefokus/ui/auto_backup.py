"""Automatic backups from the program: after the signed-in user's window is shown and after a
note is signed, on a thread of its own (ui/background.py), never on the UI thread, so that
typing never waits for it. services/backups.py decides whether one is due (at most one per
half hour) and thins the old ones.

A backup that fails never interrupts a session with a message box in front of a client: the
log gets the error's type, and the window's status bar says it once, calmly, per program run.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from traumefokus.errors import TraumefokusError

if TYPE_CHECKING:
    from traumefokus.ui.background import BackgroundTask
    from traumefokus.ui.context import UiContext

log = logging.getLogger(__name__)

_state: dict[str, object] = {"task": None, "told": False}


def backup_soon(ctx: UiContext, anchor: QWidget | None = None) -> BackgroundTask | None:
    """Start an automatic backup of the open SQLite database in the background if none is
    running; the task, or None if there is nothing to do. `anchor`: a widget of the window
    whose status bar may say that a backup failed."""
    from traumefokus.services.backups import backup_if_due, backup_plan
    from traumefokus.ui.background import BackgroundTask

    db = ctx.db
    running = _state["task"]
    if db is None or db.target.file is None:
        return None  # not open yet, or a server database (the server's own backups)
    if isinstance(running, BackgroundTask) and running.running:
        return None
    plan = backup_plan(ctx.settings, ctx.workspace.data_dir)  # read here, not on the thread
    target, keys = db.target, db.keys
    task = BackgroundTask(lambda _progress: backup_if_due(target, keys, plan))
    task.failed.connect(lambda error: _failed(ctx, anchor, error))
    _state["task"] = task
    task.start()
    return task


def _failed(ctx: UiContext, anchor: QWidget | None, error: TraumefokusError | str) -> None:
    kind = error.code if isinstance(error, TraumefokusError) else error
    log.warning("Automatic backup failed (%s)", kind)
    if _state["told"]:
        return
    window = _main_window(anchor)
    if window is None:
        return
    _state["told"] = True
    reason = ctx.describe(error) if isinstance(error, TraumefokusError) else error
    line = QLabel(
        QApplication.translate(
            "AutoBackup", "⚠ The automatic backup was not made; your work is saved as usual."
        )
    )
    line.setObjectName("auto_backup_problem")
    line.setToolTip(reason)  # why, and where: for the administrator
    window.statusBar().addWidget(line)


def _main_window(anchor: QWidget | None) -> QMainWindow | None:
    """The window to tell: the anchor's, unless it has gone meanwhile (the user switched),
    else the one that is shown."""
    import shiboken6

    alive = anchor is not None and shiboken6.isValid(anchor)
    found = anchor.window() if alive and anchor is not None else None
    if isinstance(found, QMainWindow):
        return found
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            return widget
    return None


def reset_for_tests() -> None:
    _state.update(task=None, told=False)
