"""What the printed reports' tables share (the supervision report, a coding round's results):
a services Table as a grid of cells (figures to the right, column headings shrunk rather than
broken mid-word), titled and kept together with its heading, or cut to some of its columns."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether

from traumefokus.documents.page import TEXT_WIDTH
from traumefokus.documents.styles import CELL, CELL_LABEL, cell, grid, heading
from traumefokus.services.supervision_tables import Cell, Table, formatted

NUMBER = ParagraphStyle("number", parent=CELL, alignment=TA_RIGHT)
COMPACT = ParagraphStyle("compact", parent=CELL, fontSize=8, leading=10)
COMPACT_LABEL = ParagraphStyle("compact_label", parent=CELL_LABEL, fontSize=7.5, leading=9.5)
COMPACT_NUMBER = ParagraphStyle("compact_number", parent=COMPACT, alignment=TA_RIGHT)
PADDING = 9  # points: a grid cell's left and right padding (styles.grid)
SMALLEST = 6  # points: a heading shrinks no further to keep its words whole


def some_columns(table: Table, indices: Iterable[int]) -> Table:
    """The same table with only these columns."""
    keep = list(indices)
    return replace(
        table,
        columns=tuple(table.columns[i] for i in keep),
        rows=tuple(tuple(row[i] for i in keep) for row in table.rows),
    )


def titled_grid(table: Table, lang: str, shares: Sequence[float]) -> list[Flowable]:
    """The table under its title, kept together on one page."""
    return [KeepTogether([heading(table.title), table_grid(table, lang, shares)])]


def heading_style(base: ParagraphStyle, text: str, width: float, *, right: bool) -> ParagraphStyle:
    """`base` for a column heading, smaller where the heading's longest word would not fit
    the column's width (a word is never broken in the middle, in either language)."""
    size = base.fontSize
    words = text.split() or [""]
    while (
        size > SMALLEST
        and max(stringWidth(w, base.fontName, size) for w in words) > width - PADDING
    ):
        size -= 0.25
    return ParagraphStyle(
        f"{base.name}_{size}_{right}",
        parent=base,
        fontSize=size,
        leading=base.leading - (base.fontSize - size),
        alignment=TA_RIGHT if right else base.alignment,
    )


def table_grid(
    table: Table, lang: str, shares: Sequence[float], *, compact: bool = False
) -> Flowable:
    """The table as a grid as wide as the text, each column its share of it; a table
    without rows shows a dash."""
    label_style = COMPACT_LABEL if compact else CELL_LABEL
    text_style = COMPACT if compact else CELL
    number_style = COMPACT_NUMBER if compact else NUMBER
    head = [
        cell(
            c.heading,
            heading_style(
                label_style, c.heading, share * TEXT_WIDTH, right=c.cell is not Cell.TEXT
            ),
        )
        for c, share in zip(table.columns, shares, strict=True)
    ]
    rows: list[list[Flowable | str]] = [head]
    for row in table.rows:
        rows.append(
            [
                cell(
                    formatted(value, column.cell, lang),
                    text_style if column.cell is Cell.TEXT else number_style,
                )
                for value, column in zip(row, table.columns, strict=True)
            ]
        )
    if not table.rows:
        rows.append([cell("–", text_style)] + [""] * (len(table.columns) - 1))
    return grid(rows, [s * TEXT_WIDTH for s in shares], header=True)
