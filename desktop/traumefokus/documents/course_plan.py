"""The course plan for the client: every session with its date and time, the themes chosen
together, and the client's goals, in plain words for the client to keep."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from traumefokus.documents.page import TEXT_WIDTH, Section
from traumefokus.documents.styles import (
    CELL,
    CELL_LABEL,
    HANDOUT,
    HEADING,
    SMALL,
    SUBTITLE,
    TITLE,
    bullets,
    cell,
    grid,
    heading,
    markup,
)
from traumefokus.documents.wording import Wording
from traumefokus.domain.vocabulary import Attendance, SessionKind
from traumefokus.services.courses import CourseView, SessionView


def plan_section(
    course: CourseView,
    programme_name: str,
    display_name: str | None,
    words: Wording,
    *,
    with_name: bool,
) -> Section:
    name = display_name if with_name and display_name else None
    title = words("plan.title")
    story: list[Flowable] = [
        Paragraph(markup(title + (f": {name}" if name else "")), TITLE),
        Paragraph(markup(programme_name), SUBTITLE),
        Paragraph(markup(words("plan.intro", programme=programme_name)), HANDOUT),
        Paragraph(markup(words("plan.with", therapist=course.therapist)), HANDOUT),
        heading(words("plan.sessions"), HEADING),
    ]
    rows: list[list[Flowable | str]] = [
        [
            cell(words("plan.day"), CELL_LABEL),
            cell(words("plan.time"), CELL_LABEL),
            cell(words("plan.what"), CELL_LABEL),
        ]
    ]
    for s in course.sessions:
        past = s.attendance is not None  # held, or cancelled or missed: it keeps its number
        day = s.date if past and s.date else s.planned_date
        row = [
            words.day_and_date(day) if day else words("plan.no_date"),
            words.clock(s.planned_time) if s.planned_time and not past else "",
            _what(s, words) + (f" ({_outcome(s, words)})" if past else ""),
        ]
        rows.append([cell(c, SMALL if past else CELL) for c in row])
    widths = (0.42 * TEXT_WIDTH, 0.12 * TEXT_WIDTH, 0.46 * TEXT_WIDTH)
    story.append(grid(rows, widths, header=True))
    story.append(heading(words("plan.goals"), HEADING))
    if course.goals:
        story.append(bullets([g.text for g in course.goals], HANDOUT))
    else:
        story.append(Paragraph(markup(words("plan.no_goals")), HANDOUT))
    header = " · ".join(p for p in (title, name, course.client_code) if p)
    return Section(header=header, flowables=story)


def _outcome(s: SessionView, words: Wording) -> str:
    if s.attendance is Attendance.HELD:
        return words("plan.held")
    if s.attendance is Attendance.NO_SHOW:
        return words("plan.missed")
    return words("plan.cancelled")


def _what(s: SessionView, words: Wording) -> str:
    """The session in the client's words: no session numbers from the manual's layout."""
    if s.follow_up_month is not None:
        return words.session_name(s.number, s.kind, s.extra, s.follow_up_month)
    if s.kind is SessionKind.ASSESSMENT:
        return words("plan.assessment")
    name = (
        words("plan.extra")
        if s.extra or s.number is None
        else words("plan.session", number=s.number)
    )
    if s.kind is SessionKind.TRAUMA and s.attendance in (None, Attendance.HELD):
        return f"{name} · {s.theme_title or words('plan.theme_open')}"
    return name
