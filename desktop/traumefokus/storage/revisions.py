"""The schema revisions this version of Traumefokus knows, oldest first.

Start-up compares a database's revision with these without importing Alembic; a test keeps
the list equal to the migration scripts. A new migration adds its revision id here.
"""

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
)
HEAD = KNOWN_REVISIONS[-1]
