"""Shared helpers for the talents tests: valid ID numbers, a filled-in talent, a CSV writer."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from talentdesk.domain.values import id_check_digit


def make_id(birth: dt.date = dt.date(1990, 1, 1), seq: int = 123, region: str = "110101") -> str:
    """A valid 18-character ID number; an odd `seq` is a man, an even one a woman."""
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_digit(first17)


def talent_values(**over) -> dict:
    values = {
        "name": "张三", "gender": "M", "id_number": make_id(), "birth_date": "", "ethnicity": "汉族",
        "native_place": "浙江杭州", "phone": "138-1234-5678", "email": "zs@example.cn", "education": "master",
        "degree": "master", "school": "浙江大学", "major": "临床医学", "professional_title": "主治医师",
        "tier_code": "C", "intro_mode": "full_time", "employer_id": None, "post": "医生", "important_post": False,
        "arrival_date": "2023-07-01", "service_years": 5, "notes": "",
    }
    values.update(over)
    return values


def write_csv(path: Path, rows: list[list], encoding: str = "utf-8-sig") -> Path:
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path
