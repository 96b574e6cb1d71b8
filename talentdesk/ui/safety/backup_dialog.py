"""Backup and restore: when the last backup was made (with a warning when old), the kept backups, a second
folder (USB stick), back up now, restore a backup, and the full integrity check."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication, QDialog, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
    QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from talentdesk.services.base import Permission, call, call_free
from talentdesk.services.common.settings import set_setting
from talentdesk.services.safety import backups
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.errors import show_error
from talentdesk.ui.common.screen import fit_to_screen
from talentdesk.ui.common.file_dialogs import open_file_name
from talentdesk.ui.common.style import error_style, ok_style


class BackupDialog(QDialog):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.db_path = Path(context.database.path) if context.database.path else None
        self.setWindowTitle(self.tr("Backup and restore"))
        fit_to_screen(self, 820, 560)
        layout = QVBoxLayout(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 14px;")
        layout.addWidget(self.status)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        self.model = RowTableModel([
            Column(self.tr("Made at"), lambda b: f"{b.made_at:%Y-%m-%d %H:%M:%S}"),
            Column(self.tr("Why"), lambda b: self._reason(b.reason)),
            Column(self.tr("Size"), lambda b: f"{b.size / 1_048_576:.1f} MB", align_right=True),
            Column(self.tr("File"), lambda b: b.path.name),
        ], self)
        self.view = make_table_view(self.model, self)
        self.view.setColumnWidth(0, 160)
        self.view.setColumnWidth(1, 200)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        self.backup_btn = QPushButton(self.tr("Back up now"), self)
        self.restore_btn = QPushButton(self.tr("Restore selected backup…"), self)
        self.restore_file_btn = QPushButton(self.tr("Restore from a file…"), self)
        self.check_btn = QPushButton(self.tr("Check the database"), self)
        for b in (self.backup_btn, self.restore_btn, self.restore_file_btn, self.check_btn):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.progress = QProgressBar(self)
        self.progress.hide()
        layout.addWidget(self.progress)
        second = QGroupBox(self.tr("Second copy (for example a USB stick)"), self)
        srow = QHBoxLayout(second)
        self.second = QLineEdit(self)
        self.second.setPlaceholderText(self.tr("No second folder"))
        browse = QPushButton(self.tr("Choose…"), self)
        save = QPushButton(self.tr("Save"), self)
        srow.addWidget(self.second)
        srow.addWidget(browse)
        srow.addWidget(save)
        layout.addWidget(second)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(120)
        self.report.hide()
        layout.addWidget(self.report)
        actor = context.actor
        self.backup_btn.setEnabled(actor.can(Permission.BACKUP_RUN))
        for b in (self.restore_btn, self.restore_file_btn):
            b.setEnabled(actor.can(Permission.BACKUP_RESTORE))
        for w in (self.second, browse, save):
            w.setEnabled(actor.can(Permission.SETTINGS_MANAGE))
        self.backup_btn.clicked.connect(self.backup_now)
        self.restore_btn.clicked.connect(self.restore_selected)
        self.restore_file_btn.clicked.connect(self.restore_from_file)
        self.check_btn.clicked.connect(self.check)
        browse.clicked.connect(self._browse)
        save.clicked.connect(self._save_second)
        self._second_loaded = False
        self.refresh()

    def _reason(self, reason: str) -> str:
        labels = {"daily": self.tr("daily (automatic)"), "manual": self.tr("on demand"),
                  "pre-restore": self.tr("before a restore"), "pre-import": self.tr("before an import"),
                  "import": self.tr("before an import")}
        if reason.startswith("pre-migrate"):
            return self.tr("before an upgrade")
        return labels.get(reason, reason)

    def refresh(self) -> None:
        if self.db_path is None:
            self.status.setText(self.tr("This database is on a server; back it up with the server's tools."))
            for b in (self.backup_btn, self.restore_btn, self.restore_file_btn, self.check_btn):
                b.setEnabled(False)
            return
        self.context.runner.submit(call(backups.backup_overview), key=f"backup-dialog-{id(self)}",
                                   on_done=self._show, on_error=lambda e: show_error(self, e))

    def _show(self, overview: backups.BackupOverview) -> None:
        st = overview.status
        if st is None:
            return
        self.status.setText(st.message())
        self.status.setStyleSheet("font-size: 14px; " + (error_style() if st.old else ok_style()))
        self.where.setText(self.tr("Backups are kept in {folder}: the last 7 days, 4 weeks and 12 months.").format(
            folder=st.folder))
        self.model.set_rows(list(overview.backups))
        if not self._second_loaded:
            self._second_loaded = True
            self.second.setText(overview.second_folder)

    # ------------------------------------------------------------ actions
    def backup_now(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.backup_btn.setEnabled(False)
        self.context.runner.submit(call(backups.run_backup, reason="manual"), on_done=self._backed_up, on_error=self._failed, on_progress=self._progress)

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _backed_up(self, result) -> None:
        self.progress.hide()
        self.backup_btn.setEnabled(True)
        self.refresh()
        text = self.tr("Backup written and checked:\n{path}").format(path=result.path)
        if result.second_path:
            text += "\n" + self.tr("Copied to {path}").format(path=result.second_path)
        if result.second_error:
            QMessageBox.warning(self, self.windowTitle(), text + "\n\n" + result.second_error)
        else:
            QMessageBox.information(self, self.windowTitle(), text)

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.backup_btn.setEnabled(self.context.actor.can(Permission.BACKUP_RUN))
        show_error(self, exc)

    def restore_selected(self) -> None:
        idx = self.view.currentIndex()
        if not idx.isValid():
            QMessageBox.information(self, self.windowTitle(), self.tr("Select a backup in the list first."))
            return
        self.restore(self.model.row_at(idx.row()).path)

    def restore_from_file(self) -> None:
        path, _ = open_file_name(self, self.tr("Choose a backup"), self.tr("TalentDesk databases (*.db);;All files (*)"),
                                 start=str(self.db_path.parent))
        if path:
            self.restore(Path(path))

    def restore(self, path: Path) -> None:
        """Judge the file first (off the window's thread), ask, then restore on the exclusive lane."""
        self.context.runner.submit(call_free(backups.check_candidate, path=path),
                                   on_done=lambda candidate: self._confirm_restore(path, candidate),
                                   on_error=lambda e: show_error(self, e))

    def _confirm_restore(self, path: Path, candidate: backups.BackupCandidate) -> None:
        answer = QMessageBox.question(
            self, self.tr("Restore"),
            self.tr("Replace the current database with this backup?\n\n{name}\n{talents} talents, {entries} ledger "
                    "entries, {users} accounts.\n\nThe current database is backed up first. TalentDesk closes "
                    "afterwards; start it again and log in.").format(
                name=path.name, talents=candidate.talents, entries=candidate.ledger_entries, users=candidate.users))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.progress.setRange(0, 0)
        self.progress.show()
        self.context.runner.submit(call(backups.restore, source=path), on_done=self._restored, on_error=self._failed)

    def _restored(self, result) -> None:
        self.progress.hide()
        QMessageBox.information(self, self.tr("Restore"), self.tr(
            "The backup was restored. The previous database was saved as\n{path}\n\nTalentDesk will now close; "
            "start it again.").format(path=result.safety_backup))
        QApplication.instance().closeAllWindows()

    def check(self) -> None:
        self.check_btn.setEnabled(False)
        self.context.runner.submit(call(backups.check_database), on_done=self._checked,
                                   on_error=lambda e: (self.check_btn.setEnabled(True), show_error(self, e)))

    def _checked(self, report) -> None:
        self.check_btn.setEnabled(True)
        self.report.setPlainText(report.text())
        self.report.show()
        if not report.ok:
            QMessageBox.warning(self, self.tr("Check the database"), self.tr(
                "The check found problems; see the report below.") + (
                "\n\n" + self.tr("Newest good backup: {path}").format(path=report.good_backup)
                if report.good_backup else ""))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Second backup folder"), self.second.text())
        if folder:
            self.second.setText(folder)

    def _save_second(self) -> None:
        self.context.runner.submit(call(set_setting, key="backup_second_folder", value=self.second.text().strip()), on_done=lambda _r: QMessageBox.information(
                                       self, self.windowTitle(), self.tr("Saved. The next backup is also copied "
                                                                         "there.")), on_error=lambda e: show_error(self, e))
