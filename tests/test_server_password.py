"""A shared server's password is never in a file: from the URL given for one run, the system's
credential store, or typed at the start (and then remembered only if asked)."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError
from sqlalchemy.engine import make_url

from traumefokus.paths import DataDir
from traumefokus.services.workspace import Workspace
from traumefokus.storage.server_password import (
    SERVICE,
    account,
    needs_password,
    remember_password,
    stored_password,
    with_password,
)

URL = "postgresql+psycopg://anna@db.centre.local:5433/traumefokus"


class MemoryStore(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


class BrokenStore(MemoryStore):
    def get_password(self, service, username):
        raise KeyringError("locked")

    def set_password(self, service, username, password):
        raise KeyringError("locked")


@pytest.fixture
def store():
    before = keyring.get_keyring()
    memory = MemoryStore()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def test_the_store_names_the_database_by_its_address_never_its_password(store):
    url = make_url(URL)
    assert account(url) == "anna@db.centre.local:5433/traumefokus"
    assert remember_password(url, "s3cret-server")
    assert store.items == {(SERVICE, "anna@db.centre.local:5433/traumefokus"): "s3cret-server"}
    assert stored_password(url) == "s3cret-server"


def test_the_url_s_own_password_then_the_typed_one_then_the_stored_one(store):
    url = make_url(URL)
    assert with_password(url, None).password is None
    remember_password(url, "stored")
    assert with_password(url, None).password == "stored"
    assert with_password(url, "typed").password == "typed"
    assert with_password(url.set(password="given"), "typed").password == "given"


def test_the_workspace_connects_with_the_stored_password_and_never_shows_it(store, tmp_path):
    remember_password(make_url(URL), "s3cret-server")
    workspace = Workspace(DataDir(tmp_path), URL)
    assert make_url(workspace.target.url).password == "s3cret-server"
    assert "s3cret-server" not in workspace.where
    assert "s3cret-server" not in repr(workspace) + repr(workspace.target)
    workspace.use_server_password("typed-now")
    assert make_url(workspace.target.url).password == "typed-now"
    assert "typed-now" not in repr(workspace)


@pytest.mark.log_warnings_expected
def test_a_credential_store_that_fails_is_an_empty_one(tmp_path):
    before = keyring.get_keyring()
    keyring.set_keyring(BrokenStore())
    try:
        assert stored_password(make_url(URL)) is None
        assert not remember_password(make_url(URL), "x")
        assert make_url(Workspace(DataDir(tmp_path), URL).target.url).password is None
    finally:
        keyring.set_keyring(before)


class _Refusal(Exception):
    def __init__(self, message: str, sqlstate: str | None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("error", "wanted"),
    [
        (_Refusal('password authentication failed for user "anna"', "28P01"), True),
        (_Refusal("fe_sendauth: no password supplied", None), True),
        (_Refusal("connection refused", "08001"), False),
        (_Refusal('database "x" does not exist', "3D000"), False),
    ],
)
def test_a_refusal_for_want_of_a_password_is_told_from_other_failures(error, wanted):
    assert needs_password(error) is wanted


def test_the_program_asks_for_the_server_s_password_and_remembers_it_if_told(
    qtbot, store, tmp_path, monkeypatch
):
    from traumefokus.errors import Refused
    from traumefokus.storage.probe import Probe, SchemaState
    from traumefokus.ui.app import Startup
    from traumefokus.ui.server_password_dialog import ServerPasswordDialog
    from ui_helpers import make_context

    workspace = Workspace(DataDir(tmp_path), URL)
    tried = []

    def probe():
        tried.append(make_url(workspace.target.url).password)
        if tried[-1] != "right one":
            raise Refused("db.password_needed", where=workspace.where)
        return Probe(SchemaState.CURRENT, "0009")

    answers = iter([("wrong one", True), ("right one", True)])

    def answer(dialog):
        qtbot.addWidget(dialog)
        password, remember = next(answers)
        dialog.password.setText(password)
        dialog.remember.setChecked(remember)
        assert stored_password(make_url(URL)) is None  # nothing kept before the server took it
        return 1

    monkeypatch.setattr(workspace, "probe", probe)
    monkeypatch.setattr(ServerPasswordDialog, "exec", answer)
    startup = Startup(make_context(workspace), None)
    assert startup._probe_asking_for_a_password().state is SchemaState.CURRENT
    assert tried == [None, "wrong one", "right one"]
    assert stored_password(make_url(URL)) == "right one"


def test_cancelling_the_password_ends_the_start_with_the_refusal(
    qtbot, store, tmp_path, monkeypatch
):
    from traumefokus.errors import Refused
    from traumefokus.ui.app import Startup
    from traumefokus.ui.server_password_dialog import ServerPasswordDialog
    from ui_helpers import make_context

    workspace = Workspace(DataDir(tmp_path), URL)

    def probe():
        raise Refused("db.password_needed", where=workspace.where)

    monkeypatch.setattr(workspace, "probe", probe)
    monkeypatch.setattr(ServerPasswordDialog, "exec", lambda dialog: 0)
    startup = Startup(make_context(workspace), None)
    with pytest.raises(Refused):
        startup._probe_asking_for_a_password()
    assert store.items == {}
