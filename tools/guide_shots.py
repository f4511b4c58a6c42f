"""Make the user guide's screenshots (manuals/billeder/*.png) from the demo data.

    .venv/bin/python tools/guide_shots.py            # `make guide-shots`
    .venv/bin/python tools/guide_shots.py --only session-tjek-ind --keep /tmp/shots-demo

Builds a small demo centre in a temporary folder (20 clients, a fixed seed and a fixed
"today"), then drives the program's real windows offscreen, in Danish, at 1366x768, and saves
each picture scaled to 1100 pixels wide. The clock is fixed too (the day and the session's
minutes), so that the same program gives the same pictures. A dialog is drawn over the
window it opens from, as a user sees it.

Renew the pictures after a change to a screen the guide shows, look at them, and commit them
with the change.
"""

from __future__ import annotations

import argparse
import datetime as real
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TRAUMEFOKUS_SYSTEM_CONFIG"] = os.devnull  # the machine's own config is not used

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "manuals" / "billeder"
TODAY = real.date(2025, 3, 12)  # a Wednesday; the demo is built around it
NOW = real.datetime(2025, 3, 12, 10, 7, tzinfo=real.UTC)
SEED = "17"
CLIENTS = "20"
SIZE = (1366, 768)
WIDTH = 1100  # the saved pictures' width
PASSWORD = "traumefokus-demo"


# --- a fixed clock ----------------------------------------------------------------------------
class FixedDate(real.date):
    @classmethod
    def today(cls) -> FixedDate:
        return cls(TODAY.year, TODAY.month, TODAY.day)


class FixedDateTime(real.datetime):
    @classmethod
    def now(cls, tz: real.tzinfo | None = None) -> FixedDateTime:  # type: ignore[override]
        moment = NOW if tz is not None else NOW.astimezone().replace(tzinfo=None)
        if tz is not None:
            moment = NOW.astimezone(tz)
        return cls(*moment.timetuple()[:6], tzinfo=moment.tzinfo)

    @classmethod
    def today(cls) -> FixedDateTime:  # type: ignore[override]
        return cls.now()


_seconds = [0.0]  # the session screen's monotonic clock, moved by the shots


def freeze_clock() -> None:
    """Every module of the program sees TODAY and NOW: `date` and `datetime` replaced where
    they were imported, the storage clock, and the session screen's clock."""
    import importlib
    import pkgutil
    from contextvars import ContextVar

    import traumefokus

    for found in pkgutil.walk_packages(traumefokus.__path__, "traumefokus."):
        if ".migrations" in found.name or found.name.endswith("__main__"):
            continue
        importlib.import_module(found.name)
    for name, module in list(sys.modules.items()):
        if not name.startswith("traumefokus"):
            continue
        if getattr(module, "date", None) is real.date:
            module.date = FixedDate  # type: ignore[attr-defined]
        if getattr(module, "datetime", None) is real.datetime:
            module.datetime = FixedDateTime  # type: ignore[attr-defined]
    from traumefokus.services import pseudonyms
    from traumefokus.storage import types
    from traumefokus.ui import session_runner

    types._clock = ContextVar("clock", default=lambda: NOW)
    # The demo's pseudonym key, made at random for a real database, fixed for the pictures.
    pseudonyms.secrets = SimpleNamespace(token_hex=lambda n: "5e" * n)  # type: ignore[attr-defined]
    session_runner.now = lambda: _seconds[0]  # type: ignore[assignment]


# --- the demo centre --------------------------------------------------------------------------
def build_demo(folder: Path) -> None:
    from traumefokus.cli import main as cli

    os.environ["TRAUMEFOKUS_PASSWORD"] = PASSWORD
    code = cli(
        ["demo", "--data-dir", str(folder), "--clients", CLIENTS, "--seed", SEED,
         "--today", TODAY.isoformat()]
    )  # fmt: skip
    if code:
        raise SystemExit(f"demo failed ({code})")


# --- taking pictures --------------------------------------------------------------------------
def settle(milliseconds: int = 300) -> None:
    """Let the windows paint and the background work end."""
    from PySide6.QtCore import QCoreApplication

    from traumefokus.ui import background

    deadline = time.monotonic() + 30
    end = time.monotonic() + milliseconds / 1000
    while time.monotonic() < end or (background._alive and time.monotonic() < deadline):
        QCoreApplication.processEvents()
        time.sleep(0.01)


def save(image: object, name: str, out: Path) -> Path:
    """`image` (a QPixmap or QImage) as `out/name.png`: at most WIDTH pixels wide, in 256
    colours (Pillow, which reportlab brings along), so that the committed files stay small."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPixmap

    picture = image.toImage() if isinstance(image, QPixmap) else image
    assert isinstance(picture, QImage)
    if picture.width() > WIDTH:
        picture = picture.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")
    colours = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
    small = colours.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    path = out / f"{name}.png"
    small.save(path, optimize=True)
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"{shown}  {small.width}x{small.height}  {path.stat().st_size // 1024} KB")
    return path


def over(window: object, dialog: object) -> object:
    """`window` with `dialog` drawn over its middle, as the user sees it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget) and isinstance(dialog, QWidget)
    picture = window.grab()
    front = dialog.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))  # the window behind, dimmed
    at = QPoint(
        max(0, (picture.width() - front.width()) // 2),
        max(0, (picture.height() - front.height()) // 2),
    )
    painter.fillRect(at.x() + 4, at.y() + 4, front.width(), front.height(), QColor(0, 0, 0, 50))
    painter.drawPixmap(at, front)
    painter.setPen(QColor(120, 120, 120))
    painter.drawRect(at.x() - 1, at.y() - 1, front.width() + 1, front.height() + 1)
    painter.end()
    return picture


def disguise(widget: object, folder: Path) -> None:
    """The demo's temporary folder said as the usual place on a Windows laptop."""
    from PySide6.QtWidgets import QLineEdit, QWidget

    assert isinstance(widget, QWidget)
    home = WHERE.rsplit("\\", 1)[0]
    for field in widget.findChildren(QLineEdit):
        for get, put in (
            (field.text, field.setText),
            (field.placeholderText, field.setPlaceholderText),
        ):
            if str(folder) in get():
                put(get().replace(str(folder), home).replace("/", "\\"))


@contextmanager
def shown(widget: object, size: tuple[int, int] | None = SIZE) -> Iterator[None]:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    if size is not None:
        widget.resize(*size)
    widget.show()
    settle()
    try:
        yield
    finally:
        widget.close()
        settle(50)


# --- the program's windows --------------------------------------------------------------------
class Centre:
    """The demo centre's folder, opened for one user at a time as the program opens it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def context(self, user: str) -> object:
        from traumefokus.paths import DataDir
        from traumefokus.services.unlocking import unlock_for_window
        from traumefokus.services.workspace import Workspace
        from traumefokus.settings import Settings
        from traumefokus.ui.context import UiContext

        workspace = Workspace(DataDir(self.folder))
        db, actor, writes = unlock_for_window(workspace, user, PASSWORD)
        writes()
        ctx = UiContext(workspace, Settings.load(self.folder / "settings.json"), "da", db=db)
        ctx.sign_in(actor)
        return ctx

    def window(self, user: str) -> object:
        from traumefokus.ui.main_window import MainWindow

        window = MainWindow(self.context(user))
        window.begin()
        window.reload()
        return window


def modal(trigger: Callable[[], object], take: Callable[[object], object]) -> object:
    """Call `trigger`, which opens a modal dialog; once it shows (and has done its work),
    `take(dialog)`, then close the dialog. What `take` returned."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    taken: list[object] = []

    def look(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            if tries > 200:
                raise SystemExit("the dialog did not open")
            QTimer.singleShot(20, lambda: look(tries + 1))
            return
        settle(400)
        taken.append(take(dialog))
        dialog.reject()

    QTimer.singleShot(0, look)
    trigger()
    settle(50)
    if not taken:
        raise SystemExit("the dialog did not open")
    return taken[0]


def typed(field: object, text: str) -> None:
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    if isinstance(field, QPlainTextEdit):
        field.setPlainText(text)
    elif isinstance(field, QLineEdit):
        field.setText(text)


def tab(window: object, widget: object) -> None:
    window.tabs.setCurrentWidget(widget)  # type: ignore[attr-defined]
    settle(500)


# --- the shots --------------------------------------------------------------------------------
Shot = Callable[["Centre", Path], None]
SHOTS: dict[str, Shot] = {}


def shot(name: str) -> Callable[[Shot], Shot]:
    def register(function: Shot) -> Shot:
        SHOTS[name] = function
        return function

    return register


@shot("foerste-start")
def first_start(centre: Centre, out: Path) -> None:
    from traumefokus.paths import DataDir
    from traumefokus.services.workspace import Workspace
    from traumefokus.settings import Settings
    from traumefokus.ui.context import UiContext
    from traumefokus.ui.first_user import FirstUserDialog

    empty = centre.folder.parent / "empty"
    ctx = UiContext(Workspace(DataDir(empty)), Settings.load(empty / "settings.json"), "da")
    dialog = FirstUserDialog(ctx)
    typed(dialog.name, "lene.a")
    typed(dialog.full_name, "Lene Andersen")
    typed(dialog.job, "centerleder")
    typed(dialog.password, "x" * 16)
    typed(dialog.repeat, "x" * 16)
    with shown(dialog, None):
        save(dialog.grab(), "foerste-start", out)


@shot("log-ind")
def signing_in(centre: Centre, out: Path) -> None:
    from traumefokus.paths import DataDir
    from traumefokus.services.workspace import Workspace
    from traumefokus.settings import Settings
    from traumefokus.ui.context import UiContext
    from traumefokus.ui.main_window import MainWindow
    from traumefokus.ui.sign_in import SignInDialog

    folder = centre.folder
    ctx = UiContext(Workspace(DataDir(folder)), Settings.load(folder / "settings.json"), "da")
    window = MainWindow(ctx)
    with shown(window):
        dialog = SignInDialog(ctx, window, name="mette.h")
        typed(dialog.password, "x" * 16)
        with shown(dialog, None):
            save(over(window, dialog), "log-ind", out)


@shot("i-dag")
def today(centre: Centre, out: Path) -> None:
    window = centre.window("mette.h")
    with shown(window):
        save(window.grab(), "i-dag", out)


def todays_first(window: object) -> object:
    """The user's first session today (a therapist's own)."""
    from traumefokus.services.session_notes import todays_sessions

    ctx = window.ctx  # type: ignore[attr-defined]
    rows = todays_sessions(ctx.acting, TODAY)
    mine = [row for row in rows if row.therapist.startswith(ctx.acting.actor.shown.split(",")[0])]
    return (mine or rows)[0]


@shot("forloeb")
def course(centre: Centre, out: Path) -> None:
    window = centre.window("mette.h")
    with shown(window):
        window.open_course(todays_first(window).course_id)
        settle(500)
        save(window.grab(), "forloeb", out)


@shot("session")
def session(centre: Centre, out: Path) -> None:
    """The session screen at the check-in, at the theme; signing; the printed note."""
    from PySide6.QtCore import Qt

    from traumefokus.documents.kinds import DocumentKind

    window = centre.window("mette.h")
    with shown(window):
        _seconds[0] = 1000.0
        window.open_session(todays_first(window).session_id, ask=True)
        settle()
        runner = window.runner
        check_in = runner.pages[0]
        typed(check_in.feeling, "Træt, men glad for at være kommet. Har sovet dårligt to nætter.")
        typed(check_in.good_coping, "Gik en tur i stedet for at ringe til en gammel ven, "
              "der stadig drikker.")  # fmt: skip
        typed(check_in.substances, "Ingen siden sidst")
        _seconds[0] += 4 * 60 + 12
        runner.ticker.timeout.emit()  # the clock's tick, now rather than within a second
        runner.autosave.saver.flush()  # the tick's save of the clock: "Gemt …"
        settle()
        save(window.grab(), "session-tjek-ind", out)
        runner.go_to(1)
        _seconds[0] += 3 * 60
        runner.go_to(2)
        theme = runner.pages[2]
        for column in (theme.WORKED, theme.HANDED):
            theme.table.item(0, column).setCheckState(Qt.CheckState.Checked)
        typed(
            theme.note, "Fandt selv tre røde flag: sover dårligt, melder afbud, ser gamle venner."
        )
        _seconds[0] += 11 * 60 + 40
        runner.ticker.timeout.emit()  # the clock's tick, now rather than within a second
        runner.autosave.saver.flush()  # the tick's save of the clock: "Gemt …"
        settle()
        save(window.grab(), "session-tema", out)
        _seconds[0] += 21 * 60
        runner.go_to(3)
        check_out = runner.pages[3]
        typed(
            check_out.takeaway, "At de røde flag kommer før en krise, og at hun kan nå at reagere."
        )
        check_out.commitment.setCurrentIndex(1)
        _seconds[0] += 6 * 60
        runner.ticker.timeout.emit()  # the six minutes show
        runner.autosave.saver.flush()  # the tick's save of the clock: "Gemt …"
        settle()
        modal(runner.sign, lambda dialog: save(over(window, dialog), "underskriv", out))
        modal(
            lambda: runner.print_document(DocumentKind.NOTE),
            lambda dialog: save(over(window, dialog), "udskriv", out),
        )
        runner.leave()
        settle()


@shot("logbog")
def logbook(centre: Centre, out: Path) -> None:
    window = centre.window("mette.h")
    with shown(window):
        tab(window, window.logbook)
        save(window.grab(), "logbog", out)


@shot("kodningsrunder")
def coding_rounds(centre: Centre, out: Path) -> None:
    window = centre.window("supervisor")
    with shown(window):
        tab(window, window.coding_rounds)
        save(window.grab(), "kodningsrunder", out)


@shot("kodning")
def coding(centre: Centre, out: Path) -> None:
    window = centre.window("coder")
    with shown(window):
        tab(window, window.coding)
        save(window.grab(), "kodning-liste", out)
        from traumefokus.services.coding_ratings import Progress

        entries = window.coding.entries
        window.coding.open_entry(
            next((i for i, e in enumerate(entries) if e.progress is Progress.DRAFT), 0)
        )
        settle(500)
        save(window.grab(), "kodning", out)
        window.coding.leave()


@shot("klienter")
def clients(centre: Centre, out: Path) -> None:
    window = centre.window("mette.h")
    with shown(window):
        tab(window, window.client_pane)
        window.client_view.selectRow(0)
        settle(500)
        save(window.grab(), "klienter", out)


@shot("brugere")
def users(centre: Centre, out: Path) -> None:
    from traumefokus.ui.people_dialogs import UsersDialog

    window = centre.window("admin")
    with shown(window):
        modal(
            lambda: UsersDialog(window.ctx, window).exec(),
            lambda dialog: save(over(window, dialog), "brugere", out),
        )


@shot("revisionsspor")
def audit(centre: Centre, out: Path) -> None:
    window = centre.window("supervisor")
    with shown(window):
        page = window.tabs.widget(window.tabs.count() - 1)
        tab(window, page)
        save(window.grab(), "revisionsspor", out)


@shot("indstillinger")
def settings(centre: Centre, out: Path) -> None:
    from traumefokus.ui.settings_dialog import SettingsDialog

    window = centre.window("admin")
    with shown(window):

        def backups() -> None:
            dialog = SettingsDialog(window.ctx, window)
            dialog.sections.setCurrentRow(2)  # Backups: what an administrator sets first
            dialog.exec()

        modal(
            backups,
            lambda dialog: (
                disguise(dialog, centre.folder),
                settle(100),
                save(over(window, dialog), "indstillinger", out),
            ),
        )


@shot("vejledning")
def guide(centre: Centre, out: Path) -> None:
    """The guide's own window, a section chosen in its list. Last, so that a picture it
    shows is this run's (it reads them from manuals/billeder/, whatever --out is)."""
    from traumefokus.ui.help_actions import GuideWindow

    window = GuideWindow()
    with shown(window, (WIDTH, 720)):  # not scaled down: the guide's own type stays sharp
        sections = window.sections
        item = next(
            sections.item(row)
            for row in range(sections.count())
            if sections.item(row).text().strip() == "Sikkerhedsflag"
        )
        sections.setCurrentItem(item)
        sections.itemClicked.emit(item)
        settle()
        save(window.grab(), "vejledning", out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where the PNGs go")
    parser.add_argument("--only", action="append", choices=sorted(SHOTS), help="these shots")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the demo here and keep it")
    args = parser.parse_args(argv)
    os.environ["TZ"] = "Europe/Copenhagen"
    time.tzset()

    from PySide6.QtWidgets import QApplication

    app = QApplication(["traumefokus"])
    app.setCursorFlashTime(0)  # a text cursor that does not blink: the same picture each time
    freeze_clock()
    from traumefokus.services.workspace import Workspace
    from traumefokus.ui.i18n import install_translators
    from traumefokus.ui.theme import LIGHT, apply_look, use_scheme

    Workspace.where = property(lambda self: WHERE)  # type: ignore[assignment,method-assign]
    apply_look(app)
    use_scheme(app, LIGHT)  # the light scheme, whatever the machine's
    install_translators("da")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="traumefokus-shots-") as scratch:
        folder = args.keep or Path(scratch) / "demo"
        if not (folder / "traumefokus.db").exists():
            build_demo(folder)
        centre = Centre(folder)
        for name in args.only or SHOTS:
            SHOTS[name](centre, args.out)
    return 0


WHERE = "C:\\Users\\mette.h\\AppData\\Local\\Traumefokus\\traumefokus.db"

if __name__ == "__main__":
    sys.exit(main())
