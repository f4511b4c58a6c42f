"""`export logbook`: one row per session with attendance or a note, as CSV (UTF-8 with a BOM,
comma- or semicolon-separated) or XLSX, and a codebook beside it (`NAME.codebook.csv`: each
column's type, description, values with labels, and how its values were made).

Pseudonymised by default (the columns in exports/logbook_columns.py say how); `identifiable`
keeps codes, names, real dates and recording file names, for use inside the centre. The rows
stream from the database to the file: never all of them in memory. Both files appear whole or
not at all (0600), and only once the export is in the audit trail.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from traumefokus.content.choice_lists import (
    END_REASONS,
    NOT_HELD_REASONS,
    OTHER_TREATMENT,
    ChoiceList,
    centre_list,
)
from traumefokus.domain.vocabulary import SessionKind
from traumefokus.errors import InvalidInput, TraumefokusError
from traumefokus.exports.logbook_columns import (
    VOCABULARY,
    Column,
    ColumnType,
    Pseudonyms,
    Value,
    Words,
    columns,
)
from traumefokus.fileio import atomic_writer, checked_output
from traumefokus.labels import LABELS, label
from traumefokus.messages import choose
from traumefokus.services.acting import Acting
from traumefokus.services.logbook import (
    LogbookFilter,
    each_entry,
    record_export,
    require_export,
)
from traumefokus.services.pseudonyms import pseudonymiser

SEPARATORS = (",", ";")
FORMATS = ("csv", "xlsx")
PROGRESS_EVERY = 500
CODEBOOK_HEADER = ("column", "type", "description", "values", "made")
_NO_NOTE: Words = ("Intet notat", "No note")
_YES: Words = ("Ja", "Yes")
_NO: Words = ("Nej", "No")
# What a spreadsheet would run as a formula: a text cell never starts with it unquoted.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Progress = Callable[[int], None]


@dataclass(frozen=True)
class LogbookExport:
    path: Path
    codebook: Path
    rows: int
    identifiable: bool


def codebook_path(out: Path) -> Path:
    """The codebook beside an export: `logbook.xlsx` -> `logbook.codebook.csv`."""
    return out.with_name(f"{out.stem}.codebook.csv")


def export_logbook(
    acting: Acting,
    out: Path,
    where: LogbookFilter | None = None,
    *,
    separator: str = ",",
    identifiable: bool = False,
    lang: str = "da",
    progress: Progress | None = None,
) -> LogbookExport:
    """Write the logbook entries `where` selects (the courses this user may read) to `out`
    (.csv or .xlsx) and its codebook beside it. `progress` hears the rows written so far."""
    out = Path(out)
    where = where or LogbookFilter()
    file_format = _format_of(out)
    if separator not in SEPARATORS:
        raise InvalidInput("export.separator", separator=separator)
    if where.start and where.end and where.start > where.end:
        raise InvalidInput("export.period_reversed", start=where.start, end=where.end)
    require_export(acting, identifiable=identifiable)
    protected = acting.protected_paths()
    out = checked_output(out, protected)
    book = checked_output(codebook_path(out), protected)

    chosen = columns(agenda_points(acting), identifiable=identifiable)
    names = Pseudonyms(pseudonymiser(acting.db))
    seen: dict[str, set[str]] = {c.values: set() for c in chosen if c.values}
    rows = _values(each_entry(acting, where), chosen, identifiable, names, seen, progress)
    with atomic_writer(out) as data:
        if file_format == "xlsx":
            count = write_xlsx(data, chosen, rows, title=choose(("Logbog", "Logbook"), lang))
        else:
            count = write_csv(data, chosen, rows, separator=separator)
        with atomic_writer(book) as codebook:
            lines = codebook_rows(acting, chosen, seen, lang, identifiable, file_format)
            _write_csv_lines(codebook, [CODEBOOK_HEADER, *lines], separator)
            record_export(acting, rows=count, identifiable=identifiable, file_format=file_format)
    return LogbookExport(out, book, count, identifiable)


def _format_of(out: Path) -> str:
    suffix = out.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InvalidInput("export.logbook_format", suffix=out.suffix or out.name)
    return suffix


def _values(
    entries: Iterable[Any],
    chosen: tuple[Column, ...],
    identifiable: bool,
    names: Pseudonyms,
    seen: dict[str, set[str]],
    progress: Progress | None,
) -> Iterator[list[Value]]:
    """Each entry's values in column order, noting the values met of each word list (for
    the codebook)."""
    makers = [c.maker(identifiable) for c in chosen]
    make_all = [m for m in makers if m is not None]
    assert len(make_all) == len(chosen), "a column left out of this export was chosen"
    listed = [
        (i, c.values, c.type is ColumnType.CATEGORIES) for i, c in enumerate(chosen) if c.values
    ]
    for n, entry in enumerate(entries, 1):
        values = [make(entry, names) for make in make_all]
        for i, word_list, several in listed:
            value = values[i]
            if value:
                seen[word_list].update(str(value).split(" ") if several else (str(value),))
        yield values
        if progress is not None and n % PROGRESS_EVERY == 0:
            progress(n)


# --- CSV ------------------------------------------------------------------------------------
def write_csv(
    stream: IO[bytes], chosen: tuple[Column, ...], rows: Iterable[list[Value]], *, separator: str
) -> int:
    """The rows as CSV in UTF-8 with a BOM (what Excel needs to read it as UTF-8): `,`, or `;`
    with decimal commas (what Danish Excel opens directly). Returns the number of rows."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", write_through=False)
    writer = csv.writer(text, delimiter=separator, lineterminator="\r\n")
    writer.writerow([c.name for c in chosen])
    cells = [_csv_cell(c.type, decimal_comma=separator == ";") for c in chosen]
    count = 0
    for values in rows:
        writer.writerow([cell(v) for cell, v in zip(cells, values, strict=True)])
        count += 1
    text.flush()
    text.detach()
    return count


def _csv_cell(kind: ColumnType, *, decimal_comma: bool) -> Callable[[Value], str]:
    """How a column's values are written: one small function per type, as a row is many."""
    if kind is ColumnType.BOOLEAN:
        return lambda v: "" if v is None else ("1" if v else "0")
    if kind is ColumnType.DECIMAL:
        point = "," if decimal_comma else "."
        return lambda v: "" if v is None else f"{v:.1f}".replace(".", point)
    if kind is ColumnType.DATE:
        return lambda v: v.isoformat() if isinstance(v, date) else ""
    if kind is ColumnType.TEXT:
        return lambda v: "" if v is None else _not_a_formula(str(v))
    return lambda v: "" if v is None else str(v)


def _not_a_formula(value: str) -> str:
    """A text that a spreadsheet would run as a formula, quoted so that it stays text."""
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def _write_csv_lines(stream: IO[bytes], lines: Iterable[Iterable[str]], separator: str) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    csv.writer(text, delimiter=separator, lineterminator="\r\n").writerows(lines)
    text.flush()
    text.detach()


# --- XLSX -----------------------------------------------------------------------------------
def write_xlsx(
    stream: IO[bytes], chosen: tuple[Column, ...], rows: Iterable[list[Value]], *, title: str
) -> int:
    """The rows as a workbook written by openpyxl in its streaming (write-only) mode: typed
    cells (dates, numbers, booleans), a frozen header row, column widths."""
    # Loaded only when a workbook is written. openpyxl publishes no types.
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(chosen, 1):
        width = max(column.width, len(column.name) + 2)
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header = []
    for column in chosen:
        cell = WriteOnlyCell(sheet, value=column.name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    text = [i for i, c in enumerate(chosen) if c.type is ColumnType.TEXT]
    count = 0
    for values in rows:
        row: list[Any] = values
        for i in text:
            value = values[i]
            if value is not None:
                row[i] = _xlsx_text(sheet, str(value), WriteOnlyCell)
        sheet.append(row)
        count += 1
    book.save(stream)
    return count


def _xlsx_text(sheet: Any, value: str, make_cell: Any) -> Any:
    """A text cell: characters XML cannot hold go, and one that starts like a formula stays
    text (openpyxl would make it a formula)."""
    value = _NOT_IN_XML.sub("", value)
    if not value.startswith("="):
        return value
    cell = make_cell(sheet, value=value)
    cell.data_type = "s"
    return cell


# --- the codebook ---------------------------------------------------------------------------
def codebook_rows(
    acting: Acting,
    chosen: tuple[Column, ...],
    seen: dict[str, set[str]],
    lang: str,
    identifiable: bool,
    file_format: str,
) -> list[tuple[str, str, str, str, str]]:
    """One line per column: name, type, description, values with labels (`value = label`,
    separated by ` | `), and how its values were made in this export."""
    lists = value_labels(acting, seen, lang)
    yes, no = choose(_YES, lang), choose(_NO, lang)
    true, false = ("TRUE", "FALSE") if file_format == "xlsx" else ("1", "0")
    lines = []
    for column in chosen:
        values = ""
        if column.type is ColumnType.BOOLEAN:
            values = f"{true} = {yes} | {false} = {no}"
        elif column.values:
            values = " | ".join(f"{v} = {text}" for v, text in lists[column.values])
        lines.append(
            (
                column.name,
                column.type.value,
                choose(column.description, lang),
                values,
                choose(column.how(identifiable), lang),
            )
        )
    return lines


def value_labels(
    acting: Acting, seen: dict[str, set[str]], lang: str
) -> dict[str, list[tuple[str, str]]]:
    """Each word list's values and labels in `lang`: the records vocabulary, the centre's lists
    (with any value met that a list no longer has, labelled by itself), the themes met."""
    found: dict[str, list[tuple[str, str]]] = {}
    for word_list, values in VOCABULARY.items():
        found[word_list] = [(v, _vocabulary_label(word_list, v, lang)) for v in values]
    centre = {"end_reason": END_REASONS, "not_held_reason": NOT_HELD_REASONS,
              "other_treatment": OTHER_TREATMENT}  # fmt: skip
    for word_list, kind in centre.items():
        known = _centre_list(acting, kind, lang)
        met = seen.get(word_list, set()) - {v for v, _ in known}
        found[word_list] = known + [(v, v) for v in sorted(met)]
    themes = seen.get("theme", set())
    found["theme"] = [(t, _theme_title(acting, t, lang)) for t in sorted(themes)]
    return found


def _vocabulary_label(word_list: str, value: str, lang: str) -> str:
    if word_list == "note_status" and f"{word_list}.{value}" not in LABELS:
        return choose(_NO_NOTE, lang)
    return label(f"{word_list}.{value}", lang)


def _centre_list(acting: Acting, kind: ChoiceList, lang: str) -> list[tuple[str, str]]:
    try:
        return [(c.id, c.label(lang)) for c in centre_list(kind, acting.data_dir)]
    except TraumefokusError:  # the centre's file is broken: values are labelled by themselves
        return []


def _theme_title(acting: Acting, theme_id: str, lang: str) -> str:
    """The theme's title in the packs that have it (in English: its official title)."""
    titles: list[str] = []
    for ref in acting.library.refs("pack"):
        pack = acting.library.pack(ref.id, ref.version)
        theme = pack.theme(theme_id) if pack else None
        if theme:
            title = theme.title_en if lang == "en" else theme.title
            if title not in titles:
                titles.append(title)
    return " / ".join(titles) or theme_id


def agenda_points(acting: Acting) -> list[tuple[str, Words]]:
    """Every agenda point id of the programmes the library holds (every version), in the
    order of the session kinds and of each agenda, with its title (Danish, English)."""
    points: dict[str, Words] = {}
    library = acting.library
    for ref in library.refs("programme"):
        try:
            programme = library.programme(ref.id, ref.version)
        except TraumefokusError:  # a broken programme file: no course can be using it
            continue
        for kind in SessionKind:
            for point in programme.agenda.get(kind, ()) if programme else ():
                points.setdefault(point.id, (point.title, point.title_en))
    return list(points.items())
