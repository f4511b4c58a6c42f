"""The record-based format items in the supervision report: per item a block of rows, one
per therapist, a cell per month shaded by the share of sessions that met the item (the
screen's colours: warm for few met, blue for all met, an outline for no session), the whole
period at the end; then the table per therapist over the whole period. The month by month
figures are in the workbook."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from traumefokus.documents.fonts import SANS, SANS_BOLD
from traumefokus.documents.page import TEXT_WIDTH
from traumefokus.documents.report_tables import table_grid
from traumefokus.documents.styles import INK, MUTED, RULE, SMALL, gap, heading, markup
from traumefokus.domain.record_chart import Tally
from traumefokus.services.record_chart import RecordChart
from traumefokus.services.record_tables import rule_label, summary_table, word

ROW = 11  # points per therapist
TITLE = 13
HEADER = 20
LEGEND = 16
TOTAL = 34  # the whole period's cell
LOW, MIDDLE, HIGH = (colors.HexColor(c) for c in ("#9a3b1b", "#f3e6cc", "#1f4e5f"))
SHARES = (0.26, 0.22, 0.1, 0.09, 0.1, 0.11, 0.12)


def shade(share: float) -> colors.Color:
    share = min(max(share, 0.0), 1.0)
    start, end, part = (LOW, MIDDLE, share * 2) if share < 0.5 else (MIDDLE, HIGH, share * 2 - 1)
    return colors.Color(
        start.red + (end.red - start.red) * part,
        start.green + (end.green - start.green) * part,
        start.blue + (end.blue - start.blue) * part,
    )


def _ink(fill: colors.Color) -> colors.Color:
    light = 0.299 * fill.red + 0.587 * fill.green + 0.114 * fill.blue
    return INK if light > 0.6 else colors.white


def _percent(share: float, lang: str) -> str:
    return f"{round(share * 100)}%" if lang == "en" else f"{round(share * 100)} %"


def _month_name(month: date, lang: str) -> str:
    from babel.dates import format_date  # slow to load: only when drawn

    return format_date(month, "LLL", locale="en" if lang == "en" else "da").rstrip(".")


def heat_chart(chart: RecordChart, lang: str, width: float = TEXT_WIDTH) -> Drawing:
    rows = sum(TITLE + ROW * len(item.rows) for item in chart.items)
    height = HEADER + rows + LEGEND
    drawing = Drawing(width, height)
    label_width = width * 0.2
    cell = (width - label_width - TOTAL - 6) / max(len(chart.months), 1)
    top = height - HEADER
    for index, month in enumerate(chart.months):
        x = label_width + index * cell
        if cell >= 14:
            drawing.add(
                String(x + cell / 2, top + 10, _month_name(month, lang), fontName=SANS,
                       fontSize=6.5, textAnchor="middle", fillColor=MUTED)
            )  # fmt: skip
        if month.month == 1 or (index == 0 and (13 - month.month) * cell >= 22):
            drawing.add(String(x + 1, top + 2, str(month.year), fontName=SANS, fontSize=6.5))
            drawing.add(Line(x, top, x, top + 8, strokeColor=RULE, strokeWidth=0.5))
    end = label_width + len(chart.months) * cell + 6
    drawing.add(String(end, top + 2, word("whole_period", lang), fontName=SANS, fontSize=6.5))
    y = top
    for item in chart.items:
        y -= TITLE
        drawing.add(String(0, y + 3, rule_label(item.rule, lang), fontName=SANS_BOLD, fontSize=8))
        for row in item.rows:
            y -= ROW
            drawing.add(
                String(0, y + 2.5, _fit(chart.label(row.therapist), label_width - 4),
                       fontName=SANS, fontSize=7.5)
            )  # fmt: skip
            for index, tally in enumerate(row.months):
                _cell(drawing, label_width + index * cell, y, cell, tally, lang, text=cell >= 18)
            _cell(drawing, end, y, TOTAL, row.total, lang, text=True)
    _legend(drawing, label_width, lang)
    return drawing


def _cell(
    drawing: Drawing, x: float, y: float, width: float, tally: Tally, lang: str, *, text: bool
) -> None:
    inner = max(width - 1, 0.5) if width >= 6 else width  # narrow cells touch
    share = tally.share_met
    if share is None:
        if width < 6:  # ten years of months: a blank, not a row of outlines
            return
        drawing.add(
            Rect(x + 0.5, y + 1, inner - 0.5, ROW - 2, fillColor=None, strokeColor=RULE,
                 strokeWidth=0.4)
        )  # fmt: skip
        return
    fill = shade(share)
    drawing.add(Rect(x, y + 0.5, inner, ROW - 1, fillColor=fill, strokeColor=None))
    if text:
        drawing.add(
            String(x + inner / 2, y + 3, _percent(share, lang), fontName=SANS, fontSize=6,
                   textAnchor="middle", fillColor=_ink(fill))
        )  # fmt: skip


def _legend(drawing: Drawing, x: float, lang: str) -> None:
    low, high, empty = (word(k, lang) for k in ("legend_low", "legend_high", "legend_empty"))
    muted = {"fontName": SANS, "fontSize": 7, "fillColor": MUTED}
    drawing.add(String(x - 4, 3, low, textAnchor="end", **muted))
    for step in range(20):
        drawing.add(Rect(x + step * 4, 2, 4, 8, fillColor=shade(step / 19), strokeColor=None))
    drawing.add(String(x + 84, 3, high, **muted))
    at = x + 92 + _width(high)
    drawing.add(Rect(at, 2, 9, 8, fillColor=None, strokeColor=RULE, strokeWidth=0.4))
    drawing.add(String(at + 13, 3, empty, **muted))


def _width(text: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, SANS, 7))


def _fit(text: str, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, SANS, 7.5) <= width:
        return text
    while text and stringWidth(text + "…", SANS, 7.5) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def record_items_flowables(chart: RecordChart, lang: str) -> list[Flowable]:
    """The section: its title, what it shows, the chart and the table per therapist."""
    summary = summary_table(chart, lang)
    top: list[Flowable] = [heading(word("title", lang))]
    if not chart.items:
        return [*top, Paragraph(markup(word("nothing", lang)), SMALL)]
    top += [
        Paragraph(markup(word("about", lang, sessions=chart.sessions)), SMALL),
        gap(2),
        heat_chart(chart, lang),
    ]
    return [
        KeepTogether(top),
        gap(3),
        KeepTogether([heading(summary.title), table_grid(summary, lang, SHARES, compact=True)]),
    ]
