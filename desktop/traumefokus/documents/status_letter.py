"""The status letter MOVE writes after every fourth held session: a first draft from the
course's facts (sessions held, themes, commitments, goals, the next session), which the
therapist edits, and the letter on paper.

The text is plain: blank lines part paragraphs, a line starting with "- " is a bullet. The
draft leaves a marked gap after each goal for the therapist's words on progress; a letter
with a gap left is not printed.
"""

from __future__ import annotations

import re
from datetime import date

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from traumefokus.documents.page import Section
from traumefokus.documents.styles import LETTER, LETTER_ITEM, SUBTITLE, TITLE, bullets, gap, markup
from traumefokus.documents.wording import WORDS, Wording
from traumefokus.services.status_letters import LetterView

GAPS = WORDS["letter.goal_progress"]
_DATE = ParagraphStyle("letter_date", parent=LETTER, alignment=TA_RIGHT)


def draft_letter_text(letter: LetterView, words: Wording) -> str:
    """A first draft in the words of `words`: facts as the course has them now."""
    facts = letter.facts
    held = facts.held
    first = held[0].date if held else None
    last = held[-1].date if held else None
    blocks = [
        words(
            "letter.held",
            count=len(held),
            programme=facts.programme_name,
            first=words.long_date(first) if first else "",
            last=words.long_date(last) if last else "",
        )
    ]
    if facts.themes:
        blocks.append(_bullets(words("letter.themes"), facts.themes))
    if facts.commitments:
        blocks.append(
            _bullets(
                words("letter.commitments"),
                [f"{words.short_date(c.day)}: {c.text}" for c in facts.commitments],
            )
        )
    if facts.goals:
        blocks.append(
            _bullets(
                words("letter.goals"),
                [f"{goal.rstrip(' .!')} – {words('letter.goal_progress')}" for goal in facts.goals],
            )
        )
    upcoming = facts.next_session
    if upcoming is not None and upcoming.planned_date is not None:
        day = words.day_and_date(upcoming.planned_date)
        if upcoming.planned_time is not None:
            day += " " + words("at_time", time=words.clock(upcoming.planned_time))
        blocks.append(words("letter.next", day=day))
    blocks.append(words("letter.closing"))
    blocks.append(f"{words('letter.regards')}\n{facts.therapist}")
    return "\n\n".join(blocks)


def _bullets(title: str, lines: list[str] | tuple[str, ...]) -> str:
    return "\n".join([title, *(f"- {line}" for line in lines)])


def has_gaps(text: str) -> bool:
    """Whether the draft's gaps for the therapist's words are still in the text."""
    return any(gap_text in text for gap_text in GAPS)


def letter_section(
    letter: LetterView, text: str, words: Wording, dated: date, *, with_name: bool
) -> Section:
    facts = letter.facts
    name = facts.display_name if with_name and facts.display_name else None
    title = words("letter.file")
    story: list[Flowable] = [Paragraph(markup(words.long_date(dated)), _DATE)]
    if name:
        story.append(Paragraph(markup(words("letter.to", name=name)), LETTER))
    story += [
        gap(6),
        Paragraph(markup(title), TITLE),
        Paragraph(markup(facts.programme_name), SUBTITLE),
        Paragraph(
            markup(words("letter.greeting", name=name) if name else words("letter.hello")),
            LETTER,
        ),
    ]
    story += letter_body(text)
    header = " · ".join(p for p in (title, name, facts.client_code) if p)
    return Section(header=header, flowables=story, confidential=True)


def letter_body(text: str) -> list[Flowable]:
    """Plain text as paragraphs and bullet lists, in the order written."""
    story: list[Flowable] = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        run: list[str] = []
        bulleted = False
        for line in [*block.strip("\n").split("\n"), None]:
            is_bullet = line is not None and line.lstrip().startswith("- ")
            if run and (line is None or is_bullet != bulleted):
                story.append(
                    bullets(run, LETTER_ITEM)
                    if bulleted
                    else Paragraph(markup("\n".join(run)), LETTER)
                )
                run = []
            if line is not None and line.strip():
                run.append(line.lstrip()[2:] if is_bullet else line.rstrip())
                bulleted = is_bullet
    return story
