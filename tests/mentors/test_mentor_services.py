"""The mentor board's rules: pairing, reassignment keeping history, capacity, several roles, cadence and overdue,
follow-up care cases, departures ending pairings, the pool and the editable role names."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from talentdesk.domain.enums import Role
from talentdesk.domain.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from talentdesk.domain.models import (
    AuditEntry,
    CareCase,
    CheckIn,
    Employer,
    Pairing,
    Talent,
)
from talentdesk.domain.pinyin import pinyin_keys
from talentdesk.services.common.settings import set_setting
from talentdesk.services.mentors import board as board_data
from talentdesk.services.mentors import checkins, pairings, pool
from tests.conftest import TODAY, make_actor

UNIT_LEADER, SUPERVISOR, PROFESSIONAL = 1, 2, 3
D = dt.date


def _talent(s, name, *, employer_id=None, tier="D", status="active", arrival=D(2026, 3, 1)):
    py, ini = pinyin_keys(name)
    t = Talent(name=name, name_pinyin=py, name_initials=ini, gender="M", tier_code=tier, arrival_date=arrival, employer_id=employer_id, status=status,
               departure_date=D(2026, 10, 1) if status == "departed" else None)
    s.add(t)
    s.flush()
    return t.id


@pytest.fixture
def office(session):
    """Two employers, four newcomers, three mentors (capacity 2, 1, 3) in a fresh database."""
    h = Employer(name="县人民医院")
    sch = Employer(name="县第一中学")
    session.add_all([h, sch])
    session.flush()
    ids = {
        "li": _talent(session, "李明", employer_id=h.id, tier="C"),
        "wang": _talent(session, "王芳", employer_id=h.id),
        "zhao": _talent(session, "赵强", employer_id=sch.id, tier="E"),
        "sun": _talent(session, "孙丽", employer_id=sch.id),
        "hospital": h.id, "school": sch.id,
    }
    ids["chen"] = pool.create_mentor(session, name="陈主任", employer_id=h.id, title="主任医师", capacity=2).id
    ids["zhou"] = pool.create_mentor(session, name="周老师", employer_id=sch.id, title="高级教师", capacity=1).id
    ids["wu"] = pool.create_mentor(session, name="吴局长", capacity=3, phone="138 1234 5678").id
    return ids


def _pair(s, o, mentor, talent, role=PROFESSIONAL, start=D(2026, 9, 1), **kw):
    return pairings.pair(s, mentor_id=o[mentor], talent_id=o[talent], role_id=role, start_date=start, **kw)


# ------------------------------------------------------------------ pairing

def test_pairing_records_role_period_goals_and_the_default_cadence(session, office):
    set_setting(session, key="checkin_cadence_days", value=45)
    p = _pair(session, office, "chen", "li", planned_end_date=D(2028, 9, 1), goals="两年内独立开展手术")
    assert (p.mentor_name, p.talent_name, p.role_name, p.cadence_days) == ("陈主任", "李明", "Professional mentor", 45)
    row = session.get(Pairing, p.id)
    assert row.end_date is None and row.goals == "两年内独立开展手术" and row.planned_end_date == D(2028, 9, 1)
    assert [m.load for m in pool.list_mentors(session) if m.id == office["chen"]] == [1]


def test_bad_pairing_input_is_refused_with_a_clear_message_and_changes_nothing(session, office):
    with pytest.raises(ValidationError) as e:
        _pair(session, office, "chen", "li", planned_end_date=D(2026, 8, 1))
    assert e.value.field == "planned_end_date"
    with pytest.raises(ValidationError) as e:
        _pair(session, office, "chen", "li", cadence_days=0)
    assert e.value.field == "cadence_days"
    with pytest.raises(NotFound):
        pairings.pair(session, mentor_id=999, talent_id=office["li"], role_id=PROFESSIONAL, start_date=D(2026, 9, 1))
    assert session.scalar(select(Pairing.id)) is None


def test_a_departed_talent_or_a_retired_mentor_cannot_be_paired(session, office):
    gone = _talent(session, "钱程", status="departed")
    with pytest.raises(RuleViolation, match="left the county"):
        pairings.pair(session, mentor_id=office["wu"], talent_id=gone, role_id=PROFESSIONAL, start_date=D(2026, 9, 1))
    pool.set_mentor_active(session, mentor_id=office["wu"], active=False)
    with pytest.raises(RuleViolation, match="retired"):
        _pair(session, office, "wu", "li")


def test_a_talent_who_mentors_cannot_be_their_own_mentor(session, office):
    m = pool.create_mentor(session, talent_id=office["li"], capacity=2)
    assert (m.name, m.employer_id) == ("李明", office["hospital"])  # taken from the talent's record
    with pytest.raises(RuleViolation, match="own mentor"):
        pairings.pair(session, mentor_id=m.id, talent_id=office["li"], role_id=PROFESSIONAL, start_date=D(2026, 9, 1))
    with pytest.raises(Conflict):
        pool.create_mentor(session, talent_id=office["li"])


# ------------------------------------------------------------------ several roles

def test_a_newcomer_can_have_several_mentors_in_different_roles_but_one_per_role(session, office):
    _pair(session, office, "chen", "li", role=PROFESSIONAL)
    _pair(session, office, "wu", "li", role=UNIT_LEADER)
    _pair(session, office, "chen", "li", role=SUPERVISOR)  # same mentor, second role
    with pytest.raises(Conflict, match="already has 陈主任"):
        _pair(session, office, "wu", "li", role=PROFESSIONAL)
    current = pairings.list_pairings(session, talent_id=office["li"])
    assert sorted(p.role_id for p in current) == [1, 2, 3]
    # the card under 陈主任 shows both of 陈主任's roles and the other mentor's role
    b = board_data.board(session, today=TODAY)
    chen = next(c for c in b.columns if c.mentor_id == office["chen"])
    (card,) = chen.cards
    assert sorted(r.role_name for r in card.roles) == ["Professional mentor", "Supervising leader"]
    assert [(o.role_name, o.mentor_name) for o in card.other_roles] == [("Unit leader", "吴局长")]


# ------------------------------------------------------------------ capacity

def test_capacity_counts_distinct_newcomers_and_is_enforced_with_a_clear_message(session, office):
    _pair(session, office, "chen", "li", role=PROFESSIONAL)
    _pair(session, office, "chen", "li", role=SUPERVISOR)   # same newcomer: still a load of 1
    _pair(session, office, "chen", "wang")                   # load 2 of 2
    assert pool.mentor_load(session, office["chen"]) == 2
    with pytest.raises(RuleViolation) as e:
        _pair(session, office, "chen", "zhao")
    assert "陈主任 already looks after 2 of 2 newcomers" in e.value.message
    # another role for a newcomer the mentor already has does not need a free place
    _pair(session, office, "chen", "wang", role=UNIT_LEADER)
    assert pool.mentor_load(session, office["chen"]) == 2


def test_capacity_cannot_be_set_below_the_current_load_and_busy_mentors_cannot_retire(session, office):
    _pair(session, office, "wu", "li")
    _pair(session, office, "wu", "wang")
    with pytest.raises(RuleViolation, match="cannot be lower than 2"):
        pool.update_mentor(session, mentor_id=office["wu"], name="吴局长", capacity=1)
    with pytest.raises(ValidationError):
        pool.update_mentor(session, mentor_id=office["wu"], name="吴局长", capacity="three")
    with pytest.raises(RuleViolation, match="Reassign or end"):
        pool.set_mentor_active(session, mentor_id=office["wu"], active=False)
    assert pool.update_mentor(session, mentor_id=office["wu"], name="吴副局长", capacity=4, expertise="行政管理").capacity == 4


def test_the_mentor_pool_validates_and_searches_by_pinyin(session, office):
    with pytest.raises(ValidationError) as e:
        pool.create_mentor(session, name="  ")
    assert e.value.field == "name"
    with pytest.raises(ValidationError) as e:
        pool.create_mentor(session, name="张三", phone="12345")
    assert e.value.field == "phone"
    assert [m.name for m in pool.list_mentors(session, search="czr")] == ["陈主任"]
    assert [m.phone for m in pool.list_mentors(session, search="吴")] == ["13812345678"]


# ------------------------------------------------------------------ reassignment keeps history

def test_reassigning_ends_the_old_pairing_with_a_reason_and_starts_a_new_one(session, office):
    old = _pair(session, office, "chen", "li", planned_end_date=D(2028, 9, 1), goals="熟悉科室", cadence_days=20)
    new = pairings.reassign(session, pairing_id=old.id, to_mentor_id=office["wu"], on=D(2026, 11, 1), reason="导师调任")
    ended = session.get(Pairing, old.id)
    assert (ended.end_date, ended.end_reason) == (D(2026, 11, 1), "导师调任")
    assert (new.mentor_id, new.start_date, new.role_id, new.goals, new.cadence_days, new.planned_end_date) == (
        office["wu"], D(2026, 11, 1), PROFESSIONAL, "熟悉科室", 20, D(2028, 9, 1))
    history = pairings.list_pairings(session, current_only=False, talent_id=office["li"])
    assert [(p.mentor_name, p.end_date) for p in sorted(history, key=lambda p: p.id)] == [
        ("陈主任", D(2026, 11, 1)), ("吴局长", None)]
    assert pool.mentor_load(session, office["chen"]) == 0


def test_reassignment_needs_a_reason_a_free_place_and_another_mentor(session, office):
    p = _pair(session, office, "chen", "li")
    _pair(session, office, "zhou", "zhao")  # 周老师 is full (capacity 1)
    with pytest.raises(ValidationError, match="why"):
        pairings.reassign(session, pairing_id=p.id, to_mentor_id=office["wu"], on=D(2026, 11, 1), reason=" ")
    with pytest.raises(RuleViolation, match="1 of 1"):
        pairings.reassign(session, pairing_id=p.id, to_mentor_id=office["zhou"], on=D(2026, 11, 1), reason="调整")
    with pytest.raises(ValidationError):
        pairings.reassign(session, pairing_id=p.id, to_mentor_id=office["chen"], on=D(2026, 11, 1), reason="调整")
    with pytest.raises(ValidationError, match="before the pairing started"):
        pairings.reassign(session, pairing_id=p.id, to_mentor_id=office["wu"], on=D(2026, 8, 1), reason="调整")
    assert session.get(Pairing, p.id).end_date is None  # refused attempts changed nothing


# ------------------------------------------------------------------ cadence and overdue

def test_overdue_rule_counts_from_the_last_check_in_or_the_start():
    start = D(2026, 9, 1)
    assert not pairings.is_overdue(None, start, 30, D(2026, 10, 1))      # exactly 30 days: still on time
    assert pairings.is_overdue(None, start, 30, D(2026, 10, 2))
    assert not pairings.is_overdue(D(2026, 10, 20), start, 30, D(2026, 11, 19))
    assert pairings.is_overdue(D(2026, 10, 20), start, 30, D(2026, 11, 20))


def test_overdue_pairings_are_listed_and_counted_and_a_check_in_clears_them(session, office):
    a = _pair(session, office, "chen", "li", start=D(2026, 9, 1), cadence_days=30)
    b = _pair(session, office, "wu", "wang", start=D(2026, 9, 1), cadence_days=90)   # quarterly: not overdue
    c = _pair(session, office, "wu", "zhao", start=D(2026, 11, 1), cadence_days=30)   # too new to be overdue
    overdue = pairings.list_pairings(session, overdue_only=True, today=TODAY)
    assert [p.id for p in overdue] == [a.id] and overdue[0].days_since_contact == 83
    assert pairings.count_overdue(session, today=TODAY) == 1
    checkins.record_checkin(session, pairing_id=a.id, date=D(2026, 11, 20), mode="phone", today=TODAY)
    assert pairings.count_overdue(session, today=TODAY) == 0
    assert pairings.count_overdue(session, today=D(2027, 1, 1)) == 3
    assert {b.id, c.id} <= {p.id for p in pairings.list_pairings(session, overdue_only=True, today=D(2027, 1, 1))}


def test_an_older_check_in_does_not_move_the_last_check_in_back(session, office):
    p = _pair(session, office, "chen", "li")
    checkins.record_checkin(session, pairing_id=p.id, date=D(2026, 11, 10), mode="face", today=TODAY)
    checkins.record_checkin(session, pairing_id=p.id, date=D(2026, 10, 1), mode="online", today=TODAY)
    assert session.get(Pairing, p.id).last_checkin_date == D(2026, 11, 10)
    assert [c.date for c in checkins.list_checkins(session, pairing_id=p.id)] == [D(2026, 11, 10), D(2026, 10, 1)]


# ------------------------------------------------------------------ check-ins and follow-up

def test_a_check_in_needing_follow_up_opens_a_care_case_on_the_talent(session, office):
    p = _pair(session, office, "chen", "li")
    r = checkins.record_checkin(session, pairing_id=p.id, date=D(2026, 11, 18), mode="face", notes="谈工作和生活",
                         issue_tags=["housing", "family"], issues="公寓漏水，配偶工作未落实", follow_up=True, today=TODAY)
    case = session.get(CareCase, r.care_case_id)
    assert (case.talent_id, case.status, case.kind, case.source_checkin_id, case.opened_on) == (
        office["li"], "open", "housing", r.checkin_id, D(2026, 11, 18))
    assert case.notes == "公寓漏水，配偶工作未落实" and "Housing" in case.title and "Family" in case.title
    ci = session.get(CheckIn, r.checkin_id)
    assert (ci.issue_tags, ci.follow_up) == ("housing,family", True)
    (row,) = checkins.list_checkins(session, talent_id=office["li"])
    assert row.care_case_id == case.id and row.care_case_open
    # the case stays open until closed (by the talents tab): closing shows in the log
    case.status, case.closed_on = "closed", D(2026, 11, 22)
    session.flush()
    assert not checkins.list_checkins(session, pairing_id=p.id)[0].care_case_open


def test_a_check_in_without_follow_up_opens_no_case(session, office):
    p = _pair(session, office, "chen", "li")
    r = checkins.record_checkin(session, pairing_id=p.id, date=D(2026, 11, 18), mode="phone", issue_tags="work",
                         issues="科室排班紧张", today=TODAY)
    assert r.care_case_id is None and session.scalar(select(CareCase.id)) is None


def test_bad_check_ins_are_refused(session, office):
    p = _pair(session, office, "chen", "li")
    cases = [
        (dict(date=D(2026, 11, 30), mode="face"), "date"),       # future
        (dict(date=D(2026, 8, 1), mode="face"), "date"),         # before the start
        (dict(date=D(2026, 11, 1), mode="letter"), "mode"),
        (dict(date=D(2026, 11, 1), mode="face", issue_tags=["money"]), "issue_tags"),
        (dict(date=D(2026, 11, 1), mode="face", follow_up=True), "issues"),  # follow up on nothing
    ]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as e:
            checkins.record_checkin(session, pairing_id=p.id, today=TODAY, **kwargs)
        assert e.value.field == field
    assert session.scalar(select(CheckIn.id)) is None and session.get(Pairing, p.id).last_checkin_date is None


# ------------------------------------------------------------------ departures

def test_a_departure_ends_every_current_pairing_and_keeps_them_as_history(session, office):
    _pair(session, office, "chen", "li", role=PROFESSIONAL)
    _pair(session, office, "wu", "li", role=UNIT_LEADER)
    _pair(session, office, "wu", "wang")
    n = pairings.end_current_pairings(session, talent_id=office["li"], on=D(2026, 11, 20), reason="调离本县")
    assert n == 2
    rows = pairings.list_pairings(session, current_only=False, talent_id=office["li"])
    assert {(p.end_date, p.end_reason) for p in rows} == {(D(2026, 11, 20), "调离本县")}
    assert pool.mentor_load(session, office["chen"]) == 0 and pool.mentor_load(session, office["wu"]) == 1
    # the freed place can be taken again
    _pair(session, office, "chen", "zhao")


def test_ending_one_pairing_needs_a_reason(session, office):
    p = _pair(session, office, "chen", "li")
    with pytest.raises(ValidationError):
        pairings.end_pairing(session, pairing_id=p.id, on=D(2026, 11, 1), reason="")
    pairings.end_pairing(session, pairing_id=p.id, on=D(2026, 11, 1), reason="目标已达成")
    with pytest.raises(RuleViolation, match="already ended"):
        pairings.end_pairing(session, pairing_id=p.id, on=D(2026, 11, 2), reason="again")


# ------------------------------------------------------------------ roles, board, permissions, audit

def test_the_office_edits_role_names_and_pairings_show_the_new_name(session, office, zh):
    p = _pair(session, office, "chen", "li", role=PROFESSIONAL)
    pool.rename_role(session, role_id=PROFESSIONAL, name="业务指导老师", name_en="Mentor")
    assert pairings.list_pairings(session, pairing_id=p.id)[0].role_name == "业务指导老师"
    r = pool.create_role(session, name="生活导师", name_en="Life mentor")
    assert [x.name for x in pool.list_roles(session)][-1] == "生活导师"
    with pytest.raises(Conflict):
        pool.create_role(session, name="单位领导")
    with pytest.raises(ValidationError):
        pool.rename_role(session, role_id=r.id, name="")


def test_board_filters_by_employer_tier_and_role_and_lists_who_has_no_mentor(session, office):
    _pair(session, office, "chen", "li")
    _pair(session, office, "wu", "zhao", role=UNIT_LEADER)
    b = board_data.board(session, today=TODAY)
    assert {c.name: c.load for c in b.columns} == {"陈主任": 1, "周老师": 0, "吴局长": 1}
    assert sorted(c.talent_name for c in b.unpaired) == ["孙丽", "王芳"] and b.unpaired_total == 2
    b = board_data.board(session, today=TODAY, employer_id=office["school"])
    assert [c.name for c in b.columns] == ["吴局长", "周老师"]  # 周老师 works there and may take newcomers
    assert [c.talent_name for c in b.unpaired] == ["孙丽"]
    b = board_data.board(session, today=TODAY, tier_code="C")
    assert [(c.name, [x.talent_name for x in c.cards]) for c in b.columns] == [("陈主任", ["李明"])]
    b = board_data.board(session, today=TODAY, role_id=PROFESSIONAL)  # who has no professional mentor yet
    assert sorted(c.talent_name for c in b.unpaired) == ["孙丽", "王芳", "赵强"]
    b = board_data.board(session, today=TODAY, search="lm")
    assert [x.talent_name for c in b.columns for x in c.cards] == ["李明"]


def test_a_viewer_cannot_pair_and_every_change_is_audited(database, local):
    with database.session(local) as s:
        tid = _talent(s, "李明")
        mid = pool.create_mentor(s, name="陈主任").id
    with pytest.raises(PermissionDenied):
        with database.session(make_actor(Role.VIEWER)) as s:
            pairings.pair(s, mentor_id=mid, talent_id=tid, role_id=PROFESSIONAL, start_date=D(2026, 9, 1))
    with database.session(make_actor(Role.CLERK, username="clerk1")) as s:
        pid = pairings.pair(s, mentor_id=mid, talent_id=tid, role_id=PROFESSIONAL, start_date=D(2026, 9, 1)).id
        checkins.record_checkin(s, pairing_id=pid, date=D(2026, 10, 1), mode="face", issues="住房", follow_up=True,
                         today=TODAY)
    with database.session(local, readonly=True) as s:
        rows = s.execute(select(AuditEntry.table_name, AuditEntry.action, AuditEntry.actor_name, AuditEntry.after)
                         .where(AuditEntry.actor_name == "clerk1")).all()
    tables = {(r[0], r[1]) for r in rows}
    assert {("pairings", "insert"), ("checkins", "insert"), ("care_cases", "insert"), ("pairings", "update")} <= tables
    upd = next(r for r in rows if r[0] == "pairings" and r[1] == "update")
    assert json.loads(upd[3])["last_checkin_date"] == "2026-10-01"


def test_moving_a_card_moves_all_its_roles_at_once_or_none(session, office):
    a = _pair(session, office, "chen", "li", role=PROFESSIONAL)
    b = _pair(session, office, "chen", "li", role=SUPERVISOR)
    new = pairings.reassign_many(session, pairing_ids=[a.id, b.id], to_mentor_id=office["zhou"], on=D(2026, 11, 2),
                          reason="科室调整")
    assert {p.role_id for p in new} == {PROFESSIONAL, SUPERVISOR} and {p.mentor_id for p in new} == {office["zhou"]}
    assert pool.mentor_load(session, office["zhou"]) == 1  # one newcomer, two roles: within a capacity of 1
    c = _pair(session, office, "wu", "wang")
    with pytest.raises(ValidationError, match="one newcomer"):
        pairings.reassign_many(session, pairing_ids=[new[0].id, c.id], to_mentor_id=office["chen"], on=D(2026, 11, 3),
                        reason="x")


@pytest.mark.parametrize("filters", [{}, {"tier_code": "D"}, {"role_id": 3}, {"search": "zh"}])
def test_the_board_paged_by_mentor_shows_the_same_columns_and_cards_as_the_whole_board(demo_db, filters):
    """A city's board is read a page of mentor columns at a time; the pages together are the whole board, each
    card with all its roles and its other mentors, and a mentor asked for is on the page that is returned."""
    with demo_db.session(make_actor(Role.VIEWER), readonly=True) as s:
        whole = board_data.board(s, today=TODAY, **filters)
        assert whole.mentor_total is None
        pages, offset = [], 0
        while True:
            page = board_data.board(s, today=TODAY, mentor_limit=4, mentor_offset=offset, **filters)
            assert page.mentor_total == len(whole.columns) and page.mentor_offset == offset
            assert len(page.columns) <= 4
            pages += page.columns
            offset += 4
            if offset >= page.mentor_total:
                break
        assert [c.mentor_id for c in pages] == [c.mentor_id for c in whole.columns]
        assert pages == list(whole.columns)
        assert len(pages) > 4  # the demo has more than one page of mentors
        last = whole.columns[-1].mentor_id
        found = board_data.board(s, today=TODAY, mentor_limit=4, show_mentor_id=last, **filters)
        assert last in {c.mentor_id for c in found.columns}
        assert found.mentor_offset == (len(whole.columns) - 1) // 4 * 4
        assert found.unpaired_total == whole.unpaired_total
