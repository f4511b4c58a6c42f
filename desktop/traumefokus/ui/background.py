"""Long work (rendering and printing documents) on a thread of its own, so that the window
stays responsive: the work gets a `progress(done, total)` callback and may be cancelled; the
result, a typed error, or a bug's message come back as signals on the UI thread.

A task keeps itself alive until its thread has ended, whatever happens to the window that
started it (Qt aborts the program if a running thread is destroyed); `stop_all()` at exit
cancels and waits for what is left.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SIGNAL, QObject, QThread, Signal, Slot

from traumefokus.errors import TraumefokusError

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None]], Any]

_alive: set[BackgroundTask] = set()


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
        except Exception as error:  # a bug: logged with its type and place, said in one line
            log.exception("Background work failed")
            self.failed.emit(type(error).__name__)
        else:
            self.done.emit(result)
        finally:
            QThread.currentThread().quit()  # the thread ends with its work


class BackgroundTask(QObject):
    """One piece of work on its own thread. Connect the signals, then `start()`."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, work: Work) -> None:
        super().__init__()  # no parent: it must outlive a window closed while it runs
        self._stop = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("background")
        self._runner = _Runner(work, self._stop)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._thread.finished.connect(self._ended)  # queued: runs on the UI thread
        self._runner.progress.connect(self.progress)
        self._runner.done.connect(self.done)
        self._runner.failed.connect(self.failed)
        self._runner.cancelled.connect(self.cancelled)

    def start(self) -> None:
        _alive.add(self)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    @Slot()
    def _ended(self) -> None:
        self._thread.wait()
        _alive.discard(self)
        # Every result has been delivered (the thread's end is queued after them). Let the
        # slots go: one that names its own task (a window's "is this still my work?") would
        # otherwise hold the task, the window and the result in a cycle through Qt's
        # connections, which Python's garbage collector cannot see (a closed print preview
        # kept its PDF and pages for as long as the program ran).
        # (Asked by signature: QMetaMethod.fromSignal would itself keep the task alive.)
        for signature, signal in (
            ("progress(int,int)", self.progress),
            ("done(PyObject)", self.done),
            ("failed(PyObject)", self.failed),
            ("cancelled()", self.cancelled),
        ):
            if self.receivers(SIGNAL(signature)) > 0:
                signal.disconnect()

    def cancel(self) -> None:
        """Stop at the work's next progress report."""
        self._stop.set()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Cancel and wait for the thread to end; whether it did."""
        self.cancel()
        return self._thread.wait(milliseconds)


def stop_all(milliseconds: int = 30_000) -> None:
    """Cancel every task still running and wait for it (the program is closing)."""
    for task in list(_alive):
        task.wait(milliseconds)
    _alive.clear()
