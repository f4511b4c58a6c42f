"""The key file beside an encrypted SQLite database (`traumefokus.db.keys`): the users' key
slots (storage/key_slots.py) and which slot a user name opens. It is read before anyone is
signed in, so it holds nothing a user did: no password, no database key in the clear, and user
names only as salted digests. It is written atomically and kept private (0600); every backup
carries a copy of it.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path

from traumefokus.domain.users import normalise_user_name
from traumefokus.errors import DataProblem
from traumefokus.fileio import write_atomic
from traumefokus.storage import key_slots
from traumefokus.storage.key_slots import (
    KdfParams,
    KeySlot,
    from_b64,
    slot_from_json,
    stand_in,
    to_b64,
    unwrap,
    usable,
)

FORMAT = "traumefokus-keys"
VERSION = 1
MAX_BYTES = 1024 * 1024  # a few hundred users' slots; more is not a key file


@dataclass(frozen=True)
class KeyFile:
    name_salt: bytes = field(default_factory=lambda: secrets.token_bytes(16))
    slots: tuple[KeySlot, ...] = ()
    names: dict[str, str] = field(default_factory=dict)  # name digest -> slot id

    def name_digest(self, name: str) -> str:
        key = normalise_user_name(name).encode("utf-8", "surrogatepass")
        return hashlib.sha256(self.name_salt + key).hexdigest()

    def slot(self, slot_id: str) -> KeySlot | None:
        return next((s for s in self.slots if s.id == slot_id), None)

    def slot_for_name(self, name: str) -> KeySlot | None:
        found = self.names.get(self.name_digest(name))
        return self.slot(found) if found else None

    def unlock(self, name: str, password: str) -> tuple[str, bytes] | None:
        """(slot id, database key) if `password` opens the slot of `name`, else None. A name
        without a slot costs the same derivation (against a stand-in), so that the time taken
        does not tell which names exist."""
        slot = self.slot_for_name(name)
        if slot is None:
            unwrap(stand_in(self.costliest()), password)
            return None
        key = unwrap(slot, password)
        return (slot.id, key) if key is not None else None

    def costliest(self) -> KdfParams:
        """The dearest cost any usable slot has (this version's, if none is dearer)."""
        costs = [s.kdf for s in self.slots if usable(s.kdf)] + [key_slots.DEFAULT_KDF]
        return max(costs, key=lambda k: (k.memory_kib * k.time_cost, k.time_cost))

    def with_slot(self, slot: KeySlot, name: str) -> KeyFile:
        """This file with `slot` (replacing any of the same id) opened by `name`."""
        names = {d: s for d, s in self.names.items() if s != slot.id}
        names[self.name_digest(name)] = slot.id
        slots = (*(s for s in self.slots if s.id != slot.id), slot)
        return replace(self, slots=slots, names=names)

    def without_slot(self, slot_id: str) -> KeyFile:
        return replace(
            self,
            slots=tuple(s for s in self.slots if s.id != slot_id),
            names={d: s for d, s in self.names.items() if s != slot_id},
        )

    def as_bytes(self) -> bytes:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "name_salt": to_b64(self.name_salt),
            "slots": [s.as_json() for s in self.slots],
            "names": dict(sorted(self.names.items())),
        }
        return json.dumps(document, indent=1).encode("utf-8")


def read_key_file(path: Path) -> KeyFile:
    """The key file at `path`; DataProblem if it is missing, unreadable or not one."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise DataProblem("keys.missing", path=path) from None
    except OSError as exc:
        raise DataProblem("keys.unreadable", path=path, detail=type(exc).__name__) from None
    try:
        return parse_key_file(data)
    except ValueError:
        raise DataProblem("keys.damaged", path=path) from None


def parse_key_file(data: bytes) -> KeyFile:
    """ValueError unless `data` is a key file of a version this program reads."""
    if len(data) > MAX_BYTES:
        raise ValueError("too large")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValueError("not JSON") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError("not a key file")
    if document.get("version") != VERSION:
        raise ValueError("another version")
    slots, names = document.get("slots"), document.get("names")
    if not isinstance(slots, list) or not isinstance(names, dict):
        raise ValueError("not a key file")
    found = KeyFile(
        from_b64(str(document.get("name_salt", ""))),
        tuple(slot_from_json(s) for s in slots),
        {str(d): str(s) for d, s in names.items()},
    )
    ids = [s.id for s in found.slots]
    if len(set(ids)) != len(ids) or not set(found.names.values()) <= set(ids):
        raise ValueError("inconsistent")
    return found


def write_key_file(path: Path, keys: KeyFile) -> None:
    write_atomic(path, keys.as_bytes())
