"""The record-based format items of the supervision overview as tables, in Danish or English,
for the screen, the printed report and the workbook (the cell types of
services/supervision_tables.py): per item and therapist over the whole period, and per item,
therapist and month."""

from __future__ import annotations

from datetime import date

from traumefokus.domain.record_chart import Tally
from traumefokus.services.record_chart import RecordChart
from traumefokus.services.supervision_tables import Cell, Column, Table, Value
from traumefokus.services.table_words import Words

# key: (Danish, English)
WORDS: dict[str, tuple[str, str]] = {
    "title": ("Journalpunkter", "Record items"),
    "summary": (
        "Formatpunkter læst af journalen, pr. behandler",
        "Format items read from the record, per therapist",
    ),
    "monthly": (
        "Formatpunkter læst af journalen, pr. behandler og måned",
        "Format items read from the record, per therapist and month",
    ),
    "item": ("Punkt", "Item"),
    "therapist": ("Behandler", "Therapist"),
    "everyone": ("Alle behandlere", "All therapists"),
    "month": ("Måned", "Month"),
    "sessions": ("Sessioner", "Sessions"),
    "met": ("Opfyldt", "Met"),
    "not_met": ("Ikke opfyldt", "Not met"),
    "cannot_tell": ("Kan ikke afgøres", "Cannot tell"),
    "share_met": ("Andel opfyldt", "Share met"),
    "rule": (
        "Journalpunkter: hver underskrevet, afholdt traumefokuseret session i perioden "
        "bedømmes på de formatpunkter i metodens skala, journalen kan vise (fx udtjekning uden "
        "hast: mindst halvdelen af målets minutter). Andel opfyldt er af de sessioner, der kan "
        "afgøres; sessioner, hvor journalen ikke kan vise det, tælles for sig.",
        "Record items: every signed, held trauma session in the period is judged on the "
        "format items of its method's scale that the record can show (e.g. check-out not "
        "rushed: at least half its target minutes). The share met is of the sessions that can "
        "be told; sessions whose record cannot show it are counted on their own.",
    ),
    "whole_period": ("Hele perioden", "Whole period"),
    "about": (
        "De {sessions} underskrevne, afholdte traumefokuserede sessioner i perioden, bedømt på "
        "de formatpunkter, journalen kan vise: pr. behandler og måned andelen, der opfyldte "
        "punktet, af de sessioner, journalen kan afgøre.",
        "The {sessions} signed, held trauma sessions in the period, judged on the format items "
        "the record can show: per therapist and month, the share that met the item, of the "
        "sessions the record can tell.",
    ),
    "nothing": (
        "Ingen underskrevne, afholdte traumefokuserede sessioner i perioden.",
        "No signed, held trauma sessions in the period.",
    ),
    "legend_low": ("ingen opfyldt", "none met"),
    "legend_high": ("alle opfyldt", "all met"),
    "legend_empty": (
        "ingen session, eller ingen journalen kan afgøre",
        "no session, or none the record can tell",
    ),
    "rule.check_in_done": ("Indtjekning noteret", "Check-in noted"),
    "rule.check_in_within_time": ("Indtjekning inden for tiden", "Check-in within its time"),
    "rule.quote_used": ("Citat brugt", "Quote used"),
    "rule.worksheets_used": ("Arbejdsark brugt", "Worksheets used"),
    "rule.worksheets_handed_out": ("Arbejdsark udleveret", "Worksheets handed out"),
    "rule.commitment_set": ("Aftale sat", "Commitment set"),
    "rule.check_out_done": ("Udtjekning noteret", "Check-out noted"),
    "rule.check_out_not_rushed": ("Udtjekning uden hast", "Check-out not rushed"),
}

word = Words(WORDS)


def rule_label(rule: str, lang: str) -> str:
    """The item's name by its rule (the same rule on the SS and the CC scale is one row)."""
    return word(f"rule.{rule}", lang) if f"rule.{rule}" in WORDS else rule


def month_text(month: date) -> str:
    """A month as a table writes it, the same in both languages and sorted by its text."""
    return f"{month.year:04d}-{month.month:02d}"


def _counts(tally: Tally) -> tuple[Value, ...]:
    return tally.sessions, tally.met, tally.not_met, tally.cannot_tell, tally.share_met


def _count_columns(lang: str) -> tuple[Column, ...]:
    w = word.of(lang)
    return (
        Column(w("sessions"), Cell.COUNT),
        Column(w("met"), Cell.COUNT),
        Column(w("not_met"), Cell.COUNT),
        Column(w("cannot_tell"), Cell.COUNT),
        Column(w("share_met"), Cell.SHARE),
    )


def summary_table(chart: RecordChart, lang: str) -> Table:
    """Per item a row per therapist over the whole period, then every therapist together
    (when there are several)."""
    w = word.of(lang)
    columns = (Column(w("item"), Cell.TEXT), Column(w("therapist"), Cell.TEXT))
    rows: list[tuple[Value, ...]] = []
    for item in chart.items:
        label = rule_label(item.rule, lang)
        rows += [(label, chart.label(r.therapist), *_counts(r.total)) for r in item.rows]
        if len(item.rows) > 1:
            rows.append((label, w("everyone"), *_counts(item.total)))
    return Table(
        "record_items", w("summary"), (*columns, *_count_columns(lang)), tuple(rows), w("rule")
    )


def monthly_table(chart: RecordChart, lang: str) -> Table:
    """Per item, therapist and month with a judged session: the counts and the share met."""
    w = word.of(lang)
    columns = (
        Column(w("item"), Cell.TEXT),
        Column(w("therapist"), Cell.TEXT),
        Column(w("month"), Cell.TEXT),
    )
    rows = tuple(
        (rule_label(item.rule, lang), chart.label(r.therapist), month_text(month), *_counts(t))
        for item in chart.items
        for r in item.rows
        for month, t in zip(chart.months, r.months, strict=True)
        if t.sessions
    )
    return Table("record_months", w("monthly"), (*columns, *_count_columns(lang)), rows, w("rule"))


def record_tables(chart: RecordChart, lang: str) -> list[Table]:
    return [summary_table(chart, lang), monthly_table(chart, lang)]
