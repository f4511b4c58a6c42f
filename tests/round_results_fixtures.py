"""Hand-built coding rounds with ratings, for the results service, the command and the
screen: the centre of round_fixtures.py (48 signed, recorded SS sessions; supervisor
`sup.visor`, coders `coder.anna` and `coder.bent`) and, written straight through the models,

- "Maj 2023" (SS): three sessions, both coders. Anna and Bent submitted sessions 1 and 2;
  Anna submitted session 3, Bent's rating of it is a DRAFT (which must not count);
- "Marts 2023" (SS, an earlier period): one session, Anna's rating submitted;
- "Tom" (SS): one session, no rating at all; "CC-runde" (CC): a submitted rating (another
  method: never in the SS comparison).

Rated on the small test scale of coding_fixtures.py (F1.adherence, F2.adherence:
interventions; F1.helpfulness, P1.rating: processes). The figures, by hand:

session (coder)  F1.a  F1.h  F2.a  P1     interventions  processes
s1 (Anna)        2     3     1     2      1.5            2.5
s1 (Bent)        2     2     2     na     2.0            2.0       s1: 1.75, 2.25
s2 (Anna)        3     3     3     3      3.0            3.0
s2 (Bent)        2.5   3     cant  2      2.5            2.5       s2: 2.75, 2.75
s3 (Anna)        1     1     1     1      1.0            1.0       s3: 1.0, 1.0
s3 (Bent) DRAFT  3     3     -     -

Interventions: mean (1.75 + 2.75 + 1) / 3 = 1.8333, sample SD 0.87797, range 1-2.75.
Processes: mean (2.25 + 2.75 + 1) / 3 = 2.0, sample SD 0.90139, range 1-2.75.
Items: F1.a (2 + 2.75 + 1) / 3; F1.h (2.5 + 3 + 1) / 3; F2.a (1.5 + 3 + 1) / 3;
P1 (2 + 2.5 + 1) / 3.
Agreement on s1, s2 (the sessions both coders submitted): interventions [[1.5, 2], [3, 2.5]]:
BMS 1, JMS 0, EMS 0.25, ICC(2,1) = 0.75 / 1 = 0.75; processes [[2.5, 2], [3, 2.5]]: BMS 0.25,
JMS 0.25, EMS 0, ICC = 0.25 / 0.5 = 0.5 with no interval (no residual variance).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from coding_fixtures import SCALE
from round_fixtures import _id, build
from traumefokus.services.acting import Acting
from traumefokus.storage.models import CodingRating, CodingRound, CodingSample

ANNA, BENT, SUP = _id("u", "ca"), _id("u", "cb"), _id("u", "sup")
SESSIONS = [_id("s", f"{n:02d}{m}") for n in range(3) for m in range(2)]
NA, CANT = "na", "cant_rate"
MAY = {  # session index: {coder: (values, submitted)}
    0: {
        ANNA: ({"F1.adherence": 2, "F1.helpfulness": 3, "F2.adherence": 1, "P1.rating": 2}, True),
        BENT: ({"F1.adherence": 2, "F1.helpfulness": 2, "F2.adherence": 2, "P1.rating": NA}, True),
    },
    1: {
        ANNA: ({"F1.adherence": 3, "F1.helpfulness": 3, "F2.adherence": 3, "P1.rating": 3}, True),
        BENT: (
            {"F1.adherence": 2.5, "F1.helpfulness": 3, "F2.adherence": CANT, "P1.rating": 2},
            True,
        ),
    },
    2: {
        ANNA: ({"F1.adherence": 1, "F1.helpfulness": 1, "F2.adherence": 1, "P1.rating": 1}, True),
        BENT: ({"F1.adherence": 3, "F1.helpfulness": 3}, False),
    },
}
ALL_TWO = {"F1.adherence": 2, "F1.helpfulness": 2, "F2.adherence": 2, "P1.rating": 2}


def add_round(
    acting: Acting,
    name: str,
    sessions: list[str],
    ratings: dict[int, dict[str, tuple[dict, bool]]],
    *,
    method: str = "SS",
    start: date = date(2023, 5, 1),
) -> str:
    when = datetime(2023, 7, 1, 12, tzinfo=UTC)
    with acting.db.transaction() as tx:
        found = CodingRound(
            name=name,
            method=method,
            scale_id=SCALE.id,
            scale_version=str(SCALE.version),
            start=start,
            end=date(start.year, start.month, 28),
            size=len(sessions),
            seed=name,
            coder_ids=[ANNA, BENT],
            created_by_id=SUP,
        )
        tx.add(found)
        tx.flush()
        for position, session_id in enumerate(sessions, 1):
            tx.add(CodingSample(round_id=found.id, session_id=session_id, position=position))
        for index, by_coder in ratings.items():
            for coder, (values, submitted) in by_coder.items():
                tx.add(
                    CodingRating(
                        round_id=found.id,
                        session_id=sessions[index],
                        coder_id=coder,
                        ratings=values,
                        status="submitted" if submitted else "draft",
                        saved_at=when,
                        submitted_at=when if submitted else None,
                    )
                )
        return found.id


def results_centre(admin: Acting) -> dict[str, str]:
    """The centre and its rounds; round name -> id."""
    build(admin.db)
    return {
        "Maj 2023": add_round(admin, "Maj 2023", SESSIONS[:3], MAY),
        "Marts 2023": add_round(
            admin, "Marts 2023", SESSIONS[3:4], {0: {ANNA: (ALL_TWO, True)}},
            start=date(2023, 3, 1),
        ),
        "Tom": add_round(admin, "Tom", SESSIONS[4:5], {}, start=date(2023, 6, 1)),
        "CC-runde": add_round(
            admin, "CC-runde", SESSIONS[5:6], {0: {ANNA: (ALL_TWO, True)}}, method="CC"
        ),
    }  # fmt: skip
