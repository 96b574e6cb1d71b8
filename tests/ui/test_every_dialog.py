"""Every dialog of the program opens on a demo database, loads what it loads, and closes — with no database work
on the window's thread (the guard in conftest.py fails the test otherwise), no exception, and no crash (pytest
runs with faulthandler, which prints every thread's stack if the process dies).

The list of dialogs is found, not written down: every QDialog subclass under talentdesk/ui/ must have a recipe
below, so a new dialog cannot slip past this test.
"""
from __future__ import annotations

import datetime as dt
import gc
import importlib
import pkgutil

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox, QWizard
from sqlalchemy import select

import talentdesk.ui
from talentdesk.domain.models import Payment, Talent
from talentdesk.services.base import Actor
from talentdesk.services.common import reference
from talentdesk.services.growth import training
from talentdesk.services.ledger import policies
from talentdesk.services.mentors import board as board_data
from talentdesk.services.mentors import pool
from talentdesk.services.talents import records

from tests.conftest import TODAY
from tests.support import copied_database


def _dialog_classes() -> dict[str, type]:
    for info in pkgutil.walk_packages(talentdesk.ui.__path__, "talentdesk.ui."):
        importlib.import_module(info.name)
    found: dict[str, type] = {}
    todo = [QDialog]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("talentdesk.ui.") and not sub.__name__.startswith("_"):
                found[f"{sub.__module__}.{sub.__qualname__}"] = sub
    return found


@pytest.fixture(scope="module")
def demo_copy(_demo_template, tmp_path_factory):
    with copied_database(_demo_template, tmp_path_factory.mktemp("dialogs") / "demo.db") as database:
        yield database


@pytest.fixture(scope="module")
def window(demo_copy, tmp_path_factory):
    """One main window for every dialog (building one per dialog would double the time)."""
    from talentdesk.app import make_application, open_main_window
    from talentdesk.ui.common.waiting import pump_until

    make_application(lang="en")
    boxes: list[str] = []

    def no_box(*args, **kwargs):  # a message box would block the test; record it instead, and fail below
        boxes.append(" ".join(str(a) for a in args[1:3]))
        return QMessageBox.StandardButton.Ok

    with pytest.MonkeyPatch.context() as mp:
        for name in ("critical", "warning", "information", "question"):
            mp.setattr(QMessageBox, name, staticmethod(no_box))
        settings = tmp_path_factory.mktemp("settings") / "s.ini"
        w = open_main_window(demo_copy, settings=QSettings(str(settings), QSettings.Format.IniFormat))
        w.show()
        assert pump_until(lambda: w.tabs.currentWidget().loaded, 20)
        w.message_boxes = boxes
        yield w
        w.context.runner.shutdown()
        w.close()
        w.deleteLater()


def _data(database):
    """What the dialogs are opened on, read the way the tabs read it (here on the test's own thread)."""
    actor = Actor.local()
    with database.session(actor, readonly=True) as s:
        talent_id = s.scalar(select(Talent.id).where(Talent.status == "active").order_by(Talent.id).limit(1))
        payments = list(s.scalars(select(Payment.id).where(Payment.status == "approved").order_by(Payment.id).limit(2)))
        board = board_data.board(s, today=TODAY)
        column = next(c for c in board.columns if c.cards)
        return {
            "talent_id": talent_id,
            "payments": payments,
            "detail": records.get_talent(s, talent_id=talent_id),
            "tiers": reference.list_tiers(s),
            "employers": reference.list_employers(s),
            "policies": policies.list_policies(s),
            "programs": training.list_programs(s, year=TODAY.year) or training.list_programs(s),
            "roles": pool.list_roles(s),
            "mentors": pool.list_mentors(s),
            "column": column,
            "other_column": next(c for c in board.columns if c is not column),
            "card": column.cards[0],
            "unpaired": board.unpaired[0] if board.unpaired else column.cards[0],
        }


def _recipes(window, d):
    """Dialog class name -> how the program opens it."""
    from talentdesk.ui.common.settings_dialog import SettingsDialog
    from talentdesk.ui.common.unsaved import GuardedDialog
    from talentdesk.ui.growth import dialogs as growth
    from talentdesk.ui.help.about import AboutDialog
    from talentdesk.ui.ledger import dialogs as ledger
    from talentdesk.services.ledger.policy_import import import_policies
    from talentdesk.ui.common.file_import import FileImportDialog
    from talentdesk.ui.ledger.movein import PaymentImportDialog
    from talentdesk.ui.wizard.movein import MoveInGuide
    from talentdesk.ui.ledger.sweep_page import RulesDialog
    from talentdesk.ui.ledger.tab import CertificateChoiceDialog
    from talentdesk.ui.ledger.batch_page import FormDialog, date_edit
    from talentdesk.services.ledger.eligibility import Rules
    from talentdesk.ui.mentors import dialogs as mentors
    from talentdesk.ui.safety.audit_view import AuditDialog
    from talentdesk.ui.safety.backup_dialog import BackupDialog
    from talentdesk.services.safety.encryption import Encrypted
    from talentdesk.ui.safety.encryption import EncryptionDialog, RecoveryKeyDialog
    from talentdesk.ui.safety.login import LoginDialog
    from talentdesk.ui.safety.users import PasswordDialog, UsersDialog
    from talentdesk.ui.talents.departure import DepartureDialog
    from talentdesk.ui.talents.editor import TalentEditorDialog
    from talentdesk.ui.talents.employers import EmployersDialog
    from talentdesk.ui.talents.import_dialog import ImportDialog
    from talentdesk.ui.wizard.wizard import open_wizard

    c, w = window.context, window
    program = d["programs"][0]
    return {
        "talentdesk.ui.talents.editor.TalentEditorDialog": lambda: TalentEditorDialog(c, d["talent_id"], w),
        "talentdesk.ui.common.conflict.ConflictDialog": lambda: _conflict_dialog(w),
        "talentdesk.ui.talents.employers.EmployersDialog": lambda: EmployersDialog(c, w),
        "talentdesk.ui.talents.departure.DepartureDialog": lambda: DepartureDialog(c, d["detail"], w),
        "talentdesk.ui.talents.import_dialog.ImportDialog": lambda: ImportDialog(c, w),
        "talentdesk.ui.ledger.dialogs.PolicyDialog": lambda: ledger.PolicyDialog(c, d["tiers"], d["policies"],
                                                                                d["policies"][0], w),
        "talentdesk.ui.ledger.dialogs.GrantDialog": lambda: ledger.GrantDialog(c, d["policies"], d["policies"][0].id, w),
        "talentdesk.ui.ledger.dialogs.MarkPaidDialog": lambda: ledger.MarkPaidDialog(c, d["payments"], 1_500_000, w),
        "talentdesk.ui.ledger.movein.PaymentImportDialog": lambda: PaymentImportDialog(c, w),
        "talentdesk.ui.common.file_import.FileImportDialog": lambda: FileImportDialog(
            c, w, operation=import_policies, title="Import policies", intro="One row per policy."),
        "talentdesk.ui.wizard.movein.MoveInGuide": lambda: MoveInGuide(c, w),
        "talentdesk.ui.common.unsaved.GuardedDialog": lambda: GuardedDialog(w),
        "talentdesk.ui.common.settings_dialog.SettingsDialog": lambda: SettingsDialog(c, w),
        "talentdesk.ui.ledger.dialogs.ReasonDialog": lambda: ledger.ReasonDialog("Waive", "Why?", w, amount=10000,
                                                                                with_amount=True),
        "talentdesk.ui.ledger.dialogs.VerifyDialog": lambda: ledger.VerifyDialog(c, w),
        "talentdesk.ui.ledger.tab.CertificateChoiceDialog": lambda: CertificateChoiceDialog(2, w),
        "talentdesk.ui.ledger.batch_page.FormDialog": lambda: FormDialog(
            "New payment batch", [("due_by", "Instalments due by", date_edit(TODAY))], w, note="A note."),
        "talentdesk.ui.ledger.sweep_page.RulesDialog": lambda: RulesDialog(
            c, d["policies"][0].id, d["policies"][0].name, Rules(materials=("diploma",), max_age=35), w),
        "talentdesk.ui.mentors.dialogs.ServiceDialog": lambda: mentors.ServiceDialog(c, w),
        "talentdesk.ui.mentors.dialogs.PairDialog": lambda: mentors.PairDialog(
            c, d["unpaired"], d["column"], d["roles"], role_id=d["roles"][0].id, cadence_days=30, today=TODAY, parent=w),
        "talentdesk.ui.mentors.dialogs.ReassignDialog": lambda: mentors.ReassignDialog(
            c, d["card"], d["column"], d["other_column"], today=TODAY, parent=w),
        "talentdesk.ui.mentors.dialogs.EndPairingDialog": lambda: mentors.EndPairingDialog(
            c, d["card"], d["column"].name, today=TODAY, parent=w),
        "talentdesk.ui.mentors.dialogs.CheckInDialog": lambda: mentors.CheckInDialog(
            c, talent_name=d["card"].talent_name, mentor_name=d["column"].name,
            pairings=[(r.pairing_id, r.role_name) for r in d["card"].roles], today=TODAY, parent=w),
        "talentdesk.ui.mentors.dialogs.MentorDialog": lambda: mentors.MentorDialog(c, d["employers"],
                                                                                  mentor=d["mentors"][0], parent=w),
        "talentdesk.ui.mentors.dialogs.RolesDialog": lambda: mentors.RolesDialog(c, w),
        "talentdesk.ui.growth.dialogs.EventDialog": lambda: growth.EventDialog(w, talent_id=d["talent_id"],
                                                                              talent_name=d["detail"].name),
        "talentdesk.ui.growth.dialogs.ProgramDialog": lambda: growth.ProgramDialog(w, year=TODAY.year, program=program),
        "talentdesk.ui.growth.dialogs.EnrolDialog": lambda: growth.EnrolDialog(w, program=program, tiers=d["tiers"],
                                                                              employers=d["employers"]),
        "talentdesk.ui.growth.dialogs.CompletionDialog": lambda: growth.CompletionDialog(w, count=2, program=program),
        "talentdesk.ui.growth.dialogs.PickTalentsDialog": lambda: growth.PickTalentsDialog(
            w, program=program, search=lambda text, on_rows: on_rows([])),
        "talentdesk.ui.help.about.AboutDialog": lambda: AboutDialog(c.database.path, "", w),
        "talentdesk.ui.safety.audit_view.AuditDialog": lambda: AuditDialog(c, w),
        "talentdesk.ui.safety.backup_dialog.BackupDialog": lambda: BackupDialog(c, w),
        "talentdesk.ui.safety.users.UsersDialog": lambda: UsersDialog(c, w),
        "talentdesk.ui.safety.users.PasswordDialog": lambda: PasswordDialog(w, title="Password", with_account=True),
        "talentdesk.ui.safety.login.LoginDialog": lambda: LoginDialog(c.database, w),
        "talentdesk.ui.safety.encryption.EncryptionDialog": lambda: EncryptionDialog(c, w),
        "talentdesk.ui.safety.encryption.RecoveryKeyDialog": lambda: RecoveryKeyDialog(Encrypted(
            c.database.path, c.database.path, "TDRK-AAAA-BBBB", backups_encrypted=2), w),
        "talentdesk.ui.wizard.wizard.FirstRunWizard": lambda: open_wizard(c.runner, db_path=c.database.path, parent=w),
    }


def _conflict_dialog(parent):
    from talentdesk.domain.errors import EditConflict
    from talentdesk.ui.common.conflict import ConflictDialog

    conflict = EditConflict("王芳 saved the record after you opened it.", mine={"post": "科长", "notes": "我的"},
                            theirs={"post": "副科长", "notes": "他的"}, labels={"post": "岗位", "notes": "备注"},
                            theirs_version=3)
    return ConflictDialog(conflict, changed_here={"post"}, parent=parent)


def test_every_dialog_has_a_recipe(window, demo_copy):
    recipes = _recipes(window, _data(demo_copy))
    found = set(_dialog_classes())
    assert found, "no dialogs found"
    assert found - set(recipes) == set(), "a dialog without a recipe in this test"
    assert set(recipes) - found == set(), "a recipe for a dialog that no longer exists"


NAMES = sorted(n for n in _dialog_classes())


@pytest.mark.parametrize("name", NAMES)
def test_the_dialog_opens_loads_and_closes(qtbot, window, demo_copy, name):
    recipe = _recipes(window, _data(demo_copy))[name]
    for _round in range(2):  # twice: the second opening meets whatever the first one left behind
        dialog = recipe()
        assert isinstance(dialog, (QDialog, QWizard))
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: window.context.runner.pending() == 0, timeout=20000)
        dialog.reject()
        dialog.deleteLater()
        del dialog
        qtbot.wait(20)
        gc.collect()
        qtbot.waitUntil(lambda: window.context.runner.pending() == 0, timeout=20000)
    assert window.message_boxes == []
    # the window still works afterwards
    window.tabs.setCurrentWidget(window.talents)
    qtbot.waitUntil(lambda: window.talents.loaded, timeout=20000)
    assert window.isVisible()
