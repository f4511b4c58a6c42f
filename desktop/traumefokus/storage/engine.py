"""The one engine factory: every database Traumefokus opens comes through here."""

from __future__ import annotations

import sqlite3

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import NoSuchModuleError
from sqlalchemy.pool import NullPool

from traumefokus.errors import DataProblem, InvalidInput
from traumefokus.storage.keys import KeyProvider
from traumefokus.storage.target import DatabaseTarget


def make_engine(target: DatabaseTarget, keys: KeyProvider, *, read_only: bool = False) -> Engine:
    """An engine for `target`. `read_only` opens a SQLite file so that it cannot be written
    (used to inspect a database before deciding whether we may touch it)."""
    if target.file is None:
        try:
            engine = create_engine(target.url or "", pool_pre_ping=True, hide_parameters=True)
        except NoSuchModuleError as exc:
            raise InvalidInput("db.url_invalid", detail=str(exc)) from None
        except ImportError as exc:
            raise DataProblem(
                "db.driver_missing", where=target.where, driver=exc.name or str(exc)
            ) from None
        _refuse_keys_on_connect(engine, keys)
        return engine

    file = target.file
    if read_only:
        uri = f"{file.as_uri()}?mode=ro"
        engine = create_engine(
            "sqlite+pysqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            poolclass=NullPool,
            hide_parameters=True,
        )
    else:
        url = URL.create("sqlite+pysqlite", database=str(file))
        # Errors never carry the values of a statement (client data) into a message or log.
        engine = create_engine(url, connect_args={"timeout": 10}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Leave transactions to SQLAlchemy (below): the driver on its own commits schema
        # changes as they run, so a failed upgrade would leave half a schema behind.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            # WAL: readers never block the writer, and a killed process loses nothing that
            # was committed. The data directory must therefore be on a local disk.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # A unit of work that will write takes the write lock at once (waiting up to the
        # timeout for another writer) instead of failing halfway when a second one wrote.
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    _refuse_keys_on_connect(engine, keys)
    return engine


def _refuse_keys_on_connect(engine: Engine, keys: KeyProvider) -> None:
    @event.listens_for(engine, "connect")
    def _check_key(_dbapi_connection: object, _record: object) -> None:
        if keys.key() is not None:
            raise DataProblem("db.encryption_unavailable")
