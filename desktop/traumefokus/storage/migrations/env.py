"""Alembic environment: runs on the engine the program hands over (batch mode for SQLite).

From the command line (developers making a revision) the database comes from `-x url=...`.
"""

from alembic import context
from sqlalchemy import create_engine

from traumefokus.storage.models import Base

engine = context.config.attributes.get("engine")
if engine is None:
    engine = create_engine(context.get_x_argument(as_dictionary=True)["url"])

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    context.run_migrations()
