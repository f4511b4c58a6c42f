"""The supervision overview's figures that the content explains: each theme by its title
(chosen, held, never done), and each agenda point with the programme's target and maximum
minutes beside the minutes used."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from traumefokus.content.library import ContentLibrary
from traumefokus.domain.supervision import Spread, never_done, spread
from traumefokus.domain.vocabulary import Method, SessionKind


@dataclass(frozen=True)
class ThemeRow:
    method: Method
    theme_id: str
    title: str  # in the pack's language
    title_en: str  # the official English title
    chosen: int  # by courses started in the period
    held: int  # trauma sessions held in the period
    never_done: int  # chosen and never held, on courses that ended in the period


@dataclass(frozen=True)
class AgendaRow:
    kind: SessionKind
    point_id: str
    title: str
    title_en: str
    programmes: str | None  # named only when programmes set this point differently
    target: int  # minutes
    maximum: int  # minutes
    minutes: Spread | None  # minutes used in the held sessions of the period that timed it
    over_maximum: int  # of those: longer than the maximum


def theme_rows(
    library: ContentLibrary,
    started: Iterable[Any],
    ended: Iterable[Any],
    held_on_ended: Mapping[str, set[str]],
    held_in_period: Iterable[Any],
) -> tuple[ThemeRow, ...]:
    """Per theme: chosen by the courses `started`, held in the period (rows of method, pack,
    theme and sessions), never done on the courses `ended` (whose held themes are
    `held_on_ended`). Course rows come from services/supervision_queries.py."""
    # method: theme: the pack id met first; and method: theme: courses or sessions
    packs: dict[str, dict[str, str]] = defaultdict(dict)
    chosen: dict[str, Counter[str]] = defaultdict(Counter)
    held: dict[str, Counter[str]] = defaultdict(Counter)
    missed: dict[str, Counter[str]] = defaultdict(Counter)
    for course in started:
        _count(course.chosen_themes, course.pack_id, chosen[course.method], packs[course.method])
    for method, pack_id, theme, sessions in held_in_period:
        held[method][theme] += sessions
        packs[method].setdefault(theme, pack_id)
    for course in ended:
        themes = never_done(course.chosen_themes, held_on_ended.get(course.id, ()))
        _count(themes, course.pack_id, missed[course.method], packs[course.method])
    rows = []
    for method, theme_id, pack_id in ((m, t, p) for m, of in packs.items() for t, p in of.items()):
        pack = library.pack(pack_id)
        theme = pack.theme(theme_id) if pack else None
        place = pack.themes.index(theme) if pack and theme else len(pack.themes if pack else ())
        rows.append(
            (
                (_method_order(method), place, theme_id),
                ThemeRow(
                    Method(method),
                    theme_id,
                    theme.title if theme else theme_id,
                    theme.title_en if theme else theme_id,
                    chosen[method][theme_id],
                    held[method][theme_id],
                    missed[method][theme_id],
                ),
            )
        )
    return tuple(row for _key, row in sorted(rows, key=lambda r: r[0]))


def _count(
    themes: Sequence[str], pack_id: str, counts: Counter[str], packs: dict[str, str]
) -> None:
    """Count `themes`, and note `pack_id` for those met for the first time."""
    counts.update(themes)
    for theme in themes:
        packs.setdefault(theme, pack_id)


def _method_order(method: str) -> int:
    values = [m.value for m in Method]
    return values.index(method) if method in values else len(values)


def agenda_points(library: ContentLibrary, programme_ids: Iterable[str]) -> dict[str, list[str]]:
    """Session kind: the ids of its agenda points in the newest version of these
    programmes."""
    points: dict[str, list[str]] = {}
    for programme_id in sorted(set(programme_ids)):
        programme = library.programme(programme_id)
        for kind, agenda in (programme.agenda if programme else {}).items():
            ids = points.setdefault(kind.value, [])
            ids.extend(p.id for p in agenda if p.id not in ids)
    return points


def agenda_rows(
    library: ContentLibrary,
    used: Mapping[tuple[str, str, str], list[float]],
    points: Mapping[str, Iterable[str]],
) -> tuple[AgendaRow, ...]:
    """Per agenda point of the programmes and session kinds timed in the period (`used`:
    programme, kind, point: the minutes, none empty): the minutes used against the newest
    programme's target and maximum. Programmes that set a point alike share a row; where
    they differ, each has its own, named. A point of a timed kind that was never timed has a
    row without minutes."""
    timed = {(programme_id, kind_id) for programme_id, kind_id, _point in used}
    merged: dict[tuple[SessionKind, int, str, int, int], dict[str, Any]] = {}
    for programme_id in sorted({p for p, _kind in timed}):
        programme = library.programme(programme_id)
        if programme is None:
            continue
        for kind in SessionKind:
            if (programme_id, kind.value) not in timed:
                continue
            for place, point in enumerate(programme.agenda.get(kind, ())):
                key = (kind, place, point.id, point.target_minutes, point.max_minutes)
                row = merged.setdefault(key, {"point": point, "names": [], "minutes": []})
                row["names"].append(programme.name)
                row["minutes"] += used.get((programme_id, kind.value, point.id), [])
    split = Counter((kind, point_id) for kind, _place, point_id, _t, _m in merged)
    rows = []
    kinds = list(SessionKind)
    for key in sorted(merged, key=lambda k: (kinds.index(k[0]), k[1], k[3], k[4])):
        kind, _place, point_id, target, maximum = key
        row = merged[key]
        rows.append(
            AgendaRow(
                kind,
                point_id,
                row["point"].title,
                row["point"].title_en,
                ", ".join(row["names"]) if split[kind, point_id] > 1 else None,
                target,
                maximum,
                spread(row["minutes"]),
                sum(1 for m in row["minutes"] if m > maximum),
            )
        )
    return tuple(rows)
