"""Faults of the SQLite database, each a clear line with its exit code and nothing lost: a
damaged page, an emptied or lost file, a missing or damaged -wal, a full disk, a database
another program holds, a read-only file (issue 16)."""

import hashlib
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cli_runner import run
from conftest import PASSWORD
from raw_database import raw_connect, unlocked
from traumefokus.errors import DataProblem, Refused
from traumefokus.paths import DataDir
from traumefokus.services.users import create_first_admin
from traumefokus.services.workspace import Workspace
from traumefokus.storage import connect
from traumefokus.storage.backup import backup_name, backup_sqlite, write_backup
from traumefokus.storage.engine import make_engine
from traumefokus.storage.integrity import marker_of, wal_damage, wal_of
from traumefokus.storage.keys import PlainKeys
from traumefokus.storage.target import DatabaseTarget

PAGE = 4096


def os_is_root() -> bool:
    import os

    return hasattr(os, "geteuid") and os.geteuid() == 0


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(folder: Path, *words: object):
    return run(*words, "--user", "anna", "--data-dir", folder, "--lang", "en")


@pytest.fixture(params=["encrypted", "plain"])
def centre(request, tmp_path, template_database) -> Path:
    """A data directory with a database (as `init` makes it, or a plain one from before
    encryption), the administrator anna, two clients and a verified backup."""
    folder = tmp_path / "data"
    if request.param == "encrypted":
        assert run("init", "--admin", "anna", "--data-dir", folder).code == 0
    else:
        DataDir(folder).ensure()
        shutil.copy(template_database, folder / "traumefokus.db")
        with Workspace(DataDir(folder)).open() as db:
            create_first_admin(db, "anna", PASSWORD)
    for code in ("K-1", "K-2"):
        assert cli(folder, "client", "add", code).code == 0
    return folder


def _backup(folder: Path, made: str) -> Path:
    from datetime import datetime

    workspace = unlocked(folder, "anna")
    return backup_sqlite(
        workspace.target.file,
        workspace.keys,
        folder / "backups",
        reason="auto",
        now=datetime.fromisoformat(made),
    )


def _damage_a_page(database: Path) -> None:
    """Overwrite the middle of the page that holds the clients (a b-tree page with rows, which
    a quick check reads; encrypted, a page SQLCipher cannot decrypt any more)."""
    connection = raw_connect(database)
    try:
        (page,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'clients'"
        ).fetchone()
    finally:
        connection.close()
    with database.open("r+b") as raw:
        raw.seek((page - 1) * PAGE + 8)
        raw.write(b"\xa5" * 1000)


class SaysOutOfMemory:
    """An open connection to a database whose damaged pages SQLCipher answers with "out of
    memory" (a MemoryError in Python) rather than with a database error: it does so for some
    pages, in a restore that copies the live database through the connection it holds."""

    def backup(self, _target):
        raise MemoryError

    def execute(self, _sql):
        raise MemoryError


def test_a_copy_answered_with_out_of_memory_is_said_damaged_and_nothing_is_written(centre):
    """Before the fix the restore ended in "An unexpected error occurred (MemoryError)"."""
    database = centre / "traumefokus.db"
    out = centre / "backups" / "before-restore.tfbackup"
    keys = unlocked(centre, "anna").keys
    with pytest.raises(DataProblem) as raised:
        write_backup(database, keys, out, connection=SaysOutOfMemory())
    assert raised.value.code == "db.damaged"
    assert not out.exists() and [p.name for p in centre.glob(".*backup-*")] == []


def test_a_damaged_page_refuses_every_write_naming_the_newest_verified_backup(centre, tmp_path):
    older = _backup(centre, "2026-03-01 09:00:00")
    newest = _backup(centre, "2026-03-02 09:00:00")
    broken = centre / "backups" / backup_name(datetime_of("2026-03-03 09:00:00"), "auto")
    broken.write_bytes(b"not a backup")  # newer, but not a backup: never the one named
    database = centre / "traumefokus.db"
    _damage_a_page(database)
    before = digest(database)

    result = cli(centre, "client", "add", "K-3")

    assert result.code == 4, result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert "is damaged, so nothing more is written to it" in result.err
    assert str(newest) in result.err and str(older) not in result.err
    assert digest(database) == before
    backup = cli(centre, "backup", "--out", tmp_path / "b.tfbackup")  # nor backed up
    assert backup.code == 4 and "is damaged" in backup.err
    assert not (tmp_path / "b.tfbackup").exists()


def datetime_of(text: str):
    from datetime import datetime

    return datetime.fromisoformat(text)


def test_a_backup_of_a_damaged_database_says_so_not_a_copy_failure(centre, tmp_path):
    workspace = unlocked(centre, "anna")
    _damage_a_page(workspace.target.file)
    with pytest.raises(DataProblem) as raised:
        backup_sqlite(workspace.target.file, workspace.keys, tmp_path / "b", reason="manual")
    assert raised.value.code == "db.damaged"
    assert list((tmp_path / "b").iterdir()) == []


def test_the_check_runs_once_before_the_first_write_and_not_before_reading(centre):
    workspace = unlocked(centre, "anna")
    checks = []
    with workspace.open() as db:
        real = db._gate._check
        db.guard_writes(lambda: checks.append(1) or real())
        with db.reading():
            pass
        assert checks == []
        for _ in range(3):
            with db.transaction():
                pass
        assert checks == [1]


def test_an_emptied_database_is_refused_before_sign_in_and_left_empty(centre, tmp_path):
    database = centre / "traumefokus.db"
    database.write_bytes(b"")
    for words in (
        ["export", "records", "--out", tmp_path / "x.json"],
        ["client", "add", "K-3"],
        ["pack", "install", tmp_path],
    ):
        result = run(*words, "--user", "nobody", "--data-dir", centre, "--lang", "en")
        assert result.code == 4, (words, result.err)  # not 3: before anyone signs in
        assert "is empty (0 bytes)" in result.err
        assert database.stat().st_size == 0
    assert not (tmp_path / "x.json").exists()


def test_an_empty_file_may_still_become_a_database_with_init(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "traumefokus.db").write_bytes(b"")
    assert run("init", "--admin", "anna", "--data-dir", folder).code == 0
    assert cli(folder, "client", "add", "K-1").code == 0


def test_a_lost_database_where_one_was_made_is_not_advised_to_start_again(centre, tmp_path):
    if not (centre / "traumefokus.db.keys").exists():  # a plain one: the settings show it
        (centre / "settings.json").write_text('{"installation": {"last_user": "anna"}}')
    (centre / "traumefokus.db").unlink()
    result = cli(centre, "export", "records", "--out", tmp_path / "x.json")
    assert result.code == 4
    assert "is missing, but a database was made here before" in result.err
    assert "init" not in result.err
    assert not (centre / "traumefokus.db").exists()


CRASH = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, sys.argv[2])
    from pathlib import Path
    from raw_database import unlocked
    from traumefokus.services.acting import Acting
    from traumefokus.services.auth import sign_in
    from traumefokus.services.clients import add_client
    workspace = unlocked(Path(sys.argv[1]), "anna")
    db = workspace.open()
    acting = Acting(db, None, sign_in(db, "anna", os.environ["TRAUMEFOKUS_PASSWORD"]), None)
    for code in ("K-8", "K-9"):
        add_client(acting, code)
    os._exit(0)  # killed: the commits are in the -wal only
    """
)


def _crash_after_commits(folder: Path) -> None:
    tests = Path(__file__).parent
    done = subprocess.run(
        [sys.executable, "-c", CRASH, str(folder), str(tests)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert wal_of(folder / "traumefokus.db").stat().st_size > 0
    assert marker_of(folder / "traumefokus.db").exists()


def _codes(folder: Path) -> list[str]:
    connection = raw_connect(folder / "traumefokus.db")
    try:
        return [code for (code,) in connection.execute("SELECT code FROM clients ORDER BY code")]
    finally:
        connection.close()


def test_after_a_crash_the_wal_brings_back_every_commit(centre):
    _crash_after_commits(centre)
    assert cli(centre, "client", "add", "K-3").code == 0
    assert _codes(centre) == ["K-1", "K-2", "K-3", "K-8", "K-9"]
    assert not marker_of(centre / "traumefokus.db").exists()  # closed cleanly this time


def test_a_wal_missing_after_a_crash_is_reported_and_nothing_is_written(centre, tmp_path):
    _crash_after_commits(centre)
    for journal in ("-wal", "-shm"):
        (centre / f"traumefokus.db{journal}").unlink()
    database = centre / "traumefokus.db"
    before = digest(database)
    result = cli(centre, "export", "records", "--out", tmp_path / "x.json")
    assert result.code == 4
    assert "was not closed properly last time and its log file" in result.err
    assert str(wal_of(database)) in result.err and str(marker_of(database)) in result.err
    assert digest(database) == before and not wal_of(database).exists()
    marker_of(database).unlink()  # the user chooses to go on with what the file holds
    assert cli(centre, "client", "add", "K-3").code == 0
    assert _codes(centre) == ["K-1", "K-2", "K-3"]


def test_a_damaged_wal_is_reported_and_a_torn_last_frame_is_not(centre, tmp_path):
    _crash_after_commits(centre)
    wal = wal_of(centre / "traumefokus.db")
    data = wal.read_bytes()
    assert not wal_damage(wal)
    wal.write_bytes(data[: len(data) - 100])  # a frame half written when the power went
    assert not wal_damage(wal)
    damaged = bytearray(data)
    damaged[32 + 24 + 50] ^= 0xFF  # the first frame; commits follow it
    wal.write_bytes(bytes(damaged))
    assert wal_damage(wal)
    result = cli(centre, "client", "add", "K-3")
    assert result.code == 4
    assert "log file" in result.err and "is damaged" in result.err
    assert wal.read_bytes() == bytes(damaged)


def test_a_full_disk_is_said_as_such_and_keeps_what_was_saved(centre, monkeypatch):
    from traumefokus.services.acting import Acting
    from traumefokus.services.auth import sign_in
    from traumefokus.services.clients import add_client

    real = connect.connect_sqlite

    def small_disk(file, keys, *, read_only=False):
        connection = real(file, keys, read_only=read_only)
        (pages,) = connection.execute("PRAGMA page_count").fetchone()
        connection.execute(f"PRAGMA max_page_count = {pages + 1}")
        return connection

    monkeypatch.setattr("traumefokus.storage.engine.connect_sqlite", small_disk)
    saved = []
    with unlocked(centre, "anna").open() as db:
        acting = Acting(db, None, sign_in(db, "anna", PASSWORD), None)
        with pytest.raises(DataProblem) as raised:
            for number in range(10, 2000):
                add_client(acting, f"K-{number}", display_name="x" * 190)
                saved.append(f"K-{number}")
    assert raised.value.code == "db.disk_full"
    assert str(raised.value).startswith("The disk is full")
    assert "everything saved before it is kept" in str(raised.value)
    monkeypatch.undo()
    assert saved and sorted(_codes(centre)) == sorted(["K-1", "K-2", *saved])


def test_demo_on_a_full_disk_is_exit_4_and_leaves_nothing_half_built(tmp_path, monkeypatch):
    real = connect.connect_sqlite

    def small_disk(file, keys, *, read_only=False):
        connection = real(file, keys, read_only=read_only)
        connection.execute("PRAGMA max_page_count = 60")
        return connection

    monkeypatch.setattr("traumefokus.storage.engine.connect_sqlite", small_disk)
    folder = tmp_path / "demo"
    result = run("demo", "--data-dir", folder, "--clients", "3", "--lang", "en")
    assert result.code == 4, result.err
    assert "The disk is full" in result.err and "run demo again" in result.err
    assert result.err.count("\n") == 1
    assert not [p for p in folder.iterdir() if p.name.startswith("traumefokus.db")]
    monkeypatch.undo()
    assert run("demo", "--data-dir", folder, "--clients", "1").code == 0


def test_a_database_held_by_another_program_is_exit_3_after_a_short_wait(centre, monkeypatch):
    monkeypatch.setattr(connect, "BUSY_TIMEOUT_SECONDS", 0.2)
    holder = raw_connect(centre / "traumefokus.db", "anna")
    holder.isolation_level = None
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = cli(centre, "client", "add", "K-3")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.code == 3, result.err
    assert "is in use by another program" in result.err
    assert cli(centre, "client", "add", "K-3").code == 0


def test_writing_to_a_read_only_database_says_read_only(tmp_path, template_database):
    file = tmp_path / "traumefokus.db"
    shutil.copy(template_database, file)
    engine = make_engine(DatabaseTarget.sqlite(file), PlainKeys(), read_only=True)
    try:
        with pytest.raises(DataProblem) as raised, engine.begin() as connection:
            connection.exec_driver_sql("DELETE FROM users")
    finally:
        engine.dispose()
    assert raised.value.code == "db.read_only"
    assert "read only" in str(raised.value) and "backup" not in str(raised.value)


def test_typed_errors_are_refused_or_data_problems():
    from traumefokus.storage.sqlite_errors import typed_error

    class Busy(Exception):
        sqlite_errorcode = 5 | (2 << 8)  # an extended code: SQLITE_BUSY_SNAPSHOT

    assert isinstance(typed_error(Busy(), Path("x.db")), Refused)
    assert typed_error(Exception("UNIQUE constraint failed"), Path("x.db")) is None


def test_a_lost_database_server_is_said_and_the_next_unit_of_work_reconnects(request, data_dir):
    from sqlalchemy import text

    from conftest import postgres_database

    server = request.getfixturevalue("postgres")
    url = postgres_database(request, request.getfixturevalue("postgres_template"))
    name = url.rsplit("/", 1)[1].split("?", 1)[0]
    with Workspace(data_dir, url).open() as db:
        with pytest.raises(DataProblem) as raised, db.transaction() as tx:
            tx.execute(text("SELECT 1"))
            server._run(  # the server restarts, the network goes: the connection is cut
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (name,),
            )
            tx.execute(text("SELECT 1"))
        assert raised.value.code == "db.server_lost"
        assert "is lost" in str(raised.value) and "password" not in str(raised.value)
        with db.transaction() as tx:  # back: the pool's ping opens a new connection
            assert tx.execute(text("SELECT 1")).scalar() == 1


def test_a_read_only_database_is_said_before_sign_in_and_left_alone(centre, tmp_path, monkeypatch):
    import os

    real = os.access
    monkeypatch.setattr(
        "traumefokus.storage.integrity.os.access",
        lambda path, mode: False if mode == os.W_OK else real(path, mode),
    )
    database = centre / "traumefokus.db"
    before = digest(database)
    result = run("client", "add", "K-3", "--user", "nobody", "--data-dir", centre, "--lang", "en")
    assert result.code == 4, result.err  # not 3: said before anyone signs in
    assert "is read only" in result.err and "backup" not in result.err
    assert digest(database) == before


def every_file(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def nothing_writable(monkeypatch) -> None:
    """From now on nothing can be written anywhere, as on a read-only disk or share (root
    could write all the same: these tests also run as root)."""
    import os

    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK and real(path, mode))


def test_a_command_that_only_reads_works_on_a_read_only_disk_and_writes_nothing(
    centre, monkeypatch
):
    nothing_writable(monkeypatch)
    before = every_file(centre)
    result = cli(centre, "audit", "verify")
    if (centre / "traumefokus.db.keys").exists():
        assert result.code == 0, result.err
        assert "The audit trail is intact" in result.out
    else:  # a plain database from before encryption is encrypted at its next opening
        assert result.code == 4 and "is read only" in result.err
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRAUMEFOKUS_PASSWORD", "not the password")
        wrong = cli(centre, "audit", "verify")
    assert wrong.code in (3, 4), wrong.err  # refused, and not counted in a file
    writing = cli(centre, "export", "records", "--out", centre.parent / "records.json")
    assert writing.code == 4
    assert "is read only" in writing.err and "Commands that only read still work" in writing.err
    assert not (centre.parent / "records.json").exists()
    assert every_file(centre) == before  # not the sign-in, not the attempts, not a marker


def test_a_write_on_a_database_opened_read_only_is_refused_as_such(tmp_path, monkeypatch):
    from traumefokus.content.library import ContentLibrary
    from traumefokus.messages import describe
    from traumefokus.services.acting import Acting
    from traumefokus.services.clients import add_client
    from traumefokus.services.key_unlock import unlock_with
    from traumefokus.services.unlocking import signed_in_to_read

    folder = tmp_path / "data"
    assert run("init", "--admin", "anna", "--data-dir", folder).code == 0
    nothing_writable(monkeypatch)
    workspace = Workspace(DataDir(folder))
    workspace.refuse_lost(reading=True)
    assert workspace.read_only
    user_id = unlock_with(workspace, "anna", PASSWORD)
    with workspace.open() as db:
        assert db.read_only
        actor = signed_in_to_read(db, user_id)  # the usual sign-in writes to the audit trail
        acting = Acting(db, ContentLibrary.for_data_dir(DataDir(folder)), actor, DataDir(folder))
        with pytest.raises(DataProblem) as refused:
            add_client(acting, "K-9")
    assert refused.value.code == "db.read_only_write"
    assert "can only be read here" in describe(refused.value, "en")


@pytest.mark.skipif(sys.platform == "win32" or os_is_root(), reason="root writes anywhere")
def test_a_read_only_data_directory_is_said_as_such(centre):
    mode = centre.stat().st_mode
    centre.chmod(0o500)
    try:
        result = cli(centre, "client", "add", "K-3")
    finally:
        centre.chmod(mode)
    assert result.code == 4 and "is read only" in result.err


@pytest.mark.log_warnings_expected  # the replaced database cannot be read: kept as raw files
@pytest.mark.parametrize("fault", ["damaged page", "emptied", "wal missing"])
def test_restoring_the_backup_named_is_the_way_out(centre, fault):
    backup = _backup(centre, "2026-03-01 09:00:00")
    database = centre / "traumefokus.db"
    if fault == "damaged page":
        _damage_a_page(database)
    elif fault == "emptied":
        database.write_bytes(b"")
    else:
        _crash_after_commits(centre)
        wal_of(database).unlink()
    refused = cli(centre, "client", "add", "K-3")
    assert refused.code == 4 and str(backup) in refused.err
    restored = cli(centre, "restore", backup)
    assert restored.code == 0, restored.err
    assert cli(centre, "client", "add", "K-3").code == 0
    assert _codes(centre) == ["K-1", "K-2", "K-3"]
