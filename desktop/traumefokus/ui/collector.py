"""Python's garbage collector, run on the UI thread only.

A window or a widget caught in a reference cycle is freed by the cyclic collector, which
runs wherever Python happens to allocate: on a thread that saves drafts or renders a PDF,
destroying a Qt object there brings the program down. So automatic collection is off while
the program runs, and a timer on the UI thread collects each generation when it is as full
as the collector itself would have waited for (the well-known recipe of Spyder and Calibre).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        gc.disable()
        self.timer.start()

    def collect(self) -> None:
        collect_due(self.thresholds)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


def collect_due(thresholds: tuple[int, ...]) -> None:
    """Collect the oldest generation that is due, as the automatic collector would."""
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return
