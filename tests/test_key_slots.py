"""Key slots and the key file: the database key wrapped per user, the password check that
unwrapping is, slots made from existing password hashes, the recovery key, and a key file that
is damaged, hostile or missing."""

from __future__ import annotations

import json
import os
import stat

import pytest

from traumefokus.domain.passwords import hash_password
from traumefokus.errors import DataProblem
from traumefokus.storage.key_file import (
    KeyFile,
    parse_key_file,
    read_key_file,
    write_key_file,
)
from traumefokus.storage.key_slots import (
    KdfParams,
    database_key,
    new_recovery_key,
    normalise_recovery_key,
    slot_from_hash,
    slot_from_json,
    unwrap,
    user_slot_id,
    wrap,
)
from traumefokus.storage.side_files import key_file_of

FAST = KdfParams(time_cost=1, memory_kib=64, parallelism=1)  # the tests' own, for speed
KEY = bytes(range(32))


def test_the_right_password_unwraps_the_database_key_and_a_wrong_one_does_not():
    slot = wrap(KEY, user_slot_id("u1"), "korrekt hest batteri", FAST)
    assert unwrap(slot, "korrekt hest batteri") == KEY
    assert unwrap(slot, "korrekt hest batterі") is None  # a Cyrillic і
    assert unwrap(slot, "") is None
    assert KEY not in json.dumps(slot.as_json()).encode()


def test_a_slot_copied_onto_another_user_does_not_open():
    slot = wrap(KEY, user_slot_id("u1"), "mit kodeord er langt", FAST)
    moved = slot_from_json({**slot.as_json(), "id": user_slot_id("u2")})
    assert unwrap(moved, "mit kodeord er langt") is None


def test_each_slot_has_its_own_salt_and_nonce_and_keeps_its_parameters():
    a = wrap(KEY, "user:a", "samme adgangskode", FAST)
    b = wrap(KEY, "user:a", "samme adgangskode", FAST)
    assert a.salt != b.salt and a.nonce != b.nonce and a.wrapped != b.wrapped
    again = slot_from_json(json.loads(json.dumps(a.as_json())))
    assert again == a and again.kdf == FAST
    real = KdfParams(time_cost=3, memory_kib=128 * 1024, parallelism=1)
    assert FAST.weaker_than(real) and not real.weaker_than(real)


def test_a_password_change_rewraps_the_same_key():
    old = wrap(KEY, "user:a", "den gamle adgangskode", FAST)
    key = unwrap(old, "den gamle adgangskode")
    assert key is not None
    new = wrap(key, "user:a", "den nye adgangskode!", FAST)
    assert unwrap(new, "den nye adgangskode!") == KEY
    assert unwrap(new, "den gamle adgangskode") is None


def test_an_existing_password_hash_becomes_a_slot_that_the_password_opens():
    encoded = hash_password("en adgangskode fra før")
    slot = slot_from_hash(KEY, "user:a", encoded)
    assert slot is not None
    assert f"$m={slot.kdf.memory_kib},t={slot.kdf.time_cost},p={slot.kdf.parallelism}$" in encoded
    assert unwrap(slot, "en adgangskode fra før") == KEY
    assert unwrap(slot, "en anden adgangskode") is None
    for other in ("", "$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA", "plain text", "$$$$$"):
        assert slot_from_hash(KEY, "user:a", other) is None


def test_hostile_parameters_are_never_tried():
    slot = wrap(KEY, "user:a", "kodeord kodeord", FAST)
    greedy = slot_from_json({**slot.as_json(), "memory_kib": 64 * 1024 * 1024})
    slow = slot_from_json({**slot.as_json(), "time_cost": 10_000})
    assert unwrap(greedy, "kodeord kodeord") is None
    assert unwrap(slow, "kodeord kodeord") is None


def test_a_recovery_key_is_printed_in_groups_and_read_back_however_it_is_typed():
    key = new_recovery_key()
    groups = key.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert not set(key) & set("ILOU")
    typed = key.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert normalise_recovery_key(typed) == key
    assert normalise_recovery_key(key[:-1]) is None
    assert normalise_recovery_key(key[:-1] + "U") is None
    assert new_recovery_key() != key


def test_the_recovery_key_stands_for_one_database_key():
    key = new_recovery_key()
    assert database_key(key) == database_key(key)
    assert len(database_key(key)) == 32
    assert database_key(key) != database_key(new_recovery_key())


def test_the_key_file_finds_a_slot_by_name_without_storing_the_name(tmp_path):
    path = key_file_of(tmp_path / "traumefokus.db")
    assert path.name == "traumefokus.db.keys"
    keys = KeyFile().with_slot(wrap(KEY, "user:1", "mette mette mette", FAST), "Mette.H")
    write_key_file(path, keys)
    assert b"mette" not in path.read_bytes().lower()
    again = read_key_file(path)
    assert again.slot_for_name(" mette.h ") == keys.slot("user:1")
    assert again.slot_for_name("jonas.k") is None
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_renamed_user_and_a_removed_slot(tmp_path):
    keys = KeyFile().with_slot(wrap(KEY, "user:1", "kodeord kodeord", FAST), "mette")
    renamed = keys.with_slot(keys.slot("user:1"), "mette.h")
    assert renamed.slot_for_name("mette") is None and renamed.slot_for_name("mette.h")
    assert len(renamed.slots) == 1
    gone = renamed.without_slot("user:1")
    assert gone.slots == () and gone.names == {}


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe",
        b"[]",
        b'{"format": "traumefokus-keys", "version": 2, "slots": [], "names": {}}',
        b'{"format": "traumefokus-keys", "version": 1, "slots": [{}], "names": {}}',
        b'{"format": "traumefokus-keys", "version": 1, "slots": [], "names": {"x": "user:9"}}',
        b"[" * 100_000,
        b" " * (2 * 1024 * 1024),
    ],
)
def test_a_damaged_key_file_is_a_clear_problem_and_is_left_alone(tmp_path, data):
    with pytest.raises(ValueError):
        parse_key_file(data)
    path = tmp_path / "traumefokus.db.keys"
    path.write_bytes(data)
    with pytest.raises(DataProblem) as raised:
        read_key_file(path)
    assert raised.value.code == "keys.damaged"
    assert path.read_bytes() == data


def test_a_missing_key_file_is_named(tmp_path):
    with pytest.raises(DataProblem) as raised:
        read_key_file(tmp_path / "traumefokus.db.keys")
    assert raised.value.code == "keys.missing"


def test_unlocking_by_name_and_password():
    keys = KeyFile().with_slot(wrap(KEY, "user:1", "mette mette mette", FAST), "mette.h")
    assert keys.unlock("Mette.H", "mette mette mette") == ("user:1", KEY)
    assert keys.unlock("mette.h", "forkert forkert") is None
    assert keys.unlock("ukendt", "mette mette mette") is None


def test_an_unknown_name_costs_one_derivation_as_a_known_one_does(monkeypatch):
    from traumefokus.storage import key_slots

    keys = KeyFile().with_slot(wrap(KEY, "user:1", "mette mette mette", FAST), "mette.h")
    calls = []
    real = key_slots.derive
    monkeypatch.setattr(key_slots, "derive", lambda *a: calls.append(a[2]) or real(*a))
    keys.unlock("mette.h", "forkert forkert")
    known = list(calls)
    calls.clear()
    keys.unlock("ukendt", "forkert forkert")
    assert len(known) == len(calls) == 1
    assert calls[0].memory_kib >= known[0].memory_kib  # never cheaper than a real slot


@pytest.mark.parametrize(
    "change",
    [{"salt": ""}, {"salt": "AAAA"}, {"wrapped": "AAAA"}, {"from_hash": "yes"}],
)
def test_a_slot_with_a_damaged_field_is_no_slot(change):
    slot = wrap(KEY, "user:1", "kodeord kodeord", FAST)
    with pytest.raises(ValueError):
        slot_from_json({**slot.as_json(), **change})


def test_costs_far_above_today_s_are_never_tried():
    slot = wrap(KEY, "user:a", "kodeord kodeord", FAST)
    for change in ({"memory_kib": 2 * 1024 * 1024}, {"time_cost": 20}, {"parallelism": 16}):
        assert unwrap(slot_from_json({**slot.as_json(), **change}), "kodeord kodeord") is None


def test_a_slot_keeps_saying_whether_a_plain_copy_s_hash_made_it():
    from dataclasses import replace

    made = replace(
        slot_from_hash(KEY, "user:a", hash_password("en adgangskode fra før")), from_hash=True
    )
    assert slot_from_json(made.as_json()).from_hash
    assert not slot_from_json(wrap(KEY, "user:a", "kodeord kodeord", FAST).as_json()).from_hash
