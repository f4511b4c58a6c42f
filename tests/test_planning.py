"""Course planning: layout from the programme, themes, re-planning, attendance, history."""

from datetime import date, time, timedelta

import pytest

from factories import person, planned_course
from schema import validate_records
from traumefokus.domain.course_plan import add_months, lay_out, next_weekday_after
from traumefokus.domain.vocabulary import SessionKind
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.courses import create_course, end_course, view_course
from traumefokus.services.records import collect_records

pytestmark = pytest.mark.both_databases

MONDAY = date(2026, 1, 5)
SS_THEMES = ["safety", "grounding", "asking-for-help", "honesty", "boundaries", "triggers"]


@pytest.fixture
def therapist(db, admin):
    return person(admin, "mette", "therapist")


@pytest.fixture
def client(db, admin):
    return add_client(admin, "K-0001", site="Nord")


@pytest.fixture
def course_id(db, therapist, client, library):
    return planned_course(
        therapist,
        client.id,
        programme="move-ss",
        start=MONDAY,
        weekday=2,
        at=time(10, 0),
        themes=None,
    )


def view(admin, course_id, lang="en"):
    return view_course(admin, course_id, lang=lang)


def by_number(course, number):
    return next(s for s in course.sessions if s.number == number)


# --- the rules -----------------------------------------------------------------------------


def test_add_months_keeps_the_day_or_ends_the_month():
    assert add_months(date(2026, 1, 15), 1) == date(2026, 2, 15)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)


def test_next_weekday_is_strictly_after():
    assert next_weekday_after(MONDAY, 0) == MONDAY + timedelta(days=7)
    assert next_weekday_after(MONDAY, 2) == date(2026, 1, 7)


def test_layout_follows_the_programme(library):
    programme = library.programme("move-ss")
    planned = lay_out(programme, MONDAY, 2, time(10, 0))
    assert [(p.number, p.kind.value) for p in planned[:4]] == [
        (0, "assessment"),
        (1, "move"),
        (2, "move"),
        (3, "trauma"),
    ]
    assert [p.number for p in planned if p.kind is SessionKind.TRAUMA] == [3, 4, 5, 6, 7, 8]
    assert planned[0].planned_date == MONDAY
    assert planned[1].planned_date == date(2026, 1, 7)  # the first Wednesday after the start
    assert planned[12].planned_date == date(2026, 1, 7) + timedelta(weeks=11)
    # a month after Wednesday 25 March is a Saturday: the follow-up is the next Wednesday
    assert [(p.follow_up_month, p.planned_date) for p in planned[13:]] == [
        (1, date(2026, 4, 29)),
        (6, date(2026, 9, 30)),
    ]
    assert {p.minutes for p in planned if p.kind is SessionKind.TRAUMA} == {60}
    assert planned[1].minutes == 60 and planned[13].minutes == 45


def test_a_new_course_is_laid_out_planned_and_logged(db, admin, library, course_id):
    course = view(admin, course_id)
    assert course.status == "planned" and course.method == "SS"
    assert (course.programme_id, course.programme_version) == ("move-ss", "1.0.0")
    assert (course.pack_id, course.pack_version) == ("seeking-safety", "1.0.0")
    assert len(course.sessions) == 15 and course.planned == 13
    assert course.next_session.number == 0
    assert course.history[0].kind == "created"
    assert course.history[0].description.startswith("Course planned from move-ss 1.0.0: 15")


def test_the_versions_a_course_uses_are_kept_in_the_data_directory(
    db, library, course_id, workspace
):
    data = workspace.data_dir
    assert (data.packs / "seeking-safety" / "1.0.0" / "pack.toml").exists()
    assert (data.programmes / "move-ss" / "1.0.0.toml").exists()


def test_one_open_course_per_client(db, therapist, client, library, course_id):
    with pytest.raises(InvalidInput) as refused:
        planned_course(
            therapist,
            client.id,
            programme="move-cc",
            start=MONDAY,
            weekday=2,
            at=None,
            themes=None,
        )
    assert refused.value.code == "course.one_open"
    assert "already has a course that is planned" in str(refused.value)


def test_a_new_course_is_possible_once_the_last_has_ended(
    db, therapist, client, library, course_id
):
    end_course(therapist, course_id, status="completed", end_date=date(2026, 5, 1))
    second = planned_course(
        therapist,
        client.id,
        programme="move-cc",
        start=date(2026, 6, 1),
        weekday=0,
        at=None,
        themes=None,
    )
    assert second != course_id


def test_the_therapist_must_be_an_active_therapist(db, admin, client, library):
    with pytest.raises(InvalidInput) as refused:
        planned_course(
            admin,
            client.id,
            programme="move-ss",
            start=MONDAY,
            weekday=2,
            at=None,
            themes=None,
        )
    assert refused.value.code == "course.therapist_invalid"


def test_supervisors_and_coders_cannot_plan(db, admin, client, therapist, library):
    for role in ("supervisor", "coder"):
        someone = person(admin, f"x.{role}", role)
        with pytest.raises(Refused):
            create_course(
                someone,
                client_id=client.id,
                therapist_id=therapist.actor.id,
                programme_id="move-ss",
                start=MONDAY,
                weekday=2,
                at=None,
            )


# --- themes --------------------------------------------------------------------------------


def test_six_themes_go_into_sessions_3_to_8_in_order(db, admin, therapist, library, course_id):
    planning.choose_themes(therapist, course_id, SS_THEMES)
    course = view(admin, course_id, lang="da")
    assert [by_number(course, n).theme_id for n in range(3, 9)] == SS_THEMES
    assert by_number(course, 3).theme_title == "Sikkerhed"
    assert course.chosen_themes == tuple(SS_THEMES)
    # The history names the themes by their titles (the stored change keeps the ids).
    titles = [by_number(course, n).theme_title for n in range(3, 9)]
    assert course.history[-1].description == "Temaer valgt: " + ", ".join(titles)


@pytest.mark.parametrize(
    ("themes", "code"),
    [
        (SS_THEMES[:5], "plan.theme_count"),
        ([*SS_THEMES, "anger"], "plan.theme_count"),
        ([*SS_THEMES[:5], "safety"], "plan.theme_duplicate"),
        ([*SS_THEMES[:5], "termination"], "plan.theme_not_offered"),
    ],
)
def test_a_wrong_choice_changes_nothing_and_says_why(
    db, admin, therapist, library, course_id, themes, code
):
    with pytest.raises(InvalidInput) as refused:
        planning.choose_themes(therapist, course_id, themes)
    assert refused.value.code == code
    course = view(admin, course_id)
    assert course.chosen_themes == () and len(course.history) == 1


def test_swap_two_themes(db, admin, therapist, library, course_id):
    planning.choose_themes(therapist, course_id, SS_THEMES)
    course = view(admin, course_id)
    planning.swap_themes(
        therapist,
        by_number(course, 4).id,
        by_number(course, 7).id,
        "Klienten ønsker grænser før ærlighed",
    )
    course = view(admin, course_id)
    assert by_number(course, 4).theme_id == "boundaries"
    assert by_number(course, 7).theme_id == "grounding"
    assert course.chosen_themes == (
        "safety",
        "boundaries",
        "asking-for-help",
        "honesty",
        "grounding",
        "triggers",
    )
    assert course.history[-1].reason == "Klienten ønsker grænser før ærlighed"


def test_defer_a_theme_holds_a_move_session_and_moves_the_theme_later(
    db, admin, therapist, library, course_id
):
    planning.choose_themes(therapist, course_id, SS_THEMES)
    before = view(admin, course_id)
    session_9 = by_number(before, 9).planned_date
    planning.defer_theme(therapist, by_number(before, 4).id, "Ikke klar i dag")
    course = view(admin, course_id)
    four = by_number(course, 4)
    assert (four.kind, four.theme_id) == ("move", None)
    extra = next(s for s in course.sessions if s.extra)
    assert (extra.kind, extra.theme_id, extra.number) == ("trauma", "grounding", None)
    assert extra.planned_date == by_number(course, 8).planned_date + timedelta(days=7)
    assert by_number(course, 9).planned_date == session_9 + timedelta(days=7)
    assert course.chosen_themes[-1] == "grounding"
    assert course.history[-1].kind == "deferred"


def test_add_an_extra_session(db, admin, therapist, library, course_id):
    day = date(2026, 4, 20)
    planning.add_extra_session(
        therapist,
        course_id,
        kind="trauma",
        theme="anger",
        day=day,
        at=time(13, 0),
        reason="Klienten bad om mere",
    )
    course = view(admin, course_id)
    extra = next(s for s in course.sessions if s.extra)
    assert (extra.theme_id, extra.planned_date, extra.number) == ("anger", day, None)
    with pytest.raises(InvalidInput):
        planning.add_extra_session(
            therapist, course_id, kind="trauma", theme="termination", day=day, at=None
        )


def test_reschedule_and_a_date_before_the_start_is_refused(
    db, admin, therapist, library, course_id
):
    course = view(admin, course_id)
    five = by_number(course, 5)
    planning.reschedule(
        therapist,
        five.id,
        day=five.planned_date + timedelta(days=1),
        at=time(14, 0),
        reason="Helligdag",
    )
    with pytest.raises(InvalidInput) as refused:
        planning.reschedule(therapist, five.id, day=MONDAY - timedelta(days=1), at=None)
    assert refused.value.code == "plan.before_start"
    after = by_number(view(admin, course_id), 5)
    assert (after.planned_date, after.planned_time) == (
        five.planned_date + timedelta(days=1),
        time(14, 0),
    )


def test_shift_remaining_dates_after_a_missed_week(db, admin, therapist, library, course_id):
    course = view(admin, course_id)
    planning.record_attendance(therapist, by_number(course, 0).id, "held")
    moved = planning.shift_dates(therapist, by_number(course, 2).id, 7, "Syg i en uge")
    after = view(admin, course_id)
    assert moved == 13  # sessions 2-12 and both follow-ups
    assert by_number(after, 1).planned_date == by_number(course, 1).planned_date
    assert by_number(after, 2).planned_date == by_number(course, 2).planned_date + timedelta(7)


def test_attendance_starts_the_course_and_freezes_the_session(
    db, admin, therapist, library, course_id
):
    course = view(admin, course_id)
    zero = by_number(course, 0)
    planning.record_attendance(therapist, zero.id, "held")
    after = view(admin, course_id)
    assert after.status == "active" and after.attended == 1
    assert by_number(after, 0).date == MONDAY
    assert after.next_session.number == 1
    with pytest.raises(Refused) as refused:
        planning.reschedule(therapist, zero.id, day=date(2026, 1, 6), at=None)
    assert refused.value.code == "session.already_recorded"
    planning.record_attendance(therapist, by_number(after, 1).id, "no_show")
    assert view(admin, course_id).attended == 1


def test_attended_sessions_count_extras_but_not_follow_ups(
    db, admin, therapist, library, course_id
):
    course = view(admin, course_id)
    extra = planning.add_extra_session(
        therapist, course_id, kind="move", theme=None, day=date(2026, 2, 2), at=None
    )
    follow_up = next(s for s in course.sessions if s.follow_up_month == 1)
    for session_id in (by_number(course, 0).id, extra, follow_up.id):
        planning.record_attendance(therapist, session_id, "held")
    assert view(admin, course_id).attended == 2


def test_a_held_theme_cannot_be_chosen_away(db, admin, therapist, library, course_id):
    planning.choose_themes(therapist, course_id, SS_THEMES)
    planning.record_attendance(therapist, by_number(view(admin, course_id), 3).id, "held")
    with pytest.raises(Refused) as refused:
        planning.choose_themes(therapist, course_id, ["anger", *SS_THEMES[1:]])
    assert refused.value.code == "plan.theme_of_held_session"


def test_ending_early_needs_a_reason_and_words_for_other(db, admin, therapist, library, course_id):
    reasons = ("dropped_out", "other")
    with pytest.raises(InvalidInput):
        end_course(
            therapist,
            course_id,
            status="ended_early",
            end_date=date(2026, 3, 1),
            reasons=reasons,
        )
    with pytest.raises(InvalidInput) as refused:
        end_course(
            therapist,
            course_id,
            status="ended_early",
            end_date=date(2026, 3, 1),
            reason="other",
            reasons=reasons,
        )
    assert refused.value.code == "course.end_reason_text_required"
    end_course(
        therapist,
        course_id,
        status="ended_early",
        end_date=date(2026, 3, 1),
        reason="other",
        reason_text="Fik job i Aarhus",
        reasons=reasons,
    )
    course = view(admin, course_id)
    assert (course.status, course.end_reason, course.end_reason_text) == (
        "ended_early",
        "other",
        "Fik job i Aarhus",
    )
    with pytest.raises(Refused):
        planning.reschedule(therapist, by_number(course, 5).id, day=date(2026, 4, 1), at=None)


def test_the_plan_history_is_in_the_records_export(db, admin, therapist, library, course_id):
    planning.choose_themes(therapist, course_id, SS_THEMES, "Valgt sammen")
    document = collect_records(admin)
    validate_records(document)
    course = document["clients"][0]["courses"][0]
    assert [h["kind"] for h in course["plan_history"]] == ["created", "themes_chosen"]
    assert course["plan_history"][1] == {
        "at": course["plan_history"][1]["at"],
        "by": "mette",
        "kind": "themes_chosen",
        "details": {"themes": ", ".join(SS_THEMES)},
        "change": "Themes chosen: " + ", ".join(SS_THEMES),
        "reason": "Valgt sammen",
    }
    assert course["chosen_themes"] == SS_THEMES
    assert [s["number"] for s in course["sessions"]][:13] == list(range(13))
    assert course["sessions"][3]["planned_minutes"] == 60


def test_the_wrong_actor_for_a_course_view(admin, course_id):
    with pytest.raises(Refused):
        view_course(person(admin, "x", "coder"), course_id)


def test_an_itq_item_of_5_is_refused_and_nothing_saved(db, admin, therapist, library, course_id):
    from traumefokus.services.treatment import record_itq

    with pytest.raises(InvalidInput) as refused:
        record_itq(
            therapist, course_id, occasion="assessment", day=MONDAY, items={"P1": 5, "P2": 1}
        )
    assert refused.value.code == "itq.item_out_of_range"
    assert view(admin, course_id).itq == ()


def test_an_itq_with_items_missing_is_saved_as_incomplete(db, admin, therapist, library, course_id):
    from traumefokus.services.treatment import record_itq

    record_itq(therapist, course_id, occasion="assessment", day=MONDAY, items={"P1": 3, "P2": 3})
    [saved] = view(admin, course_id).itq
    assert saved.score.result.value == "incomplete" and len(saved.score.missing) == 16


# --- re-planning around what has been recorded ---------------------------------------------


def test_themes_can_be_chosen_after_a_trauma_session_was_missed(
    db, admin, therapist, library, course_id
):
    three = by_number(view(admin, course_id), 3)
    planning.record_attendance(therapist, three.id, "no_show")
    planning.choose_themes(therapist, course_id, SS_THEMES)
    course = view(admin, course_id)
    assert [by_number(course, n).theme_id for n in range(4, 9)] == SS_THEMES[:5]
    [extra] = [s for s in course.sessions if s.extra]
    assert (extra.theme_id, extra.kind) == (SS_THEMES[5], "trauma")
    assert extra.planned_date == by_number(course, 8).planned_date + timedelta(days=7)
    assert by_number(course, 3).theme_id is None
    assert [s.theme_id for s in course.theme_slots] == list(course.chosen_themes)


def test_the_theme_of_a_missed_session_can_be_put_aside(db, admin, therapist, library, course_id):
    planning.choose_themes(therapist, course_id, SS_THEMES)
    three = by_number(view(admin, course_id), 3)
    planning.record_attendance(therapist, three.id, "cancelled_client")
    planning.defer_theme(therapist, three.id, "Aflyst; temaet flyttes")
    course = view(admin, course_id)
    recorded = by_number(course, 3)
    assert (recorded.kind, recorded.theme_id, recorded.attendance) == (
        "trauma",
        "safety",
        "cancelled_client",
    )  # what happened stays as recorded
    assert [s.theme_id for s in course.theme_slots] == [*SS_THEMES[1:], "safety"]
    assert course.chosen_themes == (*SS_THEMES[1:], "safety")


def test_moving_a_session_keeps_the_chosen_themes_in_date_order(
    db, admin, therapist, library, course_id
):
    planning.choose_themes(therapist, course_id, SS_THEMES)
    course = view(admin, course_id)
    four, six = by_number(course, 4), by_number(course, 6)
    planning.reschedule(therapist, four.id, day=six.planned_date + timedelta(days=1), at=None)
    moved = view(admin, course_id)
    assert moved.chosen_themes == (
        "safety",
        "asking-for-help",
        "honesty",
        "grounding",
        "boundaries",
        "triggers",
    )
    planning.choose_themes(therapist, course_id, list(moved.chosen_themes))
    again = view(admin, course_id)
    assert by_number(again, 4).theme_id == "grounding"  # saving the same choice changes nothing


def test_an_extra_session_cannot_repeat_a_theme_that_has_a_session(
    db, therapist, library, course_id
):
    planning.choose_themes(therapist, course_id, SS_THEMES)
    with pytest.raises(InvalidInput) as refused:
        planning.add_extra_session(
            therapist,
            course_id,
            kind="trauma",
            theme="safety",
            day=date(2026, 5, 4),
            at=None,
        )
    assert refused.value.code == "plan.theme_has_session"


def test_a_newer_pack_never_changes_a_course_under_way(
    db, admin, therapist, library, course_id, tmp_path
):
    import shutil

    from traumefokus.paths import shipped_dir

    newer = tmp_path / "ss-1.1"
    shutil.copytree(shipped_dir("manuals") / "seeking-safety", newer)
    toml = newer / "pack.toml"
    text = toml.read_text(encoding="utf-8").replace('version = "1.0.0"', 'version = "1.1.0"')
    toml.write_text(text.replace('id = "triggers"', 'id = "triggers-renamed"'), encoding="utf-8")
    shutil.move(newer / "themes" / "triggers", newer / "themes" / "triggers-renamed")
    library.install(newer)
    assert str(library.pack("seeking-safety").version) == "1.1.0"
    planning.choose_themes(therapist, course_id, SS_THEMES)  # "triggers" is 1.0.0
    course = view(admin, course_id)
    assert course.pack_version == "1.0.0" and by_number(course, 8).theme_title == (
        "At håndtere triggere"
    )
