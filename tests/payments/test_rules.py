"""The rules under the loop: working days from the calendar, bank account checks and masking, layouts the office
copies and edits, 在岗核验 yearly or per instalment, a talent found gone after being paid owes the clawback, and the
due list and overview say 待核验."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from talentdesk.domain.enums import Role
from talentdesk.domain.errors import Conflict, RuleViolation, ValidationError
from talentdesk.domain.models import BankAccount, Instalment, SubsidyGrant
from talentdesk.services.base import Actor
from talentdesk.services.growth import overview
from talentdesk.services.ledger import payments
from talentdesk.services.payments import accounts, bankfiles, batches, calendar, verification
from tests.ledger.helpers import make_actor
from tests.payments.helpers import build

D = dt.date


def test_working_days_follow_the_official_arrangement(session):
    # National Day 2026: 1–7 October off, Saturday 10 October worked
    assert calendar.working_days_end(session, D(2026, 9, 28), 5) == D(2026, 10, 9)
    assert calendar.working_days_end(session, D(2026, 9, 30), 5) == D(2026, 10, 12)  # 30/9, 8/10, 9/10, 10/10, 12/10
    # Spring Festival 2026: 15–23 February off, Saturday 14 February worked
    assert calendar.next_working_day(session, D(2026, 2, 15)) == D(2026, 2, 24)
    assert calendar.working_days_between(session, D(2026, 2, 9), D(2026, 2, 28)) == 5 + 1 + 4 + 1  # 9–13, Sat 14, 24–27, Sat 28
    assert calendar.working_days_end(session, D(2025, 9, 26), 5) == D(2025, 10, 9)  # 26, Sun 28, 29, 30, 9/10
    with pytest.raises(ValidationError, match="no public holidays for 2029"):
        calendar.working_days_end(session, D(2029, 3, 1), 5)
    calendar.set_day(session, day=D(2026, 11, 30), kind="holiday", name="县庆")  # the office edits the calendar
    assert calendar.next_working_day(session, D(2026, 11, 30)) == D(2026, 12, 1)
    calendar.clear_day(session, day=D(2026, 11, 30))
    assert calendar.next_working_day(session, D(2026, 11, 30)) == D(2026, 11, 30)


def test_bank_accounts_are_checked_kept_and_masked(database):
    c = build(database)
    tid = c.talents["陈静"]
    with database.session(c.clerk) as s:
        for bad, words in (("6222021234567890121", "Luhn"), ("6.22202E+18", "Excel"), ("62220212345", "16 to 19"),
                           ("6222-0212-3456-789O-128", "digits only"), ("", "missing")):
            with pytest.raises(ValidationError, match=words):
                accounts.set_account(s, talent_id=tid, kind="card", account_no=bad, bank_name="县农商银行")
        row = accounts.set_account(s, talent_id=tid, kind="card", account_no="６２２２ ０２１２ ３４５６ ７８９０ １２８",
                                   bank_name="县农商银行")
        assert row.account_no == "6222021234567890128" and row.holder_name == "陈静" and not row.masked
        accounts.set_account(s, talent_id=tid, kind="account", account_no="3301 2000 1234 5678 9", bank_name="县信用社",
                             holder_name="陈静")
        assert len(accounts.account_history(s, talent_id=tid)) == 2  # the old one is kept, no longer current
    viewer = make_actor(Role.VIEWER, user_id=None, username="viewer")
    with database.session(viewer, readonly=True) as s:
        row = accounts.get_account(s, talent_id=tid)
    assert row.masked and row.account_no == "3301 **** 6789"
    with database.session(Actor.local(), readonly=True) as s:
        assert len(s.scalars(select(BankAccount).where(BankAccount.talent_id == tid, BankAccount.active)).all()) == 1


def test_layouts_are_copied_and_edited_not_the_built_ins(database, tmp_path):
    c = build(database)
    with database.session(c.clerk) as s:
        mine = bankfiles.copy_layout(s, source="通用 Excel（.xlsx）", name="县农商银行代发")
        with pytest.raises(Conflict):
            bankfiles.copy_layout(s, source="通用 Excel（.xlsx）", name="县农商银行代发")
        with pytest.raises(RuleViolation, match="built-in"):
            bankfiles.save_layout(s, layout_id=bankfiles.find_layout(s, "通用 CSV").id, values={"encoding": "gbk"})
        with pytest.raises(ValidationError, match="encoding"):
            bankfiles.save_layout(s, layout_id=mine.id, values={"encoding": "klingon"})
        with pytest.raises(ValidationError, match="account number"):
            bankfiles.save_layout(s, layout_id=mine.id, values={"columns": [{"field": "line_no", "title": "序号"},
                                                                            {"field": "amount", "title": "金额"}]})
        edited = bankfiles.save_layout(s, layout_id=mine.id, values={
            "amount_unit": "fen", "header_rows": [["{titles}"]], "footer_rows": [["合计", "{count}", "{total_fen}"]],
            "columns": [{"field": "line_no", "title": "序号"}, {"field": "account_no", "title": "卡号"},
                        {"field": "holder_name", "title": "姓名"}, {"field": "amount", "title": "金额（分）"}]})
        assert [t for _f, t in edited.columns] == ["序号", "卡号", "姓名", "金额（分）"]
        verification.confirm_in_post(s, due_by=D(2026, 11, 30), on=D(2026, 11, 2))
        bid = batches.create_batch(s, due_by=D(2026, 11, 30), policy_id=c.living, today=D(2026, 11, 2)).batch
        batches.publicize(s, batch_id=bid, start=D(2026, 11, 2), pdf_path=tmp_path / "n.pdf")
    with database.session(c.approver) as s:
        batches.approve_batch(s, batch_id=bid, today=D(2026, 11, 20))
    with database.session(c.clerk) as s:
        batches.export_bank_file(s, batch_id=bid, layout="县农商银行代发", out_path=tmp_path / "b.xlsx")
    rows = list(load_workbook(tmp_path / "b.xlsx").active.iter_rows(values_only=True))
    assert rows[0] == ("序号", "卡号", "姓名", "金额（分）")
    assert rows[1][3] == 600_000 and rows[-1] == ("合计", 2, 1_200_000, None)


def test_each_instalment_rule_and_the_due_list(database):
    c = build(database)
    with database.session(c.clerk) as s:
        verification.set_rule(s, policy_id=c.living, rule="each")
        waiting = verification.list_pending(s, due_by=D(2026, 11, 30))
        living = [w for w in waiting if w.policy_name == "青年人才生活补贴"]
        assert len(living) == 2 and all(w.period == f"G{w.grant_id}-1" for w in living)
        items = overview.attention_items(s, today=D(2026, 11, 30), categories=("due",))
        assert items and all("waiting for in-post confirmation" in i.detail for i in items)
        assert verification.pending_instalment_ids(s, due_by=D(2026, 11, 30)) == {w.instalment_id for w in waiting}
        done = verification.confirm_in_post(s, due_by=D(2026, 11, 30), talent_ids=(c.talents["王芳"],),
                                            on=D(2026, 11, 2))
        assert (done.confirmed, done.instalments) == (2, 2)  # the year 2026 for 安家补贴 and G…-1 for 生活补贴
        # the yearly rule asks again for 2027's instalment
        later = verification.list_pending(s, due_by=D(2027, 1, 31))
        assert {(w.talent_name, w.period) for w in later if w.talent_name == "王芳"} == {("王芳", "2027")}
        with pytest.raises(ValidationError, match="future"):
            verification.confirm_in_post(s, due_by=D(2026, 11, 30), on=dt.date.today() + dt.timedelta(days=2))


def test_found_gone_after_being_paid_posts_the_clawback(database):
    c = build(database, with_accounts=False)
    tid = c.talents["赵磊"]
    with database.session(Actor.local()) as s:
        gid = s.scalar(select(SubsidyGrant.id).where(SubsidyGrant.talent_id == tid))
        inst = s.scalar(select(Instalment.id).where(Instalment.grant_id == gid, Instalment.seq == 1))
        rec = payments.record_payments(s, instalment_ids=[inst])
        payments.approve_payments(s, payment_ids=rec.done)
        payments.mark_paid(s, payment_ids=rec.done, voucher_no="记-202601-0007", pay_date=D(2026, 1, 20))
        gone = verification.record_gone(s, talent_id=tid, left_on=D(2026, 10, 31), exit_reason="family",
                                        note="单位回复：因家庭原因离职", on=D(2026, 11, 18))
    assert gone.clawback_fen > 0 and gone.grants == 1
    with database.session(Actor.local(), readonly=True) as s:
        assert payments.obligations(s, talent_id=tid)[0].open_fen == gone.clawback_fen


def test_the_notice_says_who_when_and_where_to_object(database, tmp_path, zh):
    import subprocess

    c = build(database)
    with database.session(c.clerk) as s:
        verification.confirm_in_post(s, due_by=D(2026, 11, 30), on=D(2026, 11, 2))
        bid = batches.create_batch(s, due_by=D(2026, 11, 30), today=D(2026, 9, 24)).batch
        with pytest.raises(ValidationError, match="2026-09-28"):  # 中秋节
            batches.publicize(s, batch_id=bid, start=D(2026, 9, 25), days=5, pdf_path=tmp_path / "n.pdf")
        # 5 working days from Thursday 24 September 2026: 24, 28, 29, 30 September and (after National Day) 8 October
        r = batches.publicize(s, batch_id=bid, start=D(2026, 9, 24), days=5, pdf_path=tmp_path / "n.pdf",
                              contact="县人才办 0571-12345678")
        assert r.notice_end == D(2026, 10, 8)
        batches.record_objection(s, batch_id=bid, talent_id=c.talents["刘洋"], note="经核实已离岗", upheld=True)
        batches.write_notice(s, batch_id=bid, path=tmp_path / "again.xlsx")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "n.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert "2026年9月24日至2026年10月8日" in text and "5 个工作日" in text and "0571-12345678" in text
    assert "刘洋" in text and "3301**********" in text and "330102" not in text
    cells = [str(v) for row in load_workbook(tmp_path / "again.xlsx").active.iter_rows(values_only=True)
             for v in row if v is not None]
    assert "刘洋" not in cells and "王芳" in cells  # the upheld objection took 刘洋 out
