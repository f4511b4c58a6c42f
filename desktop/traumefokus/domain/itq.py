"""Scoring the International Trauma Questionnaire (ITQ) by the diagnostic rules of DOMAIN.md.

An item is endorsed at a score of 2 ("Moderately") or more. PTSD needs one endorsed item in
each of the three core clusters and one endorsed PTSD impairment item. CPTSD needs PTSD and one
endorsed item in each of the three DSO clusters and one endorsed DSO impairment item; a person
has PTSD or CPTSD, never both. Subclinical (the product's rule): neither, but at least two core
clusters endorsed. A questionnaire with a missing item is incomplete, never guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from traumefokus.domain.vocabulary import ItqResult
from traumefokus.errors import InvalidInput

PTSD_ITEMS = tuple(f"P{n}" for n in range(1, 10))
DSO_ITEMS = tuple(f"C{n}" for n in range(1, 10))
ITEMS = PTSD_ITEMS + DSO_ITEMS
MIN_SCORE, MAX_SCORE = 0, 4
ENDORSED_AT = 2

# cluster id: the items of which one endorsed is enough
CORE_CLUSTERS = {
    "re_experiencing": ("P1", "P2"),
    "avoidance": ("P3", "P4"),
    "threat": ("P5", "P6"),
}
PTSD_IMPAIRMENT = ("P7", "P8", "P9")
DSO_CLUSTERS = {
    "affective_dysregulation": ("C1", "C2"),
    "negative_self_concept": ("C3", "C4"),
    "disturbed_relationships": ("C5", "C6"),
}
DSO_IMPAIRMENT = ("C7", "C8", "C9")
# The clusters in the order the questionnaire asks about them, for showing.
CLUSTER_ORDER = (*CORE_CLUSTERS, "ptsd_impairment", *DSO_CLUSTERS, "dso_impairment")


@dataclass(frozen=True)
class ItqScore:
    result: ItqResult
    endorsed_clusters: frozenset[str]
    missing: tuple[str, ...]


def validate_items(items: Mapping[str, object]) -> dict[str, int]:
    """Check item ids and values (0-4); missing items are allowed and make a score incomplete."""
    unknown = sorted(set(items) - set(ITEMS))
    if unknown:
        raise InvalidInput("itq.unknown_item", item=unknown[0])
    clean: dict[str, int] = {}
    for item, value in items.items():
        if value is None:
            continue
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not (MIN_SCORE <= value <= MAX_SCORE)
        ):
            raise InvalidInput("itq.item_out_of_range", item=item, value=value)
        clean[item] = value
    return {item: clean[item] for item in ITEMS if item in clean}


def score(items: Mapping[str, object]) -> ItqScore:
    answers = validate_items(items)
    missing = tuple(item for item in ITEMS if item not in answers)
    if missing:
        return ItqScore(ItqResult.INCOMPLETE, frozenset(), missing)

    def endorsed(group: tuple[str, ...]) -> bool:
        return any(answers[item] >= ENDORSED_AT for item in group)

    clusters = {name for name, group in CORE_CLUSTERS.items() if endorsed(group)}
    if endorsed(PTSD_IMPAIRMENT):
        clusters.add("ptsd_impairment")
    clusters |= {name for name, group in DSO_CLUSTERS.items() if endorsed(group)}
    if endorsed(DSO_IMPAIRMENT):
        clusters.add("dso_impairment")

    core = clusters & set(CORE_CLUSTERS)
    ptsd = len(core) == len(CORE_CLUSTERS) and "ptsd_impairment" in clusters
    dso = set(DSO_CLUSTERS) | {"dso_impairment"} <= clusters
    if ptsd and dso:
        result = ItqResult.CPTSD
    elif ptsd:
        result = ItqResult.PTSD
    elif len(core) >= 2:
        result = ItqResult.SUBCLINICAL
    else:
        result = ItqResult.NONE
    return ItqScore(result, frozenset(clusters), ())
