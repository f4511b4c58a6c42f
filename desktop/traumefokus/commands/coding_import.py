"""`traumefokus coding import --round NAME FILE`: a filled rating sheet (CSV or XLSX) into a
round, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.exports.rating_sheet import import_sheet

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli


def run(cli: Cli) -> int:
    args = cli.args
    with cli.workspace().open() as db:
        done = import_sheet(cli.sign_in(db), args.round, Path(args.file))
    cli.say(
        "rating_import.done",
        round=args.round,
        submitted=done.submitted,
        drafts=done.drafts,
        unchanged=done.unchanged,
    )
    return 0
