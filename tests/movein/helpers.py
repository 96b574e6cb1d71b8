"""Builders for the moving-in tests: a sheet written like an office's, and table checksums."""
from __future__ import annotations

import datetime as dt
import hashlib

import openpyxl
from sqlalchemy import text

# Three people: two in post, one who left in 2025 — the pairing and care lists name them.
THREE = {"张三": (dt.date(2023, 3, 1), None), "李四": (dt.date(2023, 9, 1), None),
         "王五": (dt.date(2022, 7, 1), dt.date(2025, 6, 30))}
HEADER = ["序号", "姓名", "身份证号", "补贴项目", "政策文号", "期次", "金额（元）", "发放日期", "凭证号", "发放方式"]


def write_sheet(path, rows, header=HEADER, title="2024年人才补贴发放台账"):
    wb = openpyxl.Workbook()
    ws = wb.active
    if title:
        ws.append([title])
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def checksums(database) -> dict[str, str]:
    """A digest of every table's rows (the audit trail included): a refused import must change none of them."""
    out = {}
    with database.engine.connect() as conn:
        tables = [r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'talents_fts%'"))]
        for t in tables:
            h = hashlib.sha256()
            for row in conn.execute(text(f'SELECT * FROM "{t}" ORDER BY rowid')):
                h.update(repr(tuple(row)).encode())
            out[t] = h.hexdigest()
    return out
