"""A plain database from before encryption is encrypted when it is upgraded: every user keeps
their password (a slot from their hash), no plain copy remains among the backups, and the
recovery key waits, encrypted, for the next administrator to keep it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from alembic import command
from sqlalchemy import insert, select

from conftest import PASSWORD
from raw_database import unlock_and_sign_in
from traumefokus.content.library import ContentLibrary
from traumefokus.domain.passwords import hash_password
from traumefokus.errors import Refused
from traumefokus.paths import DataDir
from traumefokus.services.acting import Acting
from traumefokus.services.auth import sign_in
from traumefokus.services.encryption import pending_recovery_key, recovery_key_kept
from traumefokus.services.workspace import Workspace
from traumefokus.storage.backup_file import extract_database, open_backup
from traumefokus.storage.connect import connect_sqlite, is_encrypted
from traumefokus.storage.engine import make_engine
from traumefokus.storage.key_slots import database_key
from traumefokus.storage.keys import HeldKey, PlainKeys
from traumefokus.storage.migrate import alembic_config
from traumefokus.storage.models import Client, User
from traumefokus.storage.side_files import key_file_of
from traumefokus.storage.target import DatabaseTarget


def _old_plain(data_dir: DataDir, *, admin_password: bool = True) -> None:
    """A database as the version before encryption left it: 0008, plain, with users."""
    data_dir.ensure()
    engine = make_engine(DatabaseTarget.sqlite(data_dir.database), PlainKeys())
    command.upgrade(alembic_config(engine), "0008")
    hashed = hash_password(PASSWORD)
    users = [  # the columns of 0008 only (Core inserts: today's models have more)
        {"name": "admin", "role": "admin", "password_hash": hashed if admin_password else None},
        {"name": "mette.h", "role": "therapist", "password_hash": hashed},
    ]
    with engine.begin() as connection:
        for user in users:
            connection.execute(insert(User.__table__).values(version=1, **user))
        connection.execute(insert(Client.__table__).values(code="K-0001", site="Aarhus", version=1))
    engine.dispose()
    older = data_dir.backups / "traumefokus-20260101-120000-manual.db"
    data_dir.backups.mkdir(parents=True, exist_ok=True)
    source, copy = sqlite3.connect(data_dir.database), sqlite3.connect(older)
    source.backup(copy)
    source.close()
    copy.close()


def _unreadable(path) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchall()


def test_the_upgrade_encrypts_the_database_and_every_backup_copy(tmp_path):
    data_dir = DataDir(tmp_path / "data")
    _old_plain(data_dir)
    workspace = Workspace(data_dir)
    with workspace.open() as db:
        assert workspace.just_encrypted
        with db.reading() as tx:
            assert tx.scalars(select(Client.code)).all() == ["K-0001"]
    _unreadable(data_dir.database)
    assert b"K-0001" not in data_dir.database.read_bytes()
    older, before_upgrade = sorted(data_dir.backups.iterdir())
    _unreadable(older)  # a plain file from before backups were archives
    assert before_upgrade.name.endswith("-before-upgrade-from-0008.tfbackup")
    archive = open_backup(before_upgrade)
    assert archive.encrypted and archive.key_file is not None
    inside = tmp_path / "inside.db"
    extract_database(archive, inside)
    _unreadable(inside)
    assert not [
        f for f in data_dir.root.rglob("*") if f.name.startswith(".") or "encrypting" in f.name
    ]

    for name in ("admin", "mette.h"):  # everyone keeps their password
        db, actor = unlock_and_sign_in(Workspace(data_dir), name, PASSWORD)
        db.close()
        assert actor.name == name


def test_the_next_administrator_keeps_the_recovery_key_which_opens_the_data(tmp_path):
    data_dir = DataDir(tmp_path / "data")
    _old_plain(data_dir)
    Workspace(data_dir).open().close()
    db, actor = unlock_and_sign_in(Workspace(data_dir), "mette.h", PASSWORD)
    library = ContentLibrary.for_data_dir(data_dir)
    with db:
        assert pending_recovery_key(Acting(db, library, actor, data_dir)) is None  # not hers
        admin = Acting(db, library, sign_in(db, "admin", PASSWORD), data_dir)
        key = pending_recovery_key(admin)
        assert key is not None and len(key.split("-")) == 8
        recovery_key_kept(admin)
        assert pending_recovery_key(admin) is None
    opened = connect_sqlite(data_dir.database, HeldKey(database_key(key)))
    assert opened.execute("SELECT code FROM clients").fetchall() == [("K-0001",)]
    opened.close()


def test_a_database_in_use_by_another_program_stays_plain_until_a_later_opening(tmp_path):
    data_dir = DataDir(tmp_path / "data")
    _old_plain(data_dir)
    holder = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('PRAGMA journal_mode=WAL').fetchall()\n"
        "c.execute('SELECT count(*) FROM users').fetchall()\n"
        "print('open', flush=True)\n"
        "sys.stdin.read()\n"
    )
    other = subprocess.Popen(
        [sys.executable, "-c", holder, str(data_dir.database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert other.stdout.readline().strip() == "open"  # another program has it open
    workspace = Workspace(data_dir)
    with workspace.open() as db, db.reading() as tx:
        assert tx.scalars(select(Client.code)).all() == ["K-0001"]
    assert not workspace.just_encrypted and not is_encrypted(data_dir.database)
    other.communicate("", timeout=30)
    later = Workspace(data_dir)
    later.open().close()
    assert later.just_encrypted and is_encrypted(data_dir.database)


def test_without_an_administrator_s_password_it_waits(tmp_path):
    data_dir = DataDir(tmp_path / "data")
    _old_plain(data_dir, admin_password=False)
    workspace = Workspace(data_dir)
    workspace.open().close()
    assert not workspace.just_encrypted and not key_file_of(data_dir.database).exists()
    assert connect_sqlite(data_dir.database, PlainKeys()).execute(
        "SELECT name FROM installation_secrets"
    ).fetchall() == [("encrypt_pending",)]


def test_a_new_plain_database_is_never_marked(tmp_path):
    data_dir = DataDir(tmp_path / "data")
    workspace = Workspace(data_dir)
    with workspace.open(create=True) as db, db.transaction() as tx:
        tx.add(User(name="admin", role="admin", password_hash=hash_password(PASSWORD)))
    again = Workspace(data_dir)
    again.open().close()
    assert not again.just_encrypted and not is_encrypted(data_dir.database)


def test_the_program_shows_the_administrator_the_recovery_key_once(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from traumefokus.ui.app import Startup
    from traumefokus.ui.recovery_key_dialog import RecoveryKeyDialog
    from ui_helpers import make_context

    data_dir = DataDir(tmp_path / "data")
    _old_plain(data_dir)
    shown = []

    def keep(dialog):
        shown.append(dialog.key.text())
        return 1

    monkeypatch.setattr(RecoveryKeyDialog, "exec", keep)
    startup = Startup(make_context(Workspace(data_dir)), "admin", PASSWORD)
    window = startup.first_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert is_encrypted(data_dir.database) and len(shown[0].split("-")) == 8
    acting = startup.ctx.acting
    assert pending_recovery_key(acting) is None  # kept: never shown again
    opened = connect_sqlite(data_dir.database, HeldKey(database_key(shown[0])))
    assert opened.execute("SELECT count(*) FROM users").fetchone() == (2,)
    opened.close()
    if startup.idle_lock is not None:
        startup.idle_lock.stop()
    for widget in QApplication.topLevelWidgets():
        widget.close()
    startup.ctx.db.close()


def test_a_file_the_system_will_not_replace_stays_plain(tmp_path, monkeypatch):
    """Windows refuses to replace a file another program has open: it waits, as above."""
    from traumefokus.services import encryption

    data_dir = DataDir(tmp_path / "data")
    _old_plain(data_dir)

    def refuse(plain, copy):
        raise PermissionError(13, "in use")

    monkeypatch.setattr(encryption, "replace_with", refuse)
    workspace = Workspace(data_dir)
    with workspace.open() as db, db.reading() as tx:
        assert tx.scalars(select(Client.code)).all() == ["K-0001"]
    assert not workspace.just_encrypted and not is_encrypted(data_dir.database)
    assert not list(data_dir.root.glob("*.encrypting"))


@pytest.mark.log_warnings_expected
def test_a_full_disk_during_the_encryption_leaves_the_plain_database_whole(tmp_path, monkeypatch):
    import sqlcipher3

    from traumefokus.services import encryption

    data_dir = DataDir(tmp_path / "data")
    _old_plain(data_dir)

    def full(plain, copy, key):
        copy.write_bytes(b"half")
        raise sqlcipher3.OperationalError("database or disk is full")

    monkeypatch.setattr(encryption, "encrypt_into", full)
    workspace = Workspace(data_dir)
    with workspace.open() as db, db.reading() as tx:
        assert tx.scalars(select(Client.code)).all() == ["K-0001"]
    assert not workspace.just_encrypted and not is_encrypted(data_dir.database)
    assert not list(data_dir.root.glob("*.encrypting"))
    monkeypatch.undo()
    later = Workspace(data_dir)  # room again: the next opening encrypts it
    later.open().close()
    assert later.just_encrypted


def test_a_plain_copy_s_hashes_stop_opening_the_key_file_as_each_user_signs_in(tmp_path):
    """The slots made at the upgrade come from hashes an old plain copy also holds: each
    user's is made anew from a new hash at their next sign-in (program or command line)."""
    from traumefokus.storage.key_file import read_key_file
    from traumefokus.storage.key_slots import from_b64, unwrap_with

    data_dir = DataDir(tmp_path / "data")
    _old_plain(data_dir)
    old = connect_sqlite(data_dir.database, PlainKeys())
    old_hashes = dict(old.execute("SELECT name, password_hash FROM users").fetchall())
    old.close()
    Workspace(data_dir).open().close()

    def opened_by_old_hash(name):
        slot = read_key_file(key_file_of(data_dir.database)).slot_for_name(name)
        return slot.from_hash, unwrap_with(slot, from_b64(old_hashes[name].split("$")[5]))

    assert opened_by_old_hash("mette.h")[0] and opened_by_old_hash("mette.h")[1] is not None
    db, _actor = unlock_and_sign_in(Workspace(data_dir), "mette.h", PASSWORD)
    db.close()
    assert opened_by_old_hash("mette.h") == (False, None)
    assert opened_by_old_hash("admin")[1] is not None  # until the administrator signs in
    from cli_runner import run

    out = tmp_path / "all.json"
    assert (
        run("export", "records", "--out", out, "--user", "admin", "--data-dir", data_dir.root).code
        == 0
    )
    assert opened_by_old_hash("admin") == (False, None)
    unlock_and_sign_in(Workspace(data_dir), "mette.h", PASSWORD)[0].close()  # still hers


@pytest.mark.log_warnings_expected
def test_plain_backups_left_by_a_cut_short_encryption_are_encrypted_at_the_next_opening(
    tmp_path, monkeypatch
):
    from traumefokus.services import encryption

    data_dir = DataDir(tmp_path / "data")
    _old_plain(data_dir)
    real = encryption._encrypt_archive

    def cut_short(*args):
        raise OSError(5, "killed here")

    monkeypatch.setattr(encryption, "_encrypt_archive", cut_short)
    Workspace(data_dir).open().close()  # encrypted, but the archive is still plain
    assert is_encrypted(data_dir.database)
    before_upgrade = next(data_dir.backups.glob("*.tfbackup"))
    assert not open_backup(before_upgrade).encrypted
    monkeypatch.setattr(encryption, "_encrypt_archive", real)
    unlock_and_sign_in(Workspace(data_dir), "mette.h", PASSWORD)[0].close()
    assert open_backup(before_upgrade).encrypted
    assert not [f for f in data_dir.root.rglob("*") if f.name.startswith(".traumefokus-")]


def test_a_plain_file_another_program_is_encrypting_is_not_opened_meanwhile(tmp_path, monkeypatch):
    """While one program holds the lock (encrypting), another neither opens the plain file
    (its writes would be lost) nor encrypts it: it waits, and says so if it waited in vain."""
    import threading

    from traumefokus.services import encryption
    from traumefokus.storage.file_lock import exclusive, lock_file_of

    data_dir = DataDir(tmp_path / "data")
    _old_plain(data_dir)
    monkeypatch.setattr(encryption, "OPENING_WAIT_SECONDS", 0.3)
    with exclusive(lock_file_of(data_dir.database), wait=0) as held:  # another program
        assert held
        with pytest.raises(Refused) as raised:
            Workspace(data_dir).open()
        assert raised.value.code == "db.being_encrypted"
        assert not is_encrypted(data_dir.database)
    monkeypatch.setattr(encryption, "OPENING_WAIT_SECONDS", 10)
    done = threading.Event()

    def the_other_program():
        with exclusive(lock_file_of(data_dir.database), wait=0):
            done.wait(0.5)

    other = threading.Thread(target=the_other_program)
    other.start()
    workspace = Workspace(data_dir)
    workspace.open().close()  # waited for it, then opened (and encrypted) it
    other.join()
    assert workspace.just_encrypted


def test_a_first_set_up_cut_short_before_its_administrator_can_be_made_anew(tmp_path):
    from traumefokus.services.encryption import create_encrypted
    from traumefokus.services.users import create_first_admin

    data_dir = DataDir(tmp_path / "data")
    db, _lost = create_encrypted(Workspace(data_dir))  # killed before the administrator
    db.close()
    db, _recovery = create_encrypted(Workspace(data_dir))
    with db:
        create_first_admin(db, "admin", PASSWORD)
    unlock_and_sign_in(Workspace(data_dir), "admin", PASSWORD)[0].close()
    with pytest.raises(Refused):
        create_encrypted(Workspace(data_dir))  # one with its administrator stays


def test_an_old_plain_database_that_never_got_its_first_user_is_made_anew_encrypted(tmp_path):
    from traumefokus.services.encryption import create_encrypted
    from traumefokus.services.users import create_first_admin

    data_dir = DataDir(tmp_path / "data")
    data_dir.ensure()
    engine = make_engine(DatabaseTarget.sqlite(data_dir.database), PlainKeys())
    command.upgrade(alembic_config(engine), "0008")
    engine.dispose()
    Workspace(data_dir).open().close()  # upgraded, still plain: no one to keep a key
    assert not is_encrypted(data_dir.database)
    db, recovery = create_encrypted(Workspace(data_dir))  # the first user's dialog, or init
    with db:
        create_first_admin(db, "admin", PASSWORD)
    assert is_encrypted(data_dir.database) and len(recovery.split("-")) == 8


def test_a_plain_database_with_clients_but_no_users_is_never_made_anew(tmp_path):
    from traumefokus.services.encryption import create_encrypted

    data_dir = DataDir(tmp_path / "data")
    data_dir.ensure()
    engine = make_engine(DatabaseTarget.sqlite(data_dir.database), PlainKeys())
    command.upgrade(alembic_config(engine), "0008")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO clients (id, code, site, created_at, version) "
            "VALUES ('c1', 'K-0001', '', '2020-01-01 00:00:00', 1)"
        )
    engine.dispose()
    with pytest.raises(Refused):
        create_encrypted(Workspace(data_dir))
    assert connect_sqlite(data_dir.database, PlainKeys()).execute(
        "SELECT code FROM clients"
    ).fetchall() == [("K-0001",)]


def test_a_reactivated_user_s_slot_is_still_made_anew_at_their_next_sign_in(tmp_path):
    from traumefokus.services.users import update_user
    from traumefokus.storage.key_file import read_key_file

    data_dir = DataDir(tmp_path / "data")
    _old_plain(data_dir)
    Workspace(data_dir).open().close()
    db, actor = unlock_and_sign_in(Workspace(data_dir), "admin", PASSWORD)
    admin = Acting(db, ContentLibrary.for_data_dir(data_dir), actor, data_dir)
    with db:
        for active in (False, True):
            with db.reading() as tx:
                mette = tx.scalars(select(User).where(User.name == "mette.h")).one()
            update_user(admin, mette.id, role="therapist", active=active, version=mette.version)
    slot = read_key_file(key_file_of(data_dir.database)).slot_for_name("mette.h")
    assert slot.from_hash  # her hash may still be an old plain copy's
    unlock_and_sign_in(Workspace(data_dir), "mette.h", PASSWORD)[0].close()
    assert not read_key_file(key_file_of(data_dir.database)).slot_for_name("mette.h").from_hash
