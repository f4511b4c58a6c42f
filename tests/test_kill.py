"""Nothing typed is lost: a real process types a draft and is killed with SIGKILL (no chance
to save or clean up); the next start reopens the draft and says so."""

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from cli_runner import run
from factories import person, signed_in
from raw_database import unlocked
from traumefokus.services import planning
from traumefokus.services.clients import add_client
from traumefokus.services.courses import create_course, view_course
from traumefokus.services.session_notes import open_note

TESTS = Path(__file__).resolve().parent
TEXT = "Urolig i nat – æøå"


def start(data_dir: Path, driver: str, session_id: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(TESTS / "drivers"), os.environ.get("PYTHONPATH", "")]),
        "TRAUMEFOKUS_TEST_DRIVER": f"kill_driver:{driver}",
        "KILL_SESSION": session_id,
        "KILL_TEXT": TEXT,
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "traumefokus", "--data-dir", str(data_dir), "--user", "mette.h"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def wait_for_line(process: subprocess.Popen, wanted: str, timeout: float = 60) -> list[str]:
    lines, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if line.startswith(wanted):
            return lines
    process.kill()
    _out, errors = process.communicate()
    raise AssertionError(
        f"no {wanted!r} from the program (exit {process.returncode}): {lines} {errors}"
    )


def test_a_killed_process_loses_no_draft(tmp_path):
    data = tmp_path / "data"
    assert run("init", "--admin", "admin", "--data-dir", data).code == 0
    workspace = unlocked(data)
    with workspace.open() as db:
        admin = signed_in(db, data, "admin")
        therapist = person(admin, "mette.h", "therapist")
        client = add_client(admin, "K-0001")
        course_id = create_course(
            therapist,
            client_id=client.id,
            therapist_id=therapist.actor.id,
            programme_id="move-ss",
            start=date(2026, 1, 5),
            weekday=0,
            at=None,
        )
        planning.choose_themes(
            therapist,
            course_id,
            ["safety", "grounding", "asking-for-help", "honesty", "boundaries", "triggers"],
        )
        session_id = next(s.id for s in view_course(therapist, course_id).sessions if s.number == 3)

    first = start(data, "type_and_report", session_id)
    wait_for_line(first, "DRAFT SAVED")
    first.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
    first.communicate(timeout=30)

    with workspace.open() as db:
        saved = open_note(signed_in(db, data, "mette.h"), session_id)
    assert saved.draft.check_in.feeling == TEXT

    second = start(data, "report_recovered", session_id)
    lines = wait_for_line(second, "FEELING:")
    second.communicate(timeout=30)
    assert f"FEELING: {TEXT}" in lines
    notice = next(line for line in lines if line.startswith("NOTICE:"))
    assert "ikke lukket rigtigt" in notice
