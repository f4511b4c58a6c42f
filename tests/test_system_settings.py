"""The system-wide settings file that IT writes: built-in default < its [defaults] < the value
set in the program < its [locked]; a damaged or unreadable file, a value of the wrong type or
a key it cannot set is ignored with a warning, never its contents in the log."""

from __future__ import annotations

import json

import pytest

from fresh_interpreter import imported_after
from traumefokus.errors import Refused
from traumefokus.settings import SYSTEM_CONFIG_ENV, Settings, SystemConfig, system_config_path


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def system(tmp_path):
    return tmp_path / "config.toml"


def load(tmp_path, system, stored: dict | None = None) -> Settings:
    settings_file = tmp_path / "settings.json"
    if stored is not None:
        settings_file.write_text(json.dumps(stored), encoding="utf-8")
    return Settings.load(settings_file, SystemConfig.load(system))


def test_the_layers_in_order(tmp_path, system):
    # built-in default alone
    assert load(tmp_path, system).idle_lock_minutes == 5
    # the system file's default beats the built-in one
    write(system, "[defaults]\nidle_lock_minutes = 10\n")
    assert load(tmp_path, system).idle_lock_minutes == 10
    # a value set in the program beats the system file's default
    stored = {"installation": {"idle_lock_minutes": 20}, "users": {}}
    assert load(tmp_path, system, stored).idle_lock_minutes == 20
    # the system file's locked value beats everything
    write(system, "[defaults]\nidle_lock_minutes = 10\n[locked]\nidle_lock_minutes = 3\n")
    settings = load(tmp_path, system, stored)
    assert settings.idle_lock_minutes == 3
    assert settings.installation.is_locked("idle_lock_minutes")
    assert not settings.installation.is_locked("site")


def test_restoring_a_default_gives_the_system_files_default(tmp_path, system):
    write(system, '[defaults]\nsite = "Aarhus"\nbackup_daily = 20\n')
    settings = load(tmp_path, system, {"installation": {"site": "Odense"}, "users": {}})
    assert settings.site == "Odense"
    settings.installation.reset("site")
    assert settings.site == "Aarhus"
    assert settings.installation.default("backup_daily") == 20
    assert settings.backup_copies("daily") == 20
    assert settings.backup_copies("weekly") == 10  # the built-in one


def test_a_locked_language_is_every_users(tmp_path, system):
    write(system, '[locked]\nlanguage = "en"\n')
    stored = {"installation": {"language": "da"}, "users": {"u1": {"language": "da"}}}
    settings = load(tmp_path, system, stored)
    assert settings.language == "en"
    assert settings.language_of("u1") == "en"
    assert settings.user("u1").is_locked("language")


def test_a_default_language_applies_to_users_who_chose_none(tmp_path, system):
    write(system, '[defaults]\nlanguage = "en"\n')
    stored = {"installation": {}, "users": {"u1": {"language": "da"}}}
    settings = load(tmp_path, system, stored)
    assert settings.language_of("u1") == "da"  # their own choice
    assert settings.language_of("u2") == "en"


def test_the_system_file_never_lands_in_the_settings_file(tmp_path, system):
    write(system, '[defaults]\nsite = "Aarhus"\n[locked]\nidle_lock_minutes = 3\n')
    settings = load(tmp_path, system)
    settings.save()
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert saved == {"installation": {}, "users": {}}


@pytest.mark.log_warnings_expected
@pytest.mark.parametrize(
    "content",
    [b"[defaults\nsite = 'x'", b"\xff\xfe not utf-8", b'site = "at the top"\n', b"[other]\na=1"],
    ids=["not TOML", "not UTF-8", "outside a part", "unknown part"],
)
def test_a_damaged_system_file_is_ignored_with_a_warning(tmp_path, system, caplog, content):
    system.write_bytes(content)
    settings = load(tmp_path, system)
    assert settings.site is None and settings.idle_lock_minutes == 5
    assert "System configuration" in caplog.text
    assert "at the top" not in caplog.text and "'x'" not in caplog.text  # never its contents


@pytest.mark.log_warnings_expected
def test_an_unreadable_system_file_is_ignored(tmp_path, caplog):
    folder = tmp_path / "config.toml"
    folder.mkdir()  # a folder where the file should be: reading it fails
    assert SystemConfig.load(folder) == SystemConfig()
    assert "System configuration file ignored" in caplog.text


@pytest.mark.log_warnings_expected
def test_values_of_the_wrong_type_and_unknown_keys_are_ignored(tmp_path, system, caplog):
    write(
        system,
        "[defaults]\n"
        'idle_lock_minutes = "ten"\n'
        "show_display_names = 1\n"
        'language = "fr"\n'
        'site = "Aarhus"\n'
        'colour = "red"\n'
        'last_user = "anna"\n'
        "[locked]\n"
        'database_url = "postgresql://tf:secret@db/tf"\n',
    )
    config = SystemConfig.load(system)
    assert config.defaults == {"site": "Aarhus"}
    assert config.locked == {}  # a password is never taken from a file anyone can read
    for key in ("idle_lock_minutes", "show_display_names", "language", "colour", "last_user"):
        assert key in caplog.text
    assert "secret" not in caplog.text and "ten" not in caplog.text


def test_no_system_file_is_no_system_settings(tmp_path):
    assert SystemConfig.load(tmp_path / "missing.toml") == SystemConfig()


def test_without_a_system_file_the_toml_reader_is_not_loaded(tmp_path):
    """Most machines have no file from IT: their start does not pay for the TOML reader."""
    code = (
        "import pathlib\n"
        "from traumefokus.settings import SystemConfig\n"
        f"assert SystemConfig.load(pathlib.Path({str(tmp_path / 'none.toml')!r})).locked == {{}}"
    )
    assert imported_after(code, ["tomllib"]) == []


def test_the_system_file_is_found_by_the_environment_or_the_platform(monkeypatch, tmp_path):
    monkeypatch.setenv(SYSTEM_CONFIG_ENV, str(tmp_path / "it.toml"))
    assert system_config_path() == tmp_path / "it.toml"
    monkeypatch.delenv(SYSTEM_CONFIG_ENV)
    import platformdirs

    monkeypatch.setattr(platformdirs, "site_config_dir", lambda name, appauthor: f"/etc/{name}")
    assert system_config_path() == type(tmp_path)("/etc/Traumefokus/config.toml")


def test_settings_load_reads_the_system_file_from_the_environment(monkeypatch, tmp_path):
    system = write(tmp_path / "it.toml", '[locked]\nsite = "Aarhus"\n')
    monkeypatch.setenv(SYSTEM_CONFIG_ENV, str(system))
    assert Settings.load(tmp_path / "settings.json").site == "Aarhus"


def test_a_value_of_the_wrong_type_in_the_settings_file_gives_the_default(tmp_path, system):
    write(system, '[defaults]\nsite = "Aarhus"\n')
    stored = {"installation": {"site": 7, "backup_weekly": "x", "backup_monthly": 500}}
    settings = load(tmp_path, system, {**stored, "users": {}})
    assert settings.site == "Aarhus"
    assert settings.backup_copies("weekly") == 10
    assert settings.backup_copies("monthly") == 99  # within bounds


def test_the_database_url_locked_by_it_wins_and_refuses_another(tmp_path, system):
    url = "postgresql+psycopg://tf@db.centre.local/tf"
    assert load(tmp_path, system).database_url() is None  # the SQLite file
    stored = {"installation": {"database_url": "postgresql://other@h/x"}, "users": {}}
    assert load(tmp_path, system, stored).database_url() == "postgresql://other@h/x"
    assert load(tmp_path, system, stored).database_url("sqlite:///y.db") == "sqlite:///y.db"
    write(system, f'[locked]\ndatabase_url = "{url}"\n')
    settings = load(tmp_path, system, stored)
    assert settings.database_url() == url
    assert settings.database_url(url) == url
    with pytest.raises(Refused) as refused:
        settings.database_url("sqlite:///y.db")
    assert refused.value.code == "settings.database_url_locked"


def test_a_database_url_with_a_password_in_the_settings_file_is_not_used(tmp_path, system):
    for url in ("postgresql://tf:pw@db/tf", "postgresql://tf@db/tf?password=pw"):
        stored = {"installation": {"database_url": url}, "users": {}}
        assert load(tmp_path, system, stored).database_url() is None


def test_the_cli_opens_the_database_locked_by_it(tmp_path, monkeypatch, capsys):
    """The lock holds on the command line too: a locked database that differs from
    --database-url refuses the command (exit 3) before anything is opened."""
    from traumefokus.cli import main

    system = write(tmp_path / "it.toml", '[locked]\ndatabase_url = "postgresql://tf@h/tf"\n')
    monkeypatch.setenv(SYSTEM_CONFIG_ENV, str(system))
    out = tmp_path / "records.json"
    options = ["--data-dir", str(tmp_path / "d"), "--database-url", "sqlite:///x.db"]
    code = main([*options, "--user", "admin", "export", "records", "--out", str(out)])
    assert code == 3
    assert "IT" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "x.db").exists()
