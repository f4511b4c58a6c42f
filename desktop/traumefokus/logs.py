"""The log file in the data directory: ids, actions, error types and code locations.

Never client data: an exception's message can hold anything (a client code in a KeyError, SQL
parameter values, a path with a name in it), so errors are written as their type and the place
in the code where they happened, never their message or the values around them. The log file
is private to the user (0600 on POSIX).
"""

from __future__ import annotations

import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "traumefokus.log"
_logger = logging.getLogger("traumefokus")


def describe_bug(error: BaseException) -> str:
    """An error as its type and where it happened, with the errors it came from: no
    message, no values, no source lines."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        lines = [f"{kind.__module__}.{kind.__qualname__}"]
        lines += [
            f"  at {_short(frame.filename)}:{frame.lineno} in {frame.name}"
            for frame in traceback.extract_tb(current.__traceback__)
        ]
        parts.append("\n".join(lines))
        current = current.__cause__ or current.__context__
    return "\ncaused by ".join(parts)


def _short(filename: str) -> str:
    """A file name from the package onwards: the rest of a path can name the user."""
    path = Path(filename)
    for anchor in ("traumefokus", "site-packages"):
        if anchor in path.parts:
            return "/".join(path.parts[path.parts.index(anchor) :])
    return path.name


class _SafeFormatter(logging.Formatter):
    def formatException(self, ei: object) -> str:
        error = ei[1] if isinstance(ei, tuple) else None
        return describe_bug(error) if isinstance(error, BaseException) else ""

    def formatStack(self, stack_info: str) -> str:
        return ""


def start_file_log(logs_dir: Path) -> RotatingFileHandler | None:
    """Log to `logs_dir`; None (and logging stays quiet) if the folder cannot be written."""
    try:
        logs_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            logs_dir / LOG_FILE, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        if os.name == "posix":
            os.chmod(logs_dir / LOG_FILE, 0o600)
    except OSError:
        return None
    handler.setFormatter(_SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _logger.addHandler(handler)
    _logger.setLevel(logging.INFO)
    return handler


def stop_file_log(handler: logging.Handler | None) -> None:
    if handler is not None:
        _logger.removeHandler(handler)
        handler.close()
