"""The watch list's signals, precomputed in `watch_signals` and kept current in the transaction that changes them.

A row says: this signal holds for this active talent from `start_on` (inclusive) to `end_on` (exclusive), with the
data as they are now. Time alone moves a signal only at days known in advance — an instalment is overdue 31 days
after it fell due, a check-in is missed 91 days after the last one, a year without training starts on 1 January, a
newcomer stops being one three years after arriving — so those days are stored and the list applies today's date
when it reads (no nightly job). Everything else that moves a signal is a write:

- the unit of work (services/base.py) hands every flush to `note_flush` and every bulk statement to `note_bulk`;
  they note which talents (or grants, or training programmes) the written rows belong to;
- before the commit, and before the watch list reads in the same unit of work, `refresh_pending` recomputes those
  talents' rows from the data (`rows_for`), in the same transaction.

`services/growth/risk.py` keeps the from-scratch computation (nine set queries for one day) as the reference;
`risk.watch_drift` compares the two and `talentdesk check` reports any difference.

This module imports no other service (services/base.py uses it), so the unpaid-instalment rule lives here.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from sqlalchemy import and_, delete, func, insert, inspect, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import ORMExecuteState, Session

from talentdesk.domain.enums import AppraisalGrade, CareKind, CaseStatus, EnrolmentStatus, GrantStatus, \
    TalentStatus
from talentdesk.domain.models import (
    CareCase,
    GrowthEvent,
    Instalment,
    LedgerEntry,
    Pairing,
    SubsidyGrant,
    Talent,
    TrainingEnrolment,
    TrainingProgram,
    WatchSignal,
)
from talentdesk.domain.values import add_months

log = logging.getLogger(__name__)

OVERDUE_GRACE_DAYS = 30
CHECKIN_DAYS = 90
NO_EVENT_YEARS = 2
MENTORING_YEARS = 3  # mentors look after newcomers: "no mentor" is a signal in the first three years only
HOUSING_FAMILY_CASES = (CareKind.HOUSING.value, CareKind.SPOUSE_JOB.value, CareKind.CHILD_SCHOOL.value,
                        CareKind.HUKOU.value)
WEAK_GRADES = (AppraisalGrade.BASIC.value, AppraisalGrade.INCOMPETENT.value)

TABLE = WatchSignal.__table__
ONE = dt.timedelta(days=1)
CHUNK = 500          # talents recomputed per round of queries (an IN list)
RANGE = 20_000       # talent ids per round when everything is rebuilt (an id range: index range scans)


# ------------------------------------------------------------------ the ledger's rule for "unpaid"

def standing_entry(kind: str):
    """An entry of `kind` for the instalment that still stands (one that was reversed doesn't count)."""
    e = LedgerEntry.__table__.alias(f"st_{kind}")
    rev = LedgerEntry.__table__.alias(f"rev_{kind}")
    return (
        select(e.c.id)
        .where(e.c.grant_id == Instalment.grant_id, e.c.instalment_seq == Instalment.seq, e.c.kind == kind,
               ~select(rev.c.id).where(rev.c.reverses_id == e.c.id).exists())
        .exists()
    )


def unpaid_instalment_condition():
    """An instalment whose due entry stands and that has no standing payment entry."""
    return and_(standing_entry("due"), ~standing_entry("payment"))


# ------------------------------------------------------------------ when date-bound signals start and stop

def _first_day(holds: Callable[[dt.date], bool], guess: dt.date) -> dt.date:
    """The first day on which `holds` (false before some day, true from it on) is true, searched from `guess`."""
    d = guess
    while holds(d - ONE):
        d -= ONE
    while not holds(d):
        d += ONE
    return d


@functools.lru_cache(maxsize=8192)
def newcomer_until(arrival: dt.date) -> dt.date:
    """The first day on which a talent who arrived on `arrival` is no longer a newcomer (mentoring years over)."""
    return _first_day(lambda d: not arrival > add_months(d, -12 * MENTORING_YEARS),
                      add_months(arrival, 12 * MENTORING_YEARS))


@functools.lru_cache(maxsize=8192)
def quiet_from(since: dt.date) -> dt.date:
    """The first day on which `since` lies more than the no-event years back."""
    return _first_day(lambda d: since < add_months(d, -12 * NO_EVENT_YEARS), add_months(since, 12 * NO_EVENT_YEARS))


def _row(tid: int, code: str, start: dt.date | None = None, end: dt.date | None = None, *, n: int | None = None,
         v_date: dt.date | None = None, v_text: str | None = None) -> dict:
    return {"talent_id": tid, "code": code, "start_on": start, "end_on": end, "n": n, "v_date": v_date,
            "v_text": v_text}


# ------------------------------------------------------------------ the rows, from the data

class _Inputs:
    """What the signals of a set of active talents are computed from: one query per kind of input."""

    def __init__(self, conn: Connection, where: Callable):
        # by primary key, the status looked at here (a planner without statistics would walk the status index)
        self.talents = {tid: (arrival, end) for tid, arrival, end, status in conn.execute(
            select(Talent.id, Talent.arrival_date, Talent.service_end_date, Talent.status).where(where(Talent.id))).all()
            if status == TalentStatus.ACTIVE.value}
        self.dues: dict[int, list[dt.date]] = defaultdict(list)
        self.last_due: dict[int, dt.date | None] = {}
        self.pairing: dict[int, tuple[dt.date, dt.date | None]] = {}
        self.cases: dict[int, set[str]] = defaultdict(set)
        self.trained: dict[int, set[int]] = defaultdict(set)
        self.events: dict[int, set[dt.date]] = defaultdict(set)
        self.appraisals: dict[int, list[tuple[dt.date, int, str | None]]] = defaultdict(list)
        if not self.talents:
            return
        for tid, due in conn.execute(
                select(SubsidyGrant.talent_id, Instalment.due_date)
                .join(SubsidyGrant, SubsidyGrant.id == Instalment.grant_id)
                .where(where(SubsidyGrant.talent_id), SubsidyGrant.status == GrantStatus.ACTIVE.value,
                       Instalment.posted.is_(True), Instalment.cancelled.is_(False),
                       unpaid_instalment_condition())):
            self.dues[tid].append(due)
        for tid, last in conn.execute(
                select(SubsidyGrant.talent_id, func.max(Instalment.due_date))
                .outerjoin(Instalment, and_(Instalment.grant_id == SubsidyGrant.id, Instalment.cancelled.is_(False)))
                .where(where(SubsidyGrant.talent_id))
                .group_by(SubsidyGrant.talent_id)):
            self.last_due[tid] = last
        for tid, last, checkin in conn.execute(
                select(Pairing.talent_id, func.max(func.coalesce(Pairing.last_checkin_date, Pairing.start_date)),
                       func.max(Pairing.last_checkin_date))
                .where(where(Pairing.talent_id), Pairing.end_date.is_(None))
                .group_by(Pairing.talent_id)):
            self.pairing[tid] = (last, checkin)
        # the talents' cases by the talent index, the open housing/family ones picked here: with the status and
        # kind in the query SQLite walks every open case of those kinds instead (for each range of an import)
        for tid, kind, status in conn.execute(
                select(CareCase.talent_id, CareCase.kind, CareCase.status).where(where(CareCase.talent_id))):
            if status == CaseStatus.OPEN.value and kind in HOUSING_FAMILY_CASES:
                self.cases[tid].add(kind)
        for tid, year in conn.execute(
                select(TrainingEnrolment.talent_id, TrainingProgram.year)
                .join(TrainingProgram, TrainingProgram.id == TrainingEnrolment.program_id)
                .where(where(TrainingEnrolment.talent_id),
                       TrainingEnrolment.status != EnrolmentStatus.DROPPED.value)):
            self.trained[tid].add(year)
        weak = set()
        for tid, on, eid, grade in conn.execute(
                select(GrowthEvent.talent_id, GrowthEvent.event_date, GrowthEvent.id, GrowthEvent.appraisal_grade)
                .where(where(GrowthEvent.talent_id))):
            self.events[tid].add(on)
            if grade is not None:  # an appraisal
                self.appraisals[tid].append((on, eid, grade))
                if grade in WEAK_GRADES:
                    weak.add(tid)
        for tid in set(self.appraisals) - weak:  # only a weak one can make the latest weak
            del self.appraisals[tid]

    def rows(self) -> Iterator[dict]:
        for tid in sorted(self.talents):
            yield from self._rows_of(tid)

    def _rows_of(self, tid: int) -> Iterator[dict]:
        arrival, service_end = self.talents[tid]
        # instalment_overdue: each unpaid due date starts a day from which one more is overdue
        dues = sorted(self.dues.get(tid, ()))
        if dues:
            days = sorted(set(dues))
            for k, d in enumerate(days):
                end = days[k + 1] + dt.timedelta(days=OVERDUE_GRACE_DAYS + 1) if k + 1 < len(days) else None
                yield _row(tid, "instalment_overdue", d + dt.timedelta(days=OVERDUE_GRACE_DAYS + 1), end,
                           n=bisect.bisect_right(dues, d), v_date=days[0])
        # subsidies_ended: from the last instalment's due date until the service commitment ends
        if tid in self.last_due and service_end is not None:
            start = self.last_due[tid]
            if start is None or start < service_end:
                yield _row(tid, "subsidies_ended", start, service_end)
        # no_mentor: no current pairing, for a newcomer (a pairing or its end is a write)
        pairing = self.pairing.get(tid)
        if pairing is None:
            yield _row(tid, "no_mentor", None, newcomer_until(arrival))
        else:
            last, checkin = pairing
            yield _row(tid, "no_checkin", last + dt.timedelta(days=CHECKIN_DAYS + 1), None, v_date=checkin)
        kinds = self.cases.get(tid)
        if kinds:
            yield _row(tid, "open_case", v_text=",".join(sorted(kinds)))
        # no_training: the years without an enrolment
        start = None
        for year in sorted(self.trained.get(tid, ())):
            if start is None or start < dt.date(year, 1, 1):
                yield _row(tid, "no_training", start, dt.date(year, 1, 1))
            start = dt.date(year + 1, 1, 1)
        yield _row(tid, "no_training", start, None)
        # no_event: between events (or from arrival to the first) once the last one is two years back
        since = arrival
        for on in sorted(self.events.get(tid, ())):
            start = quiet_from(since)
            if start < on:
                yield _row(tid, "no_event", start, on, v_date=since)
            since = on
        yield _row(tid, "no_event", quiet_from(since), None, v_date=since)
        # weak_appraisal: from a day whose latest appraisal is weak to the next appraisal's day
        appraisals = sorted(self.appraisals.get(tid, ()))
        for k, (on, _eid, grade) in enumerate(appraisals):
            if k + 1 < len(appraisals) and appraisals[k + 1][0] == on:
                continue  # a later one of the same day decides
            if grade in WEAK_GRADES:
                nxt = next((a[0] for a in appraisals[k + 1:] if a[0] > on), None)
                yield _row(tid, "weak_appraisal", on, nxt, v_text=grade)
        # service_ending: until the commitment ends; how long before is the notice setting, applied when read
        if service_end is not None:
            yield _row(tid, "service_ending", None, service_end + ONE, v_date=service_end)


def rows_for(conn: Connection, talent_ids: Iterable[int]) -> Iterator[dict]:
    """The rows of these talents (those not active, or gone, have none)."""
    ids = sorted(set(talent_ids))
    for k in range(0, len(ids), CHUNK):
        chunk = ids[k:k + CHUNK]
        yield from _Inputs(conn, lambda col, c=chunk: col.in_(c)).rows()


def all_rows(conn: Connection, progress: Callable[[int, int], None] | None = None) -> Iterator[dict]:
    """The rows of every talent, an id range at a time (memory stays bounded at a million talents)."""
    lo, hi = conn.execute(select(func.min(Talent.id), func.max(Talent.id))).one()
    if lo is None:
        return
    for start in range(lo, hi + 1, RANGE):
        if progress is not None:
            progress(start - lo, hi + 1 - lo)
        yield from _Inputs(conn, lambda col, a=start: col.between(a, a + RANGE - 1)).rows()


_COLUMNS = ("talent_id", "code", "start_on", "end_on", "n", "v_date", "v_text")


def _insert(conn: Connection, rows: Iterable[dict]) -> int:
    """Insert the rows, 5,000 at a time. On SQLite as multi-row INSERT statements of prepared values (the columns'
    own bind conversions: dates as SQLAlchemy writes them), not through the Core insert, which builds its
    parameters row by row — an import of 100,000 talents writes 400,000 of these rows (issue 18)."""
    if conn.dialect.name == "sqlite":
        from talentdesk.store.db import bind_converter, insert_values

        day = bind_converter(TABLE.c.start_on.type, conn.dialect)  # the three date columns share it

        def write(batch: list[dict]) -> None:
            insert_values(conn, TABLE.name, list(_COLUMNS), [
                (r["talent_id"], r["code"], day(r["start_on"]), day(r["end_on"]), r["n"], day(r["v_date"]),
                 r["v_text"]) for r in batch])
    else:
        def write(batch: list[dict]) -> None:
            conn.execute(insert(TABLE), batch)
    n, batch = 0, []
    for r in rows:
        batch.append(r)
        if len(batch) >= 5000:
            write(batch)
            n += len(batch)
            batch = []
    if batch:
        write(batch)
        n += len(batch)
    return n


def fresh_values(talents: dict[int, tuple[dt.date, dt.date | None]]) -> list[tuple]:
    """The rows of active talents inserted in this unit of work ({id: (arrival, commitment end)}), as the SQLite
    driver takes them: nothing refers to these talents yet (no grant, pairing, case, enrolment or event), so their rows
    follow from the two dates alone, by the same rules as every other talent's. An import works them out on its
    checks' thread (no statement) and its writer stores them (`write_fresh`)."""
    from talentdesk.store.db import bind_converter
    from sqlalchemy.dialects import sqlite

    inputs = _Inputs.__new__(_Inputs)
    inputs.talents = talents
    inputs.dues, inputs.last_due, inputs.pairing, inputs.cases = {}, {}, {}, {}
    inputs.trained, inputs.events, inputs.appraisals = {}, {}, {}
    day = bind_converter(TABLE.c.start_on.type, sqlite.dialect())
    return [(r["talent_id"], r["code"], day(r["start_on"]), day(r["end_on"]), r["n"], day(r["v_date"]), r["v_text"])
            for r in inputs.rows()]


def write_fresh(session: Session, first: int, last: int, values: list[tuple]) -> None:
    """Store the rows (`fresh_values`) of the talents with ids `first`…`last`, all inserted in bulk in this unit of work
    on SQLite, so `refresh_pending` need not work them out again before the commit."""
    from talentdesk.store.db import insert_values

    conn = session.connection()
    conn.execute(delete(TABLE).where(TABLE.c.talent_id.between(first, last)))  # an id a removed talent once had
    insert_values(conn, TABLE.name, list(_COLUMNS), values)
    _pending(session).setdefault("fresh", []).append((first, last))


def refresh(conn: Connection, talent_ids: Iterable[int]) -> None:
    """Recompute these talents' rows (in the caller's transaction)."""
    ids = sorted(set(talent_ids))
    for k in range(0, len(ids), CHUNK):
        chunk = ids[k:k + CHUNK]
        conn.execute(delete(TABLE).where(TABLE.c.talent_id.in_(chunk)))
        _insert(conn, _Inputs(conn, lambda col, c=chunk: col.in_(c)).rows())


def rebuild(conn: Connection, progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute every row (the migration that adds the table, the demo's bulk load, `watch-list --rebuild`)."""
    conn.execute(delete(TABLE))
    return _insert(conn, all_rows(conn, progress))


def holds(today: dt.date, notice_days: int):
    """The condition for a row that holds on `today` (the commitment notice is a setting, applied here)."""
    c = TABLE.c
    return and_((c.start_on.is_(None)) | (c.start_on <= today), (c.end_on.is_(None)) | (c.end_on > today),
                (c.code != "service_ending") | (c.v_date <= today + dt.timedelta(days=notice_days)))


# ------------------------------------------------------------------ keeping it current (hooks in services/base.py)

PENDING = "td_watch_pending"
# table -> (what its key names, the key's attribute): a written row of these changes some talent's signals
TRACKED: dict[str, tuple[str, str]] = {
    "talents": ("talents", "id"),
    "subsidy_grants": ("talents", "talent_id"),
    "ledger_entries": ("talents", "talent_id"),
    "pairings": ("talents", "talent_id"),
    "care_cases": ("talents", "talent_id"),
    "training_enrolments": ("talents", "talent_id"),
    "growth_events": ("talents", "talent_id"),
    "instalments": ("grants", "grant_id"),
    "training_programs": ("programs", "id"),
}


def _pending(session: Session) -> dict:
    p = session.info.get(PENDING)
    if p is None:
        p = session.info[PENDING] = {"talents": set(), "grants": set(), "programs": set(), "floor": None,
                                     "all": False}
    return p


def note_flush(session: Session) -> None:
    """After a flush: the talents whose signals' inputs the flushed rows changed (old and new owners)."""
    p = None
    for group in (session.new, session.dirty, session.deleted):
        for obj in group:
            spec = TRACKED.get(getattr(getattr(obj, "__table__", None), "name", ""))
            if spec is None:
                continue
            if group is session.dirty and not session.is_modified(obj, include_collections=False):
                continue
            what, attr = spec
            p = p or _pending(session)
            hist = inspect(obj).attrs[attr].history
            for v in (getattr(obj, attr), *(hist.deleted or ())):
                if v is not None:
                    p[what].add(v)


def note_bulk(state: ORMExecuteState) -> None:
    """Before a bulk INSERT/UPDATE/DELETE through the session: the talents it touches. An insert names them in its
    rows (new talents: every id above today's highest); an update or delete is asked with its own WHERE first."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    spec = TRACKED.get(getattr(table, "name", ""))
    if spec is None:
        return
    what, attr = spec
    session = state.session
    p = _pending(session)
    params = state.parameters
    rows = params if isinstance(params, list) else [params] if params else []
    if state.is_insert:
        note_insert(session, table, rows)
        return
    else:
        col = table.c[attr]
        where = state.statement.whereclause
        if rows and all("id" in r for r in rows):  # an ORM bulk update by primary key
            ids = [r["id"] for r in rows]
            for k in range(0, len(ids), CHUNK):
                p[what].update(session.connection().execute(
                    select(col).where(table.c.id.in_(ids[k:k + CHUNK]))).scalars())
            p[what].update(r[attr] for r in rows if r.get(attr) is not None)
            return
        if where is not None:
            p[what].update(v for v in session.connection().execute(select(col).where(where)).scalars()
                           if v is not None)
            p[what].update(r[attr] for r in rows if r.get(attr) is not None)
            return
    log.warning("a bulk write to %s names no rows: the watch list is recomputed in full", table.name)
    p["all"] = True


def note_insert(session: Session, table, rows: list) -> None:
    """Before a bulk INSERT of `rows` into `table` in this unit of work (through the session, or written below it
    by services.base.bulk_insert): the talents it touches — new talents are every id above today's highest."""
    spec = TRACKED.get(getattr(table, "name", ""))
    if spec is None:
        return
    what, attr = spec
    p = _pending(session)
    if table.name == "talents":
        if p["floor"] is None:
            p["floor"] = session.connection().execute(select(func.coalesce(func.max(table.c.id), 0))).scalar()
        return
    if rows and all(attr in r for r in rows):
        p[what].update(r[attr] for r in rows if r[attr] is not None)
        return
    log.warning("a bulk write to %s names no rows: the watch list is recomputed in full", table.name)
    p["all"] = True


def refresh_pending(session: Session) -> None:
    """Bring the rows of every talent this unit of work touched up to date (before its commit, and before the
    watch list reads in it)."""
    session.flush()  # what is still unflushed is noted now
    p = session.info.pop(PENDING, None)
    if not p or not (p["talents"] or p["grants"] or p["programs"] or p["floor"] is not None or p["all"]):
        return
    conn = session.connection()
    if p["all"]:
        rebuild(conn)
        return
    tids = set(p["talents"])
    grants, programs = sorted(p["grants"]), sorted(p["programs"])
    for k in range(0, len(grants), CHUNK):
        tids.update(conn.execute(select(SubsidyGrant.talent_id)
                                 .where(SubsidyGrant.id.in_(grants[k:k + CHUNK]))).scalars())
    for k in range(0, len(programs), CHUNK):
        tids.update(conn.execute(select(TrainingEnrolment.talent_id)
                                 .where(TrainingEnrolment.program_id.in_(programs[k:k + CHUNK]))).scalars())
    if p["floor"] is not None:  # talents inserted in bulk (an import): an id range, read as ranges
        floor = p["floor"]
        top = conn.execute(select(func.max(Talent.id))).scalar() or floor
        # the ranges whose rows the importer wrote already (`write_fresh`) are left out, unless noted since
        done = sorted(r for r in p.get("fresh", ()) if r[0] > floor)
        todo, start = [], floor + 1
        for lo, hi in done:
            if lo > start:
                todo.append((start, lo - 1))
            start = max(start, hi + 1)
        if start <= top:
            todo.append((start, top))
        for lo, hi in todo:
            for start in range(lo, hi + 1, RANGE):
                end = min(start + RANGE - 1, hi)
                conn.execute(delete(TABLE).where(TABLE.c.talent_id.between(start, end)))
                _insert(conn, _Inputs(conn, lambda col, a=start, b=end: col.between(a, b)).rows())
        tids = {t for t in tids if t <= floor or any(lo <= t <= hi for lo, hi in done)}
    refresh(conn, tids)


def stored_rows(conn: Connection) -> Iterator[tuple]:
    """Every stored row as a comparable tuple, by talent (for `check`)."""
    c = TABLE.c
    return iter(conn.execute(select(c.talent_id, c.code, c.start_on, c.end_on, c.n, c.v_date, c.v_text)
                             .order_by(c.talent_id, c.code, c.start_on)))


__all__ = ["refresh", "rebuild", "fresh_values", "write_fresh", "standing_entry", "rows_for", "all_rows", "holds", "note_flush", "note_bulk", "note_insert", "refresh_pending",
           "unpaid_instalment_condition", "newcomer_until", "quiet_from"]
