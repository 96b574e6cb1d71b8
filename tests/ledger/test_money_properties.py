"""Properties that must hold for any sequence of ledger operations, and amounts in capitals."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from talentdesk.domain.errors import TalentDeskError
from talentdesk.domain.models import Instalment, LedgerEntry, Payment, SubsidyGrant
from talentdesk.domain.values import amount_in_capitals
from talentdesk.services.ledger import grants
from talentdesk.services.ledger import journal
from talentdesk.services.ledger import payments
from talentdesk.services.base import Actor
from tests.ledger.helpers import add_policy, add_talent, depart

OPS = st.lists(
    st.tuples(st.sampled_from(["grant", "post", "pay", "reverse", "suspend", "resume", "depart", "refund", "waive",
                               "terminate"]),
              st.integers(0, 10_000), st.integers(1, 30_000_000)),
    min_size=1, max_size=25,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_balances_equal_the_sum_of_entries_after_any_sequence(database, ops):
    with database.session(Actor.local()) as s:
        s.execute(LedgerEntry.__table__.select().limit(0))
        talents = [add_talent(s, name=f"人才{i}", arrival=dt.date(2020, 1, 1)) for i in range(2)]
        pols = [add_policy(s, name=f"政策{k}", amount_fen=a, mode=m, count=c, rule=r)
                for k, (a, m, c, r) in enumerate([(3_000_001, "yearly", 3, "pro_rata"), (120_000, "monthly", 12, "full"),
                                                  (999, "lump_sum", 1, "none")])]
        day = dt.date(2020, 2, 1)
        for step, (op, a, b) in enumerate(ops):
            day += dt.timedelta(days=a % 90)
            sp = s.begin_nested()
            try:
                if op == "grant":
                    grants.grant_policy(s, talent_id=talents[a % 2], policy_id=pols[b % 3], start_date=day, as_of=day)
                elif op == "post":
                    journal.post_due_instalments(s, as_of=day)
                elif op == "pay":
                    ids = [r.instalment_id for r in journal.overdue(s, as_of=day + dt.timedelta(days=40))][: 1 + a % 3]
                    rec = payments.record_payments(s, instalment_ids=ids)
                    payments.approve_payments(s, payment_ids=rec.done)
                    payments.mark_paid(s, payment_ids=rec.done, voucher_no=f"记-{step}-{a}", pay_date=day)
                elif op == "reverse":
                    eids = list(s.scalars(select(LedgerEntry.id).where(LedgerEntry.kind != "reversal")))
                    if eids:
                        journal.reverse_entry(s, entry_id=eids[a % len(eids)], reason="错账", on=day + dt.timedelta(days=400))
                elif op in ("suspend", "terminate", "resume", "refund", "waive"):
                    gids = list(s.scalars(select(SubsidyGrant.id)))
                    if gids:
                        gid = gids[a % len(gids)]
                        if op == "suspend":
                            grants.suspend_grant(s, grant_id=gid, reason="核查")
                        elif op == "terminate":
                            grants.terminate_grant(s, grant_id=gid, reason="终止")
                        elif op == "resume":
                            grants.resume_grant(s, grant_id=gid, as_of=day)
                        elif op == "refund":
                            payments.record_refund(s, grant_id=gid, amount_fen=1 + b % 2_000_000, on=day)
                        else:
                            payments.waive_obligation(s, grant_id=gid, reason="组织调动", on=day)
                elif op == "depart":
                    tid = talents[a % 2]
                    depart(s, tid, day)
                    journal.apply_departure(s, talent_id=tid)
                sp.commit()
            except TalentDeskError:
                sp.rollback()
            # the invariant, after every step: each grant's balance is the plain sum of its entries, and the
            # statement's running balance ends where the sum of all the talent's entries is
            for gid in s.scalars(select(SubsidyGrant.id)):
                entries = list(s.scalars(select(LedgerEntry.amount_fen).where(LedgerEntry.grant_id == gid)))
                assert journal.grant_balance(s, gid) == sum(entries)
                assert grants.get_grant(s, grant_id=gid).balance_fen == sum(entries)
            for tid in talents:
                st_ = journal.talent_statement(s, talent_id=tid)
                total = s.scalar(select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0))
                                 .where(LedgerEntry.talent_id == tid))
                assert st_.balance_fen == total
                assert (st_.lines[-1].balance_fen if st_.lines else 0) == total
            # every paid order has exactly its entry; no instalment is paid twice
            for pay in s.scalars(select(Payment).where(Payment.status == "paid")):
                assert s.get(LedgerEntry, pay.entry_id).amount_fen == -pay.amount_fen
            assert journal.entry_totals(s).balance_fen == s.scalar(
                select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0)))
        # instalments of departed talents never fell due after the departure
        for inst in s.scalars(select(Instalment).where(Instalment.posted.is_(True))):
            assert inst.amount_fen > 0
        s.rollback()


@pytest.mark.parametrize("fen, text", [
    # the cases
    (1, "壹分"),                                   # 0.01
    (1000, "壹拾元整"),                             # 10: 壹 before 拾 on financial papers
    (1050, "壹拾元伍角整"),                         # 10.5
    (10_000_000, "壹拾万元整"),                     # 100,000
    (100_000_101, "壹佰万零壹元零壹分"),            # 1,000,001.01
    # examples of the People's Bank of China 支付结算办法 (one of the forms it allows)
    (10_700_053, "壹拾万柒仟元伍角叁分"),           # ¥107,000.53
    (168_032, "壹仟陆佰捌拾元叁角贰分"),            # ¥1,680.32
    (140_950, "壹仟肆佰零玖元伍角整"),              # ¥1,409.50
    (600_714, "陆仟零柒元壹角肆分"),                # ¥6,007.14
    (32_504, "叁佰贰拾伍元零肆分"),                 # ¥325.04
    # others
    (0, "零元整"),
    (10, "壹角整"),
    (11, "壹角壹分"),
    (101, "壹元零壹分"),
    (1_234_567, "壹万贰仟叁佰肆拾伍元陆角柒分"),
    (1_200_000, "壹万贰仟元整"),
    (101_000, "壹仟零壹拾元整"),
    (1_000_000_100, "壹仟万零壹元整"),
    (10_000_000_000, "壹亿元整"),
    (1_000_000_000_000, "壹佰亿元整"),
    (10_001_000, "壹拾万零壹拾元整"),
    (300_000_003, "叁佰万元零叁分"),
    (-1_000, "负壹拾元整"),
])
def test_amount_in_capitals(fen, text):
    assert amount_in_capitals(fen) == text
