"""Saving drafts on a thread of their own, so that typing never waits for the disk.

The session screen hands over a copy of the draft; the saver keeps only the newest one per
session (an older one waiting is replaced) and saves in order. It reports back with signals,
which Qt delivers on the UI thread.

Each save names the version of the session it was typed over (`track`, then the version each
save returns), so that a save by someone else in between is a conflict (`conflict`), never
overwritten; after a conflict, drafts of that session are not saved until it is tracked anew
(the screen reloaded it).
"""

from __future__ import annotations

import copy
import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from traumefokus.domain.session_note import NoteDraft
from traumefokus.errors import Refused, TraumefokusError
from traumefokus.ui.context import UiContext

if TYPE_CHECKING:
    from traumefokus.services.acting import Acting

log = logging.getLogger(__name__)


class _Worker(QObject):
    saved = Signal(str, object)  # session id, moment saved
    failed = Signal(str, str)  # session id, message
    conflict = Signal(str, object)  # session id, the Refused error (who and when)
    wake = Signal()

    def __init__(self, saver: DraftSaver) -> None:
        super().__init__()
        self.saver = saver
        self.wake.connect(self.run)

    @Slot()
    def run(self) -> None:
        while (job := self.saver.take()) is not None:
            session_id, acting, draft, version = job
            ctx = self.saver.ctx
            try:
                from traumefokus.services.session_notes import save_draft

                saved = save_draft(acting, session_id, draft, version=version)
            except Refused as error:
                if error.code not in CONFLICTS:
                    self.saver.done(session_id, ctx.describe(error))
                    self.failed.emit(session_id, ctx.describe(error))
                    continue
                self.saver.done(session_id, ctx.describe(error), conflict=error)
                self.conflict.emit(session_id, error)
            except TraumefokusError as error:
                self.saver.done(session_id, ctx.describe(error))
                self.failed.emit(session_id, ctx.describe(error))
            except Exception as error:  # a bug: the draft stays in memory, say so
                log.exception("Saving the draft of %s failed", session_id)
                self.saver.done(session_id, type(error).__name__)
                self.failed.emit(session_id, type(error).__name__)
            else:
                self.saver.done(session_id, None, version=saved.version)
                self.saved.emit(session_id, saved.at)


CONFLICTS = ("db.conflict", "db.conflict_by")


class DraftSaver(QObject):
    saved = Signal(str, object)
    failed = Signal(str, str)
    conflict = Signal(str, object)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._lock = threading.Lock()
        self._pending: dict[str, tuple[Acting, NoteDraft]] = {}
        self._saving = False
        self._problems: dict[str, str] = {}  # session id: why its last save failed
        self._versions: dict[str, int] = {}  # session id: the version the next save names
        self._conflicts: dict[str, Refused] = {}  # session id: changed by someone else
        self._idle = threading.Condition(self._lock)
        self._thread = QThread()
        self._thread.setObjectName("draft-saver")
        self._worker = _Worker(self)
        self._worker.moveToThread(self._thread)
        self._worker.saved.connect(self.saved)
        self._worker.failed.connect(self.failed)
        self._worker.conflict.connect(self.conflict)
        self._thread.start()

    def track(self, session_id: str, version: int) -> None:
        """The session was (re)read at `version`: its drafts are saved over that one."""
        with self._lock:
            self._versions[session_id] = version
            self._conflicts.pop(session_id, None)
            self._problems.pop(session_id, None)

    def version(self, session_id: str) -> int | None:
        """The version of the session as this user last read or saved it."""
        with self._lock:
            return self._versions.get(session_id)

    def conflict_of(self, session_id: str) -> Refused | None:
        """Someone else's save that this user's drafts of the session would overwrite."""
        with self._lock:
            return self._conflicts.get(session_id)

    def request(self, session_id: str, draft: NoteDraft) -> None:
        """Save this draft soon, as the user signed in now; returns at once. Nothing is saved
        over a conflict: the text stays on the screen until the session is reloaded."""
        with self._lock:
            if session_id in self._conflicts:
                return
            self._pending[session_id] = (self.ctx.acting, copy.deepcopy(draft))
        self._worker.wake.emit()

    def take(self) -> tuple[str, Acting, NoteDraft, int | None] | None:
        with self._lock:
            if not self._pending:
                return None
            session_id, (acting, draft) = next(iter(self._pending.items()))
            del self._pending[session_id]
            self._saving = True
            return session_id, acting, draft, self._versions.get(session_id)

    def done(
        self,
        session_id: str,
        problem: str | None,
        *,
        version: int | None = None,
        conflict: Refused | None = None,
    ) -> None:
        with self._lock:
            self._saving = False
            if problem is None:
                self._problems.pop(session_id, None)
            else:
                self._problems[session_id] = problem
            if version is not None and session_id in self._versions:
                self._versions[session_id] = version
            if conflict is not None:
                self._conflicts[session_id] = conflict
                self._pending.pop(session_id, None)
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
