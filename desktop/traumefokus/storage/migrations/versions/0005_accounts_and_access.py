"""Accounts and access: passwords (argon2id hashes), full names and professional titles,
failed sign-ins that survive a restart, and colleagues named co-therapist on a course.

User names are normalised (NFKC, case-folded) from now on, and existing names are normalised
here. Should two names become one (only possible with look-alike letters, since names were
already unique regardless of case), a name that was already in the normal form keeps it and
the other gets a number: "bo.2". Existing users have no
password: until an administrator has one, an administrator chooses theirs at sign-in; the
others get theirs from an administrator.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 22:00:00
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _normalised(name: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())


def upgrade() -> None:
    op.create_table(
        "sign_in_failures",
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("subject", name=op.f("pk_sign_in_failures")),
    )
    op.create_table(
        "course_covers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("course_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
        sa.Column("granted_by_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_course_covers_course_id_courses")
        ),
        sa.ForeignKeyConstraint(
            ["granted_by_id"], ["users.id"], name=op.f("fk_course_covers_granted_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_course_covers_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_course_covers")),
        sa.UniqueConstraint("course_id", "user_id", name=op.f("uq_course_covers_course_id")),
    )
    with op.batch_alter_table("course_covers") as batch_op:
        batch_op.create_index(batch_op.f("ix_course_covers_course_id"), ["course_id"])
        batch_op.create_index(batch_op.f("ix_course_covers_user_id"), ["user_id"])

    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("full_name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("title", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("password_hash", sa.String(length=255), nullable=True))

    users = sa.table(
        "users",
        sa.column("id", sa.String),
        sa.column("name", sa.String),
        sa.column("created_at", sa.DateTime),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(users.c.id, users.c.name).order_by(users.c.created_at, users.c.id)
    ).all()
    taken = {name for _id, name in rows if _normalised(name) == name}
    for user_id, name in rows:
        if name in taken:
            continue
        normal = _normalised(name)[:60]
        unique, number = normal, 2
        while unique in taken:
            unique, number = f"{normal}.{number}", number + 1
        taken.add(unique)
        connection.execute(users.update().where(users.c.id == user_id).values(name=unique))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("password_hash")
        batch_op.drop_column("title")
        batch_op.drop_column("full_name")
    with op.batch_alter_table("course_covers") as batch_op:
        batch_op.drop_index(batch_op.f("ix_course_covers_user_id"))
        batch_op.drop_index(batch_op.f("ix_course_covers_course_id"))
    op.drop_table("course_covers")
    op.drop_table("sign_in_failures")
