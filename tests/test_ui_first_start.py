"""The first start (the administrator and their password) and the sign-in dialog."""

import uuid
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from conftest import PASSWORD
from traumefokus.paths import DataDir
from traumefokus.services.workspace import Workspace
from traumefokus.storage.clock import ids_and_clock
from traumefokus.storage.models import User
from traumefokus.ui.first_user import FirstUserDialog
from traumefokus.ui.sign_in import SignInDialog
from ui_helpers import make_context

WELCOME = {"da": "Velkommen til Traumefokus", "en": "Welcome to Traumefokus"}
CANCEL = {"da": "Annuller", "en": "Cancel"}


def test_first_user_dialog_speaks_the_language(qtbot, tmp_path, lang):
    dialog = FirstUserDialog(make_context(Workspace(DataDir(tmp_path)), lang))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == WELCOME[lang]
    texts = [b.text() for b in dialog.findChildren(type(dialog.create_button))]
    assert CANCEL[lang] in [t.replace("&", "") for t in texts]


def _fill_first_user(qtbot, dialog, *, password=PASSWORD, repeat=PASSWORD):
    qtbot.keyClicks(dialog.name, "Mette.H")
    qtbot.keyClicks(dialog.full_name, "Mette  Hansen ")
    qtbot.keyClicks(dialog.job, "socialrådgiver")
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClicks(dialog.repeat, repeat)


def test_enter_creates_the_administrator_with_a_password(qtbot, tmp_path):
    workspace = Workspace(DataDir(tmp_path / "new"))
    ctx = make_context(workspace)
    dialog = FirstUserDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_first_user(qtbot, dialog)
    shown = []

    def keep_the_key():
        from traumefokus.ui.recovery_key_dialog import RecoveryKeyDialog

        key_dialog = QApplication.activeModalWidget()
        assert isinstance(key_dialog, RecoveryKeyDialog)
        shown.append(key_dialog.key.text())
        assert not key_dialog.go_on.isEnabled()
        key_dialog.reject()  # Escape: not before the key is kept
        assert key_dialog.isVisible()
        key_dialog.kept.setChecked(True)
        key_dialog.go_on.click()

    QTimer.singleShot(0, keep_the_key)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert len(shown) == 1 and len(shown[0].split("-")) == 8
    assert workspace.data_dir.database.read_bytes()[:16] != b"SQLite format 3\x00"
    assert shown[0].encode() not in b"".join(
        f.read_bytes() for f in workspace.data_dir.root.rglob("*") if f.is_file()
    )  # never stored
    assert ctx.acting.actor.name == "mette.h"  # stored normalised
    with ctx.db.reading() as tx:
        user = tx.scalars(select(User)).one()
    assert (user.full_name, user.title) == ("Mette Hansen", "socialrådgiver")
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
    ctx.db.close()


def test_an_invalid_name_is_explained_and_nothing_is_created(qtbot, tmp_path):
    workspace = Workspace(DataDir(tmp_path / "new"))
    dialog = FirstUserDialog(make_context(workspace, "en"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "9 lives")
    dialog.accept()
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert "starting with a letter" in dialog.problem.text()
    assert not workspace.data_dir.database.exists()


def test_a_short_or_mistyped_password_is_explained_and_nothing_is_created(qtbot, tmp_path):
    workspace = Workspace(DataDir(tmp_path / "new"))
    dialog = FirstUserDialog(make_context(workspace, "en"))
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_first_user(qtbot, dialog, password="short", repeat="short")
    dialog.accept()
    assert "at least 12 characters" in dialog.problem.text()
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD + "x")
    dialog.accept()
    assert "not the same" in dialog.problem.text()
    assert dialog.isVisible() and not workspace.data_dir.database.exists()


def test_sign_in_remembers_the_last_name_and_checks_the_password(qtbot, db, admin, workspace):
    from factories import person

    person(admin, "mette", "therapist")
    ctx = make_context(workspace, "en", db=db)
    ctx.settings.installation.set("last_user", "mette")
    dialog = SignInDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.text() == "mette" and dialog.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.password, "wrong password!")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.problem.text() == "Wrong user name or password."
    assert dialog.password.text() == ""  # typed again, not left to be read
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor.name == "mette"


def test_sign_in_waits_after_repeated_failures(qtbot, db, admin, workspace):
    ctx = make_context(workspace, "en", db=db)
    dialog = SignInDialog(ctx, name="admin")
    qtbot.addWidget(dialog)
    moment = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    with ids_and_clock(lambda: str(uuid.uuid4()), lambda: moment):  # all in the same second
        for _ in range(4):
            dialog.password.setText("not the password")
            dialog.accept()
    assert "wait" in dialog.problem.text() and not dialog.ok.isEnabled()
    dialog.password.setText(PASSWORD)
    dialog.accept()  # the button waits, and so does Enter
    assert dialog.actor is None


def test_an_administrator_from_before_passwords_chooses_one(qtbot, db, workspace):
    from factories import add_user

    add_user(db, "old.timer", "admin")  # no password, as before passwords existed
    ctx = make_context(workspace, "en", db=db)
    dialog = SignInDialog(ctx, name="old.timer")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText(PASSWORD)
    dialog.accept()
    assert "must choose one" in dialog.problem.text() and dialog.repeat.isVisible()
    dialog.repeat.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    assert dialog.actor.name == "old.timer"
    from traumefokus.services.auth import sign_in

    assert sign_in(db, "old.timer", PASSWORD).name == "old.timer"
