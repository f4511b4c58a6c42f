"""Rating the sessions of a coding round: a coder's queue, one session opened for rating with
only its pseudonymised facts, the rating saved as typed (a draft) and submitted when complete.
The record-based format items the coder has not rated yet come with what the session's record
suggests (domain/record_suggestions.py), for the form to pre-fill: never stored until the
coder confirms or changes it.

Only coders rate (`Action.RATE`), and only in the open rounds that name them. What a coder
sees of a session is what the coding export shows: its pseudonym, method, theme, number, a
date moved by the client's shift, its length and time per agenda point, and the worksheets
used, never a client code, a name, free text or the therapist. A submitted rating no longer
changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from traumefokus.content.scales import scale_by_id
from traumefokus.domain import coding_ratings
from traumefokus.domain.access import Action
from traumefokus.domain.coding_ratings import RatingDraft
from traumefokus.domain.record_suggestions import Suggestion, suggestions
from traumefokus.domain.scales import Scale
from traumefokus.domain.vocabulary import Method, RatingStatus, RoundStatus
from traumefokus.errors import InvalidInput, Refused
from traumefokus.messages import Term
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.coding_facts import SessionFacts, session_facts
from traumefokus.services.coding_rounds import sampled_session
from traumefokus.services.course_queries import course_content
from traumefokus.services.editing import load
from traumefokus.services.pseudonyms import pseudonymiser
from traumefokus.services.record_checks import checks_of
from traumefokus.storage.clock import utc_now
from traumefokus.storage.models import (
    CodingRating,
    CodingRound,
    CodingSample,
    Course,
    CourseSession,
)


class Progress(StrEnum):
    """Where a coder is with one session of their queue."""

    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"


@dataclass(frozen=True)
class QueueEntry:
    round_id: str
    round_name: str
    method: Method
    position: int
    session_id: str
    pseudonym: str
    progress: Progress
    theme: str | None = None  # the theme's title (the pack's), or its id if the pack is gone


@dataclass(frozen=True)
class RatingForm:
    """One session opened for rating, with the coder's rating so far."""

    round_id: str
    round_name: str
    position: int
    session_id: str
    facts: SessionFacts
    scale: Scale
    draft: RatingDraft
    progress: Progress
    version: int | None  # of the saved rating; None before the first save
    saved_at: datetime | None
    # what the record suggests for the record-based items not yet rated: pre-filled on the
    # form, not a rating until the coder confirms or changes it (none once submitted)
    suggestions: tuple[Suggestion, ...] = ()


@dataclass(frozen=True)
class Saved:
    version: int
    saved_at: datetime


def round_scale(acting: Acting, scale_id: str, version: str) -> Scale:
    """The scale a round is rated on (the version it was drawn with). The one place that asks
    where scales come from."""
    return scale_by_id(scale_id, version, acting.data_dir)


def coder_queue(acting: Acting) -> list[QueueEntry]:
    """Every session of every open round the user codes, round by round (newest first), in
    the order they were drawn, with how far the user's rating of each has come."""
    acting.require(Action.RATE)
    names = pseudonymiser(acting.db)
    with acting.db.reading() as tx:
        rounds = _my_open_rounds(tx, acting)
        ids = [r.id for r in rounds]
        progress = {
            (r.round_id, r.session_id): Progress(r.status)
            for r in tx.scalars(
                select(CodingRating).where(
                    CodingRating.round_id.in_(ids), CodingRating.coder_id == acting.actor.id
                )
            )
        }
        return [
            QueueEntry(
                round_id=r.id,
                round_name=r.name,
                method=Method(r.method),
                position=s.position,
                session_id=s.session_id,
                pseudonym=names.session(s.session_id),
                progress=progress.get((r.id, s.session_id), Progress.NOT_STARTED),
                theme=_theme_title(acting, tx, s.session_id),
            )
            for r in rounds
            for s in r.samples
        ]


def _theme_title(acting: Acting, tx: Session, session_id: str) -> str | None:
    session = load(tx, CourseSession, session_id, "session")
    if not session.theme_id:
        return None
    try:
        _, pack = course_content(acting.library, load(tx, Course, session.course_id, "course"))
    except InvalidInput:  # the course's pack is no longer installed: its id says enough
        return session.theme_id
    theme = pack.theme(session.theme_id)
    return theme.title if theme else session.theme_id


def open_rating(acting: Acting, round_id: str, session_id: str) -> RatingForm:
    """The session's pseudonymised facts, the round's scale and the user's rating so far."""
    acting.require(Action.RATE)
    names = pseudonymiser(acting.db)
    with acting.db.reading() as tx:
        round_, sample = _mine(tx, acting, round_id, session_id)
        rating = _rating(tx, acting, round_id, session_id)
        session = load(tx, CourseSession, session_id, "session")
        course = load(tx, Course, session.course_id, "course")
        facts = session_facts(acting, names, sampled_session(sample.position, session, course))
        scale = round_scale(acting, round_.scale_id, round_.scale_version)
        notes: dict[str, Any] = rating.notes if rating else {}
        submitted = rating is not None and rating.status == RatingStatus.SUBMITTED.value
        rated = set(rating.ratings) if rating else set()
        suggested = () if submitted else record_suggestions(acting, scale, session, course, rated)
        return RatingForm(
            round_id=round_.id,
            round_name=round_.name,
            position=sample.position,
            session_id=session_id,
            facts=facts,
            scale=scale,
            draft=RatingDraft(
                ratings=dict(rating.ratings) if rating else {},
                strengths=str(notes.get("strengths", "")),
                weaknesses=str(notes.get("weaknesses", "")),
            ),
            progress=Progress(rating.status) if rating else Progress.NOT_STARTED,
            version=rating.version if rating else None,
            saved_at=rating.saved_at if rating else None,
            suggestions=suggested,
        )


def record_suggestions(
    acting: Acting, scale: Scale, session: CourseSession, course: Course, rated: set[str]
) -> tuple[Suggestion, ...]:
    """What the session's record suggests for the scale's record-based items not in `rated`
    (domain/record_suggestions.py); none when its course's content is gone."""
    try:
        checks = checks_of(session, course, scale, acting)
    except InvalidInput:
        return ()
    if checks is None:
        return ()
    return suggestions(scale, ((i.item_id, i.check) for i in checks.items), rated)


def save_rating(
    acting: Acting, round_id: str, session_id: str, draft: RatingDraft, version: int | None
) -> Saved:
    """Save what has been typed so far, over the rating as it was at `version` (None: not
    saved before). A change someone made meanwhile, or a submitted rating, refuses."""
    return _write(acting, round_id, session_id, draft, version, submit=False)


def submit_rating(
    acting: Acting, round_id: str, session_id: str, draft: RatingDraft, version: int | None
) -> Saved:
    """Save the rating and submit it: every rating key rated or marked. From now on it does
    not change."""
    return _write(acting, round_id, session_id, draft, version, submit=True)


def _write(
    acting: Acting,
    round_id: str,
    session_id: str,
    draft: RatingDraft,
    version: int | None,
    *,
    submit: bool,
) -> Saved:
    with acting.transaction() as tx:
        round_, _ = _mine(tx, acting, round_id, session_id)
        scale = round_scale(acting, round_.scale_id, round_.scale_version)
        ratings, notes = coding_ratings.clean(scale, draft)
        rating = _rating(tx, acting, round_id, session_id)
        if (rating.version if rating else None) != version:
            raise Refused("db.conflict", what=Term("object.rating"))
        if rating is None:
            rating = CodingRating(
                round_id=round_id, session_id=session_id, coder_id=acting.actor.id
            )
            tx.add(rating)
        elif rating.status == RatingStatus.SUBMITTED.value:
            raise Refused("rating.submitted")
        if submit:
            left = coding_ratings.missing(scale, ratings)
            if left:
                raise InvalidInput("rating.incomplete", count=len(left), first=left[0])
        now = utc_now()
        rating.ratings = ratings
        rating.notes = notes
        rating.saved_at = now
        if submit:
            rating.status = RatingStatus.SUBMITTED.value
            rating.submitted_at = now
            audit.record(
                tx,
                acting.actor,
                "coding.submit",
                object_type="coding_round",
                object_id=round_id,
                session=session_id,
            )
        tx.flush()
        return Saved(rating.version, now)


def _my_open_rounds(tx: Session, acting: Acting) -> list[CodingRound]:
    rounds = tx.scalars(
        select(CodingRound)
        .where(CodingRound.status == RoundStatus.OPEN.value)
        .order_by(CodingRound.created_at.desc(), CodingRound.name)
    )
    return [r for r in rounds if acting.actor.id in r.coder_ids]


def _mine(
    tx: Session, acting: Acting, round_id: str, session_id: str
) -> tuple[CodingRound, CodingSample]:
    """The round and its sample of the session, if the user may rate it now."""
    acting.require(Action.RATE)
    round_ = load(tx, CodingRound, round_id, "coding_round")
    if acting.actor.id not in round_.coder_ids:
        raise Refused("rating.not_coder", round=round_.name)
    if round_.status != RoundStatus.OPEN.value:
        raise Refused("rating.round_closed", round=round_.name)
    sample = next((s for s in round_.samples if s.session_id == session_id), None)
    if sample is None:
        raise InvalidInput("rating.not_in_round", round=round_.name)
    return round_, sample


def _rating(tx: Session, acting: Acting, round_id: str, session_id: str) -> CodingRating | None:
    return tx.scalar(
        select(CodingRating).where(
            CodingRating.round_id == round_id,
            CodingRating.session_id == session_id,
            CodingRating.coder_id == acting.actor.id,
        )
    )
