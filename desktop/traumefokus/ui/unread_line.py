"""The Today page's line about unread comments from supervision: how many, and where (client
and session, or the course), so that a comment on a session not held today is seen too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from traumefokus.ui.forms import day_label
from traumefokus.ui.labels import session_kind_label, session_number_label

if TYPE_CHECKING:
    from traumefokus.services.supervision_comments import UnreadComment

UNREAD_LOOK = "unread"  # the tint of an unread comment (ui/theme.py)
SHOWN = 5  # places named; the rest counted


def place(unread: UnreadComment) -> str:
    """`K-0001, session 4 (12.03.2026)`, or `K-0001, the course`."""
    if unread.session_kind is None:
        return QCoreApplication.translate("UnreadComments", "%1, the course").replace(
            "%1", unread.client_code
        )
    if unread.session_number is not None:
        session = session_number_label(unread.session_number)
    else:
        session = session_kind_label(unread.session_kind)
    day = f" ({day_label(unread.session_day, weekday=False)})" if unread.session_day else ""
    return f"{unread.client_code}, {session}{day}"


def unread_line(comments: list[UnreadComment]) -> str:
    if not comments:
        return ""
    places = list(dict.fromkeys(place(c) for c in comments))
    named = "; ".join(places[:SHOWN])
    if len(places) > SHOWN:
        named += " " + QCoreApplication.translate("UnreadComments", "and %1 more").replace(
            "%1", str(len(places) - SHOWN)
        )
    return (
        QCoreApplication.translate(
            "UnreadComments",
            "✉ Unread comments from supervision: %1 – %2. Open the session, or the course's "
            "Comments tab under Clients, to read them.",
        )
        .replace("%1", str(len(comments)))
        .replace("%2", named)
    )
