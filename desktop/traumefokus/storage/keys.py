"""Key providers: where the engine factory gets the key for encryption at rest."""

from __future__ import annotations

from typing import Protocol


class KeyProvider(Protocol):
    def key(self) -> bytes | None:
        """The database key, or None for an unencrypted database."""


class PlainKeys:
    """No encryption: the database file is plain SQLite (or the server's own protection)."""

    def key(self) -> bytes | None:
        return None


class HeldKey:
    """The key of an unlocked encrypted database, held in memory while the program runs."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def key(self) -> bytes | None:
        return self._key

    def __repr__(self) -> str:  # never the key itself, in a traceback or a log
        return "HeldKey(...)"
