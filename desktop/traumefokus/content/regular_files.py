"""Reading a file that a pack, a programme, a scale, a list or a rating sheet consists of:
only a regular file, and only up to a size limit.

A named pipe (FIFO), a device or a socket is never opened (opening a FIFO waits for a writer
forever, a device may never end): the kind is checked with stat before opening, the file is
opened without waiting (O_NONBLOCK), and checked again once open, so that a file swapped in
between is refused too. A file larger than its limit is refused before it is read, and a file
that grows while it is read is refused after `limit + 1` bytes.

`inside(path, resolved_folder(root))` is the rule for files that make up a pack: the path,
with every symbolic link resolved, lies inside the pack's folder. A link from one file of the
pack to another is allowed; a link that leads out of the folder is not.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from traumefokus.errors import InvalidInput
from traumefokus.messages import Term

# The limits of manuals/README.md ("Limits"): a shipped text is about 10 kB.
MAX_TEXT_BYTES = 1_000_000  # one Markdown or TOML file of a pack, a programme, a scale, a list


class NotReadable(InvalidInput):
    """A file that is refused before (or while) it is read. Its code and facts say why,
    without the file's name: the caller names the file."""


def read_regular(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of the regular file `path` (symbolic links followed), at most `limit`.
    FileNotFoundError and other OSErrors as from open(); NotReadable for a file that is not
    regular or is too large."""
    _check(os.stat(path), limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        _check(os.fstat(fd), limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise NotReadable("content.too_large", size=f"> {limit}", limit=limit)
    return b"".join(chunks)


def _check(status: os.stat_result, limit: int) -> None:
    mode = status.st_mode
    if not stat.S_ISREG(mode):
        raise NotReadable("content.not_a_file", kind=Term(f"file_kind.{_kind(mode)}"))
    if status.st_size > limit:
        raise NotReadable("content.too_large", size=status.st_size, limit=limit)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def resolved_folder(root: Path) -> Path:
    """`root` with every symbolic link resolved, once for all the files read from it (a loop
    of links: `root` as it is, which no resolved path lies inside)."""
    try:
        return root.resolve(strict=False)
    except (OSError, RuntimeError):
        return root


def inside(path: Path, resolved_root: Path) -> bool:
    """Whether `path`, every symbolic link resolved, lies inside the folder `resolved_root`
    (see `resolved_folder`)."""
    try:
        return path.resolve(strict=False).is_relative_to(resolved_root)
    except (OSError, RuntimeError):  # a loop of links
        return False
