"""The supervision overview as a spreadsheet (XLSX): one sheet per table of the report, with
typed cells (counts as whole numbers, shares as percentages, minutes with a decimal), a frozen
header row and columns wide enough to read; a last sheet says what the figures cover and how
they are counted. openpyxl loads only when a workbook is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from traumefokus.exports.tables_workbook import About, tables_workbook
from traumefokus.fileio import checked_output, write_atomic
from traumefokus.services.acting import Acting
from traumefokus.services.record_chart import RecordChart, record_chart
from traumefokus.services.record_tables import record_tables
from traumefokus.services.record_tables import word as record_word
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
    "record_items": ("Journalpunkter", "Record items"),
    "record_months": ("Journalpunkter pr. måned", "Record items per month"),
    "about": ("Om tallene", "About"),
}
FORMATS = {
    Cell.COUNT: "#,##0",
    Cell.KRONER: "#,##0",
    Cell.SHARE: "0.0%",
    Cell.MINUTES: "0.0",
}


def workbook_bytes(overview: Overview, lang: str, records: RecordChart | None = None) -> bytes:
    """The overview's tables; with `records`, the record-based format items per therapist
    and per therapist and month after them."""
    rules = counting_rules(lang)
    tables = overview_tables(overview, lang)
    if records is not None:
        tables += record_tables(records, lang)
        rules.insert(-1, record_word("rule", lang))
    about = About(
        SHEETS["about"], word("title", lang), scope_lines(overview, lang), word("how", lang), rules
    )
    return tables_workbook(tables, SHEETS, FORMATS, about, lang)


def export_supervision(
    acting: Acting, query: OverviewQuery, out: Path, *, lang: str, today: date | None = None
) -> Path:
    """Write the overview of `query` as a workbook to `out` (whole or not at all) and record
    it in the audit trail."""
    out = checked_output(out, acting.protected_paths())
    overview = supervision_overview(acting, query, today=today)
    records = record_chart(acting, query, today=today)
    write_atomic(out, workbook_bytes(overview, lang, records))
    record_report(acting, query, "xlsx")
    return out
