"""The fields of the talent file and their rules: which exist, which are required, how long each may be,
their labels, and `clean_talent_fields`, which checks one talent's fields all at once.

Database rules (duplicate ID number, known tier/employer) are checked by the operations that write
(services/talents/records.py).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from talentdesk.domain import enums as E
from talentdesk.domain.errors import ValidationError
from talentdesk.domain.parsing import (
    EARLIEST_DATE,
    cell_text,
    parse_choice,
    parse_date_value,
    parse_flag,
    parse_service_years,
    parse_tier,
)
from talentdesk.domain.values import (
    add_months,
    excel_number_message,
    parse_id_number,
    parse_phone,
    to_halfwidth,
)
from talentdesk.i18n import translate

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
_BLANKS = re.compile(r"[ \t\u3000]+")
_WHITESPACE = re.compile(r"\s+")


def clean_talent_fields(values: Mapping[str, Any], *, today: dt.date | None = None,
                        tiers: Mapping[str, str] | None = None,
                        warnings: dict[str, str] | None = None) -> tuple[dict[str, Any], dict[str, str]]:
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
        text = cell_text(values.get(f))
        # runs of blanks become one space (a lone space is left as it is: no need to look for runs without one)
        out[f] = _BLANKS.sub(" ", text) if f != "notes" and ("  " in text or "\t" in text or "\u3000" in text) \
            else text
        if len(out[f]) > MAX_LENGTHS[f]:
            errors[f] = translate("TalentEdit", "At most {n} characters.").format(n=MAX_LENGTHS[f])
    if not out["name"]:
        errors["name"] = translate("TalentEdit", "The name is required.")

    idn = None
    raw_id = values.get("id_number")
    if isinstance(raw_id, (int, float)) and not isinstance(raw_id, bool) and len(f"{raw_id:.0f}") > 15:
        errors["id_number"] = excel_number_message(translate("TalentEdit", "ID number"))
    elif not cell_text(raw_id):
        errors["id_number"] = translate("TalentEdit", "The ID number is required.")
    else:
        try:
            idn = parse_id_number(cell_text(raw_id), today=today)
            out["id_number"] = idn.value
            if warnings is not None and idn.warning():
                warnings["id_number"] = idn.warning()
        except ValidationError as exc:
            errors["id_number"] = exc.message

    gender_raw = cell_text(values.get("gender"))
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

    attempt("phone", lambda: parse_phone(cell_text(values.get("phone")), field="phone"))
    email = cell_text(values.get("email"))
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

    tier_raw = _WHITESPACE.sub("", to_halfwidth(cell_text(values.get("tier_code"))))
    if not tier_raw:
        errors["tier_code"] = translate("TalentEdit", "The talent tier is required.")
    elif tiers is not None:
        attempt("tier_code", lambda: parse_tier(tier_raw, tiers))
    else:
        out["tier_code"] = tier_raw.upper()

    employer = values.get("employer_id")
    out["employer_id"] = int(employer) if employer not in (None, "", 0) else None

    attempt("arrival_date", lambda: parse_date_value(values.get("arrival_date"), field="arrival_date"))
    arrival = out.get("arrival_date")
    if "arrival_date" in out and arrival is None:
        errors["arrival_date"] = translate("TalentEdit", "The arrival date is required.")
    elif arrival is not None:
        birth = out.get("birth_date")
        if arrival > latest_date(today):
            errors["arrival_date"] = translate("TalentEdit", "The arrival date is more than a year from today.")
        elif arrival < EARLIEST_DATE:
            errors["arrival_date"] = translate("TalentEdit", "The arrival date is before 1900.")
        elif birth and arrival < birth:
            errors["arrival_date"] = translate("TalentEdit", "The arrival date is before the birth date.")
        elif birth and arrival < sixteenth_birthday(birth):
            errors["arrival_date"] = translate("TalentEdit", "The arrival date is before the talent's 16th birthday "
                                                             "({date}).").format(date=sixteenth_birthday(birth).isoformat())
    birth = out.get("birth_date")
    if birth is not None and "birth_date" not in errors and (birth < EARLIEST_DATE or birth > today):
        errors["birth_date"] = translate("TalentEdit", "The birth date must lie between 1900 and today.")
    attempt("service_years", lambda: parse_service_years(values.get("service_years")))
    return out, errors


@lru_cache(maxsize=64)
def latest_date(today: dt.date) -> dt.date:
    """Nothing on the talent file is dated later than a year from today (a typing error like 2205)."""
    return today + dt.timedelta(days=366)


def sixteenth_birthday(birth: dt.date) -> dt.date:
    """The earliest day someone may start work (the legal working age is 16); 29 February → 1 March."""
    return add_months(birth, 16 * 12) if not (birth.month == 2 and birth.day == 29) else dt.date(birth.year + 16, 3, 1)


def check_departure(departure: dt.date, *, arrival: dt.date | None, today: dt.date) -> str | None:
    """The message for an implausible departure date, or None."""
    if departure > latest_date(today):
        return translate("TalentEdit", "The departure date is more than a year from today.")
    if departure < EARLIEST_DATE:
        return translate("TalentEdit", "The departure date is before 1900.")
    if arrival is not None and departure < arrival:
        return translate("TalentEdit", "The departure date is before the arrival date ({date}).").format(
            date=arrival.isoformat())
    return None


def service_end(arrival: dt.date, years: int) -> dt.date | None:
    return add_months(arrival, years * 12) if years > 0 else None


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
