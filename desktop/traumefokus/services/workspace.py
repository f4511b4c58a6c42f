"""Opening a data directory and its database: the first step of every CLI command and of
the GUI, so that both see the same checks and the same messages.

`probe()` tells the state of the database and its users without importing SQLAlchemy for
the usual SQLite file, so that the first window shows fast; `open()` makes it ready for work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from traumefokus.errors import DataProblem
from traumefokus.paths import DataDir
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

    @cached_property
    def target(self) -> DatabaseTarget:
        return DatabaseTarget.choose(self.data_dir, self.database_url)

    @property
    def where(self) -> str:
        return self.target.where

    @property
    def database_exists(self) -> bool:
        return self.target.exists()

    def probe(self) -> Probe:
        """The database's schema state and users; a newer or foreign one is refused here."""
        found = probe(self.target, self.keys, self.data_dir.backups)
        refuse_unusable(self.target, found)
        return found

    def open(self, *, create: bool = False) -> Database:
        """The database, upgraded if older. Without `create`, a missing SQLite file is an
        error rather than silently becoming a new, empty database."""
        from traumefokus.storage.database import open_database

        if not self.database_exists:
            if not create:
                raise DataProblem("db.missing", where=self.where)
            self.data_dir.ensure()
        return open_database(self.target, self.keys, self.data_dir.backups)
