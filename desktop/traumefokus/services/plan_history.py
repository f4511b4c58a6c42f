"""Writing the plan history: who changed the plan, when, what and why.

Each entry keeps its kind and facts (so the UI can say it in the user's language) and the
change in English words (so exports read the same everywhere).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from traumefokus.content.end_reasons import end_reasons_file, load_end_reasons
from traumefokus.domain.actor import Actor
from traumefokus.domain.content import Pack
from traumefokus.errors import TraumefokusError
from traumefokus.messages import Term, text
from traumefokus.paths import DataDir
from traumefokus.storage.clock import utc_now
from traumefokus.storage.models import Course, CourseSession, PlanChange


def session_label(session: CourseSession) -> str:
    """How a plan change names a session: its number, or for an extra session or a follow-up
    (which have none) its planned date."""
    if session.number is not None:
        return str(session.number)
    return session.planned_date.isoformat() if session.planned_date else "-"


def log_change(
    tx: Session,
    course: Course,
    actor: Actor,
    kind: str,
    reason: str | None = None,
    /,
    **details: Any,
) -> PlanChange:
    facts = {k: v.isoformat() if isinstance(v, date) else v for k, v in details.items()}
    entry = PlanChange(
        course_id=course.id,
        at=utc_now(),
        by_id=actor.id,
        kind=kind,
        details=facts,
        change=describe_change(kind, facts, "en"),
        reason=(reason or "").strip() or None,
    )
    tx.add(entry)
    return entry


# Facts kept as codes in the history, said in words when shown: fact name -> the word list
# of labels.py that says them.
_WORDED = {"status": "status", "kind": "session_kind"}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def names_themes(fact: str) -> bool:
    """Facts that name themes by id: `theme`, `themes` (several, comma-separated) and any
    `..._theme` (`new_theme`)."""
    return fact in ("theme", "themes") or fact.endswith(("_theme", "_themes"))


def describe_change(
    kind: str,
    details: dict[str, Any],
    lang: str,
    *,
    theme: Callable[[str], str] | None = None,
    day: Callable[[date], str] | None = None,
    end_reason: Callable[[str], str] | None = None,
) -> str:
    """The change in words. As stored (for exports) themes are ids and days ISO dates; a
    screen passes `theme` (a title for an id), `day` (a date as it shows dates) and
    `end_reason` (a reason's label) to say them as its reader reads them."""

    def shown(fact: str, value: Any) -> Any:
        if fact in _WORDED:
            return Term(f"{_WORDED[fact]}.{value}")
        if not isinstance(value, str) or value == "-":
            return value
        if theme is not None and names_themes(fact):
            return ", ".join(theme(one.strip()) for one in value.split(","))
        if day is not None and _ISO_DAY.fullmatch(value):
            return day(date.fromisoformat(value))
        if end_reason is not None and fact == "end_reason":
            return end_reason(value)
        return value

    facts = {fact: shown(fact, value) for fact, value in details.items()}
    return text(f"plan.{kind}", lang, **facts)


def theme_title_in(pack: Pack | None, theme_id: str, lang: str) -> str:
    """A theme's title from the course's pack in the reader's language: the pack's working
    title, or in English the official English title; the id if the pack lacks the theme."""
    theme = pack.theme(theme_id) if pack is not None else None
    if theme is None:
        return theme_id
    return theme.title_en if lang == "en" else theme.title


def reader_words(
    data_dir: DataDir, pack: Pack | None, lang: str, day: Callable[[date], str] | None
) -> dict[str, Any]:
    """What `describe_change` needs to say a course's history to a reader in `lang`:
    theme titles from the course's pack, end reasons from the centre's list, and `day`."""
    labels: dict[str, str] = {}

    def end_reason(reason_id: str) -> str:
        if not labels:
            try:
                reasons = load_end_reasons(end_reasons_file(data_dir))
            except TraumefokusError:
                reasons = ()  # the course page says what is wrong with the file
            labels.update({r.id: r.label(lang) for r in reasons} or {"": ""})
        return labels.get(reason_id, reason_id)

    return {
        "theme": lambda theme_id: theme_title_in(pack, theme_id, lang),
        "day": day,
        "end_reason": end_reason,
    }
