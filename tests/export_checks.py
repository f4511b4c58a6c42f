"""Checks an export must pass, shared by its tests: read the logbook export (CSV or XLSX) and
its codebook, validate every value against the codebook, and scan the files' bytes for every
identifying value in the database."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from sqlalchemy import select

from traumefokus.storage.models import Client, CourseSession, User

BOM = "\ufeff".encode()
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_csv(path: Path, separator: str = ",") -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(BOM), f"{path.name} has no BOM"
    return list(csv.DictReader(io.StringIO(data[len(BOM) :].decode("utf-8")), delimiter=separator))


def read_xlsx(path: Path) -> tuple[list[str], list[dict[str, object]], object]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=False)
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    return header, [dict(zip(header, row, strict=True)) for row in rows[1:]], sheet


def read_codebook(path: Path, separator: str = ",") -> dict[str, dict[str, object]]:
    """column: {type, description, made, values: {value: label}}"""
    found = {}
    for line in read_csv(path, separator):
        values = {}
        for pair in filter(None, line["values"].split(" | ")):
            value, label = pair.split(" = ", 1)
            values[value] = label
        found[line["column"]] = {**line, "values": values}
    return found


def check_csv_against(rows, header, codebook, separator=","):
    """Every CSV value has its column's type and, where the codebook lists values, one of them."""
    assert header == list(codebook), "the codebook names the file's columns in order"
    decimal = re.compile(r"^\d+,\d$" if separator == ";" else r"^\d+\.\d$")
    for row in rows:
        for name, value in row.items():
            if value == "":
                continue
            kind, listed = codebook[name]["type"], codebook[name]["values"]
            if kind == "integer":
                assert value.isdigit(), (name, value)
            elif kind == "decimal":
                assert decimal.match(value), (name, value)
            elif kind == "date":
                assert DATE.match(value), (name, value)
            elif kind == "boolean":
                assert value in ("0", "1") and set(listed) == {"0", "1"}, (name, value)
            elif kind == "category":
                assert value in listed, (name, value)
            elif kind == "categories":
                assert set(value.split(" ")) <= set(listed), (name, value)
            else:
                assert kind == "text", (name, kind)


def check_xlsx_against(rows, header, codebook):
    """Every cell has its column's type (a date is a date, a number a number, a boolean a
    boolean) and, where the codebook lists values, one of them."""
    assert header == list(codebook)
    for row in rows:
        for name, value in row.items():
            if value is None:
                continue
            kind, listed = codebook[name]["type"], codebook[name]["values"]
            if kind == "integer":
                assert isinstance(value, int) and not isinstance(value, bool), (name, value)
            elif kind == "decimal":
                assert isinstance(value, int | float), (name, value)
                assert not isinstance(value, bool), (name, value)
            elif kind == "date":
                assert isinstance(value, datetime) and value.time() == datetime.min.time()
            elif kind == "boolean":
                assert isinstance(value, bool) and set(listed) == {"TRUE", "FALSE"}, (name, value)
            elif kind == "category":
                assert value in listed, (name, value)
            elif kind == "categories":
                assert set(str(value).split(" ")) <= set(listed), (name, value)
            else:
                assert kind == "text" and isinstance(value, str), (name, kind, value)


def identifying_values(db) -> set[str]:
    """Every client code, display name, user name, full name and recording file name."""
    with db.reading() as tx:
        found = set(tx.scalars(select(Client.code)))
        found |= set(tx.scalars(select(Client.display_name)))
        found |= set(tx.scalars(select(User.name))) | set(tx.scalars(select(User.full_name)))
        found |= set(tx.scalars(select(CourseSession.recording_file)))
    return {v for v in found if v}


def export_bytes(path: Path) -> bytes:
    """The file's bytes; for a workbook, every part of it unzipped."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as book:
            return b"\n".join(book.read(name) for name in book.namelist())
    return path.read_bytes()


def found_in(path: Path, values: set[str]) -> set[str]:
    """Which of `values` appear in the file, as written or as XML writes them."""
    data = export_bytes(path)
    return {v for v in values if v.encode() in data or escape(v).encode() in data}
