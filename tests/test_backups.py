"""Backups (storage/backup.py, services/backups.py): one verified, private .tfbackup file,
encrypted like the database; automatic ones at most once per half hour and thinned; an
administrator's to any file; a half-written one is never taken for a backup."""

from __future__ import annotations

import json
import os
import sqlite3
import zipfile
from datetime import datetime, timedelta

import pytest

from traumefokus.domain.backup_thinning import BackupLimits
from traumefokus.errors import DataProblem, InvalidInput, Refused
from traumefokus.services.backups import BackupPlan, backup_if_due, make_backup
from traumefokus.storage.backup import backup_name, backup_sqlite, list_backups, parse_name
from traumefokus.storage.backup_file import open_backup
from traumefokus.storage.keys import PlainKeys
from traumefokus.storage.revisions import HEAD

pytestmark = pytest.mark.both_databases
NOW = datetime(2026, 3, 18, 10, 0, 0)


def _plan(tmp_path, limits: BackupLimits | None = None) -> BackupPlan:
    return BackupPlan(tmp_path / "backups", limits or BackupLimits())


@pytest.mark.sqlite_only
def test_a_backup_is_one_private_verified_archive_with_a_manifest(admin, tmp_path):
    source = admin.db.target.file
    made = backup_sqlite(source, PlainKeys(), tmp_path / "b", reason="manual", now=NOW)
    assert made.name == "traumefokus-20260318-100000-manual.tfbackup"
    assert oct(made.stat().st_mode & 0o777) == "0o600"
    with zipfile.ZipFile(made) as archive:
        assert sorted(archive.namelist()) == ["manifest.json", "traumefokus.db"]
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_STORED}
        manifest = json.loads(archive.read("manifest.json"))
        copy = tmp_path / "copy.db"
        copy.write_bytes(archive.read("traumefokus.db"))
    assert manifest["format"] == "traumefokus-backup" and manifest["version"] == 1
    assert manifest["revision"] == HEAD and manifest["encrypted"] is False
    assert manifest["created_at"].endswith("+00:00")
    connection = sqlite3.connect(copy)
    assert connection.execute("SELECT name FROM users").fetchall() == [("admin",)]
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # stands alone
    connection.close()
    assert open_backup(made).manifest == manifest
    assert list(tmp_path.glob("**/*.tmp")) == [] and list(source.parent.glob(".*")) == []


@pytest.mark.sqlite_only
def test_two_backups_in_the_same_second_get_two_names(admin, tmp_path):
    source = admin.db.target.file
    first = backup_sqlite(source, PlainKeys(), tmp_path, reason="manual", now=NOW)
    second = backup_sqlite(source, PlainKeys(), tmp_path, reason="manual", now=NOW)
    assert first != second and second.name == backup_name(NOW + timedelta(seconds=1), "manual")


def test_names_are_parsed_and_other_files_are_not_backups(tmp_path):
    for name in (
        "traumefokus-20260318-100000-auto.tfbackup",
        "traumefokus-20260318-100000-before-upgrade-from-0006.tfbackup",
    ):
        (tmp_path / name).write_bytes(b"")
    for other in (
        ".traumefokus-20260318-110000-auto.tfbackup.x1y2.tmp",  # a backup being written
        "traumefokus-20261318-100000-auto.tfbackup",  # month 13
        "notes.txt",
    ):
        (tmp_path / other).write_bytes(b"")
    found = list_backups(tmp_path)
    assert [(b.reason, b.automatic) for b in found] == [
        ("auto", True),
        ("before-upgrade-from-0006", False),
    ]
    assert parse_name(tmp_path / "x.tfbackup") is None


def test_automatic_backups_at_most_every_half_hour_then_thinned(workspace, db, tmp_path):
    plan = _plan(tmp_path, BackupLimits(daily=1, weekly=1, monthly=1))
    made = backup_if_due(db.target, db.keys, plan, now=NOW)
    if workspace.target.file is None:  # a server database: pg_dump, never here
        assert made is None and not plan.folder.exists()
        return
    assert made is not None and made.name.endswith("-auto.tfbackup")
    assert backup_if_due(db.target, db.keys, plan, now=NOW + timedelta(minutes=29)) is None
    later = backup_if_due(db.target, db.keys, plan, now=NOW + timedelta(minutes=30))
    assert later is not None
    # old ones of other kinds stay; old automatic ones are thinned
    for days in (3, 4, 40, 41, 100):
        old = NOW - timedelta(days=days)
        (plan.folder / backup_name(old, "auto")).write_bytes(b"old")
        (plan.folder / backup_name(old, "manual")).write_bytes(b"old")
    backup_if_due(db.target, db.keys, plan, now=NOW + timedelta(hours=1))
    left = [(b.made.date(), b.reason) for b in list_backups(plan.folder)]
    automatic = [d for d, reason in left if reason == "auto"]
    assert automatic == [(NOW - timedelta(days=d)).date() for d in (100, 40, 3)] + [NOW.date()] * 3
    assert len([r for _d, r in left if r == "manual"]) == 5


def test_an_administrator_backs_up_to_any_file_name_and_it_is_audited(admin, therapist, tmp_path):
    out = tmp_path / "copy for the safe.zip"
    if admin.db.target.file is None:
        with pytest.raises(InvalidInput) as error:
            make_backup(admin, out)
        assert error.value.code == "backup.server_database"
        return
    assert make_backup(admin, out) == out
    assert open_backup(out).manifest["revision"] == HEAD
    from sqlalchemy import select

    from traumefokus.storage.models import AuditEvent

    with admin.db.reading() as tx:
        assert "backup.made" in tx.scalars(select(AuditEvent.action)).all()
    with pytest.raises(Refused):
        make_backup(therapist, tmp_path / "mine.tfbackup")
    assert not (tmp_path / "mine.tfbackup").exists()


@pytest.mark.sqlite_only
def test_a_backup_is_never_written_over_the_database_or_its_key_file(admin):
    folder = admin.data_dir.root
    for name in ("traumefokus.db", "traumefokus.db-wal", "settings.json", "traumefokus.db.keys"):
        with pytest.raises(InvalidInput):
            make_backup(admin, folder / name)


@pytest.mark.sqlite_only
def test_a_backup_that_cannot_be_written_leaves_no_half_file(admin, tmp_path, monkeypatch):
    """A full disk while the archive is written: no backup, no temporary file."""
    import errno

    from traumefokus.storage import backup

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_verify_archive", full)
    folder = tmp_path / "backups"
    with pytest.raises(DataProblem) as error:
        backup_sqlite(admin.db.target.file, PlainKeys(), folder, reason="auto", now=NOW)
    assert error.value.code == "disk.full"
    assert list(folder.iterdir()) == []
    assert [p.name for p in admin.data_dir.root.iterdir() if p.name.startswith(".")] == []


@pytest.mark.sqlite_only
def test_a_read_only_backup_folder_is_a_clear_problem(admin, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(DataProblem) as error:
        backup_sqlite(admin.db.target.file, PlainKeys(), folder, reason="auto", now=NOW)
    assert error.value.code == "file.unwritable"


@pytest.mark.sqlite_only
def test_what_a_killed_backup_left_is_removed_by_the_next_once_it_is_old(admin, tmp_path):
    """kill -9 leaves a hidden temporary file (never a backup); the next backup removes it
    once it is an hour old, and leaves a newer one (another backup may be writing it)."""
    folder = tmp_path / "backups"
    folder.mkdir()
    data = admin.data_dir.root
    old = [
        folder / ".traumefokus-20260318-090000-auto.tfbackup.ab12.tmp",
        data / ".traumefokus.db.backup-cd34.tmp",
        data / ".traumefokus.db.backup-cd34.tmp-journal",
    ]
    recent = folder / ".traumefokus-20260318-095900-auto.tfbackup.ef56.tmp"
    for path in [*old, recent]:
        path.write_bytes(b"half")
    two_hours_ago = datetime.now().timestamp() - 7200
    for path in old:
        os.utime(path, (two_hours_ago, two_hours_ago))
    assert list_backups(folder) == []
    backup_sqlite(admin.db.target.file, PlainKeys(), folder, reason="auto", now=NOW)
    assert [p.exists() for p in old] == [False, False, False] and recent.exists()
