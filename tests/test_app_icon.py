"""The application icon: every size drawn from the SVG is shipped and loads."""

from traumefokus.paths import shipped_dir
from traumefokus.ui.app_icon import SIZES, app_icon


def test_the_icon_has_every_size_from_16_to_256(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert sorted(size.width() for size in icon.availableSizes()) == list(SIZES)


def test_the_windows_icon_and_the_svg_ship_beside_the_pngs():
    folder = shipped_dir("resources") / "icons"
    ico = (folder / "traumefokus.ico").read_bytes()
    assert ico[:4] == b"\0\0\1\0" and int.from_bytes(ico[4:6], "little") == len(SIZES)
    assert (folder / "traumefokus.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
