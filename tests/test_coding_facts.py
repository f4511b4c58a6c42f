"""A sampled session's facts for coders, worked out once (services/coding_facts.py) for the
rating form and the coding export: pseudonymised, minutes of the timed agenda points, the
theme and worksheets by title, and the theme's id when its pack is gone."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from traumefokus.domain.pseudonyms import Pseudonymiser
from traumefokus.domain.vocabulary import Method
from traumefokus.services.coding_facts import session_facts, to_minutes
from traumefokus.services.coding_rounds import SampledSession

SESSION = SampledSession(
    position=1,
    session_id="s-1",
    client_id="c-1",
    method=Method.SEEKING_SAFETY,
    programme="move-ss",
    programme_version="1.0.0",
    pack_id="seeking-safety",
    pack_version="1.0.0",
    theme_id="safety",
    number=3,
    day=date(2026, 3, 4),
    planned_minutes=60,
    agenda_seconds={"check_in": 290, "quote": True, "theme": 2100, "extra": 60, "x": "7"},
    worksheets=("safe-and-unsafe", "gone-sheet"),
    recording_file="K-4711 session 3.mp3",
)


def test_the_facts_are_pseudonymised_and_timed(admin):
    names = Pseudonymiser(b"k" * 32)
    facts = session_facts(admin, names, SESSION)
    assert facts.pseudonym == names.session("s-1") and facts.pseudonym != "s-1"
    assert facts.day == names.day("c-1", date(2026, 3, 4)) != date(2026, 3, 4)
    assert (facts.theme_id, facts.theme) == ("safety", "Sikkerhed")
    assert facts.worksheets == ("Hvad gør mig mere og mindre sikker?", "gone-sheet")
    assert facts.worksheet_ids == ("safe-and-unsafe", "gone-sheet")
    # a flag or a text is not a time: the length is the sum of the numbers only
    assert facts.minutes == round((290 + 2100 + 60) / 60, 1) == 40.8
    assert facts.minutes_at("check_in") == 4.8 and facts.minutes_at("quote") is None
    assert facts.minutes_at("extra") == 1.0  # timed though not on the programme's agenda
    agenda = {a.point_id: a.minutes for a in facts.agenda}
    assert agenda["check_in"] == 4.8 and agenda["check_out"] is None and "extra" not in agenda
    assert "K-4711" not in repr(facts)


def test_a_pack_that_is_gone_leaves_the_theme_s_id(admin):
    gone = replace(SESSION, pack_id="no-such-pack", programme="no-such-programme")
    facts = session_facts(admin, Pseudonymiser(b"k" * 32), gone)
    assert (facts.theme, facts.worksheets, facts.agenda) == ("safety", SESSION.worksheets, ())


def test_minutes_have_one_decimal_and_only_numbers_count():
    assert [to_minutes(v) for v in (90, 29, 0, 59.9)] == [1.5, 0.5, 0.0, 1.0]
    assert [to_minutes(v) for v in (None, True, "60")] == [None, None, None]
