"""Coding rounds: the sample is drawn at random and reproducibly (the same seed and data give
the same sample in any database order; another seed another), only from signed, recorded
trauma sessions of the round's method in its period whose client consented, and stratified
by therapist in proportion when asked. Who may draw and read rounds."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from round_fixtures import (
    END,
    EXCLUDED,
    ROUND_DAY,
    START,
    acting_as,
    build,
    eligible_ids,
    excluded_session,
    therapist_of,
)
from traumefokus.domain.coding_sample import Candidate, allocate, draw, draw_key
from traumefokus.domain.vocabulary import Method
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services.coding_rounds import (
    RoundSpec,
    create_round,
    eligible_sessions,
    get_round,
    list_rounds,
)
from traumefokus.storage.models import AuditEvent, CodingRound, CodingSample

pytestmark = pytest.mark.both_databases

SS = Method.SEEKING_SAFETY
SPEC = RoundSpec("Maj 2023", "SS", START, END, 10, "maj-2023")


@pytest.fixture
def sup(admin):
    build(admin.db)
    return acting_as(admin, "sup.visor")


def test_the_same_seed_draws_the_same_sample_and_another_seed_another(sup):
    first = create_round(sup, SPEC, today=ROUND_DAY)
    again = create_round(sup, replace(SPEC, name="Igen"), today=ROUND_DAY)
    other = create_round(sup, replace(SPEC, name="Andet", seed="nov-2023"), today=ROUND_DAY)
    assert len(first.session_ids) == 10 and len(set(first.session_ids)) == 10
    assert again.session_ids == first.session_ids
    assert other.session_ids != first.session_ids
    assert set(first.session_ids) <= eligible_ids()
    # The draw order is the order of the draw keys.
    keys = [draw_key("maj-2023", s) for s in first.session_ids]
    assert keys == sorted(keys)
    assert get_round(sup, "maj 2023").session_ids == first.session_ids


def test_the_sample_does_not_depend_on_the_order_rows_were_written(request, sup, tmp_path):
    from conftest import fresh_workspace
    from traumefokus.paths import DataDir
    from traumefokus.services.acting import Acting

    workspace = fresh_workspace(
        request, request.getfixturevalue("backend"), DataDir(tmp_path / "b")
    )
    with workspace.open() as db:
        build(db, reverse=True)
        other = acting_as(Acting(db, sup.library, sup.actor, workspace.data_dir), "sup.visor")
        for by_therapist in (False, True):
            spec = replace(SPEC, name=f"R{by_therapist}", by_therapist=by_therapist)
            theirs = create_round(other, spec, today=ROUND_DAY).session_ids
            ours = create_round(sup, spec, today=ROUND_DAY).session_ids
            assert theirs == ours


def test_only_consented_recorded_signed_trauma_sessions_of_the_method_in_the_period(sup):
    with sup.db.reading() as tx:
        eligible = {c.session_id for c in eligible_sessions(tx, SS, START, END, ROUND_DAY)}
    assert eligible == eligible_ids()
    everything = create_round(sup, replace(SPEC, size=48), today=ROUND_DAY)
    assert set(everything.session_ids) == eligible_ids()
    for what in EXCLUDED:
        assert excluded_session(what) not in everything.session_ids, what


def test_a_consent_withdrawn_after_the_round_was_drawn_did_not_exclude_its_sessions(sup):
    """The consent withdrawn on 2023-06-15: a round drawn on the 10th could sample the
    session recorded on 1 May; a round drawn on the 15th or later cannot."""
    withdrawn = excluded_session("withdrawn_before_round")
    with sup.db.reading() as tx:
        before, on_the_day = (
            {c.session_id for c in eligible_sessions(tx, SS, START, END, date(2023, 6, day))}
            for day in (14, 15)
        )
    assert withdrawn in before
    assert withdrawn not in on_the_day


def test_a_size_larger_than_the_eligible_sessions_is_refused_naming_how_many(sup):
    with pytest.raises(InvalidInput) as invalid:
        create_round(sup, replace(SPEC, size=49), today=ROUND_DAY)
    assert invalid.value.code == "coding.size_too_large"
    assert invalid.value.facts == {"size": 49, "eligible": 48}
    assert "48" in str(invalid.value)
    with sup.db.reading() as tx:
        assert tx.scalars(select(CodingRound)).all() == []


def test_stratified_by_therapist_each_gets_a_proportional_share(sup):
    drawn = create_round(sup, replace(SPEC, size=10, by_therapist=True), today=ROUND_DAY)
    # 48 sessions: t1 24, t2 12, t3 12 -> 5, 2.5, 2.5 -> 5, 3 (t2: the tie to the smaller id), 2
    therapists = therapist_of()
    assert Counter(therapists[s] for s in drawn.session_ids) == {"t1": 5, "t2": 3, "t3": 2}
    keys = [draw_key("maj-2023", s) for s in drawn.session_ids]
    assert keys == sorted(keys)


def test_largest_remainders_and_ties_by_id():
    assert allocate({"a": 24, "b": 12, "c": 12}, 10) == {"a": 5, "b": 3, "c": 2}
    assert allocate({"b": 1, "a": 1, "c": 1}, 2) == {"a": 1, "b": 1, "c": 0}
    assert allocate({"a": 7, "b": 2, "c": 1}, 10) == {"a": 7, "b": 2, "c": 1}
    assert allocate({"a": 5, "b": 4}, 1) == {"a": 1, "b": 0}
    candidates = [Candidate(f"s{i}", "t1" if i < 3 else "t2") for i in range(6)]
    assert sorted(draw("x", candidates, 6, by_therapist=True)) == [f"s{i}" for i in range(6)]
    assert draw("x", candidates, 3) == draw("x", list(reversed(candidates)), 3)


def test_the_round_is_stored_with_its_draw_and_audited_with_ids_and_counts(sup):
    made = create_round(sup, replace(SPEC, coders=("Coder.Anna", "coder.bent", "coder.anna")),
                        today=ROUND_DAY)  # fmt: skip
    assert [c.name for c in made.coders] == ["coder.anna", "coder.bent"]
    assert made.scale_id == "ss-adherence" and made.scale_version
    with sup.db.reading() as tx:
        stored = tx.scalars(select(CodingSample).order_by(CodingSample.position)).all()
        assert [s.session_id for s in stored] == list(made.session_ids)
        assert [s.position for s in stored] == list(range(1, 11))
        event = tx.scalars(select(AuditEvent).where(AuditEvent.action == "coding.sample")).one()
    assert event.object_id == made.id
    assert event.details == {"sessions": 10, "eligible": 48, "coders": 2, "by_therapist": False}


def test_without_coders_named_every_active_coder_rates(sup):
    made = create_round(sup, SPEC, today=ROUND_DAY)
    assert [c.name for c in made.coders] == ["coder.anna", "coder.bent"]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"name": "  "}, "coding.round_name"),
        ({"name": "x" * 101}, "coding.round_name"),
        ({"method": "XX"}, "coding.method"),
        ({"start": END, "end": START}, "export.period_reversed"),
        ({"size": 0}, "coding.size"),
        ({"seed": " "}, "coding.seed"),
        ({"coders": ("nobody",)}, "coding.coder_unknown"),
        ({"coders": ("coder.old",)}, "coding.not_a_coder"),
        ({"coders": ("behandler.t1",)}, "coding.not_a_coder"),
        ({"name": "MAJ 2023 "}, "coding.round_exists"),
    ],
)
def test_a_round_asked_for_wrongly_is_refused_and_nothing_is_stored(sup, change, code):
    create_round(sup, SPEC, today=ROUND_DAY)
    with pytest.raises(InvalidInput) as invalid:
        create_round(sup, replace(SPEC, **{"name": "Andet", **change}), today=ROUND_DAY)
    assert invalid.value.code == code
    with sup.db.reading() as tx:
        assert len(tx.scalars(select(CodingRound)).all()) == 1


def test_who_draws_and_who_reads_rounds(sup):
    made = create_round(sup, replace(SPEC, coders=("coder.anna",)), today=ROUND_DAY)
    for name in ("behandler.t1", "coder.anna"):
        with pytest.raises(Refused):
            create_round(acting_as(sup, name), replace(SPEC, name="X"), today=ROUND_DAY)
    anna, bent = acting_as(sup, "coder.anna"), acting_as(sup, "coder.bent")
    assert [r.id for r in list_rounds(anna)] == [made.id]
    assert list_rounds(bent) == []
    with pytest.raises(InvalidInput):
        get_round(bent, "Maj 2023")
    with pytest.raises(Refused):
        list_rounds(acting_as(sup, "behandler.t1"))
    assert get_round(acting_as(sup, "admin"), "Maj 2023").id == made.id
