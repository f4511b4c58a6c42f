import json
import sqlite3
import subprocess
import sys

import pytest

from cli_runner import run
from raw_database import raw_connect
from schema import validate_records
from traumefokus import __version__


@pytest.fixture
def initialised(tmp_path):
    folder = tmp_path / "data"
    assert run("init", "--admin", "anna", "--data-dir", folder).code == 0
    return folder


def test_init_creates_the_database_and_its_administrator(tmp_path):
    result = run("init", "--admin", "anna", "--data-dir", tmp_path / "d")
    assert result.code == 0
    lines = result.out.strip().splitlines()
    assert lines[0] == f"Oprettede administratoren anna i {tmp_path / 'd' / 'traumefokus.db'}."
    assert lines[1].startswith("Databasen er krypteret. Gendannelsesnøgle: ")
    assert len(lines[1].rsplit(" ", 1)[1].split("-")) == 8  # printed once, in groups
    assert result.err == ""
    database = tmp_path / "d" / "traumefokus.db"
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(database).execute("SELECT * FROM sqlite_master").fetchall()
    assert b"anna" not in database.read_bytes()
    assert (tmp_path / "d" / "traumefokus.db.keys").exists()


def test_init_then_export_validates_against_the_schema(initialised, tmp_path):
    out = tmp_path / "records.json"
    result = run("export", "records", "--out", out, "--user", "anna", "--data-dir", initialised)
    assert result.code == 0, result.err
    validate_records(json.loads(out.read_text(encoding="utf-8")))


def test_global_options_work_before_and_after_the_command(initialised, tmp_path):
    before = run(
        "--data-dir",
        initialised,
        "--user",
        "anna",
        "--lang",
        "en",
        "export",
        "records",
        "--out",
        tmp_path / "a.json",
    )
    after = run(
        "export",
        "records",
        "--out",
        tmp_path / "b.json",
        "--data-dir",
        initialised,
        "--lang",
        "en",
        "--user",
        "anna",
    )
    middle = run(
        "export",
        "--user",
        "anna",
        "records",
        "--out",
        tmp_path / "c.json",
        "--data-dir",
        initialised,
    )
    assert (before.code, after.code, middle.code) == (0, 0, 0)
    assert before.out.startswith("Exported 0 client(s)")
    assert middle.out.startswith("Eksporterede 0 klient(er)")


@pytest.mark.parametrize(
    ("argv", "code", "danish", "english"),
    [
        (["frobnicate"], 2, "ugyldigt valg", "invalid choice"),
        (["export"], 2, "disse argumenter mangler", "the following arguments are required"),
        (["init"], 2, "--admin", "--admin"),
        (["--lang", "fr"], 2, "ugyldigt valg", "invalid choice"),
    ],
)
def test_usage_errors_exit_2_with_one_line_in_the_chosen_language(
    tmp_path, argv, code, danish, english
):
    for lang, expected in (("da", danish), ("en", english)):
        result = run(
            *argv, "--data-dir", tmp_path, *(["--lang", lang] if "--lang" not in argv else [])
        )
        assert result.code == code
        assert len(result.err.strip().splitlines()) == 1
        if "--lang" not in argv:
            assert expected in result.err, result.err


def test_export_without_user_is_a_usage_error(initialised, tmp_path):
    result = run("export", "records", "--out", tmp_path / "x.json", "--data-dir", initialised)
    assert result.code == 2
    assert "--user" in result.err


def test_unknown_user_is_refused_with_exit_3(initialised, tmp_path):
    result = run(
        "export",
        "records",
        "--out",
        tmp_path / "x.json",
        "--data-dir",
        initialised,
        "--user",
        "nobody",
        "--lang",
        "en",
    )
    assert result.code == 3  # the same answer as a wrong password: names are not given away
    assert result.err.strip() == "traumefokus: Wrong user name or password."


def test_second_init_is_refused(initialised):
    result = run("init", "--admin", "bo", "--data-dir", initialised)
    assert result.code == 3
    assert "allerede brugere" in result.err


def test_invalid_admin_name_is_invalid_input(tmp_path):
    result = run("init", "--admin", "1 bad name", "--data-dir", tmp_path / "d", "--lang", "en")
    assert result.code == 2
    assert "cannot be used" in result.err


def test_newer_database_exit_4_and_untouched(initialised, tmp_path):
    database = initialised / "traumefokus.db"
    connection = raw_connect(database)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = database.read_bytes()
    result = run(
        "export",
        "records",
        "--out",
        tmp_path / "x.json",
        "--user",
        "anna",
        "--data-dir",
        initialised,
        "--lang",
        "en",
    )
    assert result.code == 4
    assert "newer version of Traumefokus" in result.err
    assert "9999" in result.err and str(database) in result.err
    assert database.read_bytes() == before
    assert not (tmp_path / "x.json").exists()


def test_missing_database_exit_4_says_how_to_start(tmp_path):
    result = run(
        "export",
        "records",
        "--out",
        tmp_path / "x.json",
        "--user",
        "anna",
        "--data-dir",
        tmp_path / "empty",
        "--lang",
        "en",
    )
    assert result.code == 4
    assert "traumefokus init --admin NAME" in result.err


def test_unwritable_output_is_a_clear_problem(initialised, tmp_path):
    (tmp_path / "blocker").write_text("x")
    result = run(
        "export",
        "records",
        "--out",
        tmp_path / "blocker" / "x.json",
        "--user",
        "anna",
        "--data-dir",
        initialised,
        "--lang",
        "en",
    )
    assert result.code == 4
    assert "cannot be written" in result.err


def test_database_url_names_another_sqlite_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    assert run("init", "--admin", "anna", "--database-url", url, "--data-dir", tmp_path).code == 0
    assert (tmp_path / "elsewhere.db").exists()
    assert not (tmp_path / "traumefokus.db").exists()


def test_exit_after_start_with_a_command_is_a_usage_error(tmp_path):
    assert run("--exit-after-start", "init", "--admin", "a", "--data-dir", tmp_path).code == 2


@pytest.mark.log_warnings_expected
def test_a_bug_exits_1_with_one_line_and_a_log(initialised, tmp_path, monkeypatch):
    from traumefokus.commands import export_records

    def broken(cli):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(export_records, "run", broken)
    result = run(
        "export",
        "records",
        "--out",
        tmp_path / "x.json",
        "--user",
        "anna",
        "--data-dir",
        initialised,
        "--lang",
        "en",
    )
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1
    assert "(RuntimeError)" in result.err and "boom" not in result.err
    log = (initialised / "logs" / "traumefokus.log").read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in log and "in broken" in log  # its type and place
    assert "boom" not in log  # never its message: it may hold client data


def test_version_as_module_and_console_script():
    out = subprocess.run(
        [sys.executable, "-m", "traumefokus", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == f"traumefokus {__version__}"


def test_help_follows_the_language(capsys):
    assert run("--help", "--lang", "en").code == 0
    assert "show the version and exit" in capsys.readouterr().out
    assert run("--help").code == 0
    assert "vis programmets version og afslut" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("url", "code", "words"),
    [
        ("not a url", 2, "cannot be used"),
        ("nosuchdb://host/base", 2, "cannot be used"),
        # psycopg comes with traumefokus[postgres]; pg8000 is a driver we do not install.
        ("postgresql+pg8000://someone:secret@localhost/traumefokus", 4, "needs the driver"),
        ("postgresql+psycopg://someone:secret@127.0.0.1:1/traumefokus", 4, "cannot be reached"),
    ],
)
def test_a_database_url_that_cannot_work_is_a_clear_problem(tmp_path, url, code, words):
    result = run(
        "export",
        "records",
        "--out",
        tmp_path / "x.json",
        "--user",
        "anna",
        "--database-url",
        url,
        "--data-dir",
        tmp_path,
        "--lang",
        "en",
    )
    assert result.code == code
    assert words in result.err and "secret" not in result.err


def test_recover_with_the_recovery_key_after_the_key_file_is_lost(tmp_path, monkeypatch):
    folder = tmp_path / "d"
    made = run("init", "--admin", "anna", "--data-dir", folder, "--lang", "en")
    recovery = made.out.split("Recovery key: ")[1].split()[0]
    (folder / "traumefokus.db.keys").unlink()
    export = ("export", "records", "--out", tmp_path / "r.json", "--user", "anna")
    assert run(*export, "--data-dir", folder).code == 4  # the key file is missing
    monkeypatch.setenv("TRAUMEFOKUS_RECOVERY_KEY", "not a key")
    assert run("recover", "--admin", "anna", "--data-dir", folder).code == 2
    monkeypatch.setenv("TRAUMEFOKUS_RECOVERY_KEY", recovery)
    monkeypatch.setenv("TRAUMEFOKUS_NEW_PASSWORD", "a new password for anna")
    result = run("recover", "--admin", "anna", "--data-dir", folder, "--lang", "en")
    assert result.code == 0, result.err
    assert "anna has a new password" in result.out
    monkeypatch.setenv("TRAUMEFOKUS_PASSWORD", "a new password for anna")
    assert run(*export, "--data-dir", folder).code == 0


def test_a_client_s_copy_comes_with_a_readable_pdf_beside_the_json(initialised, tmp_path):
    import io

    from pypdf import PdfReader

    assert run("client", "add", "K-0007", "--user", "anna", "--data-dir", initialised).code == 0
    out = tmp_path / "K-0007.json"
    common = ("--user", "anna", "--data-dir", initialised, "--lang", "en")
    result = run("export", "records", "--client", "K-0007", "--out", out, *common)
    assert result.code == 0, result.err
    assert f"The client's readable copy: {tmp_path / 'K-0007.pdf'}" in result.out
    text = PdfReader(io.BytesIO((tmp_path / "K-0007.pdf").read_bytes())).pages[0].extract_text()
    assert "Your data in Traumefokus" in text and "K-0007" in text and "K-0007.json" in text
    whole = tmp_path / "all.json"
    assert run("export", "records", "--out", whole, *common).code == 0
    assert not (tmp_path / "all.pdf").exists()  # only a client's copy has one


# --- a start of the program parses only the global options --------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data-dir", "D", "--user", "anna", "--exit-after-start"],
        ["--lang=en", "--database-url", "sqlite:///x.db", "--us", "anna"],
    ],
)
def test_a_start_of_the_program_parses_as_the_whole_parser_does(argv, monkeypatch):
    from traumefokus import cli

    whole = vars(cli.build_parser("en").parse_args(argv))
    built = []
    short = cli.build_parser
    monkeypatch.setattr(cli, "build_parser", lambda *a, **k: built.append(k) or short(*a, **k))
    assert vars(cli.parse_arguments(argv, "en")) == whole
    assert built == [{"with_commands": False}]  # no command's parser was built


@pytest.mark.parametrize(
    "argv",
    [
        ["--bogus"],
        ["--lang", "zz"],
        ["--data-dir"],
        ["--hel"],  # --help, abbreviated: the whole help, commands and all
        ["--version"],
        ["init", "--admin", "anna"],
        ["--user", "anna", "backup", "--out", "b.tfb", "--lang", "en"],
    ],
)
def test_anything_but_a_start_goes_as_the_whole_parser_says(argv, capsys):
    from traumefokus.cli import build_parser, parse_arguments
    from traumefokus.errors import InvalidInput

    def outcome(parse):
        try:
            return vars(parse())
        except InvalidInput as error:
            return ("invalid", error.code, error.facts)
        except SystemExit as done:
            return ("exit", done.code, capsys.readouterr().out)

    whole = outcome(lambda: build_parser("en").parse_args(argv))
    assert outcome(lambda: parse_arguments(argv, "en")) == whole
