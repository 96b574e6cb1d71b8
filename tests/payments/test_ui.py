"""The batch page walks a batch through its states: each state shows where the batch stands and enables only the
next step's buttons; approval from the page; the in-post confirmation page lists who waits (待核验).
Set TALENTDESK_SCREENSHOTS=folder (and TALENTDESK_SHOT_LANG=zh_CN) to save a screenshot of each state."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from talentdesk.services.base import Actor
from talentdesk.services.payments import batches, verification
from tests.payments.helpers import build, return_file
from tests.support import SHOT_LANG, main_window, shot

D = dt.date
@pytest.fixture
def window(qtbot, database, tmp_path):
    county = build(database, with_accounts=False)
    with main_window(qtbot, database, tmp_path, lang=SHOT_LANG, size=(1366, 768), tab="ledger") as w:
        w.county = county
        yield w


def _settle(qtbot, w) -> None:
    qtbot.waitUntil(lambda: w.context.runner.pending() == 0, timeout=15000)


def _show(qtbot, w, page) -> None:
    w.ledger.pages.setCurrentWidget(page)
    page.refresh()
    _settle(qtbot, w)
    qtbot.waitUntil(lambda: page.loaded, timeout=15000)
    _settle(qtbot, w)


def _enabled(page) -> set[str]:
    return {k for k, b in page.buttons.items() if b.isEnabled()}


def test_a_batch_walks_through_its_states(qtbot, window, database, tmp_path, monkeypatch):
    w = window
    vpage, page = w.ledger.verification, w.ledger.batches
    vpage.due_by.setDate(vpage.due_by.date().fromString("2026-11-30", "yyyy-MM-dd"))
    _show(qtbot, w, vpage)
    assert vpage.model.rowCount() == 6 and "6" in vpage.summary.text()
    shot(w, "0-verification.png")
    with database.session(Actor.local()) as s:
        verification.confirm_in_post(s, due_by=D(2026, 11, 30), on=D(2026, 11, 2))
        bid = batches.create_batch(s, due_by=D(2026, 11, 30), today=D(2026, 11, 2)).batch
    _show(qtbot, w, vpage)
    assert vpage.model.rowCount() == 0

    _show(qtbot, w, page)
    assert page.batch_model.rowCount() == 1 and page.item_model.rowCount() == 7
    assert f"<u>{batches.status_text('draft')}</u>" in page.stages.text()
    assert _enabled(page) == {"new", "publicize", "report", "cancel", "account", "calendar"}
    shot(w, "1-draft.png")

    with database.session(Actor.local()) as s:
        batches.publicize(s, batch_id=bid, start=D(2026, 11, 2), days=5, pdf_path=tmp_path / "n.pdf")
    _show(qtbot, w, page)
    assert page.detail.batch.stage == "notice_ended"  # 2–6 November: the notice is over
    assert _enabled(page) >= {"approve", "notice", "cancel"} and "objection" not in _enabled(page)
    shot(w, "2-notice-ended.png")

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    page.buttons["approve"].click()
    _settle(qtbot, w)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.batch.stage == "approved", timeout=15000)
    assert _enabled(page) >= {"bank"} and "approve" not in _enabled(page)
    shot(w, "3-approved.png")

    with database.session(Actor.local()) as s:
        batches.export_bank_file(s, batch_id=bid, layout="通用 Excel（.xlsx）", out_path=tmp_path / "bank.xlsx")
    _show(qtbot, w, page)
    assert page.detail.batch.stage == "sent" and "return" in _enabled(page)
    shot(w, "4-sent.png")

    with database.session(Actor.local()) as s:
        batches.import_return(s, batch_id=bid, path=return_file(tmp_path / "bank.xlsx", tmp_path / "r.xlsx", {
            1: ("失败", "账号错误"), 2: ("失败", "户名不符"), 3: ("失败", "账户冻结")}), pay_date=D(2026, 11, 30))
    _show(qtbot, w, page)
    assert page.detail.batch.stage == "reconciled" and {"correct", "reissue"} <= _enabled(page)
    assert [r.status for r in page.item_model.rows].count("failed") == 3
    shot(w, "5-reconciled-with-failures.png")

    page.buttons["reissue"].click()
    _settle(qtbot, w)
    qtbot.waitUntil(lambda: page.batch_model.rowCount() == 2 and bool(page.detail.batch.reissue_of), timeout=15000)
    assert page.detail.batch.stage == "notice_ended" and page.item_model.rowCount() == 3
    shot(w, "6-reissue.png")


def _submit_form(qtbot, w, monkeypatch, button: str, fill, until: list) -> None:
    """Click the batch page's button; its form is filled by fill and accepted without being shown; wait for the work
    to finish and until the list `until` has something."""
    from talentdesk.ui.ledger import batch_page

    def exec_(dlg):
        fill(dlg)
        return True
    monkeypatch.setattr(batch_page.FormDialog, "exec", exec_)
    w.ledger.batches.buttons[button].click()
    _settle(qtbot, w)
    qtbot.waitUntil(lambda: bool(until), timeout=15000)


def test_a_bank_account_is_entered_from_the_page(qtbot, window, monkeypatch):
    w = window
    page = w.ledger.batches
    _show(qtbot, w, page)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: shown.append(a[2])))

    def fill(dlg):
        dlg.fields["talent"].setText("陈静")
        dlg.fields["account"].setText("6222 0212 3456 7890 128")
        dlg.fields["bank"].setText("县农商银行")
    _submit_form(qtbot, w, monkeypatch, "account", fill, until=shown)
    assert "6222021234567890128" in shown[0] and "陈静" in shown[0]


def test_the_calendar_is_edited_from_the_page(qtbot, window, database, monkeypatch):
    from talentdesk.services.payments import calendar
    from talentdesk.ui.ledger import batch_page

    w = window
    page = w.ledger.batches
    _show(qtbot, w, page)
    seen = []

    def fill(dlg):
        seen.append(dlg.findChildren(batch_page.QLabel)[0].text())
        dlg.fields["day"].setDate(dlg.fields["day"].date().fromString("2026-12-31", "yyyy-MM-dd"))
        dlg.fields["kind"].setCurrentIndex(0)
        dlg.fields["name"].setText("County day")
    _submit_form(qtbot, w, monkeypatch, "calendar", fill, until=seen)
    _settle(qtbot, w)
    with database.session(Actor.local(), readonly=True) as s:
        assert [(d.kind, d.name) for d in calendar.list_days(s, year=2026) if d.day == D(2026, 12, 31)] == \
            [("holiday", "County day")]
