"""The C heap of a long-running program on Linux (glibc): blocks of a megabyte or more, such
as the print preview's page pictures (3.6 MB each at 96 dpi, 35 MB at 300 dpi when printing
on Windows' path), are mapped on their own and given back to the system when freed.

glibc's default raises the size at which it maps a block each time a mapped block is freed
(up to 32 MB), so after the first preview the pictures come from its arenas, one per thread
that rendered them, and the arenas keep the memory after the preview has closed: a program
that had printed a few courses' notes held 100 MB more than it used. Elsewhere (Windows,
macOS, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
LARGE_BLOCK = 1024 * 1024

_done = False


def give_large_blocks_back() -> None:
    """Once per process: blocks of LARGE_BLOCK and more are mapped and unmapped on their own."""
    global _done
    if _done or not sys.platform.startswith("linux"):
        return
    _done = True
    try:
        libc = ctypes.CDLL(None)
        if libc.gnu_get_libc_version and not libc.mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK):
            log.info("mallopt refused the mapping threshold")
    except (OSError, AttributeError):  # not glibc
        return
