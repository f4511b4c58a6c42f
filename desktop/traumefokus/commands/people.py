"""`user add NAME --role ROLE` and `client add CODE [--display-name NAME] [--site SITE]`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from traumefokus.messages import Term

if TYPE_CHECKING:
    from traumefokus.cli import Cli


def add_user(cli: Cli) -> int:
    from traumefokus.services.users import add_user as add

    with cli.workspace().open() as db:
        user = add(db, cli.actor(db), cli.args.name, cli.args.role)
    cli.say("user.added", name=user.name, role=Term(f"role.{user.role.value}"))
    return 0


def add_client(cli: Cli) -> int:
    from traumefokus.services.clients import add_client as add

    with cli.workspace().open() as db:
        client = add(
            db, cli.actor(db), cli.args.code, display_name=cli.args.display_name, site=cli.args.site
        )
    cli.say("client.added", code=client.code)
    return 0
