"""The Help menu: the user guide (Brugervejledning, F1) and About.

The guide is `manuals/brugervejledning.md`, shipped with the program (paths.shipped_dir: beside
the package in a checkout, inside it in the wheel and the bundle), with its pictures in
`manuals/billeder/`. It is shown read-only in a window of its own: its sections in a list on
the left, the text on the right, Ctrl+F to search. Nothing is fetched: a picture is read from
the guide's folder, a link inside the guide moves to its section, and a link to anywhere else
(the internet, a file) is not opened.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QUrl
from PySide6.QtGui import (
    QKeySequence,
    QShortcut,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from traumefokus.paths import shipped_dir
from traumefokus.ui.fit import fit_to_screen

if TYPE_CHECKING:
    pass

GUIDE = "brugervejledning.md"
PICTURE_MARGIN = 40  # the room a picture leaves in the text's width


def guide_file() -> Path:
    return shipped_dir("manuals") / GUIDE


def slug(title: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation gone, spaces as '-'."""
    return re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", title.strip().lower()))


class GuideWindow(QWidget):
    """The user guide, read-only. `headings` are (level, title, position in the text)."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.path = path or guide_file()
        self.setWindowTitle(self.tr("User guide") + " – Traumefokus")
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)  # every link goes through follow(): none leaves here
        self.text.anchorClicked.connect(self.follow)
        self.sections = QListWidget()
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.itemActivated.connect(self._section_chosen)
        self.sections.itemClicked.connect(self._section_chosen)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the guide (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.find_next())
        self.search.textEdited.connect(lambda _text: self.find_next(again=False))
        self.not_found = QLabel()
        next_button = QPushButton(self.tr("&Next"))
        next_button.setAutoDefault(False)
        next_button.clicked.connect(lambda: self.find_next())
        previous_button = QPushButton(self.tr("&Previous"))
        previous_button.setAutoDefault(False)
        previous_button.clicked.connect(lambda: self.find_next(backward=True))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(previous_button)
        bar.addWidget(next_button)
        bar.addWidget(self.not_found)
        split = QSplitter()
        split.addWidget(self.sections)
        split.addWidget(self.text)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        for keys, action in (
            (QKeySequence.StandardKey.Find, self._focus_search),
            (QKeySequence.StandardKey.FindNext, lambda: self.find_next()),
            (QKeySequence.StandardKey.FindPrevious, lambda: self.find_next(backward=True)),
            (QKeySequence("Esc"), self.close),
        ):
            QShortcut(keys, self, action)
        self.headings: list[tuple[int, str, int]] = []
        self.load()
        self.text.viewport().installEventFilter(self)  # its width decides the pictures'
        fit_to_screen(self, QSize(1100, 760))
        left = min(340, self.sections.sizeHintForColumn(0) + 2 * self.sections.frameWidth() + 8)
        split.setSizes([left, max(400, self.width() - left)])
        self.text.setFocus()

    # --- the text ------------------------------------------------------------------------
    def load(self) -> None:
        try:
            markdown = self.path.read_text(encoding="utf-8")
        except OSError:
            markdown = "# " + self.tr("The user guide is missing: %1").replace("%1", str(self.path))
        document = self.text.document()
        document.setBaseUrl(QUrl.fromLocalFile(str(self.path.parent) + "/"))
        self.text.setSearchPaths([str(self.path.parent)])
        document.setMarkdown(markdown, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
        self.headings = []
        self.sections.clear()
        block = document.begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level and block.text().strip():
                self.headings.append((level, block.text().strip(), block.position()))
                if level <= 3:
                    item = QListWidgetItem("   " * (level - 1) + block.text().strip())
                    item.setToolTip(block.text().strip())  # whole, where the list cuts it
                    item.setData(Qt.ItemDataRole.UserRole, block.position())
                    self.sections.addItem(item)
            block = block.next()
        self.fit_pictures()
        self.go_to(0)

    def pictures(self) -> list[str]:
        """The names of the pictures in the text, as written in the guide."""
        found = []
        block = self.text.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    found.append(fragment.charFormat().toImageFormat().name())
                it += 1
            block = block.next()
        return found

    def fit_pictures(self) -> None:
        """Each picture as wide as the text leaves room for, never wider than it is."""
        document = self.text.document()
        room = max(200, self.text.viewport().width() - PICTURE_MARGIN)
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    picture = fragment.charFormat().toImageFormat()
                    image = document.resource(
                        QTextDocument.ResourceType.ImageResource, QUrl(picture.name())
                    )
                    width = getattr(image, "width", lambda: 0)()
                    if width:
                        shown = QTextImageFormat(picture)
                        shown.setWidth(min(width, room))
                        shown.setHeight(image.height() * min(width, room) / width)
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(
                            fragment.position() + fragment.length(),
                            QTextCursor.MoveMode.KeepAnchor,
                        )
                        cursor.setCharFormat(shown)
                it += 1
            block = block.next()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.text.viewport():
            self.fit_pictures()
        return False

    # --- moving about --------------------------------------------------------------------
    def follow(self, url: QUrl) -> None:
        """A link inside the guide moves to its section; any other link is not opened."""
        if url.scheme() not in ("", "file") or not url.hasFragment():
            return
        wanted = url.fragment()
        for _level, title, position in self.headings:
            if slug(title) == wanted:
                self.go_to(position)
                return

    def go_to(self, position: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.text.setTextCursor(cursor)  # the heading comes to the top, not the bottom
        cursor.setPosition(position)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def _section_chosen(self, item: QListWidgetItem) -> None:
        self.go_to(int(item.data(Qt.ItemDataRole.UserRole)))

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def find_next(self, *, backward: bool = False, again: bool = True) -> bool:
        words = self.search.text()
        if not words:
            self.not_found.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if not again:  # still typing: from the start of the current match
            cursor = self.text.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self.text.setTextCursor(cursor)
        found = self.text.find(words, flags)
        if not found:  # round again from the other end
            cursor = self.text.textCursor()
            cursor.movePosition(
                QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            )
            self.text.setTextCursor(cursor)
            found = self.text.find(words, flags)
        self.not_found.setText("" if found else self.tr("Not found"))
        return found


def show_guide(window: QWidget) -> GuideWindow:
    """The guide's window of `window`, opened once and brought forward after that."""
    guide = window.findChild(GuideWindow)
    if guide is None:
        guide = GuideWindow(window)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide
