"""The audit trail becomes a hash chain.

- Each entry gains `seq` (1, 2, 3, ... without gaps, unique), `prev_hash` and `hash`: the
  SHA-256 of the entry's canonical form, which includes the hash of the entry before
  (domain/audit_chain.py). The entries already written are numbered and hashed in the order
  they were written (by time; on SQLite ties by the order of insertion, on PostgreSQL by id).
- `audit_head`: one row naming the last entry (its seq and hash), read and moved by every
  append in the same transaction, so that appends are serialised and a removed last entry is
  found.
- An index on the entries' object id, so that the entries about one client are found fast.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 06:30:00
"""

from datetime import UTC

import sqlalchemy as sa
from alembic import op

from traumefokus.domain.audit_chain import GENESIS, ChainEntry, entry_hash

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BATCH = 5000
EVENTS = sa.table(
    "audit_events",
    sa.column("id", sa.String),
    sa.column("at", sa.DateTime),
    sa.column("user_name", sa.String),
    sa.column("action", sa.String),
    sa.column("object_type", sa.String),
    sa.column("object_id", sa.String),
    sa.column("details", sa.JSON),
    sa.column("seq", sa.Integer),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)
HEAD = sa.table(
    "audit_head", sa.column("id", sa.Integer), sa.column("seq", sa.Integer),
    sa.column("hash", sa.String),
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_head_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    seq, last = _chain_existing(op.get_bind())
    op.get_bind().execute(HEAD.insert().values(id=1, seq=seq, hash=last))
    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_audit_events_seq"), ["seq"])
        batch_op.create_index(batch_op.f("ix_audit_events_object_id"), ["object_id"])


def _chain_existing(bind: sa.Connection) -> tuple[int, str]:
    """Number and hash the entries in the order they were written; the last seq and hash."""
    tie = sa.literal_column("rowid") if bind.dialect.name == "sqlite" else EVENTS.c.id
    query = sa.select(
        EVENTS.c.id, EVENTS.c.at, EVENTS.c.user_name, EVENTS.c.action, EVENTS.c.object_type,
        EVENTS.c.object_id, EVENTS.c.details,
    ).order_by(EVENTS.c.at, tie)  # fmt: skip
    rows = bind.execute(query).all()  # ids and small details: fits in memory
    update = (
        EVENTS.update()
        .where(EVENTS.c.id == sa.bindparam("key"))
        .values(seq=sa.bindparam("s"), prev_hash=sa.bindparam("p"), hash=sa.bindparam("h"))
    )
    seq, last = 0, GENESIS
    for start in range(0, len(rows), BATCH):
        changes = []
        for row in rows[start : start + BATCH]:
            seq += 1
            entry = ChainEntry(
                seq=seq,
                at=row.at.replace(tzinfo=UTC),  # stored as naive UTC
                user_name=row.user_name,
                action=row.action,
                object_type=row.object_type,
                object_id=row.object_id,
                details=row.details or {},
                prev_hash=last,
            )
            digest = entry_hash(entry)
            changes.append({"key": row.id, "s": seq, "p": last, "h": digest})
            last = digest
        bind.execute(update, changes)
    return seq, last


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_object_id"))
        batch_op.drop_constraint(batch_op.f("uq_audit_events_seq"), type_="unique")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("seq")
    op.drop_table("audit_head")
