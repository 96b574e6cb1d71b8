"""The watch list read from its precomputed signals (services/watch_signals.py) equals the list computed from scratch
(risk.watch_list_reference), after long random sequences of the office's writes and days passing; bulk writes keep
it current too; `check` reports a drift."""
from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import func, select, text

from talentdesk.domain.errors import TalentDeskError
from talentdesk.domain.models import (
    CareCase, ExitReason, GrowthEvent, Instalment, LedgerEntry, Mentor, MentorRole, Pairing, SubsidyGrant,
    SubsidyPolicy, Talent, TrainingEnrolment, TrainingProgram, WatchSignal,
)
from talentdesk.services import watch_signals
from talentdesk.services.base import Actor
from talentdesk.services.growth import events, risk, training
from talentdesk.services.ledger import grants, journal, payments
from talentdesk.services.mentors import checkins, pairings
from talentdesk.services.talents import care, departure, records
from tests.conftest import TODAY
from tests.talents.helpers import make_id, talent_values

D = dt.date
LOCAL = Actor.local()


def _key(row: tuple) -> tuple:
    return tuple((v is not None, v) for v in row)  # NULLs first


def _rows(s) -> list[tuple]:
    return sorted((tuple(r) for r in watch_signals.stored_rows(s.connection())), key=_key)


def _listed(rows):
    return [(r.talent_id, r.score, tuple((x.code, x.text) for x in r.reasons)) for r in rows]


def assert_same_lists(database, today: dt.date) -> None:
    """Stored rows equal rows recomputed now; the lists equal the reference on days around `today`."""
    with database.session(LOCAL, readonly=True) as s:
        conn = s.connection()
        stored = [tuple(r) for r in watch_signals.stored_rows(conn)]
        fresh = list((r["talent_id"], r["code"], r["start_on"], r["end_on"], r["n"], r["v_date"], r["v_text"])
                     for r in watch_signals.all_rows(conn))
        assert sorted(stored, key=_key) == sorted(fresh, key=_key)
        for day in (today, today + dt.timedelta(days=31), today + dt.timedelta(days=95),
                    today + dt.timedelta(days=400), today + dt.timedelta(days=1200), today - dt.timedelta(days=300),
                    D(today.year + 1, 1, 1), D(today.year, 12, 31)):
            got = _listed(risk.watch_list(s, today=day, min_score=1))
            want = _listed(risk.watch_list_reference(s, today=day, min_score=1))
            assert got == want, day
            assert got, "the demo has talents on the watch list"


class Office:
    """Random writes, each through the service a clerk's click calls, in its own unit of work."""

    def __init__(self, database, rng: random.Random, today: dt.date):
        self.db, self.rng, self.today = database, rng, today
        self.done: dict[str, int] = {}
        self.refused: dict[str, list[str]] = {}
        self.seq = iter(range(rng.randint(0, 500), 10_000))
        with database.session(LOCAL, readonly=True) as s:
            self.mentors = list(s.scalars(select(Mentor.id).where(Mentor.active.is_(True))))
            self.roles = list(s.scalars(select(MentorRole.id)))
            self.policies = list(s.scalars(select(SubsidyPolicy.id)))
            self.reasons = list(s.scalars(select(ExitReason.code)))

    def pick(self, s, stmt):
        ids = list(s.scalars(stmt))
        return self.rng.choice(ids) if ids else None

    def active(self, s):
        return self.pick(s, select(Talent.id).where(Talent.status == "active"))

    def day(self, back: int = 400) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(0, back))

    # ---- the writes
    def arrival(self, s):
        records.create_talent(s, values=talent_values(
            name=self.rng.choice(["王芳", "李强", "陈静"]), id_number=make_id(seq=next(self.seq)), tier_code="C",
            arrival_date=self.day(1500).isoformat(), service_years=self.rng.choice([3, 5, 8])))

    def departure(self, s):
        tid = self.active(s)
        t = s.get(Talent, tid)
        on = max(t.arrival_date, self.day(60))
        departure.record_departure(s, talent_id=tid, on=on, exit_reason=self.rng.choice(self.reasons),
                                   today=self.today)

    def comeback(self, s):
        tid = self.pick(s, select(Talent.id).where(Talent.status == "departed"))
        departure.reactivate_talent(s, talent_id=tid, note="回流")

    def post_dues(self, s):
        journal.post_due_instalments(s, as_of=self.today)

    def payment(self, s):
        due = [r.instalment_id for r in journal.overdue(s, as_of=self.today) if r.payment_id is None]
        due += [r.instalment_id for r in journal.due_this_month(s, as_of=self.today) if r.posted and r.payment_id is None]
        if not due:
            return
        rec = payments.record_payments(s, instalment_ids=self.rng.sample(due, min(len(due), 3)))
        payments.approve_payments(s, payment_ids=rec.done)
        payments.mark_paid(s, payment_ids=rec.done, voucher_no=f"记-{self.rng.randint(1, 10**6):06d}",
                           pay_date=min(self.today, dt.date.today()))  # a real payment is never dated ahead

    def reversal(self, s):
        eid = self.pick(s, select(LedgerEntry.id).where(LedgerEntry.kind.in_(("payment", "due")),
                                                        ~select(LedgerEntry.id).where(
                                                            LedgerEntry.reverses_id == LedgerEntry.id).exists())
                        .order_by(LedgerEntry.id.desc()).limit(200))
        journal.reverse_entry(s, entry_id=eid, reason="录入错误", on=self.today)

    def grant(self, s):
        grants.grant_policy(s, talent_id=self.active(s), policy_id=self.rng.choice(self.policies),
                            start_date=self.day(900), as_of=self.today)

    def terminate(self, s):
        gid = self.pick(s, select(SubsidyGrant.id).where(SubsidyGrant.status == "active"))
        grants.terminate_grant(s, grant_id=gid, reason="不再符合条件")

    def pairing(self, s):
        pairings.pair(s, mentor_id=self.rng.choice(self.mentors), talent_id=self.active(s),
                      role_id=self.rng.choice(self.roles), start_date=self.day(300))

    def pairing_ends(self, s):
        pid = self.pick(s, select(Pairing.id).where(Pairing.end_date.is_(None)))
        p = s.get(Pairing, pid)
        pairings.end_pairing(s, pairing_id=pid, on=max(p.start_date, self.day(30)), reason="帮带期满")

    def checkin(self, s):
        pid = self.pick(s, select(Pairing.id).where(Pairing.end_date.is_(None)))
        p = s.get(Pairing, pid)
        checkins.record_checkin(s, pairing_id=pid, date=max(p.start_date, self.day(200)),
                                mode=self.rng.choice(["phone", "face"]), today=self.today,
                                follow_up=self.rng.random() < 0.3, issues="住房困难")

    def care_case(self, s):
        care.save_care_case(s, talent_id=self.active(s), values={
            "kind": self.rng.choice(["housing", "spouse_job", "child_school", "hukou", "canteen"]),
            "title": "需要协调", "opened_on": self.day(200).isoformat()})

    def care_closed(self, s):
        cid = self.pick(s, select(CareCase.id).where(CareCase.status == "open"))
        c = s.get(CareCase, cid)
        care.close_care_case(s, case_id=cid, on=max(c.opened_on, self.day(10)))

    def training(self, s):
        year = self.rng.choice([self.today.year - 1, self.today.year, self.today.year + 1])
        pid = self.pick(s, select(TrainingProgram.id).where(TrainingProgram.year == year))
        if pid is None:
            pid = training.create_program(s, data=training.ProgramInput(
                year=year, name=f"{year}年度专题培训", level="县级", category="专业技能", hours=8.0,
                start_date=D(year, 5, 1), end_date=D(year, 5, 2)))
        ids = list({self.active(s) for _ in range(3)})
        training.enrol_talents(s, program_id=pid, talent_ids=ids, on=min(self.today, D(year, 4, 1)))

    def training_dropped(self, s):
        eid = self.pick(s, select(TrainingEnrolment.id).where(TrainingEnrolment.status == "enrolled"))
        training.drop_enrolments(s, enrolment_ids=[eid])

    def programme_moved(self, s):
        p = s.get(TrainingProgram, self.pick(s, select(TrainingProgram.id)))
        year = p.year + self.rng.choice([-1, 1])
        training.update_program(s, program_id=p.id, data=training.ProgramInput(
            year=year, name=p.name, level=p.level, category=p.category, hours=p.hours,
            start_date=D(year, 5, 1), end_date=D(year, 5, 2)))

    def event(self, s):
        kind = self.rng.choice(["promotion", "appraisal", "award", "title", "appraisal"])
        grade = self.rng.choice(["basic", "incompetent", "competent", "excellent"]) if kind == "appraisal" else None
        events.add_event(s, data=events.EventInput(self.active(s), kind, self.day(1400), "记录", appraisal_grade=grade),
                         today=self.today)

    def event_moved(self, s):
        ev = s.get(GrowthEvent, self.pick(s, select(GrowthEvent.id).where(GrowthEvent.kind.in_(
            ("promotion", "appraisal", "award", "title", "training")))))
        events.update_event(s, event_id=ev.id, data=events.EventInput(
            ev.talent_id, ev.kind, self.day(1400), ev.title or "记录", appraisal_grade=ev.appraisal_grade),
            today=self.today)

    def event_deleted(self, s):
        eid = self.pick(s, select(GrowthEvent.id).where(GrowthEvent.kind.in_(("promotion", "appraisal", "award"))))
        events.delete_event(s, event_id=eid)

    def step(self) -> None:
        ops = [m for m in ("arrival", "departure", "comeback", "post_dues", "payment", "payment", "reversal", "grant",
                           "terminate", "pairing", "pairing_ends", "checkin", "checkin", "care_case", "care_closed",
                           "training", "training_dropped", "programme_moved", "event", "event", "event_moved",
                           "event_deleted")]
        name = self.rng.choice(ops)
        try:
            with self.db.session(LOCAL) as s:
                getattr(self, name)(s)
            self.done[name] = self.done.get(name, 0) + 1
        except TalentDeskError as exc:  # refused by a rule (nothing changed): fine, the point is what did change
            self.refused.setdefault(name, []).append(str(exc)[:80])


@pytest.mark.parametrize("seed", [3, 11])
def test_after_random_writes_and_days_passing_the_precomputed_list_equals_the_reference(demo_db, seed):
    office = Office(demo_db, random.Random(seed), TODAY)
    assert_same_lists(demo_db, office.today)
    for round_ in range(8):
        for _ in range(25):
            office.step()
        office.today += dt.timedelta(days=office.rng.randint(5, 120))  # days pass; nothing is recomputed for it
        assert_same_lists(demo_db, office.today)
    # the sequence exercised the writes that move signals
    for op in ("arrival", "departure", "payment", "checkin", "pairing_ends", "training", "event", "grant"):
        assert office.done.get(op, 0) > 0, (op, office.done, office.refused.get(op))


def test_a_write_counts_in_its_own_unit_of_work_and_a_rollback_leaves_the_rows(demo_db):
    with demo_db.session(LOCAL, readonly=True) as s:
        before = _rows(s)
    with pytest.raises(RuntimeError):
        with demo_db.session(LOCAL) as s:
            tid = records.create_talent(s, values=talent_values(arrival_date=TODAY.isoformat())).id
            [row] = [r for r in risk.watch_list(s, today=TODAY, min_score=1) if r.talent_id == tid]
            assert {x.code for x in row.reasons} == {"no_mentor", "no_training"}
            raise RuntimeError("the clerk cancels")
    with demo_db.session(LOCAL, readonly=True) as s:
        assert _rows(s) == before


def test_bulk_writes_keep_it_current(demo_db):
    """The talents import (a bulk INSERT), ORM bulk updates by key and UPDATE … WHERE on instalments."""
    from sqlalchemy import insert, update

    with demo_db.session(LOCAL) as s:
        t = s.get(Talent, s.scalar(select(func.min(Talent.id)).where(Talent.status == "active")))
        row = {c.name: getattr(t, c.key) for c in Talent.__table__.columns if c.name != "id"}
        row.update(id_number=make_id(seq=998), arrival_date=TODAY - dt.timedelta(days=10), name="批量")
        s.execute(insert(Talent.__table__), [row])
        gid = s.scalar(select(SubsidyGrant.id).where(SubsidyGrant.status == "active").order_by(SubsidyGrant.id))
        s.execute(update(Instalment).where(Instalment.grant_id == gid).values(cancelled=True))
        g2 = s.scalar(select(SubsidyGrant.id).where(SubsidyGrant.status == "active", SubsidyGrant.id != gid))
        version = s.scalar(select(SubsidyGrant.version).where(SubsidyGrant.id == g2))
        s.execute(update(SubsidyGrant), [{"id": g2, "status": "suspended", "version": version}])
    assert_same_lists(demo_db, TODAY)


def test_check_reports_a_drift_and_rebuild_mends_it(demo_db, capsys):
    from talentdesk.cli import main

    with demo_db.session(LOCAL) as s:
        tid = s.scalar(select(WatchSignal.talent_id).where(watch_signals.holds(TODAY, 183)).limit(1))
        s.connection().execute(text("DELETE FROM watch_signals WHERE talent_id = :t"), {"t": tid})
    with demo_db.session(LOCAL, readonly=True) as s:
        drift = risk.watch_drift(s, today=TODAY)
    assert drift.differing_today == (tid,) and drift.differing_rows == (tid,)
    path = str(demo_db.path)
    demo_db.dispose()
    assert main(["--db", path, "--lang", "en", "check"]) == 1
    out = capsys.readouterr().out
    assert "watch list" in out.lower() and f"#{tid}" in out
    assert main(["--db", path, "watch-list", "--rebuild"]) == 0
    capsys.readouterr()
    assert main(["--db", path, "--lang", "en", "check"]) == 0
