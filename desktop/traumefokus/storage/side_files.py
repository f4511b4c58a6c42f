"""The files that live beside a SQLite database, named from it. A module of its own so that
finding them imports nothing else (the first window's start-up asks about them)."""

from __future__ import annotations

from pathlib import Path


def key_file_of(database: Path) -> Path:
    """The key file: the slots that open an encrypted database (storage/key_file.py)."""
    return database.with_name(database.name + ".keys")
