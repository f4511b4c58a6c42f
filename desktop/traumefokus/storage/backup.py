"""Consistent copies of the SQLite database file, encrypted like the database (both ends are
opened through storage/connect.py with the same key)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from traumefokus.errors import DataProblem
from traumefokus.fileio import as_problem
from traumefokus.storage.connect import connect_sqlite, driver
from traumefokus.storage.keys import KeyProvider


def backup_sqlite(source: Path, keys: KeyProvider, backups: Path, *, reason: str) -> Path:
    """Copy `source` into `backups` with SQLite's online backup, which is consistent even
    while another connection writes. The copy is named after the moment and the reason."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups / f"{source.stem}-{stamp}-{reason}{source.suffix}"
    try:
        backups.mkdir(parents=True, exist_ok=True)
        src = connect_sqlite(source, keys, read_only=True)
        try:
            dst = connect_sqlite(target, keys)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except OSError as exc:
        raise as_problem(exc, target) from exc
    except driver(keys).OperationalError as exc:
        target.unlink(missing_ok=True)
        raise DataProblem("file.unwritable", path=target, detail=str(exc)) from exc
    return target
