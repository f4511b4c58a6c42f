import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Index, MetaData, String, Table, column, inspect, select, text
from sqlalchemy.schema import CreateIndex

from conftest import postgres_database
from traumefokus.errors import DataProblem
from traumefokus.paths import DataDir
from traumefokus.services.workspace import Workspace
from traumefokus.storage.database import open_database
from traumefokus.storage.due_notes import DUE_NOTES_INDEX, note_to_sign
from traumefokus.storage.keys import PlainKeys
from traumefokus.storage.migrate import alembic_config
from traumefokus.storage.models import Base, User
from traumefokus.storage.probe import SchemaState
from traumefokus.storage.revisions import HEAD, KNOWN_REVISIONS

pytestmark = pytest.mark.both_databases


@pytest.fixture
def blank(request, backend, data_dir) -> Workspace:
    """A database with nothing in it yet (not even a schema), on the test's backend."""
    data_dir.ensure()
    if backend == "sqlite":
        return Workspace(data_dir)
    return Workspace(data_dir, postgres_database(request))


def _contents(workspace: Workspace) -> list[object]:
    """Every table's rows, in a stable order."""
    from traumefokus.storage.engine import make_engine

    engine = make_engine(workspace.target, PlainKeys())
    try:
        with engine.connect() as connection:
            tables = sorted(inspect(connection).get_table_names())
            return [(t, sorted(map(repr, connection.execute(text(f"SELECT * FROM {t}")))))
                    for t in tables]  # fmt: skip
    finally:
        engine.dispose()


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


def test_the_migrated_index_of_notes_to_sign_has_the_condition_of_the_queries(db, backend):
    """The partial index's condition, which compare_metadata does not compare: the migration's
    and `due_notes.note_to_sign`'s, each as the database itself reads it back."""
    table = Table("course_sessions", MetaData(), Column("course_id", String))
    condition = note_to_sign(column("note_status"), column("attendance"))
    where = {f"{db.engine.dialect.name}_where": condition}
    expected = Index("expected_copy", table.c.course_id, **where)
    with db.engine.connect() as connection:
        migrated = _index_definition(connection, backend, DUE_NOTES_INDEX)
        connection.execute(CreateIndex(expected))
        copied = _index_definition(connection, backend, "expected_copy")
        connection.rollback()
    assert "WHERE" in migrated.upper()
    assert migrated.replace(DUE_NOTES_INDEX, "expected_copy") == copied


def _index_definition(connection, backend: str, name: str) -> str:
    if backend == "sqlite":
        query = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name"
    else:
        query = "SELECT indexdef FROM pg_indexes WHERE indexname = :name"
    return " ".join(connection.execute(text(query), {"name": name}).scalar_one().split())


def _stamp(workspace: Workspace, revision: str) -> None:
    from traumefokus.storage.engine import make_engine

    engine = make_engine(workspace.target, PlainKeys())
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def test_a_newer_database_is_refused_and_left_byte_identical(workspace, backend):
    _stamp(workspace, "9999")
    if backend == "postgres":
        before = _contents(workspace)
    else:
        before = workspace.data_dir.database.read_bytes()
    with pytest.raises(DataProblem) as error:
        workspace.open()
    assert error.value.code == "db.newer"
    assert error.value.facts["revision"] == "9999"
    assert error.value.exit_code == 4
    if backend == "postgres":
        assert _contents(workspace) == before
        return
    assert workspace.data_dir.database.read_bytes() == before
    wal = Path(str(workspace.data_dir.database) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # a reader may leave an empty WAL


def test_a_corrupt_database_is_refused_untouched(data_dir):
    data_dir.ensure()
    data_dir.database.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DataProblem) as error:
        Workspace(data_dir).open()
    # Not a SQLite file, and no key file beside it: damaged, or encrypted without its keys.
    assert error.value.code == "db.no_key_file"
    assert data_dir.database.read_bytes() == b"this is not a database" * 100
    damaged = data_dir.database.read_bytes().replace(b"this", b"SQLite format 3\x00", 1)
    data_dir.database.write_bytes(damaged)  # a plain file, damaged inside
    with pytest.raises(DataProblem) as error:
        Workspace(data_dir).open()
    assert error.value.code == "db.corrupt"


def test_a_database_of_another_program_is_refused(blank):
    from traumefokus.storage.engine import make_engine

    engine = make_engine(blank.target, PlainKeys())
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE recipes (id INTEGER)")
    engine.dispose()
    with pytest.raises(DataProblem) as error:
        blank.open()
    assert error.value.code == "db.foreign"
    assert _contents(blank) == [("recipes", [])]


def test_a_missing_database_is_not_created_by_accident(data_dir):
    with pytest.raises(DataProblem) as error:
        Workspace(data_dir).open()
    assert error.value.code == "db.missing"
    assert not data_dir.database.exists()


@pytest.mark.parametrize("older", KNOWN_REVISIONS[:-1])
def test_an_older_database_is_upgraded_after_a_backup_copy(blank, backend, tmp_path, older):
    """A SQLite file is copied first; a server database is backed up by its administrators
    and upgraded in one transaction."""
    from alembic import command

    from traumefokus.storage.engine import make_engine
    from traumefokus.storage.probe import probe

    target = blank.target
    engine = make_engine(target, PlainKeys())
    command.upgrade(alembic_config(engine), older)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO users (id, name, role, active, created_at, version) "
            "VALUES ('u1', 'anna', 'admin', true, '2026-01-01 10:00:00', 1)"
        )
    engine.dispose()

    with open_database(target, PlainKeys(), tmp_path / "backups") as db:
        assert probe(db.target, PlainKeys(), tmp_path).state is SchemaState.CURRENT
        with db.reading() as tx:
            assert list(tx.scalars(select(User.name))) == ["anna"]
    if backend == "postgres":
        assert not (tmp_path / "backups").exists()
        return
    backups = list((tmp_path / "backups").iterdir())
    assert len(backups) == 1 and backups[0].name.endswith(f"-before-upgrade-from-{older}.tfbackup")
    with zipfile.ZipFile(backups[0]) as archive:
        assert json.loads(archive.read("manifest.json"))["revision"] == older
        (tmp_path / "copy.db").write_bytes(archive.read("traumefokus.db"))
    copy = sqlite3.connect(tmp_path / "copy.db")
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (older,)
    copy.close()


def test_the_revision_check_does_not_import_alembic(workspace, tmp_path):
    """Start-up on a current database must not pay for importing Alembic."""
    from fresh_interpreter import imported_after

    folder, url = str(workspace.data_dir.root), workspace.database_url
    code = (
        "from pathlib import Path\n"
        "from traumefokus.paths import DataDir\n"
        "from traumefokus.services.workspace import Workspace\n"
        f"Workspace(DataDir(Path({folder!r})), {url!r}).open().close()"
    )
    assert imported_after(code, ["alembic"]) == []


def test_data_dir_that_cannot_be_written_is_a_clear_problem(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DataProblem) as error:
        Workspace(DataDir(blocker / "sub")).open(create=True)
    assert error.value.code == "datadir.unwritable"


def test_a_failed_upgrade_leaves_the_database_as_it_was(blank, backend, tmp_path):
    """Every migration runs in one transaction: if one step fails, none has happened."""
    from alembic import command

    from traumefokus.storage.engine import make_engine

    target = blank.target
    engine = make_engine(target, PlainKeys())
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as connection:  # in the way of revision 0003
        connection.exec_driver_sql("CREATE TABLE safety_flags (id INTEGER)")
    engine.dispose()
    with pytest.raises(DataProblem) as error:
        open_database(target, PlainKeys(), tmp_path / "backups")
    # A server database has no copy to name (its administrators back it up).
    unchanged = "db.upgrade_failed_unchanged"
    assert error.value.code == (unchanged if backend == "postgres" else "db.upgrade_failed")
    engine = make_engine(target, PlainKeys())
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").one()
    engine.dispose()
    assert tuple(revision) == ("0001",)
    assert "treatment_goals" not in tables  # revision 0002 was rolled back with 0003
    if backend == "sqlite":
        assert list((tmp_path / "backups").iterdir())  # and the copy from before is there


def test_user_names_are_normalised_by_the_accounts_migration_and_stay_reachable(blank):
    from alembic import command

    from traumefokus.storage.engine import make_engine

    engine = make_engine(blank.target, PlainKeys())
    command.upgrade(alembic_config(engine), "0004")
    with engine.begin() as connection:
        for user_id, name in (("u1", "Anna"), ("u2", "ｂｏ"), ("u3", "bo"), ("u4", "Kim")):
            connection.exec_driver_sql(
                "INSERT INTO users (id, name, role, active, created_at, version) "
                f"VALUES ('{user_id}', '{name}', 'therapist', true, "
                f"'2026-01-01 10:00:0{user_id[1]}', 1)"
            )
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as connection:
        names = dict(connection.exec_driver_sql("SELECT id, name FROM users").all())
        hashes = connection.exec_driver_sql("SELECT password_hash FROM users").scalars().all()
    engine.dispose()
    assert names == {"u1": "anna", "u2": "bo.2", "u3": "bo", "u4": "kim"}  # "bo" kept it
    assert hashes == [None] * 4  # they choose a password at their next sign-in


def test_the_letter_rule_migration_keeps_printed_letters_as_printed(blank):
    """Printed letters keep their number and are marked with what it counted (the
    assessment included); a draft takes the new rule when it is printed."""
    from alembic import command

    from traumefokus.storage.engine import make_engine

    engine = make_engine(blank.target, PlainKeys())
    command.upgrade(alembic_config(engine), "0005")
    with engine.begin() as connection:
        run = connection.exec_driver_sql
        run(
            "INSERT INTO users (id, name, role, active, created_at, version) "
            "VALUES ('u1', 'anna', 'therapist', true, '2026-01-01 10:00:00', 1)"
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

    def parsed(value):  # raw SQL: SQLite gives the JSON text, PostgreSQL the parsed value
        return json.loads(value) if isinstance(value, str) else value

    assert (*rows[0][:3], str(rows[0][3])) == ("l1", 4, "Kære K", "2026-02-02")
    assert parsed(rows[0][4]) == ["assessment", "move", "trauma"]
    assert rows[1][1] == 8 and rows[1][4] is None
    assert parsed(dropped) == {}


def test_an_upgrade_keeps_rows_that_refer_to_a_rebuilt_table(blank, backend):
    """0007 rebuilds `course_sessions` (new constraints), which safety flags and addenda refer
    to: the upgrade keeps every row, and the foreign keys are enforced again afterwards."""
    from alembic import command
    from sqlalchemy.exc import IntegrityError

    from traumefokus.storage.engine import make_engine

    engine = make_engine(blank.target, PlainKeys())
    command.upgrade(alembic_config(engine), "0006")
    with engine.begin() as connection:
        run = connection.exec_driver_sql
        run(
            "INSERT INTO users (id, name, role, active, created_at, version) "
            "VALUES ('u1', 'anna', 'therapist', true, '2026-01-01 10:00:00', 1)"
        )
        run(
            "INSERT INTO clients (id, code, site, created_at, version) "
            "VALUES ('k1', 'K-1', '', '2026-01-01', 1)"
        )
        run(
            "INSERT INTO courses (id, client_id, therapist_id, method, programme, "
            "programme_version, pack_id, pack_version, status, start_date, chosen_themes, "
            "dropped_themes, created_at, version) VALUES ('c1', 'k1', 'u1', 'SS', 'move-ss', "
            "'1.0.0', 'seeking-safety', '1.0.0', 'active', '2026-01-05', '[]', '{}', "
            "'2026-01-01', 1)"
        )
        run(
            "INSERT INTO course_sessions (id, course_id, number, kind, extra, date, attendance, "
            "note_status, agenda_seconds, check_in, check_out, quote, worksheets_used, "
            "measures, notes, version) VALUES ('s1', 'c1', 3, 'trauma', false, '2026-01-19', "
            "'held', 'signed', '{}', '{}', '{}', '{}', '[]', '{}', '{}', 1)"
        )
        run(
            "INSERT INTO safety_flags (id, course_id, session_id, text, raised_at, "
            "raised_by_id) VALUES ('f1', 'c1', 's1', 'Uro', '2026-01-19 10:00:00', 'u1')"
        )
        run(
            "INSERT INTO session_addenda (id, session_id, at, by_id, text) "
            "VALUES ('a1', 's1', '2026-01-20 10:00:00', 'u1', 'Rettelse')"
        )
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as connection:
        session = connection.exec_driver_sql(
            "SELECT attendance, recorded, gift_card_given, other_treatment FROM course_sessions"
        ).one()
        flags = connection.exec_driver_sql("SELECT session_id FROM safety_flags").all()
        addenda = connection.exec_driver_sql("SELECT session_id FROM session_addenda").all()
    assert session[:3] == ("held", False, None)
    assert session[3] in ("[]", [])
    assert flags == [("s1",)] and addenda == [("s1",)]
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO session_addenda (id, session_id, at, by_id, text) "
            "VALUES ('a2', 'no-such-session', '2026-01-20 10:00:00', 'u1', 'x')"
        )
    engine.dispose()
