"""Backups of a SQLite database (storage/backup.py has the format): the automatic ones, made at
most once per half hour and thinned as Anki thins them (domain/backup_thinning.py), and the
one an administrator makes with `traumefokus backup --out FILE`.

A shared PostgreSQL database is backed up by the server's own tools (`pg_dump`; README.md):
there is nothing here to copy. The backup folder may be on another disk or a network share;
the live database never moves there.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.domain.access import Action
from traumefokus.domain.backup_thinning import BackupLimits, is_due, obsolete
from traumefokus.errors import InvalidInput
from traumefokus.fileio import checked_output
from traumefokus.paths import OWN_FILES, DataDir
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.storage.backup import (
    AUTOMATIC,
    MANUAL,
    backup_sqlite,
    list_backups,
    write_backup,
)
from traumefokus.storage.keys import KeyProvider
from traumefokus.storage.target import DatabaseTarget

if TYPE_CHECKING:
    from traumefokus.settings import Settings

log = logging.getLogger(__name__)

KINDS = ("daily", "weekly", "monthly")


@dataclass(frozen=True)
class BackupPlan:
    """Where backups go and how many automatic ones are kept."""

    folder: Path
    limits: BackupLimits


def backup_plan(settings: Settings, data_dir: DataDir) -> BackupPlan:
    """The backup settings, read in one place: the folder (the data directory's backups/
    unless another is set) and the daily, weekly and monthly copies to keep."""
    daily, weekly, monthly = (settings.backup_copies(kind) for kind in KINDS)
    return BackupPlan(
        settings.backup_folder or data_dir.backups, BackupLimits(daily, weekly, monthly)
    )


def backup_if_due(
    target: DatabaseTarget, keys: KeyProvider, plan: BackupPlan, *, now: datetime | None = None
) -> Path | None:
    """An automatic backup of a SQLite database, if the newest is half an hour old or there
    is none, then the automatic ones thinned; the new backup, or None if none was due."""
    if target.file is None or not target.file.exists():
        return None  # a server database (pg_dump), or nothing to back up yet
    now = now or datetime.now()
    automatic = [b for b in list_backups(plan.folder) if b.automatic]
    if not is_due(automatic[-1].made if automatic else None, now):
        return None
    made = backup_sqlite(target.file, keys, plan.folder, reason=AUTOMATIC, now=now)
    log.info("Automatic backup made")
    thin(plan, now=now)
    return made


def thin(plan: BackupPlan, *, now: datetime) -> list[Path]:
    """Delete the automatic backups that thinning lets go; those deleted. A backup that
    cannot be deleted stays (said in the log) and is tried again next time."""
    automatic = [(b.path, b.made) for b in list_backups(plan.folder) if b.automatic]
    gone = []
    for path in obsolete(automatic, plan.limits, now.date()):
        try:
            path.unlink(missing_ok=True)
            gone.append(path)
        except OSError as exc:
            log.warning("An old automatic backup could not be deleted (%s)", type(exc).__name__)
    return gone


def make_backup(acting: Acting, out: Path) -> Path:
    """An administrator's backup to the file `out`, whatever its name (a .tfbackup archive,
    encrypted like the database), audited."""
    acting.require(Action.BACKUP)
    file = acting.db.target.file
    if file is None:
        raise InvalidInput("backup.server_database")
    data_dir = acting.data_dir
    out = checked_output(out, [data_dir.root / name for name in OWN_FILES])
    if out.name.startswith("traumefokus.db") and out.parent.resolve() == file.parent.resolve():
        raise InvalidInput("out.protected", path=out)  # never over the key file
    manifest = write_backup(file, acting.db.keys, out)
    with acting.transaction() as tx:
        audit.record(tx, acting.actor, "backup.made", reason=MANUAL, revision=manifest["revision"])
    return out
