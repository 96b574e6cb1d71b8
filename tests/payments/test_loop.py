"""The payment loop end to end, as the county runs it: due instalments → 在岗核验 (one talent found gone) → a batch
→ 公示 with an upheld objection → approval refused while the notice runs, by the batch's maker, then given once the
clock has moved on → the bank file → the bank's return with three failures → corrections → re-issue → all paid;
every grant's balance is the sum of its entries, the figures balance to the fen and `check` passes."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from talentdesk.domain.errors import PermissionDenied, RuleViolation
from talentdesk.domain.models import (
    AuditEntry,
    ExitReason,
    Instalment,
    LedgerEntry,
    Payment,
    PaymentBatchItem,
    SubsidyGrant,
    Talent,
)
from talentdesk.services.base import Actor
from talentdesk.services.ledger import journal
from talentdesk.services.payments import batches, verification
from tests.payments.helpers import build, return_file

D = dt.date


def _check(database) -> None:
    from talentdesk.services.safety.backups import check_database

    with database.session(Actor.system(), exclusive="backup") as s:
        report = check_database(s)
    assert report.ok, report.text()


def test_the_whole_loop(database, tmp_path):
    c = build(database)
    t = c.talents
    due_by = D(2026, 11, 30)

    # 在岗核验: the yearly policy's instalments wait; 生活补贴 asks for none
    with database.session(c.clerk, readonly=True) as s:
        waiting = verification.list_pending(s, due_by=due_by)
    assert {w.talent_name for w in waiting} == set(t)
    assert {w.period for w in waiting} == {"2026"}
    with database.session(c.clerk) as s:
        n = verification.write_confirmation_forms(s, due_by=due_by, out_path=tmp_path / "forms.pdf", on=D(2026, 11, 16))
    assert n == 2 and (tmp_path / "forms.pdf").read_bytes().startswith(b"%PDF")
    with database.session(c.clerk) as s:
        reason = s.scalar(select(ExitReason.code).where(ExitReason.code == "exam_elsewhere"))
        gone = verification.record_gone(s, talent_id=t["赵磊"], left_on=D(2026, 10, 31), exit_reason=reason,
                                        note="县人民医院回复：已考取外地", on=D(2026, 11, 18))
        done = verification.confirm_in_post(s, due_by=due_by, employer_id=c.school, on=D(2026, 11, 18))
        done2 = verification.confirm_in_post(s, due_by=due_by, talent_ids=(t["王芳"], t["李强"]), on=D(2026, 11, 18))
    assert gone.periods == 1 and (done.talents, done2.talents) == (3, 2)
    with database.session(c.clerk, readonly=True) as s:  # the departure flow ran: grant ended, unpaid due lapsed
        assert s.get(Talent, t["赵磊"]).status == "departed"
        grant = s.scalar(select(SubsidyGrant).where(SubsidyGrant.talent_id == t["赵磊"]))
        assert grant.status == "terminated" and journal.grant_balance(s, grant.id) == 0
        assert s.scalar(select(func.count()).select_from(Instalment).where(
            Instalment.grant_id == grant.id, Instalment.cancelled.is_(True))) == 2
        assert verification.list_pending(s, due_by=due_by) == []

    # the batch: 陈静 has no bank account, 赵磊 has left
    with database.session(c.clerk) as s:
        made = batches.create_batch(s, due_by=due_by, today=D(2026, 11, 20))
    assert made.items == 6 and made.total_fen == 4 * 1_000_000 + 2 * 600_000
    assert [n for n, _ in made.skipped] == ["陈静"]
    bid = made.batch

    # 公示 from Monday 23 November for 5 working days: ends Friday 27th; approval refused before the 30th
    with database.session(c.clerk) as s:
        notice = batches.publicize(s, batch_id=bid, start=D(2026, 11, 23), days=5, pdf_path=tmp_path / "notice.pdf",
                                   xlsx_path=tmp_path / "notice.xlsx")
    assert notice.notice_end == D(2026, 11, 27)
    ws = load_workbook(tmp_path / "notice.xlsx").active
    texts = [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert any("2026-11-23" in x and "2026-11-27" in x for x in texts)
    assert not any(x.isdigit() and len(x) == 18 for x in texts) and any("**********" in x for x in texts)
    with database.session(c.clerk) as s:
        batches.record_objection(s, batch_id=bid, talent_id=t["张伟"], note="群众来信：学历材料存疑，经核实不属实")
        batches.record_objection(s, batch_id=bid, talent_id=t["刘洋"], note="实际未在岗，已核实", upheld=True)
    with database.session(c.approver) as s, pytest.raises(RuleViolation, match="runs until 2026-11-27"):
        batches.approve_batch(s, batch_id=bid, today=D(2026, 11, 27))
    with database.session(c.clerk) as s, pytest.raises(PermissionDenied):
        batches.approve_batch(s, batch_id=bid, today=D(2026, 11, 30))
    clerk_as_admin = Actor(username="clerk", role=c.admin.role, user_id=c.clerk.user_id)
    with pytest.raises(PermissionDenied, match="another person"), database.session(clerk_as_admin) as s:
        batches.approve_batch(s, batch_id=bid, today=D(2026, 11, 30))
    with database.session(Actor.local(), readonly=True) as s:  # the refusal is in the audit trail
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "denied", AuditEntry.summary.contains("approve batch"))) == 1
    with database.session(c.approver) as s:  # the clock has moved on
        row = batches.approve_batch(s, batch_id=bid, today=D(2026, 11, 30))
    assert row.status == "approved" and row.items == 5

    # the bank file, then the return: three failures
    with database.session(c.clerk) as s:
        sent = batches.export_bank_file(s, batch_id=bid, layout="通用 Excel（.xlsx）", out_path=tmp_path / "bank.xlsx")
    assert sent.lines == 5
    with database.session(c.clerk, readonly=True) as s:
        lines = {(i.talent_name, i.policy_name): i.line_no for i in batches.batch_detail(s, batch_id=bid).items
                 if i.status == "sent"}
    fails = {lines[("王芳", "青年人才生活补贴")]: ("失败", "账号错误"),
             lines[("李强", "高层次人才安家补贴")]: ("失败", "户名不符"),
             lines[("张伟", "高层次人才安家补贴")]: ("失败", "账户冻结")}
    ret = return_file(tmp_path / "bank.xlsx", tmp_path / "return.xlsx", fails)
    with database.session(c.clerk) as s:
        res = batches.import_return(s, batch_id=bid, path=ret, pay_date=D(2026, 11, 30))
    assert (res.paid, res.failed, res.paid_fen, res.failed_fen) == (2, 3, 1_600_000, 2_600_000)

    # corrections, then a new batch for the failed lines, approved by the other person, sent and all paid
    with database.session(c.clerk, readonly=True) as s:
        failed = {i.talent_name: i for i in batches.batch_detail(s, batch_id=bid).items if i.status == "failed"}
    assert {i.fail_reason for i in failed.values()} == {"账号错误", "户名不符", "账户冻结"}
    with database.session(c.clerk) as s:
        batches.correct_item(s, item_id=failed["王芳"].id, account_no="6230591122334455668")
        batches.correct_item(s, item_id=failed["李强"].id, holder_name="李 强")
        again = batches.reissue_failed(s, batch_id=bid, today=D(2026, 11, 30))
    assert (again.items, again.total_fen) == (3, 2_600_000)
    with database.session(c.approver) as s:
        batches.approve_batch(s, batch_id=again.batch, today=D(2026, 11, 30))
    with database.session(c.clerk) as s:
        batches.export_bank_file(s, batch_id=again.batch, layout="通用 Excel（.xlsx）", out_path=tmp_path / "bank2.xlsx")
    ws = load_workbook(tmp_path / "bank2.xlsx").active
    cells = [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert "6230591122334455668" in cells and "李 强" in cells
    with database.session(c.clerk) as s:
        res2 = batches.import_return(s, batch_id=again.batch, path=return_file(
            tmp_path / "bank2.xlsx", tmp_path / "return2.xlsx", {}), pay_date=D(2026, 11, 30))
    assert (res2.paid, res2.failed, res2.paid_fen) == (3, 0, 2_600_000)

    with database.session(c.clerk) as s:
        first = batches.batch_detail(s, batch_id=bid)
        f = first.figures
        assert first.batch.status == "reconciled"
        assert (f.sent, f.paid, f.failed, f.reissued, f.reissued_paid, f.outstanding) == (5, 2, 3, 3, 3, 0)
        assert f.balances() and f.sent_fen == 4_200_000 and f.outstanding_fen == 0
        assert f.withdrawn == 1  # 刘洋, the upheld objection
        batches.write_report(s, batch_id=bid, out_path=tmp_path / "report.pdf")
        batches.write_report(s, batch_id=bid, out_path=tmp_path / "report.xlsx")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")

    # the ledger: one payment entry per paid line, through the payment orders; every grant's balance is its entries
    with database.session(c.clerk, readonly=True) as s:
        paid_items = s.scalars(select(PaymentBatchItem).where(PaymentBatchItem.status == "paid")).all()
        assert len(paid_items) == 5
        for item in paid_items:
            entry = s.get(LedgerEntry, item.entry_id)
            assert entry.kind == "payment" and -entry.amount_fen == item.amount_fen
            assert s.get(Payment, entry.payment_id).status == "paid"
        for g in s.scalars(select(SubsidyGrant)):
            total = s.scalar(select(func.sum(LedgerEntry.amount_fen)).where(LedgerEntry.grant_id == g.id)) or 0
            assert journal.grant_balance(s, g.id) == total
            due = s.scalar(select(func.coalesce(func.sum(Instalment.amount_fen), 0)).where(
                Instalment.grant_id == g.id, Instalment.posted.is_(True)))
            if g.talent_id in (t["王芳"], t["李强"], t["张伟"]):
                assert total == 0 and due > 0         # owed, and paid to the fen
            if g.talent_id == t["刘洋"]:
                assert total == due == 1_000_000      # the objection upheld: still owed
        assert journal.entry_totals(s).adds_up()
    _check(database)
