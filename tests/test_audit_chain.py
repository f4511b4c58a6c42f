"""The audit trail's hash chain as plain rules: the canonical form, the hash, and the walk
that names the first broken entry."""

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from traumefokus.domain.audit_chain import (
    GENESIS,
    Break,
    ChainEntry,
    ChainWalk,
    Flaw,
    Head,
    canonical,
    entry_hash,
    iso_utc,
)

AT = datetime(2026, 3, 1, 9, 30, 5, 123456, tzinfo=UTC)


def first() -> ChainEntry:
    return ChainEntry(1, AT, "mette.h", "note.sign", "session", "s-1", {"attendance": "held"},
                      GENESIS)  # fmt: skip


def chain(length: int) -> list[tuple[ChainEntry, str]]:
    """`length` entries, each linked to the one before, with the hashes they hold."""
    entries, prev = [], GENESIS
    for seq in range(1, length + 1):
        entry = replace(first(), seq=seq, at=AT + timedelta(seconds=seq), prev_hash=prev)
        prev = entry_hash(entry)
        entries.append((entry, prev))
    return entries


def test_the_canonical_form_is_sorted_compact_ascii_json_of_every_field():
    entry = replace(first(), user_name="bjørk", details={"b": 2, "a": [1, "æ"]})
    assert canonical(entry) == (
        b'{"action":"note.sign","at":"2026-03-01T09:30:05.123456Z",'
        b'"details":{"a":[1,"\\u00e6"],"b":2},"object_id":"s-1","object_type":"session",'
        b'"prev_hash":"' + GENESIS.encode() + b'","seq":1,"user":"bj\\u00f8rk"}'
    )


def test_the_hash_is_fixed_for_a_known_entry():
    """A change to the canonical form would break every chain already written."""
    assert (
        entry_hash(first())
        == hashlib.sha256(canonical(first())).hexdigest()
        == ("9e9d90d05fa7d255484c5c31ff69ce5ea366a0df339a2fadb7400ead6c1acfb6")
    )


def test_time_is_written_in_utc_whatever_zone_it_came_in():
    copenhagen = timezone(timedelta(hours=1))
    assert iso_utc(datetime(2026, 3, 1, 10, 30, 5, 123456, tzinfo=copenhagen)) == (
        "2026-03-01T09:30:05.123456Z"
    )
    assert entry_hash(replace(first(), at=AT.astimezone(copenhagen))) == entry_hash(first())
    with pytest.raises(ValueError):
        iso_utc(datetime(2026, 3, 1, 9, 30))


@pytest.mark.parametrize(
    "change",
    [
        {"seq": 2},
        {"at": AT + timedelta(microseconds=1)},
        {"user_name": "jonas.k"},
        {"user_name": None},
        {"action": "note.addendum"},
        {"object_type": "course"},
        {"object_id": "s-2"},
        {"details": {"attendance": "no_show"}},
        {"details": {}},
        {"prev_hash": "1" * 64},
    ],
)
def test_every_field_is_covered_by_the_hash(change):
    assert entry_hash(replace(first(), **change)) != entry_hash(first())


def test_a_whole_chain_walks_through_and_matches_its_head():
    entries = chain(7)
    walk = ChainWalk()
    walk.feed(entries[:3])
    walk.feed(entries[3:])
    assert walk.finish(Head(7, entries[-1][1])) is None
    assert walk.count == 7


def test_an_empty_chain_is_whole_with_an_empty_head():
    assert ChainWalk().finish(Head(0, GENESIS)) is None
    assert ChainWalk().finish(None) is None


def test_an_altered_entry_is_named_by_its_hash():
    entries = chain(5)
    entry, held = entries[2]
    entries[2] = (replace(entry, details={"attendance": "no_show"}), held)
    walk = ChainWalk()
    walk.feed(entries)
    assert walk.finish(Head(5, entries[-1][1])) == Break(3, Flaw.HASH)
    assert walk.count == 2


def test_an_entry_rehashed_after_altering_breaks_the_link_to_the_next():
    entries = chain(5)
    altered = replace(entries[2][0], details={"attendance": "no_show"})
    entries[2] = (altered, entry_hash(altered))
    walk = ChainWalk()
    walk.feed(entries)
    assert walk.finish(Head(5, entries[-1][1])) == Break(4, Flaw.PREV)


def test_a_removed_entry_is_a_gap_at_its_number():
    entries = chain(5)
    del entries[1]
    walk = ChainWalk()
    walk.feed(entries)
    assert walk.finish(Head(5, entries[-1][1])) == Break(2, Flaw.GAP)


def test_a_missing_first_entry_is_a_gap_at_one():
    walk = ChainWalk()
    walk.feed(chain(3)[1:])
    assert walk.broken == Break(1, Flaw.GAP)


def test_removed_last_entries_are_found_by_the_head():
    entries = chain(5)
    walk = ChainWalk()
    walk.feed(entries[:3])
    assert walk.finish(Head(5, entries[-1][1])) == Break(4, Flaw.HEAD)


def test_entries_the_head_never_saw_are_found_by_the_head():
    entries = chain(5)
    walk = ChainWalk()
    walk.feed(entries)
    assert walk.finish(Head(3, entries[2][1])) == Break(4, Flaw.HEAD)
    assert ChainWalk().finish(None) is None
    walk = ChainWalk()
    walk.feed(entries)
    assert walk.finish(None) == Break(1, Flaw.HEAD)  # entries, and no head at all


def test_a_last_entry_replaced_as_a_whole_is_found_by_the_head():
    entries = chain(5)
    forged = replace(entries[4][0], details={"attendance": "no_show"})
    entries[4] = (forged, entry_hash(forged))
    walk = ChainWalk()
    walk.feed(entries)
    assert walk.finish(Head(5, chain(5)[4][1])) == Break(5, Flaw.HEAD)
