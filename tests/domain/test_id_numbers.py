"""The ID check accepts every genuine number (issue 12): the GB 11643 check digit, a real birth date from 1900 to
today and a known province are enough. The region code is not checked against the birth year — numbers keep the
code under which they were issued — and a county code found in no edition is a warning, never a refusal."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentdesk.domain.errors import ValidationError
from talentdesk.domain.regions import PROVINCES, known_codes, region_known
from talentdesk.domain.talent_fields import clean_talent_fields
from talentdesk.domain.values import id_check_digit, id_number_from_15, parse_id_number

from tests.talents.helpers import talent_values

TODAY = dt.date(2026, 11, 23)


def _id(region: str, birth: dt.date, seq: int) -> str:
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_digit(first17)


@settings(max_examples=500, deadline=None)
@given(province=st.sampled_from(sorted(PROVINCES)), county=st.integers(0, 9999),
       birth=st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY), seq=st.integers(0, 999))
def test_every_number_with_a_correct_check_digit_a_real_date_and_a_known_province_is_accepted(province, county, birth,
                                                                                              seq):
    number = _id(f"{province}{county:04d}", birth, seq)
    idn = parse_id_number(number, today=TODAY)
    assert idn.value == number and idn.birth_date == birth
    assert idn.gender == ("M" if seq % 2 else "F")
    assert (idn.warning() == "") == region_known(number[:6])


@pytest.mark.parametrize("region, birth", [
    ("310115", dt.date(1985, 4, 12)),   # 浦东新区, code since 1993
    ("440306", dt.date(1978, 8, 30)),   # 宝安区, code since 1993
    ("330782", dt.date(1980, 2, 2)),    # 义乌市, code since 1988
    ("330782", dt.date(1987, 12, 31)),
    ("110103", dt.date(1995, 5, 5)),    # 崇文区, gone since 2010: the number stays
])
def test_people_born_before_or_after_their_county_code_existed_are_accepted_without_a_warning(region, birth):
    idn = parse_id_number(_id(region, birth, 17), today=TODAY)
    assert idn.warning() == ""


def test_an_unknown_county_is_a_warning_beside_the_field_not_a_refusal():
    number = _id("339999", dt.date(1990, 1, 1), 11)
    assert not region_known("339999")
    warnings: dict[str, str] = {}
    clean, errors = clean_talent_fields(talent_values(id_number=number, gender=""), today=TODAY, warnings=warnings)
    assert "id_number" not in errors and clean["id_number"] == number
    assert "339999" in warnings["id_number"]


@pytest.mark.parametrize("raw, words", [
    (_id("990101", dt.date(1990, 1, 1), 11), "province"),
    ("110101189912310016"[:17] + id_check_digit("11010118991231001"), "1900"),
    ("11010120300101001" + id_check_digit("11010120300101001"), "1900"),
    ("11010119900230001" + id_check_digit("11010119900230001"), "calendar"),
    ("110101199001010011" if id_check_digit("11010119900101001") != "1" else "110101199001010012", "check digit"),
])
def test_what_is_refused_says_why(raw, words):
    with pytest.raises(ValidationError) as exc:
        parse_id_number(raw, today=TODAY)
    assert words in exc.value.message


def test_a_first_generation_15_digit_number_is_recognised_and_its_18_digit_form_offered():
    old = "330782800202171"  # 6 region + YYMMDD + 3
    new = id_number_from_15(old)
    assert new[:17] == "33078219800202171" and parse_id_number(new, today=TODAY).birth_date == dt.date(1980, 2, 2)
    with pytest.raises(ValidationError) as exc:
        parse_id_number(old, today=TODAY)
    assert new in exc.value.message and "15" in exc.value.message


@pytest.mark.parametrize("cell", [3.30782198004121e17, 330782198004121000, "3.30782E+17"])
def test_an_id_number_excel_stored_as_a_number_is_named_as_excels_damage(cell):
    _clean, errors = clean_talent_fields(talent_values(id_number=cell, gender=""), today=TODAY)
    assert "Excel stored this" in errors["id_number"] and "文本" in errors["id_number"]


def test_the_code_table_holds_every_edition():
    codes = known_codes()
    assert len(codes) > 6000
    assert {"310115", "440306", "330782", "110103", "330700"} <= codes
