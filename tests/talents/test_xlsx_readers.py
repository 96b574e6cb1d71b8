"""The fast reader (python-calamine) and openpyxl see exactly the same rows, so the speed changes nothing else."""
from __future__ import annotations

import datetime as dt

from talentdesk.services.talents import importer
from tests.talents.helpers import make_id, write_xlsx


def test_both_readers_give_the_same_cells(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", [
        ["2024年引进人才花名册"],
        [],
        ["姓名", "身份证号码", "手机号码", "到岗时间", "服务期", "备注"],
        ["张三", make_id(seq=11), 13800138000, dt.datetime(2023, 7, 1), 5, "=1+1"],
        ["李四", make_id(seq=12), "138-0013-8001", "2023年7月1日", "5年", None],
        [None, None, None, None, None, None],
        ["王五", make_id(seq=13), 13800138002.0, 45108, 3.5, "备注"],
    ])
    data = path.read_bytes()
    fast = importer._read_xlsx_calamine(data)[0]
    slow = importer._read_xlsx_openpyxl(data)
    assert fast is not None

    def trimmed(rows):  # openpyxl pads short rows to the sheet's width; trailing empty cells mean nothing
        out = []
        for n, cells in rows:
            while cells and cells[-1] is None:
                cells = cells[:-1]
            out.append((n, [c.date() if isinstance(c, dt.datetime) and c.time() == dt.time() else c for c in cells]))
        return out

    assert trimmed(fast) == trimmed(slow)


def test_a_file_the_fast_reader_cannot_read_is_explained_by_openpyxl(tmp_path):
    import pytest

    from talentdesk.domain.errors import InputFileError

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(InputFileError, match="cannot be read"):
        importer.read_sheet(broken)


def test_the_fast_readers_rows_are_converted_as_they_are_read_and_stay_as_changed(tmp_path):
    """The fast reader converts each row the first time it is read (issue 18: while a large import checks and writes):
    a slice sees the same rows, a cell filled in (a merged cell's value copied down) stays, and the rows compare as
    the list they stand for."""
    path = write_xlsx(tmp_path / "r.xlsx", [["姓名", "手机号码"], ["张三", 13800138000.0], ["李四", ""], ["王五", 5.5]])
    rows = importer._read_xlsx_calamine(path.read_bytes())[0]
    assert len(rows) == 4 and rows[-1] == (4, ["王五", 5.5])
    data = rows[1:]
    assert len(data) == 3 and data[0] == (2, ["张三", 13800138000]) and type(data[0][1][1]) is int
    assert data[1] == (3, ["李四", None]) and data[1:2] == [(3, ["李四", None])]
    data[1][1][1] = "13900139000"  # as the merged-cell fill does
    assert rows[2] == (3, ["李四", "13900139000"]) and list(rows)[2] == (3, ["李四", "13900139000"])
    assert [n for n, _cells in data] == [2, 3, 4] and rows[::2] == [rows[0], rows[2]]
    assert rows == [(1, ["姓名", "手机号码"]), (2, ["张三", 13800138000]), (3, ["李四", "13900139000"]), (4, ["王五", 5.5])]
