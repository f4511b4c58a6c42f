import pytest

from traumefokus.domain.itq import ITEMS, score
from traumefokus.domain.vocabulary import ItqResult
from traumefokus.errors import InvalidInput


def items(**endorsed: int) -> dict[str, int]:
    """All 18 items at 0, except those given."""
    return {item: endorsed.get(item, 0) for item in ITEMS}


PTSD_CORE = {"P1": 2, "P3": 2, "P5": 2, "P7": 2}
DSO_FULL = {"C1": 2, "C3": 2, "C5": 2, "C7": 2}


def test_nothing_endorsed_is_none():
    assert score(items()).result is ItqResult.NONE


def test_ptsd_needs_all_three_core_clusters_and_impairment():
    result = score(items(**PTSD_CORE))
    assert result.result is ItqResult.PTSD
    assert {"re_experiencing", "avoidance", "threat", "ptsd_impairment"} <= result.endorsed_clusters


def test_items_at_exactly_two_are_endorsed_and_one_is_not():
    assert score(items(P2=2, P4=2, P6=2, P9=2)).result is ItqResult.PTSD
    assert score(items(P2=2, P4=2, P6=1, P9=2)).result is ItqResult.SUBCLINICAL


def test_cptsd_replaces_ptsd_never_both():
    result = score(items(**PTSD_CORE, **DSO_FULL))
    assert result.result is ItqResult.CPTSD
    assert result.result is not ItqResult.PTSD


def test_dso_without_ptsd_is_not_cptsd():
    assert score(items(P1=4, P3=4, **DSO_FULL)).result is ItqResult.SUBCLINICAL
    assert score(items(**DSO_FULL)).result is ItqResult.NONE


def test_dso_missing_its_impairment_gives_ptsd():
    assert score(items(**PTSD_CORE, C1=4, C3=4, C5=4)).result is ItqResult.PTSD


def test_ptsd_clusters_without_impairment_are_subclinical():
    assert score(items(P1=3, P3=3, P5=3)).result is ItqResult.SUBCLINICAL


def test_one_core_cluster_is_none():
    assert score(items(P1=4, P2=4, P7=4)).result is ItqResult.NONE


def test_a_missing_item_is_incomplete_never_guessed():
    answers = items(**PTSD_CORE, **DSO_FULL)
    del answers["C9"]
    result = score(answers)
    assert result.result is ItqResult.INCOMPLETE
    assert result.missing == ("C9",)
    assert score({**answers, "C9": None}).result is ItqResult.INCOMPLETE


@pytest.mark.parametrize("value", [5, -1, 2.5, "2", True])
def test_out_of_range_values_are_refused(value):
    with pytest.raises(InvalidInput) as error:
        score(items(P1=value))
    assert error.value.code == "itq.item_out_of_range"
    assert error.value.facts["item"] == "P1"


def test_unknown_item_is_refused():
    with pytest.raises(InvalidInput) as error:
        score({**items(), "P10": 1})
    assert error.value.code == "itq.unknown_item"
