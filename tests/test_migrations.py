import json
import sqlite3
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select

from traumefokus.errors import DataProblem
from traumefokus.paths import DataDir
from traumefokus.services.workspace import Workspace
from traumefokus.storage.database import open_database
from traumefokus.storage.keys import PlainKeys
from traumefokus.storage.migrate import alembic_config
from traumefokus.storage.models import Base, User
from traumefokus.storage.probe import SchemaState
from traumefokus.storage.revisions import HEAD, KNOWN_REVISIONS
from traumefokus.storage.target import DatabaseTarget


def test_known_revisions_match_the_migration_scripts():
    scripts = ScriptDirectory.from_config(alembic_config())
    in_order = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert tuple(in_order) == KNOWN_REVISIONS
    assert scripts.get_current_head() == HEAD


def test_upgrade_from_empty_builds_exactly_the_model_schema(db):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == HEAD


def _stamp(path: Path, revision: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.commit()
    connection.close()


def test_a_newer_database_is_refused_and_left_byte_identical(workspace):
    _stamp(workspace.data_dir.database, "9999")
    before = workspace.data_dir.database.read_bytes()
    with pytest.raises(DataProblem) as error:
        workspace.open()
    assert error.value.code == "db.newer"
    assert error.value.facts["revision"] == "9999"
    assert error.value.exit_code == 4
    assert workspace.data_dir.database.read_bytes() == before
    wal = Path(str(workspace.data_dir.database) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # a reader may leave an empty WAL


def test_a_corrupt_database_is_refused_untouched(data_dir):
    data_dir.ensure()
    data_dir.database.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DataProblem) as error:
        Workspace(data_dir).open()
    assert error.value.code == "db.corrupt"
    assert data_dir.database.read_bytes() == b"this is not a database" * 100


def test_a_database_of_another_program_is_refused(data_dir):
    data_dir.ensure()
    connection = sqlite3.connect(data_dir.database)
    connection.execute("CREATE TABLE recipes (id INTEGER)")
    connection.close()
    with pytest.raises(DataProblem) as error:
        Workspace(data_dir).open()
    assert error.value.code == "db.foreign"


def test_a_missing_database_is_not_created_by_accident(data_dir):
    with pytest.raises(DataProblem) as error:
        Workspace(data_dir).open()
    assert error.value.code == "db.missing"
    assert not data_dir.database.exists()


@pytest.mark.parametrize("older", KNOWN_REVISIONS[:-1])
def test_an_older_database_is_upgraded_after_a_backup_copy(tmp_path, older):
    from alembic import command

    from traumefokus.storage.engine import make_engine
    from traumefokus.storage.probe import probe

    path = tmp_path / "traumefokus.db"
    target = DatabaseTarget.sqlite(path)
    engine = make_engine(target, PlainKeys())
    command.upgrade(alembic_config(engine), older)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO users (id, name, role, active, created_at, version) "
            "VALUES ('u1', 'anna', 'admin', 1, '2026-01-01 10:00:00', 1)"
        )
    engine.dispose()

    with open_database(target, PlainKeys(), tmp_path / "backups") as db:
        assert probe(db.target, PlainKeys(), tmp_path).state is SchemaState.CURRENT
        with db.reading() as tx:
            assert list(tx.scalars(select(User.name))) == ["anna"]
    backups = list((tmp_path / "backups").iterdir())
    assert len(backups) == 1 and f"before-upgrade-from-{older}" in backups[0].name
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (older,)
    copy.close()


def test_the_revision_check_does_not_import_alembic(workspace, tmp_path):
    """Start-up on a current database must not pay for importing Alembic."""
    import subprocess

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from traumefokus.paths import DataDir\n"
        "from traumefokus.services.workspace import Workspace\n"
        f"Workspace(DataDir(Path({str(workspace.data_dir.root)!r}))).open().close()\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_data_dir_that_cannot_be_written_is_a_clear_problem(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DataProblem) as error:
        Workspace(DataDir(blocker / "sub")).open(create=True)
    assert error.value.code == "datadir.unwritable"


def test_a_failed_upgrade_leaves_the_database_as_it_was(tmp_path):
    """Every migration runs in one transaction: if one step fails, none has happened."""
    from alembic import command

    from traumefokus.storage.engine import make_engine

    path = tmp_path / "traumefokus.db"
    target = DatabaseTarget.sqlite(path)
    engine = make_engine(target, PlainKeys())
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as connection:  # in the way of revision 0003
        connection.exec_driver_sql("CREATE TABLE safety_flags (id INTEGER)")
    engine.dispose()
    with pytest.raises(DataProblem) as error:
        open_database(target, PlainKeys(), tmp_path / "backups")
    assert error.value.code == "db.upgrade_failed"
    connection = sqlite3.connect(path)
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    assert revision == ("0001",)
    assert "treatment_goals" not in tables  # revision 0002 was rolled back with 0003
    assert list((tmp_path / "backups").iterdir())  # and the copy from before is there


def test_user_names_are_normalised_by_the_accounts_migration_and_stay_reachable(tmp_path):
    from alembic import command

    from traumefokus.storage.engine import make_engine

    target = DatabaseTarget.sqlite(tmp_path / "traumefokus.db")
    engine = make_engine(target, PlainKeys())
    command.upgrade(alembic_config(engine), "0004")
    with engine.begin() as connection:
        for user_id, name in (("u1", "Anna"), ("u2", "ｂｏ"), ("u3", "bo"), ("u4", "Kim")):
            connection.exec_driver_sql(
                "INSERT INTO users (id, name, role, active, created_at, version) "
                f"VALUES ('{user_id}', '{name}', 'therapist', 1, "
                f"'2026-01-01 10:00:0{user_id[1]}', 1)"
            )
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as connection:
        names = dict(connection.exec_driver_sql("SELECT id, name FROM users").all())
        hashes = connection.exec_driver_sql("SELECT password_hash FROM users").scalars().all()
    engine.dispose()
    assert names == {"u1": "anna", "u2": "bo.2", "u3": "bo", "u4": "kim"}  # "bo" kept it
    assert hashes == [None] * 4  # they choose a password at their next sign-in


def test_the_letter_rule_migration_keeps_printed_letters_as_printed(tmp_path):
    """Printed letters keep their number and are marked with what it counted (the
    assessment included); a draft takes the new rule when it is printed."""
    from alembic import command

    from traumefokus.storage.engine import make_engine

    target = DatabaseTarget.sqlite(tmp_path / "traumefokus.db")
    engine = make_engine(target, PlainKeys())
    command.upgrade(alembic_config(engine), "0005")
    with engine.begin() as connection:
        run = connection.exec_driver_sql
        run(
            "INSERT INTO users (id, name, role, active, created_at, version) "
            "VALUES ('u1', 'anna', 'therapist', 1, '2026-01-01 10:00:00', 1)"
        )
        run(
            "INSERT INTO clients (id, code, site, created_at, version) "
            "VALUES ('k1', 'K-1', '', '2026-01-01', 1)"
        )
        run(
            "INSERT INTO courses (id, client_id, therapist_id, method, programme, "
            "programme_version, pack_id, pack_version, status, start_date, chosen_themes, "
            "created_at, version) VALUES ('c1', 'k1', 'u1', 'SS', 'move-ss', '1.0.0', "
            "'seeking-safety', '1.0.0', 'active', '2026-01-05', '[]', '2026-01-01', 1)"
        )
        for letter, after, printed in (("l1", 4, "'2026-02-02'"), ("l2", 8, "NULL")):
            run(
                "INSERT INTO status_letters (id, course_id, after_sessions, text, saved_at, "
                f"saved_by_id, printed_on, version) VALUES ('{letter}', 'c1', {after}, "
                f"'Kære K', '2026-02-01', 'u1', {printed}, 1)"
            )
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT id, after_sessions, text, printed_on, counted_kinds FROM status_letters "
            "ORDER BY id"
        ).all()
        dropped = connection.exec_driver_sql("SELECT dropped_themes FROM courses").scalar()
    engine.dispose()
    assert rows[0][:4] == ("l1", 4, "Kære K", "2026-02-02")
    assert json.loads(rows[0][4]) == ["assessment", "move", "trauma"]
    assert rows[1][1] == 8 and rows[1][4] is None
    assert json.loads(dropped) == {}
