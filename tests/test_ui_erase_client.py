"""Client ▸ Erase the client… (administrators only): the dialog says what goes and asks for
the client's code before its red button is enabled (Cancel is the default); before the
retention period has run it says from which day instead; after erasure the lists refresh.
File ▸ Settings ▸ Retention: the period, with Restore defaults, locked by IT like the rest."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QPushButton

from factories import person, planned_course
from traumefokus.services.clients import add_client
from traumefokus.services.courses import end_course
from traumefokus.settings import SYSTEM_CONFIG_ENV
from traumefokus.ui.erase_client_dialog import EraseClientDialog
from traumefokus.ui.settings_dialog import SettingsDialog
from traumefokus.ui.settings_pages import RetentionPage
from ui_helpers import make_context, signed_in_window


def _window(qtbot, workspace, acting, lang="en"):
    window = signed_in_window(make_context(workspace, lang, acting=acting))
    qtbot.addWidget(window)
    window.reload()
    window.tabs.setCurrentWidget(window.client_pane)
    return window


def _choose(window, code: str) -> None:
    model = window.client_view.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == code:
            window.client_view.setCurrentIndex(model.index(row, 0))
            return
    raise AssertionError(f"{code} is not listed")


def _codes(window) -> list[str]:
    model = window.client_view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _in_dialog(qtbot, window, handle) -> list[EraseClientDialog]:
    seen: list[EraseClientDialog] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EraseClientDialog)
        seen.append(dialog)
        try:
            handle(dialog)
        finally:  # a failed check must not leave the dialog waiting
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, act)
    window.client_pane.erase_client_action.trigger()
    assert seen, "the dialog did not open"
    return seen


def _texts(dialog) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_code_must_be_typed_before_the_red_button_erases(qtbot, workspace, admin):
    add_client(admin, "K-0001")
    add_client(admin, "K-0002")
    window = _window(qtbot, workspace, admin)
    _choose(window, "K-0001")
    assert window.client_pane.erase_client_action in window.menuBar().actions()[1].menu().actions()

    def confirm(dialog: EraseClientDialog) -> None:
        cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.isDefault() and not dialog.erase_button.isEnabled()
        said = _texts(dialog)
        for words in ("0 courses and 0 sessions", "cannot be undone", "Backups made before"):
            assert words in said
        qtbot.keyClicks(dialog.code, "K-000")
        assert not dialog.erase_button.isEnabled()
        dialog.erase_button.click()  # still disabled: nothing happens
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.code, "1")
        assert dialog.erase_button.isEnabled()
        dialog.erase_button.click()
        assert dialog.erased

    _in_dialog(qtbot, window, confirm)
    qtbot.waitUntil(lambda: _codes(window) == ["K-0002"])


def test_cancel_erases_nothing(qtbot, workspace, admin):
    add_client(admin, "K-0001")
    window = _window(qtbot, workspace, admin)
    _choose(window, "K-0001")

    def cancel(dialog):
        qtbot.keyClicks(dialog.code, "K-0001")
        dialog.reject()

    _in_dialog(qtbot, window, cancel)
    window.reload()
    assert _codes(window) == ["K-0001"]


def test_before_the_period_ends_the_dialog_says_from_which_day(qtbot, workspace, admin):
    client = add_client(admin, "K-0001")
    mette = person(admin, "mette.h", "therapist")
    course = planned_course(mette, client.id, start=date(2025, 1, 6))
    end_course(mette, course, status="ended_early", end_date=date(2025, 3, 3),
               reason="moved", reasons=("moved",))  # fmt: skip
    window = _window(qtbot, workspace, admin)
    _choose(window, "K-0001")

    def look(dialog):
        assert dialog.erase_button is None and dialog.code is None
        assert "The client can be erased from 03.03.2035." in _texts(dialog)
        buttons = dialog.findChild(QDialogButtonBox).buttons()
        assert [b.text() for b in buttons if isinstance(b, QPushButton)] == ["Close"]

    _in_dialog(qtbot, window, look)
    assert _codes(window) == ["K-0001"]


def test_others_do_not_get_the_action(qtbot, workspace, admin):
    add_client(admin, "K-0001")
    for role in ("therapist", "supervisor"):
        window = _window(qtbot, workspace, person(admin, f"x.{role}", role))
        assert not window.client_pane.may_erase
        assert window.client_pane.erase_client_action not in window.client_pane.rights_actions
        client_menu = window.menuBar().actions()[1].menu()
        assert window.client_pane.erase_client_action not in client_menu.actions()


def test_the_retention_period_is_set_and_restored_in_the_settings(qtbot, workspace, admin):
    ctx = make_context(workspace, "da", acting=admin)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    page = next(p for p in dialog.pages if isinstance(p, RetentionPage))
    dialog.show_page(page)
    assert page.years.value() == 10 and page.years.suffix() == " år"
    assert (page.years.minimum(), page.years.maximum()) == (1, 30)
    page.years.setValue(15)
    dialog.accept()
    assert ctx.settings.retention_years == 15
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    page = next(p for p in dialog.pages if isinstance(p, RetentionPage))
    assert page.years.value() == 15
    page.restore.click()
    assert page.years.value() == 10
    dialog.accept()
    assert ctx.settings.retention_years == 10


def test_it_may_lock_the_retention_period(qtbot, workspace, admin, tmp_path, monkeypatch):
    system = tmp_path / "it.toml"
    system.write_text("[locked]\nretention_years = 20\n")
    monkeypatch.setenv(SYSTEM_CONFIG_ENV, str(system))
    ctx = make_context(workspace, "en", acting=admin)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    page = next(p for p in dialog.pages if isinstance(p, RetentionPage))
    assert page.years.value() == 20 and page.years.isReadOnly()
    assert not page.restore.isEnabled()
    assert ctx.settings.retention_years == 20
