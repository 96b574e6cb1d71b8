"""An exported ledger (.xlsx) imports into an empty database with the same balance, total and schedule for every
grant — grants paid through payment orders, grants moved in from a file, a reversed payment, a grant with nothing
paid yet."""
from __future__ import annotations

import datetime as dt
import shutil

from talentdesk.domain.models import Talent
from talentdesk.services.base import Database
from talentdesk.services.ledger import grants as grants_svc
from talentdesk.services.ledger import history_export, history_import, journal, payments
from talentdesk.services.talents import exporter, importer
from tests.ledger.helpers import add_policy, add_talent
from tests.movein.helpers import write_sheet


def _policies(s):
    a = add_policy(s, name="安家补贴", amount_fen=3_000_001, mode="yearly", count=3)
    b = add_policy(s, name="租房补贴", kind="rent", amount_fen=600_000, mode="monthly", count=6)
    c = add_policy(s, name="购房补贴", kind="house_purchase", amount_fen=10_000_000, mode="lump_sum", count=1)
    return a, b, c


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
                  (("赵一", 1), ("钱二", 2), ("孙三", 3), ("李四", 4), ("周五", 5))]
        for pid in people:  # the gender the ID number says, as the roster import checks
            t = s.get(Talent, pid)
            t.gender = "M" if int(t.id_number[16]) % 2 else "F"
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
        idn = s.get(Talent, people[4]).id_number
    moved = write_sheet(tmp_path / "moved.xlsx", [
        (1, "周五", idn, "安家补贴", None, "1/2", "1.5万", "2023-06-01", "记-M1", None),
        (2, "周五", idn, None, "县委人才办〔2020〕1号", None, "15,000.00", "2024-06-01", "记-M2", None),
    ])
    with database.session(local) as s:
        assert history_import.import_payments(s, path=moved).imported == 0  # 文号 is shared by the policies
        r = history_import.import_payments(s, path=moved, skip_invalid=True)
        assert r.imported == 1
    before = _by_person(database, local)
    assert len(before) == 5

    with database.session(local) as s:
        exporter.export_talents(s, path=tmp_path / "talents.xlsx")
        history_export.export_payment_history(s, out_path=tmp_path / "ledger.xlsx")

    empty = tmp_path / "empty.db"
    shutil.copyfile(_template_db, empty)
    other = Database.open(empty)
    try:
        with other.session(local) as s:
            _policies(s)
            assert importer.import_talents(s, path=tmp_path / "talents.xlsx").imported == 5
        with other.session(local) as s:
            result = history_import.import_payments(s, path=tmp_path / "ledger.xlsx")
        assert result.rejected == []
        assert _by_person(other, local) == before
    finally:
        other.dispose()
