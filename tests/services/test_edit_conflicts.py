"""Two clerks open the same record in every editor of a versioned record (employers, mentors, policies, care cases,
growth events, training programmes, budgets, accounts); the second save does not overwrite the first: it is an EditConflict
with both values of every field that differs, and saving the clerk's choice against the version now stored keeps
mine where chosen and theirs elsewhere. (The talent editor: tests/city/test_edit_conflict.py, also on a server.)"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from talentdesk.domain.errors import EditConflict
from talentdesk.domain.models import CareCase, Employer, GrowthEvent, Mentor, SubsidyPolicy, Talent, TrainingProgram
from talentdesk.services.base import Actor, form_fields
from talentdesk.services.growth import events, training
from talentdesk.services.ledger import budgets, policies
from talentdesk.services.mentors import pool
from talentdesk.services.talents import care, employers

TODAY = dt.date.today()


def _first(s, model, *where):
    return s.scalars(select(model.id).where(*where).order_by(model.id)).first()


class Employers:
    """The employers editor: a mapping of text fields."""

    def open(self, s):
        return employers.get_employer(s, employer_id=_first(s, Employer))

    def values(self, rec):
        return {f: getattr(rec, f) for f in employers.EMPLOYER_FIELDS}

    def save(self, s, rec, values, version):
        return employers.save_employer(s, values=values, employer_id=rec.id, expected_version=version)

    def stored(self, s, rec):
        return self.values(employers.get_employer(s, employer_id=rec.id))

    mine, theirs, field, other = {"contact": "王主任"}, {"contact": "李科长", "address": "新城路 8 号"}, "contact", "address"


class Mentors:
    """The mentor dialog: keyword arguments."""

    def open(self, s):
        mid = _first(s, Mentor, Mentor.active.is_(True))
        return next(m for m in pool.list_mentors(s) if m.id == mid)

    def values(self, rec):
        return dict(name=rec.name, employer_id=rec.employer_id, title=rec.title, expertise=rec.expertise,
                    phone=rec.phone, capacity=rec.capacity, talent_id=rec.talent_id, notes=rec.notes)

    def save(self, s, rec, values, version):
        return pool.update_mentor(s, mentor_id=rec.id, **values, expected_version=version)

    def stored(self, s, rec):
        return self.values(next(m for m in pool.list_mentors(s, include_retired=True) if m.id == rec.id))

    mine, theirs, field, other = {"title": "主任医师"}, {"title": "副主任医师", "expertise": "心内科"}, "title", "expertise"


class Policies:
    """The policy dialog: an input dataclass (amounts and exclusions included)."""

    def open(self, s):
        return policies.get_policy(s, policy_id=_first(s, SubsidyPolicy))

    def values(self, rec):
        return rec.to_input()

    def save(self, s, rec, values, version):
        return policies.save_policy(s, data=values, policy_id=rec.id, expected_version=version)

    def stored(self, s, rec):
        return form_fields(policies.get_policy(s, policy_id=rec.id).to_input())

    mine, theirs, field, other = {"notes": "我的备注"}, {"notes": "他的备注", "doc_number": "县人才办〔2026〕9号"}, "notes", \
        "doc_number"


class CareCases:
    """The care-case panel: text fields, dates typed as the clerk types them."""

    def open(self, s):
        tid = _first(s, Talent, Talent.status == "active")
        row = care.save_care_case(s, talent_id=tid, values={"kind": "housing", "title": "人才公寓", "room": "3-201",
                                                            "opened_on": "2026/3/1", "move_in_date": "2026.3.2"})
        return row

    def values(self, rec):
        return {"kind": rec.kind, "title": rec.title, "room": rec.room, "opened_on": rec.opened_on.isoformat(),
                "move_in_date": rec.move_in_date.isoformat() if rec.move_in_date else "",
                "move_out_date": "", "closed_on": "", "notes": rec.notes}

    def save(self, s, rec, values, version):
        return care.save_care_case(s, talent_id=rec.talent_id, values=values, case_id=rec.id,
                                   expected_version=version)

    def stored(self, s, rec):
        c = s.get(CareCase, rec.id)
        return {"room": c.room, "notes": c.notes, "move_in_date": c.move_in_date}

    mine, theirs, field, other = {"room": "5-502"}, {"room": "3-202", "notes": "换了房间"}, "room", "notes"


class Events:
    """The growth-event dialog: an input dataclass."""

    def open(self, s):
        tid = _first(s, Talent, Talent.status == "active")
        eid = events.add_event(s, data=events.EventInput(talent_id=tid, kind="award", event_date=dt.date(2026, 5, 4),
                                                         title="县青年五四奖章"), today=TODAY)
        return events.get_event(s, event_id=eid)

    def values(self, rec):
        return events.EventInput(talent_id=rec.talent_id, kind=rec.kind, event_date=rec.event_date, title=rec.title,
                                 detail=rec.detail, appraisal_grade=rec.appraisal_grade)

    def save(self, s, rec, values, version):
        return events.update_event(s, event_id=rec.id, data=values, today=TODAY, expected_version=version)

    def stored(self, s, rec):
        return form_fields(self.values(events.get_event(s, event_id=rec.id)))

    mine, theirs, field, other = {"title": "市青年五四奖章"}, {"title": "省青年五四奖章", "detail": "省团委"}, "title", "detail"


class Programs:
    """The training-programme dialog: an input dataclass."""

    def open(self, s):
        pid = training.create_program(s, data=training.ProgramInput(year=2026, name="乡村振兴专题班", hours=16))
        return next(p for p in training.list_programs(s, year=2026) if p.id == pid)

    def values(self, rec):
        return training.ProgramInput(year=rec.year, name=rec.name, level=rec.level, category=rec.category,
                                     hours=rec.hours, start_date=rec.start_date, end_date=rec.end_date)

    def save(self, s, rec, values, version):
        return training.update_program(s, program_id=rec.id, data=values, expected_version=version)

    def stored(self, s, rec):
        p = s.get(TrainingProgram, rec.id)
        return {"name": p.name, "hours": p.hours, "category": p.category}

    mine, theirs, field, other = {"hours": 24.0}, {"hours": 32.0, "category": "数字技能"}, "hours", "category"


class Budgets:
    """The budgets page: one amount per year and kind of subsidy."""

    def open(self, s):
        budgets.set_budget(s, fiscal_year=2026, policy_kind="settling", amount_fen=100_000_00)
        return next(x for x in budgets.budget_report(s, fiscal_year=2026).lines if x.policy_kind == "settling")

    def values(self, rec):
        return {"amount_fen": rec.budgeted_fen}

    def save(self, s, rec, values, version):
        return budgets.set_budget(s, fiscal_year=rec.fiscal_year, policy_kind=rec.policy_kind,
                                  amount_fen=values["amount_fen"], expected_version=version)

    def stored(self, s, rec):
        return self.values(next(x for x in budgets.budget_report(s, fiscal_year=2026).lines
                                if x.policy_kind == rec.policy_kind))

    mine, theirs, field, other = {"amount_fen": 120_000_00}, {"amount_fen": 150_000_00}, "amount_fen", None


class Users:
    """The accounts page: a role or on/off change of a selected account."""

    def open(self, s):
        from talentdesk.services.safety import accounts

        accounts.create_user(s, username="admin", password="Admin-Passw0rd-1")  # the first account is the admin
        return accounts.create_user(s, username="xiaoli", password="Clerk-Passw0rd-1", role="clerk")

    def values(self, rec):
        return {"role": rec.role}

    def save(self, s, rec, values, version):
        from talentdesk.services.safety import accounts

        return accounts.update_user(s, user_id=rec.id, **values, expected_version=version)

    def stored(self, s, rec):
        from talentdesk.services.safety import accounts

        return self.values(next(u for u in accounts.list_users(s) if u.id == rec.id))

    mine, theirs, field, other = {"role": "approver"}, {"role": "viewer"}, "role", None


EDITORS = [Employers(), Mentors(), Policies(), CareCases(), Events(), Programs(), Budgets(), Users()]


def _with(values, changes):
    return dataclasses.replace(values, **changes) if dataclasses.is_dataclass(values) else {**values, **changes}


@pytest.mark.parametrize("editor", EDITORS, ids=lambda e: type(e).__name__)
def test_two_clerks_saving_the_same_record_meet_a_conflict_and_the_choice_is_saved(demo_db, editor):
    me = Actor.local()
    with demo_db.session(me) as s:
        opened = editor.open(s)
    with demo_db.session(me) as s:  # both clerks opened it at the same version
        version = opened.version
        mine_values = _with(editor.values(opened), editor.mine)
        editor.save(s, opened, _with(editor.values(opened), editor.theirs), version)  # clerk B saves first
    with demo_db.session(me) as s, pytest.raises(EditConflict) as err:
        editor.save(s, opened, mine_values, version)  # clerk A, from the same version
    conflict = err.value
    assert set(conflict.mine) == {editor.field} | ({editor.other} if editor.other else set())
    assert conflict.mine[editor.field] == editor.mine[editor.field]
    assert conflict.theirs[editor.field] == editor.theirs[editor.field]
    assert conflict.theirs_version > version and conflict.table
    assert "Nothing was saved" in conflict.message
    with demo_db.session(me, readonly=True) as s:  # nothing of B's was overwritten
        assert editor.stored(s, opened)[editor.field] == editor.theirs[editor.field]
    # the clerk keeps their own value for the field they changed, theirs for the other: saved against the new version
    chosen = {editor.field: conflict.mine[editor.field]}
    if editor.other:
        chosen[editor.other] = conflict.theirs[editor.other]
    with demo_db.session(me) as s:
        editor.save(s, opened, _with(mine_values, chosen), conflict.theirs_version)
    with demo_db.session(me, readonly=True) as s:
        stored = editor.stored(s, opened)
    assert stored[editor.field] == editor.mine[editor.field]
    if editor.other:
        assert stored[editor.other] == editor.theirs[editor.other]
    # and a third save from the first version is a conflict again (never a silent overwrite)
    with demo_db.session(me) as s, pytest.raises(EditConflict):
        editor.save(s, opened, _with(editor.values(opened), {editor.field: editor.theirs[editor.field]}), version)


@pytest.mark.parametrize("editor", EDITORS, ids=lambda e: type(e).__name__)
def test_a_save_that_changes_nothing_of_theirs_goes_on(demo_db, editor):
    """The other clerk's save made a field what mine would: nothing to choose, nothing lost, the save goes on."""
    me = Actor.local()
    with demo_db.session(me) as s:
        opened = editor.open(s)
    with demo_db.session(me) as s:
        editor.save(s, opened, _with(editor.values(opened), editor.mine), opened.version)
    with demo_db.session(me) as s:
        editor.save(s, opened, _with(editor.values(opened), editor.mine), opened.version)
    with demo_db.session(me, readonly=True) as s:
        assert editor.stored(s, opened)[editor.field] == editor.mine[editor.field]
