"""Every bench script starts: `make bench` runs them one after another, and one whose imports
had gone stale (encryption.py asked startup.py for a function renamed since) stopped the run
halfway. The figures themselves are printed by `make bench`, never asserted here."""

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
MAKEFILE = (BENCH.parent / "Makefile").read_text(encoding="utf-8")
SCRIPTS = MAKEFILE.split("BENCH_SCRIPTS :=")[1].split("\n\n")[0].replace("\\", " ").split()
HELPERS = ["common", "memory_program"]  # imported by the scripts, not run on their own


def python(*words: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *words], capture_output=True, text=True, timeout=120, cwd=BENCH
    )


def test_every_file_of_the_bench_is_a_script_make_runs_or_a_helper():
    assert sorted(p.stem for p in BENCH.glob("*.py")) == sorted(SCRIPTS + HELPERS)


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_bench_script_starts_and_answers_help(script):
    result = python(f"{script}.py", "--help")
    assert result.returncode == 0, result.stderr
    assert "usage" in result.stdout


def test_the_helpers_import():
    result = python("-c", "; ".join(f"import {name}" for name in HELPERS))
    assert result.returncode == 0, result.stderr
