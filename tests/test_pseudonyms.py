"""The one pseudonymiser (domain/pseudonyms.py) and its key (services/pseudonyms.py), tested
once for every export that uses it: the same key gives the same names, another database
another key; programs sharing a database share the key, even when two make it at once; dates
move by whole weeks; names never collide and never hold a vowel."""

from __future__ import annotations

import re
import secrets
import threading
import uuid
from datetime import date, timedelta

import pytest

from conftest import fresh_workspace
from traumefokus.domain.pseudonyms import ALPHABET, MAX_SHIFT_WEEKS, Pseudonymiser
from traumefokus.paths import DataDir
from traumefokus.services.pseudonyms import KEY_NAME, pseudonymiser
from traumefokus.services.workspace import Workspace
from traumefokus.storage.models import InstallationSecret

pytestmark = pytest.mark.both_databases

KEY = bytes(range(32))
IDS = [str(uuid.UUID(int=n)) for n in range(2000)]
NAME = re.compile(rf"^[CPFS]-[{ALPHABET}]+$")
VOWELS = re.compile(r"[AEIOUYÆØÅaeiouyæøå]")


def names(p: Pseudonymiser, ident: str) -> tuple[str, str, str, str]:
    return p.client(ident), p.user(ident), p.course(ident), p.session(ident)


# --- the rule -------------------------------------------------------------------------------
def test_the_same_key_gives_the_same_names_and_another_key_others():
    first, again, other = Pseudonymiser(KEY), Pseudonymiser(bytes(KEY)), Pseudonymiser(b"x" * 32)
    for ident in IDS[:50]:
        assert names(first, ident) == names(again, ident)
        assert first.shift_days(ident) == again.shift_days(ident)
        assert set(names(first, ident)).isdisjoint(names(other, ident))


def test_each_kind_of_thing_has_its_own_name_for_the_same_id():
    p = Pseudonymiser(KEY)
    client, user, course, session = names(p, IDS[0])
    assert (client[:2], user[:2], course[:2], session[:2]) == ("C-", "P-", "F-", "S-")
    assert len({client[2:], user[2:], course[2:8], session[2:8]}) == 4


def test_names_never_collide_over_many_ids():
    p = Pseudonymiser(KEY)
    many = [str(uuid.UUID(int=n * 7919)) for n in range(60_000)]
    for kind, count in ((p.client, 60_000), (p.course, 60_000), (p.session, 60_000)):
        assert len({kind(i) for i in many[:count]}) == count
    assert len({p.user(i) for i in many[:2000]}) == 2000


def test_a_name_never_holds_a_vowel_nor_a_0_or_a_1():
    p = Pseudonymiser(KEY)
    for ident in IDS:
        for name in names(p, ident):
            assert NAME.match(name), name
            assert not VOWELS.search(name), name
            assert not set(name[2:]) & set("01"), name


def test_the_date_shift_keeps_weekdays_and_intervals():
    p = Pseudonymiser(KEY)
    shifts = set()
    for ident in IDS:
        shift = p.shift_days(ident)
        shifts.add(shift)
        assert shift % 7 == 0 and shift != 0 and abs(shift) <= 7 * MAX_SHIFT_WEEKS
        a, b = date(2026, 1, 5), date(2026, 3, 19)
        moved_a, moved_b = p.day(ident, a), p.day(ident, b)
        assert moved_a is not None and moved_b is not None
        assert moved_a.weekday() == a.weekday() and moved_b.weekday() == b.weekday()
        assert moved_b - moved_a == b - a
        assert moved_a != a
    assert len(shifts) == 2 * MAX_SHIFT_WEEKS  # every offset, back and forward, is used
    assert p.day(IDS[0], None) is None


def test_a_day_at_the_end_of_the_calendar_is_left_out_rather_than_wrong():
    p = Pseudonymiser(KEY)
    forward = next(i for i in IDS if p.shift_days(i) > 0)
    assert p.day(forward, date.max) is None
    assert p.day(forward, date.max - timedelta(days=400)) is not None


def test_an_export_s_remembering_pseudonymiser_names_exactly_as_the_rule():
    """The logbook export remembers names and shifts it has made; it makes no other ones."""
    from traumefokus.exports.logbook_columns import Pseudonyms

    p = Pseudonymiser(KEY)
    remembering = Pseudonyms(p)
    for ident in IDS[:300] * 2:
        assert remembering.client(ident) == p.client(ident)
        assert remembering.user(ident) == p.user(ident)
        assert remembering.course(ident) == p.course(ident)
        assert remembering.session(ident) == p.session(ident)
        assert remembering.day(ident, date(2026, 5, 1)) == p.day(ident, date(2026, 5, 1))
    backward = next(i for i in IDS if p.shift_days(i) < 0)
    assert remembering.day(backward, date.min) is None and p.day(backward, date.min) is None


# --- the key, kept in the database ----------------------------------------------------------
def _workspace(request, backend, tmp_path, name: str) -> Workspace:
    return fresh_workspace(request, backend, DataDir(tmp_path / name / "data"))


def test_the_key_is_made_once_and_kept_in_the_database(request, backend, tmp_path):
    workspace = _workspace(request, backend, tmp_path, "one")
    with workspace.open() as db:
        first = pseudonymiser(db)
        assert len(first.key) == 32
        assert pseudonymiser(db) == first
        with db.reading() as tx:
            assert bytes.fromhex(tx.get(InstallationSecret, KEY_NAME).value) == first.key


def test_another_database_has_another_key(request, backend, tmp_path):
    one, two = (_workspace(request, backend, tmp_path, n) for n in ("one", "two"))
    with one.open() as first, two.open() as second:
        a, b = pseudonymiser(first), pseudonymiser(second)
    assert a.key != b.key
    assert a.client(IDS[0]) != b.client(IDS[0])


def test_two_programs_sharing_a_database_give_the_same_names(request, backend, tmp_path):
    workspace = _workspace(request, backend, tmp_path, "shared")
    with workspace.open() as first_program, workspace.open() as second_program:
        made = pseudonymiser(first_program)
        found = pseudonymiser(second_program)
    assert names(made, IDS[1]) == names(found, IDS[1])
    assert made.shift_days(IDS[1]) == found.shift_days(IDS[1])


def test_two_programs_making_the_key_at_the_same_moment_agree(
    request, backend, tmp_path, monkeypatch
):
    """Both find no key and both make one: the one stored first is the one both use."""
    workspace = _workspace(request, backend, tmp_path, "race")
    both_looked = threading.Barrier(2, timeout=20)
    real_token = secrets.token_hex

    def token_after_both_looked(n: int) -> str:
        both_looked.wait()  # each program has read "no key" before either stores one
        return real_token(n)

    monkeypatch.setattr(secrets, "token_hex", token_after_both_looked)
    found: dict[int, Pseudonymiser] = {}
    problems: list[BaseException] = []

    def program(number: int) -> None:
        try:
            with workspace.open() as db:
                found[number] = pseudonymiser(db)
        except BaseException as exc:  # reported by the test below
            problems.append(exc)

    threads = [threading.Thread(target=program, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not problems, problems
    assert found[1] == found[2]
    with workspace.open() as db, db.reading() as tx:
        assert tx.query(InstallationSecret).count() == 1
        assert bytes.fromhex(tx.get(InstallationSecret, KEY_NAME).value) == found[1].key
