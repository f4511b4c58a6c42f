"""When the session screen hands its draft to the saver (ui/draft_saver.py), and what it says
about it: 1.5 s after the last keystroke (`timer`), every half minute of the clock alone while
nothing is typed (`due`), and the words in the footer ("Saving…", "Saved 10:42:07", "Not saved:
…"). Also the session and point to reopen at the next sign-in if the program dies.

The clock is read through `now` (seconds, monotonic), which the session screen passes in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from traumefokus.domain.session_note import NoteDraft
from traumefokus.ui.context import UiContext, save_settings
from traumefokus.ui.draft_saver import DraftSaver
from traumefokus.ui.style import hint

SAVE_DELAY_MS = 1500  # after the last keystroke: well inside the two seconds promised
PERIODIC_SAVE_S = 30  # the clock's seconds are saved this often while nothing is typed


class DraftAutosave(QObject):
    """`timer` runs `save` once typing pauses; `label` is the footer's word on saving."""

    def __init__(
        self,
        ctx: UiContext,
        saver: DraftSaver,
        save: Callable[[], None],
        now: Callable[[], float],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saver = saver
        self.now = now
        self.session_id: str | None = None  # the session on screen
        self.last_saved = 0.0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(save)
        self.label = hint("")
        self.label.setWordWrap(False)  # one line: "Saved 10:42:07" never moves the page
        saver.saved.connect(self._saved)
        saver.failed.connect(self._failed)
        saver.conflict.connect(lambda session_id, _error: self._held_back(session_id))

    def follow(self, session_id: str | None) -> None:
        """Save and report for this session from now on (None: no session on screen)."""
        self.session_id = session_id
        self.label.setText("")
        self.last_saved = self.now()

    def stop(self) -> None:
        """No session on screen: saves are not reported any more."""
        self.session_id = None

    def edited(self) -> None:
        self.timer.start()  # restarts: saves 1.5 s after the last keystroke

    def due(self) -> bool:
        """Time to save the clock's seconds, with no keystroke waiting to be saved."""
        return self.now() - self.last_saved > PERIODIC_SAVE_S and not self.timer.isActive()

    def hand_over(self, session_id: str, draft: NoteDraft) -> None:
        """Save `draft` of the session now, on the saver's thread."""
        self.timer.stop()
        self.last_saved = self.now()
        if self.saver.conflict_of(session_id) is not None:
            self._held_back(session_id)  # nothing is saved over someone else's change
            return
        self.saver.request(session_id, draft)
        self.label.setWordWrap(False)
        self.label.setText(self.tr("Saving…"))

    def _saved(self, session_id: str, moment: datetime) -> None:
        if self.session_id is not None and session_id == self.session_id:
            self.label.setText(
                self.tr("Saved %1").replace("%1", moment.astimezone().strftime("%H:%M:%S"))
            )

    def _held_back(self, session_id: str) -> None:
        if self.session_id is not None and session_id == self.session_id:
            self.label.setText(self.tr("Not saved (see above)"))

    def _failed(self, session_id: str, message: str) -> None:
        if self.session_id is not None and session_id == self.session_id:
            self.label.setWordWrap(True)  # the whole of a problem, on a small screen too
            self.label.setText(
                self.tr("Not saved: %1 – the text is kept here; Ctrl+S tries again.").replace(
                    "%1", message
                )
            )

    def remember_open(self, point: str) -> None:
        """The session on screen and its agenda point, for this user only: after a crash
        their next sign-in reopens it there."""
        self.ctx.mine.set("open_session", {"session": self.session_id, "point": point})
        save_settings(self.ctx)

    def forget_open(self) -> None:
        self.ctx.mine.set("open_session", None)
        save_settings(self.ctx)
