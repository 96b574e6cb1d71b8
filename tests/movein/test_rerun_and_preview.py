"""Every moving-in file can be checked first — the preview says, row by row, what each becomes — and importing the
same file again doubles nothing: policies, talents, payments (clawbacks and refunds too), pairings and care cases
already on file are refused as the same record twice, with nothing changed. The policy's service commitment
(服务期, written 5 / 5年 / 五年 / 服务期5年) is its own field, and a pro-rata clawback counts against it."""
from __future__ import annotations

import datetime as dt

import pytest

from talentdesk.domain.models import Employer, Talent
from talentdesk.services.ledger import history_import, journal, policies
from talentdesk.services.ledger.policy_import import import_policies
from talentdesk.services.mentors.pairing_import import import_pairings
from talentdesk.services.talents import care_import, exporter, importer
from tests.ledger.helpers import add_people, add_policy, add_talent, depart, id_numbers
from tests.movein.helpers import THREE, checksums, write_sheet

TODAY = dt.date(2026, 11, 23)
POLICY = ["序号", "政策名称", "文号", "补贴类型", "A类（元）", "B类", "C类人才", "发放方式", "服务期限", "追回规则",
          "备注"]
PAIR = ["序号", "导师", "导师单位", "姓名", "身份证号", "结对类型", "结对日期", "结束日期", "结束原因"]
CARE = ["序号", "姓名", "身份证号", "服务类型", "公寓", "房号", "入住日期", "退房日期", "状态", "备注", "登记日期",
        "办结日期"]


@pytest.fixture
def people(database, local):
    with database.session(local) as s:
        ids = add_people(s, THREE)
        hospital = Employer(name="县人民医院", name_pinyin="xianrenminyiyuan", name_initials="xrmyy")
        s.add(hospital)
        s.flush()
        for t in ids.values():  # the gender the ID number says and an employer, as the roster import checks
            s.get(Talent, t).gender = "M" if int(s.get(Talent, t).id_number[16]) % 2 else "F"
            s.get(Talent, t).employer_id = hospital.id
        return id_numbers(s, ids)


def _twice(database, local, run, path, **kw):
    """Import `path`, then import it again: the second run must refuse every row and change nothing."""
    with database.session(local) as s:
        first = run(s, path=path, **kw)
    assert first.rejected == [] and first.imported > 0
    before = checksums(database)
    with database.session(local) as s:
        again = run(s, path=path, **kw)
    with database.session(local) as s:
        skipping = run(s, path=path, skip_invalid=True, **kw)
    assert again.imported == 0 and skipping.imported == 0
    assert {r.row for r in again.rejected} == {ln.row for ln in first.extra.get("preview", [])} or not \
        first.extra.get("preview")
    assert checksums(database) == before
    return first, again


def test_policy_table_preview_service_years_and_a_second_import(database, local, tmp_path):
    path = write_sheet(tmp_path / "政策.xlsx", [
        (1, "安家补贴", "县委人才办〔2022〕3号", "安家补贴", "9万", "6万", "4.5万", "分3年发放", "服务期5年", "按比例追回",
         None),
        (2, "生活补贴", None, "生活补贴", 12000.0, "1.2万元", 12000, "按月12个月", "五年", "全额追回", "按月发放"),
        (3, "购房补贴", "县委办〔2021〕27号", "购房", "20万", "15万", "10万", "一次性", 8.0, "全额", None),
        (4, "租房补贴", None, "租房", 2000, 1500, 1200, "按月36个月", None, "不追回", None),
        ("合计", None, None, None, None, None, None, None, None, None, None),
        ("填表人：李娜", None, None, None, None, None, None, None, None, None, None),
    ], header=POLICY, title="人才补贴政策一览表")
    with database.session(local) as s:
        dry = import_policies(s, path=path, dry_run=True)
    assert dry.rejected == [] and dry.not_data == [7, 8]
    lines = {ln.name: ln for ln in dry.extra["preview"]}
    assert [ln.row for ln in dry.extra["preview"]] == [3, 4, 5, 6]
    assert (lines["安家补贴"].instalment_mode, lines["安家补贴"].instalment_count, lines["安家补贴"].service_years) == (
        "yearly", 3, 5)
    assert "A类 ¥90,000.00" in lines["安家补贴"].amounts and "C类 ¥45,000.00" in lines["安家补贴"].amounts
    assert (lines["生活补贴"].service_years, lines["购房补贴"].service_years, lines["租房补贴"].service_years) == (
        5, 8, None)
    _twice(database, local, import_policies, path)
    with database.session(local, readonly=True) as s:
        got = {p.name: p for p in policies.list_policies(s)}
    assert len(got) == 4
    assert (got["安家补贴"].service_years, got["生活补贴"].service_years, got["生活补贴"].notes) == (5, 5, "按月发放")
    assert "5" not in got["安家补贴"].notes


@pytest.mark.parametrize("written", ["五年半", "5.5", "服务期", "0"])
def test_a_service_commitment_that_is_no_whole_number_of_years_is_refused(written, database, local, tmp_path):
    path = write_sheet(tmp_path / "p.xlsx", [(1, "安家补贴", None, "安家", "9万", "6万", "4.5万", "一次性", written,
                                              None, None)], header=POLICY, title=None)
    before = checksums(database)
    with database.session(local) as s:
        result = import_policies(s, path=path)
    assert result.imported == 0
    assert [(r.row, r.column) for r in result.rejected] == [(2, "服务期限")]
    assert f"“{written}” is not a service commitment" in result.rejected[0].message
    assert checksums(database) == before


def test_a_policy_commitment_is_what_the_pro_rata_clawback_counts_against(database, local, tmp_path):
    """The talent signed 5 years, the policy asks 3: leaving after 2 years owes back a third of what was paid."""
    path = write_sheet(tmp_path / "p.xlsx", [(1, "安家补贴", None, "安家", "3万", "3万", "3万", "一次性", "3年",
                                              "按比例追回", None)], header=POLICY, title=None)
    with database.session(local) as s:
        assert import_policies(s, path=path).imported == 1
        tid = add_talent(s, name="赵六", tier="C", arrival=dt.date(2022, 1, 1), service_years=5)
        idn = s.get(Talent, tid).id_number
    pay = write_sheet(tmp_path / "h.xlsx", [(1, "赵六", idn, "安家补贴", None, None, "3万", "2022-01-20", "V1", None)])
    with database.session(local) as s:
        assert history_import.import_payments(s, path=pay, today=TODAY).imported == 1
        depart(s, tid, dt.date(2024, 1, 1))
        lines = journal.apply_departure(s, talent_id=tid)
    assert [(ln.paid_fen, ln.owed_fen) for ln in lines] == [(3_000_000, 1_000_000)]


def test_talent_roster_imported_again_is_refused_as_already_on_file(people, database, local, tmp_path):
    with database.session(local) as s:
        exporter.export_talents(s, path=tmp_path / "talents.xlsx")
    before = checksums(database)
    with database.session(local) as s:
        again = importer.import_talents(s, path=tmp_path / "talents.xlsx")
    assert again.imported == 0 and len({r.row for r in again.rejected}) == 3
    assert all("already on file" in r.message for r in again.rejected)
    assert checksums(database) == before


def test_payments_clawbacks_and_refunds_imported_again_double_nothing(people, database, local, tmp_path):
    with database.session(local) as s:
        add_policy(s, name="安家补贴", amount_fen=3_000_000, mode="yearly", count=3)
    w = people["王五"]
    path = write_sheet(tmp_path / "h.xlsx", [
        (1, "王五", w, "安家补贴", None, "1/3", "1万", "2022-08-01", "V1", None),
        (2, "王五", w, "安家补贴", None, "2/3", "1万", "2023-08-01", "V2", None),
        (3, "王五", w, "安家补贴", None, "3/3", 9999.999999, "2024-08-01", "V3", None),
        (4, "王五", w, "安家补贴", None, "应追回", "-8,000", "2025-07-10", "Z1", None),
        (5, "王五", w, "安家补贴", None, "退回", "-5,000", "2025-08-10", "Z2", None),
    ])
    first, again = _twice(database, local, history_import.import_payments, path, today=TODAY)
    assert [ln.kind for ln in first.extra["preview"]] == ["payment"] * 3 + ["clawback", "refund"]
    assert all("already in the ledger" in r.message for r in again.rejected)


def test_pairing_list_preview_and_a_second_import(people, database, local, tmp_path):
    path = write_sheet(tmp_path / "结对.xlsx", [
        (1, "陈老师", "县人民医院", "张三", people["张三"], "业务导师", "2023-03-15", None, None),
        (2, "陈老师", None, "王五", people["王五"], "业务导师", "2022-07-10", "2025-06-30", "调离"),
        (3, "刘局长", None, "王五", people["王五"], "单位领导", "2022-07-10", "2025-06-30", None),
    ], header=PAIR, title="结对名单")
    with database.session(local) as s:
        dry = import_pairings(s, path=path, today=TODAY, dry_run=True)
    got = [(ln.row, ln.mentor, ln.new_mentor, ln.talent_name, ln.role, ln.end_date) for ln in dry.extra["preview"]]
    assert got == [(3, "陈老师", True, "张三", "业务导师", None),
                   (4, "陈老师", True, "王五", "业务导师", dt.date(2025, 6, 30)),
                   (5, "刘局长", True, "王五", "单位领导", dt.date(2025, 6, 30))]
    assert "*" in dry.extra["preview"][0].id_number  # masked in the preview
    first, again = _twice(database, local, import_pairings, path, today=TODAY)
    assert all("the same pairing twice" in r.message for r in again.rejected)  # the ended ones too


def test_the_same_pairing_twice_in_one_file_is_refused(people, database, local, tmp_path):
    path = write_sheet(tmp_path / "p.xlsx", [
        (1, "陈老师", None, "王五", people["王五"], "业务导师", "2022-07-10", "2025-06-30", "调离"),
        (2, "陈 老师", None, "王五", people["王五"], "业务导师", "2022.7.10", "2025-06-30", "调离"),
    ], header=PAIR, title=None)
    with database.session(local) as s:
        result = import_pairings(s, path=path, today=TODAY)
    assert result.imported == 0
    assert [(r.row, r.message) for r in result.rejected] == [(3, "The same pairing is already on row 2.")]


def test_care_list_preview_and_a_second_import(people, database, local, tmp_path):
    path = write_sheet(tmp_path / "关爱.xlsx", [
        (1, "张三", people["张三"], "人才公寓", "城东人才公寓", "2-301", "2023-03-05", None, "在住", None, None, None),
        (2, "李四", people["李四"], "子女入学", None, None, None, None, "已办结", "实验小学", "2023-09-05",
         "2023-10-08"),
        (3, "李四", people["李四"], "配偶就业", None, None, None, None, "办理中", None, "2024-01-05", None),
        ("合计", None, None, None, None, None, None, None, None, None, None, None),
    ], header=CARE, title="关爱服务台账")
    with database.session(local) as s:
        dry = care_import.import_care(s, path=path, today=TODAY, dry_run=True)
    got = [(ln.row, ln.talent_name, ln.kind, ln.room, ln.opened_on, ln.status) for ln in dry.extra["preview"]]
    assert got == [(3, "张三", "housing", "2-301", dt.date(2023, 3, 5), "open"),
                   (4, "李四", "child_school", "", dt.date(2023, 9, 5), "closed"),
                   (5, "李四", "spouse_job", "", dt.date(2024, 1, 5), "open")]
    first, again = _twice(database, local, care_import.import_care, path, today=TODAY)
    assert all("the same case twice" in r.message for r in again.rejected)


def test_the_same_case_twice_in_one_file_is_refused(people, database, local, tmp_path):
    path = write_sheet(tmp_path / "c.xlsx", [
        (1, "李四", people["李四"], "配偶就业", None, None, None, None, "办理中", None, "2024-01-05", None),
        (2, "李四", people["李四"], "配偶安置", None, None, None, None, "办理中", "再次登记", "2024.1.5", None),
    ], header=CARE, title=None)
    with database.session(local) as s:
        result = care_import.import_care(s, path=path, today=TODAY)
    assert result.imported == 0
    assert [(r.row, r.message) for r in result.rejected] == [(3, "The same case is already on row 2.")]
