"""Browsing the content: packs and their themes, worksheets with the therapist's guidance and
the client's text side by side, and each programme's course layout."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from traumefokus.content.library import ContentLibrary, ContentRef
from traumefokus.content.markdown import markdown_html
from traumefokus.content.problems import InvalidContent
from traumefokus.domain.content import Pack, Programme, Theme
from traumefokus.domain.vocabulary import SessionKind
from traumefokus.ui.fit import fit_on_show
from traumefokus.ui.labels import method_label, session_kind_label
from traumefokus.ui.style import heading, hint, titled

ROLE = Qt.ItemDataRole.UserRole


def _browser(markdown: str = "") -> QTextBrowser:
    view = QTextBrowser()
    view.setOpenLinks(False)
    view.setHtml(markdown_html(markdown))
    return view


class ThemePage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.title = heading("", scale=1.5)
        self.subtitle = hint("")
        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.RichText)
        self.introduction = _browser()
        self.commitments = QLabel()
        self.commitments.setWordWrap(True)
        self.commitments.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.worksheets = QTabBar()
        self.worksheets.setExpanding(False)
        self.worksheets.currentChanged.connect(self._show_worksheet)
        self.guidance = _browser()
        self.client = _browser()
        self._theme: Theme | None = None

        about = QSplitter()
        about.addWidget(titled(self.tr("Introduction for the therapist"), self.introduction))
        about.addWidget(self.commitments)
        about.setStretchFactor(0, 3)
        about.setStretchFactor(1, 2)

        side_by_side = QSplitter()
        side_by_side.addWidget(titled(self.tr("Guidance for the therapist"), self.guidance))
        side_by_side.addWidget(titled(self.tr("The client's text"), self.client))
        sheets = QWidget()
        sheets_layout = QVBoxLayout(sheets)
        sheets_layout.setContentsMargins(0, 0, 0, 0)
        sheets_layout.addWidget(QLabel("<b>" + self.tr("Worksheets") + "</b>"))
        sheets_layout.addWidget(self.worksheets)
        sheets_layout.addWidget(side_by_side, 1)

        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(about)
        body.addWidget(sheets)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.quote)
        layout.addWidget(body, 1)

    def show_theme(self, pack: Pack, theme: Theme) -> None:
        self._theme = None
        self.title.setText(theme.title)
        notes = [theme.title_en]
        if not pack.official_titles:
            notes.append(self.tr("working title"))
        if pack.demo:
            notes.append(self.tr("demo content"))
        self.subtitle.setText(" · ".join(notes))
        while self.worksheets.count():
            self.worksheets.removeTab(0)
        self.guidance.clear()
        self.client.clear()
        if not theme.complete:
            self.quote.setText("")
            only_title = self.tr(
                "This theme is a title in the catalogue only: the pack has no content for it."
            )
            self.introduction.setHtml(markdown_html(only_title))
            self.commitments.setText("")
            return
        assert theme.quote is not None and theme.introduction is not None
        source = (
            self.tr("a demo quote written for Traumefokus")
            if theme.quote.demo
            else f"{escape(theme.quote.author)}, {escape(theme.quote.work or '')}"
        )
        self.quote.setText(
            f"<p style='font-size:large'><i>»{escape(theme.quote.text)}«</i></p><p>— {source}</p>"
        )
        self.introduction.setHtml(markdown_html(theme.introduction))
        items = "".join(f"<li>{escape(c)}</li>" for c in theme.commitments)
        label = self.tr("Suggested commitments")
        self.commitments.setText(f"<b>{label}</b><ul>{items}</ul>")
        self._theme = theme
        for sheet in theme.worksheets:
            self.worksheets.addTab(sheet.title)
        self._show_worksheet(0)

    def _show_worksheet(self, index: int) -> None:
        if self._theme is None or not 0 <= index < len(self._theme.worksheets):
            return
        sheet = self._theme.worksheets[index]
        self.guidance.setHtml(markdown_html(sheet.guidance))
        self.client.setHtml(markdown_html(sheet.client))


class ProgrammePage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.title = heading("", scale=1.5)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.layout_table = QTableWidget(0, 4)
        self.layout_table.setHorizontalHeaderLabels(
            [self.tr("Session"), self.tr("Kind"), self.tr("Length"), self.tr("Agenda")]
        )
        self.layout_table.verticalHeader().hide()
        self.layout_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.layout_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.themes = QLabel()
        self.themes.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.layout_table, 2)
        layout.addWidget(self.themes, 1)

    def show_programme(self, programme: Programme, pack: Pack | None, lang: str) -> None:
        self.title.setText(programme.name)
        self.facts.setText(
            self.tr(
                "%1 · version %2 · pack %3 · a session every %4 days · a gift card of %5 kr "
                "every %6 sessions (at most %7) · a status letter every %8 sessions"
            )
            .replace("%1", method_label(programme.method))
            .replace("%2", str(programme.version))
            .replace("%3", programme.pack_id)
            .replace("%4", str(programme.interval_days))
            .replace("%5", str(programme.gift_card_amount_dkk))
            .replace("%6", str(programme.gift_card_every))
            .replace("%7", str(programme.gift_card_count))
            .replace("%8", str(programme.status_letter_every))
        )
        rows = [(str(s.number), s.kind) for s in programme.slots] + [
            (self.tr("+%1 mo.").replace("%1", str(m)), SessionKind.FOLLOW_UP)
            for m in programme.follow_up_months
        ]
        self.layout_table.setRowCount(len(rows))
        for row, (number, kind) in enumerate(rows):
            low, high = programme.lengths[kind]
            agenda = " · ".join(
                f"{p.title_en if lang == 'en' else p.title} {p.target_minutes}"
                f"{'' if p.target_minutes == p.max_minutes else f'–{p.max_minutes}'}"
                for p in programme.agenda[kind]
            )
            minutes = f"{low}" if low == high else f"{low}–{high}"
            for column, value in enumerate(
                (
                    number,
                    session_kind_label(kind),
                    self.tr("%1 min").replace("%1", minutes),
                    self.tr("%1 (minutes)").replace("%1", agenda),
                )
            ):
                self.layout_table.setItem(row, column, QTableWidgetItem(value))
        self.layout_table.resizeColumnsToContents()
        self.layout_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        titles = []
        for theme_id in programme.offered_themes:
            theme = pack.theme(theme_id) if pack else None
            titles.append(f"{theme.title} ({theme.title_en})" if theme else theme_id)
        self.themes.setText(
            "<b>"
            + self.tr("%1 themes offered, %2 are chosen with the client:")
            .replace("%1", str(len(titles)))
            .replace("%2", str(programme.themes_to_choose))
            + "</b><br>"
            + "<br>".join(escape(t) for t in titles)
        )


class ContentBrowser(QDialog):
    """Opened from View ▸ Content; loads what it shows on opening (tens of milliseconds)."""

    def __init__(self, library: ContentLibrary, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.lang = lang
        self.setWindowTitle(self.tr("Content: packs and programmes"))
        self.resize(1100, 720)
        fit_on_show(self)

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(self._chosen)
        self.pages = QStackedWidget()
        self.info = _browser()
        self.theme_page = ThemePage()
        self.programme_page = ProgrammePage()
        for page in (self.info, self.theme_page, self.programme_page):
            self.pages.addWidget(page)

        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 900])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        packs = QTreeWidgetItem(self.tree, [self.tr("Content packs")])
        for ref in self.library.refs("pack"):
            self._add(packs, ref)
        programmes = QTreeWidgetItem(self.tree, [self.tr("Programmes")])
        for ref in self.library.refs("programme"):
            self._add(programmes, ref)
        for top in (packs, programmes):
            top.setExpanded(True)
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        first = packs.child(0)  # None without packs
        if first is not None:
            self.tree.setCurrentItem(first)

    def _source(self, ref: ContentRef) -> str:
        return self.tr("installed") if ref.installed else self.tr("shipped")

    def _label(self, name: str, ref: ContentRef) -> str:
        """Name and version; installed versions say so, shipped ones are the usual case."""
        installed = f" ({self._source(ref)})" if ref.installed else ""
        return f"{name} {ref.version}{installed}"

    def _add(self, parent: QTreeWidgetItem, ref: ContentRef) -> None:
        """A pack (with its themes) or a programme; a version that does not load is listed
        as invalid, with its problems on its page."""
        try:
            content = (self.library.pack if ref.kind == "pack" else self.library.programme)(
                ref.id, ref.version
            )
        except InvalidContent as invalid:
            self._add_invalid(parent, ref, invalid)
            return
        assert content is not None
        item = QTreeWidgetItem(parent, [self._label(content.name, ref)])
        item.setToolTip(0, f"{content.id} {content.version} · {self._source(ref)}")
        item.setData(0, ROLE, (ref.kind, content, ref))
        for theme in content.themes if isinstance(content, Pack) else ():
            child = QTreeWidgetItem(item, [theme.title])
            child.setToolTip(0, theme.title_en)
            child.setData(0, ROLE, ("theme", content, theme))
            if not theme.complete:
                child.setForeground(0, self.palette().placeholderText())

    def _add_invalid(
        self, parent: QTreeWidgetItem, ref: ContentRef, invalid: InvalidContent
    ) -> None:
        invalid_word = self.tr("invalid")
        item = QTreeWidgetItem(parent, [f"{ref.id} {ref.version} – {invalid_word}"])
        lines = "\n".join(f"- {p.describe(self.lang)}" for p in invalid.problems)
        item.setData(0, ROLE, ("invalid", lines, ref))

    def _chosen(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        data = item.data(0, ROLE) if item else None
        if not data:
            return
        kind, value, extra = data
        if kind == "theme":
            self.theme_page.show_theme(value, extra)
            self.pages.setCurrentWidget(self.theme_page)
        elif kind == "programme":
            pack = self.library.pack(value.pack_id)
            self.programme_page.show_programme(value, pack, self.lang)
            self.pages.setCurrentWidget(self.programme_page)
        elif kind == "pack":
            self.info.setHtml(markdown_html(self._pack_text(value, extra)))
            self.pages.setCurrentWidget(self.info)
        else:
            cannot = self.tr("**This version cannot be used:**")
            self.info.setHtml(markdown_html(cannot + "\n\n" + value))
            self.pages.setCurrentWidget(self.info)

    def _pack_text(self, pack: Pack, ref: ContentRef) -> str:
        complete = sum(t.complete for t in pack.themes)
        lines = [
            f"# {pack.name}",
            self.tr("%1 · version %2 · language %3 · %4")
            .replace("%1", method_label(pack.method))
            .replace("%2", str(pack.version))
            .replace("%3", pack.language)
            .replace("%4", self._source(ref)),
            "",
            self.tr("%1 themes in the catalogue, %2 with content.")
            .replace("%1", str(len(pack.themes)))
            .replace("%2", str(complete)),
        ]
        if pack.demo:
            lines += [
                "",
                self.tr("**Demo content:** written for Traumefokus, not from the manual."),
            ]
        if not pack.official_titles:
            lines += [
                "",
                self.tr(
                    "The titles in the pack's language are working titles; the "
                    "English titles are the official ones."
                ),
            ]
        lines += ["", f"*{pack.licence}*", "", f"`{pack.path}`"]
        return "\n".join(lines)
