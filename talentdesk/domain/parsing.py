"""What offices write in a cell, read as a value: dates, service years, choices (gender, education …),
yes/no, ID numbers and free text. Pure (no database): the editor runs it on every keystroke and the importer on
every row, so each rule lives in exactly one place.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from collections.abc import Mapping
from typing import Any

from openpyxl.utils.datetime import from_excel

from talentdesk.domain import enums as E
from talentdesk.domain.errors import ValidationError
from talentdesk.domain.labels import label_spellings, join_list
from talentdesk.domain.values import (
    to_halfwidth,
)
from talentdesk.i18n import translate

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)




EARLIEST_DATE = dt.date(1900, 1, 1)
# a time after the date, as Excel and databases write date-times: '2024-09-01 08:30:00', '2024-09-01T08:30'
_TIME_OF_DAY = re.compile(r"(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> int | None:
    """五 → 5, 十 → 10, 十五 → 15, 二十 → 20, 三十五 → 35 (the numbers a service commitment is written in)."""
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _sep, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


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
    if isinstance(raw, (int, float)):  # an Excel serial; a fraction is the time of day
        if not 1 <= raw < 2958466:
            raise ValidationError(translate("TalentEdit", "This is not a date; write it like 2023-07-01."), field=field)
        return from_excel(int(raw)).date()
    if isinstance(raw, str):
        return _date_text(raw, field)
    return _date_from_text(str(raw), field)


@lru_cache(maxsize=8192)
def _date_text(raw: str, field: str) -> dt.date | None:
    """A roster writes the same dates many times (one arrival day for a whole group): each spelling is read once.
    Only results are kept; a refusal is raised afresh, in the language of the moment."""
    return _date_from_text(raw, field)


def _date_from_text(raw: str, field: str) -> dt.date | None:
    text = to_halfwidth(raw).strip()
    if ":" in text:  # a time of day needs its colon (most dates have none: the pattern is not tried)
        text = _TIME_OF_DAY.sub("", text)
    if " " in text or not text.isprintable():  # every other kind of white space is unprintable
        text = _SPACE.sub("", text)
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise ValidationError(translate("TalentEdit", "There is no such day in the calendar."), field=field) from None
    raise ValidationError(translate("TalentEdit", "This is not a date; write it like 2023-07-01."), field=field)


def parse_service_years(raw: Any, *, field: str = "service_years") -> int:
    if field == "service_years" and type(raw) in (str, int, float):  # bool is not cached: it is refused
        return _service_years_seen(type(raw), raw)
    return _parse_service_years(raw, field=field)


@lru_cache(maxsize=512)
def _service_years_seen(_kind: type, raw: str | int | float) -> int:
    """Each spelling of a roster's few commitments (5, '五年', 3.0) is read once (the type is in the key: 5 and
    5.0 and True hash alike)."""
    return _parse_service_years(raw, field="service_years")


def _parse_service_years(raw: Any, *, field: str = "service_years") -> int:
    """'5', 5, 5.0, '5.0', '5年', '５年', '五年', '5 years', '服务期5年', '服务满五年', '不少于5年' -> 5; blank -> 5
    (the usual commitment)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return 5
    if isinstance(raw, bool):
        raise ValidationError(translate("TalentEdit", "The service commitment is a whole number of years from 0 to 50."), field=field)
    if isinstance(raw, float) and raw == int(raw):
        raw = int(raw)
    text = re.sub(r"\s+", "", to_halfwidth(str(raw))).lower()
    text = re.sub(r"^(约定|承诺|须|需)?(服务期限|服务年限|服务期|服务)?[:：]?(为|满|不少于|不低于|至少)?", "", text)
    text = re.sub(r"(及以上|以上)$", "", text)
    text = re.sub(r"(年|周年|years?)$", "", text)
    text = re.sub(r"^(\d+)\.0+$", r"\1", text)
    number = chinese_number(text)
    if number is not None:
        text = str(number)
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
    E.Gender: {"男": "M", "女": "F", "m": "M", "f": "F", "男性": "M", "女性": "F", "男士": "M", "女士": "F"},
    E.Education: {"博士": "doctorate", "博士研究生": "doctorate", "研究生博士": "doctorate", "硕士": "master",
                  "硕士研究生": "master", "研究生": "master", "研究生硕士": "master", "本科": "bachelor",
                  "大学本科": "bachelor", "大学": "bachelor", "大专": "college", "专科": "college", "大学专科": "college",
                  "高职": "college", "高职高专": "college", "中专": "other", "高中": "other", "其他": "other"},
    E.Degree: {"博士": "doctor", "博士学位": "doctor", "硕士": "master", "硕士学位": "master", "学士": "bachelor",
               "学士学位": "bachelor", "无": "none", "": "none"},
    E.IntroMode: {"全职": "full_time", "全职引进": "full_time", "柔性": "flexible", "柔性引进": "flexible"},
    E.TalentStatus: {"在岗": "active", "在职": "active", "已离开": "departed", "离开": "departed", "离职": "departed"},
}


# what offices write around a value: 全日制本科, 本科学历, 本科毕业, 研究生（硕士）
_AROUND = re.compile(r"^(全日制|非全日制|在职|普通)|(学历|毕业|学位)$")


def _spellings(text: str) -> list[str]:
    out = [text, text.lower()]
    inner = re.sub(r"[()（）]", "", text)
    bare = _AROUND.sub("", inner)
    out += [inner, bare, _AROUND.sub("", bare)]
    return out


_SPACE = re.compile(r"\s+")
_CHOICES_SEEN: dict[tuple[type, str], str] = {}


def parse_choice(enum: type, raw: Any, *, field: str) -> str:
    """A code of `enum` from its code, English or Chinese label, or a common office spelling (全日制本科, 男性)."""
    key = (enum, raw if isinstance(raw, str) else str(raw))
    code = _CHOICES_SEEN.get(key)  # a roster repeats the same few spellings thousands of times
    if code is not None:
        return code
    text = _SPACE.sub("", to_halfwidth(str(raw if raw is not None else "")))
    table = _words(enum)
    code = next((table[t] for t in _spellings(text) if t in table), None)
    if code is not None and len(_CHOICES_SEEN) < 10_000:
        _CHOICES_SEEN[key] = code
    if code is None:
        from talentdesk.domain.labels import choices

        allowed = join_list(name for _c, name in choices(enum))
        raise ValidationError(translate("TalentEdit", "“{value}” is not one of: {allowed}.").format(value=text, allowed=allowed), field=field)
    return code


_TIER_AROUND = re.compile(r"(类人才|级人才|层次人才|人才|类|级|层次)$")


def parse_tier(raw: Any, tiers: Mapping[str, str], *, field: str = "tier_code") -> str:
    """A tier's code from what offices write: A, a, Ａ, A类, A类人才, A级, the tier's name (`tiers` maps every
    accepted spelling — code, Chinese and English name — to the code). Unmatched: the message lists the tiers."""
    text = _SPACE.sub("", to_halfwidth(cell_text(raw)))
    code = tiers.get(text) or tiers.get(text.upper())
    if code is not None:
        return code
    bare = _TIER_AROUND.sub("", text)
    code = tiers.get(bare) or tiers.get(bare.upper())
    if code is not None:
        return code
    for spelling, code in tiers.items():  # 领军 for 领军人才, A类 for A, "High-level talent" written as is
        if bare and _TIER_AROUND.sub("", _SPACE.sub("", spelling)).upper() == bare.upper():
            return code
    codes = sorted(set(tiers.values()))
    raise ValidationError(translate("TalentEdit", "There is no talent tier “{value}”; the tiers are {allowed} (or "
                                                  "their names).").format(value=text, allowed=join_list(codes)),
                          field=field)


def parse_flag(raw: Any, *, field: str) -> bool:
    if isinstance(raw, bool):
        return raw
    if raw is None:  # no such column, or an empty cell: no
        return False
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
