"""Windows that fit the screen they open on, down to a 1024x600 netbook, and table headers
that are never cut off.

Every top-level window and dialog calls `fit_on_show(self)` once it is built: when it first
shows, it keeps the size it asked for (its layout's, or one given with `resize()`) but never
more than the room on its screen. Long forms keep their minimum size small by scrolling
(`ScrollBody`), so that the buttons below them stay on the screen.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QScrollArea,
    QStyle,
    QTableView,
    QWidget,
)

# What a window manager adds around a window: borders, and a title bar above it.
FRAME = QSize(12, 40)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen (or the primary screen) that windows may use."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room(widget: QWidget | None = None) -> QSize:
    """The largest size a window's contents can have on the widget's screen."""
    size = available_geometry(widget).size() - FRAME
    return size.expandedTo(QSize(320, 240))


def fit_to_screen(window: QWidget, wanted: QSize | None = None) -> None:
    """Resize `window` to `wanted` (else the size it was given, else what its layout asks
    for), never larger than the room on its screen nor smaller than its layout allows."""
    for body in window.findChildren(ScrollBody):
        body.updateGeometry()  # its contents were filled in after it was made
    layout = window.layout()
    if layout is not None:
        layout.activate()
    if wanted is None:
        resized = window.testAttribute(Qt.WidgetAttribute.WA_Resized)
        wanted = window.size() if resized else window.sizeHint()
    size = wanted.boundedTo(room(window)).expandedTo(window.minimumSizeHint())
    window.resize(size.expandedTo(window.minimumSize()))


class _FitOnShow(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            fit_to_screen(watched)
            self.deleteLater()
        return False


def fit_on_show(window: QWidget) -> None:
    """Fit `window` to its screen the first time it shows (after everything in it is built
    and any `resize()` it asked for); a dialog then centres itself on its parent."""
    window.installEventFilter(_FitOnShow(window))


class ScrollBody(QScrollArea):
    """A scrolling frame for a form: as large as its contents where there is room, and
    able to shrink to a few lines on a small screen (then it scrolls)."""

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._body = body  # never replaced: what widget() returns
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the form grew (rows are added after the frame is made)
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        body = self._body.sizeHint()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(body.width() + bar, body.height()) + QSize(2, 2) * self.frameWidth()

    def minimumSizeHint(self) -> QSize:
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = self._body.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(width, min(self.sizeHint().height(), 5 * self.fontMetrics().height()))


class _WholeHeaders(QObject):
    """Columns fill a table's width, each as wide as its contents where there is room, and
    none narrower than its title: on a narrow screen the table scrolls sideways instead."""

    SAMPLE = 200  # rows measured for the contents' widths

    def __init__(
        self,
        view: QAbstractItemView,
        header: QHeaderView,
        free: tuple[int, ...] | None,
        stretch: int | None = None,
    ) -> None:
        super().__init__(view)
        self.view, self.header = view, header
        self.free = None if free is None else frozenset(free)
        self.stretch = stretch  # the column that takes the room left over, if any
        self.minimums: list[int] = []
        self.wanted: list[int] = []
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.headerDataChanged, model.layoutChanged):
            signal.connect(self.measure)
        self.measure()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.arrange()
        return False

    def measure(self) -> None:
        """The titles' and the contents' widths (of the first rows), then the arrangement."""
        if not shiboken6.isValid(self.view):  # a QTableWidget's model outlives its view
            return
        header, model = self.header, self.view.model()
        style = header.style()
        margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 12
        if header.isSortIndicatorShown():
            margin += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + 8
        titles, cells = header.fontMetrics(), self.view.fontMetrics()
        rows = min(model.rowCount(), self.SAMPLE)
        self.minimums, self.wanted = [], []
        for column in range(header.count()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            least = titles.horizontalAdvance(title.replace("&", "")) + margin
            least = max(least, header.minimumSectionSize())  # Qt widens a narrower one
            widest = max(
                (self._advance(model.index(row, column), cells) for row in range(rows)),
                default=0,
            )
            self.minimums.append(least)
            self.wanted.append(max(least, widest + 16))
        self.arrange()

    def _advance(self, index: QModelIndex, cells: QFontMetrics) -> int:
        """The width of a cell's text in its own font (a bold row is wider)."""
        font = index.data(Qt.ItemDataRole.FontRole)
        if isinstance(font, QFont):
            cells = QFontMetrics(font.resolve(self.view.font()))
        return cells.horizontalAdvance(str(index.data() or ""))

    def arrange(self) -> None:
        if len(self.minimums) != self.header.count():
            self.measure()
            return
        total = self.view.viewport().width()
        stretching = self.stretch is not None and self.stretch < len(self.wanted)
        if stretching and total > sum(self.wanted):  # (a table may have no columns yet)
            widths = list(self.wanted)
            widths[self.stretch or 0] += total - sum(widths)
        else:
            widths = share(total, self.minimums, self.wanted, self.free)
        for column, width in enumerate(widths):
            if self.header.sectionSize(column) != width:
                self.header.resizeSection(column, width)


def share(
    total: int,
    minimums: list[int],
    wanted: list[int] | None = None,
    free: frozenset[int] | set[int] | None = None,
) -> list[int]:
    """Widths that add up to `total`: each column its `wanted` width and an equal part of
    what is left over. With too little room, the `free` columns (free text, which elides)
    give up what they want above their minimums first, each the same fraction; only then
    do the others (a time, a code, a number: whole or useless) give up room in the same
    way. Never below the minimums (the table then scrolls). No `free`: all are free."""
    wanted = wanted or minimums
    if not minimums:
        return []
    free = set(range(len(minimums))) if free is None else set(free)
    least, most = sum(minimums), sum(wanted)
    if total <= least:
        return list(minimums)
    if total < most:
        # the fixed columns keep `wanted` while the free ones can give up enough
        pairs = enumerate(zip(minimums, wanted, strict=True))
        floor = [m if c in free else w for c, (m, w) in pairs]
        if total < sum(floor):
            low, high = minimums, floor  # the free ones at their minimums, the rest shrink
        else:
            low, high = floor, wanted
        ratio = (total - sum(low)) / ((sum(high) - sum(low)) or 1)
        widths = [m + int((w - m) * ratio) for m, w in zip(low, high, strict=True)]
    else:
        extra = (total - most) // len(wanted)
        widths = [w + extra for w in wanted]
    widths[-1] += total - sum(widths)
    return widths


def keep_headers_whole(
    view: QTableView, free: tuple[int, ...] | None = None, stretch: int | None = None
) -> _WholeHeaders:
    """Let the table's columns fill its width without ever cutting a column title short;
    with too little room the `free` (free-text) columns give up room first and elide, the
    others keeping their whole text (see `share`). No `free`: every column gives up room.
    With room to spare, the `stretch` column takes it all (else every column a part)."""
    header = view.horizontalHeader()
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return _WholeHeaders(view, header, free, stretch)
