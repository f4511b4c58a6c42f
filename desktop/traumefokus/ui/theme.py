"""The program's look: Qt's Fusion style on every platform (the same screens a supervisor
describes to a therapist over the phone), a calm palette, light or dark as the system is
set (and again when the system switches), type large enough to read across a session room,
the same margins and spacing in every layout, and a keyboard focus that is easy to see.

Colours that mean something (a safety flag, a note, a read-only field) come from `tint()`,
`set_tint()` or `ink()`, so that they stay readable in both schemes; charts take theirs from
`chart_colours()`. High-DPI scaling is Qt 6's own, always on: sizes here are device
independent pixels.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleHintReturn,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionGroupBox,
    QToolTip,
    QWidget,
)

SMALLEST_POINTS = 10.5  # the platforms' 9 pt is too small across a table in a session room
MARGIN = 10  # around the contents of every layout (Fusion's own: 9)
SPACING = 7  # between the widgets of a layout (Fusion's own: 6)
FOCUS_WIDTH = 2  # the keyboard focus frame, in the palette's accent colour
BOX = "border-radius: 4px; padding: 4px 8px;"  # a tinted box's shape

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
Metric = QStyle.PixelMetric
Element = QStyle.PrimitiveElement


@dataclass(frozen=True)
class Scheme:
    window: str
    text: str
    base: str
    alternate: str
    button: str
    highlight: str
    highlighted_text: str
    tooltip: str
    muted: str  # placeholder and disabled text
    link: str
    focus: str  # the keyboard focus frame
    outline: str  # the edge of a field, a radio button, a check box, a frame: 3:1 or more
    grid: str  # a table's lines, quieter
    light: str  # Qt's shading roles (Light, Midlight, Mid, Dark, Shadow), for lines and bevels
    midlight: str
    mid: str
    dark: str
    shadow: str


LIGHT = Scheme(
    window="#f3f1ec",
    text="#1f1f1f",
    base="#ffffff",
    alternate="#f7f5f1",
    button="#e9e6e0",
    highlight="#2f6f8f",
    highlighted_text="#ffffff",
    tooltip="#fffbe8",
    muted="#666666",
    link="#1f5f8f",
    focus="#1f6f9f",
    outline="#8c887f",
    grid="#d9d5cd",
    light="#ffffff",
    midlight="#e4e1da",
    mid="#b9b5ad",
    dark="#8c887f",
    shadow="#5f5c57",
)
DARK = Scheme(
    window="#2a2c2f",
    text="#e8e6e3",
    base="#1f2124",
    alternate="#26292c",
    button="#35383c",
    highlight="#2f6b8a",
    highlighted_text="#ffffff",
    tooltip="#35383c",
    muted="#a3a19e",
    link="#86bcdb",
    focus="#6fb4dc",
    outline="#7a8088",
    grid="#3e4247",
    light="#4a4e53",
    midlight="#3e4247",
    mid="#5a5f66",
    dark="#7a8088",  # Qt draws a sunken line with Dark: on a dark window it must be lighter
    shadow="#141516",
)

# Tinted boxes and rows: (background, text) in the light scheme and in the dark one.
TINTS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "flag": (("#fde2dc", "#1f1f1f"), ("#5a2e27", "#f6e7e3")),  # a safety flag, a warning
    "note": (("#fff4d6", "#1f1f1f"), ("#4d4122", "#f5eedb")),  # demo content, a pace hint
    "info": (("#e8eef5", "#1f3b57"), ("#27384a", "#dde8f3")),  # read only, a calm remark
    "unread": (("#e3ecfa", "#1f1f1f"), ("#2a3b55", "#e3ecfa")),  # a comment not yet read
    "field": (("#e6e3dc", "#1f1f1f"), ("#3a3834", "#ece9e4")),  # a field that is read only
    "chosen": (("#d6e6f5", "#1f1f1f"), ("#2f4f66", "#ffffff")),  # the agenda point now
    "kept": (("#eef3f8", "#1f1f1f"), ("#2c3640", "#e8eef4")),  # the user's own text, kept
    "caution": (("#fff4d6", "#5a4300"), ("#4d4122", "#f5e6b8")),  # not validated, pending
    "danger": (("#b3261e", "#ffffff"), ("#b3261e", "#ffffff")),  # a button that erases
}

# Text on the window's own background that means something: (light, dark).
INKS: dict[str, tuple[str, str]] = {
    "problem": ("#a33333", "#ff9a8f"),  # what is wrong with what was typed
    "over_time": ("#9a5b00", "#f2b45c"),  # an agenda point over its target
    "prefill": ("#7a4d00", "#e9c37a"),  # a value taken over from before, to confirm
    "dashed": ("#a86b00", "#d9a040"),  # the dashed frame of such a value
}

# The supervision charts: (light, dark) per part.
CHARTS: dict[str, tuple[str, str]] = {
    "accent": ("#1f4e5f", "#7fbdd3"),  # a bar, the target
    "median": ("#16384a", "#d4ecf5"),  # the median's mark on the middle half
    "soft": ("#7fa3b1", "#4f7886"),  # the middle half of the sessions
    "shade": ("#e3eaee", "#37434b"),  # the room a bar could fill
    "warn": ("#9a3b1b", "#f08f6a"),  # the maximum, a line over target
    "muted": ("#5f6b73", "#a9b4bb"),  # axes, legends
    "empty": ("#c9d3d9", "#56626b"),  # the outline of a month without sessions
}

TINT_PROPERTY = "tintKind"  # on a widget tinted by set_tint(): redone when the scheme changes


def is_dark() -> bool:
    """Whether the palette in use is dark (the system's scheme, or a palette set by hand)."""
    if QGuiApplication.instance() is None:
        return False
    return QGuiApplication.palette().color(Role.Window).lightness() < 128


def tint(kind: str) -> tuple[QColor, QColor]:
    """The background and text colour of a tinted box or row of `kind` (see TINTS)."""
    background, text = TINTS[kind][1 if is_dark() else 0]
    return QColor(background), QColor(text)


def tinted(kind: str, extra: str = BOX) -> str:
    """Style sheet declarations for a box tinted as `kind` (see TINTS), its text readable in
    either scheme; or, for a kind of INKS, only the text colour."""
    if kind in INKS:
        return f"color: {ink(kind).name()}; {extra}".strip()
    background, text = tint(kind)
    return f"background: {background.name()}; color: {text.name()}; {extra}".strip()


def ink(kind: str) -> QColor:
    """A text colour on the window's background that means something (see INKS)."""
    return QColor(INKS[kind][1 if is_dark() else 0])


def chart_colours() -> dict[str, QColor]:
    """The supervision charts' colours for the scheme in use (see CHARTS)."""
    index = 1 if is_dark() else 0
    return {part: QColor(pair[index]) for part, pair in CHARTS.items()}


def set_tint(
    widget: QWidget,
    kind: str | None,
    extra: str = BOX,
    selector: str = "",
    rules: str = "",
) -> None:
    """Tint `widget` as `kind` (of TINTS or INKS), with more declarations `extra`, for the
    widget itself or for `selector` (e.g. "QFrame#kept"), and more style sheet `rules` after
    it; done again when the scheme changes. No `kind`: only `extra` and `rules` (with
    neither, the widget's own style sheet is cleared)."""
    widget.setProperty(TINT_PROPERTY, [kind or "", extra, selector, rules])
    body = tinted(kind, extra) if kind else extra.strip()
    if body and selector:
        body = f"{selector} {{ {body} }}"
    widget.setStyleSheet(body + rules)


def retint(app: QApplication) -> None:
    """Tint every widget tinted by set_tint() again, for the scheme now in use."""
    for widget in app.allWidgets():
        wanted = widget.property(TINT_PROPERTY)
        if wanted:
            kind, extra, selector, rules = wanted
            set_tint(widget, kind or None, extra, selector, rules)


def palette_of(scheme: Scheme) -> QPalette:
    palette = QPalette()
    colours = {
        Role.Window: scheme.window,
        Role.WindowText: scheme.text,
        Role.Base: scheme.base,
        Role.AlternateBase: scheme.alternate,
        Role.Button: scheme.button,
        Role.ButtonText: scheme.text,
        Role.Text: scheme.text,
        Role.BrightText: "#ffffff",
        Role.Highlight: scheme.highlight,
        Role.HighlightedText: scheme.highlighted_text,
        Role.ToolTipBase: scheme.tooltip,
        Role.ToolTipText: scheme.text,
        Role.PlaceholderText: scheme.muted,
        Role.Link: scheme.link,
        Role.LinkVisited: scheme.link,
        Role.Accent: scheme.focus,
        Role.Light: scheme.light,
        Role.Midlight: scheme.midlight,
        Role.Mid: scheme.mid,
        Role.Dark: scheme.dark,
        Role.Shadow: scheme.shadow,
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor(scheme.muted))
    palette.setColor(Group.Disabled, Role.Highlight, QColor(scheme.button))
    # A selected row stays as clear when the table has lost the focus
    palette.setColor(Group.Inactive, Role.Highlight, QColor(scheme.highlight))
    palette.setColor(Group.Inactive, Role.HighlightedText, QColor(scheme.highlighted_text))
    return palette


def scheme_of(colour_scheme: Qt.ColorScheme) -> Scheme:
    return DARK if colour_scheme == Qt.ColorScheme.Dark else LIGHT


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


class CalmStyle(QProxyStyle):
    """Fusion, with the layouts' margins and spacing of this module and a clear keyboard
    focus: a frame in the palette's accent colour around the widget (or item) with focus; a
    group box framed as clearly as a field, under a bold title."""

    FRAMED = (Element.PE_FrameLineEdit, Element.PE_PanelButtonCommand, Element.PE_Frame)
    # What Fusion edges with its outline, the window's colour darkened: on a dark window
    # that is all but black, so these are drawn with the scheme's outline instead.
    OUTLINED = (
        Element.PE_FrameLineEdit,
        Element.PE_Frame,
        Element.PE_IndicatorRadioButton,
        Element.PE_IndicatorCheckBox,
        Element.PE_PanelButtonCommand,
    )
    OUTLINED_COMPLEX = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def pixelMetric(
        self, metric: Metric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        if metric in (
            Metric.PM_LayoutLeftMargin,
            Metric.PM_LayoutTopMargin,
            Metric.PM_LayoutRightMargin,
            Metric.PM_LayoutBottomMargin,
        ):
            return MARGIN
        if metric in (Metric.PM_LayoutHorizontalSpacing, Metric.PM_LayoutVerticalSpacing):
            return SPACING
        if metric == Metric.PM_DefaultFrameWidth and isinstance(widget, QAbstractScrollArea):
            return FOCUS_WIDTH  # a text box's or a table's focus frame whole, not half hidden
        return super().pixelMetric(metric, option, widget)

    def drawPrimitive(
        self,
        element: Element,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == Element.PE_FrameFocusRect:
            # on a selected row the accent would vanish in the highlight: the row's text colour
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            focus_frame(painter, option.rect, option.palette, on_highlight=selected)
            return
        if element == Element.PE_FrameGroupBox:
            group_frame(painter, option.rect, option.palette)
            return
        if element in self.OUTLINED:
            with clear_outline(option):
                super().drawPrimitive(element, option, painter, widget)
        else:
            super().drawPrimitive(element, option, painter, widget)
        if element in self.FRAMED and option.state & QStyle.StateFlag.State_HasFocus:
            focus_frame(painter, option.rect, option.palette)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if control in self.OUTLINED_COMPLEX:
            with clear_outline(option):
                super().drawComplexControl(control, option, painter, widget)
        elif control == QStyle.ComplexControl.CC_GroupBox:
            painter.save()
            painter.setFont(bold(painter.font()))  # the title: Fusion draws it in this font
            super().drawComplexControl(control, option, painter, widget)
            painter.restore()
        else:
            super().drawComplexControl(control, option, painter, widget)
        if (
            control in (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)
            and option.state & QStyle.StateFlag.State_HasFocus
        ):
            focus_frame(painter, option.rect, option.palette)

    def subControlRect(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        sub: QStyle.SubControl,
        widget: QWidget | None = None,
    ) -> QRect:
        """A group box's title as wide as its bold text (Fusion measures it in the plain one)."""
        rect = self.baseStyle().subControlRect(control, option, sub, widget)  # as super() does
        if sub == QStyle.SubControl.SC_GroupBoxLabel and isinstance(option, QStyleOptionGroupBox):
            plain = option.fontMetrics.horizontalAdvance(option.text)
            font = bold(widget.font() if widget is not None else QApplication.font())
            rect.setWidth(
                rect.width() + max(0, QFontMetrics(font).horizontalAdvance(option.text) - plain)
            )
        return rect

    def polish(self, target: Any) -> Any:  # a widget, a palette or the application
        """Tab leaves a table or list for the next field (the arrow keys move inside it), so
        that the keyboard reaches every button of a screen."""
        if isinstance(target, QAbstractItemView):
            target.setTabKeyNavigation(False)
        return super().polish(target)

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_Table_GridLineColor:
            palette = option.palette if option is not None else QGuiApplication.palette()
            rgba = QColor(_scheme_of_palette(palette).grid).rgba()
            return rgba - (1 << 32) if rgba >= 1 << 31 else rgba  # a QRgb in a C int
        return super().styleHint(hint, option, widget, returnData)


def _scheme_of_palette(palette: QPalette) -> Scheme:
    return DARK if palette.color(Role.Window).lightness() < 128 else LIGHT


@contextmanager
def clear_outline(option: QStyleOption) -> Iterator[None]:
    """Fusion edges fields, radio buttons and check boxes with its outline, the window's
    colour darkened; while drawing one, the option's window colour is the one whose
    darkening is the scheme's outline (nothing else of those elements takes the window's
    colour), and afterwards as it was."""
    palette = option.palette
    wanted = QPalette(palette)
    outline = QColor(_scheme_of_palette(palette).outline)
    for group in (Group.Active, Group.Inactive, Group.Disabled):
        wanted.setColor(group, Role.Window, outline.lighter(140))  # Fusion: darker(140)
    option.palette = wanted
    try:
        yield
    finally:
        option.palette = palette


def focus_frame(
    painter: QPainter, rect: QRect, palette: QPalette, *, on_highlight: bool = False
) -> None:
    """The keyboard focus: a rounded frame FOCUS_WIDTH wide inside `rect`, in the accent
    colour (on a selected row, in the selected text's colour)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = palette.color(Role.HighlightedText if on_highlight else Role.Accent)
    pen = QPen(colour, FOCUS_WIDTH)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = FOCUS_WIDTH / 2
    painter.drawRoundedRect(rect.toRectF().adjusted(inset, inset, -inset, -inset), 3, 3)
    painter.restore()


def group_frame(painter: QPainter, rect: QRect, palette: QPalette) -> None:
    """A group box's frame: a thin rounded line in the scheme's outline, 3:1 against the
    window like a field's edge (Fusion's own, a translucent grey picture, is 1.2:1)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(_scheme_of_palette(palette).outline), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
    painter.restore()


def bold(font: QFont) -> QFont:
    heavier = QFont(font)
    heavier.setBold(True)
    return heavier


def use_scheme(app: QApplication, scheme: Scheme) -> None:
    """The palette of `scheme` for the whole program, its tooltips and its tinted boxes."""
    palette = palette_of(scheme)
    app.setPalette(palette)
    QToolTip.setPalette(palette)
    retint(app)


def apply_look(app: QCoreApplication) -> None:
    """Fusion with a clear focus and even spacing, the calm palette of the system's scheme
    (and again when the system switches), and type of at least SMALLEST_POINTS."""
    assert isinstance(app, QApplication), "the look is for a program with widgets"
    app.setStyle(CalmStyle())
    use_scheme(app, scheme_of(app.styleHints().colorScheme()))
    app.styleHints().colorSchemeChanged.connect(
        lambda colour_scheme: use_scheme(app, scheme_of(colour_scheme))
    )
    font = QFont(app.font())
    if font.pointSizeF() < SMALLEST_POINTS:
        font.setPointSizeF(SMALLEST_POINTS)
        app.setFont(font)
