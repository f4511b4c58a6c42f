"""The logbook's own fields (issue 13): other treatment, the gift card and the recording are
part of the draft (saved as typed, locked by signing); why a session was not held and who held
it are asked when the attendance is recorded or the note signed; the client's consent to
recording decides whether a session may be marked recorded; the themes a course that ended
never did keep their reason. All of it is in the records export."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from factories import person, planned_course
from schema import validate_records
from traumefokus.content.choice_lists import (
    NOT_HELD_REASONS,
    OTHER_TREATMENT,
    centre_list,
    load_list,
)
from traumefokus.content.problems import InvalidContent
from traumefokus.domain.gift_cards import GiftCardRule, GiftCardSession, given_total, suggest
from traumefokus.domain.recording_consent import consent_holds
from traumefokus.domain.session_note import (
    LogbookEntry,
    NoteDraft,
    OtherTreatment,
    clean,
)
from traumefokus.domain.themes import ThemeState, themes_never_done
from traumefokus.errors import InvalidInput, Refused
from traumefokus.paths import shipped_dir
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.course_team import grant_cover
from traumefokus.services.courses import end_course, view_course
from traumefokus.services.missed_themes import drop_missed_theme
from traumefokus.services.recording_consent import (
    list_consents,
    record_consent,
    withdraw_consent,
)
from traumefokus.services.records import collect_records
from traumefokus.services.session_notes import open_note, save_draft, sign_note

START = date(2026, 1, 5)  # a Monday; the course's sessions are weekly from here
TODAY = date(2026, 6, 1)
KINDS = ["medical", "psychologist", "group", "other"]


# --- the draft ---------------------------------------------------------------------------
def _book(**fields) -> NoteDraft:
    return NoteDraft(logbook=LogbookEntry(**fields))


def _clean(draft: NoteDraft) -> NoteDraft:
    return clean(draft, agenda=["check_in"], measures=[], worksheets=[], treatment_kinds=KINDS)


def test_the_logbook_part_of_the_draft_is_stored_and_read_back():
    draft = _book(
        gift_card_given=True,
        gift_card_dkk=200,
        other_treatment=[OtherTreatment("medical", " Metadon "), OtherTreatment("group")],
        recorded=True,
        recording_file=" K-0012_2023-05-04.wav ",
    )
    stored = draft.stored()
    assert stored["gift_card_given"] is True and stored["gift_card_dkk"] == 200
    assert stored["other_treatment"] == [
        {"kind": "medical", "note": "Metadon"},
        {"kind": "group", "note": ""},
    ]
    assert stored["recorded"] is True and stored["recording_file"] == "K-0012_2023-05-04.wav"
    back = NoteDraft.from_stored(**{_column(k): v for k, v in stored.items()})
    assert back.logbook == LogbookEntry(
        True,
        200,
        [OtherTreatment("medical", "Metadon"), OtherTreatment("group", "")],
        True,
        "K-0012_2023-05-04.wav",
    )


def _column(key: str) -> str:
    return "worksheets" if key == "worksheets_used" else key


def test_a_file_name_is_kept_only_when_recorded_and_an_amount_only_for_a_card_given():
    stored = _book(gift_card_given=False, recorded=False, recording_file="x.wav").stored()
    assert stored["recording_file"] is None and stored["gift_card_dkk"] is None
    assert NoteDraft().stored()["gift_card_given"] is None  # not noted either way


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"gift_card_given": True, "gift_card_dkk": None}, "note.gift_card_amount"),
        ({"gift_card_given": True, "gift_card_dkk": 0}, "note.gift_card_amount"),
        ({"gift_card_given": True, "gift_card_dkk": 10_001}, "note.gift_card_amount"),
        ({"gift_card_given": True, "gift_card_dkk": 200.5}, "note.gift_card_amount"),
        ({"gift_card_given": False, "gift_card_dkk": 200}, "note.gift_card_amount_without_card"),
        ({"other_treatment": [OtherTreatment("yoga")]}, "note.other_treatment_kind"),
        (
            {"other_treatment": [OtherTreatment("group"), OtherTreatment("group")]},
            "note.other_treatment_kind",
        ),
        ({"other_treatment": [OtherTreatment("group", "x" * 2001)]}, "note.text_too_long"),
        ({"recorded": True, "recording_file": "a" * 256}, "note.recording_file_invalid"),
        ({"recorded": True, "recording_file": "a\nb.wav"}, "note.recording_file_invalid"),
    ],
)
def test_clean_refuses_a_logbook_entry_that_does_not_fit(fields, code):
    with pytest.raises(InvalidInput) as refused:
        _clean(_book(**fields))
    assert refused.value.code == code


def test_clean_keeps_a_sound_logbook_entry():
    draft = _book(
        gift_card_given=True,
        gift_card_dkk=200,
        other_treatment=[OtherTreatment("psychologist", "Hver anden uge")],
        recorded=True,
        recording_file="K-0001_2026-01-05.wav",
    )
    assert _clean(draft) is draft


# --- the lists ---------------------------------------------------------------------------
def test_the_shipped_lists_have_stable_ids_in_both_languages():
    reasons = load_list(NOT_HELD_REASONS, shipped_dir("resources") / NOT_HELD_REASONS.file)
    assert [r.id for r in reasons] == [
        "ill",
        "forgot",
        "relapse",
        "practical",
        "treatment_elsewhere",
        "centre_cancelled",
        "unknown",
        "other",
    ]
    kinds = load_list(OTHER_TREATMENT, shipped_dir("resources") / OTHER_TREATMENT.file)
    assert [k.id for k in kinds] == KINDS
    assert kinds[1].label("da") == "Psykolog" and kinds[1].label("en") == "Psychologist"


def test_a_centres_own_list_replaces_the_shipped_one_and_a_bad_one_is_refused(data_dir):
    data_dir.ensure()
    own = data_dir.root / OTHER_TREATMENT.file
    own.write_text(
        'format = 1\n[[kinds]]\nid = "yoga"\nda = "Yoga"\nen = "Yoga"\n', encoding="utf-8"
    )
    assert [k.id for k in centre_list(OTHER_TREATMENT, data_dir)] == ["yoga"]
    own.write_text(
        'format = 1\n[[kinds]]\nid = "yoga"\nda = "Yoga"\nen = "Yoga"\n[[kinds]]\nid = "yoga"\n'
        'da = "Y"\nen = "Y"\n[[kinds]]\nid = "dans"\nda = "Dans"\n',
        encoding="utf-8",
    )
    with pytest.raises(InvalidContent) as bad:
        centre_list(OTHER_TREATMENT, data_dir)
    codes = {p.code for p in bad.value.problems}
    assert codes == {"content.required", "content.duplicate_id"}


def test_a_list_id_longer_than_a_session_keeps_is_refused(data_dir):
    """A reason's id is kept on the session in 64 characters (PostgreSQL would refuse more
    when the reason is recorded): a longer one is a problem of the list file, not a crash."""
    data_dir.ensure()
    own = data_dir.root / NOT_HELD_REASONS.file
    long_id = "a" * 65
    own.write_text(f'format = 1\n[[reasons]]\nid = "{long_id}"\nda = "A"\nen = "A"\n')
    with pytest.raises(InvalidContent) as bad:
        centre_list(NOT_HELD_REASONS, data_dir)
    assert [p.code for p in bad.value.problems] == ["content.id_too_long"]
    own.write_text(f'format = 1\n[[reasons]]\nid = "{long_id[1:]}"\nda = "A"\nen = "A"\n')
    assert [c.id for c in centre_list(NOT_HELD_REASONS, data_dir)] == [long_id[1:]]


@pytest.mark.sqlite_only
def test_check_manual_checks_the_lists(tmp_path):
    from cli_runner import run

    shipped = shipped_dir("resources")
    for name in ("not-held-reasons.toml", "other-treatment.toml", "end-reasons.toml"):
        result = run("--lang", "en", "--data-dir", tmp_path / "d", "check-manual", shipped / name)
        assert result.code == 0, result.err
        assert result.out.startswith(f"{name}: valid – ")
    bad = tmp_path / "other-treatment.toml"
    bad.write_text('format = 1\n[[kinds]]\nid = "Yoga!"\nda = "Yoga"\nen = "Yoga"\n')
    result = run("--lang", "en", "--data-dir", tmp_path / "d", "check-manual", bad)
    assert result.code == 2 and "Yoga!" in result.err


# --- the gift-card rule ------------------------------------------------------------------
RULE = GiftCardRule(every=2, amount_dkk=200, count=6, kinds=frozenset({"move", "trauma"}))


def _sessions(held: int, given: set[int] = frozenset()) -> list[GiftCardSession]:
    """Session 0 (assessment) and twelve weekly sessions, the first `held` of them held."""
    kinds = ["assessment", *(["move"] * 2), *(["trauma"] * 6), *(["move"] * 4)]
    return [
        GiftCardSession(
            f"s{n}",
            kind,
            "held" if n <= held else None,
            START + timedelta(weeks=n),
            n,
            True if n in given else None,
        )
        for n, kind in enumerate(kinds)
    ]


@pytest.mark.parametrize(
    ("session", "held_before", "due", "position"),
    [
        ("s0", 0, False, None),  # the assessment does not count
        ("s1", 0, False, 1),
        ("s2", 1, True, 2),  # every second weekly session
        ("s3", 2, False, 3),
        ("s4", 3, True, 4),
    ],
)
def test_a_gift_card_is_suggested_at_every_second_weekly_session(
    session, held_before, due, position
):
    found = suggest(RULE, _sessions(held_before), session)
    assert (found.due, found.position, found.amount_dkk) == (due, position, 200)


def test_no_gift_card_is_suggested_once_the_programme_count_is_given():
    given = {2, 4, 6, 8, 10, 12}
    sessions = _sessions(12, given)
    found = suggest(RULE, sessions, "s12")
    assert found.given_before == 5 and found.due  # the sixth card, at the twelfth session
    sessions = _sessions(12, {1, 2, 3, 4, 5, 6})
    assert not suggest(RULE, sessions, "s12").due
    found = given_total(
        [("held", True, 200), ("held", False, None), (None, True, 200), ("held", True, 150)]
    )
    assert (found.given, found.amount_dkk) == (2, 350)  # a draft's card counts once held


def test_a_session_not_held_does_not_count():
    sessions = _sessions(3)
    sessions[1] = GiftCardSession("s1", "move", "no_show", START, 1, None)
    assert suggest(RULE, sessions, "s3").position == 2


# --- consent on a day --------------------------------------------------------------------
def test_consent_holds_from_the_day_given_until_the_day_withdrawn():
    consents = [(date(2026, 2, 1), date(2026, 3, 1))]
    assert not consent_holds(consents, date(2026, 1, 31))
    assert consent_holds(consents, date(2026, 2, 1))
    assert consent_holds(consents, date(2026, 2, 28))
    assert not consent_holds(consents, date(2026, 3, 1))
    assert consent_holds([*consents, (date(2026, 4, 1), None)], date(2027, 1, 1))


# --- themes never done -------------------------------------------------------------------
def test_themes_never_done_on_a_course_that_ended():
    states = {
        "safety": ThemeState.HELD,
        "grounding": ThemeState.DROPPED,
        "honesty": ThemeState.PLANNED,
        "triggers": ThemeState.OPEN,
    }
    dropped = {"grounding": "Klienten ønskede det ikke"}
    assert themes_never_done(states, dropped, "active") == []
    early = themes_never_done(states, dropped, "ended_early")
    assert [(t.theme, t.reason, t.words) for t in early] == [
        ("grounding", "dropped", "Klienten ønskede det ikke"),
        ("honesty", "course_ended_early", None),
        ("triggers", "course_ended_early", None),
    ]
    done = {"safety": ThemeState.HELD, "grounding": ThemeState.DROPPED}
    assert [t.reason for t in themes_never_done(done, dropped, "completed")] == ["dropped"]


# --- the services ------------------------------------------------------------------------
@pytest.fixture
def course(therapist, admin):
    client = add_client(admin, "K-0012")
    course_id = planned_course(therapist, client.id, start=START)
    sessions = {s.number: s.id for s in view_course(therapist, course_id).sessions}
    return client.id, course_id, sessions


def test_the_logbook_fields_are_saved_with_the_draft_and_locked_by_signing(therapist, course):
    _client, _course_id, s = course
    draft = NoteDraft(
        logbook=LogbookEntry(
            gift_card_given=True,
            gift_card_dkk=200,
            other_treatment=[OtherTreatment("medical", "Metadon")],
        )
    )
    save_draft(therapist, s[2], draft)
    assert open_note(therapist, s[2]).draft.logbook == draft.logbook
    sign_note(therapist, s[2], attendance="held", day=START + timedelta(weeks=2))
    note = open_note(therapist, s[2])
    assert note.draft.logbook.gift_card_dkk == 200
    assert note.logbook.held_by_id == therapist.actor.id  # the one who signed, by default
    with pytest.raises(Refused):
        save_draft(therapist, s[2], NoteDraft())
    other = NoteDraft(logbook=LogbookEntry(other_treatment=[OtherTreatment("yoga")]))
    with pytest.raises(InvalidInput) as bad:
        save_draft(therapist, s[3], other)
    assert bad.value.code == "note.other_treatment_kind"


def test_a_damaged_list_of_other_treatment_blocks_only_drafts_that_name_some(therapist, course):
    """The centre's other-treatment.toml broken: a draft without other treatment is saved
    and signed as ever; one that names some is refused with the file's problems."""
    _client, _course_id, s = course
    therapist.data_dir.ensure()
    (therapist.data_dir.root / OTHER_TREATMENT.file).write_text("format = 1\nkinds = 3\n")
    save_draft(therapist, s[2], NoteDraft(logbook=LogbookEntry(gift_card_given=False)))
    sign_note(therapist, s[2], attendance="held", day=START + timedelta(weeks=2))
    named = NoteDraft(logbook=LogbookEntry(other_treatment=[OtherTreatment("medical")]))
    with pytest.raises(InvalidContent):
        save_draft(therapist, s[3], named)


def test_a_session_cannot_be_marked_recorded_without_consent_on_its_day(therapist, course):
    client, _course_id, s = course
    recorded = NoteDraft(logbook=LogbookEntry(recorded=True, recording_file="K-0012_a.wav"))
    with pytest.raises(InvalidInput) as refused:
        save_draft(therapist, s[1], recorded)
    assert refused.value.code == "note.recording_without_consent"
    assert refused.value.facts["code"] == "K-0012"
    consent = record_consent(therapist, client, START + timedelta(weeks=1), today=TODAY)
    save_draft(therapist, s[1], recorded)  # session 1 is planned for the day of the consent
    with pytest.raises(InvalidInput):  # session 0 was before it
        save_draft(therapist, s[0], recorded)
    withdraw_consent(therapist, consent, START + timedelta(weeks=2), today=TODAY)
    with pytest.raises(InvalidInput):  # withdrawn on session 2's day
        save_draft(therapist, s[2], recorded)
    with pytest.raises(InvalidInput):  # signed a week later than planned: no consent then
        sign_note(therapist, s[1], attendance="held", day=START + timedelta(weeks=2))
    sign_note(therapist, s[1], attendance="held", day=START + timedelta(weeks=1))
    assert open_note(therapist, s[1]).draft.logbook.recording_file == "K-0012_a.wav"


def test_no_session_stays_recorded_on_a_day_its_consent_does_not_hold(therapist, course):
    """A draft marked recorded with consent on its planned day: recording it as held on a
    day after the withdrawal is refused, as signing it then would be; and a consent cannot
    be withdrawn from a day on or before a session marked recorded (a draft's or a signed
    note's), only from a later one."""
    client, _course_id, s = course
    consent = record_consent(therapist, client, START, today=TODAY)
    recorded = NoteDraft(logbook=LogbookEntry(recorded=True, recording_file="K-0012_b.wav"))
    save_draft(therapist, s[1], recorded)  # planned a week after START
    save_draft(therapist, s[3], recorded)  # planned three weeks after it
    for day in (START + timedelta(weeks=3), START + timedelta(days=8)):
        with pytest.raises(InvalidInput) as refused:
            withdraw_consent(therapist, consent, day, today=TODAY)
        assert refused.value.code == "consent.withdrawn_before_recording"
    save_draft(therapist, s[3], NoteDraft())  # the mark cleared on the later one
    withdraw_consent(therapist, consent, START + timedelta(days=8), today=TODAY)
    with pytest.raises(InvalidInput) as late:
        planning.record_attendance(therapist, s[1], "held", day=START + timedelta(days=9))
    assert late.value.code == "note.recording_without_consent"
    planning.record_attendance(therapist, s[1], "held", day=START + timedelta(weeks=1))
    assert open_note(therapist, s[1]).draft.logbook.recorded


def test_consent_is_recorded_and_withdrawn_with_who_and_when(therapist, admin, course):
    client, _course_id, _s = course
    with pytest.raises(InvalidInput) as future:
        record_consent(therapist, client, TODAY + timedelta(days=1), today=TODAY)
    assert future.value.code == "consent.in_future"
    consent = record_consent(therapist, client, date(2026, 1, 2), today=TODAY)
    with pytest.raises(InvalidInput) as twice:
        record_consent(admin, client, date(2026, 1, 3), today=TODAY)
    assert twice.value.code == "consent.in_force"
    with pytest.raises(InvalidInput) as early:
        withdraw_consent(admin, consent, date(2026, 1, 1), today=TODAY)
    assert early.value.code == "consent.withdrawn_before_given"
    withdraw_consent(admin, consent, date(2026, 3, 1), today=TODAY)
    with pytest.raises(InvalidInput):
        withdraw_consent(admin, consent, date(2026, 3, 2), today=TODAY)
    [view] = list_consents(therapist, client)
    assert (view.given_on, view.withdrawn_on) == (date(2026, 1, 2), date(2026, 3, 1))
    assert "mette.h" in view.recorded_by and "admin" in (view.withdrawn_by or "")
    record_consent(therapist, client, date(2026, 4, 1), today=TODAY)  # given again
    assert len(list_consents(therapist, client)) == 2


def test_a_session_not_held_keeps_its_reason_and_undoing_clears_it(therapist, course):
    _client, _course_id, s = course
    planning.record_attendance(therapist, s[1], "no_show", not_held_reason="ill")
    assert open_note(therapist, s[1]).logbook.not_held_reason == "ill"
    assert view_course(therapist, _course_id).sessions[1].not_held_reason == "ill"
    with pytest.raises(InvalidInput) as bad:
        planning.record_attendance(therapist, s[1], "no_show", not_held_reason="bored")
    assert bad.value.code == "session.not_held_reason_invalid"
    with pytest.raises(InvalidInput) as held:
        planning.record_attendance(therapist, s[1], "held", not_held_reason="ill")
    assert held.value.code == "session.not_held_reason_for_held"
    planning.record_attendance(therapist, s[1], None)
    assert open_note(therapist, s[1]).logbook.not_held_reason is None
    card = NoteDraft(logbook=LogbookEntry(gift_card_given=True, gift_card_dkk=200))
    save_draft(therapist, s[2], card)  # the check-out's suggestion, say
    sign_note(therapist, s[2], attendance="cancelled_client", day=START, not_held_reason="relapse")
    note = open_note(therapist, s[2])
    assert note.logbook.not_held_reason == "relapse"
    assert note.draft.logbook.gift_card_given is None  # no card for a session not held


def test_a_session_is_held_by_the_therapist_or_a_co_therapist(therapist, admin, course):
    _client, course_id, s = course
    jonas = person(admin, "jonas", "therapist")
    sara = person(admin, "sara", "therapist")
    with pytest.raises(InvalidInput) as stranger:
        sign_note(therapist, s[1], attendance="held", day=START, held_by=sara.actor.id)
    assert stranger.value.code == "session.held_by_invalid"
    grant_cover(therapist, course_id, jonas.actor.id)
    sign_note(therapist, s[1], attendance="held", day=START, held_by=jonas.actor.id)
    note = open_note(therapist, s[1])
    assert note.logbook.held_by_id == jonas.actor.id
    assert [user for user, _label in note.logbook.team] == [therapist.actor.id, jonas.actor.id]
    with pytest.raises(InvalidInput):  # nobody held a session that was not held
        sign_note(therapist, s[2], attendance="no_show", day=START, held_by=jonas.actor.id)


def test_the_session_screen_is_told_the_gift_card_to_suggest(therapist, course):
    _client, course_id, s = course
    assert not open_note(therapist, s[1]).logbook.gift_card.due
    sign_note(therapist, s[1], attendance="held", day=START + timedelta(weeks=1))
    suggestion = open_note(therapist, s[2]).logbook.gift_card
    assert suggestion.due and suggestion.position == 2 and suggestion.amount_dkk == 200
    given = NoteDraft(logbook=LogbookEntry(gift_card_given=True, gift_card_dkk=200))
    sign_note(therapist, s[2], attendance="held", day=START + timedelta(weeks=2), draft=given)
    assert view_course(therapist, course_id).gift_cards.amount_dkk == 200


def test_the_records_export_holds_the_logbook_fields(therapist, admin, course):
    client, course_id, s = course
    consent = record_consent(therapist, client, START, today=TODAY)
    draft = NoteDraft(
        logbook=LogbookEntry(
            gift_card_given=True,
            gift_card_dkk=200,
            other_treatment=[OtherTreatment("group", "AA-møder")],
            recorded=True,
            recording_file="K-0012_2026-01-12.wav",
        )
    )
    sign_note(therapist, s[1], attendance="held", day=START + timedelta(weeks=1), draft=draft)
    sign_note(therapist, s[2], attendance="no_show", day=START, not_held_reason="forgot")
    withdraw_consent(admin, consent, date(2026, 2, 1), today=TODAY)
    planning.record_attendance(therapist, s[3], "no_show")
    drop_missed_theme(therapist, s[3], "Klienten ønskede det ikke")
    end_course(
        therapist,
        course_id,
        status="ended_early",
        end_date=START + timedelta(weeks=4),
        reason="moved",
        reasons=("moved",),
    )
    document = collect_records(admin)
    validate_records(document)
    [exported] = document["clients"]
    assert exported["recording_consent"] == [
        {"given_on": "2026-01-05", "recorded_by": "mette.h", "withdrawn_on": "2026-02-01"}
    ]
    sessions = {x["id"]: x for x in exported["courses"][0]["sessions"]}
    one, two = sessions[s[1]], sessions[s[2]]
    assert one["gift_card"] == {"given": True, "amount_dkk": 200}
    assert one["other_treatment"] == [{"kind": "group", "note": "AA-møder"}]
    assert (one["recorded"], one["recording_file"]) == (True, "K-0012_2026-01-12.wav")
    assert (one["held_by"], one["not_held_reason"]) == ("mette.h", None)
    assert two["gift_card"] == {"given": None, "amount_dkk": None}
    assert (two["held_by"], two["not_held_reason"], two["recorded"]) == (None, "forgot", False)
    never = exported["courses"][0]["themes_never_done"]
    assert never[0] == {
        "theme": "safety",
        "reason": "dropped",
        "reason_text": "Klienten ønskede det ikke",
    }
    assert {t["reason"] for t in never[1:]} == {"course_ended_early"}
    assert len(never) == 6


# --- the demo ----------------------------------------------------------------------------
@pytest.mark.sqlite_only
def test_the_demo_fills_the_logbook_fields_by_the_rules(tmp_path):
    import json

    from cli_runner import run
    from traumefokus.domain.recording_consent import consent_holds as holds

    folder, out = tmp_path / "data", tmp_path / "records.json"
    assert run("demo", "--data-dir", folder).code == 0
    assert run("--data-dir", folder, "--user", "admin", "export", "records", "--out", out).code == 0
    clients = json.loads(out.read_text(encoding="utf-8"))["clients"]
    consents = [c for client in clients for c in client["recording_consent"]]
    assert consents and any(c["withdrawn_on"] for c in consents)
    sessions = [
        (client, s)
        for client in clients
        for course in client["courses"]
        for s in course["sessions"]
    ]
    recorded = [(client, s) for client, s in sessions if s["recorded"]]
    assert recorded
    for client, s in recorded:
        assert client["code"] in s["recording_file"]
        spans = [
            (
                date.fromisoformat(c["given_on"]),
                c["withdrawn_on"] and date.fromisoformat(c["withdrawn_on"]),
            )
            for c in client["recording_consent"]
        ]
        assert holds(spans, date.fromisoformat(s["date"]))
    for client in clients:
        for course in client["courses"]:
            cards = [s["gift_card"] for s in course["sessions"] if s["gift_card"]["given"]]
            assert len(cards) <= 6 and all(c["amount_dkk"] == 200 for c in cards)
    assert sum(bool(s["gift_card"]["given"]) for _c, s in sessions) > 10
    assert any(s["other_treatment"] for _c, s in sessions)
    assert any(s["not_held_reason"] for _c, s in sessions)
    assert all(s["held_by"] for _c, s in sessions if s["attendance"] == "held")


def test_the_session_note_prints_a_logbook_block(therapist, admin, course, tmp_path):
    from pdf_reading import all_text, flat
    from traumefokus.documents.render import DocumentKind, DocumentRequest, save_pdf

    client, course_id, s = course
    jonas = person(admin, "jonas", "therapist", full_name="Jonas Berg")
    grant_cover(therapist, course_id, jonas.actor.id)
    record_consent(therapist, client, START, today=TODAY)
    draft = NoteDraft(
        logbook=LogbookEntry(
            gift_card_given=True,
            gift_card_dkk=200,
            other_treatment=[OtherTreatment("psychologist", "Første samtale")],
            recorded=True,
            recording_file="K-0012_2026-01-12.wav",
        )
    )
    day = START + timedelta(weeks=1)
    sign_note(therapist, s[1], attendance="held", day=day, draft=draft, held_by=jonas.actor.id)
    sign_note(therapist, s[2], attendance="no_show", day=day, not_held_reason="relapse")
    out = tmp_path / "note.pdf"
    save_pdf(therapist, DocumentRequest(DocumentKind.NOTE, s[1]), out, today=TODAY)
    text = flat(all_text(out.read_bytes()))
    assert "Logbog" in text and "HoldtafJonasBerg" in text
    assert "GavekortGivet,200kr" in text
    assert "AndenbehandlingPsykolog:Førstesamtale" in text
    assert "LydoptagelseOptaget:K-0012_2026-01-12.wav" in text
    save_pdf(therapist, DocumentRequest(DocumentKind.NOTE, s[2]), out, today=TODAY)
    assert "HvorforikkeholdtTilbagefald" in flat(all_text(out.read_bytes()))
    save_pdf(therapist, DocumentRequest(DocumentKind.NOTE, s[3]), out, today=TODAY)
    assert "Logbog" not in flat(all_text(out.read_bytes()))  # nothing noted, nothing printed
