"""The Qt catalogues: every string translated to Danish, compiled, and in step with the code."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import translations  # noqa: E402


def test_every_danish_string_is_translated():
    assert translations.unfinished(translations.DANISH) == []


def test_the_catalogue_holds_every_string_in_the_code(tmp_path):
    copy = tmp_path / "da.ts"
    shutil.copy(translations.DANISH, copy)
    translations.lupdate(copy, "-target-language", "da")
    assert translations.unfinished(copy) == [], "run: make translations, then translate"
    assert copy.read_text(encoding="utf-8") == translations.DANISH.read_text(encoding="utf-8")


def test_the_compiled_catalogues_are_up_to_date(tmp_path):
    for ts in (translations.DANISH, translations.ENGLISH):
        fresh = tmp_path / ts.with_suffix(".qm").name
        translations.lrelease(ts, fresh)
        assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run: make translations"


def test_qt_ships_its_danish_catalogue():
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_da.qm").exists()
    assert (
        subprocess.run(
            [translations.BIN / "pyside6-lrelease", "-version"], capture_output=True
        ).returncode
        == 0
    )
