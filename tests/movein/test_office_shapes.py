"""Moving-in files as offices really send them: a payment history saved from WPS as a GB18030 CSV (title row,
amounts in 万 and ￥, money paid back as a negative amount, a totals line and who filled it in), a workbook with a
person's name, ID number and policy merged over their payments, a policy table with the policy's name merged over its
amount rows — each imports to the fen, and every cell filled from a merged one is noted."""
from __future__ import annotations

import datetime as dt

import openpyxl

from talentdesk.services.ledger import grants as grants_svc
from talentdesk.services.ledger import history_import, policies, reconcile
from talentdesk.services.ledger.policy_import import import_policies
from talentdesk.services.mentors.pairing_import import import_pairings
from tests.ledger.helpers import add_people, add_policy, id_numbers
from tests.talents.helpers import write_csv

TODAY = dt.date(2026, 11, 23)


def _people(database, local):
    with database.session(local) as s:
        ids = add_people(s, {"王𠮷": (dt.date(2022, 3, 1), None), "李䶮": (dt.date(2022, 9, 1), dt.date(2024, 3, 31))})
        add_policy(s, name="安家补贴", amount_fen=3_000_000, mode="yearly", count=3)
        return tuple(id_numbers(s, ids).values())


def test_a_gb18030_csv_payment_history_with_money_paid_back(database, local, tmp_path):
    a, b = _people(database, local)
    path = tmp_path / "发放台账.csv"
    write_csv(path, [
        ["2022—2024年人才安家补贴发放台账（单位：元）"],
        ["序号", "姓名", "身份证号码", "补贴项目", "期次", "金额（元）", "发放日期", "凭证号", "摘要"],
        [1, "王𠮷", a, "安家补贴", "第1期", "1万元", "2022年3月20日", "记-001", ""],
        [2, "王𠮷", a, "安家补贴", "第2期", "￥10,000.00", "2023.3.20", "记-002", ""],
        [3, "李䶮", b, "安家补贴", "1/3", "1.0万", "20220915", "记-003", ""],
        [4, "李䶮", b, "安家补贴", "2/3", "10000", "2023/9/15", "记-004", ""],
        [5, "李䶮", b, "安家补贴", "", "-3,500.00", "2024/5/6", "收-001", "提前离职，退回部分安家补贴"],
        ["合计", "", "", "", "", "36500", "", "", ""],
        ["填表人：张敏", "", "", "审核人：刘强"],
    ], encoding="gb18030")
    with database.session(local) as s:
        result = history_import.import_payments(s, path=path, today=TODAY)
    assert result.rejected == [] and result.imported == 5 and result.not_data == [8, 9]
    with database.session(local, readonly=True) as s:
        by = {g.talent_name: g for g in grants_svc.list_grants(s)}
        rec = reconcile.reconcile(s)
    assert (by["王𠮷"].paid_fen, by["王𠮷"].balance_fen) == (2_000_000, 1_000_000)  # the third fell due, unpaid
    assert (by["李䶮"].paid_fen, by["李䶮"].balance_fen, by["李䶮"].status) == (2_000_000, 0, "terminated")
    assert (rec.total_paid_fen, rec.total_clawback_fen, rec.total_refund_fen) == (4_000_000, 350_000, 350_000)


def test_a_person_merged_over_their_payments_is_filled_down_with_a_note(database, local, tmp_path):
    a, _b = _people(database, local)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["人才安家补贴发放明细"])
    ws.append(["姓名", "身份证号", "补贴项目", "期次", "金额", "发放日期", "凭证号"])
    ws.append(["王𠮷", a, "安家补贴", "1/3", 10000, dt.date(2022, 3, 20), "V1"])
    ws.append([None, None, None, "2/3", 10000, dt.date(2023, 3, 20), "V2"])
    ws.append([None, None, None, "3/3", 10000, dt.date(2024, 3, 20), "V3"])
    for col in (1, 2, 3):
        ws.merge_cells(start_row=3, end_row=5, start_column=col, end_column=col)
    ws["B3"].number_format = "@"
    wb.save(tmp_path / "merged.xlsx")
    with database.session(local) as s:
        result = history_import.import_payments(s, path=tmp_path / "merged.xlsx", today=TODAY)
    assert result.rejected == [] and result.imported == 3
    notes = [(w.row, w.column) for w in result.warnings if "merged cell on row 3" in w.message]
    assert sorted(notes) == sorted((r, c) for r in (4, 5) for c in ("姓名", "身份证号", "补贴项目"))


def test_a_policy_name_merged_over_its_amount_rows(database, local, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["人才生活补贴标准"])
    ws.append(["政策名称", "文号", "人才类别", "学历", "补贴标准（元）", "发放方式", "服务期"])
    ws.append(["生活补贴", "县人社〔2023〕2号", "A类人才", "不限", "1.2万", "按年3期", "五年"])
    ws.append([None, None, "B类", "博士研究生", "9,000", None, None])
    ws.append([None, None, "不限", "硕士", 6000.0, None, None])
    ws.merge_cells("A3:A5")
    ws.merge_cells("B3:B5")
    ws.merge_cells("F3:F5")
    ws.merge_cells("G3:G5")
    ws.append(["合计"])
    wb.save(tmp_path / "标准.xlsx")
    with database.session(local) as s:
        result = import_policies(s, path=tmp_path / "标准.xlsx")
    assert result.rejected == [] and result.imported == 1 and result.not_data == [6]
    assert len(result.warnings) == 8 and all("merged cell on row 3" in w.message for w in result.warnings)
    with database.session(local, readonly=True) as s:
        p = policies.list_policies(s)[0]
    assert (p.name, p.doc_number, p.instalment_count, p.service_years) == ("生活补贴", "县人社〔2023〕2号", 3, 5)
    assert {(a.tier_code, a.education): a.amount_fen for a in p.amounts} == {
        ("A", None): 1_200_000, ("B", "doctorate"): 900_000, (None, "master"): 600_000}


def test_a_gb18030_csv_pairing_list(database, local, tmp_path):
    a, b = _people(database, local)
    path = tmp_path / "结对.csv"
    write_csv(path, [
        ["2022年新引进人才“一对一”结对名单"],
        ["序号", "帮带导师", "导师单位", "被帮带人", "身份证号码", "导师类型", "结对时间", "解除日期"],
        [1, "陈建国", "县人民医院", "王𠮷", a, "业务导师", "2022年3月15日", ""],
        [2, "陈建国", "县人民医院", "李䶮", b, "业务导师", "2022.9.20", "2024.3.31"],
    ], encoding="gb18030")
    with database.session(local) as s:
        result = import_pairings(s, path=path, today=TODAY)
    assert result.rejected == [] and result.imported == 2
    assert [ln.talent_name for ln in result.extra["preview"]] == ["王𠮷", "李䶮"]
