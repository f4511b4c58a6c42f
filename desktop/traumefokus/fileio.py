"""Writing files so that a crash, a kill or a full disk never leaves half a file behind."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from traumefokus.errors import DataProblem, InvalidInput


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, flush it to disk, then rename it over.

    Readers see the old file or the new one, never a mixture. A full disk or an unwritable
    place becomes a typed error, and the old file stays as it was. The file is private to the
    user (0600 on POSIX), like everything the program writes.
    """
    with atomic_writer(path) as out:
        out.write(data)


@contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A binary file to stream into; when the block ends it becomes `path` at once, as with
    `write_atomic` (flushed to disk, 0600, typed errors). If the block raises, the temporary
    file goes and `path` stays as it was."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise as_problem(exc, path) from exc
    try:
        with os.fdopen(fd, "wb") as tmp:
            yield tmp
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise as_problem(exc, path) from exc
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def as_problem(exc: OSError, path: Path) -> DataProblem:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DataProblem("disk.full", path=path)
    return DataProblem("file.unwritable", path=path, detail=exc.strerror or str(exc))


def checked_output(path: Path, protected: Collection[Path]) -> Path:
    """`path` if a file may be written there: never one of `protected` (the database and its
    journals, the settings), never a directory, device, FIFO or socket. InvalidInput (exit 2)
    otherwise, and nothing is written."""
    path = Path(path)
    try:
        mode: int | None = path.stat().st_mode  # follows a symbolic link to what it points at
    except OSError:
        mode = None  # nothing there yet, or a place that cannot be written: said on writing
    if mode is not None and not stat.S_ISREG(mode):
        raise InvalidInput("out.not_a_file", path=path)
    if any(_same_file(path, own) for own in protected):
        raise InvalidInput("out.protected", path=path)
    return path


def _same_file(path: Path, own: Path) -> bool:
    """The same file, by any name: a link, another case on a case-insensitive disk (Windows,
    macOS), a hard link; or, for files not there yet (a -wal), the same name in any case."""
    try:
        if path.exists() and own.exists() and os.path.samefile(path, own):
            return True
    except OSError:
        pass
    return str(path.resolve()).casefold() == str(own.resolve()).casefold()
