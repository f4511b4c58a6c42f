"""A small centre for rating tests: a therapist's signed trauma sessions, two coders, a round
drawn straight through the models, and a small scale built from the dataclasses (the rating
service's scale lookup is replaced by it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from factories import person, planned_course
from traumefokus.domain.content import Version
from traumefokus.domain.scales import (
    Anchor,
    ItemRating,
    Scale,
    ScaleGroup,
    ScaleItem,
    ScalePart,
)
from traumefokus.domain.session_note import NoteDraft, WorksheetUse
from traumefokus.domain.vocabulary import Method
from traumefokus.services import coding_ratings
from traumefokus.services.acting import Acting
from traumefokus.services.clients import add_client
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import save_draft, sign_note
from traumefokus.storage.models import CodingRound, CodingSample

START = date(2026, 1, 5)
INTERVENTIONS = (Anchor(0, "Slet ikke"), Anchor(1, "Lav"), Anchor(2, "Høj"), Anchor(3, "Udpræget"))
PROCESSES = (
    Anchor(0, "Skadelig"),
    Anchor(1, "Ineffektiv"),
    Anchor(2, "Hjælpsom"),
    Anchor(3, "Yderst hjælpsom"),
)
SCALE = Scale(
    id="test-adherence",
    version=Version.parse("1.0.0"),
    method=Method.SEEKING_SAFETY,
    title="Testskala",
    language="da",
    source="tests",
    minimum=0,
    maximum=3,
    half_points=True,
    allows_na=True,
    allows_cant_rate=True,
    parts=(
        ScalePart("interventions", "Interventioner", INTERVENTIONS),
        ScalePart("processes", "Processer", PROCESSES),
    ),
    groups=(ScaleGroup("format", "Format"), ScaleGroup("process", "Proces")),
    items=(
        ScaleItem(
            "F1",
            "Tjek-ind",
            "format",
            (ItemRating("adherence", "interventions"), ItemRating("helpfulness", "processes")),
            official=False,
        ),
        ScaleItem("F2", "Citat", "format", (ItemRating("adherence", "interventions"),), True),
        ScaleItem(
            "P1", "Engagerede klienten", "process", (ItemRating("rating", "processes"),), True
        ),
    ),
    header_fields=("rater",),
)
KEYS = SCALE.rating_keys()  # F1.adherence, F1.helpfulness, F2.adherence, P1.rating
FULL = {"F1.adherence": 2, "F1.helpfulness": 2.5, "F2.adherence": "na", "P1.rating": "cant_rate"}


@dataclass(frozen=True)
class CodingCentre:
    admin: Acting
    therapist: Acting
    coder: Acting
    other_coder: Acting
    supervisor: Acting
    sessions: tuple[str, ...]  # the signed trauma sessions, in the round's order
    round_id: str


def use_scale(monkeypatch: pytest.MonkeyPatch, scale: Scale = SCALE) -> None:
    monkeypatch.setattr(coding_ratings, "round_scale", lambda acting, scale_id, version: scale)


def add_round(
    admin: Acting,
    name: str,
    coders: list[str],
    sessions: tuple[str, ...],
    *,
    status: str = "open",
) -> str:
    with admin.db.transaction() as tx:
        round_ = CodingRound(
            name=name,
            method="SS",
            scale_id=SCALE.id,
            scale_version=str(SCALE.version),
            start=START,
            end=date(2026, 6, 30),
            size=len(sessions),
            seed="7",
            coder_ids=coders,
            status=status,
            created_by_id=admin.actor.id,
        )
        tx.add(round_)
        tx.flush()
        for position, session_id in enumerate(sessions, start=1):
            tx.add(CodingSample(round_id=round_.id, session_id=session_id, position=position))
        return round_.id


def coding_centre(admin: Acting) -> CodingCentre:
    """Mette's course for K-4711 (display name Bodil Hansen) with two signed trauma sessions
    (worksheets used with a note, timed, a commitment), two coders in one open round."""
    mette = person(admin, "mette", "therapist", full_name="Mette Terapeut")
    coder = person(admin, "coder", "coder")
    coder2 = person(admin, "coder2", "coder")
    supervisor = person(admin, "sup", "supervisor")
    client = add_client(admin, "K-4711", display_name="Bodil Hansen")
    course = planned_course(mette, client.id, start=START)
    sessions = {s.number: s for s in view_course(mette, course).sessions}
    pack = admin.library.pack("seeking-safety", Version.parse("1.0.0"))
    signed = []
    for number in (3, 4):
        session = sessions[number]
        theme = pack.theme(session.theme_id) if pack and session.theme_id else None
        worksheets = theme.worksheets[:1] if theme else ()
        draft = NoteDraft(
            worksheets=[
                WorksheetUse(w.id, note="Klienten græd", handed_out=True) for w in worksheets
            ],
            commitment="Ringe til søsteren Bodil",
            agenda_seconds={"check_in": 300, "quote": 240, "theme": 2100, "check_out": 420},
        )
        save_draft(mette, session.id, draft)
        sign_note(mette, session.id, attendance="held", day=session.planned_date)
        signed.append(session.id)
    round_id = add_round(admin, "Maj 2026", [coder.actor.id, coder2.actor.id], tuple(signed))
    return CodingCentre(admin, mette, coder, coder2, supervisor, tuple(signed), round_id)
