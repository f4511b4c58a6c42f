"""The PostgreSQL server the tests run on (tests/pg_server.py): found or started, never
skipped silently, never run as root, never left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pg_server


@pytest.fixture
def nothing_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pg_server.URL_VARIABLE, raising=False)
    monkeypatch.setattr(pg_server, "find_bindir", lambda: None)


def test_without_a_server_the_tests_are_skipped_with_the_reason(nothing_installed, monkeypatch):
    monkeypatch.delenv(pg_server.REQUIRE_VARIABLE, raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        pg_server.server_for_tests()
    assert "apt-get install postgresql" in str(skipped.value)
    assert pg_server.URL_VARIABLE in str(skipped.value)


def test_ci_fails_instead_of_skipping(nothing_installed, monkeypatch):
    monkeypatch.setenv(pg_server.REQUIRE_VARIABLE, "1")
    with pytest.raises(pytest.fail.Exception) as failed:
        pg_server.server_for_tests()
    assert "no PostgreSQL server binaries" in str(failed.value)
    assert f"{pg_server.REQUIRE_VARIABLE} is set" in str(failed.value)


def test_a_given_server_is_used_through_psycopg(monkeypatch):
    monkeypatch.setenv(pg_server.URL_VARIABLE, "postgresql://tester:pw@db.example:6543/base")
    monkeypatch.setattr(pg_server, "find_bindir", lambda: pytest.fail("looked for binaries"))
    with pg_server.server_for_tests() as server:
        assert server.url == "postgresql+psycopg://tester:pw@db.example:6543/base"
        assert server.url_for("tf_1").endswith("@db.example:6543/tf_1")


def test_the_newest_installed_server_is_found(tmp_path, monkeypatch):
    for version in ("13", "15", "9"):
        folder = tmp_path / version / "bin"
        folder.mkdir(parents=True)
        for tool in ("initdb", "postgres"):
            (folder / tool).write_text("#!/bin/sh\n")
            (folder / tool).chmod(0o755)
    monkeypatch.setattr(pg_server.shutil, "which", lambda _name: None)
    monkeypatch.setattr(
        pg_server.glob, "glob", lambda _pattern: [str(p) for p in tmp_path.glob("*/bin")]
    )
    assert pg_server.find_bindir() == tmp_path / "15" / "bin"


def test_the_throwaway_server_listens_on_loopback_and_not_as_root(postgres):
    rows = postgres._run("SELECT current_setting('listen_addresses'), current_setting('fsync')")
    if pg_server.given_server() is not None:
        return  # a server someone else runs: only that it answers
    assert rows == [("127.0.0.1", "off")]
    data = Path(str(postgres._run("SHOW data_directory")[0][0]))
    if os.geteuid() == 0:
        assert data.stat().st_uid != 0


def test_a_run_drops_its_own_databases_and_no_one_elses(postgres):
    mine, theirs = (pg_server.Server(postgres.url, prefix=p) for p in ("tf_77_", "tf_777_"))
    mine.create_database(mine.new_name())
    theirs.create_database(theirs.new_name())
    mine.drop_own_databases()
    names = {row[0] for row in postgres._run("SELECT datname FROM pg_database")}
    theirs.drop_own_databases()
    assert "tf_77_0" not in names and "tf_777_0" in names


def test_a_folder_of_a_killed_run_is_removed_and_a_running_ones_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(pg_server.tempfile, "gettempdir", lambda: str(tmp_path))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    abandoned, running, starting = (tmp_path / f"{pg_server.FOLDER_PREFIX}{n}" for n in "abc")
    for folder in (abandoned, running, starting):
        folder.mkdir()
    (abandoned / "owner.pid").write_text(gone.stdout.strip())
    (running / "owner.pid").write_text(str(os.getpid()))
    pg_server.remove_abandoned_folders()
    assert not abandoned.exists() and running.exists() and starting.exists()


def test_the_server_dies_with_a_killed_test_run():
    """A test run ended by SIGKILL (a timeout, a crash) leaves no server behind, and the
    next run removes its folder."""
    if pg_server.find_bindir() is None and not pg_server.required():
        pytest.skip("no PostgreSQL binaries: this test starts a server of its own")
    code = (
        "import os, sys, time\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "import pg_server\n"
        "with pg_server.throwaway_server(pg_server.find_bindir()) as server:\n"
        "    print(server.url, os.getpid(), flush=True)\n"
        "    time.sleep(600)\n"
    )
    run = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        url, pid = run.stdout.readline().split()  # type: ignore[union-attr]
        assert url.startswith("postgresql+psycopg://")
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        assert pg_server._accepts(port)
    finally:
        run.send_signal(signal.SIGKILL)
        run.wait()
        run.stdout.close()  # type: ignore[union-attr]
    deadline = time.monotonic() + 30
    while pg_server._accepts(port) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not pg_server._accepts(port)
    folders = Path(pg_server.tempfile.gettempdir()).glob(pg_server.FOLDER_PREFIX + "*")
    left = [f for f in folders if _owner(f) == pid]
    assert len(left) == 1
    pg_server.remove_abandoned_folders()
    assert not left[0].exists()


def _owner(folder: Path) -> str | None:
    try:
        return (folder / "owner.pid").read_text()
    except OSError:
        return None  # another run's folder, being set up or removed
