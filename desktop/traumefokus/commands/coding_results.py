"""`traumefokus coding results --round NAME [--out FILE.csv|FILE.xlsx|FILE.pdf]`: a round's
results (services/coding_results.py) as tables on the terminal, or written to a file. A round
without submitted ratings says so and exits 0, writing no file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.errors import InvalidInput

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli
    from traumefokus.services.coding_results import Results
    from traumefokus.services.supervision_tables import Table

FORMATS = (".csv", ".xlsx", ".pdf")


def run(cli: Cli) -> int:
    from traumefokus.services.coding_results import coding_results

    args = cli.args
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in FORMATS:
        raise InvalidInput("coding.results_format", suffix=out.suffix.lower() or out.name)
    with cli.workspace(reading=out is None).open() as db:  # on screen: nothing is written
        acting = cli.sign_in(db)
        results = coding_results(acting, args.round)
        if not results.has_ratings:
            cli.say("coding.no_ratings", name=results.round.name)
            return 0
        if out is None:
            print(as_text(results, cli.lang), file=cli.out, end="")
            return 0
        if out.suffix.lower() == ".pdf":
            from traumefokus.documents.kinds import DocumentKind
            from traumefokus.documents.render import DocumentRequest, save_pdf

            request = DocumentRequest(DocumentKind.CODING_RESULTS, results.round.name, cli.lang)
            save_pdf(acting, request, out, today=date.today())
        else:
            from traumefokus.exports.coding_results import export_results

            export_results(acting, results, out, lang=cli.lang)
    cli.say("coding.results_written", name=results.round.name, path=out)
    return 0


def as_text(results: Results, lang: str) -> str:
    """The tables for a terminal: the round's facts, then each table under its title, its
    columns aligned (numbers to the right)."""
    from traumefokus.services.coding_tables import results_tables, scope_lines, word

    lines = [word("title", lang), ""]
    facts = scope_lines(results, lang)
    width = max(len(label) for label, _value in facts)
    lines += [f"{label + ':':<{width + 1}} {value}" for label, value in facts]
    for table in results_tables(results, lang):
        lines += ["", table.title, "-" * len(table.title), *_table_lines(table, lang)]
    return "\n".join(lines) + "\n"


def _table_lines(table: Table, lang: str) -> list[str]:
    from traumefokus.services.supervision_tables import Cell, formatted

    cells = [
        [formatted(v, c.cell, lang) or "–" for v, c in zip(row, table.columns, strict=True)]
        for row in table.rows
    ]
    rows = [[c.heading for c in table.columns], *cells]
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.columns))]
    right = [c.cell is not Cell.TEXT for c in table.columns]
    return [
        "  ".join(
            text.rjust(w) if r else text.ljust(w)
            for text, w, r in zip(row, widths, right, strict=True)
        ).rstrip()
        for row in rows
    ]
