"""The first-run wizard's "where is the data" page: this PC, or the office's / city's PostgreSQL server.

The connection is tested on the runner (no database work on the window's thread); the password goes to this PC's
protected store once the server accepts it, and only the address (no password) is remembered in the settings.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget, QWizardPage,
)

from talentdesk.domain.errors import TalentDeskError
from talentdesk.services.base import call_free
from talentdesk.services.city.connect import ServerCheck, check_server, server_address
from talentdesk.ui.common.widgets import error_label
from talentdesk.ui.common.layouts import radio_group
from talentdesk.ui.common.style import error_style, ok_style


class ServerForm(QWidget):
    """Host, port, database, user and password, and a button that tests them."""

    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(self.tr("for example: 192.168.1.20"))
        self.port = QLineEdit("5432", self)
        self.database = QLineEdit("talentdesk", self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.test = QPushButton(self.tr("Test the connection"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.test)
        form.addRow(self.status)
        self.checked: ServerCheck | None = None
        self.test.clicked.connect(self.run_test)
        for w in (self.host, self.port, self.database, self.user, self.password):
            w.textChanged.connect(self._changed)

    def _changed(self, _text: str) -> None:
        self.checked = None
        self.status.clear()

    def run_test(self) -> None:
        try:
            address = server_address(host=self.host.text(), port=self.port.text(), database=self.database.text(),
                                     user=self.user.text())
        except TalentDeskError as exc:
            self._failed(exc)
            return
        self.test.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Connecting…"))
        self.runner.submit(call_free(check_server, address=address, password=self.password.text() or None),
                           key="server-test", on_done=self._passed, on_error=self._failed)

    def _passed(self, result: ServerCheck) -> None:
        self.test.setEnabled(True)
        self.checked = result
        self.status.setStyleSheet(ok_style())
        secure = self.tr("encrypted (TLS)") if result.tls else self.tr("not encrypted: the server offers no TLS")
        data = self.tr("TalentDesk's data is there.") if result.has_data else \
            self.tr("The database is empty; TalentDesk will set it up.")
        self.status.setText(self.tr("Connected to {address} (PostgreSQL {version}), {secure}. {data}").format(
            address=result.address, version=result.server_version, secure=secure, data=data))

    def _failed(self, exc: BaseException) -> None:
        self.test.setEnabled(True)
        self.checked = None
        self.status.setStyleSheet(error_style())
        self.status.setText(getattr(exc, "message", None) or self.tr("The connection failed: {error}").format(
            error=type(exc).__name__))


class LocationPage(QWizardPage):
    """Where the office's data lives. Choosing a server ends the wizard (the server has its own set-up)."""

    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Where is the data?"))
        self.setSubTitle(self.tr("One PC keeps its own database file. Several clerks, or a city with several counties, "
                                 "share one database on a PostgreSQL server."))
        _group, (self.local, self.server) = radio_group(
            self, self.tr("On this PC (a database file; the usual choice for one office)"),
            self.tr("On the office's or the city's database server (PostgreSQL)"))
        self.form = ServerForm(runner, self)
        self.form.setEnabled(False)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        for w in (self.local, self.server, self.form, self.error):
            layout.addWidget(w)
        layout.addStretch(1)
        self.server.toggled.connect(self._toggled)

    def _toggled(self, on: bool) -> None:
        self.form.setEnabled(on)
        self.error.clear()
        self.completeChanged.emit()

    def uses_server(self) -> bool:
        return self.server.isChecked()

    def isFinalPage(self) -> bool:  # noqa: N802
        return self.uses_server()

    def nextId(self) -> int:  # noqa: N802
        return -1 if self.uses_server() else super().nextId()

    def validatePage(self) -> bool:  # noqa: N802
        if self.uses_server() and self.form.checked is None:
            self.error.setText(self.tr("Test the connection to the server first."))
            return False
        return True
