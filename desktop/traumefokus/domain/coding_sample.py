"""Drawing a coding round's sample: at random, and the same on every machine.

Each eligible session gets a draw key, sha256 of "<seed>:<session id>"; the sessions in the
order of their keys are a random permutation that depends only on the seed and the ids (not
on the database, its order or the machine), and the sample is its first N. Stratified by
therapist, each therapist gets a share proportional to their eligible sessions (whole
sessions by largest remainders, a tie going to the therapist with the smaller id) and the
first of their own sessions in key order. Either way the sample's positions follow the key
order.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    session_id: str
    therapist_id: str  # who held the session (stratification)


def draw_key(seed: str, session_id: str) -> str:
    return hashlib.sha256(f"{seed}:{session_id}".encode()).hexdigest()


def allocate(counts: Mapping[str, int], size: int) -> dict[str, int]:
    """`size` shared among the strata in proportion to `counts` (Hamilton's method: the whole
    parts first, then one more each to the largest remainders; ties by stratum id)."""
    total = sum(counts.values())
    if not 0 <= size <= total:
        raise ValueError(f"cannot draw {size} of {total}")
    if total == 0:
        return {}
    shares = {key: size * n // total for key, n in counts.items()}
    left = size - sum(shares.values())
    by_remainder = sorted(counts, key=lambda key: (-(size * counts[key] % total), key))
    for key in by_remainder[:left]:
        shares[key] += 1
    return shares


def draw(
    seed: str, candidates: Iterable[Candidate], size: int, *, by_therapist: bool = False
) -> list[str]:
    """The ids of the sessions drawn, in draw order. `size` must not exceed the candidates."""
    ordered = sorted({c.session_id: c for c in candidates}.values(),
                     key=lambda c: (draw_key(seed, c.session_id), c.session_id))  # fmt: skip
    if size > len(ordered):
        raise ValueError(f"cannot draw {size} of {len(ordered)}")
    if not by_therapist:
        return [c.session_id for c in ordered[:size]]
    shares = allocate(Counter(c.therapist_id for c in ordered), size)
    drawn = []
    for c in ordered:
        if shares[c.therapist_id] > 0:
            shares[c.therapist_id] -= 1
            drawn.append(c.session_id)
    return drawn
