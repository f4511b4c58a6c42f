"""Shared fixtures. Qt runs offscreen; a Qt warning (pytest-qt, see pyproject.toml) or an
unexpected warning in the traumefokus log fails the test."""

from __future__ import annotations

import gc
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

import pg_server
from traumefokus.content.library import ContentLibrary
from traumefokus.paths import DataDir
from traumefokus.services.acting import Acting
from traumefokus.services.users import create_first_admin
from traumefokus.services.workspace import Workspace
from traumefokus.storage.database import Database

# Every test signs in with this password (the demo's), from the environment like a script;
# programs the tests start as processes inherit it.
PASSWORD = "traumefokus-demo"
os.environ["TRAUMEFOKUS_PASSWORD"] = os.environ["TRAUMEFOKUS_NEW_PASSWORD"] = PASSWORD
# No test reads or writes the machine's own credential store (a test sets its own).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
# The machine's system-wide settings file (settings.py) never reaches a test: an empty one.
os.environ["TRAUMEFOKUS_SYSTEM_CONFIG"] = os.devnull


def _quick_passwords() -> None:
    """argon2id at its cheapest inside the test process: hundreds of tests sign in, and each
    real hash takes a third of a second. Programs started as processes use the real cost."""
    from argon2 import PasswordHasher, Type

    from traumefokus.domain import passwords
    from traumefokus.storage import key_slots

    quick = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)
    passwords.hasher = lambda: quick  # type: ignore[assignment]
    key_slots.DEFAULT_KDF = key_slots.KdfParams(time_cost=1, memory_kib=8, parallelism=1)


_quick_passwords()


@pytest.fixture(scope="session", autouse=True)
def _collect_garbage_on_the_main_thread():
    """As the program does (ui/collector.py): a Qt object in a reference cycle must never be
    freed by a collection that happens to start on a background thread."""
    thresholds = gc.get_threshold()
    gc.disable()
    yield thresholds
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test(_collect_garbage_on_the_main_thread):
    from traumefokus.ui.collector import collect_due

    yield
    collect_due(_collect_garbage_on_the_main_thread)


@pytest.fixture(autouse=True)
def _no_automatic_backups(monkeypatch):
    """A window signed in during a test would back the test's database up on a thread of its
    own that outlives the test (and its database): the program's own hooks make none here.
    tests/test_ui_auto_backup.py calls the real function directly."""
    from traumefokus.ui import auto_backup

    monkeypatch.setattr(auto_backup, "backup_soon", lambda ctx, anchor=None: None)


@pytest.fixture(autouse=True)
def _fail_on_log_warnings(request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO, logger="traumefokus")
    yield
    if request.node.get_closest_marker("log_warnings_expected"):
        return
    loud = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    if loud:
        pytest.fail("unexpected log warning: " + "; ".join(r.getMessage() for r in loud))


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head once per test run; each test gets a copy."""
    folder = tmp_path_factory.mktemp("template")
    Workspace(DataDir(folder)).open(create=True).close()
    return folder / "traumefokus.db"


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_databases: run the module's database tests on SQLite and PostgreSQL"
    )
    config.addinivalue_line(
        "markers", "sqlite_only: a test of the SQLite file itself, in a both_databases module"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test module marked `both_databases` runs each test that opens the database once on
    SQLite and once on PostgreSQL; a test marked `sqlite_only` there, and a test of the
    screens (they show what the services give them), stays on SQLite."""
    definition = metafunc.definition
    if (
        "backend" in metafunc.fixturenames
        and "qtbot" not in metafunc.fixturenames  # the screens run on SQLite only
        and definition.get_closest_marker("both_databases")
        and not definition.get_closest_marker("sqlite_only")
    ):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


BACKENDS = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the test's workspace uses: SQLite unless parametrized (above). Session
    scope, so that a module's own fixtures (a centre built once) can follow it too."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def postgres() -> Iterator[pg_server.Server]:
    """A PostgreSQL server for the whole run (see tests/pg_server.py). Skipped, with the
    reason, only when there is none to be had; TRAUMEFOKUS_REQUIRE_PG (CI) makes that a
    failure."""
    with pg_server.server_for_tests() as server:
        try:
            yield server
        finally:
            server.drop_own_databases()


@pytest.fixture(scope="session")
def postgres_template(postgres: pg_server.Server, tmp_path_factory) -> str:
    """A PostgreSQL database migrated to head once per run; each test gets a copy."""
    name = postgres.new_name() + "_template"
    url = postgres.create_database(name)
    Workspace(DataDir(tmp_path_factory.mktemp("pg-template")), url).open(create=True).close()
    return name


def fresh_workspace(request: pytest.FixtureRequest, backend: str, data_dir: DataDir) -> Workspace:
    """A data directory and a database of its own on `backend`, at head and without rows;
    a PostgreSQL database is dropped when `request`'s fixture or test ends."""
    data_dir.ensure()
    if backend == "postgres":
        return _postgres_copy(request, data_dir, request.getfixturevalue("postgres_template"))
    shutil.copy(request.getfixturevalue("template_database"), data_dir.database)
    return Workspace(data_dir)


def copy_workspace(request: pytest.FixtureRequest, source: Workspace, folder: Path) -> Workspace:
    """A copy of `source` (its data directory and its database, on either backend), e.g. one
    scene built once per module and copied for each test."""
    shutil.copytree(source.data_dir.root, folder)
    if source.database_url is None:
        return Workspace(DataDir(folder))
    from sqlalchemy.engine import make_url

    return _postgres_copy(request, DataDir(folder), make_url(source.database_url).database)


def _postgres_copy(request: pytest.FixtureRequest, data_dir: DataDir, template: str) -> Workspace:
    return Workspace(data_dir, postgres_database(request, template))


def postgres_database(request: pytest.FixtureRequest, template: str | None = None) -> str:
    """The URL of a new PostgreSQL database (empty, or a copy of `template`), dropped when
    `request`'s test or fixture ends. A connection the test left open fails it there: on
    PostgreSQL a forgotten engine is a warning at some later test's garbage collection."""
    server: pg_server.Server = request.getfixturevalue("postgres")
    name = server.new_name()
    url = server.create_database(name, template=template)

    def drop() -> None:
        left = server.connections_to(name)
        server.drop_database(name)
        if left:
            pytest.fail(f"{left} connection(s) to the test's database left open", pytrace=False)

    request.addfinalizer(drop)
    return url


@pytest.fixture
def workspace(request: pytest.FixtureRequest, backend: str, data_dir: DataDir) -> Workspace:
    return fresh_workspace(request, backend, data_dir)


@pytest.fixture
def db(workspace: Workspace) -> Iterator[Database]:
    with workspace.open() as database:
        yield database


@pytest.fixture
def library(workspace: Workspace) -> ContentLibrary:
    return ContentLibrary.for_data_dir(workspace.data_dir)


@pytest.fixture
def admin(db: Database, library: ContentLibrary, data_dir: DataDir) -> Acting:
    return Acting(db, library, create_first_admin(db, "admin", PASSWORD), data_dir)


@pytest.fixture
def therapist(admin: Acting) -> Acting:
    from factories import person

    return person(admin, "mette.h", "therapist")


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application with the program's own look (ui/theme.py): Fusion, the light
    palette and the larger type, so that layout tests measure what users see."""
    from traumefokus.ui.theme import LIGHT, apply_look, use_scheme

    apply_look(qapp)
    use_scheme(qapp, LIGHT)  # whatever the machine's scheme: tests that want dark set it
    return qapp


@pytest.fixture(params=["da", "en"])
def lang(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    """Run a UI test once in Danish and once in English."""
    from traumefokus.ui.i18n import install_translators

    install_translators(request.param)
    yield request.param
    install_translators("da")


class FakeClock:
    """The session screen's clock, moved by hand: `now` in seconds."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    from traumefokus.ui import session_runner

    fake = FakeClock()
    monkeypatch.setattr(session_runner, "clock", fake)
    return fake


@pytest.fixture
def window(qtbot, db: Database, therapist: Acting, workspace: Workspace):
    """The main window, shown and active, with the therapist signed in (in Danish)."""
    from ui_helpers import make_context, signed_in_window

    main = signed_in_window(make_context(workspace, "da", acting=therapist))
    qtbot.addWidget(main)
    main.show()
    main.reload()
    main.activateWindow()
    qtbot.waitExposed(main)
    yield main
    main.close()
