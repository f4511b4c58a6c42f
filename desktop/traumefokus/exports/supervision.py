"""The supervision overview as a spreadsheet (XLSX): one sheet per table of the report, with
typed cells (counts as whole numbers, shares as percentages, minutes with a decimal), a frozen
header row and columns wide enough to read; a last sheet says what the figures cover and how
they are counted. openpyxl loads only when a workbook is written."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from traumefokus.fileio import checked_output, write_atomic
from traumefokus.messages import choose
from traumefokus.services.acting import Acting
from traumefokus.services.supervision import (
    Overview,
    OverviewQuery,
    record_report,
    supervision_overview,
)
from traumefokus.services.supervision_tables import (
    Cell,
    counting_rules,
    overview_tables,
    scope_lines,
    word,
)

SHEETS = {  # table key: sheet name (Danish, English); at most 31 characters
    "figures": ("Nøgletal", "Key figures"),
    "reasons": ("Afsluttet før tid", "Ended early"),
    "therapists": ("Behandlere", "Therapists"),
    "themes": ("Temaer", "Themes"),
    "agenda": ("Dagsorden", "Agenda"),
    "about": ("Om tallene", "About"),
}
FORMATS = {
    Cell.COUNT: "#,##0",
    Cell.KRONER: "#,##0",
    Cell.SHARE: "0.0%",
    Cell.MINUTES: "0.0",
}


def workbook_bytes(overview: Overview, lang: str) -> bytes:
    # openpyxl publishes no types
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    shade = PatternFill("solid", fgColor="EEF3F5")
    for table in overview_tables(overview, lang):
        sheet = book.create_sheet(choose(SHEETS[table.key], lang))
        sheet.append([c.heading for c in table.columns])
        for head in sheet[1]:
            head.font, head.fill = bold, shade
            head.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            sheet.append(list(row))
        for index, column in enumerate(table.columns, start=1):
            cells = [row[0] for row in sheet.iter_rows(min_col=index, max_col=index)]
            for cell in cells[1:]:
                if column.cell in FORMATS:
                    cell.number_format = FORMATS[column.cell]
                elif isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # a name or a title, never a formula
            longest = max(len(str(cell.value or "")) for cell in cells)
            letter = cells[0].column_letter
            sheet.column_dimensions[letter].width = min(max(longest, 8) + 2, 60)
        sheet.freeze_panes = "A2"
    about = book.create_sheet(choose(SHEETS["about"], lang))
    about.append([word("title", lang)])
    about["A1"].font = Font(bold=True, size=14)
    for label, value in scope_lines(overview, lang):
        about.append([label, value])
    about.append([])
    about.append([word("how", lang)])
    about.cell(row=about.max_row, column=1).font = bold
    for rule in counting_rules(lang):
        about.append([rule])
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 40
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_supervision(
    acting: Acting, query: OverviewQuery, out: Path, *, lang: str, today: date | None = None
) -> Path:
    """Write the overview of `query` as a workbook to `out` (whole or not at all) and record
    it in the audit trail."""
    out = checked_output(out, acting.protected_paths())
    overview = supervision_overview(acting, query, today=today)
    write_atomic(out, workbook_bytes(overview, lang))
    record_report(acting, query, "xlsx")
    return out
