"""A coding round's results as tables, in Danish or English: one definition for the screen,
the command line, the CSV, the workbook and the PDF, so that all show the same figures under
the same headings (the cell types and their formatting are the supervision report's:
services/supervision_tables.py).

The tables, laid out like the pilot report's: per part the round mean with n, SD and range;
per item (and rating) the mean; the agreement between the coders per part; and the
comparison between rounds of the method (one row per round: n and the mean per part).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from traumefokus.labels import label_of
from traumefokus.messages import choose
from traumefokus.services.coding_results import NoAgreement, Results
from traumefokus.services.supervision_tables import Cell, Column, Table
from traumefokus.services.table_words import Words

# key: (Danish, English)
WORDS: dict[str, tuple[str, str]] = {
    "title": ("Kodningsresultater", "Coding results"),
    "round": ("Runde", "Round"),
    "method": ("Metode", "Method"),
    "scale": ("Skala", "Scale"),
    "scale_version": ("{title}, version {version}", "{title}, version {version}"),
    "period": ("Periode", "Period"),
    "period_from_to": ("{start} – {end}", "{start} – {end}"),
    "sample": ("Trukne sessioner", "Sessions drawn"),
    "coders": ("Kodere", "Coders"),
    "rated": ("Kodet", "Rated"),
    "rated_of": (
        "{rated} af {size} sessioner (af alle kodere: {complete})",
        "{rated} of {size} sessions (by every coder: {complete})",
    ),
    "counted": ("Talt med", "Counted"),
    "counted_n": (
        "{submitted} indsendte ratinger; {drafts} kladder tælles ikke med",
        "{submitted} submitted ratings; {drafts} drafts are not counted",
    ),
    "status": ("Status", "Status"),
    "status.open": ("Åben", "Open"),
    "status.closed": ("Afsluttet", "Closed"),
    "parts": ("Gennemsnit pr. del", "Mean per part"),
    "part": ("Del", "Part"),
    "n": ("n", "n"),
    "mean": ("Gennemsnit", "Mean"),
    "sd": ("SD", "SD"),
    "lowest": ("Laveste", "Lowest"),
    "highest": ("Højeste", "Highest"),
    "items": ("Gennemsnit pr. punkt", "Mean per item"),
    "item": ("Punkt", "Item"),
    "text": ("Tekst", "Text"),
    "rating": ("Vurdering", "Rating"),
    "rating.adherence": ("Adhærens", "Adherence"),
    "rating.helpfulness": ("Hjælpsomhed", "Helpfulness"),
    "rating.rating": ("", ""),  # an item rated once
    "agreement": ("Enighed mellem koderne", "Agreement between the coders"),
    "sessions": ("Sessioner", "Sessions"),
    "icc": ("ICC(2,1)", "ICC(2,1)"),
    "lower": ("95 % KI, nedre", "95% CI, lower"),
    "upper": ("95 % KI, øvre", "95% CI, upper"),
    "note": ("Bemærkning", "Note"),
    "missing.one_coder": (
        "Kan ikke beregnes: færre end to kodere har indsendt ratinger",
        "Cannot be computed: fewer than two coders have submitted ratings",
    ),
    "missing.few_sessions": (
        "Kan ikke beregnes: færre end 2 sessioner er kodet af begge kodere",
        "Cannot be computed: fewer than 2 sessions rated by both coders",
    ),
    "missing.no_variance": (
        "Kan ikke beregnes: ingen variation mellem sessionerne",
        "Cannot be computed: no variation between the sessions",
    ),
    "comparison": ("Sammenligning mellem runder", "Comparison between rounds"),
    "this_round": ("{name} (denne runde)", "{name} (this round)"),
    "how": ("Sådan er tallene beregnet", "How the figures are computed"),
    "rule.session": (
        "Pr. session og del: gennemsnittet af de vurderede punkter (ikke relevant og kan "
        "ikke vurderes udeladt); pr. session: gennemsnittet over dens kodere.",
        "Per session and part: the mean of the rated items (N/A and can't rate left out); "
        "per session: the mean over its coders.",
    ),
    "rule.round": (
        "Pr. runde og del: gennemsnittet af sessionernes gennemsnit, n = sessioner; SD er "
        "stikprøvens standardafvigelse (n − 1).",
        "Per round and part: the mean of the session means, n = sessions; SD is the sample "
        "standard deviation (n − 1).",
    ),
    "rule.items": (
        "Pr. punkt: gennemsnittet over sessionerne af sessionens gennemsnit over koderne.",
        "Per item: the mean over sessions of the session's mean over its coders.",
    ),
    "rule.icc": (
        "Enighed: ICC(2,1), tovejs tilfældige effekter, absolut enighed, på kodernes "
        "sessionsgennemsnit i de sessioner, alle koderne har kodet; med 95 % konfidensinterval.",
        "Agreement: ICC(2,1), two-way random effects, absolute agreement, on the coders' "
        "session means in the sessions every coder rated; with its 95% confidence interval.",
    ),
    "rule.drafts": (
        "Kun indsendte ratinger tæller; kladder tælles ikke med.",
        "Only submitted ratings count; drafts are not counted.",
    ),
}


word = Words(WORDS)


def short_text(text: str, most: int = 60) -> str:
    """An item's text as a table shows it: up to its first colon or parenthesis (the item's
    name in the shipped scales), else its start."""
    head = re.split(r":| \(", text, maxsplit=1)[0].strip()
    if head and len(head) <= most:
        return head
    return text[: most - 1].rstrip() + "…"


def scope_lines(
    results: Results, lang: str, write: Callable[[date], str] = date.isoformat
) -> list[tuple[str, str]]:
    """(label, value) lines that say which round the tables are of and what they count."""
    w = word.of(lang)
    r = results.round
    return [
        (w("round"), r.name),
        (w("method"), label_of("method", r.method.value, lang)),
        (w("scale"), w("scale_version", title=results.scale.title, version=r.scale_version)),
        (w("period"), w("period_from_to", start=write(r.start), end=write(r.end))),
        (w("sample"), str(r.size)),
        (w("coders"), str(len(r.coders))),
        (w("status"), w(f"status.{r.status.value}")),
        (
            w("rated"),
            w("rated_of", rated=results.rated, size=r.size, complete=results.complete),
        ),
        (w("counted"), w("counted_n", submitted=results.submitted, drafts=results.drafts)),
    ]


def rules(lang: str) -> list[str]:
    return [word(f"rule.{k}", lang) for k in ("session", "round", "items", "icc", "drafts")]


def results_tables(results: Results, lang: str) -> list[Table]:
    """The four tables (parts, items, agreement, comparison); empty but for the comparison
    when the round has no submitted rating yet."""
    return [
        parts_table(results, lang),
        items_table(results, lang),
        agreement_table(results, lang),
        comparison_table(results, lang),
    ]


def _part_title(results: Results) -> dict[str, str]:
    return dict(results.parts)


def parts_table(results: Results, lang: str) -> Table:
    w = word.of(lang)
    titles = _part_title(results)
    columns = (
        Column(w("part"), Cell.TEXT),
        Column(w("n"), Cell.COUNT),
        Column(w("mean"), Cell.SCORE),
        Column(w("sd"), Cell.SCORE),
        Column(w("lowest"), Cell.SCORE),
        Column(w("highest"), Cell.SCORE),
    )
    parts = results.figures.parts if results.figures else ()
    rows = tuple(
        (titles.get(p.part, p.part), p.n, p.mean, p.sd, p.minimum, p.maximum) for p in parts
    )
    return Table("parts", w("parts"), columns, rows)


def items_table(results: Results, lang: str) -> Table:
    w = word.of(lang)
    titles = _part_title(results)
    columns = (
        Column(w("item"), Cell.TEXT),
        Column(w("text"), Cell.TEXT),
        Column(w("rating"), Cell.TEXT),
        Column(w("part"), Cell.TEXT),
        Column(w("n"), Cell.COUNT),
        Column(w("mean"), Cell.SCORE),
    )
    rows = []
    for r in results.figures.ratings if results.figures else ():
        item_id, rating_id = r.key.split(".", 1)
        item = results.scale.item(item_id)
        rating = WORDS.get(f"rating.{rating_id}")
        rows.append(
            (
                item_id,
                short_text(item.text) if item else "",
                choose(rating, lang) if rating else rating_id,
                titles.get(r.part, r.part),
                r.n,
                r.mean,
            )
        )
    return Table("items", w("items"), columns, tuple(rows))


def agreement_table(results: Results, lang: str) -> Table:
    w = word.of(lang)
    titles = _part_title(results)
    columns = (
        Column(w("part"), Cell.TEXT),
        Column(w("sessions"), Cell.COUNT),
        Column(w("coders"), Cell.COUNT),
        Column(w("icc"), Cell.SCORE),
        Column(w("lower"), Cell.SCORE),
        Column(w("upper"), Cell.SCORE),
        Column(w("note"), Cell.TEXT),
    )
    rows = tuple(
        (
            titles.get(a.part, a.part),
            a.sessions,
            a.coders,
            a.icc.value if a.icc else None,
            a.icc.lower if a.icc else None,
            a.icc.upper if a.icc else None,
            _missing(a.missing, lang),
        )
        for a in results.agreement
    )
    return Table("agreement", w("agreement"), columns, rows)


def _missing(missing: NoAgreement | None, lang: str) -> str:
    return word(f"missing.{missing.value}", lang) if missing else ""


def comparison_table(results: Results, lang: str) -> Table:
    w = word.of(lang)
    columns = (
        Column(w("round"), Cell.TEXT),
        Column(w("period"), Cell.TEXT),
        Column(w("n"), Cell.COUNT),
        *(Column(title, Cell.SCORE) for _id, title in results.parts),
    )
    rows = tuple(
        (
            w("this_round", name=c.name) if c.current else c.name,
            w("period_from_to", start=c.start.isoformat(), end=c.end.isoformat()),
            c.n,
            *(c.means.get(part) for part, _title in results.parts),
        )
        for c in results.comparison
    )
    return Table("comparison", w("comparison"), columns, rows)
