"""A missed trauma session never loses its theme silently: the theme is moved to an extra
session, replaced by another offered theme, or dropped with a reason; each is its own kind in
the plan history; a course is completed only when every chosen theme was held or dropped."""

from datetime import date, time, timedelta

import pytest

from factories import planned_course
from schema import validate_records
from traumefokus.domain.themes import ThemeState, open_themes, theme_states, unfinished_themes
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.courses import end_course, view_course
from traumefokus.services.missed_themes import drop_missed_theme, replace_missed_theme
from traumefokus.services.records import collect_records
from traumefokus.services.session_notes import sign_note

pytestmark = pytest.mark.both_databases

MONDAY = date(2026, 1, 5)


def test_theme_states_from_the_sessions():
    sessions = [
        ("trauma", "a", "held"),
        ("trauma", "b", "no_show"),
        ("trauma", "c", None),
        ("trauma", "d", "cancelled_client"),
        ("move", "e", "held"),  # not a trauma session: does not hold a theme
    ]
    states = theme_states(["a", "b", "c", "d", "e"], {"d": "Ønskede det ikke"}, sessions)
    assert states == {
        "a": ThemeState.HELD,
        "b": ThemeState.OPEN,
        "c": ThemeState.PLANNED,
        "d": ThemeState.DROPPED,
        "e": ThemeState.OPEN,
    }
    assert open_themes(states) == ["b", "e"]
    assert unfinished_themes(states) == ["b", "c", "e"]


@pytest.fixture
def course_id(db, admin, therapist, library):
    client = add_client(admin, "K-0040")
    return planned_course(therapist, client.id, start=MONDAY, at=time(10))


def number(course, n):
    return next(s for s in course.sessions if s.number == n)


def miss_session_3(therapist, course_id):
    three = number(view_course(therapist, course_id), 3)
    planning.record_attendance(therapist, three.id, "no_show")
    return three


def test_a_missed_theme_is_open_until_decided(db, therapist, course_id):
    miss_session_3(therapist, course_id)
    course = view_course(therapist, course_id)
    assert course.theme_states["safety"] is ThemeState.OPEN
    assert open_themes(course.theme_states) == ["safety"]


def test_moving_the_missed_theme_to_an_extra_session(db, therapist, course_id):
    three = miss_session_3(therapist, course_id)
    planning.defer_theme(therapist, three.id, "Udeblev")
    course = view_course(therapist, course_id)
    [extra] = [s for s in course.sessions if s.extra]
    assert extra.theme_id == "safety"
    assert extra.planned_date == number(course, 8).planned_date + timedelta(days=7)
    assert course.theme_states["safety"] is ThemeState.PLANNED
    last = course.history[-1]
    assert (last.kind, last.reason) == ("theme_deferred", "Udeblev")
    with pytest.raises(Refused) as refused:  # decided once: not twice
        planning.defer_theme(therapist, three.id)
    assert refused.value.code == "plan.theme_not_missed"


def test_replacing_the_missed_theme_by_another_offered_theme(db, admin, therapist, course_id):
    three = miss_session_3(therapist, course_id)
    with pytest.raises(InvalidInput):  # already chosen
        replace_missed_theme(therapist, three.id, "grounding")
    with pytest.raises(InvalidInput):  # not offered by the programme
        replace_missed_theme(therapist, three.id, "no-such-theme")
    replace_missed_theme(therapist, three.id, "anger", "Vrede fylder mere nu")
    course = view_course(therapist, course_id)
    assert "safety" not in course.chosen_themes and "anger" in course.chosen_themes
    [extra] = [s for s in course.sessions if s.extra]
    assert extra.theme_id == "anger"
    assert set(course.theme_states.values()) == {ThemeState.PLANNED}
    history = collect_records(admin)["clients"][0]["courses"][0]["plan_history"][-1]
    assert history["kind"] == "theme_replaced"
    assert history["details"]["theme"] == "safety"
    assert history["details"]["new_theme"] == "anger"
    assert history["reason"] == "Vrede fylder mere nu"


def test_dropping_the_missed_theme_needs_a_reason(db, admin, therapist, course_id):
    three = miss_session_3(therapist, course_id)
    with pytest.raises(InvalidInput) as refused:
        drop_missed_theme(therapist, three.id, "  ")
    assert refused.value.code == "plan.drop_reason_required"
    drop_missed_theme(therapist, three.id, "Klienten vil ikke arbejde med det nu")
    course = view_course(therapist, course_id)
    assert course.theme_states["safety"] is ThemeState.DROPPED
    document = collect_records(admin)
    validate_records(document)
    exported = document["clients"][0]["courses"][0]
    assert exported["dropped_themes"] == [
        {"theme": "safety", "reason": "Klienten vil ikke arbejde med det nu"}
    ]
    assert exported["plan_history"][-1]["kind"] == "theme_dropped"
    assert exported["plan_history"][-1]["details"]["theme"] == "safety"


def test_a_held_or_planned_session_has_no_missed_theme(db, therapist, course_id):
    course = view_course(therapist, course_id)
    with pytest.raises(Refused):
        drop_missed_theme(therapist, number(course, 4).id, "Ikke aktuelt")
    sign_note(therapist, number(course, 4).id, attendance="held", day=MONDAY)
    with pytest.raises(Refused):
        replace_missed_theme(therapist, number(course, 4).id, "anger")


def hold_all(therapist, course_id):
    for s in view_course(therapist, course_id).sessions:
        if s.attendance is None and s.follow_up_month is None:
            sign_note(therapist, s.id, attendance="held", day=s.planned_date)


def test_a_course_is_completed_only_when_every_theme_was_held_or_dropped(db, therapist, course_id):
    three = miss_session_3(therapist, course_id)
    hold_all(therapist, course_id)
    with pytest.raises(Refused) as refused:
        end_course(therapist, course_id, status="completed", end_date=date(2026, 5, 1))
    assert refused.value.code == "course.themes_unfinished"
    assert "Sikkerhed" in str(refused.value)  # named by its title
    drop_missed_theme(therapist, three.id, "Klienten ønskede at slutte af")
    end_course(therapist, course_id, status="completed", end_date=date(2026, 5, 1))
    assert view_course(therapist, course_id).status == "completed"


def test_a_course_ending_early_keeps_its_open_themes(db, therapist, course_id):
    miss_session_3(therapist, course_id)
    end_course(
        therapist,
        course_id,
        status="ended_early",
        end_date=date(2026, 2, 1),
        reason="dropped_out",
        reasons=("dropped_out",),
    )
    assert view_course(therapist, course_id).theme_states["safety"] is ThemeState.OPEN


def test_a_missed_session_whose_theme_was_decided_stays_missed(db, therapist, course_id):
    three = miss_session_3(therapist, course_id)
    planning.record_attendance(therapist, three.id, "cancelled_client")  # still missed: fine
    planning.defer_theme(therapist, three.id)
    for attendance in ("held", None):
        with pytest.raises(Refused) as refused:
            planning.record_attendance(therapist, three.id, attendance)
        assert refused.value.code == "session.theme_decided"
    course = view_course(therapist, course_id)
    assert [s.theme_id for s in course.sessions if s.attendance is None].count("safety") == 1


def test_a_missed_session_still_undecided_can_be_corrected(db, therapist, course_id):
    three = miss_session_3(therapist, course_id)
    planning.record_attendance(therapist, three.id, "held")  # a mistake, put right
    assert view_course(therapist, course_id).theme_states["safety"] is ThemeState.HELD


def test_signing_a_decided_missed_session_as_held_is_refused(db, therapist, course_id):
    three = miss_session_3(therapist, course_id)
    drop_missed_theme(therapist, three.id, "Ikke aktuelt længere")
    with pytest.raises(Refused) as refused:
        sign_note(therapist, three.id, attendance="held", day=MONDAY)
    assert refused.value.code == "session.theme_decided"


def test_saving_the_same_themes_after_a_drop_changes_no_session(db, therapist, course_id):
    three = miss_session_3(therapist, course_id)
    drop_missed_theme(therapist, three.id, "Ikke aktuelt")
    before = view_course(therapist, course_id)
    planning.choose_themes(therapist, course_id, list(before.chosen_themes))
    after = view_course(therapist, course_id)
    assert [(s.id, s.theme_id, s.planned_date) for s in after.sessions] == [
        (s.id, s.theme_id, s.planned_date) for s in before.sessions
    ]
    assert after.theme_states["safety"] is ThemeState.DROPPED


def test_saving_the_themes_leaves_an_open_theme_for_its_decision(db, therapist, course_id):
    miss_session_3(therapist, course_id)
    before = view_course(therapist, course_id)
    planning.choose_themes(therapist, course_id, list(before.chosen_themes))
    after = view_course(therapist, course_id)
    assert not [s for s in after.sessions if s.extra]
    assert open_themes(after.theme_states) == ["safety"]


def test_an_extra_session_for_a_dropped_theme_takes_the_drop_back(db, therapist, course_id):
    three = miss_session_3(therapist, course_id)
    drop_missed_theme(therapist, three.id, "Ikke nu")
    planning.add_extra_session(
        therapist, course_id, kind="trauma", theme="safety", day=date(2026, 4, 1), at=None
    )
    course = view_course(therapist, course_id)
    assert course.theme_states["safety"] is ThemeState.PLANNED
    assert "safety" not in course.dropped_themes


def test_an_ended_course_keeps_its_held_themes(db, therapist, course_id):
    for s in view_course(therapist, course_id).sessions:  # recorded, notes not signed yet
        if s.follow_up_month is None:
            planning.record_attendance(therapist, s.id, "held")
    end_course(therapist, course_id, status="completed", end_date=date(2026, 5, 1))
    three = number(view_course(therapist, course_id), 3)
    with pytest.raises(Refused) as refused:
        planning.record_attendance(therapist, three.id, "no_show")
    assert refused.value.code == "session.theme_held_on_ended_course"
    assert view_course(therapist, course_id).theme_states["safety"] is ThemeState.HELD


def test_a_late_decision_puts_the_extra_session_after_what_was_recorded(db, therapist, course_id):
    course = view_course(therapist, course_id)
    eight = number(course, 8)
    planning.record_attendance(therapist, eight.id, "no_show")
    for n in (9, 10):  # held before the therapist decided
        s = number(course, n)
        sign_note(therapist, s.id, attendance="held", day=s.planned_date)
    planning.defer_theme(therapist, eight.id, "Besluttet sent")
    course = view_course(therapist, course_id)
    [extra] = [s for s in course.sessions if s.extra]
    ten = number(course, 10)
    assert extra.planned_date == ten.date + timedelta(days=7)
    assert number(course, 11).planned_date == extra.planned_date + timedelta(days=7)
