import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "desktop", "tests", "bench", "tools"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


PACKAGE = ROOT / "desktop" / "traumefokus"
MOST_LINES = 450  # a module longer than this is split along its seams


def long_modules(package: Path = PACKAGE) -> list[str]:
    """The modules over MOST_LINES lines, with their counts; the migrations and the message
    catalogue (one entry after another) are excepted."""
    found = []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package)
        if "migrations" in name.parts or name == Path("messages.py"):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MOST_LINES:
            found.append(f"{name}: {lines} lines")
    return found


def test_no_module_is_longer_than_450_lines():
    assert long_modules() == []


def test_the_line_count_finds_a_long_module_and_excepts_the_catalogue(tmp_path):
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "long.py").write_text("x = 1\n" * (MOST_LINES + 1), encoding="utf-8")
    (tmp_path / "ui" / "short.py").write_text("x = 1\n" * MOST_LINES, encoding="utf-8")
    (tmp_path / "messages.py").write_text("x = 1\n" * 2000, encoding="utf-8")
    (tmp_path / "storage" / "migrations").mkdir(parents=True)
    (tmp_path / "storage" / "migrations" / "env.py").write_text("x = 1\n" * 2000, encoding="utf-8")
    assert long_modules(tmp_path) == [f"{Path('ui/long.py')}: {MOST_LINES + 1} lines"]
