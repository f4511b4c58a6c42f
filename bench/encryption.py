"""Encrypted against plain, in one run, on the large demo: the same data as an encrypted
database (as `demo` makes it) and as a plain copy. Prints the key derivation of a sign-in on
its own, then each bench script's figures for both databases side by side, and the start-up
ratio.

    .venv/bin/python bench/encryption.py [--data-dir DIR] [--runs N]

Without --data-dir it builds the large demo first (a few minutes). The plain copy is made in
a temporary folder next to it and removed at the end. Signing is timed on notes the demo left
unsigned, which are then signed: use a copy of a database you keep.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import DEMO_PASSWORD, large_demo
from startup import SCRIPT, timings

HERE = Path(__file__).resolve().parent
SCRIPTS = ("session.py", "documents.py", "logbook.py")


def plain_copy(folder: Path, into: Path) -> None:
    """`folder`'s data directory with its database decrypted (packs and programmes too)."""
    import sqlcipher3

    from traumefokus.storage.key_file import read_key_file
    from traumefokus.storage.side_files import key_file_of

    shutil.copytree(folder, into, ignore=shutil.ignore_patterns("traumefokus.db*", "backups"))
    database = folder / "traumefokus.db"
    found = read_key_file(key_file_of(database)).unlock("admin", DEMO_PASSWORD)
    assert found is not None
    source = sqlcipher3.connect(str(database))
    source.execute(f"PRAGMA key = \"x'{found[1].hex()}'\"")
    source.execute("ATTACH DATABASE ? AS plain KEY ''", (str(into / "traumefokus.db"),))
    source.execute("SELECT sqlcipher_export('plain')")
    version = source.execute("PRAGMA user_version").fetchone()[0]
    source.execute(f"PRAGMA plain.user_version = {int(version)}")
    source.execute("DETACH DATABASE plain")
    source.close()


def key_derivation(runs: int) -> None:
    from traumefokus.storage.key_slots import unwrap, wrap

    slot = wrap(bytes(32), "user:bench", DEMO_PASSWORD)
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        unwrap(slot, DEMO_PASSWORD)
        timings.append((time.perf_counter() - began) * 1000)
    print(
        f"{'key derivation (argon2id, one slot)':<44} median {statistics.median(timings):7.1f} ms"
    )


def signing(folder: Path, runs: int) -> float:
    """The median time of signing `runs` of the notes left unsigned in the demo, each as its
    own therapist (the service call the sign dialog makes); in milliseconds."""
    from sqlalchemy import select

    from common import open_as
    from traumefokus.services.session_notes import sign_note
    from traumefokus.storage.models import Course, CourseSession, User

    ctx = open_as(folder, "admin")
    assert ctx.db is not None
    with ctx.db.reading() as tx:
        drafts = tx.execute(
            select(CourseSession.id, CourseSession.planned_date, User.name)
            .join(Course, Course.id == CourseSession.course_id)
            .join(User, User.id == Course.therapist_id)
            .where(CourseSession.note_status == "draft", CourseSession.planned_date.is_not(None))
            .limit(runs)
        ).all()
    ctx.db.close()
    timings, therapists = [], {}
    for session_id, day, therapist in drafts:
        if therapist not in therapists:
            therapists[therapist] = open_as(folder, therapist)
        acting = therapists[therapist].acting
        began = time.perf_counter()
        sign_note(acting, session_id, attendance="held", day=day)
        timings.append((time.perf_counter() - began) * 1000)
    for ctx in therapists.values():
        assert ctx.db is not None
        ctx.db.close()
    return statistics.median(timings) if timings else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    encrypted = large_demo(args.data_dir)
    key_derivation(args.runs)
    with tempfile.TemporaryDirectory(dir=encrypted.parent) as scratch:
        plain = Path(scratch) / "plain"
        plain_copy(encrypted, plain)
        starts = {}
        for label, folder in (("encrypted", encrypted), ("plain", plain)):
            argv = [str(SCRIPT), "--data-dir", str(folder), "--user", "mette.h"]
            runs = [timings([*argv, "--exit-after-start"]) for _ in range(args.runs)]
            starts[label] = statistics.median(ready for ready, _ended in runs)
            ended = statistics.median(ended for _ready, ended in runs)
            print(f"{'start-up, Today shown (' + label + ')':<44} "
                  f"median {starts[label]:6.0f} ms (process ended {ended:6.0f} ms)")  # fmt: skip
        print(f"{'start-up, encrypted / plain':<44} {starts['encrypted'] / starts['plain']:.2f}x")
        signed = {}
        for label, folder in (("encrypted", encrypted), ("plain", plain)):
            signed[label] = signing(folder, args.runs)
            print(f"{'sign a note (' + label + ')':<44} median {signed[label]:7.1f} ms")
        print(f"{'signing, encrypted / plain':<44} {signed['encrypted'] / signed['plain']:.2f}x")
        for script in SCRIPTS:
            for label, folder in (("encrypted", encrypted), ("plain", plain)):
                print(f"--- {script} ({label})", flush=True)
                subprocess.run(
                    [sys.executable, str(HERE / script), "--data-dir", str(folder)], check=True
                )


if __name__ == "__main__":
    main()
