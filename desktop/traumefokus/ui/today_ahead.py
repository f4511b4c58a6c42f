"""The Today list's data, read on a thread of its own while the signed-in window is built on
the UI thread: the first queries of a start read cold pages, which SQLCipher decrypts in C
without the GIL, so the reading and the building overlap instead of following each other.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from traumefokus.services.acting import Acting
    from traumefokus.services.overview import OverdueNote
    from traumefokus.services.session_notes import TodayRow
    from traumefokus.services.supervision_comments import UnreadComment


@dataclass(frozen=True)
class TodayLists:
    day: date
    overdue: list[OverdueNote]
    rows: list[TodayRow]
    unread: list[UnreadComment]


def today_lists(acting: Acting, day: date) -> TodayLists:
    from traumefokus.services.overview import overdue_notes
    from traumefokus.services.session_notes import todays_sessions
    from traumefokus.services.supervision_comments import unread_comments

    return TodayLists(
        day, overdue_notes(acting, day), todays_sessions(acting, day), unread_comments(acting)
    )


class TodayAhead:
    """`today_lists(acting, day)` on a thread; `lists()` waits for it and gives its result,
    or raises its error on the UI thread, where it is said as any reading's error is."""

    def __init__(self, acting: Acting, day: date) -> None:
        self._lists: TodayLists | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(acting, day), name="today-ahead", daemon=True
        )
        self._thread.start()

    def _run(self, acting: Acting, day: date) -> None:
        try:
            self._lists = today_lists(acting, day)
        except BaseException as error:  # handed to the UI thread
            self._error = error

    def lists(self) -> TodayLists:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._lists is not None
        return self._lists
