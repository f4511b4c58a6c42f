"""`traumefokus export records --out FILE [--client CODE]`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.documents.client_copy import copy_maker
from traumefokus.exports.records import export_records

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli


def run(cli: Cli) -> int:
    with cli.workspace().open() as db:
        acting = cli.sign_in(db)
        copy = copy_maker(acting, cli.lang, date.today()) if cli.args.client else None
        summary = export_records(acting, Path(cli.args.out), client_code=cli.args.client, copy=copy)
    cli.say("export.done", clients=summary.clients, sessions=summary.sessions, path=summary.path)
    if summary.summary is not None:
        cli.say("export.client_copy", path=summary.summary)
    return 0
