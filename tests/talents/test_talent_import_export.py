"""Import of the office's rosters and export of the talent file: header aliases, cell normalisation, every
rejection reason with Excel row numbers, all-or-nothing, new employers, unreadable files, the round trip and
protection against spreadsheet formula injection."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from talentdesk.domain.errors import InputFileError, ValidationError
from talentdesk.domain.models import AuditEntry, Employer, Talent
from talentdesk.services.base import Actor, Database
from talentdesk.services.talents import exporter, importer, records
from tests.conftest import TODAY
from tests.talents.helpers import make_id, talent_values, write_csv, write_xlsx

HEAD = ["姓名", "性别", "公民身份号码", "手机号码", "学历", "人才类别", "工作单位", "报到时间", "服务期限"]


def _count(database, model=Talent) -> int:
    with database.session(Actor.local(), readonly=True) as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def _import(database, local, path, **kw):
    with database.session(local) as s:
        return importer.import_talents(s, path=path, today=TODAY, **kw)


def test_header_aliases_live_in_one_table():
    for header in ("身份证号", "身份证号码", "公民身份号码", " 身份证号 *", "ID number"):
        assert importer.field_for_header(header) == "id_number"
    for header in ("到岗日期", "到岗时间", "报到时间"):
        assert importer.field_for_header(header) == "arrival_date"
    assert importer.field_for_header("用人单位") == importer.field_for_header("工作单位") == "employer"
    assert importer.field_for_header("服务期") == importer.field_for_header("服务期限") == "service_years"
    assert importer.field_for_header("联系电话") == importer.field_for_header("手机号码") == "phone"
    assert importer.field_for_header("服务期（年）") == "service_years"


def test_cells_are_normalised_as_offices_write_them(database, local, tmp_path):
    idn = make_id(dt.date(1992, 5, 6), 35)
    wide = idn[:-1].translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"}) + idn[-1].lower()
    rows = [HEAD,
            ["张三", "男", wide, "138-1234 5678", "硕士研究生", "C", "县人民医院", "2023年7月1日", "5年"],
            ["", "", "", "", "", "", "", "", ""],
            ["李四", "", make_id(dt.date(1990, 2, 3), 44), "13912345678", "本科", "D", " 县人民医院", "2023.7.1", "3"],
            ["王五", "男", make_id(dt.date(1991, 2, 3), 55), "", "博士", "B", "县一中", "20230701", ""],
            ["赵六", "女", make_id(dt.date(1993, 2, 3), 66), "", "大专", "E", "县一中", "2023/7/1", "５"]]
    result = _import(database, local, write_csv(tmp_path / "r.csv", rows))
    assert result.rejected == [] and result.imported == 4 and result.skipped_blank == 1
    assert sorted(result.new_employers) == ["县一中", "县人民医院"]
    with database.session(local, readonly=True) as s:
        t = s.scalars(select(Talent).where(Talent.name == "张三")).one()
        assert t.id_number == idn.upper() and t.phone == "13812345678" and t.education == "master"
        assert t.arrival_date == dt.date(2023, 7, 1) and t.service_years == 5
        assert t.service_end_date == dt.date(2028, 7, 1)
        ls = s.scalars(select(Talent).where(Talent.name == "李四")).one()
        assert ls.gender == "F" and ls.birth_date == dt.date(1990, 2, 3)  # derived from the ID number
        assert s.scalar(select(func.count()).select_from(Employer)) == 2
        assert {t.arrival_date for t in s.scalars(select(Talent))} == {dt.date(2023, 7, 1)}
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.action == "import")).all() == ["import"]


def test_excel_dates_numbers_and_gbk_csv_are_read(database, local, tmp_path):
    rows = [HEAD, ["张三", "男", make_id(dt.date(1992, 5, 6), 35), 13812345678, "本科", "C", "县医院",
                   dt.datetime(2023, 7, 1), 5]]
    result = _import(database, local, write_xlsx(tmp_path / "r.xlsx", rows))
    assert result.imported == 1
    rows = [HEAD, ["李四", "女", make_id(dt.date(1992, 5, 6), 36), "", "本科", "顶尖人才", "县医院", "2023-07-01", ""]]
    result = _import(database, local, write_csv(tmp_path / "g.csv", rows, encoding="gbk"))
    assert result.imported == 1
    with database.session(local, readonly=True) as s:
        assert s.scalars(select(Talent.tier_code).where(Talent.name == "李四")).one() == "A"


def test_every_rejection_names_the_excel_row_the_column_and_the_reason(database, local, tmp_path):
    with database.session(local) as s:
        records.create_talent(s, values=talent_values(id_number=make_id(dt.date(1980, 1, 1), 11), name="老员工"))
    good = make_id(dt.date(1990, 1, 1), 13)
    bad_check = good[:-1] + ("0" if good[-1] != "0" else "1")
    rows = [["2024年引进人才花名册"],  # a title row above the headers, as rosters often have
            HEAD,
            ["张三", "男", good, "", "本科", "C", "县医院", "2023-07-01", "5"],         # row 3 fine
            ["重复", "男", good, "", "本科", "C", "县医院", "2023-07-01", "5"],         # row 4 duplicate in file
            ["校验", "男", bad_check, "", "本科", "C", "县医院", "2023-07-01", "5"],    # row 5 checksum
            ["在册", "男", make_id(dt.date(1980, 1, 1), 11), "", "本科", "C", "县医院", "2023-07-01", "5"],  # row 6 on file
            ["", "男", make_id(dt.date(1990, 1, 1), 15), "", "本科", "C", "县医院", "2023-07-01", "5"],     # row 7 no name
            ["日期", "男", make_id(dt.date(1990, 1, 1), 17), "", "本科", "C", "县医院", "2023-02-30", "5"],  # row 8 date
            ["电话", "男", make_id(dt.date(1990, 1, 1), 19), "1381234", "本科", "C", "县医院", "2023-07-01", "5"],  # 9
            ["类别", "男", make_id(dt.date(1990, 1, 1), 21), "", "本科", "Z", "县医院", "2023-07-01", "5"],  # row 10 tier
            ["性别", "女", make_id(dt.date(1990, 1, 1), 23), "", "本科", "C", "县医院", "2023-07-01", "5"],  # row 11
            ["学历", "男", make_id(dt.date(1990, 1, 1), 25), "", "小学", "C", "县医院", "2023-07-01", "5"],  # row 12
            ["服务期", "男", make_id(dt.date(1990, 1, 1), 27), "", "本科", "C", "县医院", "2023-07-01", "99"],  # 13
            ["长", "男", make_id(dt.date(1990, 1, 1), 29), "", "本科", "C", "单位" * 20000, "2023-07-01", "5"]]  # 14
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    result = _import(database, local, path)
    by_row = {r.row: r for r in result.rejected}
    assert sorted(by_row) == list(range(4, 15))
    assert by_row[4].column == "公民身份号码" and "row 3" in by_row[4].message
    assert "check digit" in by_row[5].message
    assert "老员工" in by_row[6].message
    assert by_row[7].column == "姓名"
    assert by_row[8].column == "报到时间"
    assert by_row[9].column == "手机号码"
    assert by_row[10].column == "人才类别"
    assert by_row[11].column == "性别"
    assert by_row[12].column == "学历"
    assert by_row[13].column == "服务期限"
    assert by_row[14].column == "工作单位"
    # all-or-nothing: the one good row was not imported either
    assert result.imported == 0 and result.refused
    assert _count(database) == 1 and _count(database, Employer) == 0


def test_skip_invalid_imports_only_the_valid_rows(database, local, tmp_path):
    rows = [HEAD, ["张三", "男", make_id(seq=13), "", "本科", "C", "新单位", "2023-07-01", "5"],
            ["李四", "男", "123", "", "本科", "C", "另一单位", "2023-07-01", "5"]]
    result = _import(database, local, write_csv(tmp_path / "r.csv", rows), skip_invalid=True)
    assert result.imported == 1 and [r.row for r in result.rejected] == [3]
    assert result.new_employers == ["新单位"]  # the rejected row's employer is not created
    assert _count(database) == 1 and _count(database, Employer) == 1


def test_a_dry_run_changes_nothing(database, local, tmp_path):
    rows = [HEAD, ["张三", "男", make_id(seq=13), "", "本科", "C", "新单位", "2023-07-01", "5"]]
    result = _import(database, local, write_csv(tmp_path / "r.csv", rows), dry_run=True)
    assert result.valid_rows == 1 and result.imported == 0 and result.new_employers == ["新单位"]
    assert _count(database) == 0 and _count(database, Employer) == 0


def test_unknown_columns_are_listed_and_can_be_mapped_by_hand(database, local, tmp_path):
    rows = [["姓名", "证件号", "类别", "来县时间", "爱好", "用人单位"],
            ["张三", make_id(seq=13), "C", "2023-07-01", "围棋", "县医院"]]
    path = write_csv(tmp_path / "r.csv", rows)
    with pytest.raises(ValidationError) as err:
        _import(database, local, path)
    assert "ID number" in err.value.message and "证件号" in err.value.details[0]
    result = _import(database, local, path, mapping=importer.parse_mapping(["证件号=id_number", "来县时间=到岗日期"]))
    assert result.imported == 1 and result.unknown_columns == ["爱好"]


def test_two_columns_meaning_the_same_field_are_refused(database, local, tmp_path):
    rows = [["姓名", "身份证号", "身份证号码", "人才类别", "到岗日期"], ["张三", make_id(), make_id(), "C", "2023-07-01"]]
    with pytest.raises(ValidationError):
        _import(database, local, write_csv(tmp_path / "r.csv", rows))


@pytest.mark.parametrize("name,data", [
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
    ("fake.xlsx", b"this is not a workbook"),
    ("zip.xlsx", b"PK\x03\x04broken zip"),
    ("empty.csv", b""),
    ("binary.csv", b"\x00\x01\x02\xff\xfe" * 100),
    ("notes.docx", b"PK\x03\x04"),
])
def test_unreadable_files_are_a_clear_message_and_change_nothing(database, local, tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputFileError) as err:
        _import(database, local, path)
    assert err.value.message and "Traceback" not in err.value.message
    assert _count(database) == 0


def test_a_missing_file_is_a_clear_message(database, local, tmp_path):
    with pytest.raises(InputFileError):
        _import(database, local, tmp_path / "nowhere.xlsx")


# ------------------------------------------------------------------ export and the round trip

def _records(database, local):
    with database.session(local, readonly=True) as s:
        rows = s.execute(select(Talent, Employer.name).outerjoin(Employer, Employer.id == Talent.employer_id)
                         .order_by(Talent.id_number)).all()
        skip = {"id", "employer_id", "created_at", "updated_at"}
        return [({c.key: getattr(t, c.key) for c in Talent.__table__.columns if c.key not in skip}, emp)
                for t, emp in rows]


@pytest.mark.parametrize("suffix", ["xlsx", "csv", "gbk.csv"])
def test_export_then_import_into_an_empty_database_gives_back_the_same_records(demo_db, database, local, tmp_path,
                                                                                suffix):
    path = tmp_path / f"talents.{suffix}"
    with demo_db.session(local) as s:
        result = exporter.export_talents(s, path=path)
    assert result.rows == 300
    imported = _import(database, local, path)
    assert imported.imported == 300 and imported.rejected == []
    assert _records(database, local) == _records(demo_db, local)


def test_export_of_the_current_list_keeps_its_filters(demo_db, local, tmp_path):
    from talentdesk.services.talents.registry import TalentQuery, count_talents

    q = TalentQuery(status="departed", sort="name")
    with demo_db.session(local) as s:
        n = count_talents(s, query=q)
        result = exporter.export_talents(s, path=tmp_path / "list.xlsx", query=q)
    assert 0 < result.rows == n < 300
    ws = load_workbook(tmp_path / "list.xlsx").active
    assert ws.max_row == n + 1
    assert [c.value for c in ws[1]][:3] == ["Name", "Gender", "ID number"]


def test_export_headers_follow_the_language_and_are_import_aliases(demo_db, local, tmp_path, zh):
    with demo_db.session(local) as s:
        exporter.export_talents(s, path=tmp_path / "zh.csv")
    header = (tmp_path / "zh.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert header[:3] == ["姓名", "性别", "身份证号"]
    assert all(importer.field_for_header(h) for h in header)


DANGEROUS = {"notes": "=HYPERLINK(\"http://evil\",\"点我\")", "post": "+1+cmd|' /C calc'!A0", "school": "@SUM(1+1)",
             "major": "-2+3", "professional_title": "'=quoted already", "native_place": "\tTAB"}


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_exports_never_write_live_formulas_and_import_back_unchanged(database, local, tmp_path, suffix):
    with database.session(local) as s:
        hospital = Employer(name="县医院")  # the editor requires an employer, and so does the import
        s.add(hospital)
        s.flush()
        records.create_talent(s, values=talent_values(employer_id=hospital.id, **DANGEROUS))
    path = tmp_path / f"x.{suffix}"
    with database.session(local) as s:
        exporter.export_talents(s, path=path)
    if suffix == "csv":
        text = path.read_text(encoding="utf-8-sig")
        assert "'=HYPERLINK" in text and "'+1+cmd" in text and "'@SUM" in text and "'-2+3" in text
        assert "''=quoted" in text
    else:
        ws = load_workbook(path).active
        for cell in ws[2]:
            assert cell.data_type != "f"
        raw = __import__("zipfile").ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
        assert "<f>" not in raw
    other = Database.open(tmp_path / "other.db")
    try:
        _import(other, local, path)
        with other.session(local, readonly=True) as s:
            t = s.scalars(select(Talent)).one()
            for k, v in DANGEROUS.items():
                expected = v.strip() if k != "notes" else v
                assert getattr(t, k) == expected, k
    finally:
        other.dispose()


def test_sql_looking_text_is_stored_as_text(database, local, tmp_path):
    rows = [HEAD + ["备注"], ["Robert'); DROP TABLE talents;--", "男", make_id(seq=13), "", "本科", "C",
                              "x' OR '1'='1", "2023-07-01", "5", "1; DELETE FROM employers"]]
    result = _import(database, local, write_csv(tmp_path / "r.csv", rows))
    assert result.imported == 1
    with database.session(local, readonly=True) as s:
        t = s.scalars(select(Talent)).one()
        assert t.name.startswith("Robert'); DROP") and t.notes == "1; DELETE FROM employers"
        assert s.scalar(select(Employer.name)) == "x' OR '1'='1"
