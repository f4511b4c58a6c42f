"""Creating and editing clients; the administrator's list of users."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
from traumefokus.domain.vocabulary import Role
from traumefokus.errors import InvalidInput, TraumefokusError
from traumefokus.services.clients import ClientInfo, add_client, known_sites, update_client
from traumefokus.services.users import add_user, list_users, update_user
from traumefokus.ui.context import UiContext
from traumefokus.ui.forms import FormDialog
from traumefokus.ui.labels import role_label
from traumefokus.ui.style import heading, hint, show_problem


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
        assert ctx.db is not None
        self.client = client
        self.saved: ClientInfo | None = None
        self.code = QLineEdit(client.code if client else "")
        self.code.setMaxLength(32)
        self.code.setPlaceholderText(self.tr("e.g. K-0231"))
        self.code.textChanged.connect(self._check_code)
        self.display_name = QLineEdit(client.display_name or "" if client else "")
        self.display_name.setMaxLength(200)
        self.display_name.setPlaceholderText(self.tr("Optional"))
        self.site = QComboBox()
        self.site.setEditable(True)
        self.site.addItems(known_sites(ctx.db))
        self.site.setCurrentText(client.site if client else "")
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

    def _check_code(self, text: str) -> None:
        try:
            if text.strip():
                clean_client_code(text)
        except InvalidInput as error:
            show_problem(self.problem, self.ctx.describe(error))
        else:
            show_problem(self.problem, None)

    def submit(self) -> None:
        assert self.ctx.db is not None and self.ctx.actor is not None
        fields = {"display_name": self.display_name.text(), "site": self.site.currentText()}
        if self.client is None:
            self.saved = add_client(self.ctx.db, self.ctx.actor, self.code.text(), **fields)
        else:
            self.saved = update_client(
                self.ctx.db,
                self.ctx.actor,
                self.client.id,
                code=self.code.text(),
                version=self.client.version,
                **fields,
            )


class NewUserDialog(FormDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New user"), parent)
        self.name = QLineEdit()
        self.name.setMaxLength(64)
        self.name.setPlaceholderText(self.tr("e.g. mette.h"))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_label(role.value), role.value)
        self.role.setCurrentIndex(self.role.findData(Role.THERAPIST.value))
        self.form.addRow(self.tr("&User name:"), self.name)
        self.form.addRow(self.tr("&Role:"), self.role)

    def submit(self) -> None:
        assert self.ctx.db is not None and self.ctx.actor is not None
        add_user(self.ctx.db, self.ctx.actor, self.name.text(), self.role.currentData())


class UsersDialog(QDialog):
    """Administration ▸ Users: who works with Traumefokus, in which role, and who no longer."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Users"))
        self.resize(620, 440)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("User"), self.tr("Role"), self.tr("Active")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        add = QPushButton(self.tr("&Add user…"))
        add.clicked.connect(self._add)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(add)
        bottom.addStretch()
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Users"), scale=1.25))
        layout.addWidget(
            hint(
                self.tr(
                    "Change a role or clear Active to stop someone signing in; users are never "
                    "deleted, so that their notes and plan changes keep their name."
                )
            )
        )
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        assert self.ctx.db is not None and self.ctx.actor is not None
        users = list_users(self.ctx.db, self.ctx.actor)
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            self.table.setItem(row, 0, QTableWidgetItem(user.name))
            role = QComboBox()
            for choice in Role:
                role.addItem(role_label(choice.value), choice.value)
            role.setCurrentIndex(role.findData(user.role.value))
            active = QCheckBox()
            active.setChecked(user.active)
            cell = QWidget()
            cell_layout = QHBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.addWidget(active, alignment=Qt.AlignmentFlag.AlignCenter)
            role.currentIndexChanged.connect(
                lambda _i, u=user, r=role, a=active: self._change(u, r, a)
            )
            active.toggled.connect(lambda _c, u=user, r=role, a=active: self._change(u, r, a))
            self.table.setCellWidget(row, 1, role)
            self.table.setCellWidget(row, 2, cell)

    def _change(self, user: object, role: QComboBox, active: QCheckBox) -> None:
        assert self.ctx.db is not None and self.ctx.actor is not None
        try:
            update_user(
                self.ctx.db,
                self.ctx.actor,
                user.id,
                role=role.currentData(),
                active=active.isChecked(),
                version=user.version,
            )
        except TraumefokusError as error:
            QMessageBox.warning(self, self.windowTitle(), self.ctx.describe(error))
        self.reload()

    def _add(self) -> None:
        if NewUserDialog(self.ctx, self).exec():
            self.reload()
