"""Status letters: the therapist's text of the letter after every fourth held session, and
the day it was printed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "status_letters",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("course_id", sa.String(length=36), nullable=False),
        sa.Column("after_sessions", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("saved_by_id", sa.String(length=36), nullable=False),
        sa.Column("printed_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_status_letters_course_id_courses")
        ),
        sa.ForeignKeyConstraint(
            ["saved_by_id"], ["users.id"], name=op.f("fk_status_letters_saved_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_letters")),
        sa.UniqueConstraint(
            "course_id", "after_sessions", name=op.f("uq_status_letters_course_id")
        ),
    )
    with op.batch_alter_table("status_letters") as batch_op:
        batch_op.create_index(batch_op.f("ix_status_letters_course_id"), ["course_id"])


def downgrade() -> None:
    op.drop_table("status_letters")
