import json
import os

import pytest

from traumefokus.errors import DataProblem
from traumefokus.fileio import write_atomic
from traumefokus.paths import DataDir, resolve_data_dir
from traumefokus.settings import Settings


def test_data_dir_override_holds_everything(tmp_path):
    data_dir = resolve_data_dir(tmp_path / "portable")
    assert data_dir.root == (tmp_path / "portable").resolve()
    for path in (
        data_dir.database,
        data_dir.settings,
        data_dir.packs,
        data_dir.logs,
        data_dir.backups,
    ):
        assert path.parent == data_dir.root


def test_default_data_dir_comes_from_platformdirs(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.setattr(
        platformdirs, "user_data_dir", lambda name, appauthor: str(tmp_path / f"{name}-{appauthor}")
    )
    assert resolve_data_dir(None).root == tmp_path / "Traumefokus-False"


def test_settings_round_trip_and_defaults(tmp_path):
    settings = Settings.load(tmp_path / "settings.json")
    assert settings.language == "da" and settings.idle_lock_minutes == 5
    assert settings.user("u1").get("show_display_names") is False
    settings.installation.set("language", "en")
    settings.user("u1").set("show_display_names", True)
    settings.save()
    again = Settings.load(tmp_path / "settings.json")
    assert again.language == "en"
    assert again.user("u1").get("show_display_names") is True


def test_one_users_settings_never_reach_another(tmp_path):
    settings = Settings.load(tmp_path / "settings.json")
    settings.user("anna").set("show_display_names", True)
    settings.user("anna").set("open_session", {"session": "s1", "point": "quote"})
    settings.user("anna").set("language", "en")
    settings.save()
    again = Settings.load(tmp_path / "settings.json")
    assert again.user("bo").get("show_display_names") is False
    assert again.user("bo").get("open_session") is None
    assert (again.language_of("anna"), again.language_of("bo")) == ("en", "da")


def test_a_settings_file_from_before_the_split_keeps_only_the_installations_part(tmp_path):
    path = tmp_path / "settings.json"
    old = {"language": "en", "last_user": "anna", "show_display_names": True, "open_session": "s"}
    path.write_text(json.dumps(old), encoding="utf-8")
    settings = Settings.load(path)
    assert (settings.language, settings.installation.get("last_user")) == ("en", "anna")
    # Nobody can tell whose these were: they go, rather than reach the wrong user.
    assert settings.user("anna").get("show_display_names") is False
    assert settings.user("anna").get("open_session") is None


def test_the_idle_time_stays_within_bounds(tmp_path):
    settings = Settings.load(tmp_path / "settings.json")
    for value, minutes in ((0, 1), (5, 5), (500, 60), ("10", 5), (True, 5)):
        settings.installation.set("idle_lock_minutes", value)
        assert settings.idle_lock_minutes == minutes


def test_unknown_setting_is_a_bug(tmp_path):
    with pytest.raises(KeyError):
        Settings.load(tmp_path / "s.json").user("u1").set("colour", "red")
    with pytest.raises(KeyError):
        Settings.load(tmp_path / "s.json").installation.set("colour", "red")


def test_unknown_language_in_the_file_falls_back_to_danish(tmp_path):
    (tmp_path / "s.json").write_text(json.dumps({"language": "fr"}), encoding="utf-8")
    assert Settings.load(tmp_path / "s.json").language == "da"


@pytest.mark.log_warnings_expected
def test_a_damaged_settings_file_is_set_aside_not_fatal(tmp_path, caplog):
    path = tmp_path / "settings.json"
    path.write_bytes(b"{not json\xff")
    settings = Settings.load(path)
    assert settings.language == "da"
    assert (tmp_path / "settings.json.damaged").read_bytes() == b"{not json\xff"
    assert "damaged" in caplog.text


def test_atomic_write_leaves_the_old_file_when_the_disk_is_full(tmp_path, monkeypatch):
    import errno

    target = tmp_path / "f.txt"
    target.write_text("old")
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DataProblem) as error:
        write_atomic(target, b"new")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert error.value.code == "disk.full"
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_ensure_refuses_a_path_that_is_a_file(tmp_path):
    (tmp_path / "x").write_text("")
    with pytest.raises(DataProblem) as error:
        DataDir(tmp_path / "x").ensure()
    assert error.value.code == "datadir.unwritable"
