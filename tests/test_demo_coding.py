"""Adherence coding in the demo: two finished rounds, an open one the coders are working
through, and enough eligible sessions left for new rounds; the same seed gives the same."""

from datetime import date

import pytest
from sqlalchemy import select

from cli_runner import run
from raw_database import unlocked
from traumefokus.content.library import ContentLibrary
from traumefokus.domain.actor import Actor
from traumefokus.domain.vocabulary import Method, RatingStatus, Role, RoundStatus
from traumefokus.paths import DataDir
from traumefokus.services.acting import Acting
from traumefokus.services.coding_results import coding_results
from traumefokus.services.coding_rounds import eligible_sessions
from traumefokus.storage.models import AuditEvent, CodingRating, CodingRound, User

TODAY = date(2026, 11, 23)
pytestmark = pytest.mark.sqlite_only


def build(folder, seed="7"):
    result = run("demo", "--data-dir", folder, "--seed", seed, "--today", TODAY)
    assert result.code == 0, result.err
    return folder


def coding(folder):
    """Every round with its sample and every rating, in a stable order."""
    db = unlocked(folder).open()
    try:
        with db.reading() as tx:
            rounds = [
                {
                    "id": r.id,
                    "name": r.name,
                    "method": r.method,
                    "status": r.status,
                    "period": (r.start, r.end),
                    "seed": r.seed,
                    "coders": list(r.coder_ids),
                    "sessions": [s.session_id for s in r.samples],
                    "created_at": r.created_at,
                }
                for r in tx.scalars(select(CodingRound).order_by(CodingRound.created_at))
            ]
            ratings = [
                (
                    g.id,
                    g.round_id,
                    g.session_id,
                    g.coder_id,
                    g.status,
                    g.ratings,
                    g.notes,
                    g.saved_at,
                    g.submitted_at,
                )
                for g in tx.scalars(select(CodingRating).order_by(CodingRating.id))
            ]
            eligible = {
                m: {c.session_id for c in eligible_sessions(tx, m, date(1900, 1, 1), TODAY, TODAY)}
                for m in Method
            }
            coders = {u: n for n, u in tx.execute(select(User.name, User.id))}
    finally:
        db.close()
    return rounds, ratings, eligible, coders


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return build(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def demo(folder):
    return coding(folder)


def test_two_finished_rounds_and_an_open_one(demo):
    rounds, _ratings, _eligible, coders = demo
    assert [(r["method"], r["status"]) for r in rounds] == [
        ("SS", RoundStatus.CLOSED),
        ("CC", RoundStatus.CLOSED),
        ("SS", RoundStatus.OPEN),
    ]
    assert [len(r["sessions"]) for r in rounds] == [10, 6, 6]
    for r in rounds:
        assert [coders[c] for c in r["coders"]] == ["coder", "coder2"]
        assert r["period"][1] < TODAY and r["created_at"].date() < TODAY


def test_both_coders_submitted_every_session_of_the_finished_rounds(demo):
    rounds, ratings, _eligible, _coders = demo
    for r in rounds[:2]:
        submitted = {
            (session, coder)
            for _id, round_id, session, coder, status, values, *_ in ratings
            if round_id == r["id"] and status == RatingStatus.SUBMITTED and values
        }
        assert submitted == {(s, c) for s in r["sessions"] for c in r["coders"]}
    ss = [rating[5] for rating in ratings if rating[1] == rounds[0]["id"]]
    values = [v for rated in ss for v in rated.values()]
    numbers = [v for v in values if isinstance(v, int | float)]
    assert "na" in values and "cant_rate" in values
    assert any(v != int(v) for v in numbers)  # half points
    assert 1.5 < sum(numbers) / len(numbers) < 2.5


def test_the_open_round_has_drafts_a_submitted_rating_and_sessions_not_started(demo):
    rounds, ratings, _eligible, coders = demo
    open_round = rounds[2]
    mine = {}
    for _id, round_id, session, coder, status, *_ in ratings:
        if round_id == open_round["id"]:
            mine.setdefault(coders[coder], {})[session] = status
    assert sorted(mine["coder"].values()) == ["draft", "draft", "submitted"]
    assert list(mine["coder2"].values()) == ["draft"]
    assert set(open_round["sessions"]) - set(mine["coder"]) - set(mine["coder2"])


def test_new_rounds_can_be_drawn_from_20_sessions_of_each_method(demo):
    rounds, _ratings, eligible, _coders = demo
    finished = {s for r in rounds if r["status"] == RoundStatus.CLOSED for s in r["sessions"]}
    for method in Method:
        assert len(eligible[method] - finished) >= 20, method


def test_the_same_seed_gives_the_same_rounds_samples_and_ratings(demo, tmp_path):
    assert coding(build(tmp_path / "again")) == demo


def test_the_finished_rounds_coders_agree_clearly_and_their_means_are_the_pilots(folder):
    """Both coders rate the same session alike (the session's level is shared): the
    agreement is positive in every part, and the SS means stay around the pilot's."""
    data_dir = DataDir(folder)
    db = unlocked(folder).open()
    try:
        with db.reading() as tx:
            user = tx.scalars(select(User).where(User.name == "supervisor")).one()
            closed = tx.scalars(
                select(CodingRound.name)
                .where(CodingRound.status == RoundStatus.CLOSED.value)
                .order_by(CodingRound.created_at)
            ).all()
            closings = tx.scalars(
                select(AuditEvent.user_name).where(AuditEvent.action == "coding.close")
            ).all()
        sup = Actor(user.id, user.name, Role(user.role))
        acting = Acting(db, ContentLibrary.for_data_dir(data_dir), sup, data_dir)
        found = {name: coding_results(acting, name) for name in closed}
    finally:
        db.close()
    assert closings == ["supervisor", "supervisor"]  # closed through the service, audited
    for name, results in found.items():
        iccs = {a.part: a.icc.value for a in results.agreement if a.icc is not None}
        assert len(iccs) == len(results.agreement), name
        assert all(value > 0 for value in iccs.values()), (name, iccs)
    ss = next(r for r in found.values() if r.round.method is Method.SEEKING_SAFETY)
    means = {p.part: p.mean for p in ss.figures.parts}
    assert 1.6 < means["interventions"] < 2.2 and 1.9 < means["processes"] < 2.5, means
    assert min(a.icc.value for a in ss.agreement) > 0.5
