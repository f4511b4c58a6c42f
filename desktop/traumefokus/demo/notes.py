"""What the demo writes in a session's note and an ITQ: plausible, random from the seed."""

from __future__ import annotations

import random

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
