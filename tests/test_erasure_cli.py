"""`traumefokus client erase CODE [--today DATE]` on an encrypted database as `init` makes it:
no question asked (scripts), what went and what still holds the client said, the exit codes
of DESIGN.md; and the whole round: back up, erase, restore the backup, the client is gone
again and `audit verify` passes."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest

from factories import person, planned_course, signed_in
from raw_database import unlocked
from traumefokus.cli import main
from traumefokus.services.courses import end_course


def _run(folder, *argv: str, user: str = "admin", lang: str = "en") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(folder), "--lang", lang, "--user", user, *argv],
                out=out, err=err)  # fmt: skip
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def centre(tmp_path):
    """An encrypted centre: K-0001 with a course that ended on 2010-03-01, K-0002 with none."""
    folder = tmp_path / "data"
    assert _run(folder, "init", "--admin", "admin")[0] == 0
    with unlocked(folder).open() as db:
        admin = signed_in(db, folder, "admin")
        mette = person(admin, "mette", "therapist")
        from traumefokus.services.clients import add_client

        k1 = add_client(admin, "K-0001")
        add_client(admin, "K-0002")
        course = planned_course(mette, k1.id, start=date(2010, 1, 4))
        end_course(mette, course, status="ended_early", end_date=date(2010, 3, 1),
                   reason="moved", reasons=("moved",))  # fmt: skip
    return folder


def test_erase_says_what_went_and_that_older_backups_still_hold_the_client(centre):
    code, out, err = _run(centre, "client", "erase", "K-0001", "--today", "2020-03-01")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Erased the client K-0001: 1 courses and ")
    assert "sessions with everything" in lines[0]
    assert lines[1].startswith("Backups made before today still hold the client")
    assert _run(centre, "audit", "verify")[0] == 0
    code, _out, err = _run(centre, "client", "erase", "K-0001")
    assert code == 2 and "no client with the code K-0001" in err


def test_before_the_period_ends_it_is_exit_3_with_the_day_it_becomes_possible(centre):
    code, out, err = _run(centre, "client", "erase", "K-0001", "--today", "2020-02-29")
    assert code == 3 and out == ""
    assert err.strip() == (
        "traumefokus: The client K-0001 can be erased from 2020-03-01: the records are kept "
        "10 years after the last course ended (2010-03-01). Nothing has been erased."
    )
    code, _out, err = _run(centre, "client", "erase", "K-0001", "--today", "2020-02-29",
                           lang="da")  # fmt: skip
    assert code == 3 and "kan først slettes fra 2020-03-01" in err
    code, _out, err = _run(centre, "client", "erase", "K-0001")  # today: long since possible
    assert code == 0, err


def test_a_day_to_come_is_refused_and_only_an_administrator_erases(centre):
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    code, _out, err = _run(centre, "client", "erase", "K-0002", "--today", tomorrow)
    assert code == 2 and "after today" in err
    code, _out, err = _run(centre, "client", "erase", "K-0002", user="mette")
    assert code == 3 and "erase clients" in err
    assert _run(centre, "client", "erase", "K-0002")[0] == 0  # no course: at once


def test_a_restored_backup_loses_the_erased_client_again(centre, tmp_path):
    backup = tmp_path / "before.tfbackup"
    assert _run(centre, "backup", "--out", str(backup))[0] == 0
    assert _run(centre, "client", "erase", "K-0001", "--today", "2020-03-01")[0] == 0
    code, out, err = _run(centre, "restore", str(backup))
    assert code == 0, err
    assert "1 erased clients were in the backup and have been erased again." in out
    export = tmp_path / "records.json"
    assert _run(centre, "export", "records", "--out", str(export))[0] == 0
    assert "K-0001" not in export.read_text(encoding="utf-8")
    assert "K-0002" in export.read_text(encoding="utf-8")
    code, _out, err = _run(centre, "audit", "verify")
    assert code == 0, err
