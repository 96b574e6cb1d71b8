"""Mentor pairings and care cases move in: office-shaped lists import, contradictions are refused with their
reason and change nothing."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from talentdesk.domain.models import CareCase, Mentor, Pairing
from talentdesk.services.mentors.pairing_import import import_pairings
from talentdesk.services.talents.care_import import import_care
from tests.ledger.helpers import add_people, id_numbers
from tests.movein.helpers import THREE, checksums, write_sheet

TODAY = dt.date(2026, 11, 23)
PAIR = ["序号", "导师", "导师单位", "姓名", "身份证号", "结对类型", "结对日期", "结束日期", "结束原因"]
CARE = ["序号", "姓名", "身份证号", "服务类型", "公寓", "房号", "入住日期", "退房日期", "状态", "备注"]


@pytest.fixture
def people(database, local):
    with database.session(local) as s:
        return id_numbers(s, add_people(s, THREE))


def test_pairing_list_imports_and_adds_missing_mentors(people, database, local, tmp_path):
    path = write_sheet(tmp_path / "结对.xlsx", [
        (1, "陈老师", "县人民医院", "张三", people["张三"], "业务导师", "2023-03-15", None, None),
        (2, "刘局长", None, "张三", people["张三"], "单位领导", "2023.3.15", None, None),
        (3, "陈老师", None, "李四", people["李四"], "业务导师", dt.date(2023, 9, 10), None, None),
        (4, "陈老师", None, "王五", people["王五"], "业务导师", "2022-07-10", "2025-06-30", "调离"),
    ], header=PAIR, title="2023年新引进人才结对名单")
    with database.session(local) as s:
        result = import_pairings(s, path=path, today=TODAY)
    assert result.rejected == [] and result.imported == 4
    assert {w.message.split(" ")[0] for w in result.warnings} >= {"陈老师", "刘局长"}
    with database.session(local, readonly=True) as s:
        assert s.scalar(select(Mentor.capacity).where(Mentor.name == "陈老师")) == 3
        ended = s.scalars(select(Pairing).where(Pairing.end_date.is_not(None))).all()
        assert [(p.end_date, p.end_reason) for p in ended] == [(dt.date(2025, 6, 30), "调离")]


@pytest.mark.parametrize("row,column,text", [
    ((1, "陈老师", None, "张三", "330102199005179999", "业务导师", "2023-03-15", None, None), "身份证号", "No talent"),
    ((1, "陈老师", None, "张三", "{张三}", "技术导师", "2023-03-15", None, None), "结对类型", "is not a mentor role"),
    ((1, "陈老师", None, "张三", "{张三}", "业务导师", "2023-03-15", "2023-01-01", None), "结束日期", "before it starts"),
    ((1, "陈老师", None, "张三", "{张三}", "业务导师", "2022-03-15", None, None), "结对日期", "before 张三 arrived"),
    ((1, "陈老师", None, "王五", "{王五}", "业务导师", "2022-08-15", None, None), "结束日期", "has left the county"),
])
def test_bad_pairing_rows_are_refused_and_change_nothing(people, database, local, tmp_path, row, column, text):
    row = tuple(people[c[1:-1]] if isinstance(c, str) and c.startswith("{") else c for c in row)
    path = write_sheet(tmp_path / "bad.xlsx", [row], header=PAIR, title=None)
    before = checksums(database)
    with database.session(local) as s:
        result = import_pairings(s, path=path, today=TODAY, backup_first_=True)
    assert result.imported == 0
    assert any(r.column == column and text in r.message for r in result.rejected), result.rejected
    assert checksums(database) == before


def test_two_current_pairings_in_one_role_are_refused(people, database, local, tmp_path):
    path = write_sheet(tmp_path / "p.xlsx", [
        (1, "陈老师", None, "张三", people["张三"], "业务导师", "2023-03-15", None, None),
        (2, "黄老师", None, "张三", people["张三"], "业务导师", "2023-04-15", None, None),
    ], header=PAIR, title=None)
    with database.session(local) as s:
        result = import_pairings(s, path=path, today=TODAY)
    assert result.imported == 0 and result.rejected[0].row == 3 and "row 2" in result.rejected[0].message


def test_care_list_imports_apartments_and_other_cases(people, database, local, tmp_path):
    path = write_sheet(tmp_path / "关爱.xlsx", [
        (1, "张三", people["张三"], "人才公寓", "城东人才公寓", "2-301", "2023-03-05", None, "在住", None),
        (2, "王五", people["王五"], None, "城东人才公寓", "2-302", "2022-07-05", "2025-06-30", "已退房", "离开本县"),
        (3, "李四", people["李四"], "子女入学", None, None, None, None, "已办结", "实验小学"),
        (4, "李四", people["李四"], "配偶就业", None, None, None, None, "办理中", None),
    ], header=CARE + ["登记日期", "办结日期"], title="人才公寓入住及关爱服务台账")
    # the last two rows need their dates: add them in the extra columns
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws.cell(row=5, column=11, value="2023-09-05")
    ws.cell(row=5, column=12, value="2023-10-08")
    ws.cell(row=6, column=11, value="2024-01-05")
    wb.save(path)
    with database.session(local) as s:
        result = import_care(s, path=path, today=TODAY)
    assert result.rejected == [] and result.imported == 4
    with database.session(local, readonly=True) as s:
        cases = {(c.kind, c.status) for c in s.scalars(select(CareCase))}
    assert cases == {("housing", "open"), ("housing", "closed"), ("child_school", "closed"), ("spouse_job", "open")}


@pytest.mark.parametrize("rows,column,text", [
    ([(1, "张三", "{张三}", "人才公寓", "城东", "2-301", "2023-03-05", "2023-01-01", "已退房", None)], "退房日期",
     "before the move-in"),
    ([(1, "张三", "{张三}", "人才公寓", "城东", "2-301", "2023-03-05", None, "住着呢", None)], "状态", "not a status"),
    ([(1, "张三", "{张三}", "人才公寓", "城东", "2-301", "2023-03-05", None, "在住", None),
      (2, "李四", "{李四}", "人才公寓", "城东", "2-301", "2023-09-05", None, "在住", None)], "房号", "already taken"),
    ([(1, "张三", "{张三}", "子女入学", None, "2-301", "2023-03-05", None, "在住", None)], "房号", "apartment cases"),
    ([(1, "张三", "{张三}", "人才公寓", "城东", "2-301", "2023-03-05", None, "已退房", None)], "Closed on",
     "needs its closing date"),
])
def test_bad_care_rows_are_refused_and_change_nothing(people, database, local, tmp_path, rows, column, text):
    rows = [tuple(people[c[1:-1]] if isinstance(c, str) and c.startswith("{") else c for c in r) for r in rows]
    path = write_sheet(tmp_path / "bad.xlsx", rows, header=CARE, title=None)
    before = checksums(database)
    with database.session(local) as s:
        result = import_care(s, path=path, today=TODAY, backup_first_=True)
    assert result.imported == 0
    assert any(column in r.column and text in r.message for r in result.rejected), result.rejected
    assert checksums(database) == before


def test_cli_imports_pairings_and_care(people, database, db_path, tmp_path, capsys):
    from talentdesk.cli import main

    database.dispose()
    p = write_sheet(tmp_path / "p.xlsx", [(1, "陈老师", None, "张三", people["张三"], "业务导师", "2023-03-15", None,
                                           None)], header=PAIR, title=None)
    c = write_sheet(tmp_path / "c.xlsx", [(1, "张三", people["张三"], "人才公寓", "城东", "1-101", "2023-03-05", None,
                                           "在住", None)], header=CARE, title=None)
    assert main(["--db", str(db_path), "import", "pairings", str(p), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 1
    assert main(["--db", str(db_path), "import", "care", str(c), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 1
    assert main(["--db", str(db_path), "--lang", "en", "import", "care", str(c), "--json"]) == 1  # on file now
    assert "the same case twice" in json.loads(capsys.readouterr().out)["rejected"][0]["message"]
