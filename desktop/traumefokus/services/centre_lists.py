"""The centre's lists to choose from (content/choice_lists.py) as an administrator's action:
saving the centre's own copy of a list in the data directory, or going back to the list that
ships with the program. Each change goes into the audit trail (the list, never its texts).

A list is saved only as the loader would read it: the new file is written beside the old one,
read back by the loader, and only then put in its place, so that a list that would be
refused never replaces one that works.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from traumefokus.content.choice_lists import Choice, ChoiceList, list_toml, load_list
from traumefokus.domain.access import Action
from traumefokus.fileio import as_problem, write_atomic
from traumefokus.services import audit
from traumefokus.services.acting import Acting


def own_list_file(acting: Acting, kind: ChoiceList) -> Path:
    """Where the centre's own copy of `kind` is kept (it may not exist)."""
    return acting.data_dir.root / kind.file


def save_centre_list(acting: Acting, kind: ChoiceList, choices: Sequence[Choice]) -> None:
    """The centre's list of `kind` is now `choices`, in this order; InvalidContent naming
    every problem (nothing changed) if the loader would refuse it."""
    acting.require(Action.CONFIGURE)
    target = own_list_file(acting, kind)
    trial = target.with_name(f".{kind.file}.new")
    write_atomic(trial, list_toml(kind, choices).encode("utf-8"))
    try:
        load_list(kind, trial)
        os.replace(trial, target)
    except OSError as exc:
        raise as_problem(exc, target) from exc
    finally:
        trial.unlink(missing_ok=True)
    _audit(acting, kind, "settings.list_saved", entries=len(choices))


def restore_shipped_list(acting: Acting, kind: ChoiceList) -> None:
    """Back to the list that ships with the program (the centre's own copy goes)."""
    acting.require(Action.CONFIGURE)
    target = own_list_file(acting, kind)
    try:
        target.unlink(missing_ok=True)
    except OSError as exc:
        raise as_problem(exc, target) from exc
    _audit(acting, kind, "settings.list_restored")


def _audit(acting: Acting, kind: ChoiceList, action: str, **details: object) -> None:
    with acting.transaction() as tx:
        audit.record(tx, acting.actor, action, object_type="list", object_id=kind.file, **details)
