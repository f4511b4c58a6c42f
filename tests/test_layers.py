"""The layering of DESIGN.md: dependencies point downwards only."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "traumefokus"
ORDER = ["domain", "storage", "content", "services", "exports", "documents"]


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def modules_below_ui():
    return [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts]


@pytest.mark.parametrize("path", modules_below_ui(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_nothing_below_ui_imports_qt(path):
    assert not any(name.split(".")[0] == "PySide6" for name in imports(path))


@pytest.mark.parametrize("layer", ORDER)
def test_layers_import_only_downwards(layer):
    higher = [*ORDER[ORDER.index(layer) + 1 :], "ui", "cli", "commands"]
    for path in (PACKAGE / layer).rglob("*.py"):
        for name in imports(path):
            parts = name.split(".")
            if parts[0] == "traumefokus" and len(parts) > 1:
                assert parts[1] not in higher, f"{path.relative_to(PACKAGE)} imports {name}"
