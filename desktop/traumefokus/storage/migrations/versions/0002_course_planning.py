"""Course planning: programme version, treatment goals, planned minutes per session, the end
reason's own words, and plan history with a kind and its facts.

Rows written before this revision get an empty programme version (it was not recorded) and
plan-history entries of kind "note".

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 14:43:51
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "treatment_goals",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("course_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("set_on", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_treatment_goals_course_id_courses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_treatment_goals")),
    )
    with op.batch_alter_table("treatment_goals") as batch_op:
        batch_op.create_index(batch_op.f("ix_treatment_goals_course_id"), ["course_id"])

    with op.batch_alter_table("course_sessions") as batch_op:
        batch_op.add_column(sa.Column("planned_minutes", sa.Integer(), nullable=True))

    with op.batch_alter_table("courses") as batch_op:
        batch_op.add_column(
            sa.Column("programme_version", sa.String(length=32), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("end_reason_text", sa.Text(), nullable=True))

    with op.batch_alter_table("plan_changes") as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=32), nullable=False, server_default="note")
        )
        batch_op.add_column(sa.Column("details", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("plan_changes") as batch_op:
        batch_op.drop_column("details")
        batch_op.drop_column("kind")
    with op.batch_alter_table("courses") as batch_op:
        batch_op.drop_column("end_reason_text")
        batch_op.drop_column("programme_version")
    with op.batch_alter_table("course_sessions") as batch_op:
        batch_op.drop_column("planned_minutes")
    op.drop_table("treatment_goals")
