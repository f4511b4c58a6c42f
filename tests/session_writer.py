"""One program saving a session note on a shared database, for test_two_programs.py: it signs
in, reads the note (its version), says it is ready (a file), waits for the go (another file),
then saves its words over the version it read, and prints what happened as one JSON line:
{"saved": version} or {"refused": code, "name": who}."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from traumefokus.content.library import ContentLibrary
from traumefokus.domain.session_note import CheckIn, NoteDraft
from traumefokus.errors import Refused
from traumefokus.paths import DataDir
from traumefokus.services.acting import Acting
from traumefokus.services.auth import sign_in
from traumefokus.services.session_notes import open_note, save_draft
from traumefokus.services.workspace import Workspace


def main(data_dir: str, url: str, user: str, session_id: str, words: str, barrier: str) -> None:
    folder = DataDir(Path(data_dir))
    with Workspace(folder, url).open() as db:
        acting = Acting(db, ContentLibrary.for_data_dir(folder), sign_in(db, user, _password()),
                        folder)  # fmt: skip
        seen = open_note(acting, session_id).version
        Path(barrier, f"{user}.ready").touch()
        go = Path(barrier, "go")
        deadline = time.monotonic() + 60
        while not go.exists():
            if time.monotonic() > deadline:
                raise SystemExit("no go")
            time.sleep(0.005)
        draft = NoteDraft(check_in=CheckIn(feeling=words), commitment=words)
        try:
            saved = save_draft(acting, session_id, draft, version=seen)
        except Refused as error:
            print(json.dumps({"refused": error.code, "name": error.facts.get("name")}))
        else:
            print(json.dumps({"saved": saved.version}))


def _password() -> str:
    import os

    return os.environ["TRAUMEFOKUS_PASSWORD"]


if __name__ == "__main__":
    main(*sys.argv[1:])
