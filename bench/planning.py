"""Planning on a large database: how long the common actions take.

    .venv/bin/python bench/planning.py [--data-dir DIR] [--runs N]

Without --data-dir it builds the large demo (2000 clients, about ten years) in a temporary
folder first and prints how long that took. Runs offscreen for the window figures.
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

    from PySide6.QtWidgets import QApplication

    from traumefokus.services.courses import view_course
    from traumefokus.services.overview import client_courses, list_clients
    from traumefokus.services.planning import record_attendance, reschedule
    from traumefokus.ui.course_page import CoursePage
    from traumefokus.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    ctx = open_as(folder, "mette.h")
    db, acting = ctx.db, ctx.acting
    rows = list_clients(acting)
    busiest = max(rows, key=lambda r: r.courses)
    course_id = client_courses(acting, busiest.id)[0].id
    view = view_course(acting, course_id)
    print(f"{len(rows)} clients; a course with {len(view.sessions)} sessions")

    timed("list all clients (service)", lambda: list_clients(acting), args.runs)
    timed("one client's courses (service)", lambda: client_courses(acting, busiest.id), args.runs)
    timed("open a course (service)", lambda: view_course(acting, course_id), args.runs)
    window = MainWindow(ctx)
    window.begin()
    timed("main window: load the client list", window.reload, args.runs)
    page = CoursePage(ctx)
    timed("course page: show a course", lambda: page.show_course(course_id), args.runs)
    open_active = next(
        (
            s
            for r in rows
            if r.latest_status == "active"
            for c in client_courses(acting, r.id)
            if c.status == "active"
            for s in view_course(acting, c.id).sessions
            if s.open
        ),
        None,
    )
    if open_active is not None:
        day = open_active.planned_date or date.today()
        timed(
            "reschedule a session (service)",
            lambda: reschedule(acting, open_active.id, day=day, at=None),
            args.runs,
        )
        timed(
            "record attendance (service)",
            lambda: record_attendance(acting, open_active.id, None),
            args.runs,
        )
    for widget in (window, page):
        widget.deleteLater()  # Qt objects go before the interpreter shuts down
    app.processEvents()
    db.close()


if __name__ == "__main__":
    main()
