"""Start-up figures: time to the first window, and the whole process, over several runs.

    .venv/bin/python bench/startup.py [--runs N] [--data-dir DIR --user NAME]

Without --data-dir it measures a first start (empty data directory: the first-user dialog)
and a usual start (a database with one user: the main window, data loaded before exit).
Runs offscreen unless QT_QPA_PLATFORM says otherwise.
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

SCRIPT = Path(sys.executable).with_name("traumefokus")


def measure(argv: list[str], runs: int) -> tuple[list[int], list[float]]:
    shown, total = [], []
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
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
        f"{label:<34} window shown: median {statistics.median(shown):5.0f} ms "
        f"(min {min(shown)})   whole process: median {statistics.median(total):5.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data-dir")
    parser.add_argument("--user")
    args = parser.parse_args()
    if args.data_dir:
        report(
            f"start on {args.data_dir}",
            *measure(["--data-dir", args.data_dir, "--user", args.user], args.runs),
        )
        return
    with tempfile.TemporaryDirectory() as empty:
        report("first start (first-user dialog)", *measure(["--data-dir", empty], args.runs))
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [str(SCRIPT), "init", "--admin", "bench", "--data-dir", folder],
            check=True,
            capture_output=True,
        )
        report(
            "usual start (main window)",
            *measure(["--data-dir", folder, "--user", "bench"], args.runs),
        )


if __name__ == "__main__":
    main()
