"""Opening a data directory and its database: the first step of every CLI command and of
the GUI, so that both see the same checks and the same messages.

`probe()` tells the state of the database and its users without importing SQLAlchemy for
the usual SQLite file, so that the first window shows fast; `open()` makes it ready for work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.errors import DataProblem
from traumefokus.paths import DataDir
from traumefokus.storage.integrity import (
    check_pages,
    lost_database,
    refuse_lost_wal,
    refuse_read_only,
)
from traumefokus.storage.keys import KeyProvider, PlainKeys
from traumefokus.storage.probe import Probe, probe, refuse_unusable
from traumefokus.storage.target import DatabaseTarget

if TYPE_CHECKING:
    from traumefokus.storage.database import Database


@dataclass
class Workspace:
    data_dir: DataDir
    database_url: str | None = None
    keys: KeyProvider = field(default_factory=PlainKeys)
    just_encrypted: bool = False  # an opening encrypted a database from before encryption
    # A server's password asked for at the start: never stored in a file, never shown.
    server_password: str | None = field(default=None, repr=False)
    # On a disk or share that cannot be written, opened by a command that only reads.
    read_only: bool = False

    @cached_property
    def target(self) -> DatabaseTarget:
        """The database, a server's with its password (storage/server_password.py)."""
        found = DatabaseTarget.choose(self.data_dir, self.database_url)
        if found.url is None:
            return found
        from sqlalchemy.engine import make_url

        from traumefokus.storage.server_password import with_password

        url = with_password(make_url(found.url), self.server_password)
        return DatabaseTarget(None, url.render_as_string(hide_password=False), found.where)

    def use_server_password(self, password: str) -> None:
        """The password the user gave for the server: used from the next opening on."""
        self.server_password = password
        self.__dict__.pop("target", None)

    @property
    def where(self) -> str:
        return self.target.where

    @property
    def database_exists(self) -> bool:
        return self.target.exists()

    @property
    def locked(self) -> bool:
        """An encrypted SQLite database whose key nobody has given yet."""
        from traumefokus.storage.connect import is_encrypted

        file = self.target.file
        return file is not None and self.keys.key() is None and is_encrypted(file)

    def backup_folders(self) -> list[Path]:
        """Where backups are looked for when one must be named: the folder chosen in the
        settings, then the data directory's own."""
        from traumefokus.services.backups import backup_plan
        from traumefokus.settings import Settings

        chosen = backup_plan(Settings.load(self.data_dir.settings), self.data_dir).folder
        return [chosen, self.data_dir.backups]

    def refuse_lost(self, *, reading: bool = False) -> None:
        """A database emptied or gone where one was made, its -wal with the last commits
        missing or damaged, or a database that cannot be written (read only): refused
        (exit 4) before anyone signs in, nothing touched. With `reading` (a command that only
        reads), an encrypted database that cannot be written is opened read only instead."""
        file = self.target.file
        if file is None:
            return
        lost_database(file, self.backup_folders, signed_in_here=self._signed_in_here)
        refuse_lost_wal(file, self.backup_folders)
        try:
            refuse_read_only(file)
        except DataProblem:
            if not (reading and self.locked):  # a plain file is encrypted at its next opening
                raise
            self.read_only = True

    def _signed_in_here(self) -> Path | None:
        """The settings file, if it names a user who signed in here (so a database was)."""
        from traumefokus.settings import Settings

        settings = self.data_dir.settings
        return settings if Settings.load(settings).installation.get("last_user") else None

    def probe(self) -> Probe:
        """The database's schema state and users; a newer or foreign one is refused here, and
        one that was lost (`refuse_lost`)."""
        self.refuse_lost()
        found = probe(self.target, self.keys, self.data_dir.backups)
        refuse_unusable(self.target, found)
        return found

    def open(self, *, create: bool = False) -> Database:
        """The database, upgraded if older. Without `create`, a missing SQLite file is an
        error rather than silently becoming a new, empty database."""
        from traumefokus.storage.database import open_database

        if self.read_only:
            return open_database(self.target, self.keys, self.data_dir.backups, read_only=True)
        if not create:
            self.refuse_lost()
        if not self.database_exists:
            if not create:
                raise DataProblem("db.missing", where=self.where)
            self.data_dir.ensure()
        from traumefokus.services.encryption import encrypt_if_marked, plain_opening

        with plain_opening(self):  # one program at a time opens (and encrypts) a plain file
            db = encrypt_if_marked(
                self, open_database(self.target, self.keys, self.data_dir.backups)
            )
        file = self.target.file
        if file is not None:  # the integrity check, before the first write (storage/integrity.py)
            folders = self.backup_folders()
            db.guard_writes(lambda: check_pages(file, db.keys, folders, free_pages=False))
        return db
