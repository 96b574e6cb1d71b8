"""Run by tests/ui/test_small_screen.py in a process of its own whose (offscreen) screen is a 1366×768 laptop at
150 % with the taskbar: 910×485 logical pixels free. Opens the main window and the dialogs, prints one JSON line per
window: its frame and its minimum size against the available area."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication


def main(db_path: str, settings_path: str) -> None:
    from talentdesk.app import make_application, open_main_window
    from talentdesk.services.base import Database

    app = make_application(lang="zh_CN")
    database = Database.open(Path(db_path))
    window = open_main_window(database, settings=QSettings(settings_path, QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    ctx = window.context

    from talentdesk.ui.help.about import AboutDialog
    from talentdesk.ui.help.window import HelpWindow
    from talentdesk.ui.ledger.dialogs import GrantDialog, MarkPaidDialog, PolicyDialog, ReasonDialog, VerifyDialog
    from talentdesk.ui.ledger.movein import PaymentImportDialog
    from talentdesk.ui.mentors.dialogs import CheckInDialog, MentorDialog, RolesDialog
    from talentdesk.ui.safety.audit_view import AuditDialog
    from talentdesk.ui.safety.backup_dialog import BackupDialog
    from talentdesk.ui.safety.users import PasswordDialog, UsersDialog
    from talentdesk.ui.talents.editor import TalentEditorDialog
    from talentdesk.ui.talents.employers import EmployersDialog
    from talentdesk.ui.talents.import_dialog import ImportDialog

    today = dt.date(2025, 6, 1)
    makers = {
        "TalentEditorDialog": lambda: TalentEditorDialog(ctx, parent=window),
        "ImportDialog": lambda: ImportDialog(ctx, parent=window),
        "EmployersDialog": lambda: EmployersDialog(ctx, parent=window),
        "PolicyDialog": lambda: PolicyDialog(ctx, [], [], parent=window),
        "GrantDialog": lambda: GrantDialog(ctx, [], parent=window),
        "MarkPaidDialog": lambda: MarkPaidDialog(ctx, [1, 2, 3], 1_200_000, parent=window),
        "ReasonDialog": lambda: ReasonDialog("撤销", "原因", parent=window, with_amount=True),
        "VerifyDialog": lambda: VerifyDialog(ctx, parent=window),
        "PaymentImportDialog": lambda: PaymentImportDialog(ctx, parent=window),
        "CheckInDialog": lambda: CheckInDialog(ctx, talent_name="张伟", mentor_name="李娜", pairings=[(1, "张伟")],
                                               today=today, parent=window),
        "MentorDialog": lambda: MentorDialog(ctx, [], parent=window),
        "RolesDialog": lambda: RolesDialog(ctx, parent=window),
        "AuditDialog": lambda: AuditDialog(ctx, parent=window),
        "BackupDialog": lambda: BackupDialog(ctx, parent=window),
        "UsersDialog": lambda: UsersDialog(ctx, parent=window),
        "PasswordDialog": lambda: PasswordDialog(window, title="新用户", with_account=True),
        "AboutDialog": lambda: AboutDialog(Path(db_path), parent=window),
        "HelpWindow": lambda: HelpWindow(window),
    }
    area = window.screen().availableGeometry()

    def report(name, w, error=""):
        f = w.frameGeometry() if w is not None else None
        m = w.minimumSizeHint() if w is not None else None
        print(json.dumps({"name": name, "error": error, "area": [area.x(), area.y(), area.width(), area.height()],
                          "frame": [f.x(), f.y(), f.width(), f.height()] if f else None,
                          "size": [w.width(), w.height()] if w is not None else None,
                          "min": [max(m.width(), w.minimumWidth()), max(m.height(), w.minimumHeight())] if m else None}),
              flush=True)

    for _ in range(20):
        app.processEvents()
    report("MainWindow", window)
    for name, make in makers.items():
        try:
            w = make()
        except Exception as exc:  # noqa: BLE001 - reported, the test fails on it
            report(name, None, f"{type(exc).__name__}: {exc}")
            continue
        w.show()
        for _ in range(5):
            app.processEvents()
        report(name, w)
        w.close()
        w.deleteLater()
    window.close()
    window.context.runner.shutdown()
    database.dispose()
    QApplication.processEvents()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
