"""The program's look (ui/theme.py): both palettes, the system's dark scheme followed, every
tint readable in both schemes, the smallest type, a clear keyboard focus; and the rule by
which a narrow table shares its width (ui/fit.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from traumefokus.ui import theme
from traumefokus.ui.fit import share
from traumefokus.ui.style import flag_look, overdue_look


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QApplication]:
    theme.use_scheme(qapp, theme.DARK)
    yield qapp
    theme.use_scheme(qapp, theme.LIGHT)


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_each_palette_reads_well(scheme: theme.Scheme) -> None:
    palette = theme.palette_of(scheme)
    role = theme.Role
    pairs = [
        (role.WindowText, role.Window),
        (role.Text, role.Base),
        (role.Text, role.AlternateBase),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.ToolTipText, role.ToolTipBase),
    ]
    for text, background in pairs:
        assert contrast(palette.color(text), palette.color(background)) >= 4.5, (text, scheme)
    assert contrast(palette.color(role.PlaceholderText), palette.color(role.Base)) >= 4.5
    assert contrast(palette.color(role.Link), palette.color(role.Window)) >= 4.5
    assert contrast(palette.color(role.Accent), palette.color(role.Window)) >= 3  # focus
    dark = palette.color(role.Window).lightness() < 128
    assert dark == (scheme is theme.DARK)


@pytest.mark.parametrize("kind", sorted(theme.TINTS))
@pytest.mark.parametrize("index", [0, 1], ids=["light", "dark"])
def test_every_tint_is_readable_in_both_schemes(kind: str, index: int) -> None:
    background, text = theme.TINTS[kind][index]
    assert contrast(QColor(background), QColor(text)) >= 4.5, (kind, background, text)


@pytest.mark.parametrize("kind", sorted(theme.INKS))
def test_every_ink_is_readable_on_its_schemes_window(kind: str) -> None:
    for index, scheme in enumerate((theme.LIGHT, theme.DARK)):
        needed = 3 if kind == "dashed" else 4.5  # a frame, not text
        assert contrast(QColor(theme.INKS[kind][index]), QColor(scheme.window)) >= needed


def test_chart_colours_stand_out_on_both_windows() -> None:
    for index, scheme in enumerate((theme.LIGHT, theme.DARK)):
        window = QColor(scheme.window)
        for part in ("accent", "warn", "muted"):
            assert contrast(QColor(theme.CHARTS[part][index]), window) >= 3, (part, scheme)


def test_the_type_is_at_least_the_smallest_size(qapp: QApplication) -> None:
    assert QApplication.font().pointSizeF() >= theme.SMALLEST_POINTS
    assert QLineEdit().font().pointSizeF() >= theme.SMALLEST_POINTS
    style = qapp.style()
    assert isinstance(style, theme.CalmStyle)
    assert style.baseStyle().name().lower() == "fusion"


def test_a_dark_system_scheme_gives_the_dark_palette(qapp: QApplication) -> None:
    """apply_look follows the system's scheme, and a switch while the program runs."""
    box = QWidget()
    flag_look(box)
    light_sheet = box.styleSheet()
    try:
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert theme.is_dark()
        assert QApplication.palette().color(theme.Role.Window) == QColor(theme.DARK.window)
        assert box.styleSheet() != light_sheet  # tinted boxes follow
        assert theme.TINTS["flag"][1][0] in box.styleSheet()
        assert overdue_look(Qt.ItemDataRole.BackgroundRole).color() == QColor(  # type: ignore[union-attr]
            theme.TINTS["flag"][1][0]
        )
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert not theme.is_dark()
        assert box.styleSheet() == light_sheet
    finally:
        theme.use_scheme(qapp, theme.LIGHT)
    assert theme.scheme_of(Qt.ColorScheme.Dark) is theme.DARK
    assert theme.scheme_of(Qt.ColorScheme.Unknown) is theme.LIGHT


def test_tint_follows_the_palette_in_use(dark: QApplication) -> None:
    background, text = theme.tint("note")
    assert background == QColor(theme.TINTS["note"][1][0])
    assert text == QColor(theme.TINTS["note"][1][1])


def test_layouts_take_their_margins_and_spacing_from_the_theme(qapp: QApplication) -> None:
    widget = QWidget()
    layout = QVBoxLayout(widget)
    assert layout.spacing() == theme.SPACING
    assert layout.contentsMargins().left() == theme.MARGIN


def test_keyboard_focus_is_drawn_clearly(qtbot) -> None:
    """A focused line edit has a frame in the accent colour, FOCUS_WIDTH wide."""
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.resize(200, 40)
    edit.show()
    qtbot.waitExposed(edit)
    accent = edit.palette().color(theme.Role.Accent)

    def accent_pixels() -> int:
        image = QImage(edit.size(), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        edit.render(painter, QPoint())
        painter.end()
        row = edit.height() // 2
        return sum(
            1
            for x in range(0, 4)
            if contrast(image.pixelColor(x, row), accent) < 1.3  # the frame's own colour
        )

    before = accent_pixels()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    assert accent_pixels() >= theme.FOCUS_WIDTH > before


def test_share_gives_every_column_what_it_wants_and_the_rest_evenly() -> None:
    assert share(100, [10, 10], [30, 40]) == [45, 55]


def test_share_takes_room_from_free_text_columns_first() -> None:
    """A time, a client code, a session number keep their whole text; the theme, the
    therapist and the note give up room (and elide)."""
    minimums = [40, 50, 60, 50, 80, 40]
    wanted = [180, 90, 130, 200, 220, 160]
    free = {3, 4, 5}
    widths = share(700, minimums, wanted, free)
    assert sum(widths) == 700
    assert widths[:3] == wanted[:3]
    given = zip(minimums[3:], widths[3:], wanted[3:], strict=True)
    assert all(least <= width < want for least, width, want in given)
    # with every column free, the fixed ones would have been cut too
    assert share(700, minimums, wanted)[0] < wanted[0]


def test_share_cuts_fixed_columns_only_when_the_free_ones_are_at_their_least() -> None:
    minimums = [40, 50, 50]
    wanted = [100, 100, 300]
    widths = share(150, minimums, wanted, {2})
    assert widths[2] - 50 <= 1  # the free column at its title's width (and the remainder)
    assert sum(widths) == 150 and widths[0] < 100 and widths[1] < 100
    assert share(100, minimums, wanted, {2}) == minimums  # never below: the table scrolls
