"""The tables of adherence coding: rounds, the sessions drawn for each, and the coders'
ratings (schema 0008)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from traumefokus.domain.vocabulary import Method, RatingStatus, RoundStatus
from traumefokus.storage.base import ID, Base, Versioned, one_of
from traumefokus.storage.clock import new_id, utc_now


class CodingRound(Versioned, Base):
    """A round of adherence coding: which sessions were drawn (at random, reproducibly, from
    the signed trauma sessions of one method in a period that were recorded with consent),
    with which scale, and who rates them."""

    __tablename__ = "coding_rounds"
    __table_args__ = (one_of("method", Method), one_of("status", RoundStatus))

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    method: Mapped[str] = mapped_column(String(2))
    scale_id: Mapped[str] = mapped_column(String(64))
    scale_version: Mapped[str] = mapped_column(String(32))
    start: Mapped[date]  # the period the sample is drawn from (the sessions' real dates)
    end: Mapped[date]
    size: Mapped[int]
    seed: Mapped[str] = mapped_column(String(64))
    by_therapist: Mapped[bool] = mapped_column(Boolean, default=False)  # stratified
    coder_ids: Mapped[list[Any]] = mapped_column(default=list)  # user ids, in order
    status: Mapped[str] = mapped_column(String(8), default=RoundStatus.OPEN.value)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by_id: Mapped[str] = mapped_column(ForeignKey("users.id"))

    samples: Mapped[list[CodingSample]] = relationship(
        back_populates="round", order_by="CodingSample.position", cascade="all, delete-orphan"
    )


class CodingSample(Base):
    """One session drawn for a round, at its place in the draw."""

    __tablename__ = "coding_samples"
    __table_args__ = (
        UniqueConstraint("round_id", "session_id"),
        UniqueConstraint("round_id", "position", name="uq_coding_samples_round_position"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    round_id: Mapped[str] = mapped_column(ForeignKey("coding_rounds.id"), index=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("course_sessions.id"), index=True)
    position: Mapped[int]

    round: Mapped[CodingRound] = relationship(back_populates="samples")


class CodingRating(Versioned, Base):
    """One coder's rating of one drawn session: item id (and rating, e.g. "F1.adherence"):
    a value on the scale, "na" or "cant_rate"; notes on strengths and weaknesses. A draft is
    saved as typed; a submitted rating is complete and no longer changes."""

    __tablename__ = "coding_ratings"
    __table_args__ = (
        UniqueConstraint("round_id", "session_id", "coder_id"),
        one_of("status", RatingStatus),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    round_id: Mapped[str] = mapped_column(ForeignKey("coding_rounds.id"), index=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("course_sessions.id"))
    coder_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    ratings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    notes: Mapped[dict[str, Any]] = mapped_column(default=dict)  # strengths, weaknesses
    status: Mapped[str] = mapped_column(String(16), default=RatingStatus.DRAFT.value)
    saved_at: Mapped[datetime] = mapped_column(default=utc_now)
    submitted_at: Mapped[datetime | None]
