"""Rules for user names, full names and titles.

A user name is stored normalised (NFKC, case-folded), so that "Mette.H" and "ｍｅｔｔｅ.ｈ" sign
in as the same person. A name that mixes scripts, or that looks like an existing one (the
Cyrillic "аdmin" beside "admin"), is refused: names appear in plan histories, audit trails and
on paper, where a look-alike would pass for someone else.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from traumefokus.errors import InvalidInput

MAX_NAME_LENGTH = 64
MAX_FULL_NAME, MAX_TITLE = 200, 100
_PUNCTUATION = "._-"


def normalise_user_name(name: str) -> str:
    """NFKC with case folding: the form a name is stored and looked up in."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name.strip()).casefold())


def clean_user_name(name: str, existing: Iterable[str] = ()) -> str:
    """The name as it will be stored, or InvalidInput saying what is wrong with it.

    A letter first, then letters, digits, dot, hyphen or underscore, all in one script: names
    appear in logs, exports and audit trails, and must survive every one of them unquoted.
    `existing` are the names already taken (stored form).
    """
    name = normalise_user_name(name)
    ok = (
        0 < len(name) <= MAX_NAME_LENGTH
        and name[0].isalpha()
        and all(ch.isalnum() or ch in _PUNCTUATION for ch in name)
    )
    if not ok:
        raise InvalidInput("user.name_invalid", name=name[:MAX_NAME_LENGTH], max=MAX_NAME_LENGTH)
    if _mixes_scripts(name):
        raise InvalidInput("user.name_mixed_scripts", name=name)
    shape = skeleton(name)
    for other in existing:
        if other == name:
            raise InvalidInput("user.exists", name=name)
        if skeleton(other) == shape:
            raise InvalidInput("user.name_confusable", name=name, other=other)
    return name


def _mixes_scripts(name: str) -> bool:
    from confusable_homoglyphs import confusables

    return bool(confusables.is_mixed_script(name))


def skeleton(name: str) -> str:
    """What a name looks like: each character replaced by the plainest character it can be
    mistaken for (an ASCII one where there is one), after normalising. Two names with the same
    skeleton are confusable (the idea of UTS #39)."""
    from confusable_homoglyphs import confusables

    data = confusables.confusables_data
    shapes = []
    for ch in normalise_user_name(name):
        alike = [ch] + [h["c"] for h in data.get(ch, ()) if len(h["c"]) == 1]
        shapes.append(min(alike, key=lambda c: (not c.isascii(), c)).casefold())
    return "".join(shapes)


def clean_person(full_name: str | None, title: str | None) -> tuple[str | None, str | None]:
    """A user's full name and professional title as printed on notes and letters."""
    name = " ".join((full_name or "").split()) or None
    job = " ".join((title or "").split()) or None
    if name and len(name) > MAX_FULL_NAME:
        raise InvalidInput("user.full_name_too_long", max=MAX_FULL_NAME)
    if job and len(job) > MAX_TITLE:
        raise InvalidInput("user.title_too_long", max=MAX_TITLE)
    return name, job


def person_label(name: str, full_name: str | None, title: str | None) -> str:
    """How a user is named on screen and on paper: "Mette Hansen, socialrådgiver", or the
    user name while no full name is known."""
    shown = full_name or name
    return f"{shown}, {title}" if title else shown
