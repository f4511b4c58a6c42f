"""`traumefokus export records --out FILE [--client CODE]`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.exports.records import export_records

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli


def run(cli: Cli) -> int:
    with cli.workspace().open() as db:
        summary = export_records(cli.sign_in(db), Path(cli.args.out), client_code=cli.args.client)
    cli.say("export.done", clients=summary.clients, sessions=summary.sessions, path=summary.path)
    return 0
