"""The one engine factory: every database Traumefokus opens comes through here."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, ExceptionContext
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import NullPool

from traumefokus.errors import DataProblem, InvalidInput
from traumefokus.storage.connect import connect_sqlite, driver
from traumefokus.storage.integrity import committed, forget_open, remember_open
from traumefokus.storage.keys import KeyProvider
from traumefokus.storage.sqlite_errors import typed_error
from traumefokus.storage.target import DatabaseTarget

# An encrypted page is decrypted each time SQLite reads it into its page cache (2 MB by
# default): a larger cache keeps the pages a session works on decrypted between queries.
DECRYPTED_CACHE_KIB = 32 * 1024


def make_engine(target: DatabaseTarget, keys: KeyProvider, *, read_only: bool = False) -> Engine:
    """An engine for `target`. `read_only` opens a SQLite file so that it cannot be written
    (used to inspect a database before deciding whether we may touch it)."""
    if target.file is None:
        try:
            engine = create_engine(target.url or "", pool_pre_ping=True, hide_parameters=True)
        except NoSuchModuleError as exc:
            raise InvalidInput("db.url_invalid", detail=str(exc)) from None
        except (ArgumentError, ValueError, TypeError) as exc:  # "x+y+z://", a bad option
            raise InvalidInput("db.url_invalid", detail=type(exc).__name__) from None
        except ImportError as exc:
            raise DataProblem(
                "db.driver_missing", where=target.where, driver=exc.name or str(exc)
            ) from None
        if engine.dialect.name == "postgresql":
            _drop_nul_characters(engine)
            _keep_values_out_of_errors(engine)
            _lost_server_is_said(engine, target.where)
        _refuse_keys_on_connect(engine, keys)
        return engine

    file = target.file
    # Every connection comes from the one SQLite opener (keyed when encrypted); the URL only
    # tells SQLAlchemy that this is a file, so that it pools connections as for one.
    # Errors never carry the values of a statement (client data) into a message or log.
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(file)),
        module=driver(keys),
        creator=lambda: connect_sqlite(file, keys, read_only=read_only),
        poolclass=NullPool if read_only else None,
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Leave transactions to SQLAlchemy (below): the driver on its own commits schema
        # changes as they run, so a failed upgrade would leave half a schema behind.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if keys.key() is not None:
            cursor.execute(f"PRAGMA cache_size = -{DECRYPTED_CACHE_KIB}")
        if not read_only:
            # WAL: readers never block the writer, and a killed process loses nothing that
            # was committed. The data directory must therefore be on a local disk.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            remember_open(file)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # A unit of work that will write takes the write lock at once (waiting up to the
        # timeout for another writer) instead of failing halfway when a second one wrote.
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    if not read_only:

        @event.listens_for(engine, "commit")
        def _committed(_connection: Connection) -> None:
            committed(file)

        @event.listens_for(engine, "engine_disposed")
        def _closed(_engine: Engine) -> None:
            forget_open(file)  # the -wal folded back in and gone: nothing waits in it

    _typed_sqlite_errors(engine, file)
    return engine


def _typed_sqlite_errors(engine: Engine, file: Path) -> None:
    """A full disk, a database another program holds, a read-only or damaged file: said as
    what they are (storage/sqlite_errors.py), never as a bug."""

    @event.listens_for(engine, "handle_error")
    def _typed(context: ExceptionContext) -> None:
        typed = typed_error(context.original_exception, file)
        if typed is not None:
            raise typed from context.original_exception


def _drop_nul_characters(engine: Engine) -> None:
    """PostgreSQL cannot store the NUL character in text (SQLite can, and the printout drops
    it): text pasted with one is saved without it instead of failing the save."""

    def clean(value: Any) -> Any:
        """A statement's parameters: a mapping, a sequence, or a sequence of either."""
        if isinstance(value, str):
            return value.replace("\x00", "") if "\x00" in value else value
        if isinstance(value, dict):
            return {key: clean(item) for key, item in value.items()}
        if isinstance(value, (tuple, list)):
            return type(value)(clean(item) for item in value)
        return value

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _clean(
        _connection: Connection,
        _cursor: object,
        statement: str,
        parameters: Any,
        _context: object,
        _executemany: bool,
    ) -> tuple[str, Any]:
        return statement, clean(parameters)


def _keep_values_out_of_errors(engine: Engine) -> None:
    """PostgreSQL explains a failed statement with the row's values ("DETAIL: Key (code)=
    (K-17) already exists"); an error message or log keeps only the first line, as SQLite's
    messages are (the details stay in the driver's `diag` for code that needs them)."""

    @event.listens_for(engine, "handle_error")
    def _terse(context: ExceptionContext) -> None:
        original = context.original_exception
        text = str(original)
        first = text.split("\n", 1)[0]
        if first == text:
            return
        original.args = (first,)
        wrapped = context.sqlalchemy_exception
        if wrapped is not None and wrapped.args:
            wrapped.args = (str(wrapped.args[0]).replace(text, first), *wrapped.args[1:])


def _lost_server_is_said(engine: Engine, where: str) -> None:
    """A server that goes away while the program works (restarted, the network gone) is a
    typed problem, not a bug: the unit of work is rolled back, the window keeps what was
    typed, and the pool's ping reconnects at the next unit of work once the server is back.
    A server never reached yet is left to the opening's own message (storage/probe.py)."""
    reached = False

    @event.listens_for(engine, "connect")
    def _reached(_dbapi_connection: object, _record: object) -> None:
        nonlocal reached
        reached = True

    @event.listens_for(engine, "handle_error")
    def _lost(context: ExceptionContext) -> None:
        if not reached or context.is_pre_ping:
            return  # the ping's own failure makes the pool reconnect
        from sqlalchemy.exc import OperationalError

        if context.is_disconnect or isinstance(context.sqlalchemy_exception, OperationalError):
            detail = str(context.original_exception).split("\n", 1)[0]
            raise DataProblem("db.server_lost", where=where, detail=detail)


def _refuse_keys_on_connect(engine: Engine, keys: KeyProvider) -> None:
    """A server database is protected at rest by its server, never with our key."""

    @event.listens_for(engine, "connect")
    def _check_key(_dbapi_connection: object, _record: object) -> None:
        if keys.key() is not None:
            raise DataProblem("db.encryption_unavailable")
