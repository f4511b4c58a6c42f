"""The centre's lists edited by an administrator (Settings ▸ Lists): saved as the loader reads
them, never half-written, retired entries still naming what was chosen before, and back to
the shipped list on Restore defaults."""

from __future__ import annotations

import errno
import os
import stat

import pytest
from sqlalchemy import select

from traumefokus.content.choice_lists import (
    END_REASONS,
    NOT_HELD_REASONS,
    OTHER_TREATMENT,
    Choice,
    centre_list,
    list_toml,
    load_list,
    offered,
)
from traumefokus.content.problems import InvalidContent
from traumefokus.errors import DataProblem
from traumefokus.paths import shipped_dir
from traumefokus.services.centre_lists import restore_shipped_list, save_centre_list
from traumefokus.storage.models import AuditEvent

pytestmark = pytest.mark.both_databases


def test_a_saved_list_is_read_back_with_its_retired_entries(admin):
    shipped = centre_list(OTHER_TREATMENT, admin.data_dir)
    edited = [
        Choice("groups", "Grupper", "Groups"),
        Choice(shipped[0].id, "Nyt navn", "New name", retired=True),
        *shipped[1:],
    ]
    save_centre_list(admin, OTHER_TREATMENT, edited)
    assert centre_list(OTHER_TREATMENT, admin.data_dir) == tuple(edited)
    assert shipped[0].id not in [c.id for c in offered(edited)]
    assert shipped[0].id in [c.id for c in offered(edited, keep=shipped[0].id)]
    own = admin.data_dir.root / OTHER_TREATMENT.file
    if os.name == "posix":
        assert stat.S_IMODE(own.stat().st_mode) == 0o600
    assert [p.name for p in admin.data_dir.root.iterdir() if p.name.endswith(".new")] == []
    with admin.db.reading() as tx:
        event = tx.scalars(select(AuditEvent).where(AuditEvent.action == "settings.list_saved"))
        found = event.one()
    assert (found.object_id, found.details) == (OTHER_TREATMENT.file, {"entries": len(edited)})


def test_texts_with_quotes_and_danish_letters_survive(admin, tmp_path):
    tricky = [Choice("a", 'Sagde "nej" \\ æøå', "Said 'no'\ttab"), Choice("other", "Andet", "x")]
    path = tmp_path / END_REASONS.file
    path.write_text(list_toml(END_REASONS, tricky), encoding="utf-8")
    assert load_list(END_REASONS, path) == tuple(tricky)


@pytest.mark.parametrize(
    "entries",
    [
        [Choice("moved", "Flyttede", "Moved"), Choice("moved", "Igen", "Again")],
        [Choice("moved", "Flyttede", "Moved")],  # "other" is required
        [Choice("other", "Andet", "Other", retired=True)],  # and cannot be retired
        [Choice("Bad Id", "x", "y"), Choice("other", "Andet", "Other")],
        [Choice("blank", "  ", "y"), Choice("other", "Andet", "Other")],
    ],
    ids=["duplicate", "other missing", "other retired", "bad id", "blank text"],
)
def test_a_list_the_loader_would_refuse_changes_nothing(admin, entries):
    before = centre_list(END_REASONS, admin.data_dir)
    with pytest.raises(InvalidContent):
        save_centre_list(admin, END_REASONS, entries)
    assert centre_list(END_REASONS, admin.data_dir) == before
    assert not (admin.data_dir.root / END_REASONS.file).exists()
    assert not (admin.data_dir.root / f".{END_REASONS.file}.new").exists()


def test_restore_defaults_goes_back_to_the_shipped_list(admin):
    save_centre_list(admin, NOT_HELD_REASONS, [Choice("ill", "Syg", "Ill")])
    assert [c.id for c in centre_list(NOT_HELD_REASONS, admin.data_dir)] == ["ill"]
    restore_shipped_list(admin, NOT_HELD_REASONS)
    shipped = load_list(NOT_HELD_REASONS, shipped_dir("resources") / NOT_HELD_REASONS.file)
    assert centre_list(NOT_HELD_REASONS, admin.data_dir) == shipped
    restore_shipped_list(admin, NOT_HELD_REASONS)  # nothing to remove: still fine


def test_a_full_disk_keeps_the_old_list(admin, monkeypatch):
    save_centre_list(admin, NOT_HELD_REASONS, [Choice("ill", "Syg", "Ill")])

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(DataProblem) as problem:
        save_centre_list(admin, NOT_HELD_REASONS, [Choice("away", "Væk", "Away")])
    assert problem.value.code == "disk.full"
    monkeypatch.undo()
    assert [c.id for c in centre_list(NOT_HELD_REASONS, admin.data_dir)] == ["ill"]


def test_a_retired_reason_is_refused_for_a_session_that_did_not_have_it(admin):
    from traumefokus.errors import InvalidInput
    from traumefokus.services.session_logbook import not_held_reason

    save_centre_list(
        admin, NOT_HELD_REASONS, [Choice("ill", "Syg", "Ill"), Choice("gone", "Væk", "Gone", True)]
    )

    class Session:
        not_held_reason: str | None = None

    session = Session()
    assert not_held_reason(admin.data_dir, session, "no_show", "ill") == "ill"
    with pytest.raises(InvalidInput):
        not_held_reason(admin.data_dir, session, "no_show", "gone")
    session.not_held_reason = "gone"  # chosen before it was retired: it stays
    assert not_held_reason(admin.data_dir, session, "no_show", "gone") == "gone"
