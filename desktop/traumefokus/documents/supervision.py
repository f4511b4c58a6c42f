"""The supervision report on paper: what it covers, the key figures, courses by outcome,
attendance per therapist, the themes, the time per agenda point against the programme, and
how each figure is counted. Figures only: therapists by name, no client code or name."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from traumefokus.documents.page import TEXT_WIDTH, Pdf, Progress, Section, build_pdf
from traumefokus.documents.record_items import record_items_flowables
from traumefokus.documents.report_tables import some_columns, table_grid, titled_grid
from traumefokus.documents.styles import (
    SMALL,
    SUBTITLE,
    TITLE,
    bullets,
    facts,
    gap,
    heading,
    markup,
)
from traumefokus.documents.supervision_charts import agenda_chart, bar_chart
from traumefokus.documents.wording import Wording
from traumefokus.labels import label_of
from traumefokus.services.record_chart import RecordChart
from traumefokus.services.record_tables import word as record_word
from traumefokus.services.supervision import Overview
from traumefokus.services.supervision_tables import (
    Cell,
    counting_rules,
    formatted,
    overview_tables,
    scope_lines,
    word,
)


def supervision_section(
    overview: Overview, words: Wording, records: RecordChart | None = None
) -> Section:
    """The report; with `records`, the record-based format items before the counting rules."""
    lang = words.lang
    tables = {t.key: t for t in overview_tables(overview, lang)}
    title = word("title", lang)
    story: list[Flowable] = [
        Paragraph(markup(title), TITLE),
        facts(scope_lines(overview, lang, words.long_date), TEXT_WIDTH),
        gap(2),
    ]
    story += titled_grid(tables["figures"], lang, (0.66, 0.16, 0.18))
    story.append(heading(_outcome_title(lang)))
    story.append(bar_chart(_outcomes(overview, lang), TEXT_WIDTH))
    if overview.ended_by_reason:
        story += titled_grid(tables["reasons"], lang, (0.66, 0.16, 0.18))
    therapists = tables["therapists"]
    rates = [
        (r.label, r.attendance.rate or 0.0, formatted(r.attendance.rate, Cell.SHARE, lang))
        for r in overview.therapists
    ]
    chart: list[Flowable] = [heading(therapists.title)]
    if rates:
        chart += [
            Paragraph(markup(word("rate", lang)), SUBTITLE),
            bar_chart(rates, TEXT_WIDTH, most=1.0),
            gap(3),
        ]
    courses = some_columns(therapists, range(5))
    chart.append(table_grid(courses, lang, (0.32, 0.17, 0.17, 0.17, 0.17)))
    story.append(KeepTogether(chart))
    story.append(gap(3))
    sessions = some_columns(therapists, [0, *range(5, 13)])
    widths = (0.16, 0.09, 0.11, 0.1, 0.1, 0.12, 0.09, 0.11, 0.12)
    story.append(table_grid(sessions, lang, widths, compact=True))
    story += titled_grid(tables["themes"], lang, (0.2, 0.41, 0.13, 0.13, 0.13))
    agenda = tables["agenda"]
    top: list[Flowable] = [heading(agenda.title)]
    if overview.agenda:
        labels = [
            (
                f"{label_of('session_kind', r.kind.value, lang)} · "
                f"{r.title_en if lang == 'en' else r.title}",
                r,
            )
            for r in overview.agenda
        ]
        top += [agenda_chart(labels, TEXT_WIDTH, lang), gap(3)]
    story.append(KeepTogether(top))
    widths = (0.17, 0.2, 0.1, 0.09, 0.08, 0.08, 0.07, 0.1, 0.11)
    story.append(table_grid(agenda, lang, widths, compact=True))
    rules = counting_rules(lang)
    if records is not None:
        story += record_items_flowables(records, lang)
        rules.insert(-1, record_word("rule", lang))
    story.append(heading(word("how", lang)))
    story.append(bullets(rules, SMALL))
    header = f"{title} · {scope_lines(overview, lang, words.short_date)[0][1]}"
    return Section(header=header, flowables=story)


def supervision_pdf(
    overview: Overview,
    lang: str,
    *,
    printed_on: date | None = None,
    progress: Progress | None = None,
    records: RecordChart | None = None,
) -> Pdf:
    words = Wording(lang)
    return build_pdf(
        [supervision_section(overview, words, records)],
        title=word("title", lang),
        words=words,
        printed_on=printed_on or overview.today,
        progress=progress,
    )


def _outcome_title(lang: str) -> str:
    return "Forløb efter udfald" if lang != "en" else "Courses by outcome"


def _outcomes(o: Overview, lang: str) -> list[tuple[str, float, str]]:
    def bar(label: str, count: int) -> tuple[str, float, str]:
        return label, float(count), formatted(count, Cell.COUNT, lang)

    bars = [
        bar(word("started", lang), o.started),
        bar(word("active", lang), o.active),
        bar(word("completed", lang), o.completed),
        bar(word("ended_early", lang), o.ended_early),
    ]
    bars += [bar(f"    {r.label(lang)}", r.courses) for r in o.ended_by_reason]
    return bars

