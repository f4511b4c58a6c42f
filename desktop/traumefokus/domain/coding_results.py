"""A coding round's figures, by the rule in DOMAIN.md ("How a round's figure is computed"), so
that results are reproducible by hand:

- per session, coder and part: the mean of the rated items ("na" and "cant_rate" left out);
- per session and part: the mean over its coders (a coder who rated nothing in the part is
  left out);
- per round and part: the mean of the session means, n = sessions, the SAMPLE standard
  deviation (divisor n - 1; none for n = 1) and the range;
- per rating (an item's adherence or helpfulness): the mean over sessions of the session's
  mean over coders, with its n;
- agreement between coders: ICC(2,1), two-way random effects, absolute agreement, single
  rater (Shrout & Fleiss 1979, case 2), on the coders' session means of a part, with its 95%
  confidence interval. The F quantiles the interval needs are computed here (regularised
  incomplete beta function and bisection), so no statistics library is needed.

Plain functions, no I/O: the results service reads the submitted ratings and passes them in.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from traumefokus.domain.scales import Scale

Value = float | int | str  # a number in the scale's range, "na" or "cant_rate"


@dataclass(frozen=True)
class CoderRating:
    """One coder's submitted ratings of one session: rating key -> value."""

    session_id: str
    coder_id: str
    values: Mapping[str, Value]


@dataclass(frozen=True)
class PartSummary:
    part: str
    n: int  # sessions with a mean in this part
    mean: float | None
    sd: float | None  # sample standard deviation (n - 1); None below two sessions
    minimum: float | None
    maximum: float | None


@dataclass(frozen=True)
class RatingSummary:
    key: str  # "<item>.<rating>"
    part: str
    n: int  # sessions in which the rating was given a number
    mean: float | None


@dataclass(frozen=True)
class Icc:
    """ICC(2,1) of n targets (sessions) rated by k raters (coders), with its 95% interval.
    `lower`/`upper` are None where the interval is undefined (no residual variance)."""

    value: float
    lower: float | None
    upper: float | None
    n: int
    k: int
    bms: float  # between-targets mean square
    jms: float  # between-raters (judges) mean square
    ems: float  # residual mean square


@dataclass(frozen=True)
class RoundResults:
    sessions: int  # sessions with at least one submitted rating
    parts: tuple[PartSummary, ...]
    ratings: tuple[RatingSummary, ...]
    agreement: Mapping[str, Icc | None]  # per part; None: too few sessions both coders rated


@dataclass(frozen=True)
class ComparisonRow:
    """One row of the comparison between rounds: the round, n and the mean per part."""

    round: str
    n: int
    means: Mapping[str, float | None]


# --- means --------------------------------------------------------------------------------
def numbers(values: Iterable[Value | None]) -> list[float]:
    """The numeric values: "na", "cant_rate" and missing ratings left out."""
    return [float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool)]


def mean(values: Sequence[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def part_mean(scale: Scale, values: Mapping[str, Value], part: str) -> float | None:
    """One coder's mean of one session's rated items in a part; None if none was rated."""
    return mean(numbers(values.get(key) for key in scale.keys_of_part(part)))


def coder_means(
    scale: Scale, ratings: Iterable[CoderRating]
) -> dict[tuple[str, str], dict[str, float | None]]:
    """(session, coder) -> part -> the coder's mean of the session's rated items."""
    return {
        (r.session_id, r.coder_id): {p.id: part_mean(scale, r.values, p.id) for p in scale.parts}
        for r in ratings
    }


def session_means(
    scale: Scale, ratings: Iterable[CoderRating]
) -> dict[str, dict[str, float | None]]:
    """session -> part -> the mean over the session's coders of their part means."""
    per_session: dict[str, list[dict[str, float | None]]] = {}
    for (session, _coder), parts in coder_means(scale, ratings).items():
        per_session.setdefault(session, []).append(parts)
    return {
        session: {
            p.id: mean([m for coder in coders if (m := coder[p.id]) is not None])
            for p in scale.parts
        }
        for session, coders in per_session.items()
    }


def summarise(part: str, values: Sequence[float]) -> PartSummary:
    """A part's round figures from its session means: n, mean, sample SD and range."""
    if not values:
        return PartSummary(part, 0, None, None, None, None)
    sd = statistics.stdev(values) if len(values) > 1 else None
    return PartSummary(part, len(values), mean(values), sd, min(values), max(values))


def rating_means(scale: Scale, ratings: Sequence[CoderRating]) -> tuple[RatingSummary, ...]:
    """Per rating key: the mean over sessions of the session's mean over coders."""
    by_session: dict[str, list[Mapping[str, Value]]] = {}
    for r in ratings:
        by_session.setdefault(r.session_id, []).append(r.values)
    found: list[RatingSummary] = []
    for key in scale.rating_keys():
        means = [
            m
            for coders in by_session.values()
            if (m := mean(numbers(values.get(key) for values in coders))) is not None
        ]
        found.append(RatingSummary(key, scale.part_of(key), len(means), mean(means)))
    return tuple(found)


def round_results(
    scale: Scale, ratings: Sequence[CoderRating], coders: Sequence[str]
) -> RoundResults:
    """A round's figures from its submitted ratings; `coders`: the round's coders, whose
    agreement is computed on the sessions each of them rated."""
    sessions = session_means(scale, ratings)
    parts = tuple(
        summarise(p.id, [m for s in sessions.values() if (m := s[p.id]) is not None])
        for p in scale.parts
    )
    per_coder = coder_means(scale, ratings)
    agreement = {p.id: part_agreement(per_coder, coders, p.id) for p in scale.parts}
    return RoundResults(len(sessions), parts, rating_means(scale, ratings), agreement)


def part_agreement(
    per_coder: Mapping[tuple[str, str], Mapping[str, float | None]],
    coders: Sequence[str],
    part: str,
) -> Icc | None:
    """ICC(2,1) on the coders' session means of a part, over the sessions every one of
    `coders` has a mean for; None with fewer than two coders or two such sessions, or when
    it is undefined (no variance at all)."""
    if len(coders) < 2:
        return None
    sessions = sorted({session for session, _coder in per_coder})
    rows: list[list[float]] = []
    for session in sessions:
        row = [per_coder.get((session, c), {}).get(part) for c in coders]
        if all(v is not None for v in row):
            rows.append([float(v) for v in row if v is not None])
    return icc_2_1(rows) if len(rows) >= 2 else None


def compare_rounds(rounds: Sequence[tuple[str, RoundResults]]) -> tuple[ComparisonRow, ...]:
    """The comparison between rounds, laid out like the report: one row per round, with n
    (sessions) and the mean per part."""
    return tuple(
        ComparisonRow(name, results.sessions, {p.part: p.mean for p in results.parts})
        for name, results in rounds
    )


# --- ICC(2,1) -----------------------------------------------------------------------------
def icc_2_1(matrix: Sequence[Sequence[float]], confidence: float = 0.95) -> Icc | None:
    """ICC(2,1) of an n x k matrix (rows: targets, columns: raters), Shrout & Fleiss (1979):
        (BMS - EMS) / (BMS + (k - 1) EMS + k (JMS - EMS) / n)
    with the confidence interval of their equations (as in McGraw & Wong 1996, case 2A).
    None when n < 2, k < 2, rows differ in length, or there is no variance at all."""
    n = len(matrix)
    k = len(matrix[0]) if matrix else 0
    if n < 2 or k < 2 or any(len(row) != k for row in matrix):
        return None
    grand = math.fsum(math.fsum(row) for row in matrix) / (n * k)
    row_means = [math.fsum(row) / k for row in matrix]
    col_means = [math.fsum(row[j] for row in matrix) / n for j in range(k)]
    ss_total = math.fsum((x - grand) ** 2 for row in matrix for x in row)
    ss_rows = k * math.fsum((m - grand) ** 2 for m in row_means)
    ss_cols = n * math.fsum((m - grand) ** 2 for m in col_means)
    ss_error = max(ss_total - ss_rows - ss_cols, 0.0)
    bms = ss_rows / (n - 1)
    jms = ss_cols / (k - 1)
    ems = ss_error / ((n - 1) * (k - 1))
    denominator = bms + (k - 1) * ems + k * (jms - ems) / n
    if denominator <= 0:
        return None
    value = (bms - ems) / denominator
    lower, upper = _icc_interval(value, bms, jms, ems, n, k, confidence)
    return Icc(value, lower, upper, n, k, bms, jms, ems)


def _icc_interval(
    icc: float, bms: float, jms: float, ems: float, n: int, k: int, confidence: float
) -> tuple[float | None, float | None]:
    if ems <= 0:
        return None, None
    # Satterthwaite's degrees of freedom, Shrout & Fleiss (1979), case 2.
    fj = jms / ems
    spread_icc = n * (1 + (k - 1) * icc) - k * icc
    v = ((n - 1) * (k - 1) * (k * icc * fj + spread_icc) ** 2) / (
        (n - 1) * k**2 * icc**2 * fj**2 + spread_icc**2
    )
    if not v > 0:
        return None, None
    p = 1 - (1 - confidence) / 2
    f_upper = f_quantile(p, n - 1, v)
    f_lower = f_quantile(p, v, n - 1)
    spread = k * jms + (k * n - k - n) * ems
    lower = n * (bms - f_upper * ems) / (f_upper * spread + n * bms)
    upper = n * (f_lower * bms - ems) / (spread + n * f_lower * bms)
    return lower, upper


# --- the F distribution, by hand -----------------------------------------------------------
def regularized_beta(x: float, a: float, b: float) -> float:
    """I_x(a, b), the regularised incomplete beta function, by its continued fraction
    (modified Lentz's method), using the symmetry I_x(a, b) = 1 - I_(1-x)(b, a) where the
    fraction converges slowly."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1) / (a + b + 2):
        return math.exp(log_front) * _beta_fraction(x, a, b) / a
    return 1 - math.exp(log_front) * _beta_fraction(1 - x, b, a) / b


def _beta_fraction(x: float, a: float, b: float) -> float:
    tiny, epsilon = 1e-300, 1e-15
    c, d = 1.0, 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 1000):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1) < epsilon:
            break
    return result


def f_cdf(x: float, d1: float, d2: float) -> float:
    """P(F <= x) for the F distribution with d1 and d2 degrees of freedom."""
    if x <= 0:
        return 0.0
    return regularized_beta(d1 * x / (d1 * x + d2), d1 / 2, d2 / 2)


def f_quantile(p: float, d1: float, d2: float) -> float:
    """The x with P(F <= x) = p, by bisection (0 < p < 1)."""
    if not 0 < p < 1:
        raise ValueError("p must lie between 0 and 1")
    low, high = 0.0, 1.0
    while f_cdf(high, d1, d2) < p:
        low, high = high, high * 2
    for _ in range(200):
        middle = (low + high) / 2
        if f_cdf(middle, d1, d2) < p:
            low = middle
        else:
            high = middle
        if high - low <= 1e-12 * high:
            break
    return (low + high) / 2
