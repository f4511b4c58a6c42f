"""A register of erased clients, and who changed an edited row last.

- `erased_clients`: the ids of erased clients and when (no code, no content), so that a
  restored backup, which still holds them, can be erased again.
- Every versioned table gains `changed_by_id` (a user's id, no foreign key: adding one would
  rebuild the large tables on SQLite) and `changed_at`, so that a refused change can say
  "changed by NAME at TIME". Existing rows have neither.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 08:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

VERSIONED = (
    "users",
    "clients",
    "recording_consents",
    "courses",
    "course_sessions",
    "treatment_goals",
    "status_letters",
    "itq_records",
    "coding_rounds",
    "coding_ratings",
)


def upgrade() -> None:
    op.create_table(
        "erased_clients",
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_erased_clients")),
    )
    for table in VERSIONED:
        # plain ADD COLUMN on both SQLite and PostgreSQL: no table is rebuilt
        op.add_column(table, sa.Column("changed_by_id", sa.String(length=36), nullable=True))
        op.add_column(table, sa.Column("changed_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("changed_at")
            batch_op.drop_column("changed_by_id")
    op.drop_table("erased_clients")
