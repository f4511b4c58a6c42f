"""A bug reaches the user as a dialog with details they can copy for their administrator,
and the log gets the same details: the error's type and where it happened, never its message
or any values (logs.py describe_bug)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from traumefokus.logs import describe_bug

log = logging.getLogger(__name__)


def crash_reporter(
    log_file: str | None,
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """A bug reaches the user as a dialog with details to copy; the program keeps running."""

    def report(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = describe_bug(value)  # type and place only: no client data, no values
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
