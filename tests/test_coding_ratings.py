"""A coder's queue and rating form: only their open rounds, only pseudonymised facts, drafts
saved as typed with conflicts refused, values checked against the scale, and a rating that
no longer changes once submitted."""

from __future__ import annotations

from dataclasses import asdict, replace

import pytest
from sqlalchemy import select

from coding_fixtures import FULL, KEYS, SCALE, add_round, coding_centre, use_scale
from traumefokus.domain.coding_ratings import MAX_NOTE, RatingDraft, check_value, read_cell
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services.coding_ratings import (
    Progress,
    coder_queue,
    open_rating,
    save_rating,
    submit_rating,
)
from traumefokus.services.pseudonyms import pseudonymiser
from traumefokus.storage.models import AuditEvent, CodingRating, CodingRound

pytestmark = pytest.mark.both_databases


@pytest.fixture
def centre(admin, monkeypatch):
    use_scale(monkeypatch)
    return coding_centre(admin)


def test_the_queue_lists_the_coders_open_rounds_in_draw_order(centre):
    add_round(centre.admin, "Lukket", [centre.coder.actor.id], centre.sessions, status="closed")
    add_round(centre.admin, "Andres", [centre.other_coder.actor.id], centre.sessions[:1])
    queue = coder_queue(centre.coder)
    names = pseudonymiser(centre.admin.db)
    assert [(e.round_name, e.position, e.pseudonym, e.progress) for e in queue] == [
        ("Maj 2026", 1, names.session(centre.sessions[0]), Progress.NOT_STARTED),
        ("Maj 2026", 2, names.session(centre.sessions[1]), Progress.NOT_STARTED),
    ]


def test_the_queue_shows_each_rating_s_progress(centre):
    c = centre
    save_rating(c.coder, c.round_id, c.sessions[0], RatingDraft({"F1.adherence": 1}), None)
    submit_rating(c.coder, c.round_id, c.sessions[1], RatingDraft(FULL), None)
    assert [e.progress for e in coder_queue(c.coder)] == [Progress.DRAFT, Progress.SUBMITTED]
    assert [e.progress for e in coder_queue(c.other_coder)] == [Progress.NOT_STARTED] * 2


@pytest.mark.parametrize("who", ["therapist", "supervisor", "admin"])
def test_only_coders_rate(centre, who):
    with pytest.raises(Refused):
        coder_queue(getattr(centre, who))
    with pytest.raises(Refused):
        open_rating(getattr(centre, who), centre.round_id, centre.sessions[0])


def test_a_coder_rates_only_in_rounds_that_name_them(centre):
    other = add_round(centre.admin, "Andres", [centre.other_coder.actor.id], centre.sessions)
    with pytest.raises(Refused) as refused:
        save_rating(centre.coder, other, centre.sessions[0], RatingDraft(), None)
    assert refused.value.code == "rating.not_coder"


def test_a_closed_round_is_not_rated(centre):
    closed = add_round(
        centre.admin, "Lukket", [centre.coder.actor.id], centre.sessions, status="closed"
    )
    with pytest.raises(Refused) as refused:
        open_rating(centre.coder, closed, centre.sessions[0])
    assert refused.value.code == "rating.round_closed"


def test_the_form_shows_only_pseudonymised_facts(centre):
    form = open_rating(centre.coder, centre.round_id, centre.sessions[0])
    facts = form.facts
    names = pseudonymiser(centre.admin.db)
    assert facts.pseudonym == names.session(centre.sessions[0])
    assert facts.number == 3 and facts.theme and facts.worksheets
    assert facts.minutes == 51.0
    assert [(a.point_id, a.minutes) for a in facts.agenda] == [
        ("check_in", 5.0),
        ("quote", 4.0),
        ("theme", 35.0),
        ("check_out", 7.0),
    ]
    assert facts.day is not None and facts.day.weekday() == 0 and facts.day.year in (2025, 2026)
    shown = repr(asdict(facts))
    for secret in ("K-4711", "Bodil", "Hansen", "mette", "Mette", "græd", "Ringe", "søster"):
        assert secret not in shown
    assert form.scale == SCALE and form.version is None and form.progress is Progress.NOT_STARTED


def test_a_draft_is_saved_as_typed_and_read_back(centre):
    c = centre
    draft = RatingDraft({"F1.adherence": 1.5, "P1.rating": "na"}, strengths="God struktur")
    saved = save_rating(c.coder, c.round_id, c.sessions[0], draft, None)
    form = open_rating(c.coder, c.round_id, c.sessions[0])
    assert form.draft == RatingDraft({"F1.adherence": 1.5, "P1.rating": "na"}, "God struktur", "")
    assert form.version == saved.version and form.progress is Progress.DRAFT
    again = save_rating(c.coder, c.round_id, c.sessions[0], RatingDraft({}), saved.version)
    assert again.version > saved.version
    # the other coder's rating of the same session is their own
    assert open_rating(c.other_coder, c.round_id, c.sessions[0]).draft == RatingDraft()


def test_a_stale_version_is_refused_and_changes_nothing(centre):
    c = centre
    first = save_rating(c.coder, c.round_id, c.sessions[0], RatingDraft({"F1.adherence": 1}), None)
    save_rating(c.coder, c.round_id, c.sessions[0], RatingDraft({"F1.adherence": 2}), first.version)
    for stale in (first.version, None):
        with pytest.raises(Refused) as refused:
            save_rating(c.coder, c.round_id, c.sessions[0], RatingDraft({"F1.adherence": 3}), stale)
        assert refused.value.code == "db.conflict"
    assert open_rating(c.coder, c.round_id, c.sessions[0]).draft.ratings == {"F1.adherence": 2}


@pytest.mark.parametrize(
    ("ratings", "code"),
    [
        ({"F9.adherence": 1}, "rating.unknown_key"),
        ({"F1.adherence": 3.5}, "rating.out_of_range"),
        ({"F1.adherence": -1}, "rating.out_of_range"),
        ({"F1.adherence": 1.25}, "rating.half_points"),
        ({"F1.adherence": "2"}, "rating.not_a_value"),
        ({"F1.adherence": True}, "rating.not_a_value"),
        ({"F1.adherence": "maybe"}, "rating.not_a_value"),
    ],
)
def test_a_value_off_the_scale_is_refused(centre, ratings, code):
    with pytest.raises(InvalidInput) as invalid:
        save_rating(centre.coder, centre.round_id, centre.sessions[0], RatingDraft(ratings), None)
    assert invalid.value.code == code
    with centre.admin.db.reading() as tx:
        assert tx.scalars(select(CodingRating)).all() == []


def test_what_a_scale_allows_decides():
    strict = replace(SCALE, half_points=False, allows_na=False, allows_cant_rate=False)
    refused = {
        1.5: "rating.whole_points",
        "na": "rating.na_not_allowed",
        "cant_rate": "rating.cant_rate_not_allowed",
    }
    for value, code in refused.items():
        with pytest.raises(InvalidInput) as invalid:
            check_value(strict, "F1.adherence", value)
        assert invalid.value.code == code
    assert check_value(SCALE, "F1.adherence", 2.0) == 2
    assert isinstance(check_value(SCALE, "F1.adherence", 2.0), int)


def test_a_note_is_bounded(centre):
    with pytest.raises(InvalidInput) as invalid:
        draft = RatingDraft({}, weaknesses="x" * (MAX_NOTE + 1))
        save_rating(centre.coder, centre.round_id, centre.sessions[0], draft, None)
    assert invalid.value.code == "rating.note_too_long"


def test_submitting_needs_every_key_and_then_locks(centre):
    c = centre
    partial = {k: v for k, v in FULL.items() if k != "P1.rating"}
    with pytest.raises(InvalidInput) as invalid:
        submit_rating(c.coder, c.round_id, c.sessions[0], RatingDraft(partial), None)
    assert invalid.value.code == "rating.incomplete"
    assert invalid.value.facts == {"count": 1, "first": "P1.rating"}
    saved = submit_rating(c.coder, c.round_id, c.sessions[0], RatingDraft(FULL, "Godt"), None)
    form = open_rating(c.coder, c.round_id, c.sessions[0])
    assert form.progress is Progress.SUBMITTED and dict(form.draft.ratings) == FULL
    for change in (save_rating, submit_rating):
        with pytest.raises(Refused) as refused:
            change(c.coder, c.round_id, c.sessions[0], RatingDraft(FULL), saved.version)
        assert refused.value.code == "rating.submitted"
    with c.admin.db.reading() as tx:
        event = tx.scalars(select(AuditEvent).where(AuditEvent.action == "coding.submit")).one()
        assert event.user_name == "coder" and event.object_id == c.round_id


def test_a_session_outside_the_round_is_refused(centre):
    only_first = add_round(centre.admin, "Lille", [centre.coder.actor.id], centre.sessions[:1])
    with pytest.raises(InvalidInput) as invalid:
        open_rating(centre.coder, only_first, centre.sessions[1])
    assert invalid.value.code == "rating.not_in_round"


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("", None),
        (" ", None),
        ("2", 2),
        ("1.5", 1.5),
        ("1,5", 1.5),
        ("NA", "cant_rate"),
        ("na", "cant_rate"),
        ("0", 0),
    ],
)
def test_a_sheet_cell_reads(cell, value):
    assert read_cell(cell) == value


@pytest.mark.parametrize("cell", ["1_5", "2x", "1.5.0", "nan", "inf", "1,5,0", "½"])
def test_a_sheet_cell_that_is_not_a_number_is_refused(cell):
    with pytest.raises(InvalidInput):
        read_cell(cell)


def test_the_keys_are_the_scales():
    assert KEYS == ("F1.adherence", "F1.helpfulness", "F2.adherence", "P1.rating")


def test_a_round_is_rated_on_the_shipped_scale_of_its_version(admin):
    c = coding_centre(admin)
    with admin.db.transaction() as tx:
        tx.get(CodingRound, c.round_id).scale_id = "ss-adherence"
    form = open_rating(c.coder, c.round_id, c.sessions[0])
    assert form.scale.id == "ss-adherence" and str(form.scale.version) == "1.0.0"
    every = dict.fromkeys(form.scale.rating_keys(), 2)
    submit_rating(c.coder, c.round_id, c.sessions[0], RatingDraft(every), None)
