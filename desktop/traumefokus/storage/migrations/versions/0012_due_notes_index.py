"""A partial index of the sessions whose notes are to be signed (storage/due_notes.py): the
overdue list reads these few instead of every session of ten years.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 16:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

DUE = "note_status != 'signed' AND (attendance = 'held' OR note_status = 'draft')"


def upgrade() -> None:
    op.create_index(
        "ix_course_sessions_note_due",
        "course_sessions",
        ["course_id"],
        sqlite_where=sa.text(DUE),
        postgresql_where=sa.text(DUE),
    )


def downgrade() -> None:
    op.drop_index("ix_course_sessions_note_due", table_name="course_sessions")
