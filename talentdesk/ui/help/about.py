"""The About dialog: version, where the database lives, and when it was last backed up."""
from __future__ import annotations

import datetime as dt
import platform
from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from talentdesk import __version__
from talentdesk.paths import backups_dir_for, resources_dir
from talentdesk.ui.common.style import error_style

BACKUP_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".bak", ".zip")


@dataclass(frozen=True)
class LastBackup:
    path: Path
    when: dt.datetime


def last_backup(db_path: Path | None) -> LastBackup | None:
    """The newest finished backup file in the `backups/` folder beside the database (unfinished `.part` copies and
    other files are ignored), or None."""
    if db_path is None:
        return None
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return None
    newest: LastBackup | None = None
    for p in folder.iterdir():
        if not p.is_file() or p.suffix.lower() not in BACKUP_SUFFIXES:
            continue
        when = dt.datetime.fromtimestamp(p.stat().st_mtime)
        if newest is None or when > newest.when:
            newest = LastBackup(p, when)
    return newest


class AboutDialog(QDialog):
    def __init__(self, db_path: Path | None, db_url: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About TalentDesk"))
        logo = QLabel(self)
        logo.setPixmap(QPixmap(str(resources_dir() / "icons" / "talentdesk-64.png")))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(f"<h2>TalentDesk {__version__}</h2>", self)
        blurb = QLabel(self.tr("Talent records, subsidy ledger, mentor board and growth timeline for the county "
                               "talent work office. Works on this PC without a network."), self)
        blurb.setWordWrap(True)

        self.database_label = QLabel(str(db_path) if db_path else db_url, self)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database_label.setWordWrap(True)
        backup = last_backup(db_path)
        if backup is None:
            text = self.tr("No backup yet")
        else:
            when = backup.when.strftime("%Y-%m-%d %H:%M")  # unambiguous in both languages
            text = self.tr("{when} ({file})").format(when=when, file=backup.path.name)
        self.backup_label = QLabel(text, self)
        self.backup_label.setWordWrap(True)
        self.backup_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if backup is None:
            self.backup_label.setStyleSheet(error_style())
        form = QFormLayout()
        form.addRow(self.tr("Version:"), QLabel(__version__, self))
        form.addRow(self.tr("Database:"), self.database_label)
        form.addRow(self.tr("Last backup:"), self.backup_label)
        form.addRow(self.tr("Built with:"), QLabel(
            f"Python {platform.python_version()}, PySide6 {pyside_version}", self))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        if db_path:
            open_folder = QPushButton(self.tr("Open data folder"), self)
            open_folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(db_path).resolve().parent))))
            buttons.addButton(open_folder, QDialogButtonBox.ButtonRole.ActionRole)

        text_col = QVBoxLayout()
        text_col.addWidget(title)
        text_col.addWidget(blurb)
        text_col.addSpacing(8)
        text_col.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(logo)
        row.addSpacing(12)
        row.addLayout(text_col, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
