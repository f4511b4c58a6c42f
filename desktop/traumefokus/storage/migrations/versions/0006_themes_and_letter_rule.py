"""Missed themes and the status-letter rule.

- `courses.dropped_themes`: a chosen theme whose session was missed can now be left out of
  the course with a reason (theme id: reason); until then it is "still open" and the course
  cannot be completed.
- Status letters now fall due after the 4th, 8th and 12th held *weekly* session: the
  programme names the session kinds that count (`[status_letters] counts`), and the
  assessment no longer does. Before, every held session but the follow-ups counted, so the
  letters fell due after weekly sessions 3, 7 and 11 and none after 12.
  Which letters are due is computed from the held sessions, never stored, so every existing
  course is recomputed by the new rule as soon as it is read. What is stored is the letters
  the therapists saved: `status_letters.counted_kinds` records the kinds a letter's
  `after_sessions` counted when it was printed. Letters already printed keep their
  `after_sessions` and their text exactly as printed and are marked with the earlier count
  (assessment, move, trauma); a printed letter stands for its milestone under the new rule
  too, so no second letter falls due for it (a letter printed "after 12" under the earlier
  count, after weekly session 11, is the course's last letter: none falls due after the
  real 12th). Letters saved but not printed are drafts: they keep their number and belong to
  that letter under the new rule (due one session later); a draft whose number the course
  never reaches stays in the database and the records export, but no screen offers it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 00:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

EARLIER_COUNT = ["assessment", "move", "trauma"]  # what a printed letter's number counted


def upgrade() -> None:
    with op.batch_alter_table("courses") as batch_op:
        batch_op.add_column(
            sa.Column("dropped_themes", sa.JSON(), nullable=False, server_default="{}")
        )
    with op.batch_alter_table("status_letters") as batch_op:
        batch_op.add_column(sa.Column("counted_kinds", sa.JSON(), nullable=True))
    letters = sa.table(
        "status_letters",
        sa.column("printed_on", sa.Date()),
        sa.column("counted_kinds", sa.JSON()),
    )
    op.execute(
        letters.update()
        .where(letters.c.printed_on.is_not(None))
        .values(counted_kinds=EARLIER_COUNT)
    )


def downgrade() -> None:
    with op.batch_alter_table("status_letters") as batch_op:
        batch_op.drop_column("counted_kinds")
    with op.batch_alter_table("courses") as batch_op:
        batch_op.drop_column("dropped_themes")
