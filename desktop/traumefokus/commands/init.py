"""`traumefokus init --admin NAME`: a new database with its first administrator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from traumefokus.services.users import create_first_admin

if TYPE_CHECKING:
    from traumefokus.cli import Cli


def run(cli: Cli) -> int:
    workspace = cli.workspace()
    with workspace.open(create=True) as db:
        admin = create_first_admin(db, cli.args.admin)
    cli.say("init.done", name=admin.name, where=workspace.where)
    return 0
