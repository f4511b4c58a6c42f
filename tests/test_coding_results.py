"""A coding round's figures (domain/coding_results.py) against hand-computed values: the
pilot report's May and November 2023 SS rows, ICC(2,1) against Shrout & Fleiss's (1979)
worked example, and the F quantiles against printed tables."""

from __future__ import annotations

import math

import pytest

from results_fixtures import CODERS, MAY_2023, NOVEMBER_2023, SS_SCALE, round_ratings
from traumefokus.content.scales import load_scale
from traumefokus.domain.coding_results import (
    CoderRating,
    compare_rounds,
    f_cdf,
    f_quantile,
    icc_2_1,
    part_mean,
    regularized_beta,
    round_results,
    session_means,
)
from traumefokus.domain.scales import CANT_RATE, NOT_APPLICABLE
from traumefokus.paths import shipped_dir

# Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges.
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]


# --- the report's rows ----------------------------------------------------------------------
def test_ten_ss_sessions_reproduce_the_reports_may_2023_row():
    results = round_results(SS_SCALE, round_ratings(MAY_2023), CODERS)
    assert results.sessions == 10
    interventions, processes = results.parts
    assert interventions.part == "interventions" and interventions.n == 10
    assert interventions.mean == pytest.approx(1.9)
    assert processes.part == "processes" and processes.n == 10
    assert processes.mean == pytest.approx(2.2)
    assert (round(interventions.mean, 1), round(processes.mean, 1)) == (1.9, 2.2)
    # The sample SD (divisor n - 1): interventions' squared deviations add up to 0.9, so
    # sqrt(0.9 / 9); processes' to 0.6, so sqrt(0.6 / 9). The range is min and max.
    assert interventions.sd == pytest.approx(math.sqrt(0.1))
    assert processes.sd == pytest.approx(math.sqrt(0.6 / 9))
    assert (interventions.minimum, interventions.maximum) == (1.5, 2.5)
    assert (processes.minimum, processes.maximum) == (2.0, 2.5)


def test_the_comparison_between_rounds_has_one_row_per_round_like_the_report():
    may = round_results(SS_SCALE, round_ratings(MAY_2023), CODERS)
    november = round_results(SS_SCALE, round_ratings(NOVEMBER_2023), CODERS)
    rows = compare_rounds([("Maj 2023", may), ("November 2023", november)])
    assert [(r.round, r.n) for r in rows] == [("Maj 2023", 10), ("November 2023", 5)]
    assert [{p: round(m, 1) for p, m in r.means.items() if m is not None} for r in rows] == [
        {"interventions": 1.9, "processes": 2.2},
        {"interventions": 1.8, "processes": 2.3},
    ]


def test_item_means_are_the_mean_over_sessions_of_the_coders_mean():
    results = round_results(SS_SCALE, round_ratings(MAY_2023), CODERS)
    by_key = {r.key: r for r in results.ratings}
    # check_in is half a point above each coder's part value: 1.9 + 0.5.
    assert by_key["check_in.adherence"].mean == pytest.approx(2.4)
    assert by_key["quote.adherence"].mean == pytest.approx(1.4)
    # Rated "na" by coder A and "cant_rate" by coder B in every session: no sessions, no mean.
    handed_out = by_key["worksheets_handed_out.adherence"]
    assert (handed_out.n, handed_out.mean) == (0, None)
    # "cant_rate" by coder B only: each session's mean is coder A's value, so the item's mean
    # is the mean of coder A's processes values (sum 22.5 over 10 sessions).
    assert by_key["engagement.helpfulness"].n == 10
    assert by_key["engagement.helpfulness"].mean == pytest.approx(2.25)
    assert by_key["engagement.helpfulness"].part == "processes"
    assert [r.key for r in results.ratings] == list(SS_SCALE.rating_keys())


def test_the_agreement_of_the_may_round_is_computed_by_hand():
    results = round_results(SS_SCALE, round_ratings(MAY_2023), CODERS)
    icc = results.agreement["interventions"]
    assert icc is not None and (icc.n, icc.k) == (10, 2)
    # Coder A's session means 2, 2, 1.5, 2.5, 2.5, 1, 2, 1.5, 2, 2 and coder B's 2, 2, 1.5,
    # 1.5, 2.5, 2, 2, 1.5, 2, 2: both columns average 1.9, so JMS = 0; the rows' squares add
    # up to 2 x 0.9 = 1.8, BMS = 1.8 / 9 = 0.2; the total is 2.8, so EMS = 1.0 / 9; and
    # ICC = (0.2 - 1/9) / (0.2 + 1/9 + 2 (0 - 1/9) / 10) = 4/13.
    assert (icc.bms, icc.jms, icc.ems) == pytest.approx((0.2, 0.0, 1 / 9))
    assert icc.value == pytest.approx(4 / 13)
    assert icc.lower is not None and icc.upper is not None
    assert icc.lower < icc.value < icc.upper


# --- the rule: N/A and can't rate left out, coders averaged --------------------------------
def test_na_and_cant_rate_are_left_out_of_a_coders_part_mean():
    values = {
        "check_in.adherence": 1,
        "quote.adherence": 3,
        "worksheets_used.adherence": NOT_APPLICABLE,
        "commitment.adherence": CANT_RATE,
        "check_in.helpfulness": 2.5,
    }
    assert part_mean(SS_SCALE, values, "interventions") == 2.0  # not (1 + 3 + 0 + 0) / 4
    assert part_mean(SS_SCALE, values, "processes") == 2.5
    assert part_mean(SS_SCALE, {"check_in.adherence": NOT_APPLICABLE}, "interventions") is None


def test_a_session_is_the_mean_over_the_coders_who_rated_the_part():
    ratings = [
        CoderRating("s1", "a", {"check_in.adherence": 1, "check_in.helpfulness": 3}),
        CoderRating("s1", "b", {"check_in.adherence": 2, "quote.adherence": 3}),
        CoderRating("s2", "a", {"check_in.adherence": 0.5}),
    ]
    means = session_means(SS_SCALE, ratings)
    # s1: coder a 1, coder b (2 + 3) / 2 = 2.5, so 1.75; processes only by coder a.
    assert means == {
        "s1": {"interventions": 1.75, "processes": 3.0},
        "s2": {"interventions": 0.5, "processes": None},
    }
    results = round_results(SS_SCALE, ratings, ("a", "b"))
    interventions, processes = results.parts
    assert (interventions.n, interventions.mean) == (2, pytest.approx(1.125))
    assert (processes.n, processes.mean, processes.sd) == (1, 3.0, None)  # no SD of one
    # Agreement needs two sessions both coders rated: only s1 is.
    assert results.agreement == {"interventions": None, "processes": None}


def test_a_round_without_ratings_has_no_figures():
    results = round_results(SS_SCALE, [], CODERS)
    assert results.sessions == 0
    assert [(p.n, p.mean, p.sd, p.minimum) for p in results.parts] == [(0, None, None, None)] * 2
    assert all(r.n == 0 and r.mean is None for r in results.ratings)
    assert results.agreement == {"interventions": None, "processes": None}
    assert round_results(SS_SCALE, round_ratings(MAY_2023), CODERS[:1]).agreement == {
        "interventions": None,
        "processes": None,
    }


def test_a_cc_round_is_reported_per_category():
    scale = load_scale(shipped_dir("resources") / "scales" / "cc-fidelity.toml")
    ratings = [
        CoderRating(s, c, {key: v for key in scale.rating_keys()})
        for s, c, v in (("s1", "a", 2), ("s1", "b", 3), ("s2", "a", 1), ("s2", "b", 1))
    ]
    results = round_results(scale, ratings, ("a", "b"))
    assert [(p.part, p.mean) for p in results.parts] == [
        ("format_structure", 1.75),
        ("method", 1.75),
        ("therapeutic_skills", 1.75),
        ("overall", 1.75),
    ]


# --- ICC(2,1) -------------------------------------------------------------------------------
def test_icc_2_1_matches_shrout_and_fleiss_worked_example():
    icc = icc_2_1(SHROUT_FLEISS)
    assert icc is not None and (icc.n, icc.k) == (6, 4)
    # Their Table 3: BMS 11.24, JMS 32.49, EMS 1.02; ICC(2,1) = .29.
    assert (round(icc.bms, 2), round(icc.jms, 2), round(icc.ems, 2)) == (11.24, 32.49, 1.02)
    assert round(icc.value, 2) == 0.29
    # The 95% interval of their equations, as R's psych::ICC prints it: 0.019 to 0.76.
    assert icc.lower == pytest.approx(0.019, abs=0.0005)
    assert icc.upper == pytest.approx(0.761, abs=0.0005)


def test_icc_is_one_for_perfect_agreement_and_undefined_without_variance():
    perfect = icc_2_1([[1, 1], [2, 2], [3, 3]])
    assert perfect is not None and perfect.value == pytest.approx(1.0)
    assert (perfect.lower, perfect.upper) == (None, None)  # no residual variance
    assert icc_2_1([[2, 2], [2, 2]]) is None
    assert icc_2_1([[1, 2]]) is None  # one session
    assert icc_2_1([[1], [2]]) is None  # one coder
    assert icc_2_1([[1, 2], [3]]) is None


# --- the F distribution ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("x", "a", "b", "expected"),
    [
        (0.3, 1, 1, 0.3),
        (0.3, 3, 1, 0.3**3),
        (0.3, 1, 4, 1 - 0.7**4),
        (0.5, 7.5, 7.5, 0.5),
        (0.0, 2, 3, 0.0),
        (1.0, 2, 3, 1.0),
        # For whole a and b, I_x(a, b) = P(Binomial(a + b - 1, x) >= a):
        # I_0.4(2, 3) = 6 (.4^2)(.6^2) + 4 (.4^3)(.6) + .4^4 = 0.5248.
        (0.4, 2, 3, 0.5248),
        (0.9, 2, 3, 6 * 0.81 * 0.01 + 4 * 0.729 * 0.1 + 0.6561),
    ],
)
def test_the_regularised_incomplete_beta_function(x, a, b, expected):
    assert regularized_beta(x, a, b) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    ("p", "d1", "d2", "table"),
    [
        # Upper critical values from printed F tables (5% and 1%: NIST/SEMATECH e-Handbook
        # 1.3.6.7.3; 2.5%: the usual textbook tables).
        (0.95, 1, 1, 161.448),
        (0.95, 5, 10, 3.326),
        (0.95, 4, 30, 2.690),
        (0.99, 2, 20, 5.849),
        (0.975, 5, 15, 3.576),
        (0.975, 10, 10, 3.717),
        (0.975, 1, 1, 647.789),
    ],
)
def test_f_quantiles_match_the_tables(p, d1, d2, table):
    value = f_quantile(p, d1, d2)
    assert value == pytest.approx(table, abs=0.0015)
    assert f_cdf(value, d1, d2) == pytest.approx(p, abs=1e-9)


def test_f_quantiles_take_fractional_degrees_of_freedom():
    # Satterthwaite's degrees of freedom are rarely whole: the quantile lies between those
    # of the whole numbers on either side.
    assert f_quantile(0.975, 5, 15) > f_quantile(0.975, 5, 15.5) > f_quantile(0.975, 5, 16)
    with pytest.raises(ValueError):
        f_quantile(1.0, 2, 2)
