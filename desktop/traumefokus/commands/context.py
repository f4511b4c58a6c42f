"""What every command gets from the command line: its options, the data directory, the
acting user signed in with their password, and output in the chosen language."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, TextIO

from traumefokus.errors import DataProblem, InvalidInput, Refused
from traumefokus.messages import text

if TYPE_CHECKING:
    from traumefokus.paths import DataDir
    from traumefokus.services.acting import Acting
    from traumefokus.services.workspace import Workspace
    from traumefokus.storage.database import Database

# Where a password comes from when no one is at a terminal to type it.
PASSWORD_ENV = "TRAUMEFOKUS_PASSWORD"  # the acting user's (or, for init, the new admin's)
NEW_PASSWORD_ENV = "TRAUMEFOKUS_NEW_PASSWORD"  # a password being set for someone
DB_PASSWORD_ENV = "TRAUMEFOKUS_DB_PASSWORD"  # a shared database server's, if it asks for one

# `print WHAT`: what it prints, and which id names it
PRINTABLE = {
    "note": "session",
    "handout": "session",
    "plan": "course",
    "letter": "course",
    "notes": "course",
}


class Cli:
    """What a command needs: parsed options, the data directory, output in the chosen language."""

    def __init__(self, args: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> None:
        self.args = args
        self.lang = lang
        self.out = out
        self.err = err
        self._unlocked_by: str | None = None  # the user whose password unlocked the database
        self._unlock_password: str | None = None
        self._workspace: Workspace | None = None

    def option(self, name: str) -> str | None:
        return getattr(self.args, name, None)

    @property
    def data_dir(self) -> DataDir:
        from traumefokus.paths import resolve_data_dir

        return resolve_data_dir(self.option("data_dir"))

    def workspace(
        self, *, unlock: bool = True, creating: bool = False, reading: bool = False
    ) -> Workspace:
        """The workspace of `--data-dir` and the database chosen; an encrypted database is
        unlocked here with the password of `--user` (the one key derivation of the command),
        so that it can be opened (not for `init` and `demo`, which make a new one). Unless
        `creating`, a database that was made here and is now empty or gone is refused first
        (exit 4), before anyone signs in; so is one that cannot be written, unless the
        command is `reading` only (it is then opened read only)."""
        from traumefokus.services.key_unlock import unlock_with
        from traumefokus.services.workspace import Workspace
        from traumefokus.settings import Settings

        settings = Settings.load(self.data_dir.settings)  # the database IT or the admin chose
        workspace = Workspace(
            self.data_dir,
            settings.database_url(self.option("database_url")),
            server_password=os.environ.get(DB_PASSWORD_ENV),
        )
        if not creating:
            try:
                workspace.refuse_lost(reading=reading)
            except DataProblem as problem:
                if problem.code != "db.read_only":
                    raise
                raise DataProblem("db.read_only_cli", where=workspace.where) from None
        if unlock and workspace.locked:
            name = self.option("user")
            if not name:
                raise InvalidInput("cli.user_required")
            password = self.password(name)
            self._unlocked_by = unlock_with(workspace, name, password)
            self._unlock_password = password  # once more, at sign_in, then gone

        self._workspace = workspace
        return workspace

    def sign_in(self, db: Database) -> Acting:
        """The acting user of `--user`, signed in with their password (already checked if
        it unlocked the database)."""
        from traumefokus.content.library import ContentLibrary
        from traumefokus.services.acting import Acting
        from traumefokus.services.auth import PasswordNotSet, set_first_password, sign_in
        from traumefokus.services.unlocking import signed_in_to_read, signed_in_unlocked

        name = self.option("user")
        if not name:
            raise InvalidInput("cli.user_required")
        if self._workspace is not None and self._workspace.just_encrypted:
            print(text("encryption.done_pending", self.lang), file=self.err)
        if self._unlocked_by is not None:
            password, self._unlock_password = self._unlock_password or "", None
            if db.read_only:
                actor = signed_in_to_read(db, self._unlocked_by)
            else:
                actor = signed_in_unlocked(db, self._unlocked_by, password)
            return Acting(db, ContentLibrary.for_data_dir(self.data_dir), actor, self.data_dir)
        password = self.password(name)
        try:
            actor = sign_in(db, name, password)
        except PasswordNotSet:  # a user from before passwords: this one is theirs from now on
            actor = set_first_password(db, name, password)
            print(text("auth.password_now_set", self.lang, name=actor.name), file=self.err)
        return Acting(db, ContentLibrary.for_data_dir(self.data_dir), actor, self.data_dir)

    def password(self, name: str) -> str:
        """The password of `name`: from TRAUMEFOKUS_PASSWORD, else asked at the terminal."""
        given = os.environ.get(PASSWORD_ENV)
        if given is not None:
            return given
        if not sys.stdin.isatty():
            raise Refused("cli.password_required", env=PASSWORD_ENV)
        import getpass

        return getpass.getpass(text("cli.password_prompt", self.lang, name=name))

    def new_password(self, name: str, env: str = NEW_PASSWORD_ENV) -> str:
        """A password being chosen for `name`: from `env`, else asked twice at the terminal."""
        given = os.environ.get(env)
        if given is not None:
            return given
        if not sys.stdin.isatty():
            raise InvalidInput("cli.new_password_required", env=env)
        import getpass

        first = getpass.getpass(text("cli.new_password_prompt", self.lang, name=name))
        if getpass.getpass(text("cli.repeat_password_prompt", self.lang)) != first:
            raise InvalidInput("password.mismatch")
        return first

    def say(self, code: str, /, **facts: object) -> None:
        print(text(code, self.lang, **facts), file=self.out)
