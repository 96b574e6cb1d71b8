"""Every editor asks before discarding typing (issue 22: closing a talent record lost the changes without asking)."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from talentdesk.ui.common import unsaved


@pytest.fixture
def asked(monkeypatch):
    answers = {"discard": False, "asked": 0}

    def ask(_parent):
        answers["asked"] += 1
        return answers["discard"]

    monkeypatch.setattr(unsaved, "ask_discard", ask)
    return answers


def _one(db, sql):
    with sqlite3.connect(db.path) as c:
        return c.execute(sql).fetchone()


def _talent_editor(ctx):
    from talentdesk.ui.talents.editor import TalentEditorDialog

    (tid,) = _one(ctx.database, "SELECT id FROM talents WHERE status = 'active' ORDER BY id LIMIT 1")
    dlg = TalentEditorDialog(ctx, tid)
    return dlg, lambda: dlg.form.widgets["post"]


def _care_case(ctx):
    dlg, _ = _talent_editor(ctx)
    return dlg, lambda: dlg.care.f["title"]


def _employers(ctx):
    from talentdesk.ui.talents.employers import EmployersDialog

    dlg = EmployersDialog(ctx)
    return dlg, lambda: dlg.fields["name"]


def _departure(ctx):
    from talentdesk.services.talents import records
    from talentdesk.ui.talents.departure import DepartureDialog

    (tid,) = _one(ctx.database, "SELECT id FROM talents WHERE status = 'active' ORDER BY id LIMIT 1")
    with ctx.database.session(ctx.actor, readonly=True) as s:
        detail = records.get_talent(s, talent_id=tid)
    dlg = DepartureDialog(ctx, detail)
    return dlg, lambda: dlg.reason


def _mentor(ctx):
    from talentdesk.ui.mentors.dialogs import MentorDialog

    dlg = MentorDialog(ctx, [])
    return dlg, lambda: dlg.name


def _checkin(ctx):
    from talentdesk.ui.mentors.dialogs import CheckInDialog

    dlg = CheckInDialog(ctx, talent_name="张三", mentor_name="李四", pairings=[(1, "业务导师")], today=dt.date.today())
    return dlg, lambda: next(w for w in dlg.findChildren(QPlainTextEdit))


def _roles(ctx):
    from talentdesk.ui.mentors.dialogs import RolesDialog

    dlg = RolesDialog(ctx)
    return dlg, lambda: dlg.name


def _policy(ctx):
    from talentdesk.ui.ledger.dialogs import PolicyDialog

    dlg = PolicyDialog(ctx, [], [])
    return dlg, lambda: dlg.name


def _grant(ctx):
    from talentdesk.ui.ledger.dialogs import GrantDialog

    dlg = GrantDialog(ctx, [])
    return dlg, lambda: dlg.override


def _event(ctx):
    from talentdesk.ui.growth.dialogs import EventDialog

    dlg = EventDialog(None, talent_id=1, talent_name="张三")
    return dlg, lambda: dlg.title


def _program(ctx):
    from talentdesk.ui.growth.dialogs import ProgramDialog

    dlg = ProgramDialog(None, year=dt.date.today().year)
    return dlg, lambda: dlg.name


def _user(ctx):
    from talentdesk.ui.safety.users import PasswordDialog

    dlg = PasswordDialog(None, title="Add account", with_account=True)
    return dlg, lambda: dlg.username


EDITORS = [_talent_editor, _care_case, _employers, _departure, _mentor, _checkin, _roles, _policy, _grant, _event,
           _program, _user]


@pytest.mark.parametrize("make", EDITORS, ids=[f.__name__.strip("_") for f in EDITORS])
def test_every_editor_asks_before_discarding_typing(qtbot, context, asked, make):
    dlg, field = make(context)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: context.runner.pending() == 0, timeout=15000)
    qtbot.wait(50)
    if hasattr(dlg, "care") and field() is dlg.care.f["title"]:
        dlg.pages.setCurrentWidget(dlg.care)
    dlg.reject()  # nothing typed: closes without asking
    assert asked["asked"] == 0 and not dlg.isVisible()
    dlg.show()
    widget = field()
    widget.setFocus()
    qtbot.keyClicks(widget, "xyz")
    dlg.reject()
    assert asked["asked"] == 1 and dlg.isVisible(), "typing was discarded without asking"
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert asked["asked"] == 2 and dlg.isVisible()
    asked["discard"] = True
    dlg.close()
    assert asked["asked"] == 3 and not dlg.isVisible()


def test_a_care_case_or_employer_being_typed_is_not_lost_by_picking_another_row(qtbot, context, asked):
    dlg, field = _employers(context)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.model.rowCount() > 1, timeout=15000)
    dlg.view.selectRow(0)
    qtbot.waitUntil(lambda: dlg.fields["name"].text() != "", timeout=15000)
    first = dlg.fields["name"].text()
    dlg.fields["name"].setText(first + "（改）")
    dlg.view.selectRow(1)
    assert asked["asked"] == 1 and dlg.fields["name"].text() == first + "（改）"
    assert dlg.view.selectionModel().currentIndex().row() in (0, -1) or dlg.view.currentIndex().row() == 0
    asked["discard"] = True
    dlg.view.selectRow(1)
    qtbot.waitUntil(lambda: dlg.fields["name"].text() not in ("", first + "（改）"), timeout=15000)
