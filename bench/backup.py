"""A backup of the large demo database, as the program makes it automatically (off the UI
thread): the consistent copy, its integrity check, the archive and its read-back. Goal: under
5 s. Also the restore of that backup into a new data directory, and the UI thread's longest
pause while a backup runs beside it.

    .venv/bin/python bench/backup.py [--data-dir DIR] [--runs N]

Without --data-dir it builds the large demo first (a few minutes).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from common import DEMO_PASSWORD, large_demo, open_as

if TYPE_CHECKING:
    from traumefokus.ui.context import UiContext


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = large_demo(args.data_dir)
    ctx = open_as(folder, "admin")
    db = ctx.db
    assert db is not None and db.target.file is not None
    from traumefokus.services.restore import restore_backup
    from traumefokus.storage.backup import backup_sqlite

    encrypted = "encrypted" if db.keys.key() is not None else "plain"
    size = db.target.file.stat().st_size / 1e6
    print(f"database: {size:.0f} MB, {encrypted}")
    scratch = Path(tempfile.mkdtemp(prefix="traumefokus-bench-backup-"))
    try:
        timings, made = [], None
        for run in range(args.runs):
            began = time.perf_counter()
            made = backup_sqlite(db.target.file, db.keys, scratch / f"b{run}", reason="auto")
            timings.append(time.perf_counter() - began)
        assert made is not None
        goal = "ok" if max(timings) < 5 else "OVER THE 5 s GOAL"
        print(
            f"{'backup (copy, check, archive, read back)':<44} median "
            f"{statistics.median(timings):5.2f} s   max {max(timings):5.2f} s   {goal}"
        )
        print(f"{'  archive size':<44} {made.stat().st_size / 1e6:7.0f} MB")
        _pause_while_backing_up(ctx, scratch / "ui")
        from traumefokus.paths import DataDir

        target = DataDir(scratch / "restored")
        began = time.perf_counter()
        restore_backup(target, made, "admin", DEMO_PASSWORD, backups=target.backups)
        print(f"{'restore into a new data directory':<44} {time.perf_counter() - began:7.2f} s")
    finally:
        db.close()
        shutil.rmtree(scratch, ignore_errors=True)


def _pause_while_backing_up(ctx: UiContext, folder: Path) -> None:
    """The longest gap between 5 ms timer ticks on the UI thread while the program's
    automatic backup runs on its own thread."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from traumefokus.domain.backup_thinning import BackupLimits
    from traumefokus.services.backups import BackupPlan, backup_if_due
    from traumefokus.ui.background import BackgroundTask

    app = QApplication.instance() or QApplication([])
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)
    assert ctx.db is not None
    plan, target, keys = BackupPlan(folder, BackupLimits()), ctx.db.target, ctx.db.keys
    task = BackgroundTask(lambda _p: backup_if_due(target, keys, plan))
    task.start()
    began = time.perf_counter()
    while task.running or time.perf_counter() - began < 0.1:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    timer.stop()
    gaps = [b - a for a, b in pairwise(ticks)] or [0.0]
    took = time.perf_counter() - began
    print(f"{'  UI thread: longest pause during it':<44} {max(gaps) * 1000:7.1f} ms ({took:.2f} s)")


if __name__ == "__main__":
    main()
