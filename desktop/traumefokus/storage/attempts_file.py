"""Failed sign-ins before an encrypted database is open (`traumefokus.db.attempts`): the
growing delay needs a count that survives a restart, and the database cannot hold it until
someone has unlocked it. Subjects are the key file's salted name digests; the failures of known
users wait here (user id and time only) until the next unlock writes them into the audit
trail. A damaged file counts as empty: it can only shorten a delay, never lock anyone out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from traumefokus.fileio import write_atomic

MAX_WAITING = 200  # failures kept for the audit trail; older ones are dropped (counted still)


def attempts_file_of(database: Path) -> Path:
    return database.with_name(database.name + ".attempts")


@dataclass
class Attempts:
    path: Path
    counts: dict[str, tuple[int, str]] = field(default_factory=dict)  # failures, last (ISO)
    waiting: list[tuple[str, str]] = field(default_factory=list)  # user id, time (ISO)
    # False on a disk that cannot be written: the waits still hold, the counts stay as they
    # are (the key slots' own cost is what slows a guesser there).
    saved: bool = True

    @classmethod
    def load(cls, path: Path, *, saved: bool = True) -> Attempts:
        try:
            document = json.loads(path.read_bytes().decode("utf-8"))
            counts = {
                str(subject): (int(n), str(last))
                for subject, (n, last) in document.get("counts", {}).items()
            }
            waiting = [(str(user), str(at)) for user, at in document.get("waiting", [])]
        except (OSError, ValueError, TypeError, AttributeError, UnicodeDecodeError):
            return cls(path, saved=saved)
        return cls(path, counts, waiting, saved)

    def failures(self, subject: str) -> tuple[int, datetime | None]:
        found = self.counts.get(subject)
        if found is None:
            return 0, None
        try:
            return found[0], datetime.fromisoformat(found[1])
        except ValueError:
            return 0, None

    def count(self, subject: str, now: datetime) -> None:
        """This attempt, counted as if it failed (a success clears it)."""
        failures, _ = self.failures(subject)
        self.counts[subject] = (failures + 1, now.isoformat())
        self.save()

    def clear(self, subject: str) -> None:
        if self.counts.pop(subject, None) is not None:
            self.save()

    def failed(self, user_id: str, now: datetime) -> None:
        self.waiting = [*self.waiting, (user_id, now.isoformat())][-MAX_WAITING:]
        self.save()

    def take_waiting(self) -> list[tuple[str, datetime]]:
        """The failures of known users not yet in the audit trail; gone from the file."""
        taken = []
        for user_id, at in self.waiting:
            try:
                taken.append((user_id, datetime.fromisoformat(at)))
            except ValueError:
                continue
        if self.waiting:
            self.waiting = []
            self.save()
        return taken

    def save(self) -> None:
        if not self.saved:
            return
        document = {"counts": self.counts, "waiting": self.waiting}
        write_atomic(self.path, json.dumps(document).encode("utf-8"))
