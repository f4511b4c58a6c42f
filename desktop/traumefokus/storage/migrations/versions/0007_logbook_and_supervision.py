"""The logbook and supervision.

- Each session gains the logbook's own fields: the gift card (given or not, and the amount),
  other treatment since last time, why it was not held, who held it when not the course's
  therapist, whether it was recorded and the recording's file name, and a supervisor's
  co-signature. Existing sessions have none of them noted (the gift card is NULL, meaning
  "not noted", not "not given"); `recorded` is false.
- `recording_consents`: a client's consent to audio recording, and its withdrawal.
- `supervisor_comments`: a supervisor's remarks on a course or a session, and when the
  therapist read them.
- `installation_secrets`: secrets made once per database (the pseudonyms' key), made when
  first needed.
- An index on the sessions' real dates, which the logbook's period selects on.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 02:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("course_sessions") as batch_op:
        batch_op.add_column(sa.Column("gift_card_given", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("gift_card_dkk", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("other_treatment", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(sa.Column("not_held_reason", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("held_by_id", sa.String(length=36), nullable=True))
        batch_op.add_column(
            sa.Column("recorded", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("recording_file", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("cosigned_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("cosigned_by_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_course_sessions_held_by_id_users"), "users", ["held_by_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_course_sessions_cosigned_by_id_users"),
            "users",
            ["cosigned_by_id"],
            ["id"],
        )
        batch_op.create_check_constraint(
            "gift_card_dkk", "gift_card_dkk IS NULL OR gift_card_dkk >= 0"
        )
        batch_op.create_index("ix_course_sessions_date", ["date"])
    op.create_table(
        "recording_consents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("recorded_by_id", sa.String(length=36), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_by_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_recording_consents_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["users.id"],
            name=op.f("fk_recording_consents_recorded_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["withdrawn_by_id"],
            ["users.id"],
            name=op.f("fk_recording_consents_withdrawn_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recording_consents")),
    )
    with op.batch_alter_table("recording_consents") as batch_op:
        batch_op.create_index(batch_op.f("ix_recording_consents_client_id"), ["client_id"])
    op.create_table(
        "supervisor_comments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("course_id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.Column("read_by_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_supervisor_comments_course_id_courses")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["course_sessions.id"],
            name=op.f("fk_supervisor_comments_session_id_course_sessions"),
        ),
        sa.ForeignKeyConstraint(
            ["by_id"], ["users.id"], name=op.f("fk_supervisor_comments_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["read_by_id"], ["users.id"], name=op.f("fk_supervisor_comments_read_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervisor_comments")),
    )
    with op.batch_alter_table("supervisor_comments") as batch_op:
        batch_op.create_index(batch_op.f("ix_supervisor_comments_course_id"), ["course_id"])
        batch_op.create_index(batch_op.f("ix_supervisor_comments_session_id"), ["session_id"])
    op.create_table(
        "installation_secrets",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_installation_secrets")),
    )


def downgrade() -> None:
    op.drop_table("installation_secrets")
    with op.batch_alter_table("supervisor_comments") as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervisor_comments_session_id"))
        batch_op.drop_index(batch_op.f("ix_supervisor_comments_course_id"))
    op.drop_table("supervisor_comments")
    with op.batch_alter_table("recording_consents") as batch_op:
        batch_op.drop_index(batch_op.f("ix_recording_consents_client_id"))
    op.drop_table("recording_consents")
    with op.batch_alter_table("course_sessions") as batch_op:
        batch_op.drop_index("ix_course_sessions_date")
        batch_op.drop_constraint("gift_card_dkk", type_="check")
        batch_op.drop_constraint(
            batch_op.f("fk_course_sessions_cosigned_by_id_users"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_course_sessions_held_by_id_users"), type_="foreignkey"
        )
        for column in (
            "cosigned_by_id",
            "cosigned_at",
            "recording_file",
            "recorded",
            "held_by_id",
            "not_held_reason",
            "other_treatment",
            "gift_card_dkk",
            "gift_card_given",
        ):
            batch_op.drop_column(column)
