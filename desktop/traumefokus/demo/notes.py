"""What the demo writes in a session's note and an ITQ: plausible, random from the seed."""

from __future__ import annotations

import random
from datetime import date

from traumefokus.demo.texts import (
    COPING,
    DIFFICULT,
    FEELINGS,
    LINKS,
    MOVE_NOTES,
    SHEET_NOTES,
    SUBSTANCES,
    TAKEAWAYS,
    UNDERSTANDING,
)
from traumefokus.domain.content import Pack, Programme
from traumefokus.domain.itq import ITEMS
from traumefokus.domain.session_note import CheckIn, CheckOut, NoteDraft, QuoteTalk, WorksheetUse
from traumefokus.domain.vocabulary import SessionKind
from traumefokus.services.courses import SessionView


def session_note(
    rng: random.Random, session: SessionView, programme: Programme, pack: Pack | None
) -> NoteDraft:
    """A plausible note: the four points of a trauma-focused session, or notes per agenda
    point for the other kinds; timings around the programme's targets."""
    kind = SessionKind(session.kind)
    points = programme.agenda.get(kind, ())
    seconds = {
        p.id: max(60, int(rng.gauss(p.target_minutes * 60, p.target_minutes * 12))) for p in points
    }
    draft = NoteDraft(measures={"tem": rng.randint(3, 9)}, agenda_seconds=seconds)
    theme = pack.theme(session.theme_id) if pack and session.theme_id else None
    if kind is not SessionKind.TRAUMA or theme is None:
        draft.notes = {p.id: rng.choice(MOVE_NOTES) for p in points[:2]}
        return draft
    use = rng.random() < 0.4
    draft.check_in = CheckIn(
        feeling=rng.choice(FEELINGS),
        feeling_score=rng.randint(2, 8),
        good_coping=rng.choice(COPING),
        substance_use="some" if use else "none",
        substances=rng.choice(SUBSTANCES) if use else "",
        commitment_done=rng.choice(("yes", "partly", "no")),
    )
    draft.quote = QuoteTalk(rng.choice(UNDERSTANDING), rng.choice(LINKS))
    count = min(len(theme.worksheets), rng.choice((1, 1, 2)))
    draft.worksheets = [
        WorksheetUse(w.id, rng.choice(SHEET_NOTES), rng.random() < 0.6)
        for w in rng.sample(list(theme.worksheets), count)
    ]
    draft.check_out = CheckOut(rng.choice(TAKEAWAYS), rng.choice(DIFFICULT))
    draft.commitment = rng.choice(theme.commitments)
    return draft


# The demo's therapist who squeezes check-out into its last minutes (the pilot's complaint),
# mostly until supervision took it up RUSHED_UNTIL_DAYS before the demo's reference day, so
# that the overview's record items show a therapist and a change over time.
RUSHES_CHECK_OUT = "jonas.k"
RUSHED_UNTIL_DAYS = 120


def rush_check_out(draft: NoteDraft, session: SessionView, therapist: str, today: date) -> None:
    """Shorten the check-out of `therapist`'s trauma sessions on the demo's rushing days: three
    in four before supervision, one in four after. Chosen from the session's day and number,
    not the random stream, so that nothing else the demo draws shifts."""
    day = session.date or session.planned_date
    if therapist != RUSHES_CHECK_OUT or day is None or "check_out" not in draft.agenda_seconds:
        return
    before = (today - day).days > RUSHED_UNTIL_DAYS
    if (day.toordinal() + (session.number or 0)) % 4 < (3 if before else 1):
        draft.agenda_seconds["check_out"] = min(draft.agenda_seconds["check_out"], 90)


def itq_answers(rng: random.Random, *, better: bool = False) -> dict[str, int]:
    """Scores that look like the pilot's clients: PTSD symptoms most often, disturbances
    in self-organisation less often; lower at follow-up."""
    drop = 1 if better else 0
    ptsd_level = rng.choice((1, 2, 2, 3, 3)) - drop
    dso_level = rng.choice((0, 1, 1, 2, 3)) - drop
    items = {
        item: max(
            0, min(4, (ptsd_level if item[0] == "P" else dso_level) + rng.choice((-1, 0, 0, 1)))
        )
        for item in ITEMS
    }
    if rng.random() < 0.05:
        del items[rng.choice(ITEMS)]  # now and then an item was left unanswered
    return items
