"""Session notes: the quote discussion, measures and per-point notes of a session, and
safety flags that stay on a course until cleared.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 16:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "safety_flags",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("course_id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("raised_by_id", sa.String(length=36), nullable=False),
        sa.Column("cleared_at", sa.DateTime(), nullable=True),
        sa.Column("cleared_by_id", sa.String(length=36), nullable=True),
        sa.Column("clear_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cleared_by_id"], ["users.id"], name=op.f("fk_safety_flags_cleared_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_safety_flags_course_id_courses")
        ),
        sa.ForeignKeyConstraint(
            ["raised_by_id"], ["users.id"], name=op.f("fk_safety_flags_raised_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["course_sessions.id"],
            name=op.f("fk_safety_flags_session_id_course_sessions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_flags")),
    )
    with op.batch_alter_table("safety_flags") as batch_op:
        batch_op.create_index(batch_op.f("ix_safety_flags_course_id"), ["course_id"])

    with op.batch_alter_table("course_sessions") as batch_op:
        for column in ("quote", "measures", "notes"):
            batch_op.add_column(sa.Column(column, sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("course_sessions") as batch_op:
        for column in ("notes", "measures", "quote"):
            batch_op.drop_column(column)
    op.drop_table("safety_flags")
