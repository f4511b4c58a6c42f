"""A report's tables as a workbook (XLSX), the one writer the supervision overview and the
coding results share: one sheet per table with typed cells (number formats per kind of cell),
a bold, shaded, frozen header row and columns wide enough to read; a last sheet says what the
figures cover and how they are counted. openpyxl loads only when a workbook is written."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from traumefokus.messages import choose
from traumefokus.services.supervision_tables import Cell, Table


@dataclass(frozen=True)
class About:
    """The last sheet: the report's title, its scope (label, value) and how it counts."""

    sheet: tuple[str, str]  # its name (Danish, English)
    title: str
    scope: Sequence[tuple[str, str]]
    how: str
    rules: Sequence[str]
    value_width: int = 40


def tables_workbook(
    tables: Sequence[Table],
    sheets: Mapping[str, tuple[str, str]],
    formats: Mapping[Cell, str],
    about: About,
    lang: str,
) -> bytes:
    # openpyxl publishes no types
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    shade = PatternFill("solid", fgColor="EEF3F5")
    for table in tables:
        sheet = book.create_sheet(choose(sheets[table.key], lang))
        sheet.append([c.heading for c in table.columns])
        for head in sheet[1]:
            head.font, head.fill = bold, shade
            head.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            sheet.append(list(row))
        _shape(sheet, table, formats)
    last = book.create_sheet(choose(about.sheet, lang))
    last.append([about.title])
    last["A1"].font = Font(bold=True, size=14)
    for label, value in about.scope:
        last.append([label, value])
    last.append([])
    last.append([about.how])
    last.cell(row=last.max_row, column=1).font = bold
    for rule in about.rules:
        last.append([rule])
    last.column_dimensions["A"].width = 24
    last.column_dimensions["B"].width = about.value_width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _shape(sheet: Any, table: Table, formats: Mapping[Cell, str]) -> None:
    """Number formats, text kept text, widths to read, the header row frozen."""
    for index, column in enumerate(table.columns, start=1):
        cells = [row[0] for row in sheet.iter_rows(min_col=index, max_col=index)]
        for cell in cells[1:]:
            if column.cell in formats:
                cell.number_format = formats[column.cell]
            elif isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a name or a title, never a formula
        longest = max(len(str(cell.value or "")) for cell in cells)
        sheet.column_dimensions[cells[0].column_letter].width = min(max(longest, 8) + 2, 60)
    sheet.freeze_panes = "A2"
