"""The supervision overview's "Record items" section: what the chart shows, the chart of
the record-based format items per therapist and month (ui/record_heatmap.py), and the same
figures as tables (the whole period per therapist, then each month) for a screen reader or
a closer look."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from traumefokus.ui.record_heatmap import HeatBlock, HeatRow, RecordHeatmap
from traumefokus.ui.report_tables import fill_table, report_table

if TYPE_CHECKING:
    from traumefokus.services.record_chart import RecordChart


class RecordItemsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.chart = RecordHeatmap()
        self.summary_title = _bold()
        self.summary = report_table()
        self.months_title = _bold()
        self.months = report_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for widget in (
            self.about,
            self.chart,
            self.summary_title,
            self.summary,
            self.months_title,
            self.months,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.counting()

    def counting(self) -> None:
        self.about.setText(self.tr("Counting the record items…"))

    def show_chart(self, chart: RecordChart, lang: str) -> None:
        from traumefokus.services.record_tables import monthly_table, rule_label, summary_table

        locale = QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Danish)
        blocks = tuple(
            HeatBlock(
                rule_label(item.rule, lang),
                tuple(HeatRow(chart.label(r.therapist), r.months, r.total) for r in item.rows),
            )
            for item in chart.items
        )
        self.chart.set_blocks(
            blocks,
            chart.months,
            locale,
            {
                "total": self.tr("Whole period"),
                "cell": self.tr(
                    "%1 · %2 · %3: %4 met, %5 not met, %6 cannot tell from the record "
                    "(%7 met of those that can)"
                ),
                "none": self.tr("no signed trauma session"),
                "legend_low": self.tr("none met"),
                "legend_high": self.tr("all met"),
                "legend_empty": self.tr("no session, or none the record can tell"),
            },
        )
        self.chart.setAccessibleName(self.tr("Record items per therapist and month"))
        self.chart.setAccessibleDescription(
            self.tr("The same figures are in the two tables below the chart.")
        )
        self.chart.setVisible(bool(chart.items))
        if not chart.items:
            self.about.setText(self.tr("No signed, held trauma session in the period."))
        else:
            self.about.setText(
                self.tr(
                    "The signed, held trauma sessions in the period (%1) judged on the format "
                    "items their record can show: per therapist and month, the share that met "
                    "each item, of the sessions whose record can tell. Warm cells: few met. "
                    "Point at a cell for its counts."
                ).replace("%1", locale.toString(chart.sessions))
            )
        summary, monthly = summary_table(chart, lang), monthly_table(chart, lang)
        for title, view, table in (
            (self.summary_title, self.summary, summary),
            (self.months_title, self.months, monthly),
        ):
            title.setText(table.title)
            fill_table(view, table, lang)


def _bold() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("font-weight: bold;")
    return label
