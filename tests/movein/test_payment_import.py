"""The payment history moves in: office-shaped files import to the fen, contradictions are refused row by row
with their reason and change nothing, and an exported ledger imports again with the same balances."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from talentdesk.domain.models import Talent
from talentdesk.services.ledger import grants as grants_svc
from talentdesk.services.ledger import history_import as H
from talentdesk.services.ledger import reconcile
from tests.ledger.helpers import add_policy, add_talent
from tests.movein.helpers import checksums, write_sheet

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def office(database, local):
    """Two people and two policies (安家补贴: 30,000 yuan in 3 yearly instalments; 租房补贴: 6 × 1,000 monthly)."""
    with database.session(local) as s:
        zs = add_talent(s, name="张三", arrival=dt.date(2022, 1, 10))
        ls = add_talent(s, name="李四", arrival=dt.date(2023, 3, 1))
        add_policy(s, name="安家补贴", amount_fen=3_000_000, mode="yearly", count=3)
        p2 = add_policy(s, name="租房补贴", kind="rent", amount_fen=600_000, mode="monthly", count=6)
        from talentdesk.domain.models import SubsidyPolicy

        s.get(SubsidyPolicy, p2).doc_number = "县人社〔2022〕11号"
        ids = {s.get(Talent, zs).name: s.get(Talent, zs).id_number, s.get(Talent, ls).name: s.get(Talent, ls).id_number}
    return ids


def _import(database, local, path, **kw):
    with database.session(local) as s:
        return H.import_payments(s, path=path, today=TODAY, **kw)


def _balances(database, local):
    with database.session(local, readonly=True) as s:
        return {(g.talent_name, g.policy_name): (g.approved_total_fen, g.balance_fen, g.paid_fen,
                                                 tuple((i.seq, i.due_date, i.amount_fen) for i in g.schedule))
                for g in grants_svc.list_grants(s)}


def test_amounts_as_offices_write_them_instalments_and_policy_by_doc_number(office, database, local, tmp_path):
    zs, ls = office["张三"], office["李四"]
    path = write_sheet(tmp_path / "p.xlsx", [
        (1, "张三", zs, "安家补贴", None, "1/3", "1万元", "2022-02-01", "记-001", "银行转账"),
        (2, "张三", zs, "安家补贴", None, "第2期", 9999.999999, dt.date(2023, 2, 1), "记-002", None),
        (3, "张三", zs, "安家补贴", None, None, "￥10,000", "2024.2.1", "记-003", "代发"),
        (4, "李四", ls, None, "县人社〔2022〕11号", None, "1,000.00", dt.date(2023, 3, 5), "记-004", "现金"),
        (5, "李四", ls, None, "县人社[2022]11号", None, 1000, dt.date(2023, 4, 5), "记-005", None),
        ("合计", None, None, None, None, None, "3.2万", None, None, None),
    ])
    result = _import(database, local, path)
    assert result.rejected == [] and result.imported == 5
    assert result.not_data == [8]
    b = _balances(database, local)
    total, balance, paid, schedule = b[("张三", "安家补贴")]
    assert (total, balance, paid) == (3_000_000, 0, 3_000_000)
    assert [s[0] for s in schedule] == [1, 2, 3]
    total, balance, paid, schedule = b[("李四", "租房补贴")]
    assert (total, paid) == (600_000, 200_000)
    assert balance == 400_000  # every monthly instalment has fallen due by now; two are paid
    with database.session(local, readonly=True) as s:
        rec = reconcile.reconcile(s)
    assert rec.total_paid_fen == 3_200_000 and rec.total_payments == 5
    by = {(r.policy, r.year): (r.payments, r.paid_fen) for r in rec.rows}
    assert by[("安家补贴", 2022)] == (1, 1_000_000) and by[("租房补贴", 2023)] == (2, 200_000)


def test_rows_that_differ_from_the_policy_make_the_grant_with_a_warning(office, database, local, tmp_path):
    zs = office["张三"]
    path = write_sheet(tmp_path / "p.xlsx", [
        (1, "张三", zs, "安家补贴", None, "1/2", "1.5万", "2022-02-01", "A1", None),
        (2, "张三", zs, "安家补贴", None, "2/2", "1.5万元", "2023-02-01", "A2", None),
    ])
    result = _import(database, local, path)
    assert result.imported == 2 and len(result.warnings) == 1
    assert "made from the file" in result.warnings[0].message
    total, balance, paid, schedule = _balances(database, local)[("张三", "安家补贴")]
    assert (total, balance, paid) == (3_000_000, 0, 3_000_000)
    assert [(s[0], s[2]) for s in schedule] == [(1, 1_500_000), (2, 1_500_000)]


REFUSALS = {
    "same payment twice in the file": (
        lambda ids: [(1, "张三", ids["张三"], "安家补贴", None, None, 10000, "2022-02-01", "V1", None),
                     (2, "张三", ids["张三"], "安家补贴", None, None, 10000, "2022-02-01", "V1", None)],
        4, "凭证号", "is already on row 3"),
    "same instalment twice": (
        lambda ids: [(1, "张三", ids["张三"], "安家补贴", None, "1/3", 10000, "2022-02-01", "V1", None),
                     (2, "张三", ids["张三"], "安家补贴", None, "第1期", 10000, "2022-03-01", "V2", None)],
        4, "期次", "paid twice in this file (row 3)"),
    "more paid than granted": (
        lambda ids: [(i, "张三", ids["张三"], "安家补贴", None, None, 10000, f"202{2 + i}-02-01", f"V{i}", None)
                     for i in range(1, 5)],
        6, "金额（元）", "More paid than granted"),
    "payment before arrival": (
        lambda ids: [(1, "李四", ids["李四"], "安家补贴", None, None, 10000, "2023-02-28", "V1", None)],
        3, "发放日期", "before 李四 arrived on 2023-03-01"),
    "payment in the future": (
        lambda ids: [(1, "李四", ids["李四"], "安家补贴", None, None, 10000, "2027-01-05", "V1", None)],
        3, "发放日期", "is in the future"),
    "unknown person with close matches": (
        lambda ids: [(1, "李四", ids["李四"][:-3] + "999", "安家补贴", None, None, 10000, "2024-01-05", "V1", None)],
        3, "身份证号", "Close matches: 李四"),
    "ID number belongs to someone else": (
        lambda ids: [(1, "王五", ids["李四"], "安家补贴", None, None, 10000, "2024-01-05", "V1", None)],
        3, "姓名", "belongs to 李四, not to 王五"),
    "ID number damaged by Excel": (
        lambda ids: [(1, "李四", int(ids["李四"][:15]) * 1000, "安家补贴", None, None, 10000, "2024-01-05", "V1",
                      None)],
        3, "身份证号", "Excel stored this ID number as a number"),
    "unknown policy with close matches": (
        lambda ids: [(1, "李四", ids["李四"], "安家补帖", None, None, 10000, "2024-01-05", "V1", None)],
        3, "补贴项目", "Close matches: 安家补贴"),
    "unknown document number": (
        lambda ids: [(1, "李四", ids["李四"], None, "县人社〔2022〕12号", None, 10000, "2024-01-05", "V1", None)],
        3, "政策文号", "No policy has the document number"),
    "amount with a third decimal": (
        lambda ids: [(1, "李四", ids["李四"], "安家补贴", None, None, "10000.005", "2024-01-05", "V1", None)],
        3, "金额（元）", "more than two decimal places"),
    "instalment Excel turned into a date": (
        lambda ids: [(1, "李四", ids["李四"], "安家补贴", None, dt.datetime(2024, 2, 3), 10000, "2024-01-05", "V1",
                      None)],
        3, "期次", "Excel turned the instalment into a date"),
}


@pytest.mark.parametrize("reason", list(REFUSALS))
def test_each_refusal_names_row_column_and_reason_and_changes_nothing(reason, office, database, local, tmp_path):
    make, row, column, text = REFUSALS[reason]
    path = write_sheet(tmp_path / "bad.xlsx", make(office))
    before = checksums(database)
    result = _import(database, local, path, backup_first_=True)
    assert result.imported == 0 and result.refused
    assert any(r.row == row and r.column == column and text in r.message for r in result.rejected), result.rejected
    assert checksums(database) == before


def test_a_payment_already_in_the_ledger_is_refused_as_the_same_payment_twice(office, database, local, tmp_path):
    zs = office["张三"]
    path = write_sheet(tmp_path / "p.xlsx", [(1, "张三", zs, "安家补贴", None, None, 10000, "2022-02-01", "V1", None)])
    assert _import(database, local, path).imported == 1
    before = checksums(database)
    again = _import(database, local, path)
    assert again.imported == 0
    assert "already in the ledger" in again.rejected[0].message
    assert checksums(database) == before
    # the next instalment onto the grant now on file is placed by date and posted
    path2 = write_sheet(tmp_path / "p2.xlsx", [(1, "张三", zs, "安家补贴", None, None, "1万", "2023-01-20", "V2", None)])
    assert _import(database, local, path2).imported == 1
    total, balance, paid, _s = _balances(database, local)[("张三", "安家补贴")]
    assert (paid, balance) == (2_000_000, 1_000_000)


def test_skip_invalid_imports_the_valid_rows_only(office, database, local, tmp_path):
    zs = office["张三"]
    path = write_sheet(tmp_path / "p.xlsx", [
        (1, "张三", zs, "安家补贴", None, None, 10000, "2022-02-01", "V1", None),
        (2, "张三", zs, "没有的政策", None, None, 10000, "2022-02-01", "V2", None),
    ])
    result = _import(database, local, path, skip_invalid=True)
    assert result.imported == 1 and [r.row for r in result.rejected] == [4]


def test_a_file_without_the_needed_columns_is_refused_with_the_missing_names(office, database, local, tmp_path):
    from talentdesk.domain.errors import ValidationError

    path = write_sheet(tmp_path / "p.xlsx", [("张三", 1)], header=["姓名", "金额"])
    with pytest.raises(ValidationError) as exc:
        _import(database, local, path)
    assert "发放日期" in exc.value.message or "Paid on" in exc.value.message


def test_cli_json_and_exit_codes(office, db_path, tmp_path, capsys, database):
    from talentdesk.cli import main

    database.dispose()
    zs = office["张三"]
    good = write_sheet(tmp_path / "good.xlsx", [(1, "张三", zs, "安家补贴", None, None, 10000, "2022-02-01", "V1",
                                                 None)])
    bad = write_sheet(tmp_path / "bad.xlsx", [(1, "张三", zs, "安家补贴", None, None, 10000, "2021-02-01", "V1",
                                               None)])
    assert main(["--db", str(db_path), "import", "payments", str(bad), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["imported"] == 0 and out["rejected"][0]["row"] == 3 and out["rejected"][0]["column"] == "发放日期"
    assert main(["--db", str(db_path), "import", "payments", str(good), "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["valid_rows"] == 1
    assert main(["--db", str(db_path), "import", "payments", str(good), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 1
    (tmp_path / "x.xlsx").write_bytes(b"not a workbook")
    assert main(["--db", str(db_path), "import", "payments", str(tmp_path / "x.xlsx")]) == 2
    capsys.readouterr()
    assert main(["--db", str(db_path), "reconcile", "--json", "--xlsx", str(tmp_path / "r.xlsx")]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["total_paid_fen"] == 1_000_000 and rec["rows"][0]["payments"] == 1
    assert (tmp_path / "r.xlsx").exists()
    assert main(["--db", str(db_path), "export", "payments", str(tmp_path / "h.xlsx"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == 1
    # the exported history is the same payment: importing it again is refused as the same payment twice
    assert main(["--db", str(db_path), "--lang", "en", "import", "payments", str(tmp_path / "h.xlsx"), "--json"]) == 1
    assert "already in the ledger" in json.loads(capsys.readouterr().out)["rejected"][0]["message"]


def test_generated_three_year_history_of_2000_talents_reconciles_to_the_fen(database, local, tmp_path):
    from tests.movein.history_gen import setup, history

    with database.session(local) as s:
        people = setup(s, talents=2000)
    written = history(people, tmp_path / "history.xlsx")
    assert written.rows > 18_000 and written.implicit > 1000 and written.wan > 500 and written.floats > 500
    with database.session(local) as s:
        result = H.import_payments(s, path=tmp_path / "history.xlsx")
    assert result.rejected == [] and result.imported == written.rows + written.back_rows
    with database.session(local, readonly=True) as s:
        rec = reconcile.reconcile(s)
    assert rec.total_paid_fen == written.total_fen
    assert written.back_rows > 50  # leavers who paid back, in every shape offices write it
    assert {(r.policy, r.year): [r.payments, r.paid_fen] for r in rec.rows if r.payments} == \
        dict(written.by_policy_year)
    assert {(r.policy, r.year): [r.clawbacks, r.clawback_fen, r.refunds, r.refund_fen] for r in rec.rows
            if r.clawbacks or r.refunds} == dict(written.back_by_policy_year)
    assert result.not_data == [written.rows + written.back_rows + 4, written.rows + written.back_rows + 5]  # the totals line and the note under it
    with database.session(local, readonly=True) as s:
        for year in (2023, 2024, 2025, 2026):
            one = reconcile.reconcile(s, year=year)
            assert one.total_paid_fen == sum(v[1] for (p, y), v in written.by_policy_year.items() if y == year)


def test_only_a_role_that_records_and_pays_may_import_payments(office, database, tmp_path):
    from talentdesk.domain.enums import Role
    from talentdesk.domain.errors import PermissionDenied
    from tests.conftest import make_actor

    path = write_sheet(tmp_path / "p.xlsx", [(1, "张三", office["张三"], "安家补贴", None, None, 10000, "2022-02-01",
                                              "V1", None)])
    for role in (Role.APPROVER, Role.VIEWER):
        with pytest.raises(PermissionDenied):
            with database.session(make_actor(role, user_id=7, username=role.value)) as s:
                H.import_payments(s, path=path, today=TODAY)
    from talentdesk.services.base import Actor

    with database.session(Actor(username="clerk", role=Role.CLERK)) as s:  # no account row: recorded_by_id stays empty
        assert H.import_payments(s, path=path, today=TODAY).imported == 1


def test_a_payment_on_a_row_hidden_in_excel_is_imported_only_as_the_clerk_chooses(office, database, local, tmp_path,
                                                                                   db_path, capsys):
    """A hidden row is neither imported nor dropped silently: the check lists it, a real import waits for the
    clerk's choice (changing nothing), then skip leaves it out and include imports it."""
    import openpyxl

    from talentdesk.cli import main

    zs = office["张三"]
    path = write_sheet(tmp_path / "p.xlsx", [
        (1, "张三", zs, "安家补贴", None, "1/3", "1万", "2022-02-01", "V1", None),
        (2, "张三", zs, "安家补贴", None, "2/3", "1万", "2023-02-01", "V2", None),
        (3, "张三", zs, "安家补贴", None, "3/3", "1万", "2024-02-01", "V3", None),
    ])
    wb = openpyxl.load_workbook(path)
    wb.active.row_dimensions[4].hidden = True  # the clerk hid the second payment
    wb.save(path)
    dry = _import(database, local, path, dry_run=True)
    assert dry.hidden_rows == [4] and dry.valid_rows == 3
    skipped = _import(database, local, path, dry_run=True, hidden_rows="skip")
    assert [ln.row for ln in skipped.extra["preview"]] == [3, 5]
    before = checksums(database)
    database.dispose()
    args = ["--lang", "en", "--db", str(db_path), "import", "payments", str(path)]
    assert main([*args, "--dry-run"]) == 0
    assert "Rows hidden in Excel: 4. Choose --hidden-rows" in capsys.readouterr().out
    assert main([*args, "--json"]) == 2
    assert "hidden in Excel (rows 4)" in json.loads(capsys.readouterr().out)["error"]
    assert checksums(database) == before
    assert main([*args, "--hidden-rows", "include", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["imported"] == 3 and out["hidden_rows"] == [4] and out["hidden_choice"] == "include"
