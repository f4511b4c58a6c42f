"""Adherence coding in the demo: two finished rounds (one SS, one CC) rated and submitted by
both coders and closed, and an open SS round the coders are working through (some ratings in
draft, some not started), so that the coder's queue, a round's results and the comparison
between rounds show real tables.

The rounds follow the demo's own calendar (it is built around its reference day): the
finished rounds sample the eight whole months that end three months before the reference
day's month, the SS round drawn a few days after that period and the CC round a week later,
both rated within a month and closed; the open round samples the months after that period up
to the end of last month (or, if that holds too few sessions, from the start of the finished
rounds' period), drawn a few days before the reference day. A round is drawn through the
service (`create_round`), rated through the coders' own service (`save_rating`,
`submit_rating`) and closed by the supervisor (`close_round`).

Values are drawn around the pilot's means (SS interventions about 1.9, processes about 2.2)
in half points, with now and then N/A or can't rate. What the session was like is shared by
both coders (its level, and how each item went in it, from a stream seeded by the demo's
seed and the session's id); each coder adds an impression and a little noise of their own,
so that the coders agree clearly but not perfectly (ICC(2,1) about 0.5-0.8). The other
random draws come from a stream of its own (`{seed}-coding`), so that nothing drawn before
it shifts; it runs last.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from traumefokus.domain.coding_ratings import RatingDraft, Value
from traumefokus.domain.scales import CANT_RATE, NOT_APPLICABLE, Scale
from traumefokus.domain.vocabulary import Method
from traumefokus.services.auth import actor_of, find_user
from traumefokus.services.coding_ratings import round_scale, save_rating, submit_rating
from traumefokus.services.coding_round_admin import close_round
from traumefokus.services.coding_rounds import RoundSpec, create_round, eligible_sessions

if TYPE_CHECKING:
    from traumefokus.demo.centre import _Builder
    from traumefokus.services.acting import Acting
    from traumefokus.services.coding_rounds import RoundView

CODERS = ("coder", "coder2")
MEANS = {  # the part means the values are drawn around (the pilot's report for SS)
    "interventions": 1.9,
    "processes": 2.2,
    "format_structure": 2.1,
    "method": 1.8,
    "therapeutic_skills": 2.2,
    "overall": 2.0,
}
STRENGTHS = (
    "Tydelig struktur og god tid til tjek-ud.",
    "Temaet blev koblet til klientens egen hverdag.",
    "Varm og rolig tone; klienten fik plads.",
    "Godt brug af arbejdsarket.",
)
WEAKNESSES = (
    "Citatet blev kun nævnt kort.",
    "Aftalen til næste gang var uklar.",
    "Temaet fik lidt for meget tid; tjek-ud blev kort.",
    "Rusmiddelbrug blev ikke spurgt til i tjek-ind.",
)


@dataclass(frozen=True)
class _Plan:
    method: Method
    size: int
    drawn: date  # the day the supervisor draws the round
    start: date
    end: date


def add_coding(builder: _Builder, seed: int) -> None:
    rng = random.Random(f"{seed}-coding")
    today = builder.today
    coders = _coders(builder)
    end = _month_start(today, -3) - timedelta(days=1)  # finished rounds' period ends here
    start = _month_start(end, -7)  # eight whole months
    finished = (
        _Plan(Method.SEEKING_SAFETY, 10, end + timedelta(days=5), start, end),
        _Plan(Method.CREATING_CHANGE, 6, end + timedelta(days=12), start, end),
    )
    for plan in finished:
        found = _draw(builder, plan, f"{plan.method.value} {_month(plan.drawn)}")
        if found is None:
            continue
        with builder.db.batch():
            for coder in coders:
                for position, session_id in enumerate(found.session_ids):
                    builder.clock.at(plan.drawn + timedelta(days=3 + 2 * position), 10)
                    _rate(rng, seed, coder, found, session_id, submit=True)
            builder.clock.at(plan.drawn + timedelta(days=35), 9)
            close_round(builder.supervisor, found.name)
    drawn = today - timedelta(days=4)
    last = min(_month_start(today, 0), drawn) - timedelta(days=1)  # nothing after the draw
    open_plan = _Plan(Method.SEEKING_SAFETY, 6, drawn, end + timedelta(days=1), last)
    if _eligible(builder, open_plan) < open_plan.size:
        open_plan = _Plan(Method.SEEKING_SAFETY, 6, drawn, start, last)
    found = _draw(builder, open_plan, f"SS {_month(drawn)}")
    if found is None:
        return
    with builder.db.batch():  # coder: one submitted, two drafts; coder2: one draft
        for coder, submitted, drafts in zip(coders, (1, 0), (2, 1), strict=True):
            for position, session_id in enumerate(found.session_ids[: submitted + drafts]):
                builder.clock.at(min(drawn + timedelta(days=1 + position), today), 14)
                _rate(rng, seed, coder, found, session_id, submit=position < submitted)


def _coders(builder: _Builder) -> list[Acting]:
    with builder.db.reading() as tx:
        users = [find_user(tx, name) for name in CODERS]
        actors = [actor_of(user) for user in users if user is not None]
    return [builder._acting(actor) for actor in actors]


def _eligible(builder: _Builder, plan: _Plan) -> int:
    with builder.db.reading() as tx:
        return len(eligible_sessions(tx, plan.method, plan.start, plan.end, plan.drawn))


def _draw(builder: _Builder, plan: _Plan, name: str) -> RoundView | None:
    """The round drawn on its day, as large as planned or as the period allows (none if the
    period holds no eligible session, as in a tiny demo)."""
    size = min(plan.size, _eligible(builder, plan))
    if size < 1 or plan.drawn > builder.today:
        return None
    builder.clock.at(plan.drawn, 11)
    spec = RoundSpec(
        name=name,
        method=plan.method,
        start=plan.start,
        end=plan.end,
        size=size,
        seed=f"demo-{name}",
        coders=CODERS,
    )
    return create_round(builder.supervisor, spec, today=plan.drawn)


def _rate(
    rng: random.Random,
    seed: int,
    coder: Acting,
    found: RoundView,
    session_id: str,
    *,
    submit: bool,
) -> None:
    scale = round_scale(coder, found.scale_id, found.scale_version)
    values = _values(rng, random.Random(f"{seed}-coding-{session_id}"), scale)
    if not submit:  # a draft: the form filled from the top, part of the way
        keys = scale.rating_keys()
        values = {k: values[k] for k in keys[: rng.randint(2, max(2, len(keys) - 2))]}
    draft = RatingDraft(
        ratings=values,
        strengths=rng.choice(STRENGTHS) if submit and rng.random() < 0.6 else "",
        weaknesses=rng.choice(WEAKNESSES) if submit and rng.random() < 0.5 else "",
    )
    write = submit_rating if submit else save_rating
    write(coder, found.id, session_id, draft, None)


def _values(rng: random.Random, session: random.Random, scale: Scale) -> dict[str, Value]:
    """A plausible rating of one session by one coder: around the part's mean, the session's
    level and how each item went in it (drawn from `session`, the same for every coder),
    then the coder's impression of the session and a little noise on each item (from `rng`),
    in the scale's steps; now and then N/A or can't rate."""
    level = session.gauss(0, 0.4)
    items = {key: session.gauss(0, 0.25) for key in scale.rating_keys()}
    impression = rng.gauss(0, 0.2)
    found: dict[str, Value] = {}
    for key in scale.rating_keys():
        roll = rng.random()
        if scale.allows_na and roll < 0.04:
            found[key] = NOT_APPLICABLE
            continue
        if scale.allows_cant_rate and roll < 0.06:
            found[key] = CANT_RATE
            continue
        centre = MEANS.get(scale.part_of(key), (scale.minimum + scale.maximum) / 2)
        value = centre + level + items[key] + impression + rng.gauss(0, 0.1)
        step = 2 if scale.half_points else 1
        value = round(value * step) / step
        value = min(max(value, scale.minimum), scale.maximum)
        found[key] = int(value) if value == int(value) else value
    return found


def _month_start(day: date, months: int) -> date:
    """The first day of the month `months` after (before, if negative) `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month(day: date) -> str:
    """The month in Danish, as a round is named: "maj 2026"."""
    from babel.dates import format_date  # slow to load: only when the demo is built

    return format_date(day, "LLLL y", locale="da")
