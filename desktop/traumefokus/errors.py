"""Typed errors: a code, the facts, and an exit code; the text is chosen where it is shown.

Every layer raises these; the CLI and the UI turn them into a translated line with
`traumefokus.messages.describe`. Anything else that escapes is a bug (exit 1).
"""

from __future__ import annotations


class TraumefokusError(Exception):
    """A problem the user can act on. `code` names a message in `traumefokus.messages`."""

    exit_code = 1

    def __init__(self, code: str, /, **facts: object) -> None:
        super().__init__(code, facts)
        self.code = code
        self.facts = facts

    def __str__(self) -> str:
        from traumefokus.messages import describe

        return describe(self, "en")


class InvalidInput(TraumefokusError):
    """Usage, a file, a pack or a value is wrong (exit 2)."""

    exit_code = 2


class Refused(TraumefokusError):
    """Not allowed: permission, password, lock (exit 3)."""

    exit_code = 3


class DataProblem(TraumefokusError):
    """The data or the environment is in a state we cannot work with (exit 4)."""

    exit_code = 4
