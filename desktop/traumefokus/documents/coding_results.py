"""A coding round's results on paper: which round, the mean per part (n, SD, range), the mean
per item, the agreement between the coders, the comparison between rounds, and how the
figures are computed. Figures only: no session, client, therapist or coder is named."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from traumefokus.documents.page import TEXT_WIDTH, Pdf, Progress, Section, build_pdf
from traumefokus.documents.report_tables import table_grid
from traumefokus.documents.styles import SMALL, TITLE, bullets, facts, gap, heading, markup
from traumefokus.documents.wording import Wording
from traumefokus.services.coding_results import Results
from traumefokus.services.coding_tables import results_tables, rules, scope_lines, word
from traumefokus.services.supervision_tables import Table

SHARES = {
    "parts": (0.35, 0.1, 0.15, 0.13, 0.135, 0.135),
    "items": (0.43, 0.17, 0.2, 0.07, 0.13),  # the item's id left out: its text names it
    "agreement": (0.17, 0.11, 0.09, 0.11, 0.11, 0.11, 0.3),
}


def results_section(results: Results, words: Wording) -> Section:
    lang = words.lang
    tables = {t.key: t for t in results_tables(results, lang)}
    title = word("title", lang)
    story: list[Flowable] = [
        Paragraph(markup(title), TITLE),
        facts(scope_lines(results, lang, words.long_date), TEXT_WIDTH),
        gap(2),
    ]
    for key in ("parts", "agreement", "comparison", "items"):
        story += _titled(tables[key], lang)
    story.append(heading(word("how", lang)))
    story.append(bullets(rules(lang), SMALL))
    return Section(header=f"{title} · {results.round.name}", flowables=story)


def _titled(table: Table, lang: str) -> list[Flowable]:
    if table.key == "items":
        table = replace(table, columns=table.columns[1:], rows=tuple(row[1:] for row in table.rows))
    shares = SHARES.get(table.key) or _comparison_shares(len(table.columns))
    grid = table_grid(table, lang, shares, compact=len(table.columns) > 6)
    if table.key == "items":  # long: its heading stays with the first rows only
        return [heading(table.title), grid]
    return [KeepTogether([heading(table.title), grid])]


def _comparison_shares(columns: int) -> tuple[float, ...]:
    """Round, period, n, then the parts sharing what is left."""
    parts = columns - 3
    first = (0.26, 0.24, 0.08)
    rest = (1 - sum(first)) / parts if parts else 0.0
    return (*first, *(rest,) * parts)


def results_pdf(
    results: Results,
    lang: str,
    *,
    printed_on: date,
    progress: Progress | None = None,
) -> Pdf:
    words = Wording(lang)
    return build_pdf(
        [results_section(results, words)],
        title=word("title", lang),
        words=words,
        printed_on=printed_on,
        progress=progress,
    )
