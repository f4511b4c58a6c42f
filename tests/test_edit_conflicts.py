"""Two users on one database never silently overwrite each other: every saved row says who
saved it and when, and an edit made from an older version is refused with that name and
time, while the first user's words stay in the database."""

from datetime import date

import pytest
from sqlalchemy import select

from factories import person, planned_course
from traumefokus.domain.session_note import CheckIn, NoteDraft
from traumefokus.errors import Refused
from traumefokus.messages import describe
from traumefokus.services import planning
from traumefokus.services.clients import add_client, update_client
from traumefokus.services.course_team import grant_cover
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import open_note, save_draft, sign_note
from traumefokus.storage.models import Client, CourseSession

pytestmark = pytest.mark.both_databases

THEMES = ["safety", "grounding", "asking-for-help", "honesty", "boundaries", "triggers"]


@pytest.fixture
def two(admin, therapist):
    """The course's therapist and a colleague who covers it: both may run its sessions."""
    colleague = person(admin, "jonas.k", "therapist", full_name="Jonas Krogh")
    client = add_client(admin, "K-0001")
    course_id = planned_course(therapist, client.id, start=date(2026, 1, 5))
    grant_cover(therapist, course_id, colleague.actor.id)
    session_id = next(s.id for s in view_course(therapist, course_id).sessions if s.number == 3)
    return therapist, colleague, course_id, session_id


def draft(words: str) -> NoteDraft:
    return NoteDraft(check_in=CheckIn(feeling=words), commitment=words)


def stamp(db, model, row_id):
    with db.reading() as tx:
        row = tx.get(model, row_id)
        return row.changed_by_id, row.changed_at, row.version


def test_a_saved_row_names_who_saved_it_and_when(db, admin, therapist):
    client = add_client(admin, "K-0002")
    assert stamp(db, Client, client.id)[0] == admin.actor.id
    before = stamp(db, Client, client.id)
    update_client(admin, client.id, code="K-0002", display_name=None, site="Syd",
                  version=before[2])  # fmt: skip
    by, at, version = stamp(db, Client, client.id)
    assert by == admin.actor.id and at >= before[1] and version == before[2] + 1


def test_in_one_batch_each_call_is_stamped_with_its_own_user(db, admin, therapist):
    with db.batch():
        first = add_client(admin, "K-0003")
        second = add_client(therapist, "K-0004")
        with db.transaction() as tx:  # the batch's own work, no user's
            tx.add(Client(code="K-0005", site="Nord"))
    assert stamp(db, Client, first.id)[0] == admin.actor.id
    assert stamp(db, Client, second.id)[0] == therapist.actor.id
    with db.reading() as tx:
        third = tx.scalar(select(Client).where(Client.code == "K-0005"))
        assert third.changed_by_id is None and third.changed_at is not None


def test_the_second_writer_of_a_session_is_told_who_and_when(db, two):
    first, second, _course, session_id = two
    seen_by_first = open_note(first, session_id)
    seen_by_second = open_note(second, session_id)
    saved = save_draft(first, session_id, draft("Mettes ord"), version=seen_by_first.version)
    # the autosave's next save names the version the last one returned: never a conflict
    again = save_draft(first, session_id, draft("Mettes ord, flere"), version=saved.version)
    assert again.version == saved.version + 1
    with pytest.raises(Refused) as refused:
        save_draft(second, session_id, draft("Jonas' ord"), version=seen_by_second.version)
    error = refused.value
    _by, changed_at, _version = stamp(db, CourseSession, session_id)
    local = changed_at.astimezone()
    assert error.code == "db.conflict_by"
    assert error.facts["name"] == "mette.h" and error.facts["time"] == local.strftime("%H:%M")
    assert describe(error, "da").startswith(
        f"Notatet er ændret af mette.h den {local:%d.%m.%Y} kl. {local:%H:%M}, mens du"
    )
    assert "changed by mette.h on" in describe(error, "en")
    assert open_note(first, session_id).draft == draft("Mettes ord, flere")


def test_signing_over_someone_elses_save_is_refused_with_their_full_name(db, two):
    first, second, _course, session_id = two
    seen_by_first = open_note(first, session_id)
    save_draft(second, session_id, draft("Jonas' ord"), version=seen_by_first.version)
    with pytest.raises(Refused) as refused:
        sign_note(first, session_id, attendance="held", day=date(2026, 2, 2),
                  draft=draft("Mettes ord"), version=seen_by_first.version)  # fmt: skip
    assert refused.value.code == "db.conflict_by" and refused.value.facts["name"] == "Jonas Krogh"
    note = open_note(first, session_id)
    assert not note.signed and note.draft == draft("Jonas' ord")


def test_without_a_name_to_give_the_old_words_are_kept(db, two):
    first, _second, _course, session_id = two
    version = open_note(first, session_id).version
    with db.transaction() as tx:  # no user acts: no one to name
        tx.get(CourseSession, session_id).commitment = "Rettet"
    with pytest.raises(Refused) as refused:
        save_draft(first, session_id, draft("Mettes ord"), version=version)
    assert refused.value.code == "db.conflict"


def test_a_course_changed_since_it_was_read_refuses_the_theme_choice(db, two):
    first, second, course_id, _session = two
    version = view_course(first, course_id).version
    planning.choose_themes(second, course_id, list(reversed(THEMES)), version=version)
    with pytest.raises(Refused) as refused:
        planning.choose_themes(first, course_id, THEMES, version=version)
    assert refused.value.code == "db.conflict_by" and refused.value.facts["name"] == "Jonas Krogh"
    assert view_course(first, course_id).chosen_themes == tuple(reversed(THEMES))


def test_every_table_with_a_version_is_stamped(tmp_path):
    """The demo centre, built through the services: every row of every versioned table says
    when it was saved, and by a user of the centre (or by no one, for what the demo fills in
    itself, as the recording consents); each table has rows a user saved."""
    from cli_runner import run
    from raw_database import unlocked
    from traumefokus.storage.base import Base, Versioned
    from traumefokus.storage.models import RecordingConsent, User

    built = run("demo", "--data-dir", tmp_path, "--clients", "20", "--today", "2026-11-23")
    assert built.code == 0, built.err
    tables = [m.class_ for m in Base.registry.mappers if issubclass(m.class_, Versioned)]
    assert len(tables) == 10
    with unlocked(tmp_path).open() as db, db.reading() as tx:
        users = set(tx.scalars(select(User.id)))
        for model in tables:
            rows = tx.execute(select(model.changed_by_id, model.changed_at)).all()
            assert rows and all(at is not None for _by, at in rows), model.__tablename__
            assert {by for by, _at in rows} <= users | {None}, model.__tablename__
            if model is not RecordingConsent:
                assert {by for by, _at in rows} & users, model.__tablename__
        client_id = tx.scalar(select(Client.id).where(~Client.recording_consents.any()))
    from factories import signed_in
    from traumefokus.services.recording_consent import record_consent

    with unlocked(tmp_path).open() as db:
        admin = signed_in(db, tmp_path, "admin")
        consent_id = record_consent(admin, client_id, date(2026, 11, 1))
        assert stamp(db, RecordingConsent, consent_id)[0] == admin.actor.id
