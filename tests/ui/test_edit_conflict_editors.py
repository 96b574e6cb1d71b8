"""Every editor of a versioned record answers a save over another clerk's newer version the same way: the one
conflict dialog (ui/common/conflict.py) with mine and theirs field by field, the fields this clerk changed starting on
mine, and the choice saved against the version now stored. One run per kind of editor, through its real window."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from talentdesk.services.base import Actor
from talentdesk.services.common import reference
from talentdesk.services.ledger import budgets
from talentdesk.ui.common import conflict as conflict_ui
from tests.services.test_edit_conflicts import (
    Budgets, CareCases, Employers, Events, Mentors, Policies, Programs, Users, _with,
)


def _employers(ctx, rec, s):
    from talentdesk.ui.talents.employers import EmployersDialog

    dlg = EmployersDialog(ctx)
    dlg._show(rec)
    dlg.fields["contact"].setText("王主任")
    return dlg, dlg._save


def _mentors(ctx, rec, s):
    from talentdesk.ui.mentors.dialogs import MentorDialog

    dlg = MentorDialog(ctx, reference.list_employers(s), mentor=rec)
    dlg.title_edit.setText("主任医师")
    return dlg, dlg.submit


def _policies(ctx, rec, s):
    from talentdesk.services.ledger import policies
    from talentdesk.ui.ledger.dialogs import PolicyDialog

    dlg = PolicyDialog(ctx, reference.list_tiers(s), policies.list_policies(s), rec)
    dlg.notes.setPlainText("我的备注")
    return dlg, dlg._save


def _care(ctx, rec, s):
    from talentdesk.ui.talents.care import CarePanel

    panel = CarePanel(ctx)
    panel.talent_id = rec.talent_id
    panel._fill(rec)
    panel.f["room"].setText("5-502")
    return panel, panel.save_case


def _events(ctx, rec, s):
    from talentdesk.ui.growth.timeline_page import TimelinePage

    page = TimelinePage(ctx)
    page._edit_event(rec)
    dlg = page.event_dialog
    dlg.title.setText("市青年五四奖章")
    return page, dlg.accept


def _programs(ctx, rec, s):
    from talentdesk.ui.growth.training_page import TrainingPage

    page = TrainingPage(ctx)
    page.current_program = lambda: rec
    dlg = page.edit_program()
    dlg.hours.setValue(24)
    return page, dlg.accept


def _budgets(ctx, rec, s):
    from talentdesk.ui.ledger.pages import BudgetsPage

    page = BudgetsPage(ctx)
    page.year.setValue(rec.fiscal_year)
    page._report(budgets.budget_report(s, fiscal_year=rec.fiscal_year))  # the page as the clerk sees it
    page.kind.setCurrentIndex(page.kind.findData(rec.policy_kind))
    page.amount.setText("120000")
    return page, page._save


def _users(ctx, rec, s):
    from talentdesk.ui.safety.users import UsersDialog

    dlg = UsersDialog(ctx)
    dlg._selected = lambda: rec  # the account this administrator picked in the list
    return dlg, lambda: dlg._update(role="approver")


CASES = [(Employers(), _employers), (Mentors(), _mentors), (Policies(), _policies), (CareCases(), _care),
         (Events(), _events), (Programs(), _programs), (Budgets(), _budgets), (Users(), _users)]


@pytest.mark.parametrize("editor,open_ui", CASES, ids=[type(e).__name__ for e, _ in CASES])
def test_the_editor_shows_mine_and_theirs_and_saves_the_choice(qtbot, demo_db, context, monkeypatch, editor,
                                                               open_ui):
    me = Actor.local()
    with demo_db.session(me) as s:
        rec = editor.open(s)
    with demo_db.session(me, readonly=True) as s:
        widget, save = open_ui(context, rec, s)  # this clerk opens the record and types
    qtbot.addWidget(widget)
    with demo_db.session(me) as s:  # clerk B saves the same record first
        editor.save(s, rec, _with(editor.values(rec), editor.theirs), rec.version)
    shown = []

    def choose(dialog):
        shown.append({f: (b.text(), b.isChecked()) for f, b in dialog.keep_mine.items()})
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(conflict_ui.ConflictDialog, "exec", choose)
    save()

    def saved():
        with demo_db.session(me, readonly=True) as s:
            return editor.stored(s, rec)[editor.field] == editor.mine[editor.field]

    qtbot.waitUntil(lambda: bool(shown) and saved(), timeout=15_000)
    assert shown[0][editor.field][1], "the field this clerk changed starts on mine"
    if editor.other:
        assert not shown[0][editor.other][1], "a field this clerk did not change starts on theirs"
        with demo_db.session(me, readonly=True) as s:
            assert editor.stored(s, rec)[editor.other] == editor.theirs[editor.other]  # theirs kept
