"""Hand-built ratings of two SS coding rounds with the shipped SS scale, two coders each, made
so that the round means reproduce the pilot report's table: May 2023, n = 10,
interventions 1.9, processes 2.2; November 2023, n = 5, interventions 1.8, processes 2.3.

Each coder's ratings of a session are built from one value per part: every rating of the
part gets that value, except that `check_in` gets half a point more and `quote` half a point
less (so the items differ but the part's mean is the value), and one rating is "na" or
"cant_rate" (left out of the mean; were it counted as 0 the figures would change).
"""

from __future__ import annotations

from traumefokus.content.scales import load_scale
from traumefokus.domain.coding_results import CoderRating, Value
from traumefokus.domain.scales import CANT_RATE, NOT_APPLICABLE
from traumefokus.paths import shipped_dir

SS_SCALE = load_scale(shipped_dir("resources") / "scales" / "ss-adherence.toml")
CODERS = ("coder-a", "coder-b")

# session: (interventions by coder A, by coder B, processes by coder A, by coder B)
MAY_2023 = {
    "may-01": (2.0, 2.0, 2.0, 2.0),
    "may-02": (2.0, 2.0, 2.5, 2.5),
    "may-03": (1.5, 1.5, 2.0, 2.0),
    "may-04": (2.5, 1.5, 2.5, 2.5),
    "may-05": (2.5, 2.5, 2.0, 2.0),
    "may-06": (1.0, 2.0, 2.0, 2.0),
    "may-07": (2.0, 2.0, 2.5, 2.5),
    "may-08": (1.5, 1.5, 2.0, 2.0),
    "may-09": (2.0, 2.0, 3.0, 2.0),
    "may-10": (2.0, 2.0, 2.0, 2.0),
}
# Session means: interventions 2, 2, 1.5, 2, 2.5, 1.5, 2, 1.5, 2, 2 (sum 19, mean 1.9);
# processes 2, 2.5, 2, 2.5, 2, 2, 2.5, 2, 2.5, 2 (sum 22, mean 2.2).
NOVEMBER_2023 = {
    "nov-01": (2.0, 2.0, 2.5, 2.5),
    "nov-02": (1.5, 1.5, 2.0, 2.0),
    "nov-03": (2.5, 1.5, 2.5, 2.5),
    "nov-04": (1.0, 2.0, 2.0, 2.0),
    "nov-05": (2.0, 2.0, 2.0, 3.0),
}
# Session means: interventions 2, 1.5, 2, 1.5, 2 (sum 9, mean 1.8);
# processes 2.5, 2, 2.5, 2, 2.5 (sum 11.5, mean 2.3).


def coder_values(interventions: float, processes: float, left_out: str) -> dict[str, Value]:
    values: dict[str, Value] = {}
    for part, base in (("interventions", interventions), ("processes", processes)):
        for key in SS_SCALE.keys_of_part(part):
            values[key] = base
        if 0.5 <= base <= 2.5:
            values[f"check_in.{_rating(part)}"] = base + 0.5
            values[f"quote.{_rating(part)}"] = base - 0.5
    values["worksheets_handed_out.adherence"] = left_out
    if left_out == CANT_RATE:
        values["engagement.helpfulness"] = CANT_RATE
    return values


def _rating(part: str) -> str:
    return "adherence" if part == "interventions" else "helpfulness"


def round_ratings(table: dict[str, tuple[float, float, float, float]]) -> list[CoderRating]:
    ratings: list[CoderRating] = []
    for session, (int_a, int_b, proc_a, proc_b) in table.items():
        by_a = coder_values(int_a, proc_a, NOT_APPLICABLE)
        ratings.append(CoderRating(session, CODERS[0], by_a))
        ratings.append(CoderRating(session, CODERS[1], coder_values(int_b, proc_b, CANT_RATE)))
    return ratings
