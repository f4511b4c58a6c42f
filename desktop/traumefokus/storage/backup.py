"""Consistent copies of the SQLite database file."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from traumefokus.errors import DataProblem
from traumefokus.fileio import as_problem


def backup_sqlite(source: Path, backups: Path, *, reason: str) -> Path:
    """Copy `source` into `backups` with SQLite's online backup, which is consistent even
    while another connection writes. The copy is named after the moment and the reason."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups / f"{source.stem}-{stamp}-{reason}{source.suffix}"
    try:
        backups.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except OSError as exc:
        raise as_problem(exc, target) from exc
    except sqlite3.OperationalError as exc:
        target.unlink(missing_ok=True)
        raise DataProblem("file.unwritable", path=target, detail=str(exc)) from exc
    return target
