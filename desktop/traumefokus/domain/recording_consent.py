"""A client's consent to audio recording for research: given on a day, perhaps withdrawn on a
later one. A session may be marked recorded only on a day the consent holds."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date


def consent_holds(consents: Iterable[tuple[date, date | None]], day: date) -> bool:
    """Whether one of the (given on, withdrawn on) consents holds on `day`: given on or before
    it, and not withdrawn on or before it."""
    return any(
        given <= day and (withdrawn is None or withdrawn > day) for given, withdrawn in consents
    )
