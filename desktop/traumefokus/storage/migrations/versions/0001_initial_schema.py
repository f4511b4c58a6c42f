"""Initial schema: users, clients, courses, sessions, plan history, ITQ, addenda, audit.

Times are stored as naive UTC (see storage/types.py).

Revision ID: 0001
Revises: -
Create Date: 2026-11-23 14:15:03.177196
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("object_type", sa.String(length=32), nullable=True),
        sa.Column("object_id", sa.String(length=64), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_at"), ["at"], unique=False)

    op.create_table(
        "clients",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=True),
        sa.Column("site", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clients")),
        sa.UniqueConstraint("code", name=op.f("uq_clients_code")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "role IN ('admin', 'supervisor', 'therapist', 'coder')", name=op.f("ck_users_role")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )
    op.create_table(
        "courses",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("therapist_id", sa.String(length=36), nullable=False),
        sa.Column("method", sa.String(length=2), nullable=False),
        sa.Column("programme", sa.String(length=64), nullable=False),
        sa.Column("pack_id", sa.String(length=64), nullable=False),
        sa.Column("pack_version", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        sa.Column("chosen_themes", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("method IN ('SS', 'CC')", name=op.f("ck_courses_method")),
        sa.CheckConstraint(
            "status IN ('planned', 'active', 'completed', 'ended_early')",
            name=op.f("ck_courses_status"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_courses_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["therapist_id"], ["users.id"], name=op.f("fk_courses_therapist_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courses")),
    )
    with op.batch_alter_table("courses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_courses_client_id"), ["client_id"], unique=False)
        batch_op.create_index(
            "ix_courses_therapist_status", ["therapist_id", "status"], unique=False
        )

    op.create_table(
        "course_sessions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("course_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("extra", sa.Boolean(), nullable=False),
        sa.Column("follow_up_month", sa.Integer(), nullable=True),
        sa.Column("theme_id", sa.String(length=64), nullable=True),
        sa.Column("planned_date", sa.Date(), nullable=True),
        sa.Column("planned_time", sa.Time(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("attendance", sa.String(length=20), nullable=True),
        sa.Column("note_status", sa.String(length=8), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("signed_by_id", sa.String(length=36), nullable=True),
        sa.Column("agenda_seconds", sa.JSON(), nullable=False),
        sa.Column("check_in", sa.JSON(), nullable=False),
        sa.Column("check_out", sa.JSON(), nullable=False),
        sa.Column("worksheets_used", sa.JSON(), nullable=False),
        sa.Column("commitment", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "attendance IS NULL OR attendance IN "
            "('held', 'no_show', 'cancelled_client', 'cancelled_centre')",
            name=op.f("ck_course_sessions_attendance"),
        ),
        sa.CheckConstraint(
            "kind IN ('assessment', 'move', 'trauma', 'follow_up')",
            name=op.f("ck_course_sessions_kind"),
        ),
        sa.CheckConstraint(
            "note_status IN ('none', 'draft', 'signed')",
            name=op.f("ck_course_sessions_note_status"),
        ),
        sa.CheckConstraint(
            "follow_up_month IS NULL OR follow_up_month IN (1, 6)",
            name=op.f("ck_course_sessions_follow_up_month"),
        ),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_course_sessions_course_id_courses")
        ),
        sa.ForeignKeyConstraint(
            ["signed_by_id"], ["users.id"], name=op.f("fk_course_sessions_signed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_course_sessions")),
    )
    with op.batch_alter_table("course_sessions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_course_sessions_course_number", ["course_id", "number"], unique=False
        )
        batch_op.create_index("ix_course_sessions_planned_date", ["planned_date"], unique=False)

    op.create_table(
        "itq_records",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("course_id", sa.String(length=36), nullable=False),
        sa.Column("occasion", sa.String(length=16), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "occasion IN ('assessment', 'follow_up')", name=op.f("ck_itq_records_occasion")
        ),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_itq_records_course_id_courses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_itq_records")),
    )
    with op.batch_alter_table("itq_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_itq_records_course_id"), ["course_id"], unique=False)

    op.create_table(
        "plan_changes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("course_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.String(length=36), nullable=False),
        sa.Column("change", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["by_id"], ["users.id"], name=op.f("fk_plan_changes_by_id_users")),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_plan_changes_course_id_courses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_changes")),
    )
    with op.batch_alter_table("plan_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_changes_course_id"), ["course_id"], unique=False)

    op.create_table(
        "session_addenda",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["by_id"], ["users.id"], name=op.f("fk_session_addenda_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["course_sessions.id"],
            name=op.f("fk_session_addenda_session_id_course_sessions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_addenda")),
    )
    with op.batch_alter_table("session_addenda", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_session_addenda_session_id"), ["session_id"], unique=False
        )


def downgrade() -> None:
    for table in (
        "session_addenda",
        "plan_changes",
        "itq_records",
        "course_sessions",
        "courses",
        "users",
        "clients",
        "audit_events",
    ):
        op.drop_table(table)
