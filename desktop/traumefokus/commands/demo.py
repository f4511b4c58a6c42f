"""`traumefokus demo [--clients N] [--seed S] [--today YYYY-MM-DD]`."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.content.end_reasons import end_reasons_file, load_end_reasons
from traumefokus.content.library import ContentLibrary
from traumefokus.demo import build_demo
from traumefokus.errors import DataProblem, InvalidInput
from traumefokus.services.encryption import create_encrypted

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli


def run(cli: Cli) -> int:
    if cli.args.clients < 1:
        raise InvalidInput("cli.usage", detail="--clients: 1 or more")
    began = time.perf_counter()
    workspace = cli.workspace(unlock=False, creating=True)
    data_dir = workspace.data_dir
    try:
        db, recovery = create_encrypted(workspace, refusal="demo.not_empty")
        with db:
            summary = build_demo(
                db,
                ContentLibrary.for_data_dir(data_dir),
                data_dir,
                load_end_reasons(end_reasons_file(data_dir)),
                clients=cli.args.clients,
                seed=cli.args.seed,
                today=cli.args.today,
            )
    except DataProblem as problem:  # a full disk: the half-built demo goes, so that it can
        _remove_new_database(workspace.target.file)  # simply be run again
        if problem.code == "db.disk_full":
            raise DataProblem("demo.disk_full", where=workspace.where) from None
        raise
    cli.say(
        "demo.done",
        where=workspace.where,
        users=summary.users,
        clients=summary.clients,
        courses=summary.courses,
        sessions=summary.sessions,
        seconds=round(time.perf_counter() - began, 1),
    )
    if recovery:
        cli.say("encryption.recovery_key", key=recovery)
    return 0


def _remove_new_database(file: Path | None) -> None:
    """The database this run made (a demo starts from nothing) and the files beside it."""
    if file is None:
        return
    for suffix in ("", "-wal", "-shm", "-journal", ".keys", ".attempts", ".open"):
        file.with_name(file.name + suffix).unlink(missing_ok=True)
