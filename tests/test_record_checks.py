"""Record-based format items: each rule over one session's note and the programme's agenda
targets gives met, not met or cannot tell, with the facts it was judged on."""

from __future__ import annotations

import pytest

from traumefokus.domain.content import AgendaPoint
from traumefokus.domain.record_checks import (
    CHECK_OUT_MIN_SHARE,
    Outcome,
    check,
    check_all,
    whole_minutes,
)
from traumefokus.domain.scales import RECORD_RULES
from traumefokus.domain.session_note import CheckIn, CheckOut, NoteDraft, QuoteTalk, WorksheetUse

AGENDA = (
    AgendaPoint("check_in", "Tjek-ind", "Check-in", 5, 5),
    AgendaPoint("quote", "Citat", "Quote", 5, 10),
    AgendaPoint("theme", "Tema", "Theme", 35, 40, 30),
    AgendaPoint("check_out", "Tjek-ud", "Check-out", 10, 10),
)


def full_note(**seconds: int) -> NoteDraft:
    """A note where everything was done, on time unless `seconds` says otherwise."""
    timing = {"check_in": 300, "quote": 300, "theme": 2100, "check_out": 600, **seconds}
    return NoteDraft(
        check_in=CheckIn(feeling="Træt", commitment_done="yes"),
        quote=QuoteTalk(understanding="At man kan starte forfra"),
        worksheets=[WorksheetUse("ws1", handed_out=True), WorksheetUse("ws2")],
        check_out=CheckOut(takeaway="Pauser"),
        commitment="Gå en tur hver dag",
        agenda_seconds=timing,
    )


def test_every_rule_is_met_by_a_full_note_on_time() -> None:
    results = check_all(RECORD_RULES, full_note(), AGENDA)
    assert [r.rule for r in results] == list(RECORD_RULES)
    assert all(r.outcome is Outcome.MET for r in results), results


def test_an_empty_note_without_times_meets_nothing_and_cannot_tell_the_times() -> None:
    results = {r.rule: r.outcome for r in check_all(RECORD_RULES, NoteDraft(), AGENDA)}
    assert results == {
        "check_in_done": Outcome.NOT_MET,
        "check_in_within_time": Outcome.CANNOT_TELL,
        "quote_used": Outcome.NOT_MET,
        "worksheets_used": Outcome.NOT_MET,
        "worksheets_handed_out": Outcome.NOT_MET,
        "commitment_set": Outcome.NOT_MET,
        "check_out_done": Outcome.NOT_MET,
        "check_out_not_rushed": Outcome.CANNOT_TELL,
    }


def test_rushed_check_out_says_minutes_taken_of_the_target() -> None:
    result = check("check_out_not_rushed", full_note(check_out=125), AGENDA)
    assert result.outcome is Outcome.NOT_MET
    assert (result.minutes, result.target_minutes) == (2, 10)
    assert result.limit_minutes == 10 * CHECK_OUT_MIN_SHARE


@pytest.mark.parametrize(
    ("seconds", "outcome"),
    [(0, Outcome.NOT_MET), (269, Outcome.NOT_MET), (270, Outcome.MET), (900, Outcome.MET)],
)
def test_check_out_is_rushed_below_half_its_target_in_whole_minutes(
    seconds: int, outcome: Outcome
) -> None:
    # Half of 10 minutes is 5: 4:29 rounds to 4 (rushed), 4:30 to 5 (not rushed).
    assert check("check_out_not_rushed", full_note(check_out=seconds), AGENDA).outcome is outcome


@pytest.mark.parametrize(
    ("seconds", "outcome"),
    [(0, Outcome.NOT_MET), (60, Outcome.MET), (329, Outcome.MET), (330, Outcome.NOT_MET)],
)
def test_check_in_within_its_maximum_and_not_skipped(seconds: int, outcome: Outcome) -> None:
    result = check("check_in_within_time", full_note(check_in=seconds), AGENDA)
    assert result.outcome is outcome
    assert (result.max_minutes, result.limit_minutes) == (5, 5)


def test_no_time_recorded_or_no_such_point_cannot_tell() -> None:
    note = full_note()
    del note.agenda_seconds["check_out"]
    assert check("check_out_not_rushed", note, AGENDA).outcome is Outcome.CANNOT_TELL
    no_check_in = tuple(p for p in AGENDA if p.id != "check_in")
    assert check("check_in_within_time", full_note(), no_check_in).outcome is Outcome.CANNOT_TELL


def test_done_is_what_was_noted_and_time_alone_cannot_tell() -> None:
    timed_only = NoteDraft(agenda_seconds={"check_in": 240, "check_out": 0})
    assert check("check_in_done", timed_only, AGENDA).outcome is Outcome.CANNOT_TELL
    assert check("check_out_done", timed_only, AGENDA).outcome is Outcome.NOT_MET
    score_only = NoteDraft(check_in=CheckIn(feeling_score=4))
    assert check("check_in_done", score_only, AGENDA).outcome is Outcome.MET
    point_note = NoteDraft(notes={"check_out": "Kort udtjekning"})
    assert check("check_out_done", point_note, AGENDA).outcome is Outcome.MET
    blank = NoteDraft(check_out=CheckOut(takeaway="   "))
    assert check("check_out_done", blank, AGENDA).outcome is Outcome.NOT_MET


def test_quote_used_needs_the_clients_reading() -> None:
    assert check("quote_used", full_note(), AGENDA).outcome is Outcome.MET
    link_only = NoteDraft(quote=QuoteTalk(link="Tema om grænser"))
    assert check("quote_used", link_only, AGENDA).outcome is Outcome.CANNOT_TELL
    timed = NoteDraft(agenda_seconds={"quote": 180})
    result = check("quote_used", timed, AGENDA)
    assert (result.outcome, result.minutes) == (Outcome.CANNOT_TELL, 3)


def test_worksheets_used_and_handed_out_count_them() -> None:
    used = check("worksheets_used", full_note(), AGENDA)
    assert (used.outcome, used.worksheets_used, used.handed_out) == (Outcome.MET, 2, 1)
    none_handed = NoteDraft(worksheets=[WorksheetUse("ws1"), WorksheetUse("ws2")])
    result = check("worksheets_handed_out", none_handed, AGENDA)
    assert (result.outcome, result.worksheets_used, result.handed_out) == (Outcome.NOT_MET, 2, 0)


def test_commitment_must_have_words() -> None:
    assert check("commitment_set", full_note(), AGENDA).met
    assert not check("commitment_set", NoteDraft(commitment="  "), AGENDA).met


def test_minutes_round_half_up_and_an_unknown_rule_is_a_bug() -> None:
    assert [whole_minutes(s) for s in (0, 29, 30, 89, 90)] == [0, 0, 1, 1, 2]
    with pytest.raises(ValueError):
        check("not_a_rule", NoteDraft(), AGENDA)
