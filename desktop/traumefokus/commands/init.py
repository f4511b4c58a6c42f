"""`traumefokus init --admin NAME`: a new database with its first administrator, whose
password comes from TRAUMEFOKUS_PASSWORD or is asked for at the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from traumefokus.domain.passwords import check_new_password
from traumefokus.domain.users import clean_person, clean_user_name
from traumefokus.services.encryption import create_encrypted
from traumefokus.services.users import create_first_admin

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli


def run(cli: Cli) -> int:
    from traumefokus.commands.context import PASSWORD_ENV

    name = clean_user_name(cli.args.admin)
    clean_person(cli.args.full_name, cli.args.title)
    password = check_new_password(cli.new_password(name, PASSWORD_ENV))
    workspace = cli.workspace(unlock=False, creating=True)
    db, recovery = create_encrypted(workspace)
    with db:
        admin = create_first_admin(
            db, name, password, full_name=cli.args.full_name, title=cli.args.title
        )
    cli.say("init.done", name=admin.name, where=workspace.where)
    if recovery:
        cli.say("encryption.recovery_key", key=recovery)
    return 0
