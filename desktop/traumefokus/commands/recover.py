"""`traumefokus recover --admin NAME`: every password, or the key file, is lost. The recovery
key (from TRAUMEFOKUS_RECOVERY_KEY, else asked at the terminal) opens the database; NAME, an
administrator, gets a new password (TRAUMEFOKUS_NEW_PASSWORD, else asked twice), and the key
file is made anew so that every other user keeps their password."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from traumefokus.domain.passwords import check_new_password
from traumefokus.errors import Refused
from traumefokus.messages import text
from traumefokus.services.encryption import recover

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli

RECOVERY_ENV = "TRAUMEFOKUS_RECOVERY_KEY"


def run(cli: Cli) -> int:
    name = cli.args.admin
    typed = os.environ.get(RECOVERY_ENV)
    if typed is None:
        if not sys.stdin.isatty():
            raise Refused("recovery.key_required", env=RECOVERY_ENV)
        import getpass

        typed = getpass.getpass(text("recovery.key_prompt", cli.lang))
    password = check_new_password(cli.new_password(name))
    actor = recover(cli.workspace(unlock=False), typed, name, password)
    cli.say("recovery.done", name=actor.name)
    return 0
