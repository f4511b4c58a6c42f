"""The Coding rounds tab, for supervisors and administrators: the rounds (name, method,
period, sessions drawn, coders, how many sessions are rated and by every coder, drafts), and
the chosen round's results (services/coding_results.py): per part, per item, the agreement
between the coders, the comparison between rounds; printed or saved as PDF through the
preview.

Both the list and the results are read off the UI thread (the first time when the tab is
first shown); a result that a newer choice has overtaken is dropped. Only users who may see
coding results get the tab (ui/main_window.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from traumefokus.errors import TraumefokusError
from traumefokus.ui.background import BackgroundTask, Work
from traumefokus.ui.context import UiContext
from traumefokus.ui.report_tables import fill_table, report_table, scroll_page, titled_column
from traumefokus.ui.style import problem_label, show_problem

if TYPE_CHECKING:
    from traumefokus.services.coding_results import Results, RoundProgress


class CodingRoundsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rounds: list[RoundProgress] = []
        self.results: Results | None = None
        self.asked = 0  # the choice's generation: a result for an older one is dropped
        self.loaded = False
        self.task: BackgroundTask | None = None

        self.round_list = report_table()
        self.round_list.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.round_list.itemSelectionChanged.connect(self._chosen)
        self.print_button = QPushButton(self.tr("&Print/Save as PDF…"))
        self.print_button.clicked.connect(self.print_results)
        self.print_button.setEnabled(False)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.problem = problem_label()
        self.parts = report_table()
        self.agreement = report_table()
        self.items = report_table()
        self.comparison = report_table()
        self.sections = QTabWidget()
        self.sections.setDocumentMode(True)
        self.sections.addTab(
            scroll_page(
                titled_column(
                    "",
                    self.parts,
                    _label(self.tr("Agreement between the coders (ICC(2,1), 95% interval)")),
                    self.agreement,
                    stretch=True,
                )
            ),
            self.tr("Per part"),
        )
        self.sections.addTab(scroll_page(titled_column("", self.items)), self.tr("Per item"))
        self.sections.addTab(
            scroll_page(
                titled_column(self.tr("One row per rated round of the method"), self.comparison)
            ),
            self.tr("Comparison between rounds"),
        )
        head = QHBoxLayout()
        head.addWidget(self.about, 1)
        head.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(head)
        lower_layout.addWidget(self.sections, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.round_list)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        self.round_list.setMinimumHeight(110)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(split, 1)

    # --- the rounds -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.loaded = True
            self.reload()

    def reload(self) -> None:
        from traumefokus.services.coding_results import rounds_progress

        acting = self.ctx.acting
        self.about.setText(self.tr("Reading the rounds…"))
        self._in_background(lambda _progress: rounds_progress(acting), self.show_rounds)

    def show_rounds(self, rounds: list[RoundProgress]) -> None:
        from traumefokus.labels import label_of

        self.rounds = rounds
        headings = [
            self.tr("Round"),
            self.tr("Method"),
            self.tr("Period"),
            self.tr("Sessions"),
            self.tr("Coders"),
            self.tr("Rated"),
            self.tr("By every coder"),
            self.tr("Drafts"),
            self.tr("Status"),
        ]
        view = self.round_list
        view.blockSignals(True)
        view.clear()
        view.setColumnCount(len(headings))
        view.setRowCount(len(rounds))
        view.setHorizontalHeaderLabels(headings)
        for row, p in enumerate(rounds):
            r = p.round
            cells = [
                r.name,
                label_of("method", r.method.value, self.ctx.lang),
                f"{r.start.isoformat()} – {r.end.isoformat()}",
                r.size,
                ", ".join(c.name for c in r.coders),
                p.rated,
                p.complete,
                p.drafts,
                self.tr("Open") if r.status.value == "open" else self.tr("Closed"),
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                view.setItem(row, column, item)
        view.resizeColumnsToContents()
        view.horizontalHeader().setStretchLastSection(True)
        view.blockSignals(False)
        if rounds:
            view.selectRow(0)
        else:
            self.about.setText(self.tr("There are no coding rounds yet."))

    def chosen_round(self) -> str | None:
        rows = self.round_list.selectionModel().selectedRows()
        return self.rounds[rows[0].row()].round.name if rows else None

    # --- the results ------------------------------------------------------------------------
    def _chosen(self) -> None:
        from traumefokus.services.coding_results import coding_results

        name = self.chosen_round()
        if name is None:
            return
        self.asked += 1
        asked, acting = self.asked, self.ctx.acting
        self.print_button.setEnabled(False)
        self.about.setText(self.tr("Computing…"))

        def done(found: Results) -> None:
            if asked == self.asked:
                self.show_results(found)

        self._in_background(lambda _progress: coding_results(acting, name), done)

    def show_results(self, results: Results) -> None:
        from traumefokus.services.coding_tables import results_tables, scope_lines

        self.results = results
        lang = self.ctx.lang
        tables = {t.key: t for t in results_tables(results, lang)}
        for key, view in (
            ("parts", self.parts),
            ("agreement", self.agreement),
            ("items", self.items),
            ("comparison", self.comparison),
        ):
            fill_table(view, tables[key], lang)
        for view in (self.parts, self.agreement):  # a few rows each: no empty space below
            view.setMaximumHeight(view.minimumHeight())
        facts = dict(scope_lines(results, lang))
        if results.has_ratings:
            lines = list(facts.values())
            self.about.setText(f"<b>{_html(lines[0])}</b> · " + " · ".join(map(_html, lines[-2:])))
        else:
            self.about.setText(
                self.tr("The round %1 has no submitted ratings yet.").replace(
                    "%1", _html(results.round.name)
                )
            )
        self.print_button.setEnabled(results.has_ratings)
        show_problem(self.problem, None)

    def print_results(self) -> None:
        from traumefokus.documents.kinds import DocumentKind
        from traumefokus.documents.render import DocumentRequest
        from traumefokus.ui.print_preview import PrintPreview

        if self.results is None:
            return
        request = DocumentRequest(DocumentKind.CODING_RESULTS, self.results.round.name)
        preview = PrintPreview(self.ctx, request, self.tr("Coding results"), self)
        preview.exec()
        preview.deleteLater()

    def _in_background(self, work: Work, on_done: Callable[[Any], None]) -> None:
        """`work` on a thread of its own; its result to `on_done`, a problem above the list.
        Either is dropped if the tab has gone meanwhile."""
        task = BackgroundTask(work)

        def done(result: Any) -> None:
            if shiboken6.isValid(self):
                on_done(result)

        def failed(error: TraumefokusError | str) -> None:
            if shiboken6.isValid(self):
                text = error if isinstance(error, str) else self.ctx.describe(error)
                self.about.setText("")
                show_problem(self.problem, text)

        task.done.connect(done)
        task.failed.connect(failed)
        self.task = task
        task.start()


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("font-weight: bold;")
    return label


def _html(text: str) -> str:
    from html import escape

    return escape(text)
