"""`user add NAME --role ROLE`, `user set-password NAME`,
`client add CODE [--display-name NAME] [--site SITE]` and `client erase CODE [--today DATE]`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from traumefokus.messages import Term

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli


def add_user(cli: Cli) -> int:
    from traumefokus.services.users import add_user as add

    with cli.workspace().open() as db:
        acting = cli.sign_in(db)
        user = add(
            acting,
            cli.args.name,
            cli.args.role,
            cli.new_password(cli.args.name),
            full_name=cli.args.full_name,
            title=cli.args.title,
        )
    cli.say("user.added", name=user.name, role=Term(f"role.{user.role.value}"))
    return 0


def set_password(cli: Cli) -> int:
    """An administrator gives NAME a new password; anyone may give themselves one."""
    from traumefokus.domain.users import normalise_user_name
    from traumefokus.services.users import change_own_password, find_user_id, reset_password

    with cli.workspace().open() as db:
        acting = cli.sign_in(db)
        name = normalise_user_name(cli.args.name)
        if name == acting.actor.name:
            change_own_password(acting, cli.password(name), cli.new_password(name))
        else:
            reset_password(acting, find_user_id(acting, name), cli.new_password(name))
    cli.say("user.password_changed", name=name)
    return 0


def add_client(cli: Cli) -> int:
    from traumefokus.services.clients import add_client as add

    with cli.workspace().open() as db:
        client = add(
            cli.sign_in(db),
            cli.args.code,
            display_name=cli.args.display_name,
            site=cli.args.site,
        )
    cli.say("client.added", code=client.code)
    return 0


def erase_client(cli: Cli) -> int:
    """No confirmation (the command is for scripts): what went, and what still holds it."""
    from datetime import date

    from traumefokus.errors import InvalidInput
    from traumefokus.services.erasure import erase_client as erase

    today = date.today()
    day: date = cli.args.today or today
    if day > today:  # nobody erases records early by naming a day to come
        raise InvalidInput("erase.today_future", day=day)
    with cli.workspace().open() as db:
        erased = erase(cli.sign_in(db), cli.args.code, today=day)
    cli.say("erase.done", code=erased.code, courses=erased.courses, sessions=erased.sessions)
    cli.say("erase.backups")
    return 0
