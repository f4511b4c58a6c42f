"""Pseudonyms for data that leaves the data controller: each client, user, course and session
is named by a keyed hash of its id (HMAC-SHA256 with a secret kept in the database), and a
client's dates move by a fixed number of whole weeks, so that intervals and weekdays survive
while the calendar dates do not.

The same key gives the same pseudonyms on every machine that shares the database; without the
key nobody can go back from a pseudonym to a person. The alphabet has no vowels (nor 0 and 1,
which client codes are full of), so that a pseudonym never spells a word, a code or a name.
Names: `C-` a client, `P-` a person (a user), `F-` a course (forløb), `S-` a session.

The rule every export that leaves the centre keeps (README, "Pseudonymised exports"): the code
becomes the client's pseudonym; display names, user names, full names and recording file
names never appear; users become their pseudonym; a client's dates move by their shift; free
text is left out unless the export asks for it explicitly.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date, timedelta

ALPHABET = "BCDFGHJKLMNPQRSTVWXZ23456789"  # no vowels; no 0/1, which look like O/I
MAX_SHIFT_WEEKS = 26  # a client's dates move by 1-26 weeks, back or forward


@dataclass(frozen=True)
class Pseudonymiser:
    key: bytes

    def client(self, client_id: str) -> str:
        return self._name("client", client_id, "C", 8)

    def user(self, user_id: str) -> str:
        return self._name("user", user_id, "P", 6)

    def course(self, course_id: str) -> str:
        return self._name("course", course_id, "F", 8)

    def session(self, session_id: str) -> str:
        return self._name("session", session_id, "S", 10)

    def shift_days(self, client_id: str) -> int:
        """How far this client's dates move: whole weeks, never none."""
        n = int.from_bytes(self._digest("shift", client_id)[:4], "big")
        weeks = n % MAX_SHIFT_WEEKS + 1
        return 7 * (weeks if n & (1 << 31) else -weeks)

    def day(self, client_id: str, day: date | None) -> date | None:
        return moved(day, self.shift_days(client_id))

    def _digest(self, kind: str, ident: str) -> bytes:
        return hmac.new(self.key, f"{kind}:{ident}".encode(), hashlib.sha256).digest()

    def _name(self, kind: str, ident: str, prefix: str, length: int) -> str:
        n = int.from_bytes(self._digest(kind, ident), "big")
        chars = []
        for _ in range(length):
            n, i = divmod(n, len(ALPHABET))
            chars.append(ALPHABET[i])
        return f"{prefix}-{''.join(chars)}"


def moved(day: date | None, shift_days: int) -> date | None:
    """`day` moved by a client's shift; a day moved past either end of the calendar is left
    out rather than wrong."""
    if day is None:
        return None
    try:
        return day + timedelta(days=shift_days)
    except OverflowError:
        return None
