"""The Lists section of the settings: the centre's lists to choose from (why a course ended
early, why a session was not held, kinds of other treatment). An administrator adds an entry,
renames one (its Danish and English text; its id stays, since it is stored with the data) or
retires one (no longer offered; what was chosen before keeps its name). Restore defaults goes
back to the list that ships with the program. Saved on OK, as the loader reads it
(services/centre_lists.py); the next dialog that offers the list shows it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from traumefokus.content.choice_lists import (
    END_REASONS,
    MAX_ID,
    NOT_HELD_REASONS,
    OTHER_TREATMENT,
    Choice,
    ChoiceList,
    centre_list,
    load_list,
)
from traumefokus.errors import TraumefokusError
from traumefokus.messages import text
from traumefokus.paths import shipped_dir
from traumefokus.ui.context import UiContext
from traumefokus.ui.settings_pages import PageProblem, SettingsPage
from traumefokus.ui.style import hint, problem_ink

DA, EN, ID, STATE = range(4)
_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


@dataclass
class Edited:
    """One list as it is being edited."""

    kind: ChoiceList
    saved: tuple[Choice, ...]  # as it is on disk
    entries: list[Choice]
    restored: bool = False  # Restore defaults: the centre's own copy goes on OK
    unreadable: str = ""  # why the centre's own copy could not be read (it is left alone)

    @property
    def changed(self) -> bool:
        return self.restored or tuple(self.entries) != self.saved


def new_id(label: str, taken: set[str]) -> str:
    """An id for a new entry, from its text: lower-case letters, digits and _, unique."""
    plain = unicodedata.normalize("NFKD", label.lower().translate(_LETTERS))
    plain = plain.encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[: MAX_ID - 4] or "entry"
    found, number = base, 1
    while found in taken:
        number += 1
        found = f"{base}_{number}"
    return found


class ListsPage(SettingsPage):
    stretches = True  # the table takes the room

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, self.tr("Lists"), ctx.settings.installation)
        self.names = {
            END_REASONS.file: self.tr("Why a course ended early"),
            NOT_HELD_REASONS.file: self.tr("Why a session was not held"),
            OTHER_TREATMENT.file: self.tr("Kinds of other treatment"),
        }
        self.lists = [self._read(kind) for kind in (END_REASONS, NOT_HELD_REASONS, OTHER_TREATMENT)]
        self.which = QComboBox()
        for edited in self.lists:
            self.which.addItem(self.names[edited.kind.file])
        self.which.currentIndexChanged.connect(self._show)
        self.form.addRow(self.tr("&List:"), self.which)
        self.form.addRow(
            "",
            hint(
                self.tr(
                    "Double-click a text to rename it. An entry that has been used keeps its "
                    "id: retire it rather than remove it, and what was chosen before keeps "
                    "its name."
                )
            ),
        )
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Danish"), self.tr("English"), self.tr("Id"), self.tr("State")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (ID, STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(160)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.table.itemChanged.connect(self._renamed)
        self.table.itemSelectionChanged.connect(self._enable)
        self.form.addRow(self.table)
        self.add = QPushButton(self.tr("&Add"))
        self.retire = QPushButton(self.tr("&Retire"))
        self.up = QPushButton(self.tr("Move &up"))
        self.down = QPushButton(self.tr("Move do&wn"))
        self.add.clicked.connect(self._add)
        self.retire.clicked.connect(self._retire)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for button in (self.add, self.retire, self.up, self.down):
            line.addWidget(button)
        line.addStretch()
        self.form.addRow(row)
        row.setVisible(self.may_change)
        self.unreadable = hint("")
        problem_ink(self.unreadable)
        self.form.addRow(self.unreadable)
        self.restore.setText(self.tr("Restore &defaults for this list"))
        self.restore.setEnabled(self.may_change)
        self.restore.setVisible(self.may_change)
        self._show(0)

    def _read(self, kind: ChoiceList) -> Edited:
        try:
            saved = centre_list(kind, self.ctx.workspace.data_dir)
        except TraumefokusError as error:  # a broken file: start from the shipped list,
            shipped = self._shipped(kind)  # and leave the file alone unless it is edited
            return Edited(kind, shipped, list(shipped), unreadable=self.ctx.describe(error))
        return Edited(kind, saved, list(saved))

    def _shipped(self, kind: ChoiceList) -> tuple[Choice, ...]:
        return load_list(kind, shipped_dir("resources") / kind.file)

    @property
    def current(self) -> Edited:
        return self.lists[self.which.currentIndex()]

    # --- the table ---------------------------------------------------------------------
    def _show(self, _index: int = 0) -> None:
        edited = self.current
        self.table.blockSignals(True)
        self.table.setRowCount(len(edited.entries))
        for row, choice in enumerate(edited.entries):
            texts = (choice.da, choice.en, choice.id or self.tr("(new)"), self._state(choice))
            for column, shown in enumerate(texts):
                item = QTableWidgetItem(shown)
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                if column in (DA, EN) and self.may_change:
                    flags |= Qt.ItemFlag.ItemIsEditable
                item.setFlags(flags)
                if choice.retired:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.unreadable.setText(edited.unreadable)
        self.unreadable.setVisible(bool(self.unreadable.text()))
        self._enable()

    def _state(self, choice: Choice) -> str:
        return self.tr("Retired") if choice.retired else self.tr("In use")

    def _row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _enable(self) -> None:
        row = self._row()
        entries = self.current.entries
        chosen = entries[row] if row >= 0 else None
        self.add.setEnabled(self.may_change)
        self.retire.setEnabled(self.may_change and chosen is not None)
        self.retire.setText(
            self.tr("Bring &back") if chosen and chosen.retired else self.tr("&Retire")
        )
        self.up.setEnabled(self.may_change and row > 0)
        self.down.setEnabled(self.may_change and 0 <= row < len(entries) - 1)

    def _select(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setCurrentCell(row, DA)

    def _renamed(self, item: QTableWidgetItem) -> None:
        entries = self.current.entries
        choice = entries[item.row()]
        text = " ".join(item.text().split())
        if item.column() == DA:
            entries[item.row()] = replace(choice, da=text)
        elif item.column() == EN:
            entries[item.row()] = replace(choice, en=text)

    def _add(self) -> None:
        entries = self.current.entries
        entries.append(Choice("", "", ""))  # an id is given on OK, from its text
        self._show()
        row = len(entries) - 1
        self._select(row)
        item = self.table.item(row, DA)
        if item is not None:
            self.table.editItem(item)

    def _retire(self) -> None:
        row = self._row()
        if row < 0:
            return
        entries = self.current.entries
        choice = entries[row]
        if not choice.id:  # never saved: nothing can refer to it, so it just goes
            del entries[row]
            self._show()
            return
        entries[row] = replace(choice, retired=not choice.retired)
        self._show()
        self._select(row)

    def _move(self, step: int) -> None:
        row = self._row()
        entries = self.current.entries
        if not 0 <= row + step < len(entries):
            return
        entries[row], entries[row + step] = entries[row + step], entries[row]
        self._show()
        self._select(row + step)

    # --- the page ----------------------------------------------------------------------
    def settle(self) -> None:
        """The table is filled by _show; nothing in this section is locked by IT."""

    def restore_defaults(self) -> None:
        """The shipped list for the list shown (its own copy goes on OK)."""
        edited = self.current
        edited.entries = list(self._shipped(edited.kind))
        edited.restored = True
        self._show()

    def values(self) -> dict[str, object]:
        for edited in self.lists:
            if not edited.changed:
                continue
            for choice in edited.entries:
                if not choice.da or not choice.en:
                    self.which.setCurrentIndex(self.lists.index(edited))
                    raise PageProblem(self.tr("Every entry needs a Danish and an English text."))
        return {}

    def apply(self) -> bool:
        from traumefokus.content.problems import InvalidContent
        from traumefokus.services.centre_lists import restore_shipped_list, save_centre_list

        if not self.may_change:
            return False
        changed = False
        for edited in self.lists:
            if not edited.changed:
                continue
            entries = self._with_ids(edited.entries)
            try:
                if edited.restored and tuple(entries) == self._shipped(edited.kind):
                    restore_shipped_list(self.ctx.acting, edited.kind)
                else:
                    save_centre_list(self.ctx.acting, edited.kind, entries)
            except InvalidContent as invalid:
                self.which.setCurrentIndex(self.lists.index(edited))
                said = [
                    f"{p.field}: {text(p.code, self.ctx.lang, **p.facts)}" for p in invalid.problems
                ]
                raise PageProblem("\n".join(said)) from None
            except TraumefokusError as error:
                raise PageProblem(self.ctx.describe(error)) from None
            edited.entries = list(entries)
            edited.saved = tuple(entries)
            edited.restored = False
            edited.unreadable = ""
            changed = True
        return changed

    @staticmethod
    def _with_ids(entries: list[Choice]) -> list[Choice]:
        taken = {c.id for c in entries if c.id}
        found = []
        for choice in entries:
            if not choice.id:
                choice = replace(choice, id=new_id(choice.en or choice.da, taken))
                taken.add(choice.id)
            found.append(choice)
        return found
