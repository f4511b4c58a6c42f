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
