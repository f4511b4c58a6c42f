"""Adherence coding: rounds, the sessions drawn for each, and the coders' ratings.

- `coding_rounds`: a round's name, method, scale (id and version), period, sample size, seed,
  whether the draw was stratified by therapist, its coders and whether it is open.
- `coding_samples`: the sessions drawn for a round, in the order of the draw.
- `coding_ratings`: one coder's rating of one drawn session (a draft or submitted).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 03:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coding_rounds",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("method", sa.String(length=2), nullable=False),
        sa.Column("scale_id", sa.String(length=64), nullable=False),
        sa.Column("scale_version", sa.String(length=32), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("seed", sa.String(length=64), nullable=False),
        sa.Column("by_therapist", sa.Boolean(), nullable=False),
        sa.Column("coder_ids", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("method IN ('SS', 'CC')", name=op.f("ck_coding_rounds_method")),
        sa.CheckConstraint("status IN ('open', 'closed')", name=op.f("ck_coding_rounds_status")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_coding_rounds_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coding_rounds")),
        sa.UniqueConstraint("name", name=op.f("uq_coding_rounds_name")),
    )
    op.create_table(
        "coding_samples",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["coding_rounds.id"],
            name=op.f("fk_coding_samples_round_id_coding_rounds"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["course_sessions.id"],
            name=op.f("fk_coding_samples_session_id_course_sessions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coding_samples")),
        sa.UniqueConstraint("round_id", "session_id", name=op.f("uq_coding_samples_round_id")),
        sa.UniqueConstraint("round_id", "position", name="uq_coding_samples_round_position"),
    )
    with op.batch_alter_table("coding_samples") as batch_op:
        batch_op.create_index(batch_op.f("ix_coding_samples_round_id"), ["round_id"])
        batch_op.create_index(batch_op.f("ix_coding_samples_session_id"), ["session_id"])
    op.create_table(
        "coding_ratings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("coder_id", sa.String(length=36), nullable=False),
        sa.Column("ratings", sa.JSON(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'submitted')", name=op.f("ck_coding_ratings_status")
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["coding_rounds.id"],
            name=op.f("fk_coding_ratings_round_id_coding_rounds"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["course_sessions.id"],
            name=op.f("fk_coding_ratings_session_id_course_sessions"),
        ),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["users.id"], name=op.f("fk_coding_ratings_coder_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coding_ratings")),
        sa.UniqueConstraint(
            "round_id", "session_id", "coder_id", name=op.f("uq_coding_ratings_round_id")
        ),
    )
    with op.batch_alter_table("coding_ratings") as batch_op:
        batch_op.create_index(batch_op.f("ix_coding_ratings_round_id"), ["round_id"])
        batch_op.create_index(batch_op.f("ix_coding_ratings_coder_id"), ["coder_id"])


def downgrade() -> None:
    op.drop_table("coding_ratings")
    op.drop_table("coding_samples")
    op.drop_table("coding_rounds")
