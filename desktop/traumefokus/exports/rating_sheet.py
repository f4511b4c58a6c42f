"""Reading a filled rating sheet (`coding import`): a CSV file (UTF-8, with or without a BOM,
comma- or semicolon-separated) or an XLSX workbook's first sheet, as a header and rows of
text cells with their line numbers. What the cells mean is `services/coding_import.py`'s.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from traumefokus.content.regular_files import NotReadable, read_regular
from traumefokus.errors import InvalidInput
from traumefokus.services.acting import Acting
from traumefokus.services.coding_import import ImportResult, Sheet, SheetRow, import_ratings

MAX_BYTES = 20_000_000  # a sheet of a round is a few hundred rows


def import_sheet(acting: Acting, round_name: str, path: Path) -> ImportResult:
    """Read the sheet at `path` and import it into the round, all or nothing."""
    return import_ratings(acting, round_name, read_sheet(path))


def read_sheet(path: Path) -> Sheet:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InvalidInput("rating_import.format", suffix=suffix or path.name)
    try:  # a regular file only (a named pipe would wait forever), of at most MAX_BYTES
        data = read_regular(path, MAX_BYTES)
    except NotReadable as refused:
        raise InvalidInput("rating_import.unreadable", file=path, detail=refused) from refused
    except OSError as exc:
        raise InvalidInput("rating_import.unreadable", file=path, detail=exc.strerror) from exc
    rows = _csv_rows(path, data) if suffix == ".csv" else _xlsx_rows(path, data)
    header = next(rows, None)
    if header is None or not any(c.strip() for c in header.cells):
        raise InvalidInput("rating_import.empty", file=path.name)
    return Sheet(path.name, list(header.cells), list(rows))


def _csv_rows(path: Path, data: bytes) -> Iterator[SheetRow]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput("rating_import.unreadable", file=path, detail="UTF-8") from exc
    first = text.split("\n", 1)[0]
    separator = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        line = 1
        for cells in reader:
            yield SheetRow(line, cells)
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InvalidInput("rating_import.unreadable", file=path, detail=str(exc)) from exc


def _xlsx_rows(path: Path, data: bytes) -> Iterator[SheetRow]:
    # Loaded only when a workbook is read. openpyxl publishes no types.
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is no workbook
        raise InvalidInput(
            "rating_import.unreadable", file=path, detail=type(exc).__name__
        ) from exc
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield SheetRow(number, [_cell_text(v) for v in values])
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()  # not a rating: refused as one, shown as typed
    return str(value)
