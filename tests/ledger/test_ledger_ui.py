"""The ledger tab on the demo database: pages load in the background, filters narrow, batches run, verify works.
Set TALENTDESK_SCREENSHOTS=folder to save the screenshots used in docs/."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from talentdesk.domain.models import Payment
from talentdesk.services.ledger import certificates
from talentdesk.services.base import Actor
from tests.support import SHOT_LANG, main_window, shot

@pytest.fixture
def tab(qtbot, demo_db, tmp_path):
    with main_window(qtbot, demo_db, tmp_path, lang=SHOT_LANG, size=(1400, 800), tab="ledger") as w:
        yield w.ledger


def idle(qtbot, tab):
    qtbot.waitUntil(lambda: tab.context.runner.pending() == 0, timeout=15000)


def test_ledger_view_filters_and_totals(qtbot, tab):
    page = tab.entries
    idle(qtbot, tab)
    total_all = page.model.total
    assert total_all > 1000 and "= balance" in page.totals.text() and "waived or lapsed" in page.totals.text()
    shot(tab.window(), "ledger-tab.png")
    page.kind.setCurrentIndex(page.kind.findData("clawback"))
    idle(qtbot, tab)
    assert 0 < page.model.total < total_all
    assert all(r.kind == "clawback" for r in page.model.rows)
    page.year.setCurrentIndex(page.year.findData(2025))
    idle(qtbot, tab)
    assert all(r.entry_date.year == 2025 for r in page.model.rows)


def test_statement_shows_running_balance(qtbot, tab, demo_db):
    with demo_db.session(Actor.local(), readonly=True) as s:
        tid = s.scalar(select(Payment.talent_id).where(Payment.status == "paid").order_by(Payment.id))
    tab.show_statement(tid)
    idle(qtbot, tab)
    rows = tab.statement.model.rows
    assert rows and rows[-1].balance_fen == sum(r.amount_fen for r in rows)
    assert tab.pages.currentWidget() is tab.statement
    shot(tab.window(), "talent-statement.png")


def test_budget_view_and_forecast(qtbot, tab):
    tab.pages.setCurrentWidget(tab.budgets)
    idle(qtbot, tab)
    assert tab.budgets.model.rows and tab.budgets.fmodel.rows
    assert tab.budgets.fmodel.columnCount() == 5  # kind, three years, the sum
    shot(tab.window(), "budget-view.png")


def test_batch_approve_and_pay_in_the_background(qtbot, tab, demo_db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from talentdesk.ui.ledger import dialogs

    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    page = tab.payments
    tab.pages.setCurrentWidget(page)
    idle(qtbot, tab)
    n = len(page.model.rows)
    assert n > 0 and all(r.status == "recorded" for r in page.model.rows)
    page.view.selectAll()
    page._approve()
    qtbot.waitUntil(lambda: bool(messages), timeout=15000)
    assert messages[-1].startswith(f"{n} done")
    monkeypatch.setattr(dialogs.MarkPaidDialog, "exec", lambda self: True)
    monkeypatch.setattr(dialogs.MarkPaidDialog, "values", lambda self: {
        "voucher_no": "记-202611-0099", "pay_date": dt.date.today(), "method": "bank"})
    page.status.setCurrentIndex(page.status.findData("approved"))
    idle(qtbot, tab)
    page.view.selectAll()
    count = len(page.model.rows)
    page._pay()
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=15000)
    assert messages[-1].startswith(f"{count} done")
    with demo_db.session(Actor.local(), readonly=True) as s:
        assert s.scalar(select(Payment.id).where(Payment.voucher_no == "记-202611-0099")) is not None


def test_verify_dialog(qtbot, tab, demo_db, tmp_path):
    from talentdesk.domain.models import Certificate, LedgerEntry
    from talentdesk.ui.ledger.dialogs import VerifyDialog

    with demo_db.session(Actor.local()) as s:
        eid = s.scalar(select(LedgerEntry.id).where(LedgerEntry.kind == "payment").order_by(LedgerEntry.id.desc()))
        certificates.print_certificates(s, out_path=tmp_path / "c.pdf", entry_ids=[eid])
        cert = s.scalar(select(Certificate))
        payload = certificates.stored_payload(s, cert)
    dlg = VerifyDialog(tab.context, tab)
    qtbot.addWidget(dlg)
    dlg.payload.setText(payload)
    dlg.check()
    qtbot.waitUntil(lambda: dlg.last is not None, timeout=10000)
    assert dlg.last.genuine and cert.serial in dlg.result.text()
    dlg.last = None
    dlg.payload.setText(payload.replace(":", ";", 1))
    dlg.check()
    qtbot.waitUntil(lambda: dlg.last is not None, timeout=10000)
    assert not dlg.last.genuine and "Not genuine" in dlg.result.text()


def test_policy_dialog_refuses_bad_amount_and_saves_good_one(qtbot, tab):
    from talentdesk.ui.ledger.dialogs import PolicyDialog

    tab.pages.setCurrentWidget(tab.policies)
    idle(qtbot, tab)
    dlg = PolicyDialog(tab.context, tab.policies.tiers, list(tab.policies.model.rows), None, tab)
    qtbot.addWidget(dlg)
    dlg.name.setText("博士后科研资助")
    dlg.amounts.item(0, 2).setText("-5")
    dlg._save()
    assert "negative" in dlg.error.text()
    dlg.amounts.item(0, 2).setText("50,000")
    dlg._save()
    qtbot.waitUntil(lambda: dlg.saved is not None, timeout=10000)
    assert dlg.saved.amounts[0].amount_fen == 5_000_000


def test_certificates_go_through_the_print_path(qtbot, tab, tmp_path):
    """The PDF's pages are rendered onto a QPrinter (here one that writes a PDF file, as a print-to-file printer)."""
    import subprocess

    from PySide6.QtPrintSupport import QPrinter

    from talentdesk.reports.certificate import render_certificates, sample_rows
    from talentdesk.ui.common.printing import print_pdf

    src = tmp_path / "c.pdf"
    render_certificates(sample_rows(2), src)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(str(src), tab, printer=printer, ask=False)
    info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True).stdout
    assert "Pages:           2" in info


def test_grant_dialog_explains_refusal_then_grants(qtbot, tab, demo_db):
    from talentdesk.domain.models import SubsidyGrant, Talent
    from talentdesk.ui.ledger.dialogs import GrantDialog

    tab.pages.setCurrentWidget(tab.policies)
    idle(qtbot, tab)
    with demo_db.session(Actor.local(), readonly=True) as s:
        # an active talent of tier E (not eligible for the house purchase subsidy, tiers A–C) without start-up support
        holders = select(SubsidyGrant.talent_id).where(SubsidyGrant.policy_id == 6)
        tid, name = s.execute(select(Talent.id, Talent.name).where(
            Talent.status == "active", Talent.tier_code == "E", Talent.id.not_in(holders))).first()
    dlg = GrantDialog(tab.context, list(tab.policies.model.rows), 3, tab)
    qtbot.addWidget(dlg)
    dlg.talent.search.setText(name)
    qtbot.waitUntil(lambda: dlg.talent.choice.findData(tid) >= 0, timeout=10000)
    dlg.talent.choice.setCurrentIndex(dlg.talent.choice.findData(tid))
    qtbot.waitUntil(lambda: "tiers" in dlg.check.text(), timeout=10000)
    dlg.policy.setCurrentIndex(dlg.policy.findData(6))
    qtbot.waitUntil(lambda: dlg.check.text().startswith("Eligible"), timeout=10000)
    dlg._grant()
    qtbot.waitUntil(lambda: dlg.result_row is not None, timeout=10000)
    assert dlg.result_row.policy_id == 6 and dlg.result_row.talent_id == tid


def test_due_page_records_payment_orders(qtbot, tab, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    tab.pages.setCurrentWidget(tab.due)
    idle(qtbot, tab)
    free = [i for i, r in enumerate(tab.due.over_model.rows) if r.payment_id is None]
    assert free, "the demo has overdue instalments without a payment order"
    tab.due.over_view.selectRow(free[0])
    tab.due._record()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert messages[0].startswith("1 done")
    idle(qtbot, tab)
    assert tab.due.over_model.rows[free[0]].payment_status == "recorded"


def test_mark_paid_dialog_keeps_the_input_and_says_why_a_voucher_number_is_refused(qtbot, tab, demo_db):
    from talentdesk.domain.models import Payment
    from talentdesk.ui.ledger import dialogs

    with demo_db.session(Actor.local(), readonly=True) as s:
        taken = s.scalar(select(Payment.voucher_no).where(Payment.status == "paid", Payment.voucher_no != ""))
        open_id = s.scalar(select(Payment.id).where(Payment.status != "paid"))
    dlg = dialogs.MarkPaidDialog(tab.context, [open_id], 100_00, tab)
    qtbot.addWidget(dlg)
    dlg.open()
    for text, why in (("", "Enter the voucher number"), ("记", "is not a voucher number"),
                      (taken, "already belongs to another payment")):
        dlg.voucher.setText(text)
        dlg.error.clear()
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: bool(dlg.error.text()), timeout=10000)
        assert why in dlg.error.text() and dlg.isVisible() and dlg.result() == 0
        assert dlg.voucher.text() == text  # the input is kept
    dlg.voucher.setText("记-209901-0001")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=10000)
    assert dlg.result() == 1 and dlg.values()["voucher_no"] == "记-209901-0001"
