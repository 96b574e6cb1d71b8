"""Value types: ID numbers, phone numbers, money."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talentdesk.domain.errors import ValidationError
from talentdesk.domain.values import (
    add_months,
    format_yuan,
    id_check_digit,
    mask_id_number,
    months_between,
    parse_id_number,
    parse_phone,
    parse_yuan,
)


def test_a_valid_id_number_gives_birth_date_and_gender():
    idn = parse_id_number("110101199003076632")
    assert idn.birth_date == dt.date(1990, 3, 7) and idn.gender == "M"
    assert parse_id_number("11010119900307600X").gender == "F"


def test_full_width_digits_spaces_and_lowercase_x_are_normalised():
    assert parse_id_number(" １１０１０１ 19900307600x ").value == "11010119900307600X"


@pytest.mark.parametrize("raw, fragment", [
    ("11010119900307663", "18 characters"),
    ("110101199003076631", "check digit"),
    ("110101199013076636", "birth date"),
    ("1101011990030766AX", "17 digits"),
    ("", "required"),
])
def test_wrong_id_numbers_are_refused_with_the_reason(raw, fragment):
    with pytest.raises(ValidationError) as e:
        parse_id_number(raw)
    assert fragment in e.value.message


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2008, 12, 31)), st.integers(0, 999))
def test_any_correctly_checked_number_is_accepted(birth, seq):
    body = f"110101{birth:%Y%m%d}{seq:03d}"
    number = body + id_check_digit(body)
    assert parse_id_number(number).birth_date == birth
    wrong = body + ("0" if number[-1] != "0" else "1")
    with pytest.raises(ValidationError):
        parse_id_number(wrong)


def test_masking_keeps_first_and_last_four():
    assert mask_id_number("330102199001011234") == "3301**********1234"


@pytest.mark.parametrize("raw, expected", [("138 0013 8000", "13800138000"), ("+86-138-0013-8000", "13800138000"),
                                           ("0571-88889999", "057188889999"), ("", "")])
def test_phone_numbers_are_normalised(raw, expected):
    assert parse_phone(raw) == expected


def test_a_short_mobile_number_is_refused():
    with pytest.raises(ValidationError):
        parse_phone("1380013800")


@pytest.mark.parametrize("raw, fen", [("12,345.67", 1234567), ("¥0.01", 1), ("100000", 10000000), ("１０.５", 1050)])
def test_amounts_are_parsed_into_integer_fen(raw, fen):
    assert parse_yuan(raw) == fen


@pytest.mark.parametrize("raw", ["-5", "1.001", "abc", "1e400", "NaN", "0"])
def test_bad_amounts_are_refused(raw):
    with pytest.raises(ValidationError):
        parse_yuan(raw)


@given(st.integers(min_value=1, max_value=10**14))
def test_format_and_parse_round_trip(fen):
    assert parse_yuan(format_yuan(fen)) == fen


def test_months_between_counts_whole_months():
    assert months_between(dt.date(2020, 1, 15), dt.date(2020, 2, 14)) == 0
    assert months_between(dt.date(2020, 1, 15), dt.date(2020, 2, 15)) == 1
    assert months_between(dt.date(2020, 1, 31), dt.date(2025, 1, 31)) == 60
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
