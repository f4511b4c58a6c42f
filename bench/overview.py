"""The supervision overview on a large database: every site and therapist over the last
year and over all ten years, one site, two therapists; the record-based format items per
therapist and month over the last year and all ten years; with the report's PDF and XLSX.

    .venv/bin/python bench/overview.py [--data-dir DIR] [--runs N]

Without --data-dir it builds the large demo (2000 clients, about ten years) first.
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import date

from common import large_demo, open_as, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folder = large_demo(args.data_dir)

    from traumefokus.services.supervision import (
        OverviewQuery,
        overview_choices,
        supervision_overview,
    )

    acting = open_as(folder, "supervisor").acting
    print(_load("the machine's load before"))
    today = date.today()
    choices = overview_choices(acting)
    year = OverviewQuery(start=date(today.year - 1, today.month, 1), end=today)
    queries = {
        "the last year, everyone": year,
        "all ten years, everyone": OverviewQuery(),
        "the last year, one site": OverviewQuery(year.start, year.end, site=choices.sites[0]),
        "the last year, two therapists": OverviewQuery(
            year.start, year.end, therapists=tuple(n for n, _ in choices.therapists[:2])
        ),
    }
    timed("the choices (sites, therapists)", lambda: overview_choices(acting), args.runs)
    for label, query in queries.items():
        found = supervision_overview(acting, query, today=today)
        print(
            f"{label}: {found.started} started, {found.ended} ended, "
            f"{sum(found.attendance.__dict__.values())} sessions"
        )
        timed(f"overview: {label}", lambda q=query: supervision_overview(acting, q), args.runs)

    from traumefokus.services.record_chart import record_chart

    for label in ("the last year, everyone", "all ten years, everyone"):
        query = queries[label]
        chart = record_chart(acting, query, today=today)
        print(f"record items, {label}: {chart.sessions} sessions, {len(chart.months)} months")
        timed(
            f"record items: {label.split(',')[0]}",
            lambda q=query: record_chart(acting, q, today=today),
            max(args.runs // 3, 1),
        )

    from traumefokus.documents.supervision import supervision_pdf
    from traumefokus.exports.supervision import workbook_bytes

    found = supervision_overview(acting, OverviewQuery(), today=today)
    records = record_chart(acting, OverviewQuery(), today=today)
    began = time.perf_counter()
    pdf = supervision_pdf(found, "da", records=records)
    took = (time.perf_counter() - began) * 1000
    print(f"{'the report as PDF (all ten years)':<44} {took:7.1f} ms   {pdf.pages} pages")
    began = time.perf_counter()
    workbook_bytes(found, "da", records)
    took = (time.perf_counter() - began) * 1000
    print(f"{'the report as XLSX (all ten years)':<44} {took:7.1f} ms")
    print(_load("the machine's load after"))


def _load(label: str) -> str:
    """The load average over 1, 5 and 15 minutes beside the number of processors: on a
    shared machine the timings are only read with it."""
    one, five, fifteen = os.getloadavg()
    return f"{label:<44} {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} processors"


if __name__ == "__main__":
    main()
