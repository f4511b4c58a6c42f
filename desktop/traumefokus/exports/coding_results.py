"""`coding results --out FILE`: a round's results as CSV (UTF-8 with a BOM), a workbook (XLSX)
or a PDF (documents/coding_results.py), each with the tables of services/coding_tables.py.

The CSV holds the tables one under the other, each under its title and followed by an empty
line, after the lines that say which round it is; numbers with a decimal point and four
decimals (the screen and paper show two). The workbook has one sheet per table and a sheet
of what the figures cover and how they are computed. A round without submitted ratings
writes no file. Every file appears whole and only once it is in the audit
trail. openpyxl loads only when a workbook is written.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from traumefokus.errors import InvalidInput
from traumefokus.fileio import checked_output, write_atomic
from traumefokus.messages import choose
from traumefokus.services.acting import Acting
from traumefokus.services.coding_results import Results, record_results
from traumefokus.services.coding_tables import results_tables, rules, scope_lines, word
from traumefokus.services.supervision_tables import Cell, Table, Value

SHEETS = {  # table key: sheet name (Danish, English); at most 31 characters
    "parts": ("Pr. del", "Per part"),
    "items": ("Pr. punkt", "Per item"),
    "agreement": ("Enighed", "Agreement"),
    "comparison": ("Sammenligning", "Comparison"),
    "about": ("Om tallene", "About"),
}
XLSX_FORMATS = {Cell.COUNT: "0", Cell.SCORE: "0.00"}
_FORMULA_START = ("=", "+", "-", "@")


def export_results(acting: Acting, results: Results, out: Path, *, lang: str) -> Path:
    """Write `results` to `out` (.csv or .xlsx; a PDF is printed by the documents layer),
    whole or not at all, and record it in the audit trail. A round without submitted ratings
    is InvalidInput: there is nothing to write."""
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InvalidInput("coding.results_format", suffix=suffix or out.name)
    if not results.has_ratings:
        raise InvalidInput("coding.no_ratings", name=results.round.name)
    out = checked_output(out, acting.protected_paths())
    data = csv_bytes(results, lang) if suffix == ".csv" else workbook_bytes(results, lang)
    write_atomic(out, data)
    record_results(acting, results.round, suffix[1:])
    return out


# --- CSV ------------------------------------------------------------------------------------
def csv_bytes(results: Results, lang: str) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([word("title", lang)])
    writer.writerows([label, _text(value)] for label, value in scope_lines(results, lang))
    writer.writerow([])
    for table in results_tables(results, lang):
        writer.writerow([table.title])
        writer.writerow([c.heading for c in table.columns])
        for row in table.rows:
            writer.writerow([_csv_cell(v, c.cell) for v, c in zip(row, table.columns, strict=True)])
        writer.writerow([])
    return text.getvalue().encode("utf-8-sig")


def _csv_cell(value: Value, cell: Cell) -> str:
    if value is None:
        return ""
    if cell is Cell.SCORE and isinstance(value, int | float):
        return f"{value:.4f}"
    return _text(str(value)) if isinstance(value, str) else str(value)


def _text(value: str) -> str:
    """A text a spreadsheet would run as a formula, quoted so that it stays text."""
    return f"'{value}" if value.startswith(_FORMULA_START) else value


# --- XLSX -----------------------------------------------------------------------------------
def workbook_bytes(results: Results, lang: str) -> bytes:
    # openpyxl publishes no types
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    shade = PatternFill("solid", fgColor="EEF3F5")
    for table in results_tables(results, lang):
        sheet = book.create_sheet(choose(SHEETS[table.key], lang))
        sheet.append([c.heading for c in table.columns])
        for head in sheet[1]:
            head.font, head.fill = bold, shade
            head.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            sheet.append(list(row))
        _shape(sheet, table)
    about = book.create_sheet(choose(SHEETS["about"], lang))
    about.append([word("title", lang)])
    about["A1"].font = Font(bold=True, size=14)
    for label, value in scope_lines(results, lang):
        about.append([label, value])
    about.append([])
    about.append([word("how", lang)])
    about.cell(row=about.max_row, column=1).font = bold
    for rule in rules(lang):
        about.append([rule])
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 60
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _shape(sheet: Any, table: Table) -> None:
    """Number formats, text kept text, widths to read, the header row frozen."""
    for index, column in enumerate(table.columns, start=1):
        cells = [row[0] for row in sheet.iter_rows(min_col=index, max_col=index)]
        for cell in cells[1:]:
            if column.cell in XLSX_FORMATS:
                cell.number_format = XLSX_FORMATS[column.cell]
            elif isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a name or a title, never a formula
        longest = max(len(str(cell.value or "")) for cell in cells)
        sheet.column_dimensions[cells[0].column_letter].width = min(max(longest, 8) + 2, 60)
    sheet.freeze_panes = "A2"
