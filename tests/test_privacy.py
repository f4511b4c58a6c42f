"""Privacy on disk and in the log: private files whatever the umask, a log without client data
or secrets, no output over the program's own files, no CPR numbers."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from cli_runner import run
from raw_database import raw_connect
from traumefokus.domain.clients import looks_like_cpr
from traumefokus.domain.session_note import CheckIn, NoteDraft, points_with_cpr
from traumefokus.errors import InvalidInput
from traumefokus.paths import DataDir
from traumefokus.services.clients import add_client
from traumefokus.storage.models import Client
from traumefokus.storage.target import DatabaseTarget

pytestmark = pytest.mark.both_databases

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")


def modes(root: Path) -> dict[str, str]:
    found = {".": oct(stat.S_IMODE(root.stat().st_mode))}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


@posix_only
def test_a_fresh_demo_is_private_whatever_the_umask(tmp_path):
    data = tmp_path / "demo"
    subprocess.run(
        [sys.executable, "-m", "traumefokus", "demo", "--data-dir", str(data)],
        check=True,
        capture_output=True,
        preexec_fn=lambda: os.umask(0o022),
    )
    export = tmp_path / "records.json"
    subprocess.run(
        [sys.executable, "-m", "traumefokus", "export", "records", "--out", str(export),
         "--data-dir", str(data), "--user", "admin"],
        check=True,
        capture_output=True,
        preexec_fn=lambda: os.umask(0o022),
    )  # fmt: skip
    found = modes(data)
    folders = {p for p in found if p == "." or (data / p).is_dir()}
    assert {found[p] for p in folders} == {"0o700"}
    assert {found[p] for p in set(found) - folders} == {"0o600"}
    assert "traumefokus.db" in found and "logs/traumefokus.log" in found
    assert oct(stat.S_IMODE(export.stat().st_mode)) == "0o600"


@posix_only
def test_an_existing_data_directory_is_tightened_at_start(tmp_path):
    data = tmp_path / "data"
    assert run("init", "--admin", "anna", "--data-dir", data).code == 0
    os.chmod(data, 0o755)
    os.chmod(data / "traumefokus.db", 0o644)
    os.chmod(data / "logs", 0o755)
    os.chmod(data / "logs" / "traumefokus.log", 0o644)
    (data / "notes.txt").write_text("not the program's")
    os.chmod(data / "notes.txt", 0o664)
    assert run("pack", "list", "--data-dir", data).code == 0
    found = modes(data)
    assert (found["."], found["logs"]) == ("0o700", "0o700")
    assert found["traumefokus.db"] == "0o600" and found["logs/traumefokus.log"] == "0o600"
    assert found["notes.txt"] == "0o664"  # not the program's to change


@posix_only
def test_a_folder_that_is_not_a_data_directory_is_left_alone(tmp_path):
    project = tmp_path / "project"
    (project / "bin").mkdir(parents=True)
    (project / "bin" / "run.sh").write_text("#!/bin/sh\n")
    os.chmod(project / "bin" / "run.sh", 0o755)
    os.chmod(project, 0o755)
    assert run("pack", "list", "--data-dir", project).code == 0  # a mistyped --data-dir
    assert modes(project)["bin/run.sh"] == "0o755" and modes(project)["."] == "0o755"


@pytest.mark.log_warnings_expected
def test_a_bug_leaves_no_client_data_and_no_command_line_in_the_log(tmp_path, monkeypatch):
    from traumefokus.services import clients

    data = tmp_path / "data"
    assert run("init", "--admin", "anna", "--data-dir", data).code == 0

    def broken(acting, code, *, display_name=None, site=None):
        raise ValueError(f"cannot file {code} for {display_name}")

    monkeypatch.setattr(clients, "add_client", broken)
    result = run(
        "client", "add", "K-HEMMELIG-77", "--display-name", "Bodil Østergård",
        "--user", "anna", "--data-dir", data,
    )  # fmt: skip
    assert result.code == 1
    log = (data / "logs" / "traumefokus.log").read_text(encoding="utf-8")
    for secret in ("K-HEMMELIG-77", "Bodil", "Østergård", "traumefokus-demo"):
        assert secret not in log and secret not in result.err
    assert str(tmp_path) not in log  # not even where the data is
    assert "ValueError" in log and "in broken" in log  # what and where, for the bug report


def test_sql_values_never_reach_an_error_message(db, admin):
    add_client(admin, "K-HEMMELIG-1")
    with pytest.raises(IntegrityError) as error, db.transaction() as tx:
        tx.add(Client(code="K-HEMMELIG-1", display_name="Bodil Østergård", site=""))
    assert "K-HEMMELIG-1" not in str(error.value) and "Bodil" not in str(error.value)
    assert "K-HEMMELIG-1" not in str(error.value.orig)  # the driver's own error, chained


def test_a_database_password_is_never_shown(tmp_path):
    url = "postgresql+nosuchdriver://bob:hunter2secret@db.example/tf?password=alsosecret"
    target = DatabaseTarget.choose(DataDir(tmp_path), url)
    assert "hunter2secret" not in target.where and "alsosecret" not in target.where
    result = run("export", "records", "--out", tmp_path / "x.json", "--data-dir", tmp_path,
                 "--database-url", url, "--user", "anna")  # fmt: skip
    assert result.code in (2, 4)
    assert "hunter2secret" not in result.err and "alsosecret" not in result.err


@pytest.fixture
def initialised(tmp_path) -> Path:
    data = tmp_path / "data"
    assert run("init", "--admin", "anna", "--data-dir", data).code == 0
    return data


@pytest.mark.parametrize(
    "name",
    [
        "traumefokus.db",
        "traumefokus.db-wal",
        "traumefokus.db-shm",
        "traumefokus.db.keys",
        "traumefokus.db.attempts",
        "settings.json",
    ],
)
def test_export_never_writes_over_the_programs_own_files(initialised, name):
    target = initialised / name
    if not target.exists():
        target.write_bytes(b"")  # as an open database has them
    result = run("export", "records", "--out", target, "--data-dir", initialised,
                 "--user", "anna", "--lang", "en")  # fmt: skip
    assert result.code == 2 and result.err.count("\n") == 1
    assert "never overwritten" in result.err
    # No export in it (SQLite removes its own -wal and -shm when the database closes).
    assert not target.exists() or b"exported_at" not in target.read_bytes()
    assert_database_whole(initialised)


def assert_database_whole(data: Path) -> None:
    connection = raw_connect(data / "traumefokus.db")
    assert connection.execute("SELECT name FROM users").fetchall() == [("anna",)]
    connection.close()


def test_the_database_by_another_name_is_refused_too(initialised, tmp_path):
    hard_link = tmp_path / "innocent.json"
    os.link(initialised / "traumefokus.db", hard_link)
    result = run("export", "records", "--out", hard_link, "--data-dir", initialised,
                 "--user", "anna")  # fmt: skip
    assert result.code == 2
    other_case = initialised / "TRAUMEFOKUS.DB-WAL"  # the same file on Windows and macOS
    result = run("export", "records", "--out", other_case, "--data-dir", initialised,
                 "--user", "anna")  # fmt: skip
    assert result.code == 2 and not other_case.exists()
    assert_database_whole(initialised)


def test_a_link_to_the_database_is_refused_too(initialised, tmp_path):
    link = tmp_path / "innocent.json"
    link.symlink_to(initialised / "traumefokus.db")
    result = run("export", "records", "--out", link, "--data-dir", initialised, "--user", "anna")
    assert result.code == 2 and link.is_symlink()
    assert_database_whole(initialised)


@posix_only
@pytest.mark.parametrize("kind", ["directory", "device", "fifo"])
def test_export_refuses_what_is_not_a_regular_file(initialised, tmp_path, kind):
    target = {"directory": tmp_path, "device": Path("/dev/null"), "fifo": tmp_path / "pipe"}[kind]
    if kind == "fifo":
        os.mkfifo(target)
    result = run("export", "records", "--out", target, "--data-dir", initialised,
                 "--user", "anna", "--lang", "en")  # fmt: skip
    assert result.code == 2 and "not a regular file" in result.err
    assert (target.is_dir() or target.is_char_device()) if kind != "fifo" else target.is_fifo()


def test_print_refuses_the_database_as_its_output(initialised):
    result = run("print", "plan", "--course", "any", "--out", initialised / "traumefokus.db",
                 "--data-dir", initialised, "--user", "anna")  # fmt: skip
    assert result.code == 2 and "overskrives aldrig" in result.err


@pytest.mark.parametrize(
    "text",
    ["010190--1234", "010190 - 1234", "010190.1234", "01.01.90-1234", "0101901234", "010190–1234"],
)
def test_every_separator_run_is_a_cpr_number(text):
    assert looks_like_cpr(text) and looks_like_cpr(f"Bo {text} Hansen")


@pytest.mark.parametrize("text", ["12 34 56 78", "tlf. 12345678", "01019012345", "2026-01-05"])
def test_phone_numbers_and_dates_are_not(text):
    assert not looks_like_cpr(text)


def test_a_cpr_number_in_a_display_name_is_refused(db, admin, workspace):
    with pytest.raises(InvalidInput) as refused:
        add_client(admin, "K-0001", display_name="Bo Hansen 010190-1234")
    assert refused.value.code == "client.name_cpr"
    where = ["--data-dir", workspace.data_dir.root]
    if workspace.database_url:
        where += ["--database-url", workspace.database_url]
    result_code = run("client", "add", "K-0002", "--display-name", "Bo 010190 - 1234",
                      *where, "--user", "admin").code  # fmt: skip
    assert result_code == 2


def test_a_cpr_number_in_a_note_is_found_for_a_warning_not_refused():
    draft = NoteDraft(check_in=CheckIn(feeling="ok"), commitment="Ring 010190-1234")
    draft.notes = {"topic": "intet"}
    assert points_with_cpr(draft) == ["check_out"]
    assert points_with_cpr(NoteDraft()) == []
