"""The first step of signing in to an encrypted database: the user's key slot opened with
their password (the one key derivation of the sign-in, which is also the password check),
counted in the attempts file beside the database. It imports no SQLAlchemy, so that the
program can run it on another thread while its first window is built (ui/ahead.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from traumefokus.domain.passwords import wait_left
from traumefokus.errors import Refused
from traumefokus.storage.attempts_file import Attempts, attempts_file_of
from traumefokus.storage.clock import utc_now
from traumefokus.storage.key_file import read_key_file
from traumefokus.storage.keys import HeldKey
from traumefokus.storage.side_files import key_file_of

if TYPE_CHECKING:
    from traumefokus.services.workspace import Workspace


def unlock_with(workspace: Workspace, name: str, password: str) -> str:
    """The id of the user whose password opens their key slot; from then on the workspace
    holds the database key. Refused (the same answer for an unknown name) otherwise."""
    file = workspace.target.file
    assert file is not None
    keys = read_key_file(key_file_of(file))
    attempts = Attempts.load(attempts_file_of(file), saved=not workspace.read_only)
    subject = keys.name_digest(name)
    now = utc_now()
    seconds = wait_left(*attempts.failures(subject), now)
    if seconds:
        raise Refused("auth.wait", seconds=seconds)
    attempts.count(subject, now)
    found = keys.unlock(name, password)
    if found is None:
        slot = keys.slot_for_name(name)
        if slot is not None:
            attempts.failed(slot.id.removeprefix("user:"), now)
        raise Refused("auth.failed")
    attempts.clear(subject)
    slot_id, key = found
    workspace.keys = HeldKey(key)
    return slot_id.removeprefix("user:")
