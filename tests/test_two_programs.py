"""Acceptance (issue 16, shared database): two programs on one PostgreSQL database save the
same session at the same moment, each over the version it read. Exactly one is saved; the
other is refused with "changed by NAME" naming the first, and nothing is lost: the first's
words are in the database. Runs wherever PostgreSQL is to be had, and always in CI
(TRAUMEFOKUS_REQUIRE_PG makes a missing server a failure, see conftest.py)."""

import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from conftest import PASSWORD, postgres_database
from factories import person, planned_course
from traumefokus.content.library import ContentLibrary
from traumefokus.paths import DataDir
from traumefokus.services.acting import Acting
from traumefokus.services.clients import add_client
from traumefokus.services.course_team import grant_cover
from traumefokus.services.courses import view_course
from traumefokus.services.session_notes import open_note
from traumefokus.services.users import create_first_admin
from traumefokus.services.workspace import Workspace

WRITER = Path(__file__).with_name("session_writer.py")
DESKTOP = Path(__file__).parents[1] / "desktop"
NAMES = {"mette.h": "Mette Holm", "jonas.k": "Jonas Krogh"}


def centre(folder: DataDir, url: str) -> str:
    """Two therapists on one course (Jonas covers Mette's): the id of its session 3."""
    with Workspace(folder, url).open(create=True) as db:
        admin = Acting(db, ContentLibrary.for_data_dir(folder),
                       create_first_admin(db, "admin", PASSWORD), folder)  # fmt: skip
        mette = person(admin, "mette.h", "therapist", full_name=NAMES["mette.h"])
        jonas = person(admin, "jonas.k", "therapist", full_name=NAMES["jonas.k"])
        client = add_client(admin, "K-0001")
        course_id = planned_course(mette, client.id, start=date(2026, 1, 5))
        grant_cover(mette, course_id, jonas.actor.id)
        return next(s.id for s in view_course(mette, course_id).sessions if s.number == 3)


def test_two_programs_saving_one_session_give_one_conflict_and_lose_nothing(request, tmp_path):
    url = postgres_database(request, request.getfixturevalue("postgres_template"))
    folder = DataDir(tmp_path / "data")
    folder.ensure()
    session_id = centre(folder, url)
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    env = {**os.environ, "PYTHONPATH": str(DESKTOP), "TRAUMEFOKUS_PASSWORD": PASSWORD}
    words = {user: f"{name}s ord" for user, name in NAMES.items()}
    programs = {
        user: subprocess.Popen(
            [
                sys.executable,
                str(WRITER),
                str(folder.root),
                url,
                user,
                session_id,
                words[user],
                str(barrier),
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for user in NAMES
    }
    deadline = time.monotonic() + 60
    while not all((barrier / f"{user}.ready").exists() for user in NAMES):
        assert all(p.poll() is None for p in programs.values()), [
            p.communicate() for p in programs.values()
        ]
        assert time.monotonic() < deadline, "the programs did not read the note"
        time.sleep(0.01)
    (barrier / "go").touch()  # both have read the same version: now both save
    said = {}
    for user, program in programs.items():
        out, err = program.communicate(timeout=60)
        assert program.returncode == 0, err
        said[user] = json.loads(out.strip().splitlines()[-1])
    saved = [user for user, outcome in said.items() if "saved" in outcome]
    refused = [user for user, outcome in said.items() if "refused" in outcome]
    assert len(saved) == 1 and len(refused) == 1, said
    (winner,), (loser,) = saved, refused
    assert said[loser] == {"refused": "db.conflict_by", "name": NAMES[winner]}
    with Workspace(folder, url).open() as db:
        admin = Acting(db, ContentLibrary.for_data_dir(folder),
                       _signed_in(db, "admin"), folder)  # fmt: skip
        mette = Acting(db, admin.library, _signed_in(db, "mette.h"), folder)
        note = open_note(mette, session_id)
    assert note.draft.check_in.feeling == words[winner]
    assert note.draft.commitment == words[winner]
    assert note.version == said[winner]["saved"]


def _signed_in(db, name):
    from traumefokus.services.auth import sign_in

    return sign_in(db, name, PASSWORD)
