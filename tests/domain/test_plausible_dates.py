"""Plausible dates on the talent file (issue 12 item 7): each implausible date has its own message."""
from __future__ import annotations

import datetime as dt

from talentdesk.domain.talent_fields import check_departure, clean_talent_fields

from tests.talents.helpers import make_id, talent_values

TODAY = dt.date(2026, 11, 23)
BIRTH = dt.date(1990, 6, 15)


def _arrival_error(arrival) -> str:
    _c, errors = clean_talent_fields(talent_values(id_number=make_id(BIRTH, 11), gender="", arrival_date=arrival),
                                     today=TODAY)
    return errors.get("arrival_date", "")


def test_arrival_before_the_16th_birthday_is_refused_and_on_it_accepted():
    assert "16th birthday (2006-06-15)" in _arrival_error("2006-06-14")
    assert _arrival_error("2006-06-15") == ""


def test_arrival_before_birth_and_far_in_the_future_each_have_their_own_message():
    assert "before the birth date" in _arrival_error("1989-01-01")
    assert "more than a year from today" in _arrival_error("9999-12-31")
    assert _arrival_error(TODAY + dt.timedelta(days=300)) == ""


def test_departure_dates_are_checked_against_arrival_and_today():
    arrival = dt.date(2020, 3, 1)
    assert "before the arrival date (2020-03-01)" in check_departure(dt.date(2020, 2, 28), arrival=arrival, today=TODAY)
    assert "before 1900" in check_departure(dt.date(1899, 12, 31), arrival=None, today=TODAY)
    assert "more than a year" in check_departure(dt.date(9999, 12, 31), arrival=arrival, today=TODAY)
    assert check_departure(dt.date(2024, 5, 1), arrival=arrival, today=TODAY) is None
