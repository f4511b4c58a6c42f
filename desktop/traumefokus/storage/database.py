"""Opening the database: check its schema revision, upgrade an older one after a backup copy,
refuse a newer or foreign one without touching it.

The check reads `alembic_version` with plain SQL (storage/probe.py); Alembic itself is
imported only when a database must be created or upgraded.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from traumefokus.errors import DataProblem, Refused, TraumefokusError
from traumefokus.messages import Term
from traumefokus.storage.base import Versioned
from traumefokus.storage.clock import utc_now
from traumefokus.storage.engine import make_engine
from traumefokus.storage.keys import KeyProvider
from traumefokus.storage.probe import SchemaState, probe, refuse_unusable
from traumefokus.storage.revisions import HEAD
from traumefokus.storage.target import DatabaseTarget

log = logging.getLogger(__name__)

ACTOR = "actor_id"  # the key of a unit of work's `info`: the id of the user it writes for


class Database:
    """An open, current database and the units of work made from it (`tx`: a SQLAlchemy
    Session; "session" in this program means a therapy session)."""

    def __init__(
        self, target: DatabaseTarget, engine: Engine, keys: KeyProvider, *, read_only: bool = False
    ) -> None:
        self.target = target
        self.engine = engine
        self.keys = keys  # the key it was opened with (None for a plain or server database)
        self.read_only = read_only  # on a disk or share that cannot be written: reads only
        writer = engine.execution_options(sqlite_begin="IMMEDIATE")
        self._writers = sessionmaker(writer, expire_on_commit=False)
        event.listen(self._writers, "before_flush", _stamp)
        self._readers = sessionmaker(engine, expire_on_commit=False)
        self._batch = threading.local()
        self._gate: _WriteGate | None = None

    def guard_writes(self, check: Callable[[], None]) -> None:
        """Run `check` (the integrity check) once, before the first write: a unit of work
        waits for it, and every one fails with its error if it fails."""
        self._gate = _WriteGate(check)

    def pass_write_check(self) -> None:
        """Run the check now, or wait for the run under way (the window runs it on a thread
        of its own once it is shown); its error if the database may not be written."""
        if self._gate is not None:
            self._gate.pass_()

    @contextmanager
    def transaction(self, actor: str | None = None) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises; every row
        with a version it writes is stamped with `actor` (a user's id; None: no user acts, as
        at sign-in) and the moment. Inside `batch()` it joins the batch's transaction instead:
        what the unit before wrote for another user (or none) is flushed under their name
        first, and only then (a batch of one user's calls flushes when it must, not per call,
        which keeps the demo's build fast)."""
        ambient = getattr(self._batch, "tx", None)
        if ambient is not None:
            if ambient.info.get(ACTOR) != actor:
                ambient.flush()
                ambient.info[ACTOR] = actor
            yield ambient
            return
        self.pass_write_check()
        try:
            with self._writers() as tx, tx.begin():
                tx.info[ACTOR] = actor
                yield tx
        except StaleDataError as exc:
            # A row this unit changed was saved by someone else since it was read (its
            # version moved on): nothing of this unit is kept, and the user is told.
            raise Refused("db.conflict", what=Term("object.record")) from exc

    @contextmanager
    def batch(self) -> Iterator[Session]:
        """One transaction for many service calls (building demo data): much faster than a
        commit per call, and all or nothing. Not for the UI: a failing call inside it leaves
        the batch to be rolled back as a whole."""
        self.pass_write_check()
        with self._writers() as tx, tx.begin():
            _hold_strongly(tx)
            self._batch.tx = tx
            try:
                yield tx
            finally:
                self._batch.tx = None

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work for reads only; nothing is committed. Inside `batch()` it reads the
        batch's own, not yet committed, work."""
        ambient = getattr(self._batch, "tx", None)
        if ambient is not None:
            yield ambient
            return
        with self._readers() as tx:
            yield tx

    def close(self) -> None:
        self.engine.dispose()  # the engine removes the open-marker (storage/engine.py)

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class _WriteGate:
    """A check that runs once, whoever asks first; the others wait for its outcome."""

    def __init__(self, check: Callable[[], None]) -> None:
        self._check = check
        self._lock = threading.Lock()
        self._done = False
        self._error: TraumefokusError | None = None

    def pass_(self) -> None:
        with self._lock:
            if not self._done:
                try:
                    self._check()
                except TraumefokusError as error:
                    self._error = error
                self._done = True
        if self._error is not None:
            raise self._error


def _stamp(tx: Session, _context: object, _instances: object) -> None:
    """Every row with a version that this flush inserts or changes is marked as saved by the
    unit's user (`tx.info[ACTOR]`, from `Database.transaction`; None when no user acts, as at
    sign-in) now: the one whose later change is refused is told by whom and when."""
    actor = tx.info.get(ACTOR)
    moment = utc_now()
    for row in tx.new:
        if isinstance(row, Versioned):
            row.changed_by_id, row.changed_at = actor, moment
    for row in tx.dirty:
        # its own columns only: a row whose children change (a course's plan history, a
        # client's consents) is not saved by that, and keeps its version
        if isinstance(row, Versioned) and tx.is_modified(row, include_collections=False):
            row.changed_by_id, row.changed_at = actor, moment


def _hold_strongly(tx: Session) -> None:
    """Keep every object of a batch in memory until the batch ends. The identity map holds
    objects weakly, so without this each service call would load the same course again
    (SQLAlchemy's "session referencing behavior" recipe)."""
    refs: set[object] = set()

    def keep(_tx: Session, instance: object) -> None:
        refs.add(instance)

    def drop(_tx: Session, instance: object) -> None:
        refs.discard(instance)

    for name in (
        "pending_to_persistent",
        "deleted_to_persistent",
        "detached_to_persistent",
        "loaded_as_persistent",
    ):
        event.listen(tx, name, keep)
    for name in ("persistent_to_detached", "persistent_to_deleted", "persistent_to_transient"):
        event.listen(tx, name, drop)
    tx.info["strong_refs"] = refs


def open_database(
    target: DatabaseTarget, keys: KeyProvider, backups: Path, *, read_only: bool = False
) -> Database:
    """Open `target` for work, creating or upgrading its schema as needed; `read_only`: a
    current SQLite file to read only, every unit of work that would write refused."""
    found = probe(target, keys, backups)
    refuse_unusable(target, found)
    if found.state is SchemaState.LOCKED:
        raise DataProblem("db.locked", where=target.where)
    if read_only:
        return _read_only(target, keys, found.state)
    if target.file is not None:
        target.file.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(target, keys)
    try:
        if found.state is SchemaState.EMPTY:
            _upgrade(engine, target, backup=None)
        elif found.state is SchemaState.OLDER:
            backup = _backup_before_upgrade(target, keys, backups, found.revision or "")
            _upgrade(engine, target, backup=backup, upgrading=True)
    except BaseException:
        engine.dispose()  # a database we could not make ready is not held open
        raise
    return Database(target, engine, keys)


def _read_only(target: DatabaseTarget, keys: KeyProvider, state: SchemaState) -> Database:
    if state is not SchemaState.CURRENT:  # it would have to be made or upgraded first
        raise DataProblem("db.read_only", where=target.where)
    db = Database(target, make_engine(target, keys, read_only=True), keys, read_only=True)

    def refuse() -> None:
        raise DataProblem("db.read_only_write", where=target.where)

    db.guard_writes(refuse)
    return db


def _backup_before_upgrade(
    target: DatabaseTarget, keys: KeyProvider, backups: Path, revision: str
) -> Path | None:
    """A consistent copy of a SQLite file (SQLite's online backup); server databases are
    backed up by their administrators, and PostgreSQL upgrades in one transaction."""
    if target.file is None:
        return None
    from traumefokus.storage.backup import backup_sqlite

    return backup_sqlite(target.file, keys, backups, reason=f"before-upgrade-from-{revision}")


def _upgrade(
    engine: Engine, target: DatabaseTarget, backup: Path | None, *, upgrading: bool = False
) -> None:
    from traumefokus.storage.migrate import upgrade_to_head

    try:
        upgrade_to_head(engine)
    except DatabaseError as exc:
        detail = str(exc.orig)
        if upgrading and backup is None:  # a server database: the upgrade was rolled back
            raise DataProblem(
                "db.upgrade_failed_unchanged", where=target.where, detail=detail
            ) from exc
        if backup is None:
            raise DataProblem("db.create_failed", where=target.where, detail=detail) from exc
        raise DataProblem(
            "db.upgrade_failed", where=target.where, detail=detail, backup=backup
        ) from exc
    log.info("Database schema at revision %s", HEAD)
