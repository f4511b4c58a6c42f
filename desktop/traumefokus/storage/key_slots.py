"""Key slots: the one random database key, wrapped once for each user, so that adding a user
or changing a password never re-encrypts the database.

A slot holds the database key encrypted with AES-256-GCM under a key derived from the user's
password by argon2id, with the salt and the argon2id parameters it was made with (so that they
can be raised later: a slot made with weaker ones is remade at the next sign-in). Unwrapping a
slot is the password check: one key derivation per sign-in. The slot's id is bound into the
encryption as associated data, so a slot copied onto another user does not open.

A password hash from before encryption (argon2id, `domain/passwords.py`) is the same
derivation: its raw output is the wrapping key, so each existing user gets a slot from their
hash without their password (`slot_from_hash`), once the plain database that held the hash is
gone.

The database key itself comes from the recovery key (160 random bits, printed once at set-up):
the recovery key opens the database, and every backup, with no key file at all, when every
password or the key file is lost. A new recovery key therefore re-encrypts the database.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass

from traumefokus.domain.passwords import MEMORY_KIB, PARALLELISM, TIME_COST

DATABASE_KEY_BYTES = 32  # SQLCipher's raw AES-256 key
SALT_BYTES = 16
NONCE_BYTES = 12  # AES-GCM's standard nonce

# Crockford's base 32: no I, L, O or U, so that a printed key is read back without doubt.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LENGTH = 4  # 32 characters of 5 bits: 160 random bits


@dataclass(frozen=True)
class KdfParams:
    """argon2id's cost: passes, memory in KiB, lanes."""

    time_cost: int
    memory_kib: int
    parallelism: int

    def weaker_than(self, other: KdfParams) -> bool:
        return self.time_cost < other.time_cost or self.memory_kib < other.memory_kib


# The password hashes' cost (about 0.3 s on a laptop core): a slot made from a hash and a
# slot made from a password cost the same to open. The tests make it cheap.
DEFAULT_KDF = KdfParams(TIME_COST, MEMORY_KIB, PARALLELISM)
# Bounds a slot's parameters must keep to be tried at all (about four times today's cost): a
# damaged or hostile key file, such as one inside a backup someone hands over, must not make
# the program allocate gigabytes or spin for minutes.
MAX_TIME_COST = 10
MAX_MEMORY_KIB = 512 * 1024
MAX_PARALLELISM = 4
WRAPPED_BYTES = DATABASE_KEY_BYTES + 16  # the key and GCM's tag


@dataclass(frozen=True)
class KeySlot:
    id: str  # "user:<user id>"
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    wrapped: bytes  # the database key and GCM's tag
    # Made from a password hash a plain copy may hold (the upgrade to encryption, a recovery):
    # made anew from a new hash at its user's next sign-in (services/password_slots.py).
    from_hash: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "from_hash": self.from_hash,
            "kdf": "argon2id",
            "time_cost": self.kdf.time_cost,
            "memory_kib": self.kdf.memory_kib,
            "parallelism": self.kdf.parallelism,
            "salt": to_b64(self.salt),
            "nonce": to_b64(self.nonce),
            "wrapped": to_b64(self.wrapped),
        }


def user_slot_id(user_id: str) -> str:
    return f"user:{user_id}"


def derive(secret: str, salt: bytes, kdf: KdfParams) -> bytes:
    """The wrapping key for a password: argon2id's raw output."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        secret.encode("utf-8", "surrogatepass"),
        salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def wrap(
    database_key: bytes, slot_id: str, secret: str, kdf: KdfParams | None = None
) -> KeySlot:
    """A new slot for `slot_id` that `secret` opens (with the current cost by default)."""
    salt = secrets.token_bytes(SALT_BYTES)
    kdf = kdf or DEFAULT_KDF
    return wrap_with(database_key, slot_id, derive(secret, salt, kdf), salt, kdf)


def wrap_with(
    database_key: bytes, slot_id: str, wrapping_key: bytes, salt: bytes, kdf: KdfParams
) -> KeySlot:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    wrapped = AESGCM(wrapping_key).encrypt(nonce, database_key, slot_id.encode("utf-8"))
    return KeySlot(slot_id, salt, kdf, nonce, wrapped)


def unwrap(slot: KeySlot, secret: str) -> bytes | None:
    """The database key if `secret` opens `slot`, else None (the wrong password)."""
    from argon2.exceptions import HashingError

    if not usable(slot.kdf):
        return None
    try:
        return unwrap_with(slot, derive(secret, slot.salt, slot.kdf))
    except HashingError:  # a salt argon2id refuses: a damaged slot opens nothing
        return None


def unwrap_with(slot: KeySlot, wrapping_key: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(wrapping_key).decrypt(slot.nonce, slot.wrapped, slot.id.encode("utf-8"))
    except (InvalidTag, ValueError):
        return None
    return key if len(key) == DATABASE_KEY_BYTES else None


def usable(kdf: KdfParams) -> bool:
    return (
        1 <= kdf.time_cost <= MAX_TIME_COST
        and 8 <= kdf.memory_kib <= MAX_MEMORY_KIB
        and 1 <= kdf.parallelism <= MAX_PARALLELISM
        and kdf.memory_kib >= 8 * kdf.parallelism
    )


def slot_from_hash(database_key: bytes, slot_id: str, encoded: str) -> KeySlot | None:
    """A slot that the password behind an argon2id hash opens (None for a hash of another
    kind or length): the hash's raw output is the wrapping key."""
    parts = encoded.split("$")
    if len(parts) != 6 or parts[1] != "argon2id":
        return None
    try:
        costs = dict(item.split("=", 1) for item in parts[3].split(","))
        kdf = KdfParams(int(costs["t"]), int(costs["m"]), int(costs["p"]))
        salt, raw = from_b64(parts[4]), from_b64(parts[5])
    except (KeyError, ValueError):
        return None
    if len(raw) != 32 or not usable(kdf):
        return None
    return wrap_with(database_key, slot_id, raw, salt, kdf)


def database_key(recovery_key: str) -> bytes:
    """The database key that a recovery key (in its printed form) stands for: its 160 random
    bits stretched to SQLCipher's 256 by HKDF (no password stretching is needed for a key
    that was never chosen by a person)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    bits = 0
    for char in recovery_key.replace("-", ""):
        bits = bits * 32 + RECOVERY_ALPHABET.index(char)
    raw = bits.to_bytes(RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH * 5 // 8, "big")
    return HKDF(hashes.SHA256(), DATABASE_KEY_BYTES, None, b"traumefokus database key 1").derive(
        raw
    )


def new_recovery_key() -> str:
    """A random recovery key as it is printed: eight groups of four characters."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * 4))
    return "-".join(chars[i : i + RECOVERY_GROUP_LENGTH] for i in range(0, len(chars), 4))


def normalise_recovery_key(typed: str) -> str | None:
    """The recovery key as typed (any case, spaces or dashes, O for 0, I or L for 1) in its
    printed form; None if it cannot be one."""
    chars = typed.upper().translate(str.maketrans("OIL", "011", " -\t\n"))
    if len(chars) != RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH or any(
        c not in RECOVERY_ALPHABET for c in chars
    ):
        return None
    return "-".join(chars[i : i + RECOVERY_GROUP_LENGTH] for i in range(0, len(chars), 4))


def slot_from_json(found: object) -> KeySlot:
    """A slot as stored; ValueError if it is not one."""
    if not isinstance(found, dict) or found.get("kdf") != "argon2id":
        raise ValueError("not a key slot")
    try:
        kdf = KdfParams(
            _int(found["time_cost"]), _int(found["memory_kib"]), _int(found["parallelism"])
        )
        slot = KeySlot(
            str(found["id"]),
            from_b64(str(found["salt"])),
            kdf,
            from_b64(str(found["nonce"])),
            from_b64(str(found["wrapped"])),
            _bool(found.get("from_hash", False)),
        )
    except (KeyError, TypeError) as exc:
        raise ValueError("not a key slot") from exc
    if (
        len(slot.nonce) != NONCE_BYTES
        or not 8 <= len(slot.salt) <= 64
        or len(slot.wrapped) != WRAPPED_BYTES
        or not slot.id
    ):
        raise ValueError("not a key slot")
    return slot


def stand_in(kdf: KdfParams) -> KeySlot:
    """A slot nobody can open whose trial costs one derivation of `kdf`, as a real one does
    (tried for a name that has no slot, so that the time does not tell which names exist)."""
    return KeySlot(
        "stand-in",
        secrets.token_bytes(SALT_BYTES),
        kdf,
        secrets.token_bytes(NONCE_BYTES),
        secrets.token_bytes(WRAPPED_BYTES),
    )


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError("not true or false")
    return value


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("not a number")
    return value


def to_b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def from_b64(text: str) -> bytes:
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (ValueError, TypeError) as exc:
        raise ValueError("not base 64") from exc
