"""Running the command line in-process and reading what it printed."""

from __future__ import annotations

import io
from dataclasses import dataclass

from traumefokus.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(*argv: object) -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], out=out, err=err)
    return Result(code, out.getvalue(), err.getvalue())
