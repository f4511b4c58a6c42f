"""The look of every document (one calm family of styles) and the building blocks the
documents share: free text as paragraphs, labelled fields, small tables, writing lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from traumefokus.documents.fonts import SANS, SANS_BOLD, register_fonts

INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#5f6b73")
ACCENT = colors.HexColor("#1f4e5f")
RULE = colors.HexColor("#b8c4cc")
SHADE = colors.HexColor("#eef3f5")
WARN = colors.HexColor("#9a3b1b")

register_fonts()

BODY = ParagraphStyle("body", fontName=SANS, fontSize=10, leading=14, textColor=INK)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11, textColor=MUTED)
LABEL = ParagraphStyle(
    "label", parent=BODY, fontName=SANS_BOLD, fontSize=9, leading=12, textColor=MUTED, spaceBefore=5
)
TITLE = ParagraphStyle(
    "title",
    parent=BODY,
    fontName=SANS_BOLD,
    fontSize=18,
    leading=23,
    textColor=ACCENT,
    spaceAfter=2,
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=BODY, fontSize=11, leading=15, textColor=MUTED, spaceAfter=8
)
HEADING = ParagraphStyle(
    "heading",
    parent=BODY,
    fontName=SANS_BOLD,
    fontSize=12.5,
    leading=16,
    textColor=ACCENT,
    spaceBefore=12,
    spaceAfter=3,
)
SUBHEADING = ParagraphStyle(
    "subheading",
    parent=BODY,
    fontName=SANS_BOLD,
    fontSize=11,
    leading=14,
    spaceBefore=8,
    spaceAfter=2,
)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9.5, leading=12.5)
CELL_LABEL = ParagraphStyle("cell_label", parent=CELL, fontName=SANS_BOLD, textColor=MUTED)
# the client's paper: larger, airier type
HANDOUT = ParagraphStyle("handout", parent=BODY, fontSize=12, leading=17.5, spaceAfter=4)
HANDOUT_HEADING = ParagraphStyle(
    "handout_heading",
    parent=HANDOUT,
    fontName=SANS_BOLD,
    fontSize=15,
    leading=20,
    textColor=ACCENT,
    spaceBefore=10,
    spaceAfter=4,
)
HANDOUT_SUBHEADING = ParagraphStyle(
    "handout_subheading", parent=HANDOUT_HEADING, fontSize=13, leading=18
)
LARGE = ParagraphStyle(
    "large",
    parent=BODY,
    fontName=SANS_BOLD,
    fontSize=20,
    leading=27,
    textColor=INK,
    alignment=TA_LEFT,
)
QUOTE = ParagraphStyle(
    "quote",
    parent=HANDOUT,
    fontSize=13,
    leading=19,
    leftIndent=8 * mm,
    rightIndent=8 * mm,
    textColor=ACCENT,
    spaceBefore=4,
)
LETTER = ParagraphStyle("letter", parent=BODY, fontSize=11, leading=16, spaceAfter=7)
LETTER_ITEM = ParagraphStyle("letter_item", parent=LETTER, spaceAfter=2)

# characters the PDF text layer cannot carry (controls other than tab and newline)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def markup(text: str) -> str:
    """Typed text as paragraph markup: escaped, control characters dropped, line breaks
    kept."""
    cleaned = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return escape(cleaned).replace("\t", "    ").replace("\n", "<br/>")


def paragraphs(text: str, style: ParagraphStyle = BODY) -> list[Flowable]:
    """Free text as one paragraph per blank-line-separated block (so that a very long text
    flows over pages quickly)."""
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text.strip())]
    return [Paragraph(markup(b), style) for b in blocks if b.strip()]


def field(label: str, text: str | None, style: ParagraphStyle = BODY) -> list[Flowable]:
    """A label over its text; nothing when there is no text."""
    if not text or not text.strip():
        return []
    body = paragraphs(text, style)
    return [KeepTogether([Paragraph(markup(label), LABEL), body[0]]), *body[1:]]


def heading(text: str, style: ParagraphStyle = HEADING) -> Paragraph:
    return Paragraph(markup(text), style)


def cell(text: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(markup(text), style)


def grid(
    rows: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    *,
    header: bool = False,
    rules: bool = True,
) -> Table:
    """A quiet table: thin rules between rows, the first row shaded when it is a header.
    Long cells split over pages."""
    data = [[cell(c) if isinstance(c, str) else c for c in row] for row in rows]
    table = Table(
        data, colWidths=list(widths), repeatRows=1 if header else 0, splitInRow=1, hAlign="LEFT"
    )
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SANS),  # else reportlab sets unembedded Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if rules:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE))
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    table.setStyle(TableStyle(commands))
    return table


def bullets(items: Sequence[str], style: ParagraphStyle = BODY) -> ListFlowable:
    """A bullet list of plain texts."""
    return ListFlowable(
        [ListItem(Paragraph(markup(item), style)) for item in items],
        bulletType="bullet",
        start="•",
        bulletFontName=SANS,
        bulletFontSize=style.fontSize,
        leftIndent=14,
        spaceAfter=6,
    )


def facts(pairs: Sequence[tuple[str, str]], width: float) -> Table:
    """Label: value lines at the top of a document."""
    rows = [[cell(label, CELL_LABEL), cell(value)] for label, value in pairs if value]
    return grid(rows, (0.27 * width, 0.73 * width))


class WritingLine(Flowable):
    """A line to write on (what `____` in a worksheet means on paper)."""

    def __init__(self, height: float = 11 * mm) -> None:
        super().__init__()
        self.line_height = height

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.line_height

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 2.5 * mm, self.width, 2.5 * mm)  # room below before the next text


def gap(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)
