"""Long work (rendering and printing documents) on a thread of its own, so that the window
stays responsive: the work gets a `progress(done, total)` callback and may be cancelled; the
result, a typed error's message, or a bug's message come back as signals on the UI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from traumefokus.errors import TraumefokusError

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None]], Any]


class Cancelled(Exception):
    """Raised inside the work by its progress callback once the user has cancelled."""


class _Runner(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)  # a TraumefokusError, or the text of a bug
    cancelled = Signal()

    def __init__(self, work: Work, stop: threading.Event) -> None:
        super().__init__()
        self.work = work
        self.stop = stop

    @Slot()
    def run(self) -> None:
        def report(done: int, total: int) -> None:
            if self.stop.is_set():
                raise Cancelled
            self.progress.emit(done, total)

        try:
            result = self.work(report)
        except Cancelled:
            self.cancelled.emit()
        except TraumefokusError as error:
            self.failed.emit(error)
        except Exception as error:  # a bug: logged with its trace, reported in one line
            log.exception("Background work failed")
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.done.emit(result)


class BackgroundTask(QObject):
    """One piece of work on its own thread. Connect the signals, then `start()`."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()  # after any of done, failed, cancelled

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("background")
        self._runner = _Runner(work, self._stop)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progress.connect(self.progress)
        for signal, relay in (
            (self._runner.done, self.done),
            (self._runner.failed, self.failed),
            (self._runner.cancelled, self.cancelled),
        ):
            signal.connect(relay)
            signal.connect(self._end)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, milliseconds: int = 30_000) -> None:
        """Stop as soon as the work allows and wait for the thread (closing a window)."""
        self.cancel()
        self._thread.quit()
        self._thread.wait(milliseconds)

    def _end(self, *_args: object) -> None:
        self._thread.quit()
        self._thread.wait()
        self.finished.emit()
