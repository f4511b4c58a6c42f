"""Signing in to an encrypted database: the user's key slot is the password check, the key
file follows every change of a password or of who is active, and failed attempts before the
database is open are delayed and reach the audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from conftest import PASSWORD
from raw_database import unlock_and_sign_in
from traumefokus.content.library import ContentLibrary
from traumefokus.errors import InvalidInput, Refused
from traumefokus.paths import DataDir
from traumefokus.services.acting import Acting
from traumefokus.services.auth import confirm_password, sign_in
from traumefokus.services.encryption import create_encrypted
from traumefokus.services.users import (
    add_user,
    change_own_password,
    create_first_admin,
    reset_password,
    update_user,
)
from traumefokus.services.workspace import Workspace
from traumefokus.storage.attempts_file import attempts_file_of
from traumefokus.storage.key_file import read_key_file
from traumefokus.storage.models import AuditEvent, User
from traumefokus.storage.side_files import key_file_of

NEW = "en helt ny adgangskode"


@pytest.fixture
def folder(tmp_path):
    """An encrypted data directory with its administrator and a therapist."""
    data_dir = DataDir(tmp_path / "data")
    db, recovery = create_encrypted(Workspace(data_dir))
    assert len(recovery.split("-")) == 8
    with db:
        actor = create_first_admin(db, "admin", PASSWORD)
        admin = Acting(db, ContentLibrary.for_data_dir(data_dir), actor, data_dir)
        add_user(admin, "mette.h", "therapist", PASSWORD)
    return data_dir


def opened(folder: DataDir, name: str, password: str = PASSWORD) -> Acting:
    db, actor = unlock_and_sign_in(Workspace(folder), name, password)
    return Acting(db, ContentLibrary.for_data_dir(folder), actor, folder)


def test_the_right_password_opens_the_database_and_signs_in(folder):
    workspace = Workspace(folder)
    assert workspace.locked
    db, actor = unlock_and_sign_in(workspace, "Mette.H", PASSWORD)
    with db:
        assert actor.name == "mette.h" and not workspace.locked
        with db.reading() as tx:
            actions = list(tx.scalars(select(AuditEvent.action)))
        assert actions[-1] == "user.sign_in"


@pytest.mark.parametrize(("name", "password"), [("mette.h", "forkert forkert"), ("bo", PASSWORD)])
def test_a_wrong_password_or_unknown_name_opens_nothing(folder, name, password):
    workspace = Workspace(folder)
    with pytest.raises(Refused) as raised:
        unlock_and_sign_in(workspace, name, password)
    assert raised.value.code == "auth.failed"
    assert workspace.locked


def test_failures_are_delayed_and_reach_the_audit_trail_at_the_next_unlock(folder):
    for _ in range(3):
        with pytest.raises(Refused):
            unlock_and_sign_in(Workspace(folder), "mette.h", "forkert forkert")
    with pytest.raises(Refused) as raised:
        unlock_and_sign_in(Workspace(folder), "mette.h", PASSWORD)
    assert raised.value.code == "auth.wait"
    assert b"mette" not in attempts_file_of(folder.database).read_bytes()


def test_waiting_failures_are_written_into_the_trail(folder):
    with pytest.raises(Refused):
        unlock_and_sign_in(Workspace(folder), "mette.h", "forkert forkert")
    acting = opened(folder, "admin")
    with acting.db as db, db.reading() as tx:
        failed = tx.scalars(
            select(AuditEvent).where(AuditEvent.action == "user.sign_in_failed")
        ).all()
        mette = tx.scalars(select(User).where(User.name == "mette.h")).one()
    assert [e.object_id for e in failed] == [mette.id]
    assert "at" in failed[0].details


def test_a_new_password_moves_the_slot_and_the_old_one_no_longer_opens(folder):
    admin = opened(folder, "admin")
    with admin.db:
        mette_id = read_key_file(key_file_of(folder.database)).slot_for_name("mette.h").id
        reset_password(admin, mette_id.removeprefix("user:"), NEW)
    with pytest.raises(Refused):
        unlock_and_sign_in(Workspace(folder), "mette.h", PASSWORD)
    mette = opened(folder, "mette.h", NEW)
    with mette.db:
        assert confirm_password(mette.db, mette.actor, NEW)
        assert not confirm_password(mette.db, mette.actor, PASSWORD)
        change_own_password(mette, NEW, PASSWORD)
    opened(folder, "mette.h").db.close()


def test_a_deactivated_user_loses_their_slot_and_gets_it_back(folder):
    admin = opened(folder, "admin")
    with admin.db as db:
        with db.reading() as tx:
            mette = tx.scalars(select(User).where(User.name == "mette.h")).one()
        update_user(admin, mette.id, role="therapist", active=False, version=mette.version)
        assert read_key_file(key_file_of(folder.database)).slot_for_name("mette.h") is None
        with pytest.raises(Refused):
            sign_in(db, "mette.h", PASSWORD)
    with pytest.raises(Refused) as raised:
        unlock_and_sign_in(Workspace(folder), "mette.h", PASSWORD)
    assert raised.value.code == "auth.failed"
    admin = opened(folder, "admin")
    with admin.db as db:
        with db.reading() as tx:
            mette = tx.scalars(select(User).where(User.name == "mette.h")).one()
        update_user(admin, mette.id, role="therapist", active=True, version=mette.version)
    opened(folder, "mette.h").db.close()


def test_another_user_signs_in_to_the_open_database_with_their_own_slot(folder):
    admin = opened(folder, "admin")
    with admin.db as db:
        assert sign_in(db, "mette.h", PASSWORD).name == "mette.h"
        with pytest.raises(Refused):
            sign_in(db, "mette.h", "admin's password, not hers")


def test_a_second_database_in_the_same_folder_is_refused(folder):
    with pytest.raises(Refused) as raised:
        create_encrypted(Workspace(folder))
    assert raised.value.code == "init.already_done"


def test_the_recovery_key_opens_the_data_when_every_password_and_the_key_file_are_lost(
    tmp_path,
):
    from traumefokus.services.encryption import recover

    data_dir = DataDir(tmp_path / "data")
    db, recovery = create_encrypted(Workspace(data_dir))
    with db:
        actor = create_first_admin(db, "admin", "et glemt kodeord")
        admin = Acting(db, ContentLibrary.for_data_dir(data_dir), actor, data_dir)
        add_user(admin, "mette.h", "therapist", PASSWORD)
    key_file_of(data_dir.database).unlink()  # lost with the passwords
    for wrong in ("ABCD", "0000-0000-0000-0000-0000-0000-0000-0000"):
        with pytest.raises((Refused, InvalidInput)):
            recover(Workspace(data_dir), wrong, "admin", NEW)
    with pytest.raises(Refused) as raised:
        recover(Workspace(data_dir), recovery, "mette.h", NEW)
    assert raised.value.code == "recovery.not_admin"
    assert recover(Workspace(data_dir), recovery.lower(), "admin", NEW).name == "admin"
    opened(data_dir, "admin", NEW).db.close()
    opened(data_dir, "mette.h").db.close()  # keeps her password


def test_a_slot_made_with_a_weaker_cost_is_made_anew_at_the_next_unlock(folder, monkeypatch):
    from argon2 import PasswordHasher, Type

    from traumefokus.domain import passwords
    from traumefokus.storage import key_slots

    stronger = key_slots.KdfParams(time_cost=2, memory_kib=16, parallelism=1)
    before = read_key_file(key_file_of(folder.database)).slot_for_name("mette.h")
    assert before.kdf.weaker_than(stronger)
    monkeypatch.setattr(key_slots, "DEFAULT_KDF", stronger)  # a later version's cost
    hasher = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1, type=Type.ID)
    monkeypatch.setattr(passwords, "hasher", lambda: hasher)
    opened(folder, "mette.h").db.close()
    after = read_key_file(key_file_of(folder.database)).slot_for_name("mette.h")
    assert after.kdf == stronger and after.salt != before.salt
    opened(folder, "mette.h").db.close()  # still her password
    untouched = read_key_file(key_file_of(folder.database)).slot_for_name("admin")
    assert untouched.kdf.weaker_than(stronger)  # until the administrator signs in
