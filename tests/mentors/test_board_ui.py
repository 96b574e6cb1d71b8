"""The mentor board in a real window: cards are dragged with the mouse (press, move, release on the board's
viewport, through the board's own event handlers), the dialog is filled, and the database is checked."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from talentdesk.domain.models import CareCase, Pairing
from talentdesk.services.base import Actor
from talentdesk.services.mentors import pool
from talentdesk.ui.mentors.dialogs import CheckInDialog, PairDialog, ReassignDialog
from tests.conftest import TODAY


@pytest.fixture
def errors(monkeypatch):
    """Refusals the dialogs would show in a (blocking) message box."""
    import talentdesk.ui.mentors.dialogs as dialogs
    import talentdesk.ui.mentors.tab as tabmod

    seen: list = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, exc: seen.append(exc))
    monkeypatch.setattr(tabmod, "show_error", lambda _parent, exc: seen.append(exc))
    return seen


@pytest.fixture
def tab(qtbot, demo_db, tmp_path, errors):
    from talentdesk.app import make_application
    from talentdesk.ui.common.tab import AppContext
    from talentdesk.ui.mentors.tab import MentorsTab
    from talentdesk.ui.runner import Runner

    make_application(lang="en")
    actor = Actor.local()
    with demo_db.session(actor) as s:  # a mentor with free places, so drops have somewhere to go
        pool.create_mentor(s, name="Aaron Free", capacity=4, title="Chief engineer")
    runner = Runner(demo_db, lambda: actor)
    ctx = AppContext(demo_db, runner, actor, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    t = MentorsTab(ctx)
    runner.data_changed.connect(t.on_data_changed)  # as the main window does
    t.today_override = TODAY
    t.resize(1400, 900)
    qtbot.addWidget(t)
    t.show()
    qtbot.waitUntil(lambda: t.loaded, timeout=20000)
    yield t
    runner.shutdown()


def _free_mentor(tab):
    return next(c for c in tab.board.columns if c.name == "Aaron Free")


def _drag(qtbot, board, start: QPoint, end: QPoint) -> None:
    vp = board.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    steps = 6
    for i in range(1, steps + 1):
        QTest.mouseMove(vp, start + (end - start) * i / steps)
        qtbot.wait(5)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def _ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _current(db, talent_id):
    with db.session(Actor.local(), readonly=True) as s:
        return s.execute(select(Pairing.mentor_id, Pairing.role_id, Pairing.end_date, Pairing.end_reason)
                         .where(Pairing.talent_id == talent_id).order_by(Pairing.id)).all()


def test_dragging_a_card_onto_another_mentor_reassigns_and_keeps_history(qtbot, tab, demo_db, errors):
    board = tab.board
    target = _free_mentor(tab)
    source = next(c for c in board.columns if c.mentor_id != target.mentor_id and any(
        len(card.roles) == 1 for card in c.cards))
    card = next(card for card in source.cards if len(card.roles) == 1)
    board.horizontalScrollBar().setValue(0)
    board.ensure_column_visible(target.mentor_id)
    start = board.card_rect(source.mentor_id, card.talent_id)
    if start is None or not board.viewport().rect().contains(start.center()):
        pytest.skip("layout too narrow for both columns")  # pragma: no cover
    drop = board.column_rect(target.mentor_id).center()
    before = _current(demo_db, card.talent_id)

    _drag(qtbot, board, start.center(), drop)

    qtbot.waitUntil(lambda: isinstance(tab.active_dialog, ReassignDialog), timeout=5000)
    dialog = tab.active_dialog
    assert dialog.target.mentor_id == target.mentor_id and dialog.card.talent_id == card.talent_id
    _ok(dialog)  # no reason given: refused, the dialog stays open and nothing changes
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "why" in errors[0].message and dialog.isVisible() and dialog.buttons.isEnabled()
    assert _current(demo_db, card.talent_id) == before
    dialog.reason.setText("Mentor transferred to the city")
    _ok(dialog)
    qtbot.waitUntil(lambda: tab.active_dialog is None, timeout=5000)

    rows = _current(demo_db, card.talent_id)
    moved_role = card.roles[0].role_id
    ended = [r for r in rows if r.mentor_id == source.mentor_id and r.role_id == moved_role]
    assert ended[-1].end_date == TODAY and ended[-1].end_reason == "Mentor transferred to the city"
    assert [(r.mentor_id, r.end_date) for r in rows if r.role_id == moved_role][-1] == (target.mentor_id, None)
    # the board reloads by itself and shows the card under the new mentor
    qtbot.waitUntil(lambda: board.find_card(card.talent_id, target.mentor_id) is not None, timeout=10000)
    assert _free_mentor(tab).load == 1


def test_dragging_a_newcomer_without_a_mentor_pairs_them(qtbot, tab, demo_db):
    board = tab.board
    target = _free_mentor(tab)
    newcomer = board.unpaired[0]
    board.ensure_column_visible(target.mentor_id)
    start = board.card_rect(None, newcomer.talent_id).center()
    drop = board.column_rect(target.mentor_id).center()

    _drag(qtbot, board, start, drop)

    qtbot.waitUntil(lambda: isinstance(tab.active_dialog, PairDialog), timeout=5000)
    dialog = tab.active_dialog
    dialog.role.setCurrentIndex(dialog.role.findData(1))
    dialog.goals.setPlainText("Lead a project team within a year")
    _ok(dialog)
    qtbot.waitUntil(lambda: tab.active_dialog is None, timeout=5000)
    with demo_db.session(Actor.local(), readonly=True) as s:
        p = s.scalar(select(Pairing).where(Pairing.talent_id == newcomer.talent_id, Pairing.end_date.is_(None)))
        assert (p.mentor_id, p.role_id, p.goals, p.start_date) == (target.mentor_id, 1,
                                                                    "Lead a project team within a year", TODAY)
    qtbot.waitUntil(lambda: board.find_card(newcomer.talent_id, None) is None, timeout=10000)


def test_a_drop_on_a_full_mentor_is_refused_with_a_message(qtbot, tab, demo_db, monkeypatch):
    import talentdesk.ui.mentors.tab as tabmod

    warnings = []
    monkeypatch.setattr(tabmod.QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    board = tab.board
    full = next(c for c in board.columns if c.full)
    newcomer = board.unpaired[0]
    board.ensure_column_visible(full.mentor_id)
    _drag(qtbot, board, board.card_rect(None, newcomer.talent_id).center(), board.column_rect(full.mentor_id).center())
    assert warnings and f"{full.load} of {full.capacity}" in warnings[0]
    assert tab.active_dialog is None and _current(demo_db, newcomer.talent_id) == []


def test_double_clicking_a_card_records_a_check_in_and_a_follow_up_opens_a_care_case(qtbot, tab, demo_db):
    board = tab.board
    col = next(c for c in board.columns if any(card.overdue for card in c.cards))
    card = next(card for card in col.cards if card.overdue)
    board.ensure_column_visible(col.mentor_id)
    QTest.mouseDClick(board.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      board.card_rect(col.mentor_id, card.talent_id).center())
    qtbot.waitUntil(lambda: isinstance(tab.active_dialog, CheckInDialog), timeout=5000)
    dialog = tab.active_dialog
    dialog.mode.setCurrentIndex(dialog.mode.findData("phone"))
    dialog.notes.setPlainText("Talked about the new ward")
    dialog.tag_boxes["housing"].setChecked(True)
    dialog.issues.setPlainText("The apartment heating is broken")
    dialog.follow_up.setChecked(True)
    _ok(dialog)
    qtbot.waitUntil(lambda: tab.active_dialog is None, timeout=5000)
    with demo_db.session(Actor.local(), readonly=True) as s:
        case = s.scalar(select(CareCase).where(CareCase.talent_id == card.talent_id,
                                               CareCase.notes == "The apartment heating is broken"))
        assert case is not None and case.status == "open" and case.kind == "housing"
        p = s.get(Pairing, card.roles[0].pairing_id)
        assert p.last_checkin_date == TODAY
    # the warning colour goes once the board reloads
    qtbot.waitUntil(lambda: not board.find_card(card.talent_id, col.mentor_id).overdue or len(card.roles) > 1,
                    timeout=10000)


def test_the_board_filters_and_the_overdue_list_fill_from_the_services(qtbot, tab):
    qtbot.waitUntil(lambda: tab.overdue_model.rowCount() > 0, timeout=10000)
    assert tab.overdue_model.rowCount() > 0 and all(r.overdue for r in tab.overdue_model.rows)
    tier_index = tab.tier.findData("E")
    tab.tier.setCurrentIndex(tier_index)
    qtbot.waitUntil(lambda: tab.board_data.filtered and all(
        c.tier_code == "E" for col in tab.board_data.columns for c in col.cards), timeout=10000)
    assert all(c.tier_code == "E" for c in tab.board.unpaired)
    qtbot.waitUntil(lambda: tab.mentor_model.rowCount() > 0, timeout=10000)  # the pool is its own read


def test_the_board_paints_only_what_is_visible_with_200_mentors_and_5000_mentees(qtbot, monkeypatch):
    from talentdesk.services.mentors.board import (
        BoardCard,
        BoardColumn,
        BoardData,
        CardRole,
    )
    from talentdesk.ui.mentors.board import MentorBoard

    def card(i, mentor):
        role = CardRole(i, 3, "Professional mentor", dt.date(2026, 1, 1), None, 30, i % 7 == 0)
        return BoardCard(i, f"Newcomer {i}", "County hospital", "D", mentor, 10, None, i % 7 == 0, (role,))

    columns = tuple(BoardColumn(m, f"Mentor {m}", "", "", 30, 25, tuple(card(m * 25 + k, m) for k in range(25)))
                    for m in range(200))
    unpaired = tuple(BoardCard(100_000 + i, f"New {i}", "", "E", None, 0, None, False) for i in range(500))
    board = MentorBoard()
    qtbot.addWidget(board)
    board.resize(1200, 700)
    board.show()
    board.set_data(BoardData(columns, unpaired, 500, 0, TODAY))
    painted = []
    original = MentorBoard._paint_card
    monkeypatch.setattr(MentorBoard, "_paint_card", lambda self, p, r, c, **kw: (painted.append(c),
                                                                                    original(self, p, r, c, **kw)))
    board.horizontalScrollBar().setValue(board.horizontalScrollBar().maximum() // 2)
    board.verticalScrollBar().setValue(600)
    board.viewport().grab()  # runs the board's paintEvent
    visible_cols = 1200 // 246 + 2
    assert 0 < len(painted) <= (visible_cols + 1) * (700 // 90 + 2)  # a few dozen of 5,500 cards
    assert any(c.mentor_id and c.mentor_id >= 90 for c in painted)  # the scrolled-to columns, not the first
    # hit-testing finds the card under the mouse in the scrolled board
    below_headers = [c for c in painted if c.mentor_id is not None
                     and board.card_rect(c.mentor_id, c.talent_id).center().y() > 100]
    some = below_headers[len(below_headers) // 2]
    assert board.hit(board.card_rect(some.mentor_id, some.talent_id).center()).card is some


def test_a_check_in_today_reads_today_not_zero_days_ago(qtbot):
    import datetime as dt

    from talentdesk.ui.mentors.board import MentorBoard

    board = MentorBoard()
    qtbot.addWidget(board)
    board.today = dt.date(2026, 11, 23)
    assert board.days_ago(dt.date(2026, 11, 23)) == "today"
    assert board.days_ago(dt.date(2026, 11, 22)) == "yesterday"
    assert board.days_ago(dt.date(2026, 11, 13)) == "10 days ago"
    assert board.days_ago(dt.date(2026, 11, 21)) == "2 days ago"


def test_the_pools_edit_button_opens_the_selected_mentor(qtbot, tab):
    """Edit… on the mentor pool opens the mentor chosen in the list (the button once passed its checked state, False,
    as the mentor's id, and nothing opened)."""
    from PySide6.QtWidgets import QPushButton

    from talentdesk.ui.mentors.dialogs import MentorDialog

    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: tab.mentor_model.rowCount() > 0, timeout=10000)
    row = [r.name for r in tab.mentor_model.rows].index("Aaron Free")
    tab.mentor_view.selectRow(row)
    edit = next(b for b in tab.findChildren(QPushButton) if b.text() == "Edit…")
    edit.click()
    qtbot.waitUntil(lambda: isinstance(tab.active_dialog, MentorDialog), timeout=10000)
    assert tab.active_dialog.name.text() == "Aaron Free"
    tab.active_dialog.reject()
