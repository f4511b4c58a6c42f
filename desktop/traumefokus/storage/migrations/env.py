"""Alembic environment: runs on the engine the program hands over (batch mode for SQLite).

From the command line (developers making a revision) the database comes from `-x url=...`.

SQLite changes a table's constraints by building a new table and dropping the old one; with
foreign keys enforced, dropping a table that other rows refer to fails (or would delete
them). So, as SQLite's documentation prescribes for such changes, the foreign keys are off
while the migrations run, checked in full before the transaction commits, and on again after.
"""

from alembic import context
from sqlalchemy import Connection, create_engine
from sqlalchemy.exc import IntegrityError

import traumefokus.storage.models  # noqa: F401  (every table, registered with Base)
from traumefokus.storage.base import Base

engine = context.config.attributes.get("engine")
if engine is None:
    engine = create_engine(context.get_x_argument(as_dictionary=True)["url"])


def _enforce_foreign_keys(connection: Connection, on: bool) -> None:
    """Outside a transaction: SQLite ignores this pragma inside one."""
    if connection.dialect.name == "sqlite":
        connection.connection.driver_connection.execute(  # type: ignore[union-attr]
            f"PRAGMA foreign_keys={'ON' if on else 'OFF'}"
        )


def _check_foreign_keys(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return  # PostgreSQL checks every constraint as the migration runs
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        tables = ", ".join(sorted({str(row[0]) for row in broken}))
        raise IntegrityError("PRAGMA foreign_key_check", None, Exception(f"foreign keys: {tables}"))


with engine.connect() as connection:
    _enforce_foreign_keys(connection, False)
    try:
        with connection.begin():
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=True,
                compare_type=True,
            )
            context.run_migrations()
            _check_foreign_keys(connection)
    finally:
        _enforce_foreign_keys(connection, True)
