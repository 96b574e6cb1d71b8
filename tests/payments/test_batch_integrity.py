"""`talentdesk check` cross-checks payment batches against their payment orders: a line whose order is missing,
whose amount, grant or state differs from its order's, a batch whose state does not fit its lines, or an instalment
live in two lines — each is named with the batch number and line, and the check fails."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select

from talentdesk.cli import main
from talentdesk.domain.models import PaymentBatch, PaymentBatchItem
from talentdesk.services.payments import batches, verification
from talentdesk.store.integrity import full_check
from tests.payments.helpers import build, return_file

D = dt.date
GENERIC = "通用 Excel（.xlsx）"
ITEM = "Payment batches match their payment orders"


@pytest.fixture
def reconciled(database, tmp_path):
    """A batch taken all the way: made, published, approved, sent, every line paid by the bank's return."""
    c = build(database)
    with database.session(c.clerk) as s:
        verification.confirm_in_post(s, due_by=D(2026, 11, 30), on=D(2026, 11, 2))
        made = batches.create_batch(s, due_by=D(2026, 11, 30), policy_id=c.settle, today=D(2026, 11, 2))
        batches.publicize(s, batch_id=made.batch, start=D(2026, 11, 2), pdf_path=tmp_path / "notice.pdf")
    with database.session(c.approver) as s:
        batches.approve_batch(s, batch_id=made.batch, today=D(2026, 11, 20))
    with database.session(c.clerk) as s:
        batches.export_bank_file(s, batch_id=made.batch, layout=GENERIC, out_path=tmp_path / "bank.xlsx")
    back = return_file(tmp_path / "bank.xlsx", tmp_path / "back.xlsx", {})
    with database.session(c.clerk) as s:
        batches.import_return(s, batch_id=made.batch, path=back, pay_date=D(2026, 11, 30))
    with database.session(c.clerk, readonly=True) as s:
        b = s.get(PaymentBatch, made.batch)
        assert b.status == "reconciled"
        lines = s.execute(select(PaymentBatchItem.line_no, PaymentBatchItem.payment_id)
                          .where(PaymentBatchItem.batch_id == b.id).order_by(PaymentBatchItem.line_no)).all()
        number = b.number
    assert len(lines) >= 2
    return database.path, number, dict(lines)


def _problems(path):
    report = full_check(path)
    from talentdesk.i18n import translate

    item = next(i for i in report.items if i.name == translate("Integrity", ITEM))
    return report, item.problems


def _tamper(path, sql, *params):
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def test_a_sound_batch_passes(reconciled):
    path, _number, _lines = reconciled
    report, problems = _problems(path)
    assert problems == [] and report.ok, report.text()


def test_a_line_whose_amount_was_changed_is_reported(reconciled, capsys):
    path, number, lines = reconciled
    _tamper(path, "UPDATE payment_batch_items SET amount_fen = amount_fen + 100 WHERE line_no = 1 AND batch_id = "
                  "(SELECT id FROM payment_batches WHERE number = ?)", number)
    report, problems = _problems(path)
    assert not report.ok
    assert len(problems) == 1 and problems[0].startswith(f"Batch {number} line 1:") and "fen" in problems[0]
    # the command says so too, and fails
    assert main(["--db", str(path), "--lang", "en", "check"]) == 1
    assert f"Batch {number} line 1:" in capsys.readouterr().out


def test_a_line_paid_whose_order_is_not_and_a_missing_order_are_reported(reconciled):
    path, number, lines = reconciled
    _tamper(path, "UPDATE payments SET status = 'approved', entry_id = NULL WHERE id = ?", lines[2])
    _tamper(path, "UPDATE payment_batch_items SET payment_id = NULL WHERE line_no = 1")
    _report, problems = _problems(path)
    assert any(p.startswith(f"Batch {number} line 2:") and "Paid" in p and "Approved" in p for p in problems), problems
    assert any(p.startswith(f"Batch {number} line 1:") and "does not exist" in p for p in problems), problems


def test_a_batch_state_that_does_not_fit_its_lines_and_a_double_line_are_reported(reconciled):
    path, number, lines = reconciled
    _tamper(path, "UPDATE payment_batches SET status = 'draft' WHERE number = ?", number)
    _report, problems = _problems(path)
    assert any(p.startswith(f"Batch {number} is Draft but") for p in problems), problems
    _tamper(path, "UPDATE payment_batches SET status = 'reconciled' WHERE number = ?", number)
    _tamper(path, "INSERT INTO payment_batch_items (batch_id, line_no, instalment_id, grant_id, talent_id, "
                  "payment_id, amount_fen, account_no, bank_name, holder_name, status, fail_reason) "
                  "SELECT batch_id, 99, instalment_id, grant_id, talent_id, payment_id, amount_fen, account_no, "
                  "bank_name, holder_name, 'paid', '' FROM payment_batch_items WHERE line_no = 1")
    _report, problems = _problems(path)
    assert any("in 2 live batch lines" in p for p in problems), problems


def test_in_chinese_the_problem_reads_in_chinese(reconciled, zh):
    path, number, _lines = reconciled
    _tamper(path, "UPDATE payment_batch_items SET amount_fen = amount_fen + 1 WHERE line_no = 1")
    report, problems = _problems(path)
    assert problems and "批次" in problems[0] and number in problems[0]
