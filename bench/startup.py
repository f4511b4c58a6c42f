"""Start-up figures: time to the first window, and the whole process, over several runs; and
what signing in costs, with the key derivation (argon2id) reported apart.

    .venv/bin/python bench/startup.py [--runs N] [--data-dir DIR --user NAME]

Without --data-dir it measures a first start (empty data directory: the first-user dialog),
a start that waits for someone to sign in (the sign-in dialog over the empty window), and a
usual start with --user and TRAUMEFOKUS_PASSWORD (signed in, data loaded before exit). With
--data-dir (the large demo, say) it measures the last two on that database. Passwords are the
demo's. Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import DEMO_PASSWORD, open_as, timed

SCRIPT = Path(sys.executable).with_name("traumefokus")


def measure(argv: list[str], runs: int) -> tuple[list[int], list[float]]:
    shown, total = [], []
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "TRAUMEFOKUS_PASSWORD": DEMO_PASSWORD,
    }
    for _ in range(runs):
        began = time.perf_counter()
        result = subprocess.run(
            [str(SCRIPT), *argv, "--exit-after-start"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        total.append((time.perf_counter() - began) * 1000)
        shown.append(int(re.search(r"started in (\d+) ms", result.stdout).group(1)))
    return shown, total


def report(label: str, shown: list[int], total: list[float]) -> None:
    print(
        f"{label:<44} window shown: median {statistics.median(shown):5.0f} ms "
        f"(min {min(shown)})   whole process: median {statistics.median(total):5.0f} ms"
    )


def signing_in(folder: Path, user: str, runs: int) -> None:
    """The key derivation alone, and the whole sign-in service around it."""
    from traumefokus.domain import passwords
    from traumefokus.services.auth import sign_in

    encoded = passwords.hasher().hash(DEMO_PASSWORD)
    timed("key derivation (argon2id, one verify)", lambda: passwords.verify_password(
        encoded, DEMO_PASSWORD), runs)  # fmt: skip
    ctx = open_as(folder, user)
    assert ctx.db is not None
    timed("sign in (the service, key derivation included)", lambda: sign_in(
        ctx.db, user, DEMO_PASSWORD), runs)  # fmt: skip
    ctx.db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data-dir")
    parser.add_argument("--user", default="mette.h")
    args = parser.parse_args()
    if args.data_dir:
        folder = Path(args.data_dir)
        report("waiting for sign-in", *measure(["--data-dir", str(folder)], args.runs))
        report(
            f"--user {args.user}: signed in, data loaded",
            *measure(["--data-dir", str(folder), "--user", args.user], args.runs),
        )
        signing_in(folder, args.user, args.runs)
        return
    with tempfile.TemporaryDirectory() as empty:
        report("first start (first-user dialog)", *measure(["--data-dir", empty], args.runs))
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [str(SCRIPT), "init", "--admin", "bench", "--data-dir", folder],
            check=True,
            capture_output=True,
            env={**os.environ, "TRAUMEFOKUS_PASSWORD": DEMO_PASSWORD},
        )
        report("waiting for sign-in", *measure(["--data-dir", folder], args.runs))
        report(
            "--user bench: signed in, main window",
            *measure(["--data-dir", folder, "--user", "bench"], args.runs),
        )
        signing_in(Path(folder), "bench", args.runs)


if __name__ == "__main__":
    main()
