"""Every item in a list (overview, watch list) is one click from its record, whatever table it comes from."""
from __future__ import annotations

import sqlite3

import pytest
from tests.support import main_window


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    with main_window(qtbot, demo_db, tmp_path) as w:
        yield w


def _one(db_path, sql):
    with sqlite3.connect(db_path) as c:
        return c.execute(sql).fetchone()


def test_an_instalment_opens_its_talents_statement(qtbot, window, demo_db):
    inst_id, talent_id = _one(demo_db.path, "SELECT i.id, g.talent_id FROM instalments i JOIN subsidy_grants g "
                                            "ON g.id = i.grant_id ORDER BY i.id DESC LIMIT 1")
    window.open_record("instalments", inst_id)
    assert window.tabs.currentWidget() is window.ledger
    qtbot.waitUntil(lambda: window.ledger.statement.talent_id == talent_id, timeout=10000)
    assert window.ledger.pages.currentWidget() is window.ledger.statement


def test_a_care_case_opens_the_talents_file_on_its_care_page(qtbot, window, demo_db):
    case_id, talent_id = _one(demo_db.path, "SELECT id, talent_id FROM care_cases WHERE status = 'open' LIMIT 1")
    window.open_record("care_cases", case_id)
    assert window.tabs.currentWidget() is window.talents
    qtbot.waitUntil(lambda: getattr(window.talents, "_editor", None) is not None, timeout=10000)
    editor = window.talents._editor
    assert editor.talent_id == talent_id and editor.pages.currentWidget() is editor.care
    editor.close()


def test_a_pairing_opens_on_the_mentor_board(qtbot, window, demo_db):
    (pairing_id,) = _one(demo_db.path, "SELECT id FROM pairings WHERE end_date IS NULL LIMIT 1")
    window.open_record("pairings", pairing_id)
    assert window.tabs.currentWidget() is window.mentors
