from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from factories import add_client, add_user
from traumefokus.errors import Refused
from traumefokus.storage.models import Client, User

pytestmark = pytest.mark.both_databases


def test_ids_are_uuid_strings(db):
    client = add_client(db, "K-1")
    assert len(client.id) == 36 and client.id.count("-") == 4


def test_every_update_bumps_the_version(db):
    add_client(db, "K-1")
    with db.transaction() as tx:
        client = tx.scalars(select(Client)).one()
        assert client.version == 1
        client.site = "Syd"
    with db.reading() as tx:
        assert tx.scalars(select(Client)).one().version == 2


def test_a_stale_update_is_refused(db):
    """Someone else saved the row after I read it: my save is detected, not silently lost."""
    add_client(db, "K-1")
    with db.reading() as tx:
        mine = tx.scalars(select(Client)).one()  # read at version 1
    with db.transaction() as tx:
        tx.scalars(select(Client)).one().site = "Syd"  # theirs: version 2
    with pytest.raises(Refused) as refused, db.transaction() as tx:
        stale = tx.merge(mine, load=False)
        stale.site = "Vest"
    assert refused.value.code == "db.conflict" and refused.value.exit_code == 3
    assert isinstance(refused.value.__cause__, StaleDataError)
    with db.reading() as tx:
        assert tx.scalars(select(Client)).one().site == "Syd"  # theirs stands


def test_closed_word_lists_are_enforced_by_the_database(db):
    with pytest.raises(IntegrityError), db.transaction() as tx:
        tx.add(User(name="x", role="superuser"))


def test_client_codes_are_unique(db):
    add_client(db, "K-1")
    with pytest.raises(IntegrityError):
        add_client(db, "K-1")


def test_moments_are_stored_as_utc_and_read_back_aware(db):
    copenhagen = timezone(timedelta(hours=1))
    user = add_user(db, "t", "therapist")
    with db.transaction() as tx:
        row = tx.get(User, user.id)
        row.created_at = datetime(2026, 3, 1, 12, 0, tzinfo=copenhagen)
    with db.reading() as tx:
        stored = tx.get(User, user.id).created_at
    assert stored == datetime(2026, 3, 1, 11, 0, tzinfo=UTC)
    assert stored.tzinfo is UTC


def test_a_naive_moment_is_a_bug(db):
    with pytest.raises(Exception, match="naive datetime"), db.transaction() as tx:
        tx.add(User(name="t", role="therapist", created_at=datetime(2026, 1, 1)))


def test_text_with_a_nul_character_is_saved(db, backend):
    """PostgreSQL cannot store NUL in text: pasted text loses it instead of failing the save
    (the printout drops control characters anyway)."""
    client = add_client(db, "K-1", display_name="Anna\x00 B.")
    with db.transaction() as tx:
        tx.get(Client, client.id).site = "Nord\x00"
    with db.reading() as tx:
        stored = tx.get(Client, client.id)
    nul = "" if backend == "postgres" else "\x00"
    assert (stored.display_name, stored.site) == (f"Anna{nul} B.", f"Nord{nul}")
