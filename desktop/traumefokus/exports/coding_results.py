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

from traumefokus.errors import InvalidInput
from traumefokus.exports.tables_workbook import About, tables_workbook
from traumefokus.fileio import checked_output, write_atomic
from traumefokus.services.acting import Acting
from traumefokus.services.coding_results import Results, record_results
from traumefokus.services.coding_tables import results_tables, rules, scope_lines, word
from traumefokus.services.supervision_tables import Cell, Value

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
    about = About(
        SHEETS["about"],
        word("title", lang),
        scope_lines(results, lang),
        word("how", lang),
        rules(lang),
        value_width=60,
    )
    return tables_workbook(results_tables(results, lang), SHEETS, XLSX_FORMATS, about, lang)
