"""What a tired eye needs on every screen (issue 17, look and feel): the edges of fields,
radio buttons, check boxes and group boxes visible in the dark scheme too, tables' lines in
the scheme's own colour, and charts whose rows grow with the type instead of cutting it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QLineEdit,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOptionGroupBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from test_theme import contrast
from traumefokus.domain.record_chart import Tally
from traumefokus.ui import theme
from traumefokus.ui.record_heatmap import ROW, HeatBlock, HeatRow, RecordHeatmap


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp: QApplication) -> Iterator[theme.Scheme]:
    chosen = theme.DARK if request.param == "dark" else theme.LIGHT
    theme.use_scheme(qapp, chosen)
    yield chosen
    theme.use_scheme(qapp, theme.LIGHT)


def rendered(widget: QWidget) -> QImage:
    image = QImage(widget.size(), QImage.Format.Format_ARGB32)
    image.fill(QApplication.palette().color(theme.Role.Window))
    painter = QPainter(image)
    widget.render(painter, QPoint())
    painter.end()
    return image


def strongest_edge(image: QImage, points: list[tuple[int, int]], window: QColor) -> float:
    return max(contrast(image.pixelColor(x, y), window) for x, y in points)


@pytest.mark.parametrize("index", [0, 1], ids=["light", "dark"])
def test_the_outline_stands_out_from_the_window_and_the_fields(index: int) -> None:
    """The edge that tells a field from the window: 3:1 (WCAG 1.4.11) in both schemes."""
    chosen = (theme.LIGHT, theme.DARK)[index]
    for background in (chosen.window, chosen.base):
        assert contrast(QColor(chosen.outline), QColor(background)) >= 3, (chosen, background)
    palette = theme.palette_of(chosen)
    # a sunken line (Qt's Dark role) is seen on the window
    assert contrast(palette.color(theme.Role.Dark), palette.color(theme.Role.Window)) >= 2.5


def test_a_field_s_edge_is_visible_in_either_scheme(qtbot, scheme: theme.Scheme) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.resize(200, 34)
    image = rendered(edit)
    middle = edit.height() // 2
    window = QColor(scheme.window)
    assert strongest_edge(image, [(x, middle) for x in range(3)], window) >= 2.5


def test_a_radio_button_s_circle_is_visible_in_either_scheme(qtbot, scheme: theme.Scheme) -> None:
    """The author of the dark palette saw Fusion's circles all but vanish on it."""
    button = QRadioButton("Noget")
    qtbot.addWidget(button)
    button.adjustSize()
    image = rendered(button)
    middle = button.height() // 2  # the circle is at the left, as high as the text
    points = [(x, middle) for x in range(4)]
    assert strongest_edge(image, points, QColor(scheme.window)) >= 2.5


def test_a_group_box_is_framed_and_titled_clearly(qtbot, scheme: theme.Scheme) -> None:
    """Fusion frames a group box with a translucent grey picture, 1.2:1 against the window;
    here its frame is 3:1 or more in either scheme, and its title is bold and whole."""
    title = "Anden behandling siden sidst"
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(QLineEdit())
    qtbot.addWidget(box)
    box.resize(400, 120)
    image = rendered(box)
    window = QColor(scheme.window)
    row, column = box.height() * 2 // 3, box.width() // 2
    assert strongest_edge(image, [(x, row) for x in range(3)], window) >= 3  # left
    assert strongest_edge(image, [(column, box.height() - 1 - y) for y in range(3)], window) >= 3
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)
    label = box.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, box
    )
    heavy = QFont(box.font())
    heavy.setBold(True)
    assert label.width() >= QFontMetrics(heavy).horizontalAdvance(title)  # not cut

    def ink(picture: QImage) -> int:
        return sum(
            contrast(picture.pixelColor(x, y), window) >= 3
            for x in range(label.left(), label.right() + 1)
            for y in range(label.top(), label.bottom() + 1)
        )

    calm = ink(image)
    box.setStyle(QStyleFactory.create("Fusion"))
    assert calm > 1.2 * ink(rendered(box))  # bolder than Fusion's plain title


def test_a_table_s_lines_take_the_scheme_s_grid_colour(qtbot, scheme: theme.Scheme) -> None:
    table = QTableView()
    qtbot.addWidget(table)
    hint = table.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, None, table)
    assert QColor.fromRgba(hint & 0xFFFFFFFF) == QColor(scheme.grid)


def test_the_heatmap_s_rows_grow_with_the_type(qtbot) -> None:
    """The chart's rows are ROW pixels at the smallest type, and never shorter than a line
    of text and its margins when the type is larger (a system set to large type)."""
    chart = RecordHeatmap()
    qtbot.addWidget(chart)
    rows = (HeatRow("Mette Hansen", (Tally(2, 1, 0),), Tally(2, 1, 0)),)
    words = {"total": "Hele perioden"}
    chart.set_blocks((HeatBlock("Citat brugt", rows),), (date(2026, 1, 1),), QLocale(), words)
    small = chart.height()
    assert chart.sizes()[0] >= ROW
    large = QFont(chart.font())
    large.setPointSizeF(18)
    chart.setFont(large)
    chart.set_blocks((HeatBlock("Citat brugt", rows),), (date(2026, 1, 1),), QLocale(), words)
    row, title, header, line = chart.sizes()
    assert row >= line + 6 and title >= line + 6 and header >= 2 * line
    assert chart.height() > small
    cell = next(rect for rect, *_ in chart._cells())
    assert cell.height() >= line  # the percentage fits inside its cell


def test_a_report_table_keeps_names_and_figures_readable_when_narrow(qtbot) -> None:
    """The supervision overview's table per therapist on a 1024x600 screen: the name column
    gives up room before the figures but never below its title (Fusion's stretched column
    shrank to a few pixels, every name '…'); with room to spare, the name column takes it."""
    from traumefokus.services.supervision_tables import Cell, Column, Table
    from traumefokus.ui.report_tables import fill_table, report_table

    figures = (
        "Startet", "I gang", "Gennemført", "Før tid", "Afholdt", "Udeblevet",
        "Aflyst af klient", "Aflyst af centret", "Fremmøde", "Sene noter", "Gavekort",
    )  # fmt: skip
    columns = (Column("Behandler", Cell.TEXT), *(Column(h, Cell.COUNT) for h in figures))
    rows = (("Jonas Kristensen, misbrugsbehandler", 7, 1, 6, 0, 84, 7, 4, 1, 88, 1, 32),)
    view = report_table()
    qtbot.addWidget(view)
    header = view.horizontalHeader()
    view.resize(900, 200)
    view.show()
    qtbot.waitExposed(view)
    fill_table(view, Table("therapists", "", columns, rows), "da")  # filled once read
    QApplication.processEvents()
    title = header.fontMetrics().horizontalAdvance("Behandler")
    assert title < header.sectionSize(0)
    for column in range(1, len(columns)):  # the figures whole
        words = header.fontMetrics().horizontalAdvance(columns[column].heading)
        assert header.sectionSize(column) > words
    view.resize(1800, 200)
    qtbot.waitUntil(lambda: header.sectionSize(0) > 500)
    assert header.sectionSize(1) < 150  # the room left over went to the name
    # a one-letter title ("n") is no narrower than Qt allows a column: no sideways scrolling
    few = Table(
        "parts", "", (Column("Del", Cell.TEXT), Column("n", Cell.COUNT)), (("Processer", 1),)
    )
    fill_table(view, few, "da")
    QApplication.processEvents()
    assert header.length() <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()


def accent_run(widget: QWidget, colour: QColor, row: int, start: int = 0) -> int:
    """How many of the first pixels of `row` (from `start`) are in `colour`."""
    image = rendered(widget)
    return sum(
        1 for x in range(start, start + 4) if contrast(image.pixelColor(x, row), colour) < 1.3
    )


def test_a_text_box_with_the_focus_has_the_whole_focus_frame(qtbot) -> None:
    """A note's text box and a table show the keyboard focus as clearly as a line edit."""
    from PySide6.QtWidgets import QPlainTextEdit

    for box in (QPlainTextEdit(), QTableView()):
        qtbot.addWidget(box)
        box.resize(300, 120)
        box.show()
        qtbot.waitExposed(box)
        accent = box.palette().color(theme.Role.Accent)
        before = accent_run(box, accent, box.height() // 2)
        box.setFocus()
        qtbot.waitUntil(box.hasFocus)
        assert accent_run(box, accent, box.height() // 2) >= theme.FOCUS_WIDTH > before


def test_the_focus_on_a_selected_row_is_seen(qtbot) -> None:
    """Today's list: the selected row is in the highlight colour, so the focus frame on its
    cell is drawn in the selected text's colour, not in the accent that would vanish."""
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    table = QTableWidget(2, 2)
    qtbot.addWidget(table)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    for row in range(2):
        for column in range(2):
            table.setItem(row, column, QTableWidgetItem("13:30"))
    table.resize(300, 150)
    table.show()
    qtbot.waitExposed(table)
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.waitUntil(table.hasFocus)
    cell = table.visualItemRect(table.item(0, 0))
    origin = table.viewport().mapTo(table, cell.topLeft())
    frame = table.palette().color(theme.Role.HighlightedText)
    assert accent_run(table, frame, origin.y() + cell.height() // 2, origin.x()) >= 2


def test_tab_leaves_a_table_for_the_next_field(qtbot) -> None:
    """Tab moves on to the buttons below a list (the arrow keys move inside it)."""
    from PySide6.QtWidgets import QPushButton, QTableWidget, QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    table = QTableWidget(3, 3)
    button = QPushButton("Åbn sessionen")
    layout.addWidget(table)
    layout.addWidget(button)
    window.show()
    qtbot.waitExposed(window)
    assert not table.tabKeyNavigation()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus)
