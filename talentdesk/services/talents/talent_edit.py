"""The talent file: one record — field rules, create/update, employers, departure and re-activation.

`clean_talent_fields` is pure (no database): the editor runs it on every keystroke and the importer on every row,
so the rules live in exactly one place. Database rules (duplicate ID number, known tier/employer) are checked by
the operations that write.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumError

from talentdesk.domain import enums as E
from talentdesk.domain.errors import Conflict, NotFound, RuleViolation, ValidationError
from talentdesk.domain.models import Employer, Talent, Tier
from talentdesk.domain.pinyin import pinyin_keys
from talentdesk.domain.values import (
    IdNumber,
    add_months,
    mask_id_number,
    mask_phone,
    normalise_id_number,
    parse_id_number,
    parse_phone,
    parse_uscc,
    to_halfwidth,
)
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, actor_of, operation, record_event

# Every field of the talent file the editor and the importer fill, in the editor's order.
TALENT_FIELDS = (
    "name", "gender", "id_number", "birth_date", "ethnicity", "native_place", "phone", "email", "education",
    "degree", "school", "major", "professional_title", "tier_code", "intro_mode", "employer_id", "post",
    "important_post", "arrival_date", "service_years", "notes",
)
REQUIRED_FIELDS = ("name", "id_number", "tier_code", "arrival_date")
MAX_LENGTHS = {
    "name": 40, "ethnicity": 20, "native_place": 60, "email": 120, "school": 80, "major": 80,
    "professional_title": 60, "post": 80, "notes": 4000,
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
EARLIEST_DATE = dt.date(1900, 1, 1)



# ------------------------------------------------------------------ cell and field normalisation (pure)

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
        return _EXCEL_EPOCH + dt.timedelta(days=int(serial))
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
    extra = _ENUM_EXTRA.get(enum, {})
    from talentdesk.domain.labels import _LABELS
    from talentdesk.i18n import _catalogue

    out = {}
    zh = _catalogue("zh_CN")
    for code, english in _LABELS.get(enum, {}).items():
        out[code.lower()] = code
        out[english.lower()] = code
        chinese = zh.get(("Labels", english))
        if chinese:
            out[chinese] = code
    out.update(extra)
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


@lru_cache(maxsize=4096)
def _region_valid_in(region: str, year: int) -> bool:
    """Whether the GB/T 2260 region code existed in that birth year (the slow part of ID validation; a roster
    has a few hundred distinct regions and years, so it is looked up once each)."""
    try:
        ric.get_birth_place(region + f"{year:04d}0101" + "0000")
        return True
    except StdnumError:
        return False


def _id_number(raw: str) -> IdNumber:
    """`parse_id_number` with the region lookup cached; anything unusual goes to `parse_id_number` itself, so
    its messages stay the only ones."""
    value = normalise_id_number(raw)
    if len(value) == 18 and value[:17].isascii() and value[:17].isdigit() and (value[17].isdigit() or value[17] == "X"):
        try:
            birth = ric.get_birth_date(value)
        except StdnumError:
            birth = None
        if (birth is not None and ric.calc_check_digit(value) == value[17]
                and _region_valid_in(value[:6], birth.year)):
            return IdNumber(value)
    return parse_id_number(raw, field="id_number")


def _text(raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and raw == int(raw):
        raw = int(raw)
    return str(raw).strip()


def clean_talent_fields(values: Mapping[str, Any], *, today: dt.date | None = None,
                        tiers: Mapping[str, str] | None = None) -> tuple[dict[str, Any], dict[str, str]]:
    """Check and normalise the fields of one talent. Returns (clean values, {field: message}) — all problems at
    once, so the editor can show each beside its field. `tiers` maps accepted spellings (code, name) to codes."""
    today = today or dt.date.today()
    out: dict[str, Any] = {}
    errors: dict[str, str] = {}

    def attempt(fieldname: str, fn):
        try:
            out[fieldname] = fn()
        except ValidationError as exc:
            errors[fieldname] = exc.message

    for f in ("name", "ethnicity", "native_place", "school", "major", "professional_title", "post", "notes"):
        out[f] = re.sub(r"[ \t\u3000]+", " ", _text(values.get(f))) if f != "notes" else _text(values.get(f))
        if len(out[f]) > MAX_LENGTHS[f]:
            errors[f] = translate("TalentEdit", "At most {n} characters.").format(n=MAX_LENGTHS[f])
    if not out["name"]:
        errors["name"] = translate("TalentEdit", "The name is required.")

    idn = None
    if not _text(values.get("id_number")):
        errors["id_number"] = translate("TalentEdit", "The ID number is required.")
    else:
        try:
            idn = _id_number(_text(values.get("id_number")))
            out["id_number"] = idn.value
        except ValidationError as exc:
            errors["id_number"] = exc.message

    gender_raw = _text(values.get("gender"))
    if gender_raw:
        attempt("gender", lambda: parse_choice(E.Gender, gender_raw, field="gender"))
    elif idn is not None:
        out["gender"] = idn.gender
    elif "id_number" not in errors:  # with a faulty ID number, that message says enough
        errors.setdefault("gender", translate("TalentEdit", "The gender is required."))
    if idn is not None and out.get("gender") and out["gender"] != idn.gender:
        errors["gender"] = translate("TalentEdit", "The ID number belongs to a {gender}; please check the gender or the ID number.").format(
            gender=translate("TalentEdit", "man") if idn.gender == "M" else translate("TalentEdit", "woman"))

    attempt("birth_date", lambda: parse_date_value(values.get("birth_date"), field="birth_date"))
    if "birth_date" in out:
        if out["birth_date"] is None and idn is not None:
            out["birth_date"] = idn.birth_date
        elif idn is not None and out["birth_date"] != idn.birth_date:
            errors["birth_date"] = translate("TalentEdit", "The ID number gives the birth date {date}.").format(
                date=idn.birth_date.isoformat())

    attempt("phone", lambda: parse_phone(_text(values.get("phone")), field="phone"))
    email = _text(values.get("email"))
    if email and not _EMAIL.match(email):
        errors["email"] = translate("TalentEdit", "This is not an e-mail address (name@example.cn).")
    elif len(email) > MAX_LENGTHS["email"]:
        errors["email"] = translate("TalentEdit", "At most {n} characters.").format(n=MAX_LENGTHS["email"])
    out["email"] = email

    attempt("education", lambda: parse_choice(E.Education, values.get("education") or "bachelor", field="education"))
    attempt("degree", lambda: parse_choice(E.Degree, values.get("degree") or "none", field="degree"))
    attempt("intro_mode", lambda: parse_choice(E.IntroMode, values.get("intro_mode") or "full_time",
                                               field="intro_mode"))
    attempt("important_post", lambda: parse_flag(values.get("important_post"), field="important_post"))

    tier_raw = re.sub(r"\s+", "", to_halfwidth(_text(values.get("tier_code"))))
    if not tier_raw:
        errors["tier_code"] = translate("TalentEdit", "The talent tier is required.")
    elif tiers is not None:
        code = tiers.get(tier_raw) or tiers.get(tier_raw.upper())
        if code is None:
            errors["tier_code"] = translate("TalentEdit", "There is no talent tier “{value}”.").format(value=tier_raw)
        else:
            out["tier_code"] = code
    else:
        out["tier_code"] = tier_raw.upper()

    employer = values.get("employer_id")
    out["employer_id"] = int(employer) if employer not in (None, "", 0) else None

    attempt("arrival_date", lambda: parse_date_value(values.get("arrival_date"), field="arrival_date"))
    arrival = out.get("arrival_date")
    if "arrival_date" in out and arrival is None:
        errors["arrival_date"] = translate("TalentEdit", "The arrival date is required.")
    elif arrival is not None:
        if arrival < EARLIEST_DATE or arrival > today + dt.timedelta(days=366):
            errors["arrival_date"] = translate("TalentEdit", "The arrival date must lie between 1900 and one year from today.")
        elif out.get("birth_date") and arrival < out["birth_date"]:
            errors["arrival_date"] = translate("TalentEdit", "The arrival date is before the birth date.")
    birth = out.get("birth_date")
    if birth is not None and "birth_date" not in errors and (birth < EARLIEST_DATE or birth > today):
        errors["birth_date"] = translate("TalentEdit", "The birth date must lie between 1900 and today.")
    attempt("service_years", lambda: parse_service_years(values.get("service_years")))
    return out, errors


def service_end(arrival: dt.date, years: int) -> dt.date | None:
    return add_months(arrival, years * 12) if years > 0 else None


# ------------------------------------------------------------------ reading one talent

@dataclass(frozen=True, slots=True)
class TalentDetail:
    """Every field of one talent. `id_number`/`phone` are full only when `sensitive_visible`."""

    id: int
    name: str
    gender: str
    id_number: str
    birth_date: dt.date | None
    ethnicity: str
    native_place: str
    phone: str
    email: str
    education: str
    degree: str
    school: str
    major: str
    professional_title: str
    tier_code: str
    intro_mode: str
    employer_id: int | None
    employer_name: str
    post: str
    important_post: bool
    arrival_date: dt.date
    service_years: int
    service_end_date: dt.date | None
    status: str
    departure_date: dt.date | None
    departure_reason: str
    departure_destination: str
    clawback_waiver_reason: str
    notes: str
    sensitive_visible: bool

    def editable_values(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in TALENT_FIELDS}


def _detail(session: Session, t: Talent) -> TalentDetail:
    sensitive = actor_of(session).can(Permission.TALENT_SENSITIVE)
    employer_name = session.scalar(select(Employer.name).where(Employer.id == t.employer_id)) if t.employer_id else ""
    return TalentDetail(
        id=t.id, name=t.name, gender=t.gender,
        id_number=(t.id_number or "") if sensitive else mask_id_number(t.id_number),
        birth_date=t.birth_date, ethnicity=t.ethnicity, native_place=t.native_place,
        phone=t.phone if sensitive else mask_phone(t.phone), email=t.email, education=t.education,
        degree=t.degree, school=t.school, major=t.major, professional_title=t.professional_title,
        tier_code=t.tier_code, intro_mode=t.intro_mode, employer_id=t.employer_id, employer_name=employer_name or "",
        post=t.post, important_post=bool(t.important_post), arrival_date=t.arrival_date,
        service_years=t.service_years, service_end_date=t.service_end_date, status=t.status,
        departure_date=t.departure_date, departure_reason=t.departure_reason,
        departure_destination=t.departure_destination, clawback_waiver_reason=t.clawback_waiver_reason,
        notes=t.notes, sensitive_visible=sensitive,
    )


def _talent(session: Session, talent_id: int) -> Talent:
    t = session.get(Talent, talent_id)
    if t is None:
        raise NotFound(translate("TalentEdit", "This talent no longer exists (it may have been removed by someone else)."))
    return t


@operation(Permission.TALENT_READ)
def get_talent(session: Session, *, talent_id: int) -> TalentDetail:
    return _detail(session, _talent(session, talent_id))


@operation(Permission.TALENT_READ)
def id_number_owner(session: Session, *, id_number: str, exclude_talent_id: int | None = None) -> str | None:
    """A message naming the talent who already has this ID number, or None (for the editor's live check)."""
    return _duplicate_message(session, id_number, exclude_talent_id)


def _duplicate_message(session: Session, id_number: str | None, exclude: int | None) -> str | None:
    if not id_number:
        return None
    stmt = select(Talent.id, Talent.name).where(Talent.id_number == id_number.strip().upper())
    if exclude:
        stmt = stmt.where(Talent.id != exclude)
    row = session.execute(stmt).first()
    if row is None:
        return None
    return translate("TalentEdit", "This ID number is already on file for {name} (record {id}).").format(name=row[1], id=row[0])


def tier_spellings(session: Session) -> dict[str, str]:
    """Tier code or name (Chinese or English) -> code."""
    out = {}
    for code, name, name_en in session.execute(select(Tier.code, Tier.name, Tier.name_en)).all():
        out[code] = code
        out[code.upper()] = code
        if name:
            out[name] = code
        if name_en:
            out[name_en] = code
            out[name_en.lower()] = code
    return out


def _validated(session: Session, values: Mapping[str, Any], exclude: int | None) -> dict[str, Any]:
    clean, errors = clean_talent_fields(values, tiers=tier_spellings(session))
    if "id_number" not in errors and clean.get("id_number"):
        dup = _duplicate_message(session, clean["id_number"], exclude)
        if dup:
            errors["id_number"] = dup
    if clean.get("employer_id") and session.get(Employer, clean["employer_id"]) is None:
        errors["employer_id"] = translate("TalentEdit", "This employer no longer exists.")
    if errors:
        first = next(f for f in TALENT_FIELDS if f in errors)
        raise ValidationError(
            errors[first], field=first, details=[f"{field_label(f)}: {errors[f]}" for f in TALENT_FIELDS if f in errors]
        )
    return clean


def _apply(t: Talent, clean: Mapping[str, Any]) -> None:
    for f in TALENT_FIELDS:
        if f in clean:
            setattr(t, f, clean[f])
    t.name_pinyin, t.name_initials = pinyin_keys(t.name)
    t.service_end_date = service_end(t.arrival_date, t.service_years)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS,))
def create_talent(session: Session, *, values: Mapping[str, Any]) -> TalentDetail:
    """Add a talent after checking every field and that the ID number is not on file already."""
    clean = _validated(session, values, None)
    t = Talent(status=E.TalentStatus.ACTIVE.value)
    _apply(t, clean)
    session.add(t)
    session.flush()
    return _detail(session, t)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS,))
def update_talent(session: Session, *, talent_id: int, values: Mapping[str, Any]) -> TalentDetail:
    """Change a talent's fields. A masked ID or phone (the actor may not see them) is kept as it was."""
    t = _talent(session, talent_id)
    values = dict(values)
    if not actor_of(session).can(Permission.TALENT_SENSITIVE):
        # the editor showed masked values; an unchanged masked value means "keep"
        if values.get("id_number") == mask_id_number(t.id_number):
            values["id_number"] = t.id_number
        if values.get("phone") == mask_phone(t.phone):
            values["phone"] = t.phone
    clean = _validated(session, values, talent_id)
    _apply(t, clean)
    session.flush()
    return _detail(session, t)


def field_label(name: str) -> str:
    """The translated label of a talent field (editor, import preview, export headers)."""
    return {
        "name": translate("TalentEdit", "Name"), "gender": translate("TalentEdit", "Gender"), "id_number": translate("TalentEdit", "ID number"), "birth_date": translate("TalentEdit", "Birth date"),
        "ethnicity": translate("TalentEdit", "Ethnicity"), "native_place": translate("TalentEdit", "Native place"), "phone": translate("TalentEdit", "Phone"),
        "email": translate("TalentEdit", "E-mail"), "education": translate("TalentEdit", "Education"), "degree": translate("TalentEdit", "Degree"), "school": translate("TalentEdit", "School"),
        "major": translate("TalentEdit", "Major"), "professional_title": translate("TalentEdit", "Professional title"), "tier_code": translate("TalentEdit", "Talent tier"),
        "intro_mode": translate("TalentEdit", "Introduction mode"), "employer_id": translate("TalentEdit", "Employer"), "post": translate("TalentEdit", "Post"),
        "important_post": translate("TalentEdit", "Important post"), "arrival_date": translate("TalentEdit", "Arrival date"),
        "service_years": translate("TalentEdit", "Service commitment (years)"), "status": translate("TalentEdit", "Status"), "notes": translate("TalentEdit", "Notes"),
        "service_end_date": translate("TalentEdit", "Service commitment ends"), "departure_date": translate("TalentEdit", "Departure date"),
        "departure_reason": translate("TalentEdit", "Departure reason"), "departure_destination": translate("TalentEdit", "Destination"),
        "clawback_waiver_reason": translate("TalentEdit", "Clawback waiver reason"),
        "exit_reason": translate("TalentEdit", "Reason for leaving (coded)"),
    }.get(name, name)


# ------------------------------------------------------------------ employers (their own small dialog)

@dataclass(frozen=True, slots=True)
class EmployerDetail:
    id: int
    name: str
    uscc: str
    kind: str
    address: str
    contact: str
    phone: str
    talent_count: int


def _employer_clean(session: Session, values: Mapping[str, Any], exclude: int | None) -> dict[str, Any]:
    name = re.sub(r"\s+", " ", _text(values.get("name")))
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = translate("TalentEdit", "The employer's name is required.")
    elif len(name) > 120:
        errors["name"] = translate("TalentEdit", "At most {n} characters.").format(n=120)
    code = None
    try:
        code = parse_uscc(_text(values.get("uscc")))
    except ValidationError as exc:
        errors["uscc"] = exc.message
    phone = ""
    try:
        phone = parse_phone(_text(values.get("phone")))
    except ValidationError as exc:
        errors["phone"] = exc.message
    if name and "name" not in errors:
        stmt = select(Employer.id).where(Employer.name == name)
        if exclude:
            stmt = stmt.where(Employer.id != exclude)
        if session.scalar(stmt) is not None:
            errors["name"] = translate("TalentEdit", "An employer with this name exists already.")
    if code:
        stmt = select(Employer.name).where(Employer.uscc == code)
        if exclude:
            stmt = stmt.where(Employer.id != exclude)
        other = session.scalar(stmt)
        if other is not None:
            errors["uscc"] = translate("TalentEdit", "This credit code already belongs to {name}.").format(name=other)
    if errors:
        first = next(iter(errors))
        raise ValidationError(errors[first], field=first, details=list(errors.values()))
    return {"name": name, "uscc": code, "kind": _text(values.get("kind"))[:40],
            "address": _text(values.get("address"))[:200], "contact": _text(values.get("contact"))[:40],
            "phone": phone}


def _employer_detail(session: Session, e: Employer) -> EmployerDetail:
    n = session.scalar(select(func.count()).select_from(Talent).where(Talent.employer_id == e.id)) or 0
    return EmployerDetail(e.id, e.name, e.uscc or "", e.kind, e.address, e.contact, e.phone, n)


@operation(Permission.TALENT_READ)
def get_employer(session: Session, *, employer_id: int) -> EmployerDetail:
    e = session.get(Employer, employer_id)
    if e is None:
        raise NotFound(translate("TalentEdit", "This employer no longer exists."))
    return _employer_detail(session, e)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS, Change.EMPLOYERS))
def save_employer(session: Session, *, values: Mapping[str, Any], employer_id: int | None = None) -> EmployerDetail:
    """Create (employer_id None) or change an employer. The USCC is optional but must be valid when given."""
    clean = _employer_clean(session, values, employer_id)
    if employer_id is None:
        e = Employer()
        session.add(e)
    else:
        e = session.get(Employer, employer_id)
        if e is None:
            raise NotFound(translate("TalentEdit", "This employer no longer exists."))
    for k, v in clean.items():
        setattr(e, k, v)
    e.name_pinyin, e.name_initials = pinyin_keys(e.name)
    session.flush()
    return _employer_detail(session, e)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS, Change.EMPLOYERS))
def delete_employer(session: Session, *, employer_id: int) -> None:
    e = session.get(Employer, employer_id)
    if e is None:
        raise NotFound(translate("TalentEdit", "This employer no longer exists."))
    n = session.scalar(select(func.count()).select_from(Talent).where(Talent.employer_id == employer_id)) or 0
    if n:
        raise RuleViolation(translate("TalentEdit", "{name} still employs {n} talents on file; it cannot be removed.").format(
            name=e.name, n=n))
    session.delete(e)
    session.flush()


# ------------------------------------------------------------------ departure and re-activation

@dataclass(frozen=True, slots=True)
class DepartureResult:
    talent_id: int
    clawback_fen: int
    grants: int
    pairings_ended: int


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS, Change.LEDGER, Change.MENTORS, Change.GROWTH))
def record_departure(session: Session, *, talent_id: int, on: dt.date, exit_reason: str | int | None = None,
                     reason: str = "", destination: str = "", waiver_reason: str = "",
                     today: dt.date | None = None) -> DepartureResult:
    """The talent leaves the county: status departed, with the coded reason (`exit_reason`: id, code or name from
    the office's list) and optional details in `reason`; the ledger stops future instalments and posts clawbacks
    (its own rule, in `ledger.apply_departure`); current mentor pairings end. One transaction."""
    from talentdesk.services.ledger import journal
    from talentdesk.services.mentors import mentoring
    from talentdesk.services.talents.exit_reasons import find_exit_reason
    t = _talent(session, talent_id)
    if t.status == E.TalentStatus.DEPARTED.value:
        raise RuleViolation(translate("TalentEdit", "{name} is already recorded as departed.").format(name=t.name))
    today = today or dt.date.today()
    on = parse_date_value(on, field="departure_date")
    reason = _text(reason)
    if on is None:
        raise ValidationError(translate("TalentEdit", "The departure date is required."), field="departure_date")
    if on < t.arrival_date:
        raise ValidationError(translate("TalentEdit", "The departure date is before the arrival date ({date}).").format(
            date=t.arrival_date.isoformat()), field="departure_date")
    if on > today:
        raise ValidationError(translate("TalentEdit", "The departure date cannot be in the future."), field="departure_date")
    coded = find_exit_reason(session, exit_reason)
    if coded is None:
        raise ValidationError(translate("TalentEdit", "Please choose the reason for leaving."), field="exit_reason")
    reason = reason or coded.name
    if len(reason) > 200 or len(_text(waiver_reason)) > 200 or len(_text(destination)) > 120:
        raise ValidationError(translate("TalentEdit", "At most {n} characters.").format(n=200), field="departure_reason")
    t.status = E.TalentStatus.DEPARTED.value
    t.departure_date = on
    t.departure_reason = reason
    t.exit_reason_id = coded.id
    t.departure_destination = _text(destination)
    t.clawback_waiver_reason = _text(waiver_reason)
    session.flush()
    lines = journal.apply_departure(session, talent_id=talent_id)
    ended = mentoring.end_current_pairings(session, talent_id=talent_id, on=on, reason=reason)
    return DepartureResult(talent_id, sum(x.owed_fen for x in lines), len(lines), ended)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS,))
def reactivate_talent(session: Session, *, talent_id: int, note: str) -> TalentDetail:
    """Undo a departure recorded in error or a return to the county. The departure details stay in the audit
    trail; ledger entries already posted stay (the ledger is append-only; the ledger tab corrects them)."""
    t = _talent(session, talent_id)
    if t.status != E.TalentStatus.DEPARTED.value:
        raise RuleViolation(translate("TalentEdit", "{name} is active already.").format(name=t.name))
    note = _text(note)
    if not note:
        raise ValidationError(translate("TalentEdit", "Please say why the talent is active again."), field="note")
    before = {"departure_date": t.departure_date.isoformat() if t.departure_date else None,
              "departure_reason": t.departure_reason, "departure_destination": t.departure_destination}
    t.status = E.TalentStatus.ACTIVE.value
    t.departure_date = None
    t.departure_reason = ""
    t.exit_reason_id = None
    t.departure_destination = ""
    t.clawback_waiver_reason = ""
    session.flush()
    record_event(session, E.AuditAction.UPDATE, table="talents", record_id=str(t.id), before=before,
                 after={"status": "active"}, summary=f"re-activated: {note}"[:400])
    return _detail(session, t)
