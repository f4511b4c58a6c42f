"""The audit trail's hash chain: each entry holds the hash of the one before it, so that an
entry altered, removed or put in between is found by walking the chain.

An entry's hash is the SHA-256 of its canonical JSON form: its sequence number, time (ISO
8601, UTC, microseconds), user name, action, object type and id, details and the hash of the
entry before (64 zeros for the first). The form is fixed: changing it would break every chain
already written. The hash is not keyed: it finds an entry changed or removed by hand (a
database tool, a script), not a forger who rewrites every entry after the one they changed
and the head (comparing the head with a copy kept elsewhere finds that).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

GENESIS = "0" * 64  # the "hash before" of the first entry


@dataclass(frozen=True)
class ChainEntry:
    """What an entry's hash covers."""

    seq: int
    at: datetime
    user_name: str | None
    action: str
    object_type: str | None
    object_id: str | None
    details: Mapping[str, Any]
    prev_hash: str


def iso_utc(moment: datetime) -> str:
    """`moment` in UTC as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (a naive moment is refused: its zone
    is unknown)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware datetime (UTC)")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_fields(entry: ChainEntry) -> dict[str, Any]:
    """The entry as the JSON object that is hashed (and, with its hash, exported)."""
    return {
        "seq": entry.seq,
        "at": iso_utc(entry.at),
        "user": entry.user_name,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "details": dict(entry.details),
        "prev_hash": entry.prev_hash,
    }


def canonical(entry: ChainEntry) -> bytes:
    """The bytes that are hashed: the fields as JSON with sorted keys, no spaces, ASCII."""
    return json.dumps(
        canonical_fields(entry), sort_keys=True, separators=(",", ":"), ensure_ascii=True
    ).encode("ascii")


def entry_hash(entry: ChainEntry) -> str:
    """The entry's hash: SHA-256 of its canonical form, 64 lowercase hex digits."""
    return hashlib.sha256(canonical(entry)).hexdigest()


class Flaw(StrEnum):
    """Why the chain breaks at an entry."""

    HASH = "hash"  # the entry's content does not give its hash: it was altered
    GAP = "gap"  # the entry with this number is missing
    PREV = "prev"  # the entry does not hold the hash of the entry before it
    HEAD = "head"  # the chain ends elsewhere than the head says (the last entries are gone)


@dataclass(frozen=True)
class Break:
    seq: int  # the first entry that is wrong or missing
    flaw: Flaw


@dataclass(frozen=True)
class Head:
    seq: int  # the last entry's number (0: none yet)
    hash: str  # the last entry's hash (GENESIS: none yet)


class ChainWalk:
    """Checks a chain fed in order of `seq`, batch by batch; the first break is kept."""

    def __init__(self) -> None:
        self.count = 0
        self.last = Head(0, GENESIS)
        self.broken: Break | None = None

    def feed(self, entries: Iterable[tuple[ChainEntry, str]]) -> None:
        """The next entries, each with the hash it holds."""
        for entry, held in entries:
            if self.broken is not None:
                return
            expected = self.last.seq + 1
            if entry.seq != expected:
                self.broken = Break(expected, Flaw.GAP)
            elif entry_hash(entry) != held:
                self.broken = Break(entry.seq, Flaw.HASH)
            elif entry.prev_hash != self.last.hash:
                self.broken = Break(entry.seq, Flaw.PREV)
            else:
                self.count += 1
                self.last = Head(entry.seq, held)

    def finish(self, head: Head | None) -> Break | None:
        """The first break, the head included (None: the chain is whole). No head at all is a
        break when there are entries."""
        if self.broken is not None:
            return self.broken
        head = head or Head(0, GENESIS)
        if head.seq > self.last.seq:  # the entries after the last one found are gone
            return Break(self.last.seq + 1, Flaw.HEAD)
        if head.seq < self.last.seq:  # entries the head never saw were put at the end
            return Break(head.seq + 1, Flaw.HEAD)
        if head.hash != self.last.hash:  # the last entry was replaced as a whole
            return Break(head.seq, Flaw.HEAD)
        return None
