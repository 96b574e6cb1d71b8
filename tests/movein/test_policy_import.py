"""The policy table moves in: per-tier columns or one row per amount, instalments as offices write them, clawback
rules, exclusions between policies of the same file; bad rows refused with their reason and nothing changed."""
from __future__ import annotations

import json

import pytest

from talentdesk.services.ledger import policies
from talentdesk.services.ledger.policy_import import import_policies, parse_instalments
from tests.movein.helpers import checksums, write_sheet

WIDE = ["序号", "政策名称", "文号", "补贴类型", "A类（元）", "B类（元）", "C类", "D类人才", "E类", "发放方式",
        "服务年限", "追回规则", "不可同时享受", "备注"]


def _import(database, local, path, **kw):
    with database.session(local) as s:
        return import_policies(s, path=path, **kw)


def test_a_wide_policy_table_with_tier_columns_imports_with_exclusions(database, local, tmp_path):
    path = write_sheet(tmp_path / "政策.xlsx", [
        (1, "安家补贴", "县委人才办〔2022〕3号", "安家补贴", "9万", "60,000", 45000, "3万元", 15000.0, "分3年发放",
         "5年", "按比例追回", "购房补贴", None),
        (2, "购房补贴", "县委办〔2021〕27号", "购房", "20万", "15万", "10万", "8万", "5万", "一次性", "5年", "全额追回",
         None, "限首套房"),
        (3, "租房补贴", "县人社〔2022〕11号", "租房补贴", 2000, 1500, 1200, 1000, 600, "按月36个月", None, "不追回",
         None, None),
        ("合计", None, None, None, None, None, None, None, None, None, None, None, None, None),
    ], header=WIDE, title="人才补贴政策一览表")
    result = _import(database, local, path)
    assert result.rejected == [] and result.imported == 3 and result.not_data == [6]
    with database.session(local, readonly=True) as s:
        got = {p.name: p for p in policies.list_policies(s)}
    settling = got["安家补贴"]
    assert (settling.kind, settling.instalment_mode, settling.instalment_count, settling.clawback_rule) == (
        "settling", "yearly", 3, "pro_rata")
    assert {a.tier_code: a.amount_fen for a in settling.amounts} == {
        "A": 9_000_000, "B": 6_000_000, "C": 4_500_000, "D": 3_000_000, "E": 1_500_000}
    assert settling.excludes == (got["购房补贴"].id,) and got["购房补贴"].excludes == (settling.id,)
    assert (got["购房补贴"].instalment_mode, got["购房补贴"].clawback_rule) == ("lump_sum", "full")
    assert (got["租房补贴"].instalment_mode, got["租房补贴"].instalment_count, got["租房补贴"].clawback_rule) == (
        "monthly", 36, "none")
    assert (settling.service_years, got["购房补贴"].service_years, got["租房补贴"].service_years) == (5, 5, None)
    assert "5年" not in settling.notes and got["购房补贴"].notes == "限首套房"


def test_one_row_per_amount_by_tier_and_education(database, local, tmp_path):
    path = write_sheet(tmp_path / "p.xlsx", [
        ("生活补贴", "县人社〔2023〕2号", "A类", "不限", "1.2万", "按年", 3),
        ("生活补贴", None, "B类", "博士研究生", 9000, None, None),
        ("生活补贴", None, "不限", "硕士", 6000, None, None),
    ], header=["政策名称", "文号", "人才类别", "学历", "金额（元）", "发放方式", "期数"], title=None)
    result = _import(database, local, path)
    assert result.rejected == [] and result.imported == 1
    with database.session(local, readonly=True) as s:
        p = policies.list_policies(s)[0]
    assert (p.kind, p.instalment_mode, p.instalment_count) == ("living", "yearly", 3)
    assert {(a.tier_code, a.education): a.amount_fen for a in p.amounts} == {
        ("A", None): 1_200_000, ("B", "doctorate"): 900_000, (None, "master"): 600_000}


@pytest.mark.parametrize("row,column,text", [
    ((1, "安家补贴", "x", "安家", "9万", 1, 1, 1, 1, "每周发放", None, None, None, None), "发放方式", "not a way of paying"),
    ((1, "安家补贴", "x", "安家", "9万", 1, 1, 1, 1, "一次性", None, "看情况", None, None), "追回规则", "is not one of"),
    ((1, "安家补贴", "x", "安家", "九万", 1, 1, 1, 1, "一次性", None, None, None, None), "A类（元）", "is not an amount"),
    ((1, "安家补贴", "x", "安家", "9万", 1, 1, 1, 1, "一次性", None, None, "没有这项", None), "不可同时享受",
     "neither on file nor in this table"),
    ((1, "安家补贴", "x", "安家", None, None, None, None, None, "一次性", None, None, None, None), None,
     "has no amount"),
])
def test_bad_policy_rows_are_refused_and_change_nothing(database, local, tmp_path, row, column, text):
    path = write_sheet(tmp_path / "bad.xlsx", [row], header=WIDE, title=None)
    before = checksums(database)
    result = _import(database, local, path, backup_first_=True)
    assert result.imported == 0
    assert any(column in (None, r.column) and text in r.message for r in result.rejected), result.rejected
    assert checksums(database) == before


def test_a_policy_already_on_file_is_refused(database, local, tmp_path):
    path = write_sheet(tmp_path / "p.xlsx", [(1, "安家补贴", "x", "安家", "9万", 1, 1, 1, 1, "一次性", None, None,
                                              None, None)], header=WIDE, title=None)
    assert _import(database, local, path).imported == 1
    again = _import(database, local, path)
    assert again.imported == 0 and "already on file" in again.rejected[0].message


def test_instalments_as_written():
    assert parse_instalments("一次性", None) == ("lump_sum", 1)
    assert parse_instalments("分三年发放", None) == ("yearly", 3)
    assert parse_instalments("按年", "3期") == ("yearly", 3)
    assert parse_instalments("按月发放36个月", None) == ("monthly", 36)
    assert parse_instalments(None, 4) == ("yearly", 4)


def test_cli_imports_policies_with_json(database, db_path, tmp_path, capsys):
    from talentdesk.cli import main

    database.dispose()
    path = write_sheet(tmp_path / "p.xlsx", [(1, "安家补贴", "x", "安家", "9万", 1, 1, 1, 1, "一次性", None, None,
                                              None, None)], header=WIDE, title=None)
    assert main(["--db", str(db_path), "import", "policies", str(path), "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["valid_rows"] == 1
    assert main(["--db", str(db_path), "import", "policies", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 1
