"""The agenda and the clock of the session screen: a button per agenda point with the time spent
on it against its target (over the target in another ink), the session's time against its
length, and the pace hint. While the clock runs, the seconds count on the point on screen.

The clock is read through `now` (seconds, monotonic), which the session screen passes in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from traumefokus.domain.content import AgendaPoint
from traumefokus.domain.pace import hint, over_target
from traumefokus.ui.context import UiContext
from traumefokus.ui.pace_strip import PaceStrip, hint_words
from traumefokus.ui.theme import set_tint, tinted

AGENDA_BUTTON = "padding: 7px;"
# The point now: the "chosen" tint, bold; a point over its target: the "over_time" ink
CHOSEN = " QPushButton:checked { %s font-weight: bold; }"


def minutes_seconds(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class AgendaClock(QObject):
    """The buttons go in `row`, the session's time in `label`, the hint in `pace_hint`;
    `chosen` says which point's button was clicked; `ticker` beats each second."""

    chosen = Signal(int)

    def __init__(self, ctx: UiContext, now: Callable[[], float], parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = now
        self.row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        self.label = QLabel()
        self.label.setToolTip(self.tr("Time in this session, against its length"))
        self.pace_hint = PaceStrip()  # a fixed place: a hint never moves the point's fields
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.agenda: tuple[AgendaPoint, ...] = ()
        self.minutes = 0
        self.seconds: dict[str, int] = {}  # the draft's seconds per agenda point
        self.timing = False  # the clock counts (not when a past note is written up)
        self._tick_at = now()
        self._carry = 0.0

    def show_agenda(
        self, agenda: tuple[AgendaPoint, ...], minutes: int, seconds: dict[str, int]
    ) -> None:
        """A button per point of a note's agenda; `minutes` is the session's length, `seconds`
        the draft's time per point, where the clock counts."""
        for button in self.buttons:
            self.row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.agenda, self.minutes, self.seconds = agenda, minutes, seconds
        for index in range(len(agenda)):
            button = QPushButton()
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked, i=index: self.chosen.emit(i))
            self.row.addWidget(button)
            self.buttons.append(button)

    def start(self) -> None:
        """The clock counts from now on (while `timing`)."""
        self._tick_at = self.now()
        self._carry = 0.0

    def account(self, current: int) -> None:
        """Add the whole seconds since the last look at the clock to the point `current`."""
        now = self.now()
        elapsed, self._tick_at = now - self._tick_at, now
        if not self.timing or not self.agenda:
            return
        self._carry += elapsed
        whole = int(self._carry)
        if whole:
            self._carry -= whole
            point = self.agenda[current].id
            self.seconds[point] = self.seconds.get(point, 0) + whole

    def show(self, current: int) -> None:
        """The point `current` on screen, the time of each point and of the session, and the
        pace hint."""
        seconds = self.seconds
        for i, (point, button) in enumerate(zip(self.agenda, self.buttons, strict=True)):
            button.setChecked(i == current)
            spent = seconds.get(point.id, 0)
            button.setText(
                f"{self._title(point)}  {minutes_seconds(spent)} / {point.target_minutes}"
            )
            over = "over_time" if over_target(point, spent) else None
            chosen = CHOSEN % tinted("chosen", "")  # the clock's tick redoes it in a new scheme
            set_tint(button, over, AGENDA_BUTTON, "QPushButton", chosen)
        total = sum(seconds.values())
        self.label.setText(
            self.tr("%1 of %2 min")
            .replace("%1", minutes_seconds(total))
            .replace("%2", str(self.minutes))
        )
        if not self.timing or not self.agenda:
            self.pace_hint.show_hint("")
            return
        point = self.agenda[current]
        found = hint(self.agenda, seconds, point.id, self.minutes)
        self.pace_hint.show_hint(hint_words(found, self._title(point), self.ctx.lang))

    def _title(self, point: AgendaPoint) -> str:
        return point.title_en if self.ctx.lang == "en" else point.title
