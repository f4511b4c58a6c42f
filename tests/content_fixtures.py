"""A small valid pack and programme in a temporary folder, for tests to break on purpose."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import tomli_w


def theme(theme_id: str, worksheets: int = 2) -> dict[str, Any]:
    return {
        "id": theme_id,
        "title_en": theme_id.title(),
        "title": f"Tema {theme_id}",
        "quote": {"text": "Et citat.", "author": "Demo-citat", "demo": True},
        "commitments": ["Jeg gør noget godt."],
        "worksheets": [{"id": f"sheet-{n}", "title": f"Ark {n}"} for n in range(1, worksheets + 1)],
    }


PACK: dict[str, Any] = {
    "format": 1,
    "pack": {
        "id": "test-pack",
        "method": "SS",
        "language": "da",
        "version": "1.0.0",
        "name": "Testpakke",
        "licence": "Skrevet til tests.",
        "demo": True,
        "official_titles": False,
    },
    "themes": [
        theme("alpha"),
        theme("beta"),
        {"id": "gamma", "title_en": "Gamma", "title": "Gamma"},
    ],
}

PROGRAMME: dict[str, Any] = {
    "format": 1,
    "programme": {
        "id": "test-programme",
        "version": "1.0.0",
        "name": "Test",
        "method": "SS",
        "pack": "test-pack",
    },
    "layout": {
        "interval_days": 7,
        "follow_up_months": [1],
        "sessions": [
            {"number": 0, "kind": "assessment"},
            {"number": 1, "kind": "trauma"},
            {"number": 2, "kind": "trauma"},
        ],
    },
    "themes": {"choose": 2, "offered": ["alpha", "beta"]},
    "lengths": {
        "assessment": {"min": 45, "max": 60},
        "trauma": {"min": 60, "max": 60},
        "follow_up": {"min": 30, "max": 45},
    },
    "agenda": {
        "assessment": [
            {"id": "talk", "title": "Samtale", "title_en": "Talk", "target": 40, "max": 50}
        ],
        "trauma": [
            {"id": "check_in", "title": "Tjek-ind", "title_en": "Check-in", "target": 5, "max": 5},
            {"id": "quote", "title": "Citat", "title_en": "Quote", "target": 5, "max": 10},
            {
                "id": "theme",
                "title": "Tema",
                "title_en": "Theme",
                "target": 35,
                "min": 30,
                "max": 40,
            },
            {
                "id": "check_out",
                "title": "Tjek-ud",
                "title_en": "Check-out",
                "target": 10,
                "max": 10,
            },
        ],
        "follow_up": [
            {"id": "status", "title": "Status", "title_en": "Status", "target": 20, "max": 30}
        ],
    },
    "gift_cards": {"every": 2, "amount_dkk": 200, "count": 6},
    "status_letters": {"every": 4, "counts": ["move", "trauma"]},
    "measures": [
        {
            "id": "tem",
            "title": "TEM",
            "title_en": "TEM",
            "kinds": ["assessment", "trauma"],
            "scale": {"min": 0, "max": 10},
        }
    ],
}


def write_pack(folder: Path, data: dict[str, Any] | None = None) -> Path:
    data = copy.deepcopy(PACK) if data is None else data
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    for entry in data.get("themes", []):
        if "worksheets" not in entry:
            continue
        theme_dir = folder / "themes" / entry["id"]
        theme_dir.mkdir(parents=True, exist_ok=True)
        (theme_dir / "introduction.md").write_text("Introduktion til temaet.\n", encoding="utf-8")
        for sheet in entry["worksheets"]:
            (theme_dir / f"{sheet['id']}.guidance.md").write_text("Vejledning.\n", encoding="utf-8")
            (theme_dir / f"{sheet['id']}.client.md").write_text(
                "## Ark\n\nSkriv her.\n", encoding="utf-8"
            )
    return folder


def write_programme(path: Path, data: dict[str, Any] | None = None) -> Path:
    data = copy.deepcopy(PROGRAMME) if data is None else data
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def pack_data() -> dict[str, Any]:
    return copy.deepcopy(PACK)


def programme_data() -> dict[str, Any]:
    return copy.deepcopy(PROGRAMME)
