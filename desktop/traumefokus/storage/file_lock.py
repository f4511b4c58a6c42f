"""A lock between programs on one machine, held on a small file beside the database: one
program at a time encrypts a database from before encryption, and the others wait for it
before they open the file. The operating system drops the lock when its holder ends, killed
or not."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def lock_file_of(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


@contextmanager
def exclusive(path: Path, *, wait: float) -> Iterator[bool]:
    """Hold the lock on `path` while the block runs; yields whether it was had within `wait`
    seconds (False: another program holds it, and the block should not do what it guards)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:  # a read-only or full folder: nobody can change the database there either
        yield True
        return
    had = False
    try:
        deadline = time.monotonic() + wait
        while not (had := _try_lock(fd)) and time.monotonic() < deadline:
            time.sleep(0.05)
        yield had
    finally:
        if had:
            _unlock(fd)
        os.close(fd)


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)
