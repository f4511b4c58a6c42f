"""Saving drafts on a thread of their own, so that typing never waits for the disk.

The session screen hands over a copy of the draft; the saver keeps only the newest one per
session (an older one waiting is replaced) and saves in order. It reports back with signals,
which Qt delivers on the UI thread.
"""

from __future__ import annotations

import copy
import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from traumefokus.domain.session_note import NoteDraft
from traumefokus.errors import TraumefokusError
from traumefokus.ui.context import UiContext

if TYPE_CHECKING:
    from traumefokus.services.acting import Acting

log = logging.getLogger(__name__)


class _Worker(QObject):
    saved = Signal(str, object)  # session id, moment saved
    failed = Signal(str, str)  # session id, message
    wake = Signal()

    def __init__(self, saver: DraftSaver) -> None:
        super().__init__()
        self.saver = saver
        self.wake.connect(self.run)

    @Slot()
    def run(self) -> None:
        while (job := self.saver.take()) is not None:
            session_id, acting, draft = job
            ctx = self.saver.ctx
            try:
                from traumefokus.services.session_notes import save_draft

                moment = save_draft(acting, session_id, draft)
            except TraumefokusError as error:
                self.saver.done(session_id, ctx.describe(error))
                self.failed.emit(session_id, ctx.describe(error))
            except Exception as error:  # a bug: the draft stays in memory, say so
                log.exception("Saving the draft of %s failed", session_id)
                self.saver.done(session_id, type(error).__name__)
                self.failed.emit(session_id, type(error).__name__)
            else:
                self.saver.done(session_id, None)
                self.saved.emit(session_id, moment)


class DraftSaver(QObject):
    saved = Signal(str, object)
    failed = Signal(str, str)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._lock = threading.Lock()
        self._pending: dict[str, tuple[Acting, NoteDraft]] = {}
        self._saving = False
        self._problems: dict[str, str] = {}  # session id: why its last save failed
        self._idle = threading.Condition(self._lock)
        self._thread = QThread()
        self._thread.setObjectName("draft-saver")
        self._worker = _Worker(self)
        self._worker.moveToThread(self._thread)
        self._worker.saved.connect(self.saved)
        self._worker.failed.connect(self.failed)
        self._thread.start()

    def request(self, session_id: str, draft: NoteDraft) -> None:
        """Save this draft soon, as the user signed in now; returns at once."""
        with self._lock:
            self._pending[session_id] = (self.ctx.acting, copy.deepcopy(draft))
        self._worker.wake.emit()

    def take(self) -> tuple[str, Acting, NoteDraft] | None:
        with self._lock:
            if not self._pending:
                return None
            session_id, (acting, draft) = next(iter(self._pending.items()))
            del self._pending[session_id]
            self._saving = True
            return session_id, acting, draft

    def done(self, session_id: str, problem: str | None) -> None:
        with self._lock:
            self._saving = False
            if problem is None:
                self._problems.pop(session_id, None)
            else:
                self._problems[session_id] = problem
            self._idle.notify_all()

    def problem(self, session_id: str) -> str | None:
        """Why the last save of this session's draft failed; None once it is saved."""
        with self._lock:
            return self._problems.get(session_id)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every draft handed over is saved (before the program closes)."""
        with self._lock:
            return self._idle.wait_for(lambda: not self._pending and not self._saving, timeout)

    def stop(self) -> None:
        self.flush()
        self._thread.quit()
        self._thread.wait(5000)
