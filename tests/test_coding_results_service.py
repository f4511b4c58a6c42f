"""A round's results from its submitted ratings (services/coding_results.py): the figures of a
hand-built round (round_results_fixtures.py) exactly, N/A and can't rate left out, a draft
not counted; the agreement and why it cannot be computed; the comparison between rounds of
the method; a round without ratings; the list of rounds with their progress; who may see."""

from __future__ import annotations

import math

import pytest

from coding_fixtures import use_scale
from round_fixtures import acting_as
from round_results_fixtures import results_centre
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services.coding_results import NoAgreement, coding_results, rounds_progress
from traumefokus.services.coding_tables import results_tables

pytestmark = pytest.mark.both_databases


@pytest.fixture
def sup(admin, monkeypatch):
    use_scale(monkeypatch)
    results_centre(admin)
    return acting_as(admin, "sup.visor")


def close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, abs_tol=1e-9)


def test_the_round_s_figures_from_its_submitted_ratings(sup):
    results = coding_results(sup, "maj 2023")  # any case
    assert (results.submitted, results.drafts, results.rated, results.complete) == (5, 1, 3, 2)
    parts = {p.part: p for p in results.figures.parts}
    interventions, processes = parts["interventions"], parts["processes"]
    assert interventions.n == processes.n == 3
    assert close(interventions.mean, 5.5 / 3)
    assert close(interventions.sd, math.sqrt((0.25**2 / 9 * 1 + (11 / 12) ** 2 + (5 / 6) ** 2) / 2))
    assert (interventions.minimum, interventions.maximum) == (1.0, 2.75)
    assert close(processes.mean, 2.0)
    assert close(processes.sd, math.sqrt((0.25**2 + 0.75**2 + 1) / 2))
    assert (processes.minimum, processes.maximum) == (1.0, 2.75)


def test_item_means_leave_out_na_and_can_t_rate(sup):
    items = {r.key: r for r in coding_results(sup, "Maj 2023").figures.ratings}
    assert close(items["F1.adherence"].mean, 5.75 / 3)
    assert close(items["F1.helpfulness"].mean, 6.5 / 3)
    assert close(items["F2.adherence"].mean, 5.5 / 3)  # s2: Bent could not rate: Anna's 3
    assert close(items["P1.rating"].mean, 5.5 / 3)  # s1: N/A for Bent: Anna's 2
    assert {r.n for r in items.values()} == {3}


def test_agreement_on_the_sessions_both_coders_submitted(sup):
    agreement = {a.part: a for a in coding_results(sup, "Maj 2023").agreement}
    interventions, processes = agreement["interventions"], agreement["processes"]
    assert (interventions.sessions, interventions.coders) == (2, 2)  # the draft left s3 out
    assert close(interventions.icc.value, 0.75)
    assert interventions.icc.lower is not None and interventions.icc.upper is not None
    assert interventions.icc.lower < 0.75 < interventions.icc.upper
    assert close(processes.icc.value, 0.5)
    assert processes.icc.lower is None and processes.icc.upper is None  # no residual variance
    assert interventions.missing is processes.missing is None


def test_agreement_cannot_be_computed_with_one_coder(sup):
    agreement = coding_results(sup, "Marts 2023").agreement
    assert {(a.icc, a.missing, a.coders) for a in agreement} == {(None, NoAgreement.ONE_CODER, 1)}


def test_agreement_cannot_be_computed_with_fewer_than_two_sessions_rated_by_both(sup, admin):
    from round_results_fixtures import ALL_TWO, ANNA, BENT, SESSIONS, add_round

    both = {ANNA: (ALL_TWO, True), BENT: (ALL_TWO, True)}
    add_round(admin, "En fælles", SESSIONS[:2], {0: both, 1: {ANNA: (ALL_TWO, True)}})
    agreement = coding_results(sup, "En fælles").agreement
    assert {(a.sessions, a.missing) for a in agreement} == {(1, NoAgreement.FEW_SESSIONS)}


def test_the_comparison_has_one_row_per_rated_round_of_the_method_in_period_order(sup):
    results = coding_results(sup, "Maj 2023")
    rows = [(c.name, c.n, c.current) for c in results.comparison]
    assert rows == [("Marts 2023", 1, False), ("Maj 2023", 3, True)]  # not "Tom", not CC
    assert results.comparison[0].means == {"interventions": 2.0, "processes": 2.0}
    assert close(results.comparison[1].means["interventions"], 5.5 / 3)
    assert results.parts == (("interventions", "Interventioner"), ("processes", "Processer"))


def test_a_round_without_ratings_says_so(sup):
    results = coding_results(sup, "Tom")
    assert not results.has_ratings
    assert (results.submitted, results.rated, results.agreement) == (0, 0, ())
    tables = {t.key: t for t in results_tables(results, "da")}
    assert tables["parts"].rows == tables["items"].rows == tables["agreement"].rows == ()
    assert [row[0] for row in tables["comparison"].rows] == ["Marts 2023", "Maj 2023"]


def test_the_tables_are_laid_out_like_the_report(sup):
    tables = {t.key: t for t in results_tables(coding_results(sup, "Maj 2023"), "en")}
    assert [c.heading for c in tables["comparison"].columns] == [
        "Round", "Period", "n", "Interventioner", "Processer",
    ]  # fmt: skip
    assert tables["comparison"].rows[1][0] == "Maj 2023 (this round)"
    assert [row[0] for row in tables["parts"].rows] == ["Interventioner", "Processer"]
    assert tables["items"].rows[0][:4] == ("F1", "Tjek-ind", "Adherence", "Interventioner")
    assert tables["agreement"].rows[1][-1] == ""


def test_the_list_of_rounds_says_how_far_each_has_come(sup):
    progress = {p.round.name: (p.rated, p.complete, p.drafts) for p in rounds_progress(sup)}
    assert progress == {
        "Maj 2023": (3, 2, 1),
        "Marts 2023": (1, 0, 0),
        "Tom": (0, 0, 0),
        "CC-runde": (1, 0, 0),
    }


def test_an_unknown_round_is_invalid_input(sup):
    with pytest.raises(InvalidInput) as invalid:
        coding_results(sup, "Ingen")
    assert invalid.value.code == "coding.round_unknown"


@pytest.mark.parametrize("who", ["behandler.t1", "coder.anna"])
def test_only_supervisors_and_administrators_see_results(sup, who):
    other = acting_as(sup, who)
    for probe in (lambda: coding_results(other, "Maj 2023"), lambda: rounds_progress(other)):
        with pytest.raises(Refused):
            probe()
    assert coding_results(acting_as(sup, "admin"), "Maj 2023").has_ratings
