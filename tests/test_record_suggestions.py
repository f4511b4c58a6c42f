"""What the record suggests for a coder's record-based items: met is the value below the top,
not met the bottom (or the step above it when the point took time), cannot tell nothing; only
the item's first rating; never over a key already rated; the facts only times and counts. The
rating service hands them to the form for the items not yet rated and never stores them."""

from __future__ import annotations

from dataclasses import asdict, replace

import pytest

from coding_fixtures import INTERVENTIONS, SCALE, coding_centre, use_scale
from traumefokus.domain.coding_ratings import RatingDraft
from traumefokus.domain.record_checks import Outcome, RecordCheck
from traumefokus.domain.record_suggestions import (
    Suggestion,
    ladder,
    suggested_value,
    suggestions,
)
from traumefokus.domain.scales import RECORD_RULES, Anchor, ItemRating, ScaleItem, ScalePart
from traumefokus.services.coding_ratings import open_rating, save_rating, submit_rating
from traumefokus.storage.models import CodingRating

PART = ScalePart("interventions", "Interventioner", INTERVENTIONS)


def prefill_scale():
    """The test scale with record rules: F1 (rated twice) check-in in its time, F2 a
    commitment set, F3 a quote used; P1 none."""
    f1, f2, p1 = SCALE.items
    return replace(
        SCALE,
        items=(
            replace(f1, record_rule="check_in_within_time"),
            replace(f2, record_rule="commitment_set"),
            ScaleItem(
                "F3",
                "Citat",
                "format",
                (ItemRating("adherence", "interventions"),),
                True,
                record_rule="quote_used",
            ),
            p1,
        ),
    )


def check(outcome, rule="check_out_not_rushed", **facts):
    return RecordCheck(rule, Outcome(outcome), **facts)


RUSHED = dict(point="check_out", minutes=2, target_minutes=10, max_minutes=10, limit_minutes=5.0)


@pytest.mark.parametrize(
    ("found", "value"),
    [
        (check("met", **{**RUSHED, "minutes": 7}), 2),  # done in its time: "Høj", not the top
        (check("not_met", **RUSHED), 1),  # done but rushed: "Lav"
        (check("not_met", **{**RUSHED, "minutes": 0}), 0),  # 0 minutes: not done at all
        (check("not_met", rule="commitment_set", point="check_out"), 0),
        (check("not_met", rule="worksheets_handed_out", worksheets_used=2, handed_out=0), 0),
        (check("cannot_tell", rule="quote_used", point="quote", minutes=4), None),
    ],
)
def test_the_verdict_gives_a_value_on_the_anchors(found, value):
    assert suggested_value(SCALE, PART, found) == value


def test_a_part_with_few_anchors_climbs_the_whole_range():
    sparse = ScalePart("p", "P", (Anchor(1, "Lav"), Anchor(5, "Høj")))
    wide = replace(SCALE, minimum=1, maximum=5)
    assert ladder(wide, sparse) == (1, 2, 3, 4, 5)
    assert suggested_value(wide, sparse, check("met")) == 4
    assert suggested_value(wide, sparse, check("not_met", **RUSHED)) == 2
    yes_no = replace(SCALE, minimum=0, maximum=1)
    assert suggested_value(yes_no, None, check("met")) == 1
    assert suggested_value(yes_no, None, check("not_met", **RUSHED)) == 0


def test_only_the_first_rating_and_never_over_a_rated_key():
    scale = prefill_scale()
    checks = [
        ("F1", check("met", rule="check_in_within_time", minutes=5)),
        ("F2", check("not_met", rule="commitment_set")),
        ("F3", check("cannot_tell", rule="quote_used")),
        ("gone", check("met")),
    ]
    found = suggestions(scale, checks, rated=set())
    assert [(s.key, s.value) for s in found] == [("F1.adherence", 2), ("F2.adherence", 0)]
    assert suggestions(scale, checks, rated={"F1.adherence"}) == (found[1],)
    assert all(scale.accepts(s.value) for s in found)


@pytest.fixture
def centre(admin, monkeypatch):
    use_scale(monkeypatch, prefill_scale())
    return coding_centre(admin)


def facts_only(suggestion: Suggestion) -> bool:
    """Nothing but the rule, the verdict, the agenda point's id and numbers."""
    facts = asdict(suggestion.check)
    rule, outcome, point = facts.pop("rule"), facts.pop("outcome"), facts.pop("point")
    return (
        rule in RECORD_RULES
        and isinstance(outcome, Outcome)
        and point in (None, "check_in", "quote", "theme", "check_out")
        and all(v is None or type(v) in (int, float) for v in facts.values())
    )


@pytest.mark.both_databases
def test_the_form_comes_with_the_record_s_suggestions(centre):
    c = centre
    form = open_rating(c.coder, c.round_id, c.sessions[0])
    # check-in took 5 of at most 5 minutes, a commitment is written; the quote's time alone
    # cannot tell, and helpfulness is never suggested
    assert [(s.key, s.value) for s in form.suggestions] == [
        ("F1.adherence", 2),
        ("F2.adherence", 2),
    ]
    assert form.suggestions[0].check.minutes == 5 and form.suggestions[0].check.max_minutes == 5
    assert all(facts_only(s) for s in form.suggestions)
    assert form.draft.ratings == {}  # a suggestion is not a rating
    with c.admin.db.reading() as tx:
        assert tx.query(CodingRating).count() == 0


@pytest.mark.both_databases
def test_a_rated_key_is_not_suggested_over_and_a_submitted_rating_gets_none(centre):
    c = centre
    save_rating(c.coder, c.round_id, c.sessions[0], RatingDraft({"F1.adherence": "na"}), None)
    form = open_rating(c.coder, c.round_id, c.sessions[0])
    assert form.draft.ratings == {"F1.adherence": "na"}
    assert [s.key for s in form.suggestions] == ["F2.adherence"]
    full = {k: 1 for k in prefill_scale().rating_keys()}
    submit_rating(c.coder, c.round_id, c.sessions[1], RatingDraft(full), None)
    assert open_rating(c.coder, c.round_id, c.sessions[1]).suggestions == ()
    # the other coder gets their own suggestions
    assert len(open_rating(c.other_coder, c.round_id, c.sessions[0]).suggestions) == 2
