"""The first start: no users yet, so the first person to start the program becomes the
administrator, with a password of their own."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from traumefokus.domain.passwords import MIN_LENGTH, check_new_password
from traumefokus.domain.users import MAX_FULL_NAME, MAX_TITLE, clean_person, clean_user_name
from traumefokus.errors import InvalidInput
from traumefokus.ui.context import UiContext
from traumefokus.ui.fit import fit_on_show
from traumefokus.ui.forms import attempt
from traumefokus.ui.sign_in import password_field
from traumefokus.ui.style import heading, hint, problem_label


class FirstUserDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.recovery_key = ""  # of the database this dialog encrypted, until it is shown
        self.setWindowTitle(self.tr("Welcome to Traumefokus"))
        self.setMinimumWidth(520)
        fit_on_show(self)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. mette.h"))
        self.name.setMaxLength(64)
        self.full_name = QLineEdit()
        self.full_name.setMaxLength(MAX_FULL_NAME)
        self.full_name.setPlaceholderText(self.tr("e.g. Mette Hansen"))
        self.job = QLineEdit()
        self.job.setMaxLength(MAX_TITLE)
        self.job.setPlaceholderText(self.tr("Optional, e.g. social worker"))
        self.password = password_field(
            self.tr("At least %1 characters").replace("%1", str(MIN_LENGTH))
        )
        self.repeat = password_field()
        self.problem = problem_label()

        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.name)
        form.addRow(
            "", hint(self.tr("Letters, digits, dot, hyphen or underscore, starting with a letter."))
        )
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&Title:"), self.job)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat the password:"), self.repeat)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(
            self.tr("Create administrator"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Welcome to Traumefokus")))
        layout.addWidget(
            hint(
                self.tr(
                    "There are no users yet. Create the first user: they become the administrator "
                    "and can then add therapists, supervisors and coders."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(hint(self.tr("Data is kept in: %1").replace("%1", ctx.workspace.where)))
        layout.addStretch()
        layout.addWidget(buttons)
        self.create_button.setDefault(True)  # only once the button is inside the dialog
        self.name.setFocus()

    def accept(self) -> None:
        if attempt(self, self.ctx, self.problem, self._create):
            if self.recovery_key:  # shown once, kept before anything else happens
                from traumefokus.ui.recovery_key_dialog import RecoveryKeyDialog

                RecoveryKeyDialog(self.ctx, self.recovery_key, self).exec()
                self.recovery_key = ""
            super().accept()
        else:
            self.name.setFocus()

    def _create(self) -> None:
        from traumefokus.services.users import create_first_admin

        # Everything typed is checked before a database is made for nothing.
        name = clean_user_name(self.name.text())
        full_name, title = clean_person(self.full_name.text(), self.job.text())
        password = check_new_password(self.password.text())
        if password != self.repeat.text():
            raise InvalidInput("password.mismatch")
        db = self.ctx.db
        if db is not None and db.target.file is not None and db.keys.key() is None:
            db.close()  # a plain one without users (from before encryption): made anew
            self.ctx.db = None
        if self.ctx.db is None:  # a new database is encrypted from its first byte
            from traumefokus.services.encryption import create_encrypted

            self.ctx.db, self.recovery_key = create_encrypted(self.ctx.workspace)
        actor = create_first_admin(self.ctx.db, name, password, full_name=full_name, title=title)
        self.ctx.sign_in(actor)
