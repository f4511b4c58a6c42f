"""Adherence and fidelity scales as data (format: resources/scales/README.md), loaded and
validated like a content pack: a file with any problem is refused whole, every problem named
with the file, the field and the reason.

Which file a scale comes from: a centre's own `scales/<id>.toml` in the data directory, else
the shipped `resources/scales/<id>.toml` (like the centre's lists). A round remembers the id
and version of its scale; a centre that changes a scale raises its version and keeps the old
file as `scales/<id>/<version>.toml`, so that earlier rounds can still be read.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from traumefokus.content.fields import TomlFile, entry_place
from traumefokus.content.problems import InvalidContent, Problem, Problems
from traumefokus.content.regular_files import NotReadable, read_regular
from traumefokus.domain.content import Version
from traumefokus.domain.scales import (
    HEADER_FIELDS,
    RECORD_RULES,
    Anchor,
    ItemRating,
    Scale,
    ScaleGroup,
    ScaleItem,
    ScalePart,
)
from traumefokus.domain.vocabulary import Method
from traumefokus.errors import DataProblem
from traumefokus.paths import DataDir, shipped_dir

FORMAT = 1
LANGUAGES = ("da", "en")
FOLDER = "scales"  # in the data directory and in resources/
# The scale a new round of each method uses (the file of this name, the centre's first).
DEFAULT_SCALE = {Method.SEEKING_SAFETY: "ss-adherence", Method.CREATING_CHANGE: "cc-fidelity"}
ITEM_ID = re.compile(r"^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$")  # no dots: keys are item.rating
_SCALE_KEYS = {
    "id",
    "version",
    "method",
    "title",
    "language",
    "source",
    "min",
    "max",
    "half_points",
    "na",
    "cant_rate",
    "header",
}


def is_scale_file(path: Path) -> bool:
    """A TOML file with a `[scale]` table (for `check-manual`); False if it cannot be read."""
    if path.suffix != ".toml" or not path.is_file():
        return False
    try:
        data = tomllib.loads(read_regular(path).decode("utf-8-sig"))
    except (OSError, NotReadable, ValueError, RecursionError):  # decoding errors included
        return False
    return isinstance(data.get("scale"), dict)


def load_scale(path: Path, *, expected_id: str | None = None) -> Scale:
    """The scale in `path`; InvalidContent naming every problem. `expected_id`: the id the
    file's name promises (a centre's `scales/<id>.toml`)."""
    problems = Problems()
    scale = _read(TomlFile(path, problems), expected_id)
    problems.raise_if_any(path)
    assert scale is not None
    return scale


def scale_file(scale_id: str, data_dir: DataDir) -> Path:
    """The centre's own file for a scale if there is one, else the shipped one."""
    own = data_dir.root / FOLDER / f"{scale_id}.toml"
    return own if own.exists() else shipped_dir("resources") / FOLDER / f"{scale_id}.toml"


def scale_for(method: Method | str, data_dir: DataDir) -> Scale:
    """The scale a new round of `method` is rated with."""
    method = Method(method)
    scale_id = DEFAULT_SCALE[method]
    path = scale_file(scale_id, data_dir)
    scale = load_scale(path, expected_id=scale_id)
    if scale.method != method:
        problem = Problem(
            path, "scale.method", "content.scale_method", {"found": scale.method, "method": method}
        )
        raise InvalidContent(path, [problem])
    return scale


def scale_by_id(scale_id: str, version: Version | str, data_dir: DataDir) -> Scale:
    """The scale a round was rated with: the centre's kept copy of that version
    (`scales/<id>/<version>.toml`), the centre's current file, or the shipped one, whichever
    has that version. DataProblem if none has it."""
    wanted = version if isinstance(version, Version) else Version.parse(version)
    own = data_dir.root / FOLDER
    candidates = [
        own / scale_id / f"{wanted}.toml",
        own / f"{scale_id}.toml",
        shipped_dir("resources") / FOLDER / f"{scale_id}.toml",
    ]
    found: list[str] = []
    for path in candidates:
        if wanted is None or not path.is_file():
            continue
        scale = load_scale(path, expected_id=scale_id)
        if scale.version == wanted:
            return scale
        found.append(str(scale.version))
    raise DataProblem(
        "content.scale_version_missing",
        id=scale_id,
        version=version,
        found=", ".join(found) or "-",
        keep=f"{FOLDER}/{scale_id}/{version}.toml",
    )


# --- reading ------------------------------------------------------------------------------
def _read(toml: TomlFile, expected_id: str | None) -> Scale | None:
    data = toml.load()
    if data is None:
        return None
    toml.only(data, {"format", "scale", "parts", "groups", "items"}, "")
    toml.format_version(data, FORMAT)
    info = toml.table(data, "scale", "") or {}
    toml.only(info, _SCALE_KEYS, "scale")
    scale_id = toml.ident(info, "id", "scale")
    if scale_id is not None and expected_id is not None and scale_id != expected_id:
        toml.note("scale.id", "content.scale_id_mismatch", value=scale_id, name=expected_id)
    version = toml.version(info, "version", "scale")
    method = toml.choice(info, "method", "scale", tuple(m.value for m in Method))
    title = toml.text(info, "title", "scale")
    language = toml.choice(info, "language", "scale", LANGUAGES)
    source = toml.text(info, "source", "scale")
    low = toml.integer(info, "min", "scale")
    high = toml.integer(info, "max", "scale")
    if low is not None and high is not None and low >= high:
        toml.note("scale.max", "content.scale_range", min=low, max=high)
        low = high = None
    half_points = toml.boolean(info, "half_points", "scale")
    allows_na = toml.boolean(info, "na", "scale")
    allows_cant_rate = toml.boolean(info, "cant_rate", "scale")
    header = _read_header(toml, info)
    span = (low, high) if low is not None and high is not None else None

    parts = _read_parts(toml, data, span)
    groups = _read_groups(toml, data)
    items = _read_items(toml, data, parts, groups)
    counted = {r.part for item in items for r in item.ratings}
    for part in parts:
        if part.id not in counted:
            toml.note(f"parts[{part.id}]", "content.part_unused")

    if (
        scale_id is None
        or version is None
        or method is None
        or title is None
        or language is None
        or source is None
        or span is None
        or toml.problems.found
    ):
        return None
    return Scale(
        scale_id,
        version,
        Method(method),
        title,
        language,
        source,
        span[0],
        span[1],
        half_points,
        allows_na,
        allows_cant_rate,
        tuple(parts),
        tuple(groups),
        tuple(items),
        header,
        toml.path,
    )


def _read_header(toml: TomlFile, info: dict[str, Any]) -> tuple[str, ...]:
    fields = toml.texts(info, "header", "scale") or []
    for name in fields:
        if name not in HEADER_FIELDS:
            toml.note(
                "scale.header", "content.choice", value=name, choices=", ".join(HEADER_FIELDS)
            )
    _note_duplicates(toml, "scale.header", fields)
    return tuple(f for f in fields if f in HEADER_FIELDS)


def _read_parts(
    toml: TomlFile, data: dict[str, Any], span: tuple[int, int] | None
) -> list[ScalePart]:
    parts: list[ScalePart] = []
    entries = toml.tables(data, "parts", "")
    if entries is not None and not entries:
        toml.note("parts", "content.required")
    for index, entry in enumerate(entries or []):
        place = entry_place("parts", entry, index)
        toml.only(entry, {"id", "title", "anchors"}, place)
        part_id = toml.ident(entry, "id", place)
        title = toml.text(entry, "title", place)
        anchors: list[Anchor] = []
        for number, anchor in enumerate(toml.tables(entry, "anchors", place) or []):
            where = f"{place}.anchors[{number + 1}]"
            toml.only(anchor, {"value", "label"}, where)
            value = toml.integer(anchor, "value", where)
            label = toml.text(anchor, "label", where)
            if value is not None and span is not None and not span[0] <= value <= span[1]:
                toml.note(
                    f"{where}.value", "content.out_of_range", value=value, min=span[0], max=span[1]
                )
                value = None
            if value is not None and label is not None:
                anchors.append(Anchor(value, label))
        _note_duplicates(toml, f"{place}.anchors", [str(a.value) for a in anchors])
        if part_id is not None and title is not None:
            parts.append(ScalePart(part_id, title, tuple(sorted(anchors, key=lambda a: a.value))))
    _note_duplicates(toml, "parts", [p.id for p in parts])
    return parts


def _read_groups(toml: TomlFile, data: dict[str, Any]) -> list[ScaleGroup]:
    groups: list[ScaleGroup] = []
    for index, entry in enumerate(toml.tables(data, "groups", "", required=False) or []):
        place = entry_place("groups", entry, index)
        toml.only(entry, {"id", "title"}, place)
        group_id = toml.ident(entry, "id", place)
        title = toml.text(entry, "title", place)
        if group_id is not None and title is not None:
            groups.append(ScaleGroup(group_id, title))
    _note_duplicates(toml, "groups", [g.id for g in groups])
    return groups


def _read_items(
    toml: TomlFile, data: dict[str, Any], parts: list[ScalePart], groups: list[ScaleGroup]
) -> list[ScaleItem]:
    part_ids = [p.id for p in parts]
    group_ids = [g.id for g in groups]
    items: list[ScaleItem] = []
    entries = toml.tables(data, "items", "")
    if entries is not None and not entries:
        toml.note("items", "content.required")
    for index, entry in enumerate(entries or []):
        raw_id = entry.get("id")
        place = (
            f"items[{raw_id}]"
            if isinstance(raw_id, str) and ITEM_ID.match(raw_id)
            else (f"items[{index + 1}]")
        )
        toml.only(entry, {"id", "text", "group", "ratings", "official", "record_rule"}, place)
        item_id = toml.text(entry, "id", place)
        if item_id is not None and not ITEM_ID.match(item_id):
            toml.note(f"{place}.id", "content.bad_item_id", value=item_id)
            item_id = None
        text = toml.text(entry, "text", place)
        group = toml.text(entry, "group", place, required=bool(groups))
        if group is not None and group not in group_ids:
            known = _known(group_ids)
            toml.note(f"{place}.group", "content.unknown_ref", value=group, known=known)
            group = None
        official = toml.boolean(entry, "official", place)
        rule = toml.text(entry, "record_rule", place, required=False)
        if rule is not None and rule not in RECORD_RULES:
            toml.note(
                f"{place}.record_rule",
                "content.choice",
                value=rule,
                choices=", ".join(RECORD_RULES),
            )
        ratings = _read_ratings(toml, entry, place, part_ids)
        if item_id is not None and text is not None and ratings:
            items.append(ScaleItem(item_id, text, group, ratings, official, rule))
    _note_duplicates(toml, "items", [i.id for i in items])
    return items


def _read_ratings(
    toml: TomlFile, entry: dict[str, Any], place: str, part_ids: list[str]
) -> tuple[ItemRating, ...]:
    ratings: list[ItemRating] = []
    entries = toml.tables(entry, "ratings", place)
    if entries is not None and not entries:
        toml.note(f"{place}.ratings", "content.required")
    for index, rating in enumerate(entries or []):
        where = entry_place(f"{place}.ratings", rating, index)
        toml.only(rating, {"id", "part"}, where)
        rating_id = toml.ident(rating, "id", where)
        part = toml.text(rating, "part", where)
        if part is not None and part not in part_ids:
            toml.note(f"{where}.part", "content.unknown_ref", value=part, known=_known(part_ids))
            part = None
        if rating_id is not None and part is not None:
            ratings.append(ItemRating(rating_id, part))
    _note_duplicates(toml, f"{place}.ratings", [r.id for r in ratings])
    return tuple(ratings)


def _note_duplicates(toml: TomlFile, where: str, ids: list[str]) -> None:
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        toml.note(where, "content.duplicate_id", value=duplicate)


def _known(ids: list[str]) -> str:
    return ", ".join(ids) or "-"
