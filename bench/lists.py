"""The start screen's lists on a large database: today's sessions, the overdue notes and the
client list, per user, with SQLite's plan for the overdue query.

    .venv/bin/python bench/lists.py [--data-dir DIR] [--runs N]

Without --data-dir it builds the large demo (2000 clients, about ten years) first.
"""

from __future__ import annotations

import argparse
from datetime import date

from common import large_demo, open_as, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folder = large_demo(args.data_dir)

    from sqlalchemy import text

    from traumefokus.services.overview import list_clients, overdue_notes
    from traumefokus.services.session_notes import todays_sessions

    today = date.today()
    for user in ("mette.h", "supervisor"):
        acting = open_as(folder, user).acting
        found = overdue_notes(acting, today)
        print(f"{user}: {len(found)} overdue notes")
        timed(f"{user}: overdue notes", lambda a=acting: overdue_notes(a, today), args.runs)
        timed(f"{user}: today's sessions", lambda a=acting: todays_sessions(a, today), args.runs)
        timed(f"{user}: the client list", lambda a=acting: list_clients(a, today), args.runs)
    acting = open_as(folder, "mette.h").acting
    with acting.db.reading() as tx:
        from traumefokus.services import overview

        query = overview.overdue_query(acting, today)
        compiled = query.compile(tx.get_bind(), compile_kwargs={"literal_binds": True})
        for row in tx.execute(text(f"EXPLAIN QUERY PLAN {compiled}")):
            print("   plan:", row[-1])


if __name__ == "__main__":
    main()
