"""The sections of the settings dialog (ui/settings_dialog.py): a page per section, each
with its fields, who may change them, the values IT locked shown disabled, and Restore
defaults (the system file's default where it has one, else the program's)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.access import Action
from traumefokus.domain.retention import DEFAULT_YEARS, MAX_YEARS, MIN_YEARS
from traumefokus.errors import TraumefokusError
from traumefokus.settings import (
    BACKUP_KINDS,
    MAX_BACKUP_COPIES,
    MAX_IDLE_MINUTES,
    MIN_BACKUP_COPIES,
    MIN_IDLE_MINUTES,
    Section,
    has_password,
)
from traumefokus.ui.context import UiContext
from traumefokus.ui.read_only import hide_actions, make_read_only
from traumefokus.ui.style import heading, hint, read_only_banner


class PageProblem(Exception):
    """What is wrong with what was typed on a page, in the user's words."""


class SettingsPage(QWidget):
    """One section: a heading, a line on who may change it, a form, Restore defaults."""

    installation = True  # the installation's settings: only an administrator changes them
    stretches = False  # a field that takes the room left (a table), else the room stays below

    def __init__(self, ctx: UiContext, title: str, section: Section) -> None:
        super().__init__()
        self.ctx = ctx
        self.title = title
        self.section = section
        self.may_change = ctx.acting.may(Action.CONFIGURE) or not self.installation
        self.fields: dict[str, QWidget] = {}  # setting key: the widget that shows it
        self.form = QFormLayout()
        self.restore = QPushButton(QCoreApplication.translate("SettingsPage", "Restore &defaults"))
        self.restore.clicked.connect(self.restore_defaults)
        self.banner = read_only_banner()
        if not self.may_change:
            self.banner.setText(
                QCoreApplication.translate(
                    "SettingsPage", "Only an administrator can change these settings."
                )
            )
            self.banner.show()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, scale=1.25))
        layout.addWidget(self.banner)
        layout.addLayout(self.form, 1)
        if not self.stretches:
            layout.addStretch()
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.restore)
        layout.addLayout(row)

    def add_field(self, key: str, label: str, widget: QWidget, about: str = "") -> None:
        """A row for the setting `key` (read only where it cannot be changed)."""
        holder = QWidget()  # what read_only() goes through: the field and its buttons
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(widget)
        if widget.maximumWidth() < 1000:  # a short field stays at the left
            line.addStretch()
        self.fields[key] = holder
        self.form.addRow(label, holder)
        named = self.form.labelForField(holder)
        if isinstance(named, QLabel):  # its Alt letter reaches the field (a row's first)
            takes_focus = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            named.setBuddy(widget if takes_focus else widget.findChild(QWidget) or widget)
        if self.section.is_locked(key):
            self.form.addRow(
                "", hint(QCoreApplication.translate("SettingsPage", "Locked by your IT department"))
            )
        if about:
            self.form.addRow("", hint(about))

    def settle(self) -> None:
        """Once built: show the values; what cannot be changed is read only, legible."""
        self.show_values(self.section.get)
        for key, widget in self.fields.items():
            if not self.may_change or self.section.is_locked(key):
                read_only(widget)
        unlocked = [k for k in self.fields if not self.section.is_locked(k)]
        self.restore.setEnabled(self.may_change and bool(unlocked))
        self.restore.setVisible(self.may_change)

    def restore_defaults(self) -> None:
        """The defaults in the fields (kept on OK); a locked value stays as IT set it."""
        self.show_values(
            lambda key: (
                self.section.get(key) if self.section.is_locked(key) else self.section.default(key)
            )
        )

    def apply(self) -> bool:
        """Keep what the fields say (PageProblem if something is wrong); whether anything
        changed."""
        if not self.may_change:
            return False
        changed = False
        for key, value in self.values().items():
            if self.section.is_locked(key) or value == self.section.get(key):
                continue
            if value == self.section.default(key):
                self.section.reset(key)
            else:
                self.section.set(key, value)
            changed = True
        return changed

    # --- each page ---------------------------------------------------------------------
    def show_values(self, value_of: object) -> None:
        raise NotImplementedError

    def values(self) -> dict[str, object]:
        raise NotImplementedError


def read_only(widget: QWidget) -> None:
    """A field that shows its value and takes no input (ui/read_only.py); what an empty field
    means stays as its placeholder, and its buttons (Choose…) go."""
    lines = [widget, *widget.findChildren(QLineEdit)]
    placeholders = {line: line.placeholderText() for line in lines if isinstance(line, QLineEdit)}
    make_read_only(widget)
    for line, text in placeholders.items():
        line.setPlaceholderText(text)
    hide_actions(widget, keep="\0")


class LanguagePage(SettingsPage):
    installation = False

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, self.tr("Language"), ctx.mine)
        self.buttons = QButtonGroup(self)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for code, name in (("da", "Dansk"), ("en", "English")):
            button = QRadioButton(name)
            button.setProperty("language", code)
            self.buttons.addButton(button)
            column.addWidget(button)
        self.add_field(
            "language",
            self.tr("Your language:"),
            box,
            self.tr("Menus, dialogs and papers. Everyone chooses their own."),
        )
        self.settle()

    def show_values(self, value_of: object) -> None:
        assert callable(value_of)
        chosen = value_of("language") or self.ctx.settings.language
        for button in self.buttons.buttons():
            button.setChecked(button.property("language") == chosen)

    def values(self) -> dict[str, object]:
        checked = self.buttons.checkedButton()
        chosen = checked.property("language") if checked else self.ctx.lang
        # The installation's language is a user's default: choosing it follows it.
        return {"language": None if chosen == self.ctx.settings.language else chosen}

    def restore_defaults(self) -> None:
        if not self.section.is_locked("language"):
            self.show_values(lambda key: None)

    @property
    def chosen(self) -> str:
        return self.ctx.settings.language_of(self.ctx.acting.actor.id)


class IdleLockPage(SettingsPage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, self.tr("Idle lock"), ctx.settings.installation)
        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setMaximumWidth(120)
        self.add_field(
            "idle_lock_minutes",
            self.tr("Lock the screens after:"),
            self.minutes,
            self.tr(
                "Minutes without a key press or mouse movement. A session under way counts as "
                "activity, so a conversation is never interrupted."
            ),
        )
        self.settle()

    def show_values(self, value_of: object) -> None:
        assert callable(value_of)
        value = value_of("idle_lock_minutes")
        self.minutes.setValue(value if isinstance(value, int) else 5)

    def values(self) -> dict[str, object]:
        return {"idle_lock_minutes": self.minutes.value()}


class BackupsPage(SettingsPage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, self.tr("Backups"), ctx.settings.installation)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(str(ctx.workspace.data_dir.backups))
        choose = QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self._choose)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.folder, 1)
        line.addWidget(choose)
        self.add_field(
            "backup_folder",
            self.tr("&Folder:"),
            row,
            self.tr(
                "Empty: the backups folder in the data directory. A folder on another disk or "
                "a network share is safer. Backups are encrypted like the database."
            ),
        )
        self.copies: dict[str, QSpinBox] = {}
        labels = {
            "daily": self.tr("Daily copies to keep:"),
            "weekly": self.tr("Weekly copies to keep:"),
            "monthly": self.tr("Monthly copies to keep:"),
        }
        for kind in BACKUP_KINDS:
            box = QSpinBox()
            box.setRange(MIN_BACKUP_COPIES, MAX_BACKUP_COPIES)
            box.setMaximumWidth(120)
            self.copies[kind] = box
            self.add_field(f"backup_{kind}", labels[kind], box)
        self.form.addRow("", hint(self.tr("A change applies from the next backup.")))
        self.settle()

    def _choose(self) -> None:
        start = self.folder.text() or str(self.ctx.workspace.data_dir.backups)
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for backups"), start)
        if folder:
            self.folder.setText(folder)

    def show_values(self, value_of: object) -> None:
        assert callable(value_of)
        self.folder.setText(value_of("backup_folder") or "")
        for kind, box in self.copies.items():
            value = value_of(f"backup_{kind}")
            box.setValue(value if isinstance(value, int) else MIN_BACKUP_COPIES)

    def values(self) -> dict[str, object]:
        from pathlib import Path

        folder = self.folder.text().strip()
        if self.section.is_locked("backup_folder"):
            folder = ""  # IT's, as it is: never checked here
        if folder and not Path(folder).expanduser().is_absolute():
            raise PageProblem(self.tr("Give the backup folder's whole path, or leave it empty."))
        if folder and not Path(folder).expanduser().is_dir():
            raise PageProblem(
                self.tr("The backup folder does not exist. Create it first, or choose another.")
            )
        found: dict[str, object] = {"backup_folder": folder or None}
        found.update({f"backup_{kind}": box.value() for kind, box in self.copies.items()})
        return found


class DatabasePage(SettingsPage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, self.tr("Database"), ctx.settings.installation)
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("Empty: the database file in the data directory"))
        self.add_field(
            "database_url",
            self.tr("&Server address:"),
            self.url,
            self.tr(
                "For a shared PostgreSQL server, e.g. "
                "postgresql+psycopg://traumefokus@server.local/traumefokus. Leave the password "
                "out: Traumefokus asks for it when it connects."
            ),
        )
        now = QLabel(ctx.workspace.where)
        now.setWordWrap(True)
        now.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.tr("In use now:"), now)
        self.form.addRow(
            "", hint(self.tr("A change takes effect the next time Traumefokus starts."))
        )
        self.settle()

    def show_values(self, value_of: object) -> None:
        assert callable(value_of)
        self.url.setText(value_of("database_url") or "")

    def values(self) -> dict[str, object]:
        from traumefokus.storage.target import DatabaseTarget

        url = self.url.text().strip()
        if self.section.is_locked("database_url"):
            return {}
        if url and has_password(url):
            raise PageProblem(
                self.tr(
                    "Leave the password out of the address: it is never stored here. "
                    "Traumefokus asks for it when it connects."
                )
            )
        if url:
            try:
                DatabaseTarget.choose(self.ctx.workspace.data_dir, url)
            except TraumefokusError as error:
                raise PageProblem(self.ctx.describe(error)) from None
        return {"database_url": url or None}


class SitePage(SettingsPage):
    def __init__(self, ctx: UiContext) -> None:
        from traumefokus.services.clients import known_sites

        super().__init__(ctx, self.tr("Site"), ctx.settings.installation)
        self.site = QComboBox()
        self.site.setEditable(True)
        self.site.addItems(["", *known_sites(ctx.acting)])
        self.add_field(
            "site",
            self.tr("&The centre's site:"),
            self.site,
            self.tr("A new client gets this site unless another is chosen. Empty: none."),
        )
        self.settle()

    def show_values(self, value_of: object) -> None:
        assert callable(value_of)
        self.site.setCurrentText(value_of("site") or "")

    def values(self) -> dict[str, object]:
        from traumefokus.services.clients import clean_client_details

        try:
            _name, site = clean_client_details(None, self.site.currentText())
        except TraumefokusError as error:
            raise PageProblem(self.ctx.describe(error)) from None
        return {"site": site or None}


class RetentionPage(SettingsPage):
    """How long a client's data are kept after their last course ended, before an
    administrator may erase the client (domain/retention.py)."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx, self.tr("Retention"), ctx.settings.installation)
        self.years = QSpinBox()
        self.years.setRange(MIN_YEARS, MAX_YEARS)
        self.years.setSuffix(self.tr(" years"))
        self.years.setMaximumWidth(120)
        self.add_field(
            "retention_years",
            self.tr("&Keep a client's data for:"),
            self.years,
            self.tr(
                "Whole years after the client's last course ended. Danish health records are "
                "kept at least ten years after the last entry. Once the period has run, an "
                "administrator may erase the client (Client ▸ Erase the client…); while a "
                "course is planned or active, never."
            ),
        )
        self.settle()

    def show_values(self, value_of: object) -> None:
        assert callable(value_of)
        value = value_of("retention_years")
        self.years.setValue(value if isinstance(value, int) else DEFAULT_YEARS)

    def values(self) -> dict[str, object]:
        return {"retention_years": self.years.value()}
