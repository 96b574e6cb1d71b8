"""What offices write in a cell, read as a value: dates, service years, choices (gender, education …),
yes/no, ID numbers and free text. Pure (no database): the editor runs it on every keystroke and the importer on
every row, so each rule lives in exactly one place.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from openpyxl.utils.datetime import from_excel

from talentdesk.domain import enums as E
from talentdesk.domain.errors import ValidationError
from talentdesk.domain.labels import label_spellings
from talentdesk.domain.values import (
    to_halfwidth,
)
from talentdesk.i18n import translate

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)




EARLIEST_DATE = dt.date(1900, 1, 1)


def parse_date_value(raw: Any, *, field: str = "date") -> dt.date | None:
    """2023-07-01, 2023/7/1, 2023.7.1, 2023年7月1日, 20230701, an Excel serial number or a date object; '' -> None."""
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, bool):
        raise ValidationError(translate("TalentEdit", "This is not a date; write it like 2023-07-01."), field=field)
    if isinstance(raw, (int, float)):
        serial = float(raw)
        if serial != int(serial) or not 1 <= serial <= 2958465:
            raise ValidationError(translate("TalentEdit", "This is not a date; write it like 2023-07-01."), field=field)
        return from_excel(int(serial)).date()
    text = re.sub(r"\s+", "", to_halfwidth(str(raw)))
    if not text:
        return None
    text = text.split("T", 1)[0]
    if re.match(r"^\d{4}-\d{2}-\d{2}\d{2}:\d{2}(:\d{2})?$", text):  # '2023-07-01 00:00:00' with the space removed
        text = text[:10]
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise ValidationError(translate("TalentEdit", "There is no such day in the calendar."), field=field) from None
    raise ValidationError(translate("TalentEdit", "This is not a date; write it like 2023-07-01."), field=field)


def parse_service_years(raw: Any, *, field: str = "service_years") -> int:
    """'5', 5, 5.0, '5年', '５年' -> 5; blank -> 5 (the usual commitment)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return 5
    if isinstance(raw, bool):
        raise ValidationError(translate("TalentEdit", "The service commitment is a whole number of years from 0 to 50."), field=field)
    if isinstance(raw, float) and raw == int(raw):
        raw = int(raw)
    text = re.sub(r"\s+", "", to_halfwidth(str(raw))).removesuffix("年").removesuffix("years").removesuffix("year")
    if not text.isdigit() or not 0 <= int(text) <= 50:
        raise ValidationError(translate("TalentEdit", "The service commitment is a whole number of years from 0 to 50."), field=field)
    return int(text)


@lru_cache(maxsize=64)
def _words(enum: type) -> dict[str, str]:
    """Accepted spellings for an enum: its codes, its English and Chinese labels, and office abbreviations."""
    out = {}
    for code, names in label_spellings(enum).items():
        out[code.lower()] = code
        for name in names:
            out[name] = code
            out[name.lower()] = code
    out.update(_ENUM_EXTRA.get(enum, {}))
    return out


_ENUM_EXTRA: dict[type, dict[str, str]] = {
    E.Gender: {"男": "M", "女": "F", "m": "M", "f": "F", "男性": "M", "女性": "F"},
    E.Education: {"博士": "doctorate", "博士研究生": "doctorate", "硕士": "master", "硕士研究生": "master",
                  "研究生": "master", "本科": "bachelor", "大学本科": "bachelor", "大专": "college", "专科": "college",
                  "大学专科": "college", "其他": "other"},
    E.Degree: {"博士": "doctor", "博士学位": "doctor", "硕士": "master", "硕士学位": "master", "学士": "bachelor",
               "学士学位": "bachelor", "无": "none", "": "none"},
    E.IntroMode: {"全职": "full_time", "全职引进": "full_time", "柔性": "flexible", "柔性引进": "flexible"},
    E.TalentStatus: {"在岗": "active", "在职": "active", "已离开": "departed", "离开": "departed", "离职": "departed"},
}


def parse_choice(enum: type, raw: Any, *, field: str) -> str:
    """A code of `enum` from its code, English or Chinese label, or a common office spelling."""
    text = re.sub(r"\s+", "", to_halfwidth(str(raw if raw is not None else "")))
    table = _words(enum)
    code = table.get(text) or table.get(text.lower())
    if code is None:
        from talentdesk.domain.labels import choices

        allowed = "、".join(name for _c, name in choices(enum))
        raise ValidationError(translate("TalentEdit", "“{value}” is not one of: {allowed}.").format(value=text, allowed=allowed), field=field)
    return code


def parse_flag(raw: Any, *, field: str) -> bool:
    if isinstance(raw, bool):
        return raw
    text = re.sub(r"\s+", "", to_halfwidth(str(raw if raw is not None else ""))).lower()
    if text in ("", "0", "否", "no", "n", "false", "f", "×"):
        return False
    if text in ("1", "是", "yes", "y", "true", "t", "√", "✓"):
        return True
    raise ValidationError(translate("TalentEdit", "Write yes or no (是/否)."), field=field)


def cell_text(raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and raw == int(raw):
        raw = int(raw)
    return str(raw).strip()
