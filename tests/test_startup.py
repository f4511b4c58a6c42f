"""Starting the program as a user (or a script) would: a real process each time."""

import os
import re
import subprocess
import sys

import pytest

from fresh_interpreter import imported_after
from raw_database import raw_connect

STARTED = re.compile(r"^started in \d+ ms$")
READY = re.compile(r"^ready in \d+ ms$")

PROBE = """
import sys
from traumefokus.cli import main
code = main(sys.argv[1:])
heavy = [m for m in ("sqlalchemy", "alembic", "jsonschema", "traumefokus.exports.records",
                    "babel", "markdown_it", "sqlalchemy.dialects.postgresql")
         if m in sys.modules]
print("imported:", ",".join(heavy) or "-")
sys.exit(code)
"""


def start(*argv, env=None):
    return subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_empty_data_dir_shows_the_first_user_dialog_without_sqlalchemy(tmp_path):
    result = start("--data-dir", tmp_path / "new", "--exit-after-start")
    assert result.returncode == 0, result.stderr
    first, ready, imported = result.stdout.strip().splitlines()
    assert STARTED.match(first) and READY.match(ready)
    assert imported == "imported: -"
    assert not (tmp_path / "new" / "traumefokus.db").exists()


def test_named_user_gets_the_main_window_without_alembic(tmp_path):
    from cli_runner import run

    assert run("init", "--admin", "anna", "--data-dir", tmp_path).code == 0
    result = start("--data-dir", tmp_path, "--user", "anna", "--exit-after-start")
    assert result.returncode == 0, result.stderr
    first, ready, imported = result.stdout.strip().splitlines()
    assert STARTED.match(first) and READY.match(ready)
    assert "alembic" not in imported and "jsonschema" not in imported
    assert "exports" not in imported
    # Babel (dates on paper) and markdown-it (a pack's texts) load when first used
    assert "babel" not in imported and "markdown_it" not in imported
    # a SQLite file: SQLAlchemy's PostgreSQL dialect is not loaded (20 ms)
    assert "sqlalchemy.dialects.postgresql" not in imported


def test_the_window_s_sign_in_is_in_the_audit_trail_once_the_check_has_run(tmp_path):
    """The user starts work at once; the integrity check and the sign-in's entry follow on
    another thread, and the program waits for them before it ends."""
    from cli_runner import run

    assert run("init", "--admin", "anna", "--data-dir", tmp_path).code == 0
    database = tmp_path / "traumefokus.db"

    def sign_ins() -> int:
        connection = raw_connect(database)
        try:
            query = "SELECT count(*) FROM audit_events WHERE action = 'user.sign_in'"
            return int(connection.execute(query).fetchone()[0])
        finally:
            connection.close()

    before = sign_ins()
    result = start("--data-dir", tmp_path, "--user", "anna", "--exit-after-start")
    assert result.returncode == 0, result.stderr
    assert sign_ins() == before + 1


def test_console_script_exit_after_start(tmp_path):
    script = os.path.join(os.path.dirname(sys.executable), "traumefokus")
    result = subprocess.run(
        [script, "--data-dir", tmp_path, "--exit-after-start"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    started, ready = result.stdout.strip().splitlines()
    assert STARTED.match(started) and READY.match(ready)
    assert int(ready.split()[2]) >= int(started.split()[2])  # the data after the first paint


def test_unknown_user_is_refused_with_exit_3(tmp_path):
    from cli_runner import run

    run("init", "--admin", "anna", "--data-dir", tmp_path)
    result = start("--data-dir", tmp_path, "--user", "bo", "--exit-after-start")
    assert result.returncode == 3


def test_newer_database_is_shown_as_a_problem_and_left_alone(tmp_path):
    from cli_runner import run

    run("init", "--admin", "anna", "--data-dir", tmp_path)
    database = tmp_path / "traumefokus.db"
    connection = raw_connect(database)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = database.read_bytes()
    result = start("--data-dir", tmp_path, "--user", "anna", "--exit-after-start")
    assert result.returncode == 4
    assert database.read_bytes() == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check is Linux")
def test_no_screen_is_one_clear_line_and_exit_4(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    result = start("--data-dir", tmp_path, "--lang", "en", env=env)
    assert result.returncode == 4
    assert "There is no screen" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check is Linux")
def test_exit_after_start_without_a_screen_renders_offscreen(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    result = start("--data-dir", tmp_path, "--exit-after-start", env=env)
    assert result.returncode == 0, result.stderr
    assert STARTED.match(result.stdout.splitlines()[0])


@pytest.mark.parametrize(
    ("modules", "heavy"),
    [
        # the main window paints first and loads its data after
        ("traumefokus.ui.app, traumefokus.ui.main_window", ("sqlalchemy", "alembic")),
        # the screens offer printing; the PDF machinery loads on the first print
        ("traumefokus.ui.course_page, traumefokus.ui.session_runner", ("reportlab", "pypdfium2")),
        # dates written out and the packs' Markdown load when first shown or printed
        (
            "traumefokus.ui.main_window, traumefokus.ui.session_runner, "
            "traumefokus.ui.content_browser, traumefokus.ui.theme_chooser, "
            "traumefokus.documents.wording",
            ("babel", "markdown_it"),
        ),
    ],
)
def test_screens_import_nothing_heavy_before_it_is_needed(modules, heavy):
    assert imported_after(f"import {modules}", heavy) == []
