"""The supervision report's charts, drawn with reportlab's shapes in the documents' calm
colours: horizontal bars (courses by outcome, attendance per therapist) and the minutes per
agenda point (the middle half of the sessions as a box, the median as a line) against the
programme's target and maximum."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors

from traumefokus.documents.fonts import SANS, SANS_BOLD
from traumefokus.documents.styles import ACCENT, INK, MUTED, RULE, SHADE, WARN
from traumefokus.services.supervision_content import AgendaRow

# A drawing starts in reportlab's default font, which is never embedded: ours instead.
STATE_DEFAULTS["fontName"] = SANS

LABEL_SIZE = 8.5
ROW = 15  # points per bar
SOFT = colors.HexColor("#7fa3b1")


def _fit(text: str, width: float, font: str = SANS, size: float = LABEL_SIZE) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def bar_chart(
    bars: Sequence[tuple[str, float, str]],
    width: float,
    *,
    most: float | None = None,
    label_share: float = 0.38,
) -> Drawing:
    """One bar per (label, value, value as text); `most` is the value of a full bar (else
    the largest value)."""
    height = ROW * len(bars) + 4
    drawing = Drawing(width, height)
    label_width = width * label_share
    room = width - label_width - 60
    top = max([most or 0.0, *(value for _label, value, _text in bars)]) or 1.0
    for index, (label, value, text) in enumerate(bars):
        y = height - ROW * (index + 1)
        drawing.add(
            String(0, y + 4, _fit(label, label_width - 6), fontName=SANS, fontSize=LABEL_SIZE)
        )
        drawing.add(Rect(label_width, y + 2, room, ROW - 5, fillColor=SHADE, strokeColor=None))
        length = room * max(value, 0.0) / top
        if length > 0:
            drawing.add(
                Rect(label_width, y + 2, length, ROW - 5, fillColor=ACCENT, strokeColor=None)
            )
        drawing.add(
            String(label_width + room + 5, y + 4, text, fontName=SANS_BOLD, fontSize=LABEL_SIZE)
        )
    return drawing


def agenda_chart(rows: Sequence[tuple[str, AgendaRow]], width: float, lang: str) -> Drawing:
    """Per (label, agenda point): the box from the first to the third quartile, the median
    as a bar across it, the target as a triangle and the maximum as a red line."""
    legend = 16
    height = ROW * len(rows) + legend + 14
    drawing = Drawing(width, height)
    label_width = width * 0.34
    room = width - label_width - 10
    top = (
        max(
            [float(r.maximum) * 1.15 for _l, r in rows]
            + [r.minutes.q3 * 1.05 for _l, r in rows if r.minutes]
        )
        or 1.0
    )

    def x(minutes: float) -> float:
        return label_width + room * min(minutes, top) / top

    base = legend + 14
    for index, (label, row) in enumerate(rows):
        y = height - ROW * (index + 1)
        drawing.add(
            String(0, y + 4, _fit(label, label_width - 6), fontName=SANS, fontSize=LABEL_SIZE)
        )
        drawing.add(Line(label_width, y + 7.5, label_width + room, y + 7.5, strokeColor=RULE))
        m = row.minutes
        if m is not None:
            drawing.add(
                Rect(x(m.q1), y + 3, max(x(m.q3) - x(m.q1), 1), 9, fillColor=SOFT, strokeColor=None)
            )
            drawing.add(Rect(x(m.median) - 1, y + 1, 2, 13, fillColor=INK, strokeColor=None))
        tx = x(row.target)
        drawing.add(
            Polygon(
                [tx - 3.5, y - 1, tx + 3.5, y - 1, tx, y + 4], fillColor=ACCENT, strokeColor=None
            )
        )
        drawing.add(
            Line(x(row.maximum), y + 1, x(row.maximum), y + 14, strokeColor=WARN, strokeWidth=1.4)
        )
    # the scale: every five or ten minutes
    step = 5 if top <= 30 else 10
    tick = 0
    while tick <= top:
        drawing.add(Line(x(tick), base - 2, x(tick), base + 1, strokeColor=MUTED))
        drawing.add(
            String(x(tick), base - 11, str(tick), fontName=SANS, fontSize=7, textAnchor="middle")
        )
        tick += step
    words = LEGEND_EN if lang == "en" else LEGEND_DA
    at = label_width
    drawing.add(Rect(at, 2, 14, 7, fillColor=SOFT, strokeColor=None))
    drawing.add(String(at + 18, 2, words[0], fontName=SANS, fontSize=7.5, fillColor=MUTED))
    at += 24 + _width(words[0])
    drawing.add(Rect(at + 6, 0, 2, 11, fillColor=INK, strokeColor=None))
    drawing.add(String(at + 12, 2, words[1], fontName=SANS, fontSize=7.5, fillColor=MUTED))
    at += 18 + _width(words[1])
    drawing.add(Polygon([at + 3, 1, at + 10, 1, at + 6.5, 7], fillColor=ACCENT, strokeColor=None))
    drawing.add(String(at + 14, 2, words[2], fontName=SANS, fontSize=7.5, fillColor=MUTED))
    at += 20 + _width(words[2])
    drawing.add(Line(at + 6, 0, at + 6, 11, strokeColor=WARN, strokeWidth=1.4))
    drawing.add(String(at + 11, 2, words[3], fontName=SANS, fontSize=7.5, fillColor=MUTED))
    return drawing


LEGEND_DA = ("midterste halvdel", "median", "mål", "højst (minutter)")
LEGEND_EN = ("middle half", "median", "target", "maximum (minutes)")


def _width(text: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, SANS, 7.5))
