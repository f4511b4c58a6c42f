"""The audit trail's tables: the entries, hash-chained, and the head of the chain (schema
0010; the chain's rules are in domain/audit_chain.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from traumefokus.storage.base import ID, Base
from traumefokus.storage.clock import new_id, utc_now


class AuditEvent(Base):
    """Who read, changed or exported what, and when: append-only, hash-chained.

    The user's name is copied so that the trail stays readable if a user is renamed. `seq`
    numbers the entries 1, 2, 3, ... without gaps; `hash` covers the entry and `prev_hash`
    (the hash of entry seq - 1), so that an entry altered or removed is found.
    """

    __tablename__ = "audit_events"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    user_name: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str | None] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(String(64), index=True)  # by client
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The one row naming the chain's last entry. Each append reads and moves it in the
    transaction that writes the entry (locking it on PostgreSQL), so that two writers never
    give two entries the same place; a removed last entry shows as a head ahead of the
    chain."""

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
