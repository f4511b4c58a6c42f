"""A quick look at a database before deciding what to do with it: its schema state and its
users. A SQLite file is read in read-only mode through the one SQLite opener (storage/
connect.py), without SQLAlchemy, so that the first window can show before SQLAlchemy is
imported and a database we refuse stays byte-identical.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from traumefokus.errors import DataProblem, Refused
from traumefokus.storage.connect import connect_sqlite, driver, has_plain_header, is_encrypted
from traumefokus.storage.keys import KeyProvider
from traumefokus.storage.revisions import HEAD, KNOWN_REVISIONS
from traumefokus.storage.side_files import key_file_of
from traumefokus.storage.target import DatabaseTarget


class SchemaState(Enum):
    EMPTY = "empty"
    CURRENT = "current"
    OLDER = "older"
    NEWER = "newer"
    FOREIGN = "foreign"
    LOCKED = "locked"  # encrypted, and nobody has unlocked it yet: a sign-in comes first


@dataclass(frozen=True)
class UserRecord:
    id: str
    name: str
    role: str
    active: bool


@dataclass(frozen=True)
class Probe:
    state: SchemaState
    revision: str | None
    users: tuple[UserRecord, ...] = ()


_USERS_QUERY = "SELECT id, name, role, active FROM users ORDER BY name"
_REVISION_QUERY = "SELECT version_num FROM alembic_version"


def classify(revision: str | None, has_tables: bool) -> SchemaState:
    if revision is None:
        return SchemaState.FOREIGN if has_tables else SchemaState.EMPTY
    if revision == HEAD:
        return SchemaState.CURRENT
    if revision in KNOWN_REVISIONS:
        return SchemaState.OLDER
    return SchemaState.NEWER


def _probe(tables: set[str], fetch: Any) -> Probe:
    """The shared reading: `fetch(sql)` returns all rows of a query."""
    revision = None
    if "alembic_version" in tables:
        rows = fetch(_REVISION_QUERY)
        revision = rows[0][0] if rows else None
    state = classify(revision, bool(tables - {"alembic_version"}))
    users: tuple[UserRecord, ...] = ()
    if state is SchemaState.CURRENT:
        users = tuple(UserRecord(i, n, r, bool(a)) for i, n, r, a in fetch(_USERS_QUERY))
    return Probe(state, revision, users)


def probe(target: DatabaseTarget, keys: KeyProvider, backups: Path) -> Probe:
    """The state of `target`, without changing it. A database that cannot be read is a
    typed problem."""
    if not target.exists():
        return Probe(SchemaState.EMPTY, None)
    if target.file is not None:
        if keys.key() is None and is_encrypted(target.file):
            return Probe(SchemaState.LOCKED, None)
        return probe_sqlite_file(target.file, keys, backups)
    return _probe_server(target, keys)


def refuse_unusable(target: DatabaseTarget, found: Probe) -> None:
    if found.state is SchemaState.NEWER:
        raise DataProblem("db.newer", where=target.where, revision=found.revision, head=HEAD)
    if found.state is SchemaState.FOREIGN:
        raise DataProblem("db.foreign", where=target.where)


def probe_sqlite_file(path: Path, keys: KeyProvider, backups: Path) -> Probe:
    try:
        try:
            return _probe_file(path, keys)
        except driver(keys).OperationalError as exc:
            if "readonly" not in str(exc).replace(" ", ""):
                raise
            _roll_back_hot_journal(path, keys)  # a journal a killed program left
            return _probe_file(path, keys)
    except driver(keys).DatabaseError as exc:
        if keys.key() is None and not has_plain_header(path) and not key_file_of(path).exists():
            raise DataProblem("db.no_key_file", where=path, keys=key_file_of(path)) from None
        raise DataProblem("db.corrupt", where=path, detail=str(exc), backups=backups) from None


def _probe_file(path: Path, keys: KeyProvider) -> Probe:
    connection = connect_sqlite(path, keys, read_only=True)
    try:
        tables = {
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        return _probe(tables, lambda sql: connection.execute(sql).fetchall())
    finally:
        connection.close()


def _roll_back_hot_journal(path: Path, keys: KeyProvider) -> None:
    """A rollback journal left by a program killed mid-write needs one read-write opening to
    be rolled back; a read-only one cannot, and fails "attempt to write a readonly database"."""
    connection = connect_sqlite(path, keys)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        connection.close()


def _probe_server(target: DatabaseTarget, keys: KeyProvider) -> Probe:
    """The same look through SQLAlchemy, for server databases."""
    from sqlalchemy import inspect, text
    from sqlalchemy.exc import DatabaseError

    from traumefokus.storage.engine import make_engine
    from traumefokus.storage.server_password import needs_password

    engine = make_engine(target, keys)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            return _probe(tables, lambda sql: connection.execute(text(sql)).all())
    except DatabaseError as exc:
        if exc.orig is not None and needs_password(exc.orig):
            raise Refused("db.password_needed", where=target.where) from None
        raise DataProblem("db.unreachable", where=target.where, detail=str(exc.orig)) from None
    finally:
        engine.dispose()
