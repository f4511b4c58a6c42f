"""Drivers a real Traumefokus process runs when TRAUMEFOKUS_TEST_DRIVER names them (the kill
test). They act as a user would, through the windows, and report on stdout."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character, as a keyboard would send them (QTest cannot type
    characters outside ASCII such as a dash)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _when_ready(startup: object, then: Callable[[], None]) -> None:
    """Wait until the main window has opened the database and loaded its data."""

    def check() -> None:
        window = getattr(startup, "main_window", None)
        if not startup.settled or window is None or startup.ctx.db is None:
            QTimer.singleShot(50, check)
            return
        then()

    QTimer.singleShot(0, check)


def type_and_report(startup: object) -> None:
    """Open the session in KILL_SESSION, type KILL_TEXT into the check-in, and print
    DRAFT SAVED once the draft is on disk."""

    def act() -> None:
        window = startup.main_window
        window.open_session(os.environ["KILL_SESSION"])
        window.saver.saved.connect(lambda *_: print("DRAFT SAVED", flush=True))
        type_text(window.runner.pages[0].feeling, os.environ["KILL_TEXT"])

    _when_ready(startup, act)


def report_recovered(startup: object) -> None:
    """Print what the session screen shows after the start, then quit."""

    def act() -> None:
        runner = startup.main_window.runner
        print("NOTICE:", runner.notice.text() if runner else "-", flush=True)
        print("FEELING:", runner.pages[0].feeling.toPlainText() if runner else "-", flush=True)
        QApplication.quit()

    _when_ready(startup, act)
