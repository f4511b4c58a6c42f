"""The session screen on a large database: open a session, move to the next point, save a
draft (target: under 50 ms each).

    .venv/bin/python bench/session.py [--data-dir DIR] [--runs N]

Without --data-dir it builds the large demo first. The screen runs offscreen; saving is
timed as the service call the background saver makes.
"""

from __future__ import annotations

import argparse

from common import large_demo, open_as, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    folder = large_demo(args.data_dir)

    from PySide6.QtWidgets import QApplication

    from traumefokus.services.session_notes import open_note, save_draft
    from traumefokus.storage.models import Course, CourseSession, User
    from traumefokus.ui.draft_saver import DraftSaver
    from traumefokus.ui.session_runner import SessionRunner

    app = QApplication.instance() or QApplication([])
    ctx = open_as(folder, "mette.h")
    db, acting = ctx.db, ctx.acting
    with db.reading() as tx:
        from sqlalchemy import select

        session_id = tx.scalars(
            select(CourseSession.id)
            .join(Course)
            .join(User, User.id == Course.therapist_id)
            .where(
                CourseSession.kind == "trauma",
                CourseSession.note_status != "signed",
                CourseSession.theme_id.is_not(None),
                Course.status == "active",
                User.name == "mette.h",
            )
            .limit(1)
        ).one()
    note = open_note(acting, session_id)
    print(f"a trauma-focused session of {note.client_code}, theme {note.theme.title}")

    timed("open a session (service)", lambda: open_note(acting, session_id), args.runs)
    saver = DraftSaver(ctx)
    runner = SessionRunner(ctx, saver)
    runner.resize(1280, 760)
    runner.show()
    timed(
        "open a session (screen)",
        lambda: (runner.open_session(session_id), app.processEvents()),
        args.runs,
    )
    steps = iter(range(10_000))
    timed(
        "move to the next point (screen)",
        lambda: (runner.go_to(next(steps) % 4, save=False), app.processEvents()),
        args.runs,
    )
    draft = runner.collect()
    timed(
        "save a draft (service, on the saver thread)",
        lambda: save_draft(acting, session_id, draft),
        args.runs,
    )
    timed("hand a draft to the saver (screen)", lambda: saver.request(session_id, draft), args.runs)
    saver.stop()
    runner.deleteLater()
    app.processEvents()
    db.close()


if __name__ == "__main__":
    main()
