"""Encryption at rest: no change to the tables. A SQLite database that already has users (one
made before this version, so a plain file) is marked to be encrypted: the next opening that
can (services/encryption.py) encrypts it and removes the mark. A new database is encrypted
from its first byte and never gets the mark; a server database is protected by its server.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 05:30:00
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

MARK = "encrypt_pending"
SECRETS = sa.table(
    "installation_secrets",
    sa.column("name", sa.String),
    sa.column("value", sa.String),
    sa.column("created_at", sa.DateTime),
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    users = bind.execute(sa.select(sa.func.count()).select_from(sa.table("users"))).scalar()
    if users:
        now = datetime.now(UTC).replace(tzinfo=None)
        bind.execute(SECRETS.insert().values(name=MARK, value="1", created_at=now))


def downgrade() -> None:
    op.get_bind().execute(SECRETS.delete().where(SECRETS.c.name == MARK))
