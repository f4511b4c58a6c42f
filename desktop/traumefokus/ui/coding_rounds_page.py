"""The Coding rounds tab, for supervisors and administrators: the rounds (name, method,
period, sessions drawn, coders, how many sessions are rated and by every coder, drafts), and
the chosen round's results (services/coding_results.py): per part, per item, the agreement
between the coders, the comparison between rounds; printed or saved as PDF through the
preview, or saved as CSV or a workbook (exports/coding_results.py).

A supervisor (who may manage coding) also draws a new round (ui/coding_round_dialog.py),
exports the chosen open round for its coders (ui/coding_export_dialog.py) and closes it once
its results stand; an administrator sees the rounds and their results only. A button is
enabled only when it applies to the chosen round.

Both the list and the results are read off the UI thread (the first time when the tab is
first shown), as are drawing, exporting, closing and saving; a result that a newer choice has
overtaken is dropped. Only users who may see coding results get the tab (ui/main_window.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.access import Action
from traumefokus.errors import TraumefokusError
from traumefokus.ui.background import BackgroundTask, Work
from traumefokus.ui.context import UiContext
from traumefokus.ui.report_tables import fill_table, report_table, scroll_page, titled_column
from traumefokus.ui.style import hint, problem_label, show_problem

if TYPE_CHECKING:
    from traumefokus.services.coding_results import Results, RoundProgress
    from traumefokus.services.coding_round_admin import Closed


class CodingRoundsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rounds: list[RoundProgress] = []
        self.results: Results | None = None
        self.asked = 0  # the choice's generation: a result for an older one is dropped
        self.loaded = False
        self.task: BackgroundTask | None = None
        self.manages = ctx.acting.may(Action.MANAGE_CODING)
        self.keep: str | None = None  # the round to choose again once the list is read

        self.new_button = QPushButton(self.tr("&New round…"))
        self.new_button.clicked.connect(self.new_round)
        self.export_button = QPushButton(self.tr("E&xport for coders…"))
        self.export_button.clicked.connect(self.export_for_coders)
        self.close_button = QPushButton(self.tr("C&lose round…"))
        self.close_button.clicked.connect(self.close_round)
        self.save_button = QPushButton(self.tr("&Save as CSV/XLSX…"))
        self.save_button.clicked.connect(self.save_results)
        self.status = hint("")
        self.status.hide()
        self.round_list = report_table()
        self.round_list.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.round_list.itemSelectionChanged.connect(self._chosen)
        self.print_button = QPushButton(self.tr("&Print/Save as PDF…"))
        self.print_button.clicked.connect(self.print_results)
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
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
        head.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(head)
        lower_layout.addWidget(self.status)
        lower_layout.addWidget(self.sections, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.round_list)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        self.round_list.setMinimumHeight(110)
        actions = QHBoxLayout()
        for button in (self.new_button, self.export_button, self.close_button):
            button.setVisible(self.manages)  # an administrator sees the results only
            actions.addWidget(button)
        actions.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        if self.manages:
            layout.addLayout(actions)
        layout.addWidget(split, 1)
        self.update_buttons()

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
        # each column as wide as its contents; short of room, the method, the period and
        # the coders give way first; room to spare goes to the status, the last column
        view.columns.free, view.columns.stretch = frozenset({1, 2, 4}), len(headings) - 1
        view.columns.measure()
        view.blockSignals(False)
        names = [p.round.name for p in rounds]
        keep, self.keep = self.keep, None
        if rounds:
            view.selectRow(names.index(keep) if keep in names else 0)
        else:
            self.about.setText(self.tr("There are no coding rounds yet."))
        self.update_buttons()

    def chosen_round(self) -> str | None:
        chosen = self.chosen_progress()
        return chosen.round.name if chosen else None

    def chosen_progress(self) -> RoundProgress | None:
        rows = self.round_list.selectionModel().selectedRows()
        return self.rounds[rows[0].row()] if rows and rows[0].row() < len(self.rounds) else None

    def update_buttons(self) -> None:
        """Each button only when it applies: drawing for whoever manages coding, exporting and
        closing for the chosen open round, saving and printing results that exist."""
        chosen = self.chosen_progress()
        is_open = chosen is not None and chosen.round.status.value == "open"
        self.new_button.setEnabled(self.manages)
        self.export_button.setEnabled(self.manages and is_open)
        self.close_button.setEnabled(self.manages and is_open)
        results = self.results
        has = (
            results is not None
            and chosen is not None
            and results.has_ratings
            and results.round.name == chosen.round.name
        )
        self.save_button.setEnabled(has)
        self.print_button.setEnabled(has)

    # --- the results ------------------------------------------------------------------------
    def _chosen(self) -> None:
        from traumefokus.services.coding_results import coding_results

        name = self.chosen_round()
        if name is None:
            return
        self.asked += 1
        asked, acting = self.asked, self.ctx.acting
        self.results = None
        self.update_buttons()
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
        self.update_buttons()
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

    def save_results(self) -> None:
        """The chosen round's results as CSV or a workbook, as `coding results --out` writes
        them (audited)."""
        from traumefokus.exports.coding_results import export_results
        from traumefokus.ui.coding_export_dialog import FOLDER_SETTING, save_folder

        results, lang = self.results, self.ctx.lang
        if results is None or not results.has_ratings:
            return
        stem = "".join(c if c.isalnum() else "-" for c in results.round.name).strip("-")
        prefix = self.tr("coding-results")  # the file's name
        kinds = [self.tr("Spreadsheet (*.xlsx)"), self.tr("CSV (*.csv)")]
        chosen, kind = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the results"),
            str(save_folder(self.ctx) / f"{prefix}-{stem.lower()}.xlsx"),
            ";;".join(kinds),
            kinds[0],
        )
        if not chosen:
            return
        suffix = ".csv" if kind == kinds[1] else ".xlsx"
        out = Path(chosen if chosen.lower().endswith(suffix) else chosen + suffix)
        self.ctx.mine.set(FOLDER_SETTING, str(out.parent))
        acting = self.ctx.acting

        def saved(path: Path) -> None:
            self._say(self.tr("Saved the results of %1 to %2.").replace(
                "%1", results.round.name).replace("%2", str(path)))  # fmt: skip

        self._in_background(lambda _p: export_results(acting, results, out, lang=lang), saved)

    # --- a supervisor's actions -----------------------------------------------------------------
    def new_round(self) -> None:
        from traumefokus.services.coding_round_admin import coder_choices
        from traumefokus.ui.coding_round_dialog import NewRoundDialog
        from traumefokus.ui.operations import fetch

        acting = self.ctx.acting
        coders = fetch(self, self.ctx, lambda: coder_choices(acting))
        if coders is None:
            return
        dialog = NewRoundDialog(self.ctx, coders, self)
        if dialog.exec() and dialog.made is not None:
            made = dialog.made
            self._say(
                self.tr("The round %1 is drawn: %2 sessions.")
                .replace("%1", made.name)
                .replace("%2", str(len(made.session_ids)))
            )
            self.keep = made.name
            self.reload()
        dialog.deleteLater()

    def export_for_coders(self) -> None:
        from traumefokus.ui.coding_export_dialog import CodingExportDialog

        name = self.chosen_round()
        if name is None:
            return
        dialog = CodingExportDialog(self.ctx, name, self)
        dialog.exec()
        dialog.deleteLater()

    def close_round(self) -> None:
        from traumefokus.services.coding_round_admin import close_round

        chosen = self.chosen_progress()
        if chosen is None or chosen.round.status.value != "open":
            return
        name = chosen.round.name
        question = (
            self.tr(
                "Close the round %1?\n\nIt leaves the coders' queues and its ratings no longer "
                "change: %2 of %3 sessions are rated by every coder, and %4 drafts will not "
                "count. The results stand as they are now. A closed round is not opened again."
            )
            .replace("%1", name)
            .replace("%2", str(chosen.complete))
            .replace("%3", str(chosen.round.size))
            .replace("%4", str(chosen.drafts))
        )
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Close round"), question, parent=self)
        close = box.addButton(self.tr("&Close the round"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        if box.clickedButton() is not close:
            return
        acting = self.ctx.acting

        def closed(done: Closed) -> None:
            self._say(self.tr("The round %1 is closed.").replace("%1", done.name))
            self.keep = done.name
            self.reload()

        self.close_button.setEnabled(False)
        self._in_background(lambda _p: close_round(acting, name), closed)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

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
                self.update_buttons()

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
