"""Rules for client codes. A code identifies a client inside the centre and nowhere else: it is
never a CPR number, and anything shaped like one is refused."""

from __future__ import annotations

import re

from traumefokus.errors import InvalidInput

MAX_CODE_LENGTH = 32
_ALLOWED = re.compile(r"^[\w./-]+$")
# A CPR number as people write it: ddmmyy and four digits, with or without runs of
# separators (dashes, dots, slashes, underscores, spaces) between day, month, year and the
# last four; never inside a longer run of digits. Some harmless codes look like this too:
# privacy comes first.
_SEP = r"[-./_\s\u2010-\u2015\u2212]*"
_CPR_SHAPE = re.compile(rf"(?<!\d)\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}\d{{4}}(?!\d)")


def looks_like_cpr(text: str) -> bool:
    """Whether `text` holds something shaped like a CPR number anywhere in it."""
    return _CPR_SHAPE.search(text) is not None


def clean_client_code(code: str) -> str:
    code = code.strip()
    if not code:
        raise InvalidInput("client.code_required")
    if looks_like_cpr(code):
        raise InvalidInput("client.code_cpr")
    if len(code) > MAX_CODE_LENGTH or not _ALLOWED.match(code):
        raise InvalidInput("client.code_invalid", code=code, max=MAX_CODE_LENGTH)
    return code
