"""The Supervision tab: for a period, a site and therapists, the overview's figures as
tables and charts (services/supervision.py), printed as a report or saved as a spreadsheet.

The figures are read off the UI thread, the first time when the tab is first shown and again
shortly after each change of the choices; a result that a newer choice has overtaken is
dropped. Only users who may supervise get the tab (ui/main_window.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from traumefokus.errors import TraumefokusError
from traumefokus.ui import operations
from traumefokus.ui.background import BackgroundTask, Work
from traumefokus.ui.context import UiContext, save_settings
from traumefokus.ui.flow_layout import FlowLayout, labelled, side_by_side_buttons
from traumefokus.ui.forms import date_edit, from_qdate
from traumefokus.ui.record_items_view import RecordItemsView
from traumefokus.ui.report_tables import (
    fill_table,
    report_table,
    scroll_page,
    side_by_side,
    titled_column,
)
from traumefokus.ui.style import problem_label, show_problem
from traumefokus.ui.supervision_charts import AgendaChart, BarChart

if TYPE_CHECKING:
    from traumefokus.services.acting import Acting
    from traumefokus.services.supervision import Overview, OverviewQuery


class SupervisionPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: Overview | None = None
        self.asked = 0  # the choices' generation: a result for an older one is dropped
        self.loaded_choices = False
        today = date.today()
        self.start = date_edit(date(today.year - 1, today.month, 1))
        self.end = date_edit(today)
        self.site = QComboBox()
        self.site.addItem(self.tr("All sites"), None)
        self.therapist_menu = QMenu(self)
        self.therapists = QPushButton(self.tr("All therapists"))
        self.therapists.setMenu(self.therapist_menu)
        self.print_button = QPushButton(self.tr("&Print report…"))
        self.save_button = QPushButton(self.tr("Save as spreadsheet…"))
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_spreadsheet)

        choices = QWidget()  # wraps onto a second line on a small screen
        flow = FlowLayout(choices)
        for text, widget in (
            (self.tr("&From:"), self.start),
            (self.tr("&To:"), self.end),
            (self.tr("&Site:"), self.site),
            (self.tr("T&herapists:"), self.therapists),
        ):
            flow.addWidget(labelled(text, widget))
        flow.addWidget(side_by_side_buttons(self.print_button, self.save_button))

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.problem = problem_label()
        self.sections = QTabWidget()
        self.sections.setDocumentMode(True)
        self.figures = report_table()
        self.reasons = report_table()
        self.outcomes = BarChart()
        self.rates = BarChart()
        self.therapist_table = report_table()
        self.themes = report_table()
        self.agenda_chart = AgendaChart()
        self.agenda = report_table()
        self.sections.addTab(
            scroll_page(
                side_by_side(
                    titled_column(self.tr("Key figures"), self.figures),
                    titled_column(
                        self.tr("Courses by outcome"), self.outcomes, self.reasons, stretch=True
                    ),
                )
            ),
            self.tr("Summary"),
        )
        self.sections.addTab(
            scroll_page(
                titled_column(self.tr("Attendance per therapist"), self.rates, self.therapist_table)
            ),
            self.tr("Therapists"),
        )
        self.sections.addTab(scroll_page(titled_column("", self.themes)), self.tr("Themes"))
        self.sections.addTab(
            scroll_page(
                titled_column(
                    self.tr(
                        "Minutes per agenda point: the box holds the middle half of the "
                        "sessions, the dark bar is the median, the triangle the target, the "
                        "red line the maximum."
                    ),
                    self.agenda_chart,
                    self.agenda,
                )
            ),
            self.tr("Agenda time"),
        )
        self.record_items = RecordItemsView()
        self.sections.addTab(scroll_page(self.record_items), self.tr("Record items"))
        layout = QVBoxLayout(self)
        layout.addWidget(choices)
        layout.addWidget(self.problem)
        layout.addWidget(self.sections, 1)
        layout.addWidget(self.status)

        self.again = QTimer(self)
        self.again.setSingleShot(True)
        self.again.setInterval(250)
        self.again.timeout.connect(self.reload)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._changed)
        self.site.currentIndexChanged.connect(self._changed)
        self._set_ready(False)

    # --- the choices ----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded_choices:
            self.loaded_choices = True
            self._load_choices()
            self.reload()

    def _load_choices(self) -> None:
        from traumefokus.services.supervision import overview_choices

        found = operations.fetch(self, self.ctx, lambda: overview_choices(self.ctx.acting))
        if found is None:
            return
        for site in found.sites:
            self.site.addItem(site, site)
        for name, label in found.therapists:
            action = QAction(label if label == name else f"{label} ({name})", self)
            action.setCheckable(True)
            action.setData(name)
            action.toggled.connect(self._changed)
            self.therapist_menu.addAction(action)

    def chosen_therapists(self) -> tuple[str, ...]:
        return tuple(str(a.data()) for a in self.therapist_menu.actions() if a.isChecked())

    def query(self) -> OverviewQuery:
        from traumefokus.services.supervision import OverviewQuery

        return OverviewQuery(
            from_qdate(self.start.date()),
            from_qdate(self.end.date()),
            self.site.currentData(),
            self.chosen_therapists(),
        )

    def _changed(self) -> None:
        chosen = [a.text() for a in self.therapist_menu.actions() if a.isChecked()]
        self.therapists.setText(", ".join(chosen) if chosen else self.tr("All therapists"))
        self.asked += 1  # what is shown no longer answers the choices
        self._set_ready(False)
        self.status.setText(self.tr("Counting…"))
        self.again.start()

    # --- reading and showing ----------------------------------------------------------------
    def reload(self) -> None:
        from traumefokus.services.supervision import supervision_overview

        self.again.stop()  # this reading answers every choice made so far
        self.asked += 1
        asked, acting, query = self.asked, self.ctx.acting, self.query()
        self._set_ready(False)
        self.status.setText(self.tr("Counting…"))
        show_problem(self.problem, None)

        def done(found: Overview) -> None:
            # the tab may have gone (the window closed) or been asked again meanwhile
            if shiboken6.isValid(self) and asked == self.asked:
                show_problem(self.problem, None)
                self.show_overview(found)

        self._in_background(lambda _progress: supervision_overview(acting, query), done)
        self._reload_record_items(asked, acting, query)

    def _reload_record_items(self, asked: int, acting: Acting, query: OverviewQuery) -> None:
        """The record items on a thread of their own: the other figures need not wait."""
        from traumefokus.services.record_chart import RecordChart, record_chart

        self.record_items.counting()
        lang = self.ctx.lang

        def done(found: RecordChart) -> None:
            if shiboken6.isValid(self) and asked == self.asked:
                self.record_items.show_chart(found, lang)

        self._in_background(lambda _progress: record_chart(acting, query), done)

    def show_overview(self, overview: Overview) -> None:
        from traumefokus.services.supervision_tables import Cell, formatted, overview_tables
        from traumefokus.ui.supervision_charts import Bar, Spread

        self.overview = overview
        lang = self.ctx.lang
        tables = {t.key: t for t in overview_tables(overview, lang)}
        for key, view in (
            ("figures", self.figures),
            ("reasons", self.reasons),
            ("therapists", self.therapist_table),
            ("themes", self.themes),
            ("agenda", self.agenda),
        ):
            fill_table(view, tables[key], lang)
        self.outcomes.set_bars(
            [
                Bar(str(row[0]), float(row[1] or 0), formatted(row[1], Cell.COUNT, lang))
                for row in tables["figures"].rows[:4]
            ]
        )
        self.rates.set_bars(
            [
                Bar(
                    r.label,
                    r.attendance.rate or 0.0,
                    formatted(r.attendance.rate, Cell.SHARE, lang),
                )
                for r in overview.therapists
            ],
            most=1.0,
        )
        self.agenda_chart.set_rows(
            [
                Spread(
                    f"{row[0]} · {row[1]}",
                    r.minutes.q1 if r.minutes else None,
                    r.minutes.median if r.minutes else None,
                    r.minutes.q3 if r.minutes else None,
                    r.target,
                    r.maximum,
                )
                for row, r in zip(tables["agenda"].rows, overview.agenda, strict=True)
            ]
        )
        rate = formatted(overview.attendance.rate, Cell.SHARE, lang) or "–"
        self.status.setText(
            self.tr(
                "Attendance %1: sessions held out of those held, missed or cancelled by the "
                "client (cancelled by the centre left out). Courses by the dates they started "
                "and ended, sessions by the day they were recorded."
            ).replace("%1", rate)
        )
        self._set_ready(True)

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.save_button):
            button.setEnabled(ready and self.overview is not None)

    # --- the report -------------------------------------------------------------------------
    def print_report(self) -> None:
        from traumefokus.documents.kinds import DocumentKind
        from traumefokus.documents.render import DocumentRequest
        from traumefokus.ui.print_preview import PrintPreview

        request = DocumentRequest(DocumentKind.SUPERVISION, "", supervision=self.query())
        preview = PrintPreview(self.ctx, request, self.tr("Supervision report"), self)
        preview.exec()
        preview.deleteLater()

    def save_spreadsheet(self) -> None:
        path = self.choose_file()
        if path is None:
            return
        from traumefokus.exports.supervision import export_supervision

        acting, query, lang = self.ctx.acting, self.query(), self.ctx.lang
        self.status.setText(self.tr("Saving…"))

        def saved(_result: Any) -> None:
            self.ctx.mine.set("print_folder", str(path.parent))
            save_settings(self.ctx)
            if shiboken6.isValid(self):
                show_problem(self.problem, None)
                self.status.setText(self.tr("Saved as %1").replace("%1", str(path)))

        self._in_background(
            lambda _progress: export_supervision(acting, query, path, lang=lang), saved
        )

    def _in_background(self, work: Work, on_done: Callable[[Any], None]) -> None:
        """`work` on a thread of its own; its result to `on_done`, a problem under the
        choices. Either is dropped if the tab has gone meanwhile."""
        task = BackgroundTask(work)

        def failed(error: TraumefokusError | str) -> None:
            if shiboken6.isValid(self):
                text = error if isinstance(error, str) else self.ctx.describe(error)
                self.status.setText("")
                show_problem(self.problem, text)

        task.done.connect(on_done)
        task.failed.connect(failed)
        self.task = task
        task.start()

    def choose_file(self) -> Path | None:
        folder = self.ctx.mine.get("print_folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        query = self.query()
        stem = self.tr("supervision-report")
        name = f"{stem}-{query.start}-{query.end}.xlsx"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as spreadsheet"),
            str(Path(folder) / name),
            self.tr("Spreadsheets (*.xlsx)"),
        )
        if not chosen:
            return None
        return Path(chosen if chosen.lower().endswith(".xlsx") else f"{chosen}.xlsx")
