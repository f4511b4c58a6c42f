"""The logbook's own fields around a session, for the session screen and for signing: the
gift card the programme's rule suggests, whether the client's consent to recording holds on
the session's day, who held the session and why one was not held.

The fields themselves are part of the draft (domain/session_note.LogbookEntry): saved as it
is typed and locked by signing, like the rest of the note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from traumefokus.content.choice_lists import (
    NOT_HELD_REASONS,
    OTHER_TREATMENT,
    Choice,
    centre_list,
    offered,
)
from traumefokus.domain.content import Programme
from traumefokus.domain.gift_cards import GiftCardRule, GiftCardSession, Suggestion, suggest
from traumefokus.domain.session_note import NoteDraft
from traumefokus.domain.vocabulary import Attendance
from traumefokus.errors import InvalidInput, TraumefokusError
from traumefokus.paths import DataDir
from traumefokus.services.course_queries import user_label
from traumefokus.services.recording_consent import consent_held_on, consent_on
from traumefokus.storage.models import Course, CourseSession


@dataclass(frozen=True)
class SessionLogbook:
    """What the session screen shows and asks beside the draft's own logbook fields."""

    gift_card: Suggestion | None = None  # the programme's suggestion at check-out
    day: date | None = None  # the session's day: held on, else planned for
    consent: bool = False  # the client's consent to recording holds on `day`
    held_by: str | None = None  # as shown, when recorded
    held_by_id: str | None = None
    not_held_reason: str | None = None  # an id from the centre's list
    team: tuple[tuple[str, str], ...] = ()  # (user id, as shown): therapist, co-therapists
    labels: tuple[Choice, ...] = ()  # the centre's words for the ids this session uses

    def label(self, choice_id: str, lang: str) -> str:
        found = next((c for c in self.labels if c.id == choice_id), None)
        return found.label(lang) if found else choice_id


def gift_card_rule(programme: Programme) -> GiftCardRule:
    return GiftCardRule(
        programme.gift_card_every,
        programme.gift_card_amount_dkk,
        programme.gift_card_count,
        frozenset(k.value for k in programme.gift_card_counts),
    )


def gift_card_sessions(course: Course) -> list[GiftCardSession]:
    return [
        GiftCardSession(
            s.id,
            s.kind,
            s.attendance,
            s.date or s.planned_date,
            s.number,
            s.gift_card_given,
            s.gift_card_dkk,
        )
        for s in course.sessions
    ]


def session_logbook(
    course: Course, session: CourseSession, programme: Programme, data_dir: DataDir | None = None
) -> SessionLogbook:
    day = session.date or session.planned_date
    team = [(course.therapist_id, user_label(course.therapist))]
    team += [(c.user_id, user_label(c.user)) for c in course.covers]
    return SessionLogbook(
        gift_card=suggest(gift_card_rule(programme), gift_card_sessions(course), session.id),
        day=day,
        consent=day is not None and consent_on(course.client, day),
        held_by=user_label(session.held_by) if session.held_by else None,
        held_by_id=session.held_by_id,
        not_held_reason=session.not_held_reason,
        team=tuple(team),
        labels=_labels(session, data_dir) if data_dir else (),
    )


def _labels(session: CourseSession, data_dir: DataDir) -> tuple[Choice, ...]:
    """The list entries for the reason and the kinds of other treatment of this session (the
    lists are read only when it has some); a list that cannot be read leaves the ids."""
    used = {t.get("kind") for t in session.other_treatment} | {session.not_held_reason}
    used.discard(None)
    if not used:
        return ()
    try:
        entries = [
            *centre_list(NOT_HELD_REASONS, data_dir),
            *centre_list(OTHER_TREATMENT, data_dir),
        ]
    except TraumefokusError:
        return ()
    return tuple(c for c in entries if c.id in used)


def treatment_kinds(data_dir: DataDir, draft: NoteDraft) -> list[str]:
    """The centre's kinds of other treatment, read only when the draft names some: a list
    file that cannot be read refuses those drafts, never a draft without other treatment."""
    if not draft.logbook.other_treatment:
        return []
    return [c.id for c in centre_list(OTHER_TREATMENT, data_dir)]


def check_recording(course: Course, recorded: bool, day: date | None) -> None:
    """A session is marked recorded only on a day the client's consent holds."""
    if recorded and (day is None or not consent_held_on(course.client, day)):
        raise InvalidInput(
            "note.recording_without_consent",
            day=day.isoformat() if day else "-",
            code=course.client.code,
        )


def not_held_reason(
    data_dir: DataDir, session: CourseSession, attendance: str | None, reason: str | None
) -> str | None:
    """The reason to keep for this attendance: none for a held session (or none recorded),
    the one given for a session not held, else the one it had."""
    if attendance is None:
        return None
    if attendance == Attendance.HELD.value:
        if reason:
            raise InvalidInput("session.not_held_reason_for_held")
        return None
    if not reason:
        return session.not_held_reason
    known = offered(centre_list(NOT_HELD_REASONS, data_dir), keep=session.not_held_reason)
    if reason not in {c.id for c in known}:  # a retired reason only where it was chosen
        raise InvalidInput("session.not_held_reason_invalid", reason=reason)
    return reason


def clear_if_not_held(session: CourseSession, attendance: str | None) -> None:
    """A session not held hands out no gift card and is not recorded: what a draft said about
    them (the check-out's suggestion, say) goes when the attendance says so."""
    if attendance is not None and attendance != Attendance.HELD.value:
        session.gift_card_given = session.gift_card_dkk = None
        session.recorded, session.recording_file = False, None


def held_by(course: Course, attendance: str, user_id: str | None, acting_id: str) -> str | None:
    """Who held a held session: the course's therapist or a co-therapist named on it
    (`acting_id` unless said); nobody for a session not held."""
    if attendance != Attendance.HELD.value:
        if user_id is not None:
            raise InvalidInput("session.held_by_invalid")
        return None
    who = user_id or acting_id
    if who != course.therapist_id and all(c.user_id != who for c in course.covers):
        raise InvalidInput("session.held_by_invalid")
    return who
