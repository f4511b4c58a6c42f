"""Client ▸ Hand out the client's data…: an administrator saves the client's copy (the JSON
and the readable PDF beside it) where they choose; others do not get the action."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from factories import person
from traumefokus.services.clients import add_client
from ui_helpers import make_context, signed_in_window


def _window(qtbot, workspace, acting):
    window = signed_in_window(make_context(workspace, "en", acting=acting))
    qtbot.addWidget(window)
    window.reload()
    return window


def test_an_administrator_hands_out_the_client_s_data(
    qtbot, workspace, admin, tmp_path, monkeypatch
):
    add_client(admin, "K-0042")
    window = _window(qtbot, workspace, admin)
    window.tabs.setCurrentWidget(window.client_pane)
    window.client_view.setCurrentIndex(window.client_view.model().index(0, 0))
    assert window.client_pane.client_copy_action.isEnabled()
    asked, told = [], []

    def save_as(parent, title, start, kinds):
        asked.append(start)
        return str(tmp_path / "copy-for-client"), kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, said: told.append(said))
    window.client_pane.client_copy_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert asked[0].endswith("K-0042.json")
    assert (tmp_path / "copy-for-client.json").is_file()
    assert (tmp_path / "copy-for-client.pdf").read_bytes().startswith(b"%PDF")
    assert str(tmp_path / "copy-for-client.pdf") in told[0]


def test_a_therapist_does_not_get_the_action(qtbot, workspace, admin):
    add_client(admin, "K-0042")
    therapist = person(admin, "mette.h", "therapist")
    window = _window(qtbot, workspace, therapist)
    assert not window.client_pane.client_copy_action.isEnabled()
