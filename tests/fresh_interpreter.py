"""What a fresh interpreter has imported after running some code: start-up must not pay for
modules the first window does not need."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable


def imported_after(code: str, names: Iterable[str]) -> list[str]:
    """Which of the modules `names` are imported once `code` has run in a new interpreter."""
    wanted = list(names)
    probe = f"{code}\nimport sys\nprint(','.join(n for n in {wanted!r} if n in sys.modules))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return [name for name in out.stdout.strip().split(",") if name]
