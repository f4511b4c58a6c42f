"""The integrity check before the first write (storage/integrity.py, armed by
services/workspace.py) runs here on a thread of its own as soon as the window is painted and
the database open, so that neither the first paint nor typing waits for it; a write that
comes first waits for it to finish (storage/database.py), and a damaged database is said
once, in a box, and never written to.

An encrypted database opens only when someone signs in, and signing in writes (the audit
trail): the window's sign-in reads who they are at once, and its writes follow the check on
its thread (services/unlocking.py unlock_for_window), so that the user need not wait.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from traumefokus.errors import TraumefokusError
from traumefokus.ui.first_paint import FirstPaint

if TYPE_CHECKING:
    from traumefokus.ui.background import BackgroundTask
    from traumefokus.ui.context import UiContext

log = logging.getLogger(__name__)

_shown: list[QMessageBox] = []  # a box without a parent must be kept alive
_waiting: list[Callable[[], None]] = []  # checks to begin once their window is painted


def check_soon(
    ctx: UiContext, parent: QWidget | None = None, then: Callable[[], object] | None = None
) -> BackgroundTask | None:
    """Run the open database's write check in the background, and `then` (writes that
    waited for it) on the same thread; the task, or None if no database is open."""
    from traumefokus.ui.background import BackgroundTask

    db = ctx.db
    if db is None:
        return None

    def check(_progress: object) -> None:
        db.pass_write_check()
        if then is not None:
            then()

    task = BackgroundTask(check)
    task.failed.connect(lambda error: _failed(ctx, parent, error))
    task.start()
    return task


def check_once_painted(
    ctx: UiContext, shown: QWidget, parent: QWidget, then: Callable[[], object]
) -> None:
    """`check_soon` once `shown` (the signed-in window's lists) is first painted, or after a
    second if it is not (a window started minimised), or when the program closes before
    (`start_waiting`): begun while the lists were painted, reading and decrypting the whole
    database made the user wait longer to see them. A write meanwhile runs the check first."""

    def start() -> None:
        if start in _waiting:  # the window may be gone (another user signed in): no parent
            _waiting.remove(start)
            check_soon(ctx, parent if shiboken6.isValid(parent) else None, then=then)

    _waiting.append(start)
    FirstPaint(shown).painted.connect(start)
    QTimer.singleShot(1000, start)


def start_waiting() -> None:
    """Begin the checks still waiting for a paint (the program is closing: their writes, the
    sign-in's entry among them, are not left out)."""
    for start in list(_waiting):
        start()


def _failed(ctx: UiContext, parent: QWidget | None, error: TraumefokusError | str) -> None:
    kind = error.code if isinstance(error, TraumefokusError) else error
    log.info("The database may not be written (%s)", kind)
    message = ctx.describe(error) if isinstance(error, TraumefokusError) else error
    box = QMessageBox(QMessageBox.Icon.Critical, "Traumefokus", message, parent=parent)
    box.finished.connect(lambda _result: _shown.remove(box) if box in _shown else None)
    _shown.append(box)
    box.open()
