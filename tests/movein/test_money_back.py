"""Money that went back moves in with the payments: rows an office writes as 追回 / 退回 / a negative amount become
the ledger's refunds, 应追回 rows its clawback obligations; a refund that no 应追回 row covers brings the obligation
it settles. Reconciliation shows them per policy and year; contradictions are refused and change nothing."""
from __future__ import annotations

import datetime as dt

import pytest

from talentdesk.domain.models import Instalment
from talentdesk.services.ledger import grants as grants_svc
from talentdesk.services.ledger import history_import as H
from talentdesk.services.ledger import payments, reconcile
from tests.ledger.helpers import add_people, add_policy, id_numbers
from tests.movein.helpers import HEADER, checksums, write_sheet

TODAY = dt.date(2026, 11, 23)
KIND_HEADER = [*HEADER, "款项类型", "摘要"]


@pytest.fixture
def office(database, local):
    """张三 arrived 2022-01-10 and left 2023-06-30; 李四 is still here. 安家补贴: 30,000 in 3 yearly instalments."""
    with database.session(local) as s:
        ids = add_people(s, {"张三": (dt.date(2022, 1, 10), dt.date(2023, 6, 30)), "李四": (dt.date(2022, 3, 1), None)})
        add_policy(s, name="安家补贴", amount_fen=3_000_000, mode="yearly", count=3)
        return id_numbers(s, ids)


def _import(database, local, path, **kw):
    with database.session(local) as s:
        return H.import_payments(s, path=path, today=TODAY, **kw)


def _grant(database, local, name):
    with database.session(local, readonly=True) as s:
        g = next(g for g in grants_svc.list_grants(s) if g.talent_name == name)
        open_ = {(i.seq, i.cancelled) for i in s.query(Instalment).filter_by(grant_id=g.id)}
        return g, open_


def _reconciled(database, local):
    with database.session(local, readonly=True) as s:
        rec = reconcile.reconcile(s)
    return rec, {(r.policy, r.year): r for r in rec.rows}


def test_a_leaver_whose_money_came_back_written_as_a_negative_追回_row(office, database, local, tmp_path):
    zs = office["张三"]
    path = write_sheet(tmp_path / "h.xlsx", [
        (1, "张三", zs, "安家补贴", None, "1/3", "1万", "2022-02-01", "记-001", None),
        (2, "张三", zs, "安家补贴", None, "第2期", "10,000.00", "2023-02-01", "记-002", None),
        (3, "张三", zs, "安家补贴", None, "追回", "-5,000.00", "2023-09-15", "记-003", "银行转账"),
        ("合计", None, None, None, None, None, "1.5万", None, None, None),
    ])
    dry = _import(database, local, path, dry_run=True)
    assert dry.rejected == [] and dry.valid_rows == 3
    kinds = [(ln.row, ln.kind, ln.amount_fen) for ln in dry.extra["preview"]]
    assert kinds == [(3, "payment", 1_000_000), (4, "payment", 1_000_000), (5, "clawback", 500_000),
                     (5, "refund", 500_000)]
    assert dry.extra["refund_fen"] == 500_000 and dry.extra["clawback_fen"] == 500_000
    assert any("no 应追回 row" in w.message and w.row == 5 for w in dry.warnings)

    result = _import(database, local, path)
    assert result.imported == 3 and result.not_data == [6]
    g, inst = _grant(database, local, "张三")
    assert (g.approved_total_fen, g.paid_fen, g.balance_fen, g.status) == (3_000_000, 2_000_000, 0, "terminated")
    assert (3, True) in inst  # the instalment after leaving lapsed
    rec, by = _reconciled(database, local)
    r2023 = by[("安家补贴", 2023)]
    assert (r2023.payments, r2023.paid_fen) == (1, 1_000_000)
    assert (r2023.clawbacks, r2023.clawback_fen, r2023.refunds, r2023.refund_fen) == (1, 500_000, 1, 500_000)
    assert rec.total_refund_fen == 500_000 and rec.total_paid_fen == 2_000_000


def test_应追回_then_partly_退回_in_a_kind_column_leaves_the_rest_owed(office, database, local, tmp_path):
    zs = office["张三"]
    path = write_sheet(tmp_path / "h.xlsx", [
        (1, "张三", zs, "安家补贴", None, "1/3", 10000, dt.date(2022, 2, 1), "V1", None, "发放", None),
        (2, "张三", zs, "安家补贴", None, "2/3", 9999.999999, dt.date(2023, 2, 1), "V2", None, "发放", None),
        (3, "张三", zs, "安家补贴", None, None, "-8000", dt.date(2023, 7, 1), "追-1", None, "应追回", "提前离职"),
        (4, "张三", zs, "安家补贴", None, None, "3000", dt.date(2023, 8, 1), "收-1", None, "退 回", None),
        (5, "张三", zs, "安家补贴", None, None, "(2,000.00)", dt.date(2024, 1, 5), "收-2", None, None,
         "退还安家补贴"),
    ], header=KIND_HEADER)
    result = _import(database, local, path)
    assert result.rejected == [] and result.warnings == [] and result.imported == 5
    g, _inst = _grant(database, local, "张三")
    assert (g.paid_fen, g.balance_fen) == (2_000_000, -300_000)  # owed 8,000, paid back 5,000
    with database.session(local, readonly=True) as s:
        owed = payments.obligations(s)
    assert [(o.talent_name, o.owed_fen, o.refunded_fen, o.open_fen) for o in owed] == [
        ("张三", 800_000, 500_000, 300_000)]
    _rec, by = _reconciled(database, local)
    assert (by[("安家补贴", 2023)].clawback_fen, by[("安家补贴", 2023)].refund_fen) == (800_000, 300_000)
    # the office forgives 1,000 of what is still owed (组织调动); more than is owed is refused
    forgive = write_sheet(tmp_path / "f.xlsx", [
        (1, "张三", zs, "安家补贴", None, None, "-1000", dt.date(2024, 2, 1), "免-1", None, "免于追回", "组织调动"),
        (2, "张三", zs, "安家补贴", None, None, "-2500", dt.date(2024, 2, 2), "免-2", None, None, "豁免剩余部分"),
    ], header=KIND_HEADER)
    r = _import(database, local, forgive)
    assert r.imported == 0 and [(x.row, "More forgiven than is owed back" in x.message) for x in r.rejected] == [
        (4, True)]
    r = _import(database, local, forgive, skip_invalid=True)
    assert r.imported == 1 and r.extra["waiver_fen"] == 100_000
    g, _inst = _grant(database, local, "张三")
    assert g.balance_fen == -200_000
    with database.session(local, readonly=True) as s:
        assert [(o.waived_fen, o.open_fen) for o in payments.obligations(s)] == [(100_000, 200_000)]
    from talentdesk.store import chain

    with database.engine.connect() as conn:  # every entry moved in is sealed into the hash chain like any other
        report = chain.verify(conn.connection.driver_connection)
    assert report.ok and report.links > 0, report.findings[:3]
    assert (by[("安家补贴", 2024)].clawbacks, by[("安家补贴", 2024)].refund_fen) == (0, 200_000)


def test_money_back_onto_a_grant_already_on_file(office, database, local, tmp_path):
    zs = office["张三"]
    first = write_sheet(tmp_path / "a.xlsx", [
        (1, "张三", zs, "安家补贴", None, "1/3", 10000, "2022-02-01", "V1", None),
        (2, "张三", zs, "安家补贴", None, "2/3", 10000, "2023-02-01", "V2", None)])
    assert _import(database, local, first).imported == 2
    later = write_sheet(tmp_path / "b.xlsx", [
        (1, "张三", zs, "安家补贴", None, "退回", 4000, "2023-10-01", "R1", None)])
    assert _import(database, local, later).imported == 1
    g, _inst = _grant(database, local, "张三")
    assert g.balance_fen == 0
    again = _import(database, local, later)  # the same file twice: the same entry twice, nothing doubled
    assert again.imported == 0 and "already in the ledger" in again.rejected[0].message
    too_much = write_sheet(tmp_path / "c.xlsx", [
        (1, "张三", zs, "安家补贴", None, "退回", 16001, "2023-11-01", "R2", None)])
    before = checksums(database)
    r = _import(database, local, too_much)
    assert r.imported == 0 and "More paid back than was paid" in r.rejected[0].message
    assert checksums(database) == before


REFUSALS = {
    "money back where nothing was paid": (
        lambda ids: [(1, "李四", ids["李四"], "安家补贴", None, "追回", -5000, "2023-09-15", "V1", None, None, None)],
        3, "补贴项目", "Nothing was paid to 李四"),
    "more owed back than was paid": (
        lambda ids: [(1, "张三", ids["张三"], "安家补贴", None, "1/3", 10000, "2022-02-01", "V1", None, None, None),
                     (2, "张三", ids["张三"], "安家补贴", None, None, "-1.5万", "2023-07-01", "V2", None, "应追回",
                      None)],
        4, "金额（元）", "More owed back than was paid"),
    "the same refund twice": (
        lambda ids: [(1, "张三", ids["张三"], "安家补贴", None, "1/3", 10000, "2022-02-01", "V1", None, None, None),
                     (2, "张三", ids["张三"], "安家补贴", None, None, -1000, "2023-07-01", "R1", None, None, None),
                     (3, "张三", ids["张三"], "安家补贴", None, "退回", "1,000", "2023-07-01", "R1", None, None,
                      None)],
        5, "凭证号", "is already on row 4"),
    "an entry kind nobody knows": (
        lambda ids: [(1, "张三", ids["张三"], "安家补贴", None, "1/3", 10000, "2022-02-01", "V1", None, "预支", None)],
        3, "款项类型", "“预支” is not a kind of entry"),
    "a payment written negative": (
        lambda ids: [(1, "张三", ids["张三"], "安家补贴", None, "1/3", -10000, "2022-02-01", "V1", None, "发放", None)],
        3, "金额（元）", "A payment cannot be negative"),
    "money back in the future": (
        lambda ids: [(1, "张三", ids["张三"], "安家补贴", None, "1/3", 10000, "2022-02-01", "V1", None, None, None),
                     (2, "张三", ids["张三"], "安家补贴", None, "追回", -1000, "2027-01-01", "R1", None, None, None)],
        4, "发放日期", "is in the future"),
}


@pytest.mark.parametrize("reason", list(REFUSALS))
def test_each_money_back_refusal_names_its_reason_and_changes_nothing(reason, office, database, local, tmp_path):
    make, row, column, text = REFUSALS[reason]
    path = write_sheet(tmp_path / "bad.xlsx", make(office), header=KIND_HEADER)
    before = checksums(database)
    result = _import(database, local, path, backup_first_=True)
    assert result.imported == 0 and result.refused
    assert any(r.row == row and r.column == column and text in r.message for r in result.rejected), result.rejected
    assert checksums(database) == before


@pytest.mark.parametrize("written, fen, negative", [
    ("-5,000.00", 500_000, True), ("－5000", 500_000, True), ("−0.5万", 500_000, True), ("(5,000.00)", 500_000, True),
    ("（5000）", 500_000, True), ("-￥5,000", 500_000, True), ("￥-5,000", 500_000, True), (-4999.999999, 500_000, True),
    ("5000", 500_000, False), (5000, 500_000, False), ("1.5万元", 1_500_000, False),
])
def test_amounts_going_back_as_offices_write_them(written, fen, negative):
    from talentdesk.domain.written import parse_signed_amount

    assert parse_signed_amount(written) == (fen, negative)


@pytest.mark.parametrize("texts, kind", [
    (("应追回",), "clawback"), (("追回",), "refund"), (("退 回",), "refund"), (("退款",), "refund"),
    (("免于追回",), "waiver"), (("豁免",), "waiver"), (("发放", "2/3"), None), ((None, "第2期"), None),
    ((None, "追回"), "refund"),
])
def test_what_a_row_says_it_is(texts, kind):
    from talentdesk.domain.written import money_back_kind

    assert money_back_kind(*texts) == kind


@pytest.mark.parametrize("written", ["-", "(-)", "-abc", "--5000", "-0"])
def test_a_negative_that_is_no_amount_is_refused_with_the_reason(written):
    from talentdesk.domain.errors import ValidationError
    from talentdesk.domain.written import parse_signed_amount

    with pytest.raises(ValidationError) as exc:
        parse_signed_amount(written)
    assert exc.value.field == "amount" and exc.value.message
