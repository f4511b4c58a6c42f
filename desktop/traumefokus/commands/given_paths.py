"""The paths given on the command line, checked once before any command runs: a path that no
file system takes (a NUL character, a name longer than the system allows) is invalid input,
said in one line, rather than an error deep inside a command."""

from __future__ import annotations

import argparse
import errno
import os

from traumefokus.errors import InvalidInput
from traumefokus.messages import Term

# argparse destinations that hold a path, and how the command line names them.
PATH_OPTIONS = {
    "data_dir": "--data-dir",
    "out": "--out",
    "recordings_key": "--recordings-key",
    "path": "PATH",
    "file": "FILE",
}


def check_paths(args: argparse.Namespace) -> None:
    for dest, option in PATH_OPTIONS.items():
        value = getattr(args, dest, None)
        if isinstance(value, str):
            _check(option, value)


def _check(option: str, value: str) -> None:
    if "\x00" in value:
        raise InvalidInput("cli.bad_path", option=option, path=value, reason=Term("path.nul"))
    try:
        os.stat(os.path.expanduser(value))
    except OSError as exc:  # a file that is not there (yet) is the command's to judge
        if exc.errno == errno.ENAMETOOLONG:
            raise InvalidInput(
                "cli.bad_path", option=option, path=value, reason=Term("path.too_long")
            ) from None
    except ValueError:  # a character the system cannot take in a path
        raise InvalidInput(
            "cli.bad_path", option=option, path=value, reason=Term("path.unusable")
        ) from None
