"""The settings dialog: File ▸ Settings… (Ctrl+,). An administrator changes the installation's
settings and every user their own language; what changes takes effect without a restart where
a user expects it; a value IT locked is shown disabled; Restore defaults per section."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from conftest import PASSWORD
from traumefokus.content.choice_lists import OTHER_TREATMENT, centre_list
from traumefokus.settings import SYSTEM_CONFIG_ENV
from traumefokus.ui.app import Startup
from traumefokus.ui.settings_dialog import SettingsDialog
from traumefokus.ui.settings_lists import ListsPage, new_id
from traumefokus.ui.settings_pages import (
    BackupsPage,
    DatabasePage,
    IdleLockPage,
    LanguagePage,
    SitePage,
)
from ui_helpers import make_context


@pytest.fixture
def start(qtbot, workspace, db, admin, therapist):
    """The program started with --user and the password, as `traumefokus` does."""
    started: list[Startup] = []

    def begin(user: str, lang: str = "da") -> Startup:
        startup = Startup(make_context(workspace, lang), user, PASSWORD)
        window = startup.first_window()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: startup.main_window is not None and startup.main_window.began)
        started.append(startup)
        return startup

    yield begin
    for startup in started:
        if startup.idle_lock is not None:
            startup.idle_lock.stop()
        for widget in QApplication.topLevelWidgets():
            widget.close()
        if startup.ctx.db is not None and startup.ctx.db is not db:
            startup.ctx.db.close()


def settings_action(window):
    found = [a for a in window.findChildren(type(window.show_names_action))]
    return next(a for a in found if a.shortcut().toString() == "Ctrl+,")


def in_settings(window, handle) -> None:
    """Open File ▸ Settings… as the user does (Ctrl+,) and `handle` the dialog while it
    waits for an answer."""
    seen: list[SettingsDialog] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        seen.append(dialog)
        handle(dialog)
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, act)
    settings_action(window).trigger()
    assert seen, "the dialog did not open"


def page(dialog: SettingsDialog, kind):
    found = next(p for p in dialog.pages if isinstance(p, kind))
    dialog.show_page(found)
    return found


def stored(ctx) -> dict:
    return json.loads(ctx.settings.path.read_text(encoding="utf-8"))


def test_a_new_idle_time_reaches_the_running_lock_without_a_restart(qtbot, start):
    startup = start("admin")
    assert startup.idle_lock.idle_seconds == 5 * 60

    def change(dialog):
        page(dialog, IdleLockPage).minutes.setValue(2)
        dialog.accept()

    in_settings(startup.main_window, change)
    assert startup.idle_lock.idle_seconds == 2 * 60
    assert stored(startup.ctx)["installation"]["idle_lock_minutes"] == 2


def test_restore_defaults_shows_the_defaults_and_keeps_them_on_ok(qtbot, workspace, admin):
    ctx = make_context(workspace, "en", acting=admin)
    ctx.settings.installation.set("site", "Odense")
    ctx.settings.installation.set("backup_daily", 30)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    site, backups = page(dialog, SitePage), page(dialog, BackupsPage)
    assert site.site.currentText() == "Odense" and backups.copies["daily"].value() == 30
    site.restore.click()
    backups.copies["weekly"].setValue(4)
    backups.restore.click()
    assert site.site.currentText() == ""
    assert [backups.copies[k].value() for k in ("daily", "weekly", "monthly")] == [12, 10, 9]
    dialog.accept()
    assert ctx.settings.site is None and ctx.settings.backup_copies("daily") == 12
    assert "site" not in stored(ctx)["installation"]  # back to following the default


def test_a_value_locked_by_it_is_shown_disabled(qtbot, workspace, admin, tmp_path, monkeypatch):
    system = tmp_path / "it.toml"
    system.write_text('[locked]\nidle_lock_minutes = 3\n[defaults]\nsite = "Aarhus"\n')
    monkeypatch.setenv(SYSTEM_CONFIG_ENV, str(system))
    ctx = make_context(workspace, "da", acting=admin)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    idle = page(dialog, IdleLockPage)
    assert idle.minutes.value() == 3 and idle.minutes.isReadOnly()
    qtbot.keyClick(idle.minutes, Qt.Key.Key_Up)  # as a user would try
    assert idle.minutes.value() == 3
    assert not idle.restore.isEnabled()  # nothing on the page can change
    assert any(label.text() == "Låst af din IT-afdeling" for label in idle.findChildren(QLabel))
    site = page(dialog, SitePage)
    assert site.site.isEnabled() and site.site.currentText() == "Aarhus"  # a default only
    assert not site.site.lineEdit().isReadOnly()
    assert not any("IT" in label.text() for label in site.findChildren(QLabel))
    dialog.accept()
    assert ctx.settings.idle_lock_minutes == 3
    assert stored(ctx)["installation"] == {"last_user": "admin"}  # nothing of IT's copied


def test_a_therapist_reads_the_installations_settings_and_changes_only_their_own(
    qtbot, workspace, therapist
):
    ctx = make_context(workspace, "da", acting=therapist)
    ctx.settings.installation.set("site", "Odense")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    for kind in (IdleLockPage, BackupsPage, DatabasePage, SitePage, ListsPage):
        shown = page(dialog, kind)
        assert shown.banner.isVisibleTo(shown)
        assert shown.banner.text() == "Kun en administrator kan ændre disse indstillinger."
        assert not shown.restore.isEnabled()
    assert page(dialog, SitePage).site.lineEdit().isReadOnly()
    database = page(dialog, DatabasePage)
    qtbot.keyClicks(database.url, "postgresql://x@y/z")
    assert database.url.text() == ""
    backups = page(dialog, BackupsPage)
    assert backups.folder.isReadOnly() and all(c.isReadOnly() for c in backups.copies.values())
    lists = page(dialog, ListsPage)
    assert not lists.add.isVisibleTo(lists) and not lists.retire.isVisibleTo(lists)
    language = page(dialog, LanguagePage)
    assert not language.banner.isVisibleTo(language)
    assert all(button.isEnabled() for button in language.buttons.buttons())
    dialog.accept()
    assert not dialog.isVisible() and ctx.settings.site == "Odense"


def test_choosing_english_rebuilds_the_window_in_english(qtbot, start):
    startup = start("mette.h")
    old = startup.main_window

    def choose(dialog):
        language = page(dialog, LanguagePage)
        next(b for b in language.buttons.buttons() if b.text() == "English").setChecked(True)
        dialog.accept()

    in_settings(old, choose)
    qtbot.waitUntil(lambda: startup.main_window is not old and startup.main_window.began)
    assert startup.ctx.lang == "en"
    assert startup.main_window.menuBar().actions()[0].text() == "&File"
    assert startup.ctx.settings.language_of(startup.ctx.acting.actor.id) == "en"


def test_a_database_address_with_a_password_is_refused_and_nothing_is_kept(qtbot, workspace, admin):
    ctx = make_context(workspace, "en", acting=admin)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    page(dialog, IdleLockPage).minutes.setValue(9)
    database = page(dialog, DatabasePage)
    database.url.setText("postgresql+psycopg://tf:secret@db.local/tf")
    page(dialog, LanguagePage)
    dialog.accept()
    assert dialog.isVisible() and dialog.stack.currentIndex() == dialog.pages.index(database)
    assert "Leave the password out" in dialog.problem.text()
    assert ctx.settings.idle_lock_minutes == 5  # nothing kept
    database.url.setText("postgresql+psycopg://tf@db.local/tf")
    dialog.accept()
    assert not dialog.isVisible()
    assert ctx.settings.database_url() == "postgresql+psycopg://tf@db.local/tf"
    assert ctx.settings.idle_lock_minutes == 9


def test_the_new_client_dialog_starts_at_the_centres_site(qtbot, workspace, admin):
    from traumefokus.ui.people_dialogs import ClientDialog

    ctx = make_context(workspace, "en", acting=admin)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    page(dialog, SitePage).site.setCurrentText("  Aarhus  Nord ")
    dialog.accept()
    new_client = ClientDialog(ctx)
    qtbot.addWidget(new_client)
    assert new_client.site.currentText() == "Aarhus Nord"


def test_an_administrator_adds_renames_and_retires_list_entries(qtbot, workspace, admin):
    ctx = make_context(workspace, "en", acting=admin)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    lists = page(dialog, ListsPage)
    lists.which.setCurrentIndex(2)  # kinds of other treatment
    before = centre_list(OTHER_TREATMENT, workspace.data_dir)
    lists.table.item(0, 0).setText("Omdøbt")  # renamed in the table, as by double-click
    lists.table.selectRow(1)
    lists.retire.click()
    assert lists.retire.text() == "Bring &back"
    lists.add.click()
    row = lists.table.rowCount() - 1
    lists.table.item(row, 0).setText("Familiesamtaler")
    lists.table.item(row, 1).setText("Family talks")
    dialog.accept()
    assert not dialog.isVisible()
    after = centre_list(OTHER_TREATMENT, workspace.data_dir)
    assert after[0].id == before[0].id and after[0].da == "Omdøbt"
    assert after[1].id == before[1].id and after[1].retired
    assert (after[-1].id, after[-1].da, after[-1].en) == ("family_talks", "Familiesamtaler",
                                                          "Family talks")  # fmt: skip


def test_a_new_entry_without_its_texts_keeps_the_dialog_open(qtbot, workspace, admin):
    ctx = make_context(workspace, "en", acting=admin)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    lists = page(dialog, ListsPage)
    lists.add.click()
    dialog.accept()
    assert dialog.isVisible() and "Danish and an English text" in dialog.problem.text()
    assert not (workspace.data_dir.root / "end-reasons.toml").exists()


def test_restore_defaults_of_a_list_brings_back_the_shipped_one(qtbot, workspace, admin):
    ctx = make_context(workspace, "en", acting=admin)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    lists = page(dialog, ListsPage)
    shipped = lists.table.rowCount()
    lists.table.selectRow(0)
    lists.retire.click()
    dialog.accept()
    assert (workspace.data_dir.root / "end-reasons.toml").exists()
    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    lists = page(again, ListsPage)
    assert lists.table.item(0, 3).text() == "Retired"
    lists.restore.click()
    assert lists.table.rowCount() == shipped and lists.table.item(0, 3).text() == "In use"
    again.accept()
    assert not (workspace.data_dir.root / "end-reasons.toml").exists()


def test_new_ids_are_plain_and_unique():
    assert new_id("Family talks", set()) == "family_talks"
    assert new_id("Ægtefælle/Søster", set()) == "aegtefaelle_soester"
    assert new_id("Moved", {"moved"}) == "moved_2"
    assert new_id("!!!", set()) == "entry"


def test_a_full_disk_keeps_the_dialog_open_with_what_was_typed(qtbot, workspace, admin,
                                                                monkeypatch):  # fmt: skip
    from traumefokus import fileio
    from traumefokus.errors import DataProblem

    ctx = make_context(workspace, "en", acting=admin)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    page(dialog, SitePage).site.setCurrentText("Aarhus")

    def full(path, data):
        raise DataProblem("disk.full", path=path)

    monkeypatch.setattr("traumefokus.settings.write_atomic", full)
    dialog.accept()
    assert dialog.isVisible() and "full" in dialog.problem.text()
    assert page(dialog, SitePage).site.currentText() == "Aarhus"
    monkeypatch.setattr("traumefokus.settings.write_atomic", fileio.write_atomic)
    dialog.accept()
    assert not dialog.isVisible() and stored(ctx)["installation"]["site"] == "Aarhus"


def test_a_backup_folder_that_is_not_there_is_refused(qtbot, workspace, admin, tmp_path):
    ctx = make_context(workspace, "en", acting=admin)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    backups = page(dialog, BackupsPage)
    page(dialog, LanguagePage)
    for typed, says in ((str(tmp_path / "nowhere"), "does not exist"), ("backups", "whole path")):
        backups.folder.setText(typed)
        dialog.accept()
        assert dialog.isVisible() and says in dialog.problem.text()
        assert dialog.stack.currentIndex() == dialog.pages.index(backups)
    backups.folder.setText(str(tmp_path))
    dialog.accept()
    assert not dialog.isVisible() and ctx.settings.backup_folder == tmp_path


def test_a_damaged_centre_list_is_said_and_can_be_replaced(qtbot, workspace, admin):
    own = workspace.data_dir.root / "not-held-reasons.toml"
    own.write_text("format = 1\n[[reasons]]\nid = 'Bad Id'\n", encoding="utf-8")
    ctx = make_context(workspace, "en", acting=admin)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    lists = page(dialog, ListsPage)
    lists.which.setCurrentIndex(1)
    assert (
        lists.unreadable.isVisibleTo(lists) and "not-held-reasons.toml" in lists.unreadable.text()
    )
    assert lists.table.rowCount() > 0  # the shipped list to start from
    dialog.accept()
    assert own.read_text(encoding="utf-8").startswith("format = 1\n[[reasons]]\nid = 'Bad")
    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    lists = page(again, ListsPage)
    lists.which.setCurrentIndex(1)
    lists.restore.click()
    again.accept()
    assert not own.exists()
