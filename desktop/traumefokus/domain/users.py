"""Rules for user names."""

from __future__ import annotations

from traumefokus.errors import InvalidInput

MAX_NAME_LENGTH = 64
_PUNCTUATION = "._-"


def clean_user_name(name: str) -> str:
    """The name as it will be stored, or InvalidInput saying what a name may contain.

    A letter first, then letters, digits, dot, hyphen or underscore: names appear in logs,
    exports and audit trails, and must survive every one of them unquoted.
    """
    name = name.strip()
    ok = (
        0 < len(name) <= MAX_NAME_LENGTH
        and name[0].isalpha()
        and all(ch.isalnum() or ch in _PUNCTUATION for ch in name)
    )
    if not ok:
        raise InvalidInput("user.name_invalid", name=name, max=MAX_NAME_LENGTH)
    return name
