"""The subsidy ledger's rules, proven on a real migrated SQLite database."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError, IntegrityError

from talentdesk.domain.enums import Role
from talentdesk.domain.errors import Conflict, PermissionDenied, RuleViolation, ValidationError
from talentdesk.domain.models import Instalment, LedgerEntry, Payment, SubsidyGrant, User
from talentdesk.services.ledger import budgets
from talentdesk.services.ledger import grants
from talentdesk.services.ledger import journal
from talentdesk.services.ledger import payments
from talentdesk.services.ledger import policies
from talentdesk.services.base import Actor
from tests.ledger.helpers import add_policy, add_talent, depart, make_actor

D = dt.date


_vouchers = itertools.count(1)


def pay_all_due(s, talent_id: int, on: D, voucher: str | None = None) -> payments.BatchResult:
    due = [r.instalment_id for r in journal.overdue(s, as_of=on + dt.timedelta(days=40))
           if r.talent_id == talent_id and r.payment_id is None]
    due += [r.instalment_id for r in journal.due_this_month(s, as_of=on) if r.talent_id == talent_id and r.posted
            and r.payment_id is None]
    rec = payments.record_payments(s, instalment_ids=due)
    payments.approve_payments(s, payment_ids=rec.done)
    voucher = voucher or f"记-{on:%Y%m}-{next(_vouchers):04d}"
    return payments.mark_paid(s, payment_ids=rec.done, voucher_no=voucher, pay_date=on)


# ---------------------------------------------------------------- policies and grants

def test_grant_splits_total_into_schedule_and_posts_what_is_due(session):
    tid = add_talent(session)
    pid = add_policy(session, amount_fen=1_000_001, count=3)
    g = grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2024, 3, 1), as_of=D(2025, 4, 1))
    assert [i.amount_fen for i in g.schedule] == [333_334, 333_334, 333_333]
    assert [i.due_date for i in g.schedule] == [D(2024, 3, 1), D(2025, 3, 1), D(2026, 3, 1)]
    assert [i.posted for i in g.schedule] == [True, True, False]
    assert g.balance_fen == 666_668


def test_amount_follows_the_most_specific_rule(session):
    tid = add_talent(session, tier="B", education="doctorate")
    pid = add_policy(session, amounts=(policies.AmountRule(None, None, 100), policies.AmountRule("B", None, 500),
                                       policies.AmountRule("B", "doctorate", 900),
                                       policies.AmountRule(None, "doctorate", 700)), mode="lump_sum", count=1)
    g = grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2025, 1, 1), as_of=D(2025, 1, 1))
    assert g.approved_total_fen == 900


def test_editing_a_policy_never_changes_a_grant_already_made(session):
    tid = add_talent(session)
    pid = add_policy(session, amount_fen=3_000_000, rule="pro_rata")
    g = grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2024, 1, 1), as_of=D(2024, 1, 1))
    row = policies.get_policy(session, policy_id=pid)
    changed = policies.PolicyInput(**{**row.to_input().__dict__, "name": "安家补贴（2026修订）", "clawback_rule": "full",
                                      "amounts": (policies.AmountRule(None, None, 9_000_000),), "instalment_count": 5})
    policies.save_policy(session, data=changed, policy_id=pid)
    after = grants.get_grant(session, grant_id=g.id)
    assert (after.policy_name, after.approved_total_fen, after.clawback_rule, after.instalment_count) == (
        "安家补贴", 3_000_000, "pro_rata", 3)
    assert [i.amount_fen for i in after.schedule] == [i.amount_fen for i in g.schedule]


def test_ineligible_talent_is_refused_with_every_reason(session):
    tid = add_talent(session, tier="E", education="bachelor")
    pid = add_policy(session, tiers=("A", "B"), educations=("doctorate",))
    with pytest.raises(RuleViolation) as err:
        grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2025, 1, 1), as_of=D(2025, 1, 1))
    assert len(err.value.details) == 2
    assert "tiers A, B" in err.value.details[0] and "Doctorate" in err.value.details[1]
    assert session.scalar(select(func.count()).select_from(SubsidyGrant)) == 0


def test_excluded_policies_refuse_double_benefit(session):
    tid = add_talent(session)
    rent = add_policy(session, name="租房补贴", kind="rent")
    flat = add_policy(session, name="人才公寓", kind="apartment", excludes=(rent,))
    grants.grant_policy(session, talent_id=tid, policy_id=rent, start_date=D(2025, 1, 1), as_of=D(2025, 1, 1))
    with pytest.raises(RuleViolation) as err:
        grants.grant_policy(session, talent_id=tid, policy_id=flat, start_date=D(2025, 2, 1), as_of=D(2025, 2, 1))
    assert "No double benefit" in err.value.details[0] and "租房补贴" in err.value.details[0]
    # the exclusion is symmetric: it shows on both policies
    assert policies.get_policy(session, policy_id=rent).excludes == (flat,)


def test_policy_validation_gives_a_clear_message_and_changes_nothing(session):
    with pytest.raises(ValidationError) as err:
        policies.save_policy(session, data=policies.PolicyInput(name=" ", kind="settling", valid_from=D(2020, 1, 1),
                                                                amounts=(policies.AmountRule(None, None, 1),)))
    assert err.value.field == "name"
    with pytest.raises(ValidationError) as err:
        policies.save_policy(session, data=policies.PolicyInput(name="x", kind="settling", valid_from=D(2020, 1, 1),
                                                                amounts=(policies.AmountRule("Z", None, 1),)))
    assert "Unknown talent tier" in err.value.message
    assert policies.list_policies(session) == []


def test_suspended_grant_posts_nothing_until_resumed(session):
    tid = add_talent(session)
    pid = add_policy(session, mode="monthly", count=6, amount_fen=600)
    g = grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2025, 1, 1), as_of=D(2025, 1, 15))
    grants.suspend_grant(session, grant_id=g.id, reason="待核实在岗情况")
    assert journal.post_due_instalments(session, as_of=D(2025, 4, 15)) == 0
    r = grants.resume_grant(session, grant_id=g.id, as_of=D(2025, 4, 15))
    assert sum(i.posted for i in r.schedule) == 4
    t = grants.terminate_grant(session, grant_id=g.id, reason="调离")
    assert [i.cancelled for i in t.schedule] == [False] * 4 + [True] * 2
    assert journal.post_due_instalments(session, as_of=D(2026, 1, 1)) == 0


# ---------------------------------------------------------------- append-only

def test_posted_entries_cannot_be_changed_or_deleted_by_the_database(session):
    tid = add_talent(session)
    pid = add_policy(session)
    grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2024, 1, 1), as_of=D(2024, 1, 1))
    session.commit()
    eid = session.scalar(select(LedgerEntry.id))
    for sql in (f"UPDATE ledger_entries SET amount_fen = 1 WHERE id = {eid}",
                f"DELETE FROM ledger_entries WHERE id = {eid}"):
        with pytest.raises(DatabaseError, match="append-only"):
            session.execute(text(sql))
        session.rollback()
    assert session.scalar(select(LedgerEntry.amount_fen).where(LedgerEntry.id == eid)) == 1_000_000


def test_posted_entries_cannot_be_changed_through_the_orm_session(session):
    tid = add_talent(session)
    pid = add_policy(session)
    grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2024, 1, 1), as_of=D(2024, 1, 1))
    session.commit()
    entry = session.scalar(select(LedgerEntry))
    entry.amount_fen = 5
    with pytest.raises(DatabaseError):
        session.flush()
    session.rollback()
    session.delete(session.scalar(select(LedgerEntry)))
    with pytest.raises(DatabaseError):
        session.flush()
    session.rollback()


def test_the_service_layer_offers_no_edit_and_reversal_restores_the_balance(session):
    assert not any(hasattr(journal, n) for n in ("update_entry", "delete_entry", "edit_entry"))
    tid = add_talent(session)
    pid = add_policy(session, mode="lump_sum", count=1, amount_fen=5_000_000)
    g = grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2025, 1, 1), as_of=D(2025, 1, 1))
    before = journal.grant_balance(session, g.id)
    res = pay_all_due(session, tid, D(2025, 1, 20), voucher="记-202501-0099")
    assert journal.grant_balance(session, g.id) == before - 5_000_000 == 0
    entry_id = session.scalar(select(Payment.entry_id).where(Payment.id == res.done[0]))
    rev = journal.reverse_entry(session, entry_id=entry_id, reason="凭证号录入错误", on=D(2025, 1, 22))
    assert rev.kind == "reversal" and rev.amount_fen == 5_000_000 and rev.reverses_id == entry_id
    assert journal.grant_balance(session, g.id) == before
    with pytest.raises(RuleViolation):
        journal.reverse_entry(session, entry_id=entry_id, reason="again", on=D(2025, 1, 22))
    with pytest.raises(RuleViolation):
        journal.reverse_entry(session, entry_id=rev.id, reason="undo", on=D(2025, 1, 22))
    # the instalment is owed again and can be paid correctly
    pay_all_due(session, tid, D(2025, 1, 25), voucher="记-202501-0100")
    assert journal.grant_balance(session, g.id) == 0
    stmt = journal.talent_statement(session, talent_id=tid)
    assert [ln.kind for ln in stmt.lines] == ["due", "payment", "reversal", "payment"]
    assert [ln.balance_fen for ln in stmt.lines] == [5_000_000, 0, 5_000_000, 0]
    assert stmt.lines[1].reversed and stmt.paid_fen == 5_000_000


# ---------------------------------------------------------------- payments workflow

def _users(database):
    with database.session(Actor.local()) as s:
        for uid, name, role in ((1, "clerk", "clerk"), (2, "boss", "approver")):
            s.add(User(id=uid, username=name, role=role, password_hash="x"))


def test_separation_of_duties(database):
    _users(database)
    clerk = make_actor(Role.CLERK, user_id=1, username="clerk")
    admin_as_clerk = make_actor(Role.ADMIN, user_id=1, username="clerk")
    boss = make_actor(Role.APPROVER, user_id=2, username="boss")
    with database.session(Actor.local()) as s:
        tid = add_talent(s)
        pid = add_policy(s, mode="lump_sum", count=1)
        grants.grant_policy(s, talent_id=tid, policy_id=pid, start_date=D(2025, 1, 1), as_of=D(2025, 1, 1))
        inst = s.scalar(select(Instalment.id))
    with database.session(clerk) as s:
        rec = payments.record_payments(s, instalment_ids=[inst])
        with pytest.raises(PermissionDenied):
            payments.approve_payments(s, payment_ids=rec.done)
    with database.session(admin_as_clerk) as s:  # the recorder cannot approve even with a role that may
        res = payments.approve_payments(s, payment_ids=rec.done)
        assert res.done == () and "another person" in res.refused[0][1]
    with database.session(Actor.local()) as s:  # the database holds the rule too
        pay = s.get(Payment, rec.done[0])
        pay.approved_by_id = 1
        with pytest.raises(IntegrityError):
            s.flush()
        s.rollback()
    with database.session(boss) as s:
        assert payments.approve_payments(s, payment_ids=rec.done).done == rec.done
    with database.session(clerk) as s:
        paid = payments.mark_paid(s, payment_ids=rec.done, voucher_no="记-2025-01-0007", pay_date=D(2025, 1, 9))
        assert paid.done == rec.done
        row = payments.list_payments(s, payment_ids=rec.done)[0]
        assert (row.status, row.recorded_by, row.approved_by, row.voucher_no) == ("paid", "clerk", "boss",
                                                                                 "记-2025-01-0007")


def test_single_user_may_approve_own_order_and_batch_shares_one_voucher(session):
    ids = []
    pid = add_policy(session, mode="lump_sum", count=1, amount_fen=100_00)
    for i in range(3):
        tid = add_talent(session, name=f"人才{i}")
        ids.append(tid)
        grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2025, 1, 1), as_of=D(2025, 1, 1))
    insts = list(session.scalars(select(Instalment.id)))
    rec = payments.record_payments(session, instalment_ids=insts + insts[:1])
    assert len(rec.done) == 3 and "already has a payment order" in rec.refused[0][1]
    seen = []
    payments.approve_payments(session, payment_ids=rec.done, progress=lambda d, t, _x: seen.append((d, t)))
    assert seen[-1] == (3, 3)
    payments.mark_paid(session, payment_ids=rec.done, voucher_no="记-9", pay_date=D(2025, 1, 5))
    vouchers = set(session.scalars(select(LedgerEntry.voucher_no).where(LedgerEntry.kind == "payment")))
    assert vouchers == {"记-9"}
    assert set(session.scalars(select(SubsidyGrant.status))) == {"completed"}


def test_cancelled_batch_changes_nothing(database):
    with database.session(Actor.local()) as s:
        pid = add_policy(s, mode="lump_sum", count=1)
        tid = add_talent(s)
        grants.grant_policy(s, talent_id=tid, policy_id=pid, start_date=D(2025, 1, 1), as_of=D(2025, 1, 1))
        rec = payments.record_payments(s, instalment_ids=list(s.scalars(select(Instalment.id))))
    with pytest.raises(RuleViolation, match="cancelled"):
        with database.session(Actor.local()) as s:
            payments.approve_payments(s, payment_ids=rec.done, abort=lambda: True)
    with database.session(Actor.local()) as s:
        assert s.scalar(select(Payment.status)) == "recorded"


def test_voucher_number_is_required(session):
    with pytest.raises(ValidationError) as err:
        payments.mark_paid(session, payment_ids=[1], voucher_no="  ", pay_date=D(2025, 1, 1))
    assert err.value.field == "voucher_no"


@pytest.mark.parametrize("word", ["记", " 记 ", "银付", "记-"])
def test_a_voucher_word_without_a_number_is_refused_and_changes_nothing(session, word):
    pid = add_policy(session, mode="lump_sum", count=1)
    tid = add_talent(session)
    grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2025, 1, 1), as_of=D(2025, 1, 1))
    rec = payments.record_payments(session, instalment_ids=list(session.scalars(select(Instalment.id))))
    payments.approve_payments(session, payment_ids=rec.done)
    with pytest.raises(ValidationError) as err:
        payments.mark_paid(session, payment_ids=rec.done, voucher_no=word, pay_date=D(2025, 1, 5))
    assert err.value.field == "voucher_no" and "记-202611-0012" in err.value.message
    assert session.scalar(select(Payment.status)) == "approved"


def test_a_voucher_number_of_another_payment_is_refused_but_one_voucher_may_pay_a_batch(session):
    pid = add_policy(session, mode="lump_sum", count=1)
    first, second, third = (add_talent(session, name=n) for n in ("甲一", "乙二", "丙三"))
    for tid in (first, second, third):
        grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2025, 1, 1), as_of=D(2025, 1, 1))
    ids = {r.talent_id: r.instalment_id for r in journal.overdue(session, as_of=D(2025, 3, 1))}
    rec = payments.record_payments(session, instalment_ids=[ids[first], ids[second], ids[third]])
    payments.approve_payments(session, payment_ids=rec.done)
    batch = payments.mark_paid(session, payment_ids=rec.done[:2], voucher_no="记-202501-0031", pay_date=D(2025, 1, 5))
    assert len(batch.done) == 2  # one voucher for a batch of payments is how finance pays
    assert payments.check_voucher(session, voucher_no="记-202501-0032", payment_ids=[rec.done[2]]) == "记-202501-0032"
    with pytest.raises(Conflict) as err:
        payments.mark_paid(session, payment_ids=[rec.done[2]], voucher_no=" 记-202501-0031", pay_date=D(2025, 1, 6))
    assert err.value.field == "voucher_no" and "甲一" in err.value.message
    with pytest.raises(Conflict):
        payments.check_voucher(session, voucher_no="记-202501-0031", payment_ids=[rec.done[2]])
    assert session.get(Payment, rec.done[2]).status == "approved"


# ---------------------------------------------------------------- departure and clawback

def _paid_grant(s, *, rule: str, arrival=D(2020, 1, 1), service_years=5, waiver="", total=6_000_000, count=3):
    tid = add_talent(s, arrival=arrival, service_years=service_years, waiver=waiver)
    pid = add_policy(s, name=f"补贴{rule}{tid}", rule=rule, amount_fen=total, count=count)
    g = grants.grant_policy(s, talent_id=tid, policy_id=pid, start_date=arrival, as_of=arrival)
    pay_all_due(s, tid, arrival + dt.timedelta(days=10))
    return tid, g.id


def test_clawback_pro_rata(session):
    tid, gid = _paid_grant(session, rule="pro_rata", total=6_000_000)  # 20,000 yuan paid of 60,000
    depart(session, tid, D(2020, 7, 1))                                 # 6 of 60 months served
    [line] = journal.apply_departure(session, talent_id=tid)
    assert line.paid_fen == 2_000_000
    assert line.owed_fen == 2_000_000 - 6_000_000 * 6 // 60 == 1_400_000
    assert journal.grant_balance(session, gid) == -1_400_000
    assert payments.obligations(session, talent_id=tid)[0].open_fen == 1_400_000


def test_clawback_full_rule(session):
    tid, gid = _paid_grant(session, rule="full")
    depart(session, tid, D(2023, 1, 1))
    assert journal.apply_departure(session, talent_id=tid)[0].owed_fen == 2_000_000


def test_clawback_waived_by_recorded_reason(session):
    tid, gid = _paid_grant(session, rule="full", waiver="组织调动")
    depart(session, tid, D(2021, 1, 1))
    assert journal.apply_departure(session, talent_id=tid)[0].owed_fen == 0
    assert journal.grant_balance(session, gid) == 0
    assert payments.obligations(session, talent_id=tid) == []


def test_no_clawback_when_leaving_after_the_commitment(session):
    tid, gid = _paid_grant(session, rule="full", service_years=3, count=1)
    depart(session, tid, D(2023, 1, 2))
    assert journal.apply_departure(session, talent_id=tid)[0].owed_fen == 0


def test_pro_rata_never_below_zero(session):
    tid, gid = _paid_grant(session, rule="pro_rata", total=6_000_000)  # 1/3 paid
    depart(session, tid, D(2022, 1, 1))                                 # 24 of 60 months: earned 40% > paid
    assert journal.apply_departure(session, talent_id=tid)[0].owed_fen == 0


def test_instalments_stop_after_departure_and_departure_is_idempotent(session):
    tid, gid = _paid_grant(session, rule="pro_rata", total=6_000_000)
    depart(session, tid, D(2020, 7, 1))
    first = journal.apply_departure(session, talent_id=tid)
    n = session.scalar(select(func.count()).select_from(LedgerEntry))
    assert journal.post_due_instalments(session, as_of=D(2030, 1, 1)) == 0
    assert journal.apply_departure(session, talent_id=tid) == first
    assert session.scalar(select(func.count()).select_from(LedgerEntry)) == n
    assert journal.due_this_month(session, as_of=D(2021, 1, 1)) == []
    assert grants.get_grant(session, grant_id=gid).status == "terminated"


def test_unpaid_due_lapses_and_open_orders_are_cancelled_on_departure(session):
    tid = add_talent(session, arrival=D(2024, 1, 1))
    pid = add_policy(session, rule="none", mode="lump_sum", count=1, amount_fen=500)
    g = grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2024, 2, 1), as_of=D(2024, 2, 1))
    rec = payments.record_payments(session, instalment_ids=[g.schedule[0].id])
    depart(session, tid, D(2024, 3, 1))
    journal.apply_departure(session, talent_id=tid)
    assert journal.grant_balance(session, g.id) == 0
    assert payments.list_payments(session, payment_ids=rec.done)[0].status == "cancelled"


def test_refunds_and_waivers_settle_an_obligation(session):
    tid, gid = _paid_grant(session, rule="full")
    depart(session, tid, D(2021, 1, 1))
    journal.apply_departure(session, talent_id=tid)
    with pytest.raises(RuleViolation):
        payments.record_refund(session, grant_id=gid, amount_fen=2_000_001, on=D(2021, 2, 1))
    payments.record_refund(session, grant_id=gid, amount_fen=1_500_000, on=D(2021, 2, 1), voucher_no="收-1")
    assert payments.obligations(session, talent_id=tid)[0].open_fen == 500_000
    payments.waive_obligation(session, grant_id=gid, reason="因病离职，经县人才办会议同意", on=D(2021, 3, 1))
    assert payments.obligations(session, talent_id=tid) == []
    assert payments.obligations(session, talent_id=tid, open_only=False)[0].waived_fen == 500_000
    assert journal.grant_balance(session, gid) == 0
    st = journal.talent_statement(session, talent_id=tid)
    assert st.obligation_open_fen == 0 and st.balance_fen == 0


def test_clerk_cannot_waive(database):
    with database.session(make_actor(Role.CLERK)) as s:
        with pytest.raises(PermissionDenied):
            payments.waive_obligation(s, grant_id=1, reason="x", on=D(2021, 1, 1))


# ---------------------------------------------------------------- lists, budgets

def test_due_this_month_and_overdue(session):
    tid = add_talent(session)
    pid = add_policy(session, mode="monthly", count=4, amount_fen=400)
    grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2025, 1, 10), as_of=D(2025, 3, 5))
    overdue = journal.overdue(session, as_of=D(2025, 3, 5))
    assert [r.seq for r in overdue] == [1, 2]
    due = journal.due_this_month(session, as_of=D(2025, 3, 5))
    assert [(r.seq, r.posted) for r in due] == [(3, False)]
    payments.record_payments(session, instalment_ids=[overdue[0].instalment_id])
    assert journal.overdue(session, as_of=D(2025, 3, 5))[0].payment_status == "recorded"


def test_budget_report_and_three_year_forecast(session):
    tid = add_talent(session)
    pid = add_policy(session, amount_fen=3_000_000, count=3)
    grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2026, 6, 1), as_of=D(2026, 6, 1))
    budgets.set_budget(session, fiscal_year=2026, policy_kind="settling", amount_fen=5_000_000)
    pay_all_due(session, tid, D(2026, 6, 20))
    rep = budgets.budget_report(session, fiscal_year=2026)
    [line] = rep.lines
    assert (line.budgeted_fen, line.committed_fen, line.paid_fen, line.remaining_fen, line.uncommitted_fen) == (
        5_000_000, 1_000_000, 1_000_000, 4_000_000, 4_000_000)
    assert rep.warnings == ()
    fc = budgets.forecast(session, as_of=D(2026, 11, 23))
    assert fc.years == (2027, 2028, 2029)
    assert fc.by_kind == {"settling": (1_000_000, 1_000_000, 0)} and fc.totals == (1_000_000, 1_000_000, 0)
    depart(session, tid, D(2026, 12, 1))
    journal.apply_departure(session, talent_id=tid)
    assert budgets.forecast(session, as_of=D(2026, 11, 23)).totals == (0, 0, 0)
    with pytest.raises(ValidationError):
        budgets.set_budget(session, fiscal_year=2026, policy_kind="settling", amount_fen=-1)


def test_ledger_filters_and_totals(session):
    tid = add_talent(session)
    pid = add_policy(session, amount_fen=300, count=3)
    grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2024, 1, 1), as_of=D(2026, 1, 1))
    pay_all_due(session, tid, D(2026, 1, 5))
    t = journal.entry_totals(session, query=journal.EntryQuery(year=2026))
    assert (t.due_fen, t.paid_fen) == (100, 300)
    page = journal.list_entries(session, query=journal.EntryQuery(kind="payment", talent_id=tid))
    assert page.total == 3 and all(r.kind == "payment" for r in page.rows)
    assert journal.list_entries(session, query=journal.EntryQuery(grant_status="active")).total == 0


def test_the_budget_remaining_is_budget_minus_paid_and_paying_without_a_budget_is_warned(session):
    tid = add_talent(session)
    pid = add_policy(session, amount_fen=3_000_000, count=3)
    grants.grant_policy(session, talent_id=tid, policy_id=pid, start_date=D(2026, 1, 1), as_of=D(2026, 1, 1))
    grants.grant_policy(session, talent_id=add_talent(session, name="李四"), policy_id=add_policy(
        session, name="生活补贴", kind="living", amount_fen=200_000, mode="lump_sum", count=1),
        start_date=D(2026, 1, 1), as_of=D(2026, 1, 1))
    budgets.set_budget(session, fiscal_year=2026, policy_kind="settling", amount_fen=500_000)
    budgets.set_budget(session, fiscal_year=2026, policy_kind="living", amount_fen=0)
    for t in (tid, tid + 1):
        pay_all_due(session, t, D(2026, 1, 20))
    rep = budgets.budget_report(session, fiscal_year=2026)
    lines = {x.policy_kind: x for x in rep.lines}
    assert lines["settling"].remaining_fen == 500_000 - lines["settling"].paid_fen  # 结余 = budget − paid
    assert lines["living"].paid_fen == 200_000 and lines["living"].remaining_fen == -200_000
    assert any("no budget" in w and "¥2,000.00" in w for w in rep.warnings)
    assert any("more than the budget" in w for w in rep.warnings)


def test_the_ledger_totals_add_up_with_waivers_shown(session):
    tid, gid = _paid_grant(session, rule="full")
    _paid_grant(session, rule="pro_rata")
    journal.post_due_instalments(session, as_of=D(2022, 6, 1))
    depart(session, tid, D(2022, 6, 1))
    journal.apply_departure(session, talent_id=tid)
    payments.record_refund(session, grant_id=gid, amount_fen=500_000, on=D(2022, 7, 1))
    payments.waive_obligation(session, grant_id=gid, reason="组织调动", on=D(2022, 8, 1))
    t = journal.entry_totals(session)
    assert t.waiver_fen != 0 and t.refund_fen == 500_000 and t.clawback_fen > 0
    assert t.due_fen - t.paid_fen - t.clawback_fen + t.refund_fen + t.waiver_fen == t.balance_fen  # 余额 adds up
    assert t.due_fen - t.paid_fen - t.clawback_fen + t.refund_fen != t.balance_fen  # the waivers were the gap
    st = journal.talent_statement(session, talent_id=tid)
    assert st.due_fen - st.paid_fen - st.clawback_fen + st.refund_fen + st.waiver_fen == st.balance_fen
