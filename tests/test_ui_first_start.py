from PySide6.QtCore import Qt

from traumefokus.paths import DataDir
from traumefokus.services.users import active_users
from traumefokus.services.workspace import Workspace
from traumefokus.storage.probe import probe_sqlite_file
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


def test_enter_creates_the_administrator_and_the_database(qtbot, tmp_path):
    workspace = Workspace(DataDir(tmp_path / "new"))
    ctx = make_context(workspace)
    dialog = FirstUserDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "mette.h")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert ctx.actor is not None and ctx.actor.name == "mette.h"
    assert [u.name for u in active_users(ctx.db)] == ["mette.h"]
    ctx.db.close()


def test_an_invalid_name_is_explained_and_nothing_is_created(qtbot, tmp_path):
    workspace = Workspace(DataDir(tmp_path / "new"))
    dialog = FirstUserDialog(make_context(workspace, "en"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "9 lives")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert "starting with a letter" in dialog.problem.text()
    assert not workspace.data_dir.database.exists()


def test_sign_in_lists_active_users_and_remembers_the_last(qtbot, db, admin, workspace):
    from factories import add_user

    add_user(db, "mette", "therapist")
    add_user(db, "gone", "therapist", active=False)
    ctx = make_context(workspace)
    ctx.settings.set("last_user", "mette")
    found = probe_sqlite_file(workspace.data_dir.database, workspace.data_dir.backups)
    dialog = SignInDialog(ctx, found)
    qtbot.addWidget(dialog)
    names = [dialog.users.item(i).text() for i in range(dialog.users.count())]
    assert names == ["admin  ·  administrator", "mette  ·  behandler"]
    assert dialog.users.currentItem().text().startswith("mette")
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    assert ctx.actor.name == "mette"
