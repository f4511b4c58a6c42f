"""Keep the Qt catalogues in resources/translations in step with the code.

    python tools/translations.py update          # lupdate + lrelease (`make translations`)
    python tools/translations.py missing         # list Danish strings still to translate
    python tools/translations.py apply FILE.json # fill Danish from {"source": "translation"}
                                                 # ("Context|source" for one context only)

Qt Linguist (`pyside6-linguist resources/translations/traumefokus_da.ts`) does the same by hand.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "desktop" / "traumefokus" / "ui"
CATALOGUES = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
DANISH = CATALOGUES / "traumefokus_da.ts"
ENGLISH = CATALOGUES / "traumefokus_en.ts"


def lupdate(ts: Path, *extra: str) -> None:
    subprocess.run(
        [
            BIN / "pyside6-lupdate",
            "-silent",
            "-extensions",
            "py",
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            *extra,
            str(SOURCES),
            "-ts",
            str(ts),
        ],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([BIN / "pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)


def update() -> None:
    lupdate(DANISH, "-target-language", "da")
    lupdate(ENGLISH, "-target-language", "en", "-pluralonly")
    for ts in (DANISH, ENGLISH):
        lrelease(ts, ts.with_suffix(".qm"))


def unfinished(ts: Path) -> list[tuple[str, str]]:
    tree = ET.parse(ts)
    return [
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]


def apply(mapping_file: Path) -> None:
    mapping = json.loads(mapping_file.read_text(encoding="utf-8"))
    tree = ET.parse(DANISH)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            key = f"{name}|{source}" if f"{name}|{source}" in mapping else source
            if key in mapping:
                translation.text = mapping[key]
                translation.attrib.pop("type", None)
    tree.write(DANISH, encoding="utf-8", xml_declaration=True)
    lupdate(DANISH, "-target-language", "da")  # let lupdate restore its own formatting
    lrelease(DANISH, DANISH.with_suffix(".qm"))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    if command == "update":
        update()
    elif command == "missing":
        for context, source in unfinished(DANISH):
            print(f"{context}: {source}")
    elif command == "apply":
        apply(Path(sys.argv[2]))
    else:
        sys.exit(__doc__)
