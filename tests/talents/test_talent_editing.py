"""Editing one talent: field rules (checked as the user types and again on save), duplicates, employers,
privacy of the detail view, departure hand-off to the ledger and mentors, re-activation."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from talentdesk.domain.enums import Role
from talentdesk.domain.errors import PermissionDenied, RuleViolation, ValidationError
from talentdesk.domain.models import (
    AuditEntry,
    ExitReason,
    Instalment,
    LedgerEntry,
    Pairing,
    SubsidyGrant,
    Talent,
)
from talentdesk.domain.parsing import parse_date_value, parse_service_years
from talentdesk.domain.talent_fields import clean_talent_fields
from talentdesk.services.talents import departure, employers, records
from tests.conftest import TODAY, make_actor
from tests.talents.helpers import make_id, talent_values

births = st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2005, 12, 31))


@settings(max_examples=200, deadline=None)
@given(birth=births, seq=st.integers(0, 999))
def test_a_valid_id_number_gives_birth_date_and_gender(birth, seq):
    clean, errors = clean_talent_fields(talent_values(id_number=make_id(birth, seq), gender="", birth_date=""),
                                        today=TODAY)
    assert errors == {}
    assert clean["birth_date"] == birth
    assert clean["gender"] == ("M" if seq % 2 else "F")


@settings(max_examples=200, deadline=None)
@given(birth=births, seq=st.integers(0, 999), pos=st.integers(0, 17), delta=st.integers(1, 9))
def test_any_single_changed_digit_of_an_id_number_is_refused(birth, seq, pos, delta):
    good = make_id(birth, seq)
    ch = good[pos]
    if ch == "X":
        bad_ch = str(delta)
    else:
        bad_ch = str((int(ch) + delta) % 10)
    bad = good[:pos] + bad_ch + good[pos + 1:]
    _clean, errors = clean_talent_fields(talent_values(id_number=bad, gender="", birth_date=""), today=TODAY)
    assert "id_number" in errors


def test_full_width_digits_lowercase_x_and_spaces_are_normalised():
    good = make_id(dt.date(1985, 3, 9), 21)
    if not good.endswith("X"):
        for seq in range(0, 999):
            good = make_id(dt.date(1985, 3, 9), seq)
            if good.endswith("X"):
                break
    typed = " ".join(good[:6]) + good[6:-1].translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"}) + "x"
    clean, errors = clean_talent_fields(talent_values(id_number=typed, gender=""), today=TODAY)
    assert "id_number" not in errors and clean["id_number"] == good


@settings(max_examples=150, deadline=None)
@given(d=st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 12, 31)))
def test_dates_are_read_in_every_way_offices_write_them(d):
    serial = (d - dt.date(1899, 12, 30)).days
    for text in (d.isoformat(), f"{d.year}/{d.month}/{d.day}", f"{d.year}.{d.month}.{d.day}",
                 f"{d.year}年{d.month}月{d.day}日", f"{d:%Y%m%d}", f" {d.isoformat()} "):
        assert parse_date_value(text) == d
    assert parse_date_value(serial) == d
    assert parse_date_value(dt.datetime(d.year, d.month, d.day, 0, 0)) == d


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13-01", "yesterday", "2023/7", "1.5", "=TODAY()"])
def test_impossible_or_unreadable_dates_are_refused_with_a_message(text):
    with pytest.raises(ValidationError) as err:
        parse_date_value(text)
    assert err.value.message


@pytest.mark.parametrize("raw,years", [("5", 5), (5, 5), (5.0, 5), ("5年", 5), ("５年", 5), ("", 5), ("0", 0)])
def test_service_years_accept_office_spellings(raw, years):
    assert parse_service_years(raw) == years


@pytest.mark.parametrize("raw", ["-1", "51", "five", "5.5", True])
def test_service_years_refuse_nonsense(raw):
    with pytest.raises(ValidationError):
        parse_service_years(raw)


def test_required_fields_are_each_named():
    _c, errors = clean_talent_fields({"gender": ""}, today=TODAY)
    assert {"name", "id_number", "tier_code", "arrival_date"} <= set(errors)
    _c, errors = clean_talent_fields({"id_number": make_id(), "gender": ""}, today=TODAY)
    assert "gender" not in errors  # derived from the ID number


def test_gender_and_birth_date_must_agree_with_the_id_number():
    idn = make_id(dt.date(1990, 1, 1), 123)  # a man
    _c, errors = clean_talent_fields(talent_values(id_number=idn, gender="F", birth_date="1991-01-01"), today=TODAY)
    assert "gender" in errors and "birth_date" in errors
    assert "1990-01-01" in errors["birth_date"]


def test_mobile_email_and_arrival_rules():
    _c, errors = clean_talent_fields(talent_values(phone="12345", email="not-an-email", arrival_date="2099-01-01"),
                                     today=TODAY)
    assert {"phone", "email", "arrival_date"} <= set(errors)
    clean, errors = clean_talent_fields(talent_values(phone="+86 138 1234 5678"), today=TODAY)
    assert errors == {} and clean["phone"] == "13812345678"


def test_create_talent_derives_pinyin_and_service_end(session):
    d = records.create_talent(session, values=talent_values(arrival_date="2023-07-01", service_years=5))
    t = session.get(Talent, d.id)
    assert (t.name_pinyin, t.name_initials) == ("zhangsan", "zs")
    assert t.service_end_date == dt.date(2028, 7, 1)
    assert t.birth_date == dt.date(1990, 1, 1) and t.phone == "13812345678"


def test_the_same_id_number_twice_is_refused_naming_the_existing_record(database, local):
    with database.session(local) as s:
        first = records.create_talent(s, values=talent_values())
    with pytest.raises(ValidationError) as err:
        with database.session(local) as s:
            records.create_talent(s, values=talent_values(name="李四"))
    assert err.value.field == "id_number"
    assert "张三" in err.value.message and str(first.id) in err.value.message
    with database.session(local, readonly=True) as s:
        assert s.scalar(select(func.count()).select_from(Talent)) == 1
        assert records.id_number_owner(s, id_number=make_id()) == err.value.message
        assert records.id_number_owner(s, id_number=make_id(), exclude_talent_id=first.id) is None


def test_update_changes_fields_and_is_audited(database, local):
    with database.session(local) as s:
        d = records.create_talent(s, values=talent_values())
    with database.session(local) as s:
        records.update_talent(s, talent_id=d.id, values=talent_values(post="副主任医师", service_years="3年"))
    with database.session(local, readonly=True) as s:
        t = s.get(Talent, d.id)
        assert t.post == "副主任医师" and t.service_end_date == dt.date(2026, 7, 1)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.table_name == "talents",
                                                   AuditEntry.action == "update")).one()
        assert json.loads(entry.after)["post"] == "副主任医师"


def test_an_invalid_update_changes_nothing(database, local):
    with database.session(local) as s:
        d = records.create_talent(s, values=talent_values())
    with pytest.raises(ValidationError) as err:
        with database.session(local) as s:
            records.update_talent(s, talent_id=d.id, values=talent_values(post="x", phone="999"))
    assert err.value.field == "phone" and err.value.details
    with database.session(local, readonly=True) as s:
        assert s.get(Talent, d.id).post == "医生"


def test_detail_view_shows_full_values_only_to_roles_that_may_see_them(database, local):
    with database.session(local) as s:
        d = records.create_talent(s, values=talent_values())
    with database.session(make_actor(Role.VIEWER), readonly=True) as s:
        v = records.get_talent(s, talent_id=d.id)
    assert not v.sensitive_visible and v.id_number == make_id()[:4] + "*" * 10 + make_id()[-4:] and "*" in v.phone
    with database.session(make_actor(Role.APPROVER), readonly=True) as s:
        a = records.get_talent(s, talent_id=d.id)
    assert a.id_number == make_id() and a.phone == "13812345678"


def test_a_viewer_cannot_edit(database, local):
    with database.session(local) as s:
        d = records.create_talent(s, values=talent_values())
    with pytest.raises(PermissionDenied):
        with database.session(make_actor(Role.VIEWER)) as s:
            records.update_talent(s, talent_id=d.id, values=talent_values(post="x"))


def test_employers_validate_the_credit_code_and_refuse_duplicates(database, local):
    with database.session(local) as s:
        e = employers.save_employer(s, values={"name": "县人民医院", "uscc": ""})
        assert e.uscc == ""
    with pytest.raises(ValidationError) as err:
        with database.session(local) as s:
            employers.save_employer(s, values={"name": "县中医院", "uscc": "91330100MA2CXXXXX1"})
    assert err.value.field == "uscc"
    with pytest.raises(ValidationError) as err:
        with database.session(local) as s:
            employers.save_employer(s, values={"name": " 县人民医院 "})
    assert err.value.field == "name"


def test_an_employer_with_talents_cannot_be_removed(database, local):
    with database.session(local) as s:
        e = employers.save_employer(s, values={"name": "县人民医院"})
        records.create_talent(s, values=talent_values(employer_id=e.id))
    with pytest.raises(RuleViolation):
        with database.session(local) as s:
            employers.delete_employer(s, employer_id=e.id)


def _talent_with_paid_grant(s):
    """A demo talent, active, with a grant that has a payment and a not-yet-posted instalment."""
    paid = select(LedgerEntry.grant_id).where(LedgerEntry.kind == "payment")
    unposted = select(Instalment.grant_id).where(Instalment.posted.is_(False))
    return s.execute(
        select(Talent.id, SubsidyGrant.id)
        .join(SubsidyGrant, SubsidyGrant.talent_id == Talent.id)
        .where(Talent.status == "active", SubsidyGrant.id.in_(paid), SubsidyGrant.id.in_(unposted),
               SubsidyGrant.clawback_rule != "none", Talent.service_end_date > TODAY)
        .limit(1)
    ).first()


def test_departure_hands_off_to_the_ledger_and_the_mentor_board(demo_db, local, monkeypatch):
    from talentdesk.services.ledger import journal
    from talentdesk.services.mentors import pairings
    with demo_db.session(local, readonly=True) as s:
        talent_id, grant_id = _talent_with_paid_grant(s)
    calls = []
    real_apply, real_end = journal.apply_departure, pairings.end_current_pairings
    monkeypatch.setattr(journal, "apply_departure", lambda s, **kw: calls.append(("ledger", kw)) or real_apply(s, **kw))
    monkeypatch.setattr(pairings, "end_current_pairings",
                        lambda s, **kw: calls.append(("mentors", kw)) or real_end(s, **kw))
    with demo_db.session(local) as s:
        result = departure.record_departure(s, talent_id=talent_id, on=TODAY, exit_reason="development",
                                              reason="个人发展", destination="杭州市", today=TODAY)
    assert calls[0] == ("ledger", {"talent_id": talent_id})
    assert calls[1][0] == "mentors" and calls[1][1]["talent_id"] == talent_id and calls[1][1]["on"] == TODAY
    with demo_db.session(local, readonly=True) as s:
        t = s.get(Talent, talent_id)
        assert (t.status, t.departure_date, t.departure_destination) == ("departed", TODAY, "杭州市")
        assert (s.get(ExitReason, t.exit_reason_id).code, t.departure_reason) == ("development", "个人发展")
        assert s.scalar(select(func.count()).select_from(Instalment).where(
            Instalment.grant_id == grant_id, Instalment.posted.is_(False), Instalment.cancelled.is_(False))) == 0
        clawback = s.scalar(select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0)).where(
            LedgerEntry.grant_id.in_(select(SubsidyGrant.id).where(SubsidyGrant.talent_id == talent_id)),
            LedgerEntry.kind == "clawback"))
        assert -clawback == result.clawback_fen > 0
        assert s.scalar(select(func.count()).select_from(Pairing).where(
            Pairing.talent_id == talent_id, Pairing.end_date.is_(None))) == 0


def test_a_waiver_reason_cancels_the_clawback(demo_db, local):
    with demo_db.session(local, readonly=True) as s:
        talent_id, _g = _talent_with_paid_grant(s)
    with demo_db.session(local) as s:
        result = departure.record_departure(s, talent_id=talent_id, on=TODAY, exit_reason="组织调动",
                                              waiver_reason="组织调动", today=TODAY)
    assert result.clawback_fen == 0


@pytest.mark.parametrize("on,reason,field", [
    (TODAY + dt.timedelta(days=1), "family", "departure_date"),
    (dt.date(1990, 1, 1), "family", "departure_date"),
    (TODAY, "  ", "exit_reason"),          # no coded reason
    (TODAY, None, "exit_reason"),
    (TODAY, "跳槽", "exit_reason"),         # not on the office's list
])
def test_a_bad_departure_is_refused_and_changes_nothing(demo_db, local, on, reason, field):
    with demo_db.session(local, readonly=True) as s:
        talent_id, _g = _talent_with_paid_grant(s)
    with pytest.raises(ValidationError) as err:
        with demo_db.session(local) as s:
            departure.record_departure(s, talent_id=talent_id, on=on, exit_reason=reason, today=TODAY)
    assert err.value.field == field
    with demo_db.session(local, readonly=True) as s:
        assert s.get(Talent, talent_id).status == "active"


def test_reactivation_is_possible_and_audited(demo_db, local):
    with demo_db.session(local, readonly=True) as s:
        talent_id, _g = _talent_with_paid_grant(s)
    with demo_db.session(local) as s:
        departure.record_departure(s, talent_id=talent_id, on=TODAY, exit_reason="家庭原因", today=TODAY)
    with pytest.raises(ValidationError):
        with demo_db.session(local) as s:
            departure.reactivate_talent(s, talent_id=talent_id, note="")
    with demo_db.session(local) as s:
        d = departure.reactivate_talent(s, talent_id=talent_id, note="登记错误，实际未离开")
    assert d.status == "active" and d.departure_date is None
    with demo_db.session(local, readonly=True) as s:
        summaries = s.scalars(select(AuditEntry.summary).where(AuditEntry.record_id == str(talent_id),
                                                               AuditEntry.table_name == "talents")).all()
    assert any("登记错误" in x for x in summaries)
    with pytest.raises(RuleViolation):
        with demo_db.session(local) as s:
            departure.reactivate_talent(s, talent_id=talent_id, note="again")


def test_field_messages_speak_chinese(zh):
    _c, errors = clean_talent_fields({"name": ""}, today=TODAY)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in m) for m in errors.values())
