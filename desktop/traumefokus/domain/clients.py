"""Rules for client codes. A code identifies a client inside the centre and nowhere else: it is
never a CPR number, and anything shaped like one is refused."""

from __future__ import annotations

import re

from traumefokus.errors import InvalidInput

MAX_CODE_LENGTH = 32
_ALLOWED = re.compile(r"^[\w./-]+$")
# Six digits, an optional dash or space, four digits, not inside a longer run of digits.
_CPR_SHAPE = re.compile(r"(?<!\d)\d{6}[- ]?\d{4}(?!\d)")


def clean_client_code(code: str) -> str:
    code = code.strip()
    if not code:
        raise InvalidInput("client.code_required")
    if _CPR_SHAPE.search(code):
        raise InvalidInput("client.code_cpr")
    if len(code) > MAX_CODE_LENGTH or not _ALLOWED.match(code):
        raise InvalidInput("client.code_invalid", code=code, max=MAX_CODE_LENGTH)
    return code
