"""The supervision overview's charts on screen, drawn with QPainter (PySide6-Essentials has
no QtCharts): horizontal bars with their values, and the minutes per agenda point (the middle
half of the sessions as a box, the median as a bar) against the target and the maximum."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from traumefokus.ui.theme import chart_colours

ROW = 24


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as shown


class BarChart(QWidget):
    """One horizontal bar per label; `most` is the value of a full bar (else the largest)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: tuple[Bar, ...] = ()
        self.most: float | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[Bar], most: float | None = None) -> None:
        self.bars, self.most = tuple(bars), most
        self.setFixedHeight(max(len(self.bars), 1) * ROW + 8)
        self.setAccessibleDescription("; ".join(f"{b.label}: {b.text}" for b in self.bars))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, max(len(self.bars), 1) * ROW + 8)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        width = self.width()
        label_width = min(max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0)
                          + 12, int(width * 0.42))  # fmt: skip
        value_width = max((metrics.horizontalAdvance(b.text) for b in self.bars), default=0) + 12
        room = max(width - label_width - value_width, 10)
        top = max([self.most or 0.0, *(b.value for b in self.bars)]) or 1.0
        text = self.palette().windowText().color()
        colours = chart_colours()  # the scheme's: readable on a dark window too
        for index, bar in enumerate(self.bars):
            y = 4 + index * ROW
            painter.setPen(text)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRectF(0, y, label_width - 8, ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
            track = QRectF(label_width, y + 5, room, ROW - 10)
            painter.fillRect(track, colours["shade"])
            length = room * max(bar.value, 0.0) / top
            painter.fillRect(QRectF(label_width, y + 5, length, ROW - 10), colours["accent"])
            painter.drawText(
                QRectF(label_width + room + 6, y, value_width, ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                bar.text,
            )
        painter.end()


@dataclass(frozen=True)
class Spread:
    label: str
    q1: float | None
    median: float | None
    q3: float | None
    target: float
    maximum: float


class AgendaChart(QWidget):
    """Minutes per agenda point: the box is the middle half of the sessions, the dark bar
    the median, the triangle the target, the red line the maximum."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[Spread, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: Sequence[Spread]) -> None:
        self.rows = tuple(rows)
        self.setFixedHeight(self._height())
        self.update()

    def _height(self) -> int:
        return max(len(self.rows), 1) * ROW + 30

    def sizeHint(self) -> QSize:
        return QSize(520, self._height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        width = self.width()
        label_width = min(max((metrics.horizontalAdvance(r.label) for r in self.rows), default=0)
                          + 12, int(width * 0.4))  # fmt: skip
        room = max(width - label_width - 16, 10)
        top = (
            max([r.maximum * 1.15 for r in self.rows] + [(r.q3 or 0) * 1.05 for r in self.rows])
            if self.rows
            else 1.0
        )

        def x(minutes: float) -> float:
            return label_width + room * min(minutes, top) / top

        text = self.palette().windowText().color()
        colours = chart_colours()  # the scheme's: readable on a dark window too
        for index, row in enumerate(self.rows):
            y = 4 + index * ROW
            middle = y + ROW / 2
            painter.setPen(text)
            label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRectF(0, y, label_width - 8, ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
            painter.setPen(QPen(colours["shade"], 1))
            painter.drawLine(QPointF(label_width, middle), QPointF(label_width + room, middle))
            if row.q1 is not None and row.q3 is not None and row.median is not None:
                half = QRectF(x(row.q1), middle - 6, max(x(row.q3) - x(row.q1), 2), 12)
                painter.fillRect(half, colours["soft"])
                painter.fillRect(QRectF(x(row.median) - 1.5, middle - 9, 3, 18), colours["median"])
            target = x(row.target)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours["accent"])
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(target - 5, middle + 11),
                        QPointF(target + 5, middle + 11),
                        QPointF(target, middle + 4),
                    ]
                )
            )
            painter.setPen(QPen(colours["warn"], 2))
            painter.drawLine(
                QPointF(x(row.maximum), middle - 9), QPointF(x(row.maximum), middle + 9)
            )
        scale_y = 4 + len(self.rows) * ROW + 4
        step = 5 if top <= 30 else 10
        painter.setPen(colours["muted"])
        tick = 0
        while tick <= top:
            painter.drawLine(QPointF(x(tick), scale_y), QPointF(x(tick), scale_y + 4))
            painter.drawText(
                QRectF(x(tick) - 20, scale_y + 4, 40, 18), Qt.AlignmentFlag.AlignHCenter, str(tick)
            )
            tick += step
        painter.end()
