"""Writing files so that a crash, a kill or a full disk never leaves half a file behind."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from traumefokus.errors import DataProblem


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, flush it to disk, then rename it over.

    Readers see the old file or the new one, never a mixture. A full disk or an unwritable
    place becomes a typed error, and the old file stays as it was.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise as_problem(exc, path) from exc
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise as_problem(exc, path) from exc


def as_problem(exc: OSError, path: Path) -> DataProblem:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DataProblem("disk.full", path=path)
    return DataProblem("file.unwritable", path=path, detail=exc.strerror or str(exc))
