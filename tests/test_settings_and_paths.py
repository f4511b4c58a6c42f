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
    assert settings.language == "da"
    assert settings.get("show_display_names") is False
    settings.set("language", "en")
    settings.save()
    assert Settings.load(tmp_path / "settings.json").language == "en"


def test_unknown_setting_is_a_bug(tmp_path):
    with pytest.raises(KeyError):
        Settings.load(tmp_path / "s.json").set("colour", "red")


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
