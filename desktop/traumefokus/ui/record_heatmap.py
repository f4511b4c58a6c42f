"""The supervision overview's record-based format items as a chart: per item a block of rows,
one per therapist, one cell per month coloured by the share of sessions that met the item
(warm and dark: few met; blue: all met; blank: no session), and the whole period at the end.
Each cell's counts are in its tooltip; the same figures are in the tables below the chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QLocale, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from traumefokus.domain.record_chart import Tally
from traumefokus.ui.theme import chart_colours

LOW = QColor("#9a3b1b")  # none met
MIDDLE = QColor("#f3e6cc")  # half met
HIGH = QColor("#1f4e5f")  # all met
ROW = 20  # the least heights: more where the type is larger (see RecordHeatmap.sizes)
TITLE = 22
HEADER = 34
LEGEND = 30
GAP = 4
TOTAL_WIDTH = 64  # the whole period's cell


def shade(share: float) -> QColor:
    """The colour of a share met: LOW at none, MIDDLE at half, HIGH at all."""
    share = min(max(share, 0.0), 1.0)
    start, end, part = (LOW, MIDDLE, share * 2) if share < 0.5 else (MIDDLE, HIGH, share * 2 - 1)
    return QColor(
        round(start.red() + (end.red() - start.red()) * part),
        round(start.green() + (end.green() - start.green()) * part),
        round(start.blue() + (end.blue() - start.blue()) * part),
    )


def ink_on(fill: QColor) -> QColor:
    """Dark text on a light cell, white on a dark one."""
    light = 0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue()
    return QColor("#1b1b1b") if light > 150 else QColor("white")


@dataclass(frozen=True)
class HeatRow:
    label: str  # the therapist
    months: tuple[Tally, ...]
    total: Tally


@dataclass(frozen=True)
class HeatBlock:
    title: str  # the item
    rows: tuple[HeatRow, ...]


class RecordHeatmap(QWidget):
    """Blocks of rows of cells, one per month; `texts(tally)` says a tally in words (the
    tooltip), `share(value)` writes a share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blocks: tuple[HeatBlock, ...] = ()
        self.months: tuple[date, ...] = ()
        self.language_locale = QLocale()
        self.words: dict[str, str] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_blocks(
        self,
        blocks: tuple[HeatBlock, ...],
        months: tuple[date, ...],
        locale: QLocale,
        words: dict[str, str],
    ) -> None:
        """`words`: "total" (the last column's heading), "cell" (a tooltip, with %1 the
        therapist, %2 the item, %3 the month, %4 met, %5 not met, %6 cannot tell, %7 the
        share met), "none" (no session), "legend_low", "legend_high", "legend_empty"."""
        self.blocks, self.months, self.language_locale, self.words = blocks, months, locale, words
        self.setFixedHeight(self._height())
        self.update()

    def sizes(self) -> tuple[int, int, int, int]:
        """A row's, a block title's and the header's heights and a line of text's: never
        less than ROW, TITLE and HEADER, more where the type is larger."""
        line = self.fontMetrics().height()
        return max(ROW, line + 6), max(TITLE, line + 6), max(HEADER, 2 * line + 2), line

    def _height(self) -> int:
        row, title, header, _line = self.sizes()
        rows = sum(title + len(b.rows) * row + GAP for b in self.blocks)
        return header + rows + LEGEND

    def sizeHint(self) -> QSize:
        return QSize(640, self._height())

    # --- geometry -----------------------------------------------------------------------
    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(r.label) for b in self.blocks for r in b.rows), default=0
        )
        return min(widest + 14, int(self.width() * 0.3))

    def _cell_width(self) -> float:
        room = self.width() - self._label_width() - TOTAL_WIDTH - 8
        return max(room / max(len(self.months), 1), 2.0)

    def _cells(self) -> list[tuple[QRectF, HeatBlock, HeatRow, int | None]]:
        """Every cell: its rectangle, block, row and month (None: the whole period)."""
        found: list[tuple[QRectF, HeatBlock, HeatRow, int | None]] = []
        left, width = self._label_width(), self._cell_width()
        high, title, y, _line = self.sizes()
        for block in self.blocks:
            y += title
            for row in block.rows:
                for index in range(len(self.months)):
                    rect = QRectF(left + index * width, y + 2, width, high - 4)
                    found.append((rect, block, row, index))
                end = left + len(self.months) * width + 8
                found.append((QRectF(end, y + 2, TOTAL_WIDTH - 8, high - 4), block, row, None))
                y += high
            y += GAP
        return found

    # --- drawing -------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        text = self.palette().windowText().color()
        metrics = painter.fontMetrics()
        left, width = self._label_width(), self._cell_width()
        self._paint_header(painter, left, width)
        bold = QFont(self.font())
        bold.setBold(True)
        high, title, y, _line = self.sizes()
        for block in self.blocks:
            painter.setFont(bold)
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y, self.width(), title),
                Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                block.title,
            )
            painter.setFont(self.font())
            y += title
            for row in block.rows:
                label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, left - 10)
                painter.setPen(text)
                painter.drawText(
                    QRectF(0, y, left - 10, high),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    label,
                )
                y += high
            y += GAP
        for rect, _block, row, index in self._cells():
            tally = row.total if index is None else row.months[index]
            self._paint_cell(painter, rect, tally, wide=index is None)
        self._paint_legend(painter, left)
        painter.end()

    def _paint_header(self, painter: QPainter, left: int, width: float) -> None:
        painter.setPen(self.palette().windowText().color())
        _row, _title, header, line = self.sizes()
        months_shown = width >= 30
        for index, month in enumerate(self.months):
            x = left + index * width
            if months_shown:
                name = self.language_locale.standaloneMonthName(
                    month.month, QLocale.FormatType.ShortFormat
                )
                painter.drawText(
                    QRectF(x, 0, width, line), Qt.AlignmentFlag.AlignHCenter, name.rstrip(".")
                )
            if month.month == 1 or (index == 0 and (13 - month.month) * width >= 36):
                painter.drawText(
                    QRectF(x + 1, line, 60, line), Qt.AlignmentFlag.AlignLeft, str(month.year)
                )
                painter.setPen(QPen(chart_colours()["empty"], 1))
                painter.drawLine(QPoint(int(x), line), QPoint(int(x), header))
                painter.setPen(self.palette().windowText().color())
        total_x = left + len(self.months) * width + 8
        painter.drawText(
            QRectF(total_x, 0, TOTAL_WIDTH, header - 2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
            self.words.get("total", ""),
        )

    def _paint_cell(self, painter: QPainter, rect: QRectF, tally: Tally, *, wide: bool) -> None:
        share = tally.share_met
        inner = rect.adjusted(1, 0, -1, 0) if rect.width() >= 8 else rect  # narrow: touching
        if share is None:
            if rect.width() < 8:  # ten years of months: a blank, not a row of outlines
                return
            painter.setPen(QPen(chart_colours()["empty"], 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(inner.adjusted(0.5, 0.5, -0.5, -0.5))
            if tally.sessions and rect.width() >= 30:  # only sessions that cannot be told
                painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, "?")
            return
        fill = shade(share)
        painter.fillRect(inner, fill)
        if rect.width() >= 30 or wide:
            painter.setPen(ink_on(fill))
            painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, self._percent(share))

    def _percent(self, share: float) -> str:
        number = self.language_locale.toString(round(share * 100))
        return (
            f"{number} %"
            if self.language_locale.language() == QLocale.Language.Danish
            else f"{number}%"
        )

    def _paint_legend(self, painter: QPainter, left: int) -> None:
        y = self.height() - LEGEND + 8
        muted = chart_colours()["muted"]
        painter.setPen(muted)
        low = self.words.get("legend_low", "")
        painter.drawText(
            QRectF(0, y, left - 6, 14),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            low,
        )
        steps = 20
        for step in range(steps):
            painter.fillRect(QRectF(left + step * 6, y + 1, 6, 12), shade(step / (steps - 1)))
        x = left + steps * 6 + 6
        high = self.words.get("legend_high", "")
        painter.drawText(QRectF(x, y, 200, 14), Qt.AlignmentFlag.AlignVCenter, high)
        x += painter.fontMetrics().horizontalAdvance(high) + 18
        painter.setPen(QPen(chart_colours()["empty"], 1))
        painter.drawRect(QRectF(x, y + 1.5, 14, 11))
        painter.setPen(muted)
        empty = self.words.get("legend_empty", "")
        width = painter.fontMetrics().horizontalAdvance(empty) + 4  # never cut: Danish is longer
        painter.drawText(QRectF(x + 20, y, width, 14), Qt.AlignmentFlag.AlignVCenter, empty)

    # --- tooltips ------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tip_at(self, pos: QPoint) -> str:
        for rect, block, row, index in self._cells():
            if rect.contains(pos.toPointF()):
                tally = row.total if index is None else row.months[index]
                when = self.words.get("total", "") if index is None else self._month(index)
                if not tally.sessions:
                    return f"{row.label} · {block.title} · {when}: {self.words.get('none', '')}"
                return (
                    self.words.get("cell", "")
                    .replace("%1", row.label)
                    .replace("%2", block.title)
                    .replace("%3", when)
                    .replace("%4", self.language_locale.toString(tally.met))
                    .replace("%5", self.language_locale.toString(tally.not_met))
                    .replace("%6", self.language_locale.toString(tally.cannot_tell))
                    .replace("%7", self._share(tally))
                )
        return ""

    def _share(self, tally: Tally) -> str:
        return "–" if tally.share_met is None else self._percent(tally.share_met)

    def _month(self, index: int) -> str:
        month = self.months[index]
        return f"{self.language_locale.standaloneMonthName(month.month)} {month.year}"
