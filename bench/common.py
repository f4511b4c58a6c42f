"""What the bench scripts share: the large demo database, and timing an action."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from traumefokus.ui.context import UiContext

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def large_demo(data_dir: str | None) -> Path:
    """`data_dir` if it holds a database, else the large demo (2000 clients, about ten years)
    built there or in a new temporary folder, with how long that took."""
    from traumefokus.cli import main as cli

    folder = Path(data_dir or tempfile.mkdtemp(prefix="traumefokus-bench-")).resolve()
    if not (folder / "traumefokus.db").exists():
        began = time.perf_counter()
        cli(["demo", "--clients", "2000", "--data-dir", str(folder), "--lang", "en"])
        print(f"{'build the large demo':<44} {time.perf_counter() - began:7.1f} s")
    return folder


def timed(label: str, action: Callable[[], object], runs: int) -> None:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        timings.append((time.perf_counter() - began) * 1000)
    print(f"{label:<44} median {statistics.median(timings):7.1f} ms   max {max(timings):7.1f} ms")


DEMO_PASSWORD = "traumefokus-demo"


def open_as(folder: Path, user: str) -> UiContext:
    """The database of `folder` opened for `user` (signed in with the demo's password), as
    the program's windows see it."""
    from traumefokus.paths import DataDir
    from traumefokus.services.auth import sign_in
    from traumefokus.services.unlocking import unlock_for_window
    from traumefokus.services.workspace import Workspace
    from traumefokus.settings import Settings
    from traumefokus.ui.context import UiContext

    workspace = Workspace(DataDir(folder))
    if workspace.locked:  # encrypted: the password unlocks it
        db, actor, writes = unlock_for_window(workspace, user, DEMO_PASSWORD)
        writes()  # the sign-in's entry, which the window writes off its thread
    else:
        db = workspace.open()  # upgrades a database from an older version first
        actor = sign_in(db, user, DEMO_PASSWORD)
    settings = Settings.load(folder / "bench-settings.json")
    ctx = UiContext(workspace, settings, "da", db=db)
    ctx.sign_in(actor)
    return ctx
