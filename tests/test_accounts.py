"""Accounts: passwords and signing in, the delay after failures, user names that cannot pass
for someone else, full names on paper, deactivation, password resets, co-therapists and
giving a course to another therapist."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from cli_runner import run
from conftest import PASSWORD
from factories import person, planned_course
from pdf_reading import all_text
from traumefokus.documents.render import DocumentKind, DocumentRequest, render
from traumefokus.domain import passwords
from traumefokus.domain.passwords import delay_after, wait_left
from traumefokus.domain.session_note import NoteDraft
from traumefokus.domain.users import clean_user_name, skeleton
from traumefokus.errors import InvalidInput, Refused
from traumefokus.paths import DataDir
from traumefokus.services.auth import sign_in
from traumefokus.services.clients import add_client
from traumefokus.services.course_team import grant_cover, reassign_course, withdraw_cover
from traumefokus.services.courses import view_course
from traumefokus.services.records import collect_records
from traumefokus.services.session_notes import save_draft, sign_note
from traumefokus.services.users import (
    add_user,
    change_own_password,
    list_users,
    reset_password,
    update_user,
)
from traumefokus.services.workspace import Workspace
from traumefokus.storage.clock import ids_and_clock
from traumefokus.storage.models import AuditEvent, SignInFailure, User

pytestmark = pytest.mark.both_databases

# --- passwords and signing in ----------------------------------------------------------------


def test_a_password_is_stored_as_an_argon2id_hash_with_its_parameters(db, admin):
    with db.reading() as tx:
        stored = tx.scalar(select(User.password_hash).where(User.name == "admin"))
    assert stored.startswith("$argon2id$v=19$m=") and PASSWORD not in stored


def test_the_real_parameters_take_a_laptop_a_moment():
    assert (passwords.MEMORY_KIB, passwords.TIME_COST) == (128 * 1024, 3)
    assert passwords.MIN_LENGTH == 12


@pytest.mark.parametrize("password", ["", "short", "x" * 11])
def test_a_password_under_twelve_characters_is_refused_when_set(db, admin, password):
    with pytest.raises(InvalidInput) as refused:
        add_user(admin, "bo", "therapist", password)
    assert refused.value.code == "password.too_short"


@pytest.mark.parametrize("password", ["", "x", "wrong password, long enough", "y" * 5000])
def test_a_wrong_password_is_refused_whatever_its_length(db, admin, password):
    with pytest.raises(Refused) as refused:
        sign_in(db, "admin", password)
    assert refused.value.code == "auth.failed"


def test_an_unknown_name_gets_the_same_answer_as_a_wrong_password(db, admin):
    with pytest.raises(Refused) as refused:
        sign_in(db, "nobody", PASSWORD)
    assert refused.value.code == "auth.failed"


def test_names_are_looked_up_normalised(db, admin):
    assert sign_in(db, "  ADMIN ", PASSWORD).name == "admin"
    assert sign_in(db, "ａｄｍｉｎ", PASSWORD).name == "admin"  # fullwidth letters


def _at(moment: datetime):
    import uuid

    return ids_and_clock(lambda: str(uuid.uuid4()), lambda: moment)


def test_the_delay_grows_after_repeated_failures_and_survives_a_restart(workspace, admin):
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    db = admin.db
    for attempt in range(4):
        with _at(start + timedelta(seconds=attempt)), pytest.raises(Refused):
            sign_in(db, "admin", "wrong password")
    db.close()  # the program is started again
    with workspace.open() as again:
        with _at(start + timedelta(seconds=3)), pytest.raises(Refused) as waiting:
            sign_in(again, "admin", PASSWORD)  # even the right password waits
        assert waiting.value.code == "auth.wait" and waiting.value.facts == {"seconds": 2}
        with _at(start + timedelta(seconds=6)):
            assert sign_in(again, "admin", PASSWORD).name == "admin"
        with again.reading() as tx:
            assert tx.scalars(select(SignInFailure)).all() == []  # a fresh start


def test_the_delay_rule():
    assert [delay_after(n).total_seconds() for n in range(8)] == [0, 0, 0, 1, 2, 4, 8, 16]
    assert delay_after(40) == timedelta(minutes=5)
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    assert wait_left(5, moment, moment + timedelta(seconds=1)) == 3
    assert wait_left(5, moment, moment + timedelta(seconds=10)) == 0
    assert wait_left(0, None, moment) == 0


def test_a_deactivated_user_cannot_sign_in(db, admin, therapist):
    [row] = [u for u in list_users(admin) if u.name == "mette.h"]
    update_user(admin, row.id, role="therapist", active=False, version=row.version)
    with pytest.raises(Refused) as refused:
        sign_in(db, "mette.h", PASSWORD)
    assert refused.value.code == "user.inactive"
    with pytest.raises(Refused):
        sign_in(db, "mette.h", "not the password at all")
    # their records stay, with their name
    assert "mette.h" in [u["name"] for u in collect_records(admin)["users"]]


def test_a_hash_with_weaker_parameters_is_replaced_at_the_next_sign_in(db, admin, monkeypatch):
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    monkeypatch.setattr(passwords, "hasher", lambda: weak)
    person(admin, "bo", "therapist")
    monkeypatch.setattr(passwords, "hasher", lambda: stronger)
    sign_in(db, "bo", PASSWORD)
    with db.reading() as tx:
        stored = tx.scalar(select(User.password_hash).where(User.name == "bo"))
    assert "m=16,t=2" in stored
    assert sign_in(db, "bo", PASSWORD).name == "bo"


def test_an_administrator_resets_a_password_and_anyone_changes_their_own(db, admin, therapist):
    reset_password(admin, therapist.actor.id, "a brand new password")
    with pytest.raises(Refused):
        sign_in(db, "mette.h", PASSWORD)
    mette = signed_in_with(db, admin, "mette.h", "a brand new password")
    with pytest.raises(Refused):
        change_own_password(mette, "not my password", "another new password")
    change_own_password(mette, "a brand new password", "another new password")
    assert sign_in(db, "mette.h", "another new password").name == "mette.h"
    with pytest.raises(Refused):
        reset_password(mette, admin.actor.id, "taking over admin")
    with db.reading() as tx:
        actions = set(tx.scalars(select(AuditEvent.action)))
    assert {"user.password_reset", "user.password_change", "user.sign_in"} <= actions


def signed_in_with(db, admin, name, password):
    from traumefokus.services.acting import Acting

    return Acting(db, admin.library, sign_in(db, name, password), admin.data_dir)


# --- user names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("аdmin", "user.name_mixed_scripts"),  # a Cyrillic а
        ("ａdmin", "user.exists"),  # a fullwidth a: NFKC makes it "admin"
        ("ADMIN", "user.exists"),
        ("admіn", "user.name_mixed_scripts"),  # a Ukrainian і
        ("adm1n", None),  # a digit one is not among Unicode's look-alikes of i
    ],
)
def test_look_alike_names_are_refused(name, code):
    if code is None:
        assert clean_user_name(name, ["admin"]) == "adm1n"
        return
    with pytest.raises(InvalidInput) as refused:
        clean_user_name(name, ["admin"])
    assert refused.value.code == code


def test_a_name_in_one_other_script_that_looks_like_an_existing_one_is_refused():
    assert skeleton("аое") == skeleton("aoe")
    with pytest.raises(InvalidInput) as refused:
        clean_user_name("аое", ["aoe"])  # all Cyrillic, shaped like the Latin name
    assert refused.value.code == "user.name_confusable"
    assert refused.value.facts["other"] == "aoe"
    with pytest.raises(InvalidInput):
        clean_user_name("anna1", ["annal"])  # a digit one against a small L
    assert clean_user_name("søren", ["soren.k"]) == "søren"  # Danish letters are letters


def test_look_alike_names_from_the_command_line_exit_2(tmp_path):
    data = tmp_path / "data"
    assert run("init", "--admin", "admin", "--data-dir", data).code == 0
    for name in ("аdmin", "ａdmin"):
        result = run("user", "add", name, "--role", "admin", "--user", "admin",
                     "--data-dir", data)  # fmt: skip
        assert result.code == 2, result.err
        assert result.err.count("\n") == 1


# --- the command line ------------------------------------------------------------------------


def test_init_and_every_command_take_the_password_from_the_environment(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("TRAUMEFOKUS_PASSWORD", "the administrators own")
    assert run("init", "--admin", "Anna", "--full-name", "Anna Holm", "--data-dir", data).code == 0
    assert run("client", "add", "K-1", "--user", "anna", "--data-dir", data).code == 0
    monkeypatch.setenv("TRAUMEFOKUS_PASSWORD", "a wrong one, long enough")
    result = run("client", "add", "K-2", "--user", "anna", "--data-dir", data, "--lang", "en")
    assert (result.code, result.err) == (3, "traumefokus: Wrong user name or password.\n")


def test_init_refuses_a_short_password_and_makes_no_database(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAUMEFOKUS_PASSWORD", "short")
    result = run("init", "--admin", "anna", "--data-dir", tmp_path / "d", "--lang", "en")
    assert result.code == 2 and "at least 12 characters" in result.err
    assert not (tmp_path / "d" / "traumefokus.db").exists()


def test_without_a_password_and_without_a_terminal_the_answer_is_exit_3(tmp_path, monkeypatch):
    data = tmp_path / "data"
    assert run("init", "--admin", "anna", "--data-dir", data).code == 0
    monkeypatch.delenv("TRAUMEFOKUS_PASSWORD")
    result = run("client", "add", "K-1", "--user", "anna", "--data-dir", data, "--lang", "en")
    assert result.code == 3 and "TRAUMEFOKUS_PASSWORD" in result.err


def test_user_add_with_full_name_title_and_password(tmp_path, monkeypatch):
    data = tmp_path / "data"
    assert run("init", "--admin", "anna", "--data-dir", data).code == 0
    monkeypatch.setenv("TRAUMEFOKUS_NEW_PASSWORD", "mettes own password")
    result = run("user", "add", "mette.h", "--role", "therapist", "--full-name", "Mette Hansen",
                 "--title", "socialrådgiver", "--user", "anna", "--data-dir", data)  # fmt: skip
    assert result.code == 0, result.err
    monkeypatch.setenv("TRAUMEFOKUS_PASSWORD", "mettes own password")
    assert run("client", "add", "K-1", "--user", "mette.h", "--data-dir", data).code == 0
    monkeypatch.setenv("TRAUMEFOKUS_PASSWORD", PASSWORD)
    export = tmp_path / "records.json"
    assert run("export", "records", "--out", export, "--user", "anna", "--data-dir", data).code == 0
    import json

    users = json.loads(export.read_text(encoding="utf-8"))["users"]
    assert {"name": "mette.h", "role": "therapist", "active": True,
            "full_name": "Mette Hansen", "title": "socialrådgiver"} in users  # fmt: skip


def test_set_password_from_the_command_line(tmp_path, monkeypatch):
    data = tmp_path / "data"
    assert run("init", "--admin", "anna", "--data-dir", data).code == 0
    assert run("user", "add", "bo", "--role", "therapist", "--user", "anna",
               "--data-dir", data).code == 0  # fmt: skip
    monkeypatch.setenv("TRAUMEFOKUS_NEW_PASSWORD", "bos new password")
    assert run("user", "set-password", "bo", "--user", "anna", "--data-dir", data).code == 0
    monkeypatch.setenv("TRAUMEFOKUS_PASSWORD", "bos new password")
    monkeypatch.setenv("TRAUMEFOKUS_NEW_PASSWORD", "bo chose this one")
    assert run("user", "set-password", "bo", "--user", "bo", "--data-dir", data).code == 0
    result = run("user", "set-password", "anna", "--user", "bo", "--data-dir", data)
    assert result.code == 3  # only an administrator sets another's password


def test_after_the_upgrade_an_administrator_sets_their_password_then_everyone_elses(tmp_path):
    """A database from before passwords: nobody has one. Only an administrator may choose
    theirs, and only while no administrator has one; the others wait for an administrator."""
    from factories import add_user as add_row

    data = tmp_path / "data"
    DataDir(data).ensure()
    with Workspace(DataDir(data)).open(create=True) as db:
        for name, role in (("old.admin", "admin"), ("old.admin2", "admin"), ("bo", "therapist")):
            add_row(db, name, role)  # no password, as before passwords existed

    def as_user(name):
        return run("client", "add", f"K-{name}", "--user", name,
                   "--data-dir", data, "--lang", "en")  # fmt: skip

    first = as_user("bo")
    assert first.code == 3 and "an administrator gives them one" in first.err
    claimed = as_user("old.admin")
    assert claimed.code == 0 and "had no password" in claimed.err
    late = as_user("old.admin2")  # an administrator has a password now: no more claiming
    assert late.code == 3 and "an administrator gives them one" in late.err
    assert run("user", "set-password", "bo", "--user", "old.admin", "--data-dir", data).code == 0
    assert as_user("bo").code == 0
    with Workspace(DataDir(data)).open() as db:
        assert sign_in(db, "old.admin", PASSWORD).name == "old.admin"


def test_the_delay_cannot_be_escaped_by_writing_the_name_another_way(db, admin):
    variants = ["admin", " ADMIN ", "ａｄｍｉｎ", "Admin", "admin" + " " * 70 + "x"]
    refused = []
    with _at(datetime(2026, 12, 1, 9, 0, tzinfo=UTC)):  # all within the same second
        for name in variants * 2:
            with pytest.raises(Refused) as error:
                sign_in(db, name, "a wrong password, long enough")
            refused.append(error.value.code)
        assert refused[:3] == ["auth.failed"] * 3 and refused[3] == "auth.wait"
        with pytest.raises(Refused) as error:
            sign_in(db, "admin", PASSWORD)  # even the right one waits now
        assert error.value.code == "auth.wait"
        with pytest.raises(Refused):
            sign_in(db, "admin" + " " * 70 + "x", PASSWORD)  # never "admin" in disguise


def test_the_stand_in_takes_as_long_as_a_real_password():
    """An unknown name is checked against a stand-in made with the same parameters as every
    real hash, so that its answer takes as long."""
    from argon2 import extract_parameters

    stand_in = extract_parameters(passwords.STAND_IN)
    assert (stand_in.memory_cost, stand_in.time_cost, stand_in.parallelism) == (
        passwords.MEMORY_KIB,
        passwords.TIME_COST,
        passwords.PARALLELISM,
    )


def test_unlocking_counts_failures_like_signing_in(db, admin):
    from traumefokus.services.auth import confirm_password

    with _at(datetime(2026, 12, 1, 9, 0, tzinfo=UTC)):
        for _ in range(3):
            assert not confirm_password(db, admin.actor, "a wrong password, long enough")
        with pytest.raises(Refused) as error:
            confirm_password(db, admin.actor, PASSWORD)
    assert error.value.code == "auth.wait"
    with db.reading() as tx:
        failed = tx.scalars(
            select(AuditEvent).where(AuditEvent.action == "user.sign_in_failed")
        ).all()
    assert len(failed) == 3 and {e.object_id for e in failed} == {admin.actor.id}


# --- names on paper, co-therapists, giving a course away --------------------------------------


@pytest.fixture
def course(db, admin):
    mette = person(admin, "mette.h", "therapist", full_name="Mette Hansen", title="socialrådgiver")
    client = add_client(admin, "K-0001")
    course_id = planned_course(mette, client.id, start=date(2026, 1, 5))
    return mette, course_id


def test_notes_and_plans_name_the_therapist_by_full_name_and_title(course):
    mette, course_id = course
    session = next(s for s in view_course(mette, course_id).sessions if s.number == 3)
    save_draft(mette, session.id, NoteDraft(commitment="Gå en tur"))
    sign_note(mette, session.id, attendance="held", day=date(2026, 1, 26))
    for kind, object_id in ((DocumentKind.NOTE, session.id), (DocumentKind.PLAN, course_id)):
        pdf = render(mette, DocumentRequest(kind, object_id), today=date(2026, 2, 1)).pdf
        text = " ".join(all_text(pdf).split())
        assert "Mette Hansen, socialrådgiver" in text and "mette.h" not in text
    assert view_course(mette, course_id).therapist == "Mette Hansen, socialrådgiver"


def test_a_co_therapist_covers_until_the_grant_is_withdrawn(db, admin, course):
    mette, course_id = course
    jonas = person(admin, "jonas.k", "therapist")
    with pytest.raises(Refused):
        view_course(jonas, course_id)
    grant_cover(mette, course_id, jonas.actor.id, "Ferie uge 30")
    session = view_course(jonas, course_id).sessions[0]
    sign_note(jonas, session.id, attendance="held", day=date(2026, 1, 5))
    with pytest.raises(Refused):  # a co-therapist does not name others
        grant_cover(jonas, course_id, person(admin, "sara.l", "therapist").actor.id)
    withdraw_cover(mette, course_id, jonas.actor.id, "Tilbage fra ferie")
    with pytest.raises(Refused):
        view_course(jonas, course_id)
    history = view_course(mette, course_id).history
    assert [h.kind for h in history][-2:] == ["cover_granted", "cover_withdrawn"]
    assert history[-2].reason == "Ferie uge 30" and "jonas.k" in history[-2].description
    exported = collect_records(admin)["clients"][0]["courses"][0]
    assert exported["co_therapists"] == []
    assert [c["kind"] for c in exported["plan_history"]][-2:] == [
        "cover_granted",
        "cover_withdrawn",
    ]


def test_an_administrator_gives_a_course_to_another_therapist(db, admin, course):
    mette, course_id = course
    sara = person(admin, "sara.l", "therapist")
    with pytest.raises(Refused):
        reassign_course(mette, course_id, sara.actor.id)  # not the therapist's to give
    reassign_course(admin, course_id, sara.actor.id, "Mette er stoppet")
    assert view_course(sara, course_id).therapist_id == sara.actor.id
    with pytest.raises(Refused):
        view_course(mette, course_id)
    last = view_course(admin, course_id).history[-1]
    assert (last.kind, last.reason) == ("reassigned", "Mette er stoppet")
    with pytest.raises(InvalidInput):
        reassign_course(admin, course_id, admin.actor.id)  # only to a therapist
    with db.reading() as tx:
        assert "course.reassign" in set(tx.scalars(select(AuditEvent.action)))
