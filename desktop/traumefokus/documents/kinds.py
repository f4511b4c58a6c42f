"""The printed documents by name: light enough for the screens to import at start-up (the
PDF machinery loads on the first print)."""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    NOTE = "note"  # one session note (object: session)
    NOTES = "notes"  # every note of a course (object: course)
    HANDOUT = "handout"  # the client's worksheets (object: session)
    PLAN = "plan"  # the course plan for the client (object: course)
    LETTER = "letter"  # the status letter due now (object: course)
    SUPERVISION = "supervision"  # the supervision overview (no object: a period and a scope)
    CODING_RESULTS = "coding_results"  # a coding round's results (object: the round's name)


ON_SESSION = (DocumentKind.NOTE, DocumentKind.HANDOUT)
