"""The entitlement sweep (免申即享): each eligibility rule, materials, drafts and their approval, the command."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from talentdesk.cli import main
from talentdesk.domain.enums import Role
from talentdesk.domain.errors import NotFound, RuleViolation, ValidationError
from talentdesk.domain.models import Attachment, Employer, GrantDraft, SubsidyGrant, Talent
from talentdesk.services.ledger import eligibility, grants
from talentdesk.services.ledger.eligibility import Rules
from talentdesk.services.ledger.policies import AmountRule
from tests.ledger.helpers import add_policy, add_talent, make_actor

ON = dt.date(2026, 11, 23)


def _ids(session, policy_id: int) -> set[int]:
    return {c.talent_id for c in eligibility.sweep(session, on=ON, policy_id=policy_id).candidates}


@pytest.fixture
def hospital(session):
    h, s = Employer(name="县人民医院", kind="医院"), Employer(name="县第一中学", kind="学校")
    session.add_all([h, s])
    session.flush()
    return h.id, s.id


def test_tier_and_education_and_amount(session):
    pid = add_policy(session, tiers=("B", "C"), educations=("master", "doctorate"),
                     amounts=(AmountRule("C", None, 2_000_000), AmountRule(None, "doctorate", 5_000_000)))
    ok = add_talent(session, tier="C", education="master")
    wrong_tier = add_talent(session, tier="D", education="master")
    wrong_edu = add_talent(session, tier="C", education="bachelor")
    no_amount = add_talent(session, tier="B", education="master")  # B with a master's: no amount row matches
    doctor_b = add_talent(session, tier="B", education="doctorate")
    found = {c.talent_id: c for c in eligibility.sweep(session, on=ON, policy_id=pid).candidates}
    assert set(found) == {ok, doctor_b}
    assert (found[ok].amount_fen, found[doctor_b].amount_fen) == (2_000_000, 5_000_000)
    assert "tier C" in found[ok].matched_text and "Master" in found[ok].matched_text
    assert not {wrong_tier, wrong_edu, no_amount} & set(found)


def test_arrival_window(session):
    pid = add_policy(session)
    eligibility.save_rules(session, policy_id=pid, rules=Rules(arrival_from=dt.date(2023, 1, 1),
                                                               arrival_to=dt.date(2024, 12, 31)))
    inside = add_talent(session, arrival=dt.date(2023, 1, 1))
    last_day = add_talent(session, arrival=dt.date(2024, 12, 31))
    before = add_talent(session, arrival=dt.date(2022, 12, 31))
    after = add_talent(session, arrival=dt.date(2025, 1, 1))
    assert _ids(session, pid) == {inside, last_day}
    c = next(c for c in eligibility.sweep(session, on=ON, policy_id=pid).candidates if c.talent_id == inside)
    assert "2023-01-01" in c.matched_text and not {before, after} & _ids(session, pid)


def test_employer_kind(session, hospital):
    pid = add_policy(session)
    eligibility.save_rules(session, policy_id=pid, rules=Rules(employer_kinds=("医院",)))
    doctor, teacher, nobody = add_talent(session), add_talent(session), add_talent(session)
    session.get(Talent, doctor).employer_id = hospital[0]
    session.get(Talent, teacher).employer_id = hospital[1]
    session.flush()
    assert _ids(session, pid) == {doctor}
    assert nobody not in _ids(session, pid)


def test_introduction_mode(session):
    pid = add_policy(session)
    eligibility.save_rules(session, policy_id=pid, rules=Rules(intro_modes=("full_time",)))
    full, flexible = add_talent(session), add_talent(session)
    session.get(Talent, flexible).intro_mode = "flexible"
    session.flush()
    assert _ids(session, pid) == {full}


def test_age_at_arrival(session):
    pid = add_policy(session)
    eligibility.save_rules(session, policy_id=pid, rules=Rules(min_age=25, max_age=35))
    # born 1990-05-17 (helpers): 35 on 2025-05-17, 36 the day after
    young_enough = add_talent(session, arrival=dt.date(2025, 5, 17))
    too_old = add_talent(session, arrival=dt.date(2026, 5, 18))
    too_young = add_talent(session, arrival=dt.date(2015, 5, 16))  # 24
    no_birth = add_talent(session, arrival=dt.date(2024, 1, 1))
    session.get(Talent, no_birth).birth_date = None
    session.flush()
    assert _ids(session, pid) == {young_enough}
    assert not {too_old, too_young, no_birth} & _ids(session, pid)


def test_service_commitment_signed(session):
    pid = add_policy(session)
    eligibility.save_rules(session, policy_id=pid, rules=Rules(min_service_years=5))
    five, three = add_talent(session, service_years=5), add_talent(session, service_years=3)
    assert _ids(session, pid) == {five}


def test_holders_excluded_departed_and_policies_not_in_force_are_left_out(session):
    rent = add_policy(session, name="租房补贴", kind="rent")
    flat = add_policy(session, name="人才公寓", kind="apartment", excludes=(rent,))
    holder, in_flat, gone, free = (add_talent(session) for _ in range(4))
    grants.grant_policy(session, talent_id=holder, policy_id=rent, start_date=dt.date(2022, 2, 1), as_of=ON)
    grants.grant_policy(session, talent_id=in_flat, policy_id=flat, start_date=dt.date(2022, 2, 1), as_of=ON)
    t = session.get(Talent, gone)
    t.status, t.departure_date = "departed", dt.date(2024, 1, 1)
    session.flush()
    assert _ids(session, rent) == {free}  # holder has it, in_flat holds an excluded policy, gone has left
    old = add_policy(session, name="旧政策")
    from talentdesk.domain.models import SubsidyPolicy
    session.get(SubsidyPolicy, old).valid_to = dt.date(2020, 12, 31)
    session.flush()
    assert old not in eligibility.sweep(session, on=ON).policies


def test_materials_are_matched_by_kind_and_block_approval(database, local):
    clerk, approver = make_actor(Role.CLERK, 1, "clerk"), make_actor(Role.APPROVER, 2, "approver")
    with database.session(local) as s:
        pid = add_policy(s, amount_fen=1_200_000)
        eligibility.save_rules(s, policy_id=pid, rules=Rules(materials=("diploma", "contract")))
        tid = add_talent(s, arrival=dt.date(2025, 3, 1))
        s.add(Attachment(talent_id=tid, filename="毕业证.pdf", sha256="0" * 64, size=10, kind="diploma"))
    with database.session(local, readonly=True) as s:
        [c] = eligibility.sweep(s, on=ON, policy_id=pid).candidates
    assert c.missing == ("contract",) and c.blocks and c.start_date == dt.date(2025, 3, 1)
    with database.session(clerk) as s:
        made = eligibility.draft_grants(s, on=ON, policy_id=pid)
    assert made.drafted == 1
    draft_id = made.drafts[0].id
    with database.session(local, readonly=True) as s:
        assert eligibility.sweep(s, on=ON, policy_id=pid).candidates == ()  # a waiting draft is not listed again
        assert s.scalar(select(func.count()).select_from(SubsidyGrant)) == 0  # nothing in the ledger yet
    with pytest.raises(RuleViolation) as err:
        with database.session(approver) as s:
            eligibility.approve_draft(s, draft_id=draft_id, as_of=ON)
    assert "employment contract" in err.value.message
    with database.session(local) as s:
        s.add(Attachment(talent_id=tid, filename="合同.pdf", sha256="1" * 64, size=10, kind="contract"))
    with pytest.raises(RuleViolation):  # the person who drafted it cannot approve it
        with database.session(make_actor(Role.ADMIN, 1, "clerk")) as s:
            eligibility.approve_draft(s, draft_id=draft_id, as_of=ON)
    with database.session(approver) as s:
        row = eligibility.approve_draft(s, draft_id=draft_id, as_of=ON)
    assert row.status == "approved" and row.grant_id is not None
    with database.session(local, readonly=True) as s:
        g = s.get(SubsidyGrant, row.grant_id)
        assert (g.talent_id, g.policy_id, g.approved_total_fen, g.status) == (tid, pid, 1_200_000, "active")
        assert _ids(s, pid) == set()
    with pytest.raises(RuleViolation):
        with database.session(approver) as s:
            eligibility.approve_draft(s, draft_id=draft_id, as_of=ON)


def test_a_policy_that_does_not_block_lets_the_draft_through_and_rejection_needs_a_note(session):
    pid = add_policy(session)
    eligibility.save_rules(session, policy_id=pid, rules=Rules(materials=("agreement",), materials_block=False))
    a, b = add_talent(session), add_talent(session)
    drafts = {d.talent_id: d for d in eligibility.draft_grants(session, on=ON, policy_id=pid).drafts}
    assert drafts[a].missing == ("agreement",) and not drafts[a].blocks
    assert eligibility.approve_draft(session, draft_id=drafts[a].id, as_of=ON).status == "approved"
    with pytest.raises(ValidationError):
        eligibility.reject_draft(session, draft_id=drafts[b].id, note=" ")
    assert eligibility.reject_draft(session, draft_id=drafts[b].id, note="已在外县享受").status == "rejected"
    assert session.scalar(select(GrantDraft.decision_note).where(GrantDraft.id == drafts[b].id)) == "已在外县享受"
    assert _ids(session, pid) == {b}  # a rejected draft does not hide the talent from the next sweep


def test_bad_rules_are_refused(session):
    pid = add_policy(session)
    for rules, field in ((Rules(arrival_from=dt.date(2024, 1, 1), arrival_to=dt.date(2023, 1, 1)), "arrival_to"),
                         (Rules(min_age=40, max_age=30), "max_age"), (Rules(max_age=200), "max_age"),
                         (Rules(materials=("passport",)), "materials"), (Rules(intro_modes=("remote",)), "intro_modes"),
                         (Rules(min_service_years=0), "min_service_years")):
        with pytest.raises(ValidationError) as err:
            eligibility.save_rules(session, policy_id=pid, rules=rules)
        assert err.value.field == field
    with pytest.raises(NotFound):
        eligibility.save_rules(session, policy_id=999, rules=Rules())


def test_eligible_command_names_a_policy_by_doc_number_and_drafts(demo_db, capsys):
    db = str(demo_db.path)
    assert main(["--db", db, "--lang", "en", "eligible", "--on", ON.isoformat(), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["candidates"] and sum(p["count"] for p in out["policies"]) == len(out["candidates"])
    first = out["candidates"][0]
    assert set(first) >= {"policy", "talent", "amount_fen", "matched", "missing_materials"}
    pid = first["policy_id"]
    assert main(["--db", db, "--lang", "en", "eligible", "--policy", str(pid), "--on", ON.isoformat(), "--draft",
                 "--json"]) == 0
    drafted = json.loads(capsys.readouterr().out)
    assert drafted["drafted"] == sum(1 for c in out["candidates"] if c["policy_id"] == pid)
    assert main(["--db", db, "--lang", "en", "eligible", "--policy", "没有这个政策"]) == 1
    assert "No policy" in capsys.readouterr().err
