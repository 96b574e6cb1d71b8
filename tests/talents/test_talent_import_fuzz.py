"""Fuzzing the importer: whatever arrives — random bytes, huge cells, formulas, SQL — the user gets a clear
translated message and the database is not changed."""
from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st
from sqlalchemy import func, select

from talentdesk.domain.errors import TalentDeskError
from talentdesk.domain.models import AuditEntry, Employer, Talent
from talentdesk.domain.values import parse_id_number
from talentdesk.services.talents import importer
from talentdesk.services.base import Actor

from tests.conftest import TODAY
from tests.support import copied_database

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def fuzz_db(tmp_path_factory, _template_db):
    with copied_database(_template_db, tmp_path_factory.mktemp("fuzz") / "f.db") as database:
        yield database


def _state(database):
    with database.session(Actor.local(), readonly=True) as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Talent, Employer, AuditEntry))


def _attempt(database, path):
    """Import; the outcome is either a TalentDeskError with a message or a report that rejected every row."""
    try:
        with database.session(Actor.local()) as s:
            result = importer.import_talents(s, path=path, today=TODAY)
    except TalentDeskError as exc:
        assert exc.message.strip()
        return None
    assert result.imported == 0
    return result


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".xlsx", ".csv"]))
def test_random_bytes_are_refused_without_changes(fuzz_db, tmp_path_factory, data, suffix):
    before = _state(fuzz_db)
    path = tmp_path_factory.mktemp("b") / f"random{suffix}"
    path.write_bytes(data)
    _attempt(fuzz_db, path)
    assert _state(fuzz_db) == before


def _not_an_id(text: str) -> bool:
    try:
        parse_id_number(text)
        return False
    except TalentDeskError:
        return True


cell_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["=1+1", "=cmd|' /C calc'!A0", "+SUM(A1:A9)", "-1", "@NOW()", "'; DROP TABLE talents;--",
                     "\" OR 1=1 --", "\x00", "\t=x", "\r\n", "NULL", "1e308", "０１２"]),
    st.builds(lambda n, c: c * n, st.integers(30000, 40000), st.sampled_from(["x", "汉"])),
)


@FUZZ
@given(cells=st.lists(cell_text, min_size=9, max_size=9), bad_id=st.text(max_size=25).filter(_not_an_id),
       as_xlsx=st.booleans())
def test_hostile_cells_get_row_messages_and_change_nothing(fuzz_db, tmp_path_factory, cells, bad_id, as_xlsx):
    before = _state(fuzz_db)
    header = ["姓名", "性别", "身份证号", "联系电话", "学历", "人才类别", "用人单位", "到岗日期", "备注"]
    row = list(cells)
    row[2] = bad_id  # the row can never be valid, so nothing may be written
    folder = tmp_path_factory.mktemp("c")
    if as_xlsx:
        from openpyxl import Workbook
        from openpyxl.utils.exceptions import IllegalCharacterError

        wb = Workbook()
        try:
            wb.active.append(header)
            wb.active.append(row)
        except IllegalCharacterError:
            return  # Excel itself cannot hold such a cell
        path = folder / "c.xlsx"
        wb.save(path)
    else:
        buf = io.StringIO()
        csv.writer(buf).writerows([header, row])
        path = folder / "c.csv"
        path.write_text(buf.getvalue(), encoding="utf-8")
    result = _attempt(fuzz_db, path)
    if result is not None and result.total_rows:
        assert all(r.message for r in result.rejected)
    assert _state(fuzz_db) == before


def _workbook_bytes(tmp_path_factory) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["姓名", "身份证号", "人才类别", "到岗日期"])
    wb.active.append(["张三", "110101199001011230", "C", "2023-07-01"])  # wrong check digit: never importable
    path = tmp_path_factory.mktemp("w") / "base.xlsx"
    wb.save(path)
    return path.read_bytes()


@FUZZ
@given(cut=st.floats(0.05, 0.99), flips=st.lists(st.tuples(st.floats(0, 0.999), st.integers(1, 255)), max_size=8))
@example(cut=0.5, flips=[(0.4296875, 1)])  # a sheet part whose zip header names another file: BadZipFile escaped once
def test_damaged_workbooks_are_refused_without_changes(fuzz_db, tmp_path_factory, cut, flips):
    data = bytearray(_workbook_bytes(tmp_path_factory))
    for where, xor in flips:
        i = int(where * len(data))
        data[i] ^= xor
    if not flips:
        data = data[: int(cut * len(data))]
    before = _state(fuzz_db)
    path = tmp_path_factory.mktemp("d") / "damaged.xlsx"
    path.write_bytes(bytes(data))
    _attempt(fuzz_db, path)
    assert _state(fuzz_db) == before
