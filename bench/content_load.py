"""How long loading both shipped packs and both programmes takes (target: under 100 ms).

    .venv/bin/python bench/content_load.py [--runs N]

Each run builds a new library, so every file is read, parsed and validated again; the
operating system's file cache is warm after the first run, which is printed separately.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from traumefokus.content.library import ContentLibrary
from traumefokus.paths import DataDir


def load_everything(data_dir: DataDir) -> int:
    library = ContentLibrary.for_data_dir(data_dir)
    files = 0
    for ref in library.refs("pack"):
        pack = library.pack(ref.id, ref.version)
        files += 1 + sum(1 + 2 * len(t.worksheets) for t in pack.themes if t.complete)
    for ref in library.refs("programme"):
        library.programme(ref.id, ref.version)
        files += 1
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data_dir = DataDir(Path(folder))
        timings = []
        for _ in range(args.runs):
            began = time.perf_counter()
            files = load_everything(data_dir)
            timings.append((time.perf_counter() - began) * 1000)
    print(
        f"load 2 packs + 2 programmes ({files} files): first {timings[0]:.1f} ms, "
        f"median {statistics.median(timings[1:]):.1f} ms, max {max(timings[1:]):.1f} ms "
        f"over {args.runs - 1} more runs"
    )


if __name__ == "__main__":
    main()
