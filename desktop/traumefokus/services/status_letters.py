"""Status letters: the facts a letter reports (sessions held, themes worked on, commitments,
the client's goals), the therapist's saved text, and the day it was printed.

The wording of a first draft belongs to the documents layer; this layer keeps what was
saved. One letter per milestone (after 4, 8, 12 held weekly sessions: the programme names the
kinds that count); saving again replaces the text, and printing records the day and what the
number counted on the letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from traumefokus.domain.access import Action
from traumefokus.domain.content import Pack, Programme
from traumefokus.domain.status_letter import MAX_LETTER, counted_held, letters_due
from traumefokus.domain.vocabulary import Method
from traumefokus.errors import InvalidInput, Refused
from traumefokus.messages import Term
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import course_content, course_for, user_label
from traumefokus.services.courses import SessionView, session_view
from traumefokus.services.editing import conflict
from traumefokus.storage.clock import utc_now
from traumefokus.storage.models import Course, CourseSession, StatusLetter


@dataclass(frozen=True)
class Commitment:
    day: date
    text: str


@dataclass(frozen=True)
class LetterFacts:
    """What a letter can report, as of now."""

    course_id: str
    client_code: str
    display_name: str | None
    site: str
    method: Method
    programme_name: str
    therapist: str
    held: tuple[SessionView, ...]  # the held sessions the letter counts, in order
    themes: tuple[str, ...]  # titles of the themes worked on, in order
    commitments: tuple[Commitment, ...]
    goals: tuple[str, ...]
    next_session: SessionView | None


@dataclass(frozen=True)
class LetterView:
    facts: LetterFacts
    after_sessions: int
    text: str | None  # as saved; None while nothing is saved for this letter
    version: int | None  # of the saved letter, for the next save
    saved_at: datetime | None
    saved_by: str | None
    printed_on: date | None  # the first time it was printed: from then on it is kept as is
    letters: tuple[tuple[int, date | None], ...]  # every letter due so far: (after, printed on)
    may: frozenset[Action] = frozenset()  # what the viewing user may do with the course

    @property
    def printed(self) -> bool:
        return self.printed_on is not None


def status_letter(acting: Acting, course_id: str, after_sessions: int | None = None) -> LetterView:
    """The letter after `after_sessions` held sessions (by default the latest due), with its
    facts; InvalidInput before the first is due or for a letter that is not due."""
    with acting.db.reading() as tx:
        course = course_for(tx, acting, course_id, Action.READ)
        programme, pack = course_content(acting.library, course)
        held = _held(course, programme)
        counted = len(held)
        letters = {letter.after_sessions: letter for letter in course.status_letters}
        due = letters_due(counted, programme.status_letter_every)
        printed = {n for n, letter in letters.items() if letter.printed_on is not None}
        reached = sorted(set(due) | printed)
        if not reached:
            raise InvalidInput("letter.not_due", held=counted, every=programme.status_letter_every)
        chosen = reached[-1] if after_sessions is None else after_sessions
        if chosen not in reached:
            raise InvalidInput("letter.too_early", held=counted, after=chosen)
        current = letters.get(chosen)
        return LetterView(
            facts=_facts(course, programme, pack, held[:chosen]),
            after_sessions=chosen,
            text=current.text if current else None,
            version=current.version if current else None,
            saved_at=current.saved_at if current else None,
            saved_by=user_label(current.saved_by) if current else None,
            printed_on=current.printed_on if current else None,
            letters=tuple((n, letters[n].printed_on if n in letters else None) for n in reached),
            may=acting.course_actions(course),
        )


def _facts(
    course: Course, programme: Programme, pack: Pack | None, held: list[CourseSession]
) -> LetterFacts:
    views = tuple(session_view(s, pack) for s in held)
    upcoming = sorted(
        (s for s in course.sessions if s.attendance is None and s.planned_date),
        key=lambda s: (s.planned_date, s.planned_time is not None, s.planned_time),
    )
    return LetterFacts(
        course_id=course.id,
        client_code=course.client.code,
        display_name=course.client.display_name,
        site=course.client.site,
        method=Method(course.method),
        programme_name=programme.name,
        therapist=user_label(course.therapist),
        held=views,
        themes=tuple(dict.fromkeys(v.theme_title for v in views if v.theme_title)),
        commitments=tuple(
            Commitment(s.date, s.commitment) for s in held if s.commitment and s.date
        ),
        goals=tuple(g.text for g in course.goals),
        next_session=session_view(upcoming[0], pack) if upcoming else None,
    )


def _held(course: Course, programme: Programme) -> list[CourseSession]:
    """The held sessions a letter counts (the programme names their kinds), in order."""
    held = [
        s
        for s in course.sessions
        if counted_held([(s.kind, s.attendance)], programme.status_letter_counts)
        and s.date is not None
    ]
    return sorted(held, key=lambda s: (s.date, s.planned_time is not None, s.planned_time))


def save_status_letter(
    acting: Acting,
    course_id: str,
    after_sessions: int,
    text: str,
    *,
    version: int | None,
    printed_on: date | None = None,
) -> int:
    """Keep the therapist's text of the letter after `after_sessions` held sessions, as last
    seen at `version` (None: not saved before); with `printed_on`, record that it was printed
    (or saved to hand over). A printed letter is kept as it was handed over: its text no
    longer changes, and printing it again keeps the first day. The letter's new version."""
    text = text.strip()
    if not text:
        raise InvalidInput("letter.empty")
    if len(text) > MAX_LETTER:
        raise InvalidInput("note.text_too_long", max=MAX_LETTER)
    with acting.transaction() as tx:
        course = course_for(tx, acting, course_id, Action.LETTER)
        letter = tx.scalar(
            select(StatusLetter).where(
                StatusLetter.course_id == course.id, StatusLetter.after_sessions == after_sessions
            )
        )
        if letter is not None and letter.version != version:
            raise conflict(letter, "letter")  # saved by someone else since: who and when
        if letter is None and version is not None:
            raise Refused("db.conflict", what=Term("object.letter"))
        programme = course_content(acting.library, course)[0]
        if letter is None:
            held = len(_held(course, programme))
            if after_sessions < 1 or after_sessions > held:
                raise InvalidInput("letter.too_early", held=held, after=after_sessions)
            letter = StatusLetter(course_id=course.id, after_sessions=after_sessions)
            tx.add(letter)
        action = "letter.print" if printed_on else "letter.save"
        if letter.printed_on is not None:
            if text != letter.text:
                raise Refused("letter.printed", day=letter.printed_on.isoformat())
            action = "letter.reprint" if printed_on else "letter.save"
        else:
            letter.text, letter.saved_at, letter.saved_by_id = text, utc_now(), acting.actor.id
            letter.printed_on = printed_on
            if printed_on is not None:
                letter.counted_kinds = [kind.value for kind in programme.status_letter_counts]
        audit.record(
            tx,
            acting.actor,
            action,
            object_type="course",
            object_id=course.id,
            after_sessions=after_sessions,
        )
        try:
            tx.flush()
        except IntegrityError as exc:  # someone else wrote the first version just now
            raise Refused("db.conflict", what=Term("object.letter")) from exc
        return letter.version
