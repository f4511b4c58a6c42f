"""mypy, as `[tool.mypy]` in pyproject.toml configures it, finds nothing in the package:
strict on the rules (domain/) and the use cases (services/), the default elsewhere."""

import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_nothing_in_the_package():
    started = time.monotonic()
    found = subprocess.run(
        [sys.executable, "-m", "mypy"],  # a bare `mypy` in the project root
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.monotonic() - started
    assert found.returncode == 0, found.stdout + found.stderr
    checked = re.search(r"Success: no issues found in (\d+) source files", found.stdout)
    assert checked, found.stdout
    assert int(checked[1]) >= 150  # the whole package, not a corner of it
    assert seconds < 60, f"mypy took {seconds:.0f} s"


def test_mypy_is_strict_on_the_rules_and_the_use_cases():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mypy = config["tool"]["mypy"]
    assert mypy["files"] == ["desktop/traumefokus"]
    strict = [o for o in mypy["overrides"] if o.get("strict")]
    assert [sorted(o["module"]) for o in strict] == [
        ["traumefokus.domain.*", "traumefokus.services.*"]
    ]
    test_extra = config["project"]["optional-dependencies"]["test"]  # `make test` installs it
    assert any(r.startswith("mypy") for r in test_extra)
