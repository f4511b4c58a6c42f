"""Adherence coding on a large database: drawing a round's sample of 100 sessions (plain and
stratified by therapist) and the coding export of 100 sessions (a folder, and a ZIP with the
recordings key), and the results of a round of 100 sessions rated by two coders. Goals: a
draw under 1 s, the export under 2 s, the results under 200 ms.

    .venv/bin/python bench/coding.py [--data-dir DIR] [--runs N]

Without --data-dir it builds the large demo (2000 clients, about ten years) first. Each run
draws a round of its own (`bench-...`), so use a copy of the database you keep.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from datetime import date
from pathlib import Path

from common import large_demo, open_as, timed

SIZE = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = large_demo(args.data_dir)

    from traumefokus.domain.vocabulary import Method
    from traumefokus.exports.coding import export_coding
    from traumefokus.services.coding_rounds import RoundSpec, create_round, eligible_sessions

    acting = open_as(folder, "supervisor").acting
    start, end = date(1900, 1, 1), date.today()
    with acting.db.reading() as tx:
        eligible = len(eligible_sessions(tx, Method.SEEKING_SAFETY, start, end, end))
    print(f"eligible SS sessions (all years): {eligible}")
    numbers = itertools.count()
    stamp = date.today().isoformat()

    def draw(by_therapist: bool) -> None:
        name = f"bench-{stamp}-{next(numbers)}-{int(by_therapist)}-{os_id()}"
        spec = RoundSpec(name, "SS", start, end, SIZE, name, by_therapist=by_therapist)
        create_round(acting, spec)

    timed(f"draw a sample of {SIZE}", lambda: draw(False), args.runs)
    timed(f"draw a sample of {SIZE}, by therapist", lambda: draw(True), args.runs)
    name = f"bench-{stamp}-export-{os_id()}"
    create_round(acting, RoundSpec(name, "SS", start, end, SIZE, name))
    out = Path(tempfile.mkdtemp(prefix="traumefokus-coding-"))
    timed(f"export {SIZE} sessions (folder)", lambda: export_coding(acting, name, out / "d"),
          args.runs)  # fmt: skip
    timed(
        f"export {SIZE} sessions (ZIP + recordings key)",
        lambda: export_coding(
            acting, name, out / "r.zip", as_zip=True, recordings_key=out / "key.csv"
        ),
        args.runs,
    )
    rate_all(folder, name)
    from traumefokus.services.coding_results import coding_results

    timed(f"results of a round of {SIZE} (2 coders)", lambda: coding_results(acting, name),
          args.runs)  # fmt: skip


def rate_all(folder: Path, name: str) -> None:
    """Both coders submit a rating of every session of the round (through the services)."""
    import random

    from traumefokus.domain.coding_ratings import RatingDraft
    from traumefokus.services.coding_ratings import coder_queue, open_rating, submit_rating

    rng = random.Random(name)
    for user in ("coder", "coder2"):
        coder = open_as(folder, user).acting
        for entry in (e for e in coder_queue(coder) if e.round_name == name):
            keys = open_rating(coder, entry.round_id, entry.session_id).scale.rating_keys()
            values = {k: rng.choice([0, 1, 1.5, 2, 2.5, 3, "na"]) for k in keys}
            submit_rating(coder, entry.round_id, entry.session_id, RatingDraft(values), None)


def os_id() -> str:
    import os

    return f"{os.getpid()}"


if __name__ == "__main__":
    main()
