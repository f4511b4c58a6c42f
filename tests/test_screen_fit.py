"""Every window and dialog of the program fits a 1024x600 screen: its size and its minimum
size, its buttons on the screen, its table headers whole. The screen is the helper's
(ui/fit.py), patched to 1024x600; the windows are built from the demo centre, in Danish
(the longer words)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QHeaderView,
    QMainWindow,
    QScrollArea,
    QStyle,
    QTableView,
    QWidget,
)

from cli_runner import run
from factories import signed_in
from raw_database import unlocked
from traumefokus.domain.inclusion import Inclusion
from traumefokus.paths import DataDir
from traumefokus.services.workspace import Workspace
from traumefokus.ui import fit
from ui_helpers import make_context, signed_in_window

SCREEN = QRect(0, 0, 1024, 600)
PARENTS: list[QWidget] = []


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fit") / "data"
    assert run("demo", "--data-dir", folder).code == 0
    return folder


@pytest.fixture(autouse=True)
def small_screen(monkeypatch):
    monkeypatch.setattr(fit, "available_geometry", lambda widget=None: QRect(SCREEN))


class Centre:
    """The demo seen by mette.h (a therapist with courses) and by the administrator."""

    def __init__(self, folder: Path) -> None:
        from traumefokus.services.courses import view_course
        from traumefokus.services.overview import client_courses, list_clients

        self.workspace = unlocked(folder)
        self.db = self.workspace.open()
        self.mette = signed_in(self.db, folder, "mette.h")
        self.admin = signed_in(self.db, folder, "admin")
        self.ctx = make_context(self.workspace, "da", db=self.db, acting=self.mette)
        self.admin_ctx = make_context(self.workspace, "da", db=self.db, acting=self.admin)
        supervisor = signed_in(self.db, folder, "supervisor")
        self.supervisor_ctx = make_context(self.workspace, "da", db=self.db, acting=supervisor)
        coder = signed_in(self.db, folder, "coder")
        self.coder_ctx = make_context(self.workspace, "da", db=self.db, acting=coder)
        rows = list_clients(self.mette)
        self.client_id = next(r.id for r in rows if r.latest_status == "active")
        course_id = next(
            c.id for c in client_courses(self.mette, self.client_id) if c.status == "active"
        )
        self.course = view_course(self.mette, course_id, lang="da")
        self.trauma = next(s for s in self.course.sessions if s.kind == "trauma")
        self.session = next(s for s in self.course.sessions if s.attendance is None)

    def page(self):
        from traumefokus.ui.course_page import CoursePage

        page = CoursePage(self.ctx)
        page.show_course(self.course.id)
        return page

    def content(self):
        from traumefokus.services.course_queries import course_content

        return course_content(self.ctx.library, self.course)

    def letter(self):
        from traumefokus.errors import TraumefokusError
        from traumefokus.services.overview import client_courses, list_clients
        from traumefokus.services.status_letters import status_letter

        for row in list_clients(self.mette):
            for course in client_courses(self.mette, row.id):
                try:
                    return status_letter(self.mette, course.id)
                except TraumefokusError:
                    continue
        raise AssertionError("the demo has no letter due")


@pytest.fixture(scope="module")
def centre(demo, qapp) -> Centre:
    return Centre(demo)


def _day_dialog(c: Centre) -> QWidget:
    from traumefokus.domain.session_day import DayQuestion
    from traumefokus.ui.session_day import DayDialog

    parent = QWidget()
    PARENTS.append(parent)  # kept while the dialog lives
    return DayDialog(DayQuestion.ASK_PAST, date(2026, 11, 23), parent)


def _first_user(c: Centre, tmp_path: Path) -> QWidget:
    from traumefokus.ui.first_user import FirstUserDialog

    return FirstUserDialog(make_context(Workspace(DataDir(tmp_path / "new")), "da"))


def _print_preview(c: Centre) -> QWidget:
    from traumefokus.documents.kinds import DocumentKind
    from traumefokus.documents.render import DocumentRequest
    from traumefokus.ui.print_preview import PrintPreview

    return PrintPreview(c.ctx, DocumentRequest(DocumentKind.PLAN, c.course.id), "Plan")


def _sign(c: Centre) -> QWidget:
    from traumefokus.services.session_notes import open_note
    from traumefokus.ui.runner_dialogs import SignDialog

    note = open_note(c.mette, c.trauma.id)
    return SignDialog(c.ctx, note, note.draft)


def _users(c: Centre, name: str) -> QWidget:
    from traumefokus.services.users import list_users
    from traumefokus.ui import people_dialogs

    if name == "UsersDialog":
        return people_dialogs.UsersDialog(c.admin_ctx)
    if name == "UserDialog":
        return people_dialogs.UserDialog(c.admin_ctx)
    return people_dialogs.ResetPasswordDialog(c.admin_ctx, list_users(c.admin)[0])


def _erase(c: Centre) -> QWidget:
    """The confirmation (the larger of its two faces): a client whose courses have ended,
    on a day long after the retention period."""
    from datetime import date

    from traumefokus.domain.vocabulary import OPEN_STATUSES
    from traumefokus.services.erasure import check_erasure
    from traumefokus.services.overview import list_clients

    ended = next(r for r in list_clients(c.admin) if r.latest_status not in OPEN_STATUSES)
    check = check_erasure(c.admin, ended.code, today=date(2099, 1, 1))
    assert check.decision.allowed
    return _d("erase_client_dialog", "EraseClientDialog")(c.admin_ctx, check, None)


def _d(module: str, name: str) -> Callable[..., type]:
    return getattr(importlib.import_module(f"traumefokus.ui.{module}"), name)


# Every dialog and window class in ui/, and how to build one as the program does.
def _open_round(c: Centre) -> str:
    from traumefokus.services.coding_rounds import list_rounds

    return next(r.name for r in list_rounds(c.supervisor_ctx.acting) if r.status.value == "open")


BUILDERS: dict[str, Callable[..., QWidget]] = {
    "account_actions.ChangePasswordDialog": lambda c, t: _d(
        "account_actions", "ChangePasswordDialog"
    )(c.ctx),
    "clear_flag.ClearFlagDialog": lambda c, t: _d("clear_flag", "ClearFlagDialog")(
        c.ctx,
        importlib.import_module("traumefokus.services.safety_flags").FlagView(
            "flag", "Kørte bil efter at have drukket", datetime.now(UTC), "Mette Hansen"
        ),
    ),
    "coding_export_dialog.CodingExportDialog": lambda c, t: _d(
        "coding_export_dialog", "CodingExportDialog"
    )(c.supervisor_ctx, _open_round(c)),
    "coding_round_dialog.NewRoundDialog": lambda c, t: _d("coding_round_dialog", "NewRoundDialog")(
        c.supervisor_ctx,
        importlib.import_module("traumefokus.services.coding_round_admin").coder_choices(
            c.supervisor_ctx.acting
        ),
    ),
    "comment_dialogs.CommentDialog": lambda c, t: _d("comment_dialogs", "CommentDialog")(
        c.ctx, c.course.id, about=[(None, "Forløbet som helhed"), (c.trauma.id, "Session 3")]
    ),
    "consent_panel.ConsentDialog": lambda c, t: _d("consent_panel", "ConsentDialog")(
        c.ctx, c.client_id
    ),
    "content_browser.ContentBrowser": lambda c, t: _d("content_browser", "ContentBrowser")(
        c.ctx.library, "da"
    ),
    "course_dialogs.NewCourseDialog": lambda c, t: _d("course_dialogs", "NewCourseDialog")(
        c.ctx,
        importlib.import_module("traumefokus.services.clients").get_client(c.mette, c.client_id),
    ),
    "course_dialogs.AttendanceDialog": lambda c, t: _d("course_dialogs", "AttendanceDialog")(
        c.ctx, c.session
    ),
    "course_dialogs.RescheduleDialog": lambda c, t: _d("course_dialogs", "RescheduleDialog")(
        c.ctx, c.session
    ),
    "course_dialogs.SwapDialog": lambda c, t: _d("course_dialogs", "SwapDialog")(
        c.ctx, c.course, c.trauma
    ),
    "course_dialogs.DeferDialog": lambda c, t: _d("course_dialogs", "DeferDialog")(c.ctx, c.trauma),
    "course_dialogs.ExtraSessionDialog": lambda c, t: _d("course_dialogs", "ExtraSessionDialog")(
        c.ctx, c.course, *c.content()
    ),
    "course_dialogs.ShiftDialog": lambda c, t: _d("course_dialogs", "ShiftDialog")(
        c.ctx, c.session
    ),
    "course_dialogs.EndCourseDialog": lambda c, t: _d("course_dialogs", "EndCourseDialog")(
        c.ctx, c.course, c.page().end_reasons()
    ),
    "course_dialogs.GoalDialog": lambda c, t: _d("course_dialogs", "GoalDialog")(
        c.ctx, c.course.id
    ),
    "course_team.TeamDialog": lambda c, t: _d("course_team", "TeamDialog")(c.ctx, c.course),
    "first_user.FirstUserDialog": _first_user,
    "flag_dialog.FlagDialog": lambda c, t: _d("flag_dialog", "FlagDialog")(
        c.ctx, c.trauma.id, "Har drukket i weekenden og kørt bil bagefter"
    ),
    "forms.FormDialog": lambda c, t: _d("forms", "FormDialog")(c.ctx, "Et skema"),
    "course_form.CourseForm": lambda c, t: _d("course_form", "CourseForm")(c.ctx, "Et skema"),
    "erase_client_dialog.EraseClientDialog": lambda c, t: _erase(c),
    "idle_lock.UnlockDialog": lambda c, t: _d("idle_lock", "UnlockDialog")(c.ctx),
    "settings_dialog.SettingsDialog": lambda c, t: _d("settings_dialog", "SettingsDialog")(c.ctx),
    "inclusion_note.ConfirmInclusionDialog": lambda c, t: _d(
        "inclusion_note", "ConfirmInclusionDialog"
    )(c.ctx, replace(c.course, inclusion=Inclusion("itq", date(2026, 1, 5)))),
    "itq_dialog.ItqDialog": lambda c, t: _d("itq_dialog", "ItqDialog")(
        c.ctx, c.course, c.page().panels.itq_form()
    ),
    "letter_editor.LetterEditor": lambda c, t: _d("letter_editor", "LetterEditor")(
        c.ctx, c.letter()
    ),
    "missed_theme.MissedThemeDialog": lambda c, t: _d("missed_theme", "MissedThemeDialog")(
        c.ctx, c.course, c.trauma, *c.content()
    ),
    "people_dialogs.ClientDialog": lambda c, t: _d("people_dialogs", "ClientDialog")(c.ctx),
    "people_dialogs.UserDialog": lambda c, t: _users(c, "UserDialog"),
    "people_dialogs.ResetPasswordDialog": lambda c, t: _users(c, "ResetPasswordDialog"),
    "people_dialogs.UsersDialog": lambda c, t: _users(c, "UsersDialog"),
    "print_preview.PrintPreview": lambda c, t: _print_preview(c),
    "recovery_key_dialog.RecoveryKeyDialog": lambda c, t: _d(
        "recovery_key_dialog", "RecoveryKeyDialog"
    )(c.admin_ctx, "SJCT-D55H-Z7VC-755Q-6C45-HYYZ-B6R3-S2NP"),
    "runner_dialogs.SignDialog": lambda c, t: _sign(c),
    "runner_dialogs.AddendumDialog": lambda c, t: _d("runner_dialogs", "AddendumDialog")(
        c.ctx, c.trauma.id
    ),
    "server_password_dialog.ServerPasswordDialog": lambda c, t: _d(
        "server_password_dialog", "ServerPasswordDialog"
    )("postgresql+psycopg://anna@db.centre.local/traumefokus"),
    "session_day.DayDialog": lambda c, t: _day_dialog(c),
    "sign_in.SignInDialog": lambda c, t: _d("sign_in", "SignInDialog")(c.ctx, name="mette.h"),
    "theme_chooser.ThemeChooser": lambda c, t: _d("theme_chooser", "ThemeChooser")(
        c.ctx, c.course, *c.content()
    ),
}
# Windows checked by their own tests below.
OWN_TESTS = {"main_window.MainWindow"}


def windows_in_ui() -> set[str]:
    """Every QDialog and QMainWindow class defined in traumefokus/ui."""
    import traumefokus.ui as ui

    found = set()
    for info in pkgutil.iter_modules(ui.__path__):
        module = importlib.import_module(f"traumefokus.ui.{info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, (QDialog, QMainWindow)):
                found.add(f"{info.name}.{name}")
    return found


def test_every_window_and_dialog_is_checked():
    assert windows_in_ui() == set(BUILDERS) | OWN_TESTS, "add the new window to BUILDERS"


def in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def header_cut(table: QTableView) -> list[str]:
    """The titles of the table's visible columns that are narrower than their text."""
    header: QHeaderView = table.horizontalHeader()
    model = table.model()
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    cut = []
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        need = header.fontMetrics().horizontalAdvance(title) + margin
        if header.sectionSize(column) < need:
            cut.append(f"{title} ({header.sectionSize(column)} < {need})")
    return cut


def assert_fits(window: QWidget) -> None:
    room = fit.room(window)
    name = type(window).__name__
    assert window.width() <= room.width() and window.height() <= room.height(), (
        f"{name} opens at {window.width()}x{window.height()}"
    )
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert least.width() <= room.width() and least.height() <= room.height(), (
        f"{name} cannot be smaller than {least.width()}x{least.height()}"
    )
    inside = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or in_scroll_area(button, window):
            continue
        where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        assert inside.contains(where), f"{name}: button {button.text()!r} at {where} is cut off"
    for body in window.findChildren(fit.ScrollBody):
        if not body.isVisibleTo(window):
            continue
        # A form scrolls only when the screen is too small for it, and never collapses.
        assert body.height() >= body.minimumSizeHint().height(), f"{name}: the form collapsed"
        if window.height() < room.height():
            assert body.height() >= body.sizeHint().height(), f"{name}: scrolls with room left"
        # one scroll bar for the form: a scrolling area inside it would need a second one
        inner = [a for a in body.widget().findChildren(QScrollArea) if a.isVisibleTo(window)]
        assert inner == [], f"{name}: a scrolling area inside a scrolling form"
    for table in window.findChildren(QTableView):
        if table.isVisibleTo(window) and table.model() is not None:
            assert header_cut(table) == [], f"{name}: column titles cut off"


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_the_dialog_fits_a_small_screen(qtbot, centre, tmp_path, name):
    window = BUILDERS[name](centre, tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.isVisible)
    QApplication.processEvents()
    try:
        assert_fits(window)
    finally:
        if name == "print_preview.PrintPreview":
            qtbot.waitUntil(lambda: window.rendered is not None, timeout=20_000)
        window.close()


@pytest.mark.parametrize("user", ["supervisor", "admin", "coder"])
def test_every_role_s_tabs_fit_a_small_screen(qtbot, centre, user):
    """A supervisor's and an administrator's tabs (the overview's choices, the audit trail's
    filters) and a coder's never make the window wider than the screen, and the overview's
    sections keep their column titles whole (the therapists' names too)."""
    from PySide6.QtWidgets import QTabWidget

    from traumefokus.ui.supervision_page import SupervisionPage

    window = signed_in_window(getattr(centre, f"{user}_ctx"))
    qtbot.addWidget(window)
    window.reload()
    window.show()
    qtbot.waitUntil(window.isVisible)
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert_fits(window)
        page = window.tabs.widget(tab)
        sections = getattr(page, "sections", None)
        if isinstance(page, SupervisionPage) and isinstance(sections, QTabWidget):
            qtbot.waitUntil(lambda: page.overview is not None)  # noqa: B023
            for section in range(sections.count()):
                sections.setCurrentIndex(section)
                QApplication.processEvents()
                assert_fits(window)
    window.close()


def test_the_main_window_and_its_pages_fit_a_small_screen(qtbot, centre):
    window = signed_in_window(centre.ctx)
    qtbot.addWidget(window)
    window.reload()
    window.show()
    qtbot.waitUntil(window.isVisible)
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert_fits(window)
    window.open_course(centre.course.id)
    QApplication.processEvents()
    assert window.pages.currentWidget() is window.course_page
    assert_fits(window)
    window.open_session(centre.session.id)
    QApplication.processEvents()
    assert window.pages.currentWidget() is window.runner
    assert_fits(window)
    window.runner.leave()
    window.close()


def test_the_client_screen_fits_a_small_screen(qtbot):
    from traumefokus.ui.client_screen import ClientScreen

    screen = ClientScreen()
    qtbot.addWidget(screen)
    screen.show_quote("Man bygger ikke et hus midt i stormen.", "Demo-citat")
    assert screen.width() <= SCREEN.width() and screen.height() <= SCREEN.height()
    screen.close()
