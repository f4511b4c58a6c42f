"""Coding rounds: a supervisor draws a round's sample (domain/coding_sample.py) from the signed
trauma sessions of one method in a period that were recorded with the client's consent, and
names the coders who rate it. Rounds are read by whoever works with them: supervisors (who
draw and export them), supervisors and administrators (their results), and a round's own
coders.

A session is eligible when it is a trauma session of the round's method, held and signed, its
real date inside the period, marked recorded, and a consent of its client held on its day
that had not been withdrawn by the day the round is drawn: a consent withdrawn before the
round takes the sessions it covered out of every later round (those under a later consent of
the same client stay eligible).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from traumefokus.content.scales import scale_for
from traumefokus.domain.access import Action
from traumefokus.domain.coding_sample import Candidate, draw
from traumefokus.domain.recording_consent import consent_holds
from traumefokus.domain.vocabulary import (
    Attendance,
    Method,
    NoteStatus,
    Role,
    RoundStatus,
    SessionKind,
)
from traumefokus.errors import InvalidInput
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.auth import find_user
from traumefokus.storage.models import (
    CodingRound,
    CodingSample,
    Course,
    CourseSession,
    RecordingConsent,
    User,
)

MAX_NAME = 100  # as the column holds
MAX_SEED = 64


@dataclass(frozen=True)
class RoundSpec:
    """What a supervisor asks for: the round's name, method, period, size, seed, whether to
    stratify by therapist, and the coders' user names (none: every active coder)."""

    name: str
    method: Method | str
    start: date
    end: date
    size: int
    seed: str
    by_therapist: bool = False
    coders: tuple[str, ...] = ()


@dataclass(frozen=True)
class Coder:
    id: str
    name: str  # the user name: staff only, never in a file that leaves the centre


@dataclass(frozen=True)
class RoundView:
    id: str
    name: str
    method: Method
    scale_id: str
    scale_version: str
    start: date
    end: date
    size: int
    seed: str
    by_therapist: bool
    coders: tuple[Coder, ...]
    status: RoundStatus
    created_at: datetime
    session_ids: tuple[str, ...]  # the sample, in draw order
    version: int


def round_scale(acting: Acting, method: Method) -> tuple[str, str]:
    """The id and version of the scale a new round of `method` is rated with (the centre's own
    file or the shipped one); a damaged scale file is refused with its problems."""
    scale = scale_for(method, acting.data_dir)
    return scale.id, str(scale.version)


def create_round(acting: Acting, spec: RoundSpec, *, today: date | None = None) -> RoundView:
    """Draw the round's sample and store the round, in one unit of work (audited). A size
    larger than the eligible sessions is InvalidInput naming how many there are."""
    name, method, seed = _checked(spec)
    acting.require(Action.MANAGE_CODING)
    day = today or date.today()
    scale_id, scale_version = round_scale(acting, method)
    try:
        with acting.transaction() as tx:
            if _named(tx, name) is not None:
                raise InvalidInput("coding.round_exists", name=name)
            coders = _coders(tx, spec.coders)
            eligible = eligible_sessions(tx, method, spec.start, spec.end, day)
            if spec.size > len(eligible):
                raise InvalidInput("coding.size_too_large", size=spec.size, eligible=len(eligible))
            drawn = draw(seed, eligible, spec.size, by_therapist=spec.by_therapist)
            found = CodingRound(
                name=name,
                method=method.value,
                scale_id=scale_id,
                scale_version=scale_version,
                start=spec.start,
                end=spec.end,
                size=spec.size,
                seed=seed,
                by_therapist=spec.by_therapist,
                coder_ids=[c.id for c in coders],
                status=RoundStatus.OPEN.value,
                created_by_id=acting.actor.id,
            )
            found.samples = [
                CodingSample(session_id=session_id, position=position)
                for position, session_id in enumerate(drawn, 1)
            ]
            tx.add(found)
            tx.flush()
            audit.record(
                tx,
                acting.actor,
                "coding.sample",
                object_type="coding_round",
                object_id=found.id,
                sessions=len(drawn),
                eligible=len(eligible),
                coders=len(coders),
                by_therapist=spec.by_therapist,
            )
            return _view(found, coders)
    except IntegrityError as exc:  # another supervisor took the name at the same moment
        raise InvalidInput("coding.round_exists", name=name) from exc


def _checked(spec: RoundSpec) -> tuple[str, Method, str]:
    name, seed = spec.name.strip(), spec.seed.strip()
    if not name or len(name) > MAX_NAME:
        raise InvalidInput("coding.round_name", max=MAX_NAME)
    try:
        method = Method(spec.method)
    except ValueError:
        raise InvalidInput("coding.method", method=spec.method) from None
    if spec.start > spec.end:
        raise InvalidInput("export.period_reversed", start=spec.start, end=spec.end)
    if spec.size < 1:
        raise InvalidInput("coding.size", size=spec.size)
    if not seed or len(seed) > MAX_SEED:
        raise InvalidInput("coding.seed", max=MAX_SEED)
    return name, method, seed


def _coders(tx: Session, names: tuple[str, ...]) -> list[Coder]:
    """The named users, each an active coder (in the order given, once each); without names,
    every active coder by name."""
    if not names:
        users = list(
            tx.scalars(
                select(User)
                .where(User.role == Role.CODER.value, User.active.is_(True))
                .order_by(User.name)
            )
        )
        if not users:
            raise InvalidInput("coding.no_coders")
        return [Coder(u.id, u.name) for u in users]
    found: dict[str, Coder] = {}
    for name in names:
        user = find_user(tx, name)
        if user is None:
            raise InvalidInput("coding.coder_unknown", name=name)
        if user.role != Role.CODER.value or not user.active:
            raise InvalidInput("coding.not_a_coder", name=name)
        found.setdefault(user.id, Coder(user.id, user.name))
    return list(found.values())


def eligible_sessions(
    tx: Session, method: Method, start: date, end: date, day: date
) -> list[Candidate]:
    """The sessions a round of `method` over start..end drawn on `day` may sample, each with
    who held it (stratification), in no particular order."""
    rows = tx.execute(
        select(
            CourseSession.id,
            func.coalesce(CourseSession.held_by_id, Course.therapist_id),
            Course.client_id,
            CourseSession.date,
        )
        .join(Course, Course.id == CourseSession.course_id)
        .where(
            Course.method == method.value,
            CourseSession.kind == SessionKind.TRAUMA.value,
            CourseSession.note_status == NoteStatus.SIGNED.value,
            CourseSession.attendance == Attendance.HELD.value,
            CourseSession.recorded.is_(True),
            CourseSession.date >= start,
            CourseSession.date <= end,
        )
    ).all()
    consents = _consents_in_force(tx, {client_id for _s, _t, client_id, _d in rows}, day)
    return [
        Candidate(session_id, therapist_id)
        for session_id, therapist_id, client_id, held_on in rows
        if held_on is not None and consent_holds(consents.get(client_id, ()), held_on)
    ]


def _consents_in_force(
    tx: Session, client_ids: set[str], day: date
) -> dict[str, list[tuple[date, date | None]]]:
    """Each client's consents not withdrawn on or before `day`: (given on, withdrawn on)."""
    found: dict[str, list[tuple[date, date | None]]] = defaultdict(list)
    ids = sorted(client_ids)
    for i in range(0, len(ids), 500):  # a bounded number of parameters per statement
        consents = select(
            RecordingConsent.client_id, RecordingConsent.given_on, RecordingConsent.withdrawn_on
        )
        rows = tx.execute(consents.where(RecordingConsent.client_id.in_(ids[i : i + 500])))
        for client_id, given, withdrawn in rows:
            if withdrawn is None or withdrawn > day:
                found[client_id].append((given, withdrawn))
    return found


# --- the round's sessions, for its export -----------------------------------------------
@dataclass(frozen=True)
class SampledSession:
    """What the export for coders is made from. `client_id` and `recording_file` identify:
    the export only pseudonymises through them (the client's date shift) or writes them to
    the supervisor's key."""

    position: int
    session_id: str
    client_id: str
    method: Method
    programme: str
    programme_version: str
    pack_id: str
    pack_version: str
    theme_id: str | None
    number: int | None
    day: date | None  # the real date
    planned_minutes: int | None
    agenda_seconds: dict[str, Any]
    worksheets: tuple[str, ...]  # the ids of the worksheets used, in order
    recording_file: str | None


def round_for_export(acting: Acting, name: str) -> tuple[RoundView, list[SampledSession]]:
    """The round `name` and its sessions in draw order (a supervisor's)."""
    acting.require(Action.MANAGE_CODING)
    with acting.db.reading() as tx:
        found = _named(tx, name.strip())
        if found is None:
            raise InvalidInput("coding.round_unknown", name=name.strip())
        rows = tx.execute(
            select(CodingSample.position, CourseSession, Course)
            .join(CourseSession, CourseSession.id == CodingSample.session_id)
            .join(Course, Course.id == CourseSession.course_id)
            .where(CodingSample.round_id == found.id)
            .order_by(CodingSample.position)
        ).all()
        sessions = [sampled_session(position, s, c) for position, s, c in rows]
        return _view(found, _coder_rows(tx, found)), sessions


def sampled_session(position: int, s: CourseSession, c: Course) -> SampledSession:
    """A drawn session as its coders' facts and the export are made from."""
    worksheets = tuple(
        str(w["id"]) for w in s.worksheets_used if isinstance(w, dict) and w.get("id")
    )
    return SampledSession(
        position=position,
        session_id=s.id,
        client_id=c.client_id,
        method=Method(c.method),
        programme=c.programme,
        programme_version=c.programme_version,
        pack_id=c.pack_id,
        pack_version=c.pack_version,
        theme_id=s.theme_id,
        number=s.number,
        day=s.date,
        planned_minutes=s.planned_minutes,
        agenda_seconds=dict(s.agenda_seconds or {}),
        worksheets=worksheets,
        recording_file=s.recording_file,
    )


def record_export(acting: Acting, found: RoundView, **counts: int | bool) -> None:
    """The export of the round in the audit trail (ids and counts only)."""
    acting.require(Action.MANAGE_CODING)
    with acting.transaction() as tx:
        audit.record(
            tx, acting.actor, "coding.export", object_type="coding_round", object_id=found.id,
            **counts,
        )  # fmt: skip


# --- reading rounds -------------------------------------------------------------------------
def list_rounds(acting: Acting) -> list[RoundView]:
    """The rounds this user works with (a coder: their own), newest first."""
    _require_rounds(acting)
    with acting.db.reading() as tx:
        rounds = tx.scalars(
            select(CodingRound).order_by(CodingRound.created_at.desc(), CodingRound.name)
        )
        return [_view(r, _coder_rows(tx, r)) for r in rounds if _may_read(acting, r)]


def get_round(acting: Acting, name: str) -> RoundView:
    """The round called `name` (any case); InvalidInput if there is none this user may read."""
    _require_rounds(acting)
    with acting.db.reading() as tx:
        found = _named(tx, name.strip())
        if found is None or not _may_read(acting, found):
            raise InvalidInput("coding.round_unknown", name=name.strip())
        return _view(found, _coder_rows(tx, found))


def _require_rounds(acting: Acting) -> None:
    if not any(acting.may(a) for a in (Action.MANAGE_CODING, Action.CODING_RESULTS, Action.RATE)):
        raise acting.refusal(Action.MANAGE_CODING)


def _may_read(acting: Acting, found: CodingRound) -> bool:
    if acting.may(Action.MANAGE_CODING) or acting.may(Action.CODING_RESULTS):
        return True
    return acting.may(Action.RATE) and acting.actor.id in found.coder_ids


def _named(tx: Session, name: str) -> CodingRound | None:
    """The round of this name, in any case (names differing only in case are one name)."""
    key = name.casefold()
    for found in tx.scalars(select(CodingRound).order_by(CodingRound.name)):
        if found.name.casefold() == key:
            return found
    return None


def _coder_rows(tx: Session, found: CodingRound) -> list[Coder]:
    users = {u.id: u for u in tx.scalars(select(User).where(User.id.in_(found.coder_ids)))}
    return [Coder(i, users[i].name) for i in found.coder_ids if i in users]


def _view(found: CodingRound, coders: list[Coder]) -> RoundView:
    return RoundView(
        id=found.id,
        name=found.name,
        method=Method(found.method),
        scale_id=found.scale_id,
        scale_version=found.scale_version,
        start=found.start,
        end=found.end,
        size=found.size,
        seed=found.seed,
        by_therapist=found.by_therapist,
        coders=tuple(coders),
        status=RoundStatus(found.status),
        created_at=found.created_at,
        session_ids=tuple(s.session_id for s in found.samples),
        version=found.version,
    )
