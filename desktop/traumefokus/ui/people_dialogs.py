"""Creating and editing clients; the administrator's list of users."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.clients import clean_client_code
from traumefokus.domain.passwords import MIN_LENGTH
from traumefokus.domain.users import MAX_FULL_NAME, MAX_TITLE
from traumefokus.domain.vocabulary import Role
from traumefokus.errors import InvalidInput
from traumefokus.services.clients import (
    ClientInfo,
    add_client,
    clean_client_details,
    known_sites,
    update_client,
)
from traumefokus.services.users import (
    UserRow,
    add_user,
    list_users,
    reset_password,
    update_user,
)
from traumefokus.ui.context import UiContext
from traumefokus.ui.fit import fit_on_show
from traumefokus.ui.forms import FormDialog
from traumefokus.ui.labels import role_label
from traumefokus.ui.operations import run
from traumefokus.ui.sign_in import password_field
from traumefokus.ui.style import heading, hint


class ClientDialog(FormDialog):
    """New client, or an existing one to edit. The code is checked as it is typed, so that a
    CPR number is caught before it is ever saved."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, client: ClientInfo | None = None
    ) -> None:
        super().__init__(
            ctx,
            self.tr("Edit client") if client else self.tr("New client"),
            parent,
            intro=self.tr("The client code is the centre's own code. Never use a CPR number."),
        )
        self.client = client
        self.saved: ClientInfo | None = None
        self.code = QLineEdit(client.code if client else "")
        self.code.setMaxLength(32)
        self.code.setPlaceholderText(self.tr("e.g. K-0231"))
        self.code.textChanged.connect(self._check)
        self.display_name = QLineEdit(client.display_name or "" if client else "")
        self.display_name.setMaxLength(200)
        self.display_name.setPlaceholderText(self.tr("Optional"))
        self.display_name.textChanged.connect(self._check)
        self.site = QComboBox()
        self.site.setEditable(True)
        self.site.addItems(known_sites(ctx.acting))
        # A new client is at the centre's own site (Settings) unless another is chosen.
        self.site.setCurrentText(client.site if client else ctx.settings.site or "")
        self.form.addRow(self.tr("Client &code:"), self.code)
        self.form.addRow(self.tr("&Name (identifying):"), self.display_name)
        self.form.addRow(
            hint(
                self.tr(
                    "A name identifies the client. It is hidden in lists unless View ▸ Show client "
                    "names is on, and it never leaves the centre in coding exports."
                )
            )
        )
        self.form.addRow(self.tr("&Site:"), self.site)
        self.code.setFocus()

    def _check(self) -> None:
        """The code and the name are checked as they are typed: a CPR number is caught before
        it is ever saved."""

        def check() -> None:
            if self.code.text().strip():
                clean_client_code(self.code.text())
            clean_client_details(self.display_name.text(), self.site.currentText())

        run(self, self.ctx, check, problem=self.problem)

    def submit(self) -> None:
        fields = {"display_name": self.display_name.text(), "site": self.site.currentText()}
        if self.client is None:
            self.saved = add_client(self.ctx.acting, self.code.text(), **fields)
        else:
            self.saved = update_client(
                self.ctx.acting,
                self.client.id,
                code=self.code.text(),
                version=self.client.version,
                **fields,
            )


class UserDialog(FormDialog):
    """A new user (with their first password), or an existing one's name, title, role and
    whether they may still sign in."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, user: UserRow | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Edit user") if user else self.tr("New user"), parent)
        self.user = user
        self.name = QLineEdit(user.name if user else "")
        self.name.setMaxLength(64)
        self.name.setPlaceholderText(self.tr("e.g. mette.h"))
        self.name.setReadOnly(user is not None)  # the name is in every history
        self.full_name = QLineEdit(user.full_name or "" if user else "")
        self.full_name.setMaxLength(MAX_FULL_NAME)
        self.full_name.setPlaceholderText(self.tr("e.g. Mette Hansen"))
        self.job = QLineEdit(user.title or "" if user else "")
        self.job.setMaxLength(MAX_TITLE)
        self.job.setPlaceholderText(self.tr("Optional, e.g. social worker"))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_label(role.value), role.value)
        current = user.role.value if user else Role.THERAPIST.value
        self.role.setCurrentIndex(self.role.findData(current))
        self.form.addRow(self.tr("&User name:"), self.name)
        self.form.addRow(self.tr("&Full name:"), self.full_name)
        self.form.addRow(self.tr("&Title:"), self.job)
        self.form.addRow(self.tr("&Role:"), self.role)
        self.form.addRow(hint(self.tr("The full name and title are printed on notes and letters.")))
        if user is None:
            self.password = password_field(
                self.tr("At least %1 characters").replace("%1", str(MIN_LENGTH))
            )
            self.repeat = password_field()
            self.form.addRow(self.tr("&Password:"), self.password)
            self.form.addRow(self.tr("R&epeat:"), self.repeat)
        else:
            self.active = QCheckBox(self.tr("May sign in (clear to deactivate)"))
            self.active.setChecked(user.active)
            self.form.addRow(self.tr("&Active:"), self.active)
        (self.full_name if user else self.name).setFocus()

    def submit(self) -> None:
        person = {"full_name": self.full_name.text(), "title": self.job.text()}
        if self.user is None:
            if self.password.text() != self.repeat.text():
                raise InvalidInput("password.mismatch")
            add_user(
                self.ctx.acting,
                self.name.text(),
                self.role.currentData(),
                self.password.text(),
                **person,
            )
            return
        update_user(
            self.ctx.acting,
            self.user.id,
            role=self.role.currentData(),
            active=self.active.isChecked(),
            version=self.user.version,
            **person,
        )


class ResetPasswordDialog(FormDialog):
    """An administrator gives a user who forgot theirs a new password."""

    def __init__(self, ctx: UiContext, user: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("New password for %1").replace("%1", user.label),
            parent,
            intro=self.tr(
                "Give the new password to the user in person; they can change it under "
                "File ▸ Change password."
            ),
        )
        self.user = user
        self.password = password_field(
            self.tr("At least %1 characters").replace("%1", str(MIN_LENGTH))
        )
        self.repeat = password_field()
        self.form.addRow(self.tr("&New password:"), self.password)
        self.form.addRow(self.tr("&Repeat:"), self.repeat)

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            raise InvalidInput("password.mismatch")
        reset_password(self.ctx.acting, self.user.id, self.password.text())


class UsersDialog(QDialog):
    """Administration ▸ Users: who works with Traumefokus, in which role, and who no longer."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.users: list[UserRow] = []
        self.setWindowTitle(self.tr("Users"))
        self.resize(760, 460)
        fit_on_show(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User"), self.tr("Full name"), self.tr("Title"), self.tr("Role"),
             self.tr("Active")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda _item: self._edit())
        add = QPushButton(self.tr("&Add user…"))
        add.clicked.connect(self._add)
        edit = QPushButton(self.tr("&Edit…"))
        edit.clicked.connect(self._edit)
        reset = QPushButton(self.tr("New &password…"))
        reset.clicked.connect(self._reset)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        for button in (add, edit, reset):
            button.setAutoDefault(False)
            bottom.addWidget(button)
        bottom.addStretch()
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Users"), scale=1.25))
        layout.addWidget(
            hint(
                self.tr(
                    "Users are never deleted, so that their notes and plan changes keep their "
                    "name: clear Active to stop someone signing in."
                )
            )
        )
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        self.users = list_users(self.ctx.acting)
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            cells = (
                user.name,
                user.full_name or "",
                user.title or "",
                role_label(user.role.value),
                self.tr("yes") if user.active else self.tr("no"),
            )
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def selected(self) -> UserRow | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def _add(self) -> None:
        if UserDialog(self.ctx, self).exec():
            self.reload()

    def _edit(self) -> None:
        user = self.selected()
        if user is not None and UserDialog(self.ctx, self, user).exec():
            self.reload()

    def _reset(self) -> None:
        user = self.selected()
        if user is not None and ResetPasswordDialog(self.ctx, user, self).exec():
            QMessageBox.information(self, self.windowTitle(), self.tr("The new password is saved."))
