"""The settings dialog: the user's own language for everyone; the installation's settings (idle
lock, backups, database, site, the centre's lists) changed by an administrator and read by
everyone else. A value IT locked in the system-wide file (settings.py) is shown, disabled,
with who locked it.

Each section has Restore defaults (the system file's default where it has one, else the
program's); nothing is kept until OK. What changes takes effect at once where a user expects
it: the language (the window is rebuilt), the idle lock (the running lock's time), the site
and the lists (the next dialog), the backups (the next backup); the database at the next
start, and the section says so.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from traumefokus.errors import TraumefokusError
from traumefokus.ui.context import UiContext
from traumefokus.ui.fit import ScrollBody, fit_on_show
from traumefokus.ui.settings_lists import ListsPage
from traumefokus.ui.settings_pages import (
    BackupsPage,
    DatabasePage,
    IdleLockPage,
    LanguagePage,
    PageProblem,
    RetentionPage,
    SettingsPage,
    SitePage,
)
from traumefokus.ui.style import problem_label, show_problem


class SettingsDialog(QDialog):
    """The sections on the left, the chosen one on the right, OK and Cancel below."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.new_language: str | None = None  # chosen here: the window is rebuilt in it
        self.setWindowTitle(self.tr("Settings"))
        self.pages: list[SettingsPage] = [
            LanguagePage(ctx),
            IdleLockPage(ctx),
            BackupsPage(ctx),
            DatabasePage(ctx),
            SitePage(ctx),
            RetentionPage(ctx),
            ListsPage(ctx),
        ]
        self.sections = QListWidget()
        self.sections.setSpacing(3)  # the sections apart: each an easy target
        self.stack = QStackedWidget()
        for page in self.pages:
            self.sections.addItem(page.title)
            self.stack.addWidget(ScrollBody(page))
        self.sections.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sections.setCurrentRow(0)
        self.sections.setFocus()  # the arrow keys move between the sections
        self.sections.setFixedWidth(self.sections.sizeHintForColumn(0) + 24)
        self.problem = problem_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(820, 560)
        fit_on_show(self)

    def _save(self) -> bool:
        """The settings file written; a problem (a full disk) is shown, the dialog stays."""
        try:
            self.ctx.settings.save()
        except TraumefokusError as error:
            show_problem(self.problem, self.ctx.describe(error))
            return False
        return True

    def show_page(self, page: SettingsPage) -> None:
        self.sections.setCurrentRow(self.pages.index(page))

    def accept(self) -> None:
        """Keep every page's values, or show the first problem on its page (nothing kept)."""
        before = self.ctx.lang
        for page in self.pages:
            try:
                if page.may_change:
                    page.values()  # checks what was typed before anything is kept
            except PageProblem as problem:
                self.show_page(page)
                show_problem(self.problem, str(problem))
                return
        for page in self.pages:
            try:
                page.apply()
            except PageProblem as problem:  # a list the loader refused: the rest is kept
                self._save()
                self.show_page(page)
                show_problem(self.problem, str(problem))
                return
        if not self._save():
            return
        super().accept()
        language = self.pages[0]
        assert isinstance(language, LanguagePage)
        if language.chosen != before:
            self.new_language = language.chosen
