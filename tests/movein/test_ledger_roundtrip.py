"""An exported ledger (.xlsx) imports into an empty database with the same balance, total and schedule for every
grant — grants paid through payment orders, grants moved in from a file, a reversed payment, a grant with nothing
paid yet, talents who left the county owing money back (clawbacks, refunds, one moved in from a file's 追回 row)."""
from __future__ import annotations

import datetime as dt
import shutil

from talentdesk.domain.models import Employer, Talent
from talentdesk.services.base import Database
from talentdesk.services.ledger import grants as grants_svc
from talentdesk.services.ledger import history_export, history_import, journal, payments, reconcile
from talentdesk.services.talents import departure, exporter, importer
from tests.ledger.helpers import add_policy, add_talent
from tests.movein.helpers import write_sheet


def _policies(s):
    a = add_policy(s, name="安家补贴", amount_fen=3_000_001, mode="yearly", count=3)
    b = add_policy(s, name="租房补贴", kind="rent", amount_fen=600_000, mode="monthly", count=6)
    c = add_policy(s, name="购房补贴", kind="house_purchase", amount_fen=10_000_000, mode="lump_sum", count=1)
    return a, b, c


def _money(rec: dict) -> dict:
    """What the finance bureau ticks off: payments, clawbacks and refunds per policy and year (dues are the
    program's own bookkeeping: instalments that lapsed on departure are never posted when moved in)."""
    keys = ("payments", "paid_fen", "clawbacks", "clawback_fen", "refunds", "refund_fen")
    return {(r["policy"], r["year"]): tuple(r[k] for k in keys) for r in rec["rows"] if any(r[k] for k in keys)}


def _by_person(database, local):
    with database.session(local, readonly=True) as s:
        ids = dict(s.query(Talent.id, Talent.id_number).all())
        return {(ids[g.talent_id], g.policy_name): (g.approved_total_fen, g.balance_fen, g.paid_fen, g.status,
                                                    tuple((i.seq, i.due_date, i.amount_fen) for i in g.schedule))
                for g in grants_svc.list_grants(s)}


def test_exported_ledger_reimports_into_an_empty_database_with_identical_balances(database, local, tmp_path,
                                                                                   _template_db):
    with database.session(local) as s:
        a, b, c = _policies(s)
        people = [add_talent(s, name=n, arrival=dt.date(2023, m, 3)) for n, m in
                  (("赵一", 1), ("钱二", 2), ("孙三", 3), ("李四", 4), ("周五", 5), ("吴六", 1), ("郑七", 2))]
        hospital = Employer(name="县人民医院", name_pinyin="xianrenminyiyuan", name_initials="xrmyy")
        s.add(hospital)
        s.flush()
        for pid in people:  # the gender the ID number says and an employer, as the roster import checks
            t = s.get(Talent, pid)
            t.gender = "M" if int(t.id_number[16]) % 2 else "F"
            t.employer_id = hospital.id
        g1 = grants_svc.grant_policy(s, talent_id=people[0], policy_id=a, start_date=dt.date(2023, 1, 3))
        g2 = grants_svc.grant_policy(s, talent_id=people[1], policy_id=b, start_date=dt.date(2023, 2, 3))
        grants_svc.grant_policy(s, talent_id=people[2], policy_id=c, start_date=dt.date(2023, 3, 3))  # nothing paid
        grants_svc.grant_policy(s, talent_id=people[3], policy_id=b, start_date=dt.date(2023, 4, 3),
                                total_fen=450_000)  # a total set by hand
        inst = [i.id for i in g1.schedule[:2]] + [i.id for i in g2.schedule[:4]]
        done = payments.record_payments(s, instalment_ids=inst).done
        payments.approve_payments(s, payment_ids=done)
        payments.mark_paid(s, payment_ids=done, voucher_no="记-2024-001", pay_date=dt.date(2024, 6, 1))
        wrong = s.get(Talent, people[1])
        entry = journal.list_entries(s, query=journal.EntryQuery(talent_id=wrong.id, kind="payment")).rows[0]
        journal.reverse_entry(s, entry_id=entry.id, reason="付错了", on=dt.date(2024, 6, 2))
        # 吴六 is paid two of three instalments, leaves, owes a share back (the clawback) and pays part of it
        g6 = grants_svc.grant_policy(s, talent_id=people[5], policy_id=a, start_date=dt.date(2023, 1, 3))
        done = payments.record_payments(s, instalment_ids=[i.id for i in g6.schedule[:2]]).done
        payments.approve_payments(s, payment_ids=done)
        payments.mark_paid(s, payment_ids=done, voucher_no="记-2024-002", pay_date=dt.date(2024, 1, 20))
        left = departure.record_departure(s, talent_id=people[5], on=dt.date(2024, 9, 30), exit_reason="family",
                                          today=dt.date(2026, 1, 1))
        assert left.clawback_fen > 0
        payments.record_refund(s, grant_id=g6.id, amount_fen=left.clawback_fen // 3, on=dt.date(2024, 11, 5),
                               voucher_no="收-2024-009")
        payments.waive_obligation(s, grant_id=g6.id, reason="组织调动", on=dt.date(2024, 12, 1),
                                  amount_fen=left.clawback_fen // 3)  # part forgiven; the rest is still owed
        idn = s.get(Talent, people[4]).id_number
        idn7 = s.get(Talent, people[6]).id_number
        departure.record_departure(s, talent_id=people[6], on=dt.date(2024, 8, 1), exit_reason="pay",
                                   today=dt.date(2026, 1, 1))
    moved = write_sheet(tmp_path / "moved.xlsx", [
        (1, "周五", idn, "安家补贴", None, "1/2", "1.5万", "2023-06-01", "记-M1", None),
        (2, "周五", idn, None, "县委人才办〔2020〕1号", None, "15,000.00", "2024-06-01", "记-M2", None),
        (3, "郑七", idn7, "租房补贴", None, "1/6", "1,000.00", "2023-03-10", "记-M3", None),
        (4, "郑七", idn7, "租房补贴", None, "2/6", "1,000.00", "2023-04-10", "记-M4", None),
        (5, "郑七", idn7, "租房补贴", None, "追回", "-500", "2024-09-01", "记-M5", None),
    ])
    with database.session(local) as s:
        assert history_import.import_payments(s, path=moved).imported == 0  # 文号 is shared by the policies
        r = history_import.import_payments(s, path=moved, skip_invalid=True)
        assert r.imported == 4
    before = _by_person(database, local)
    assert len(before) == 7
    assert before[(idn7, "租房补贴")][1] == 0  # paid 2,000, owed back 500 and paid it
    assert any(v[1] < 0 and v[3] == "terminated" for v in before.values())  # 吴六 still owes

    with database.session(local, readonly=True) as s:
        rec_before = reconcile.reconcile(s).as_json()
        assert rec_before["total_clawback_fen"] > 0 and rec_before["total_refund_fen"] > 0
    with database.session(local) as s:
        exporter.export_talents(s, path=tmp_path / "talents.xlsx")
        history_export.export_payment_history(s, out_path=tmp_path / "ledger.xlsx")

    empty = tmp_path / "empty.db"
    shutil.copyfile(_template_db, empty)
    other = Database.open(empty)
    try:
        with other.session(local) as s:
            _policies(s)
            assert importer.import_talents(s, path=tmp_path / "talents.xlsx").imported == 7
        with other.session(local) as s:
            result = history_import.import_payments(s, path=tmp_path / "ledger.xlsx")
        assert result.rejected == []
        assert _by_person(other, local) == before
        with other.session(local, readonly=True) as s:
            assert _money(reconcile.reconcile(s).as_json()) == _money(rec_before)
    finally:
        other.dispose()
