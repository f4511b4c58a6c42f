"""`traumefokus backup --out FILE` and `traumefokus restore FILE` (administrators)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from traumefokus.errors import InvalidInput
from traumefokus.messages import text

if TYPE_CHECKING:
    from traumefokus.commands.context import Cli


def backup(cli: Cli) -> int:
    """A verified backup of the whole database in one file (the .tfbackup format, whatever
    the file is called), encrypted like the database."""
    from traumefokus.services.backups import make_backup

    with cli.workspace().open() as db:
        written = make_backup(cli.sign_in(db), Path(cli.args.out))
    cli.say("backup.done", path=written)
    return 0


def restore(cli: Cli) -> int:
    """Replace the database with a backup, checked whole first; the replaced one is kept."""
    from traumefokus.services.backups import backup_plan
    from traumefokus.services.restore import restore_backup
    from traumefokus.settings import Settings

    data_dir = cli.data_dir
    if cli.option("database_url"):
        raise InvalidInput("backup.server_database")
    settings = Settings.load(data_dir.settings)
    if settings.database_url():
        raise InvalidInput("backup.server_database")
    name = cli.option("user")
    if not name:
        raise InvalidInput("cli.user_required")
    password = cli.password(name)
    plan = backup_plan(settings, data_dir)
    done = restore_backup(data_dir, Path(cli.args.file), name, password, backups=plan.folder)
    cli.say("restore.done", path=data_dir.database, revision=done.revision)
    if done.kept is not None:
        cli.say("restore.kept", path=done.kept)
    if done.reerased:
        cli.say("restore.reerased", count=done.reerased)
    if not done.register_read:  # a warning: the restore itself is done
        print(f"traumefokus: {text('restore.register_unreadable', cli.lang)}", file=cli.err)
    return 0
