"""Passwords: the length rule, argon2id hashing, and the growing delay after failed sign-ins.

The hash string carries its own parameters (memory, time, parallelism), so that they can be
raised later: a hash made with weaker ones is replaced at the next successful sign-in.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from traumefokus.errors import InvalidInput

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_LENGTH = 12
MAX_LENGTH = 1024  # long enough for any passphrase, short enough not to be a way to stall us

# argon2id with 128 MiB and 3 passes: about 0.3 s on a laptop core (bench/startup.py prints it).
MEMORY_KIB = 128 * 1024
TIME_COST = 3
PARALLELISM = 1

FREE_FAILURES = 3  # mistyping is human: the delay starts after the third failure in a row
MAX_DELAY_SECONDS = 300


def check_new_password(password: str) -> str:
    """A password someone is choosing: at least MIN_LENGTH characters."""
    if len(password) < MIN_LENGTH:
        raise InvalidInput("password.too_short", min=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        raise InvalidInput("password.too_long", max=MAX_LENGTH)
    return password


@lru_cache(maxsize=1)
def hasher() -> PasswordHasher:
    from argon2 import PasswordHasher, Type

    return PasswordHasher(
        time_cost=TIME_COST,
        memory_cost=MEMORY_KIB,
        parallelism=PARALLELISM,
        type=Type.ID,
    )


def hash_password(password: str) -> str:
    return hasher().hash(check_new_password(password))


# Checked instead of a hash when there is none (an unknown user name), so that the answer
# takes the same time: made with the parameters above (a test keeps them in step).
STAND_IN = (
    "$argon2id$v=19$m=131072,t=3,p=1$SsThSVhFthhozFc4DXzjBA$"
    "+slFwjwcRG31154Cb+Oj2/h25rv5SKdqCq/1K5dHAj4"
)


def verify_password(encoded: str | None, password: str) -> bool:
    """Whether `password` matches `encoded`. Without a hash (an unknown user), the same work
    is done against a stand-in, so that the time taken does not tell which names exist."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return hasher().verify(encoded or STAND_IN, password[:MAX_LENGTH]) and bool(
            encoded and len(password) <= MAX_LENGTH
        )
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(encoded: str) -> bool:
    return hasher().check_needs_rehash(encoded)


def delay_after(failures: int) -> timedelta:
    """How long the next attempt must wait after `failures` failed sign-ins in a row:
    nothing for the first few, then 1, 2, 4, 8 ... seconds, at most five minutes."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return timedelta(seconds=min(2 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS))


def wait_left(failures: int, last_failure: datetime | None, now: datetime) -> int:
    """Whole seconds until another attempt is allowed (0: now)."""
    if last_failure is None:
        return 0
    left = last_failure + delay_after(failures) - now
    return max(0, int(left.total_seconds() + 0.999))
