"""The city's roll-up: retention, money and mentor figures per county and for the city, and the people paid by two or
more counties (the same ID number on file in several counties, with money paid out in each).

A city account reads every county; a county's account gets its own county only (the unit of work's scope, and on a
server row-level security, decide which rows this reads — nothing here filters by county itself). Money is integer
fen, reversals counted against the kind they reverse (as the ledger's totals are). Reading the list of people with
their names and ID numbers is an export of personal data: it is audited. Roles without the right to see personal
data get ID numbers and names masked.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.models import CheckIn, County, LedgerEntry, Pairing, SubsidyGrant, Talent
from talentdesk.domain.values import mask_id_number
from talentdesk.services.base import STREAM, Change, Permission, actor_of, operation, record_event

CHECKIN_WINDOW_DAYS = 365


@dataclass(frozen=True, slots=True)
class Figures:
    """One county's figures (or the city's: `code` empty)."""

    county_id: int | None
    code: str
    name: str
    talents: int = 0
    in_post: int = 0
    left: int = 0
    granted_fen: int = 0       # approved totals of the grants
    due_fen: int = 0           # fallen due (应付)
    paid_fen: int = 0          # paid out (已付)
    clawback_fen: int = 0      # owed back after departures (应追回)
    refund_fen: int = 0        # paid back (已退回)
    owed_fen: int = 0          # still owed to the talents: the ledger's balance (余额)
    pairings_current: int = 0
    checkins_done: int = 0     # check-ins in the 12 months up to the reference date
    checkins_overdue: int = 0  # current pairings whose cadence has passed since the last check-in

    @property
    def retention(self) -> float | None:
        """In post / (in post + left); None with nobody on file."""
        total = self.in_post + self.left
        return self.in_post / total if total else None


@dataclass(frozen=True, slots=True)
class PaidIn:
    code: str
    name: str
    talent_id: int
    paid_fen: int


@dataclass(frozen=True, slots=True)
class CrossPaid:
    """A person (one ID number) paid by two or more counties."""

    id_number: str            # masked for roles without personal data
    names: str                # as on file in each county (masked likewise), joined by " / "
    counties: tuple[PaidIn, ...]

    @property
    def paid_fen(self) -> int:
        return sum(c.paid_fen for c in self.counties)


@dataclass(frozen=True, slots=True)
class Rollup:
    as_of: dt.date
    counties: tuple[Figures, ...]
    total: Figures
    cross_paid: tuple[CrossPaid, ...] = field(default=())
    masked: bool = False


def mask_name(name: str) -> str:
    """王＊ / 欧阳＊＊: the first character stays (a Latin name keeps its first letter)."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    return name[0] + "＊" * (len(name) - 1)


def _effective_kind():
    target = LedgerEntry.__table__.alias("target")
    return target, func.coalesce(target.c.kind, LedgerEntry.kind)


def _talent_counts(session: Session) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = {}
    for county, status, n in session.execute(
            select(Talent.county_id, Talent.status, func.count()).group_by(Talent.county_id, Talent.status)):
        out.setdefault(county, {})[status] = n
    return out


def _money(session: Session) -> dict[int, dict[str, int]]:
    target, kind = _effective_kind()
    out: dict[int, dict[str, int]] = {}
    stmt = (select(LedgerEntry.county_id, kind, func.sum(LedgerEntry.amount_fen))
            .select_from(LedgerEntry).outerjoin(target, target.c.id == LedgerEntry.reverses_id)
            .group_by(LedgerEntry.county_id, kind))
    for county, k, fen in session.execute(stmt):
        out.setdefault(county, {})[k] = int(fen or 0)
    for county, fen in session.execute(select(SubsidyGrant.county_id, func.sum(SubsidyGrant.approved_total_fen))
                                       .group_by(SubsidyGrant.county_id)):
        out.setdefault(county, {})["granted"] = int(fen or 0)
    return out


def _mentoring(session: Session, as_of: dt.date) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = {}
    current = and_(Pairing.end_date.is_(None), Pairing.start_date <= as_of)
    for county, cadence, last, start in session.execute(
            select(Pairing.county_id, Pairing.cadence_days, Pairing.last_checkin_date, Pairing.start_date)
            .where(current).execution_options(**STREAM)):
        figures = out.setdefault(county, {"current": 0, "overdue": 0, "done": 0})
        figures["current"] += 1
        if (last or start) + dt.timedelta(days=int(cadence or 0)) < as_of:
            figures["overdue"] += 1
    since = as_of - dt.timedelta(days=CHECKIN_WINDOW_DAYS)
    for county, n in session.execute(select(CheckIn.county_id, func.count())
                                     .where(CheckIn.date > since, CheckIn.date <= as_of)
                                     .group_by(CheckIn.county_id)):
        out.setdefault(county, {"current": 0, "overdue": 0, "done": 0})["done"] = n
    return out


def _figures(c_id: int | None, code: str, name: str, people: dict, money: dict, mentoring: dict) -> Figures:
    return Figures(
        county_id=c_id, code=code, name=name,
        talents=sum(people.values()),
        in_post=people.get(E.TalentStatus.ACTIVE.value, 0),
        left=people.get(E.TalentStatus.DEPARTED.value, 0),
        granted_fen=money.get("granted", 0),
        due_fen=money.get("due", 0),
        paid_fen=-money.get("payment", 0),
        clawback_fen=-money.get("clawback", 0),
        refund_fen=money.get("refund", 0),
        owed_fen=sum(v for k, v in money.items() if k != "granted"),
        pairings_current=mentoring.get("current", 0),
        checkins_done=mentoring.get("done", 0),
        checkins_overdue=mentoring.get("overdue", 0),
    )


def _cross_paid(session: Session, counties: dict[int, County], sensitive: bool) -> tuple[CrossPaid, ...]:
    target, kind = _effective_kind()
    paid = (select(Talent.id_number.label("id_number"), Talent.county_id.label("county_id"),
                   (-func.sum(LedgerEntry.amount_fen)).label("fen"))
            .select_from(LedgerEntry)
            .join(Talent, Talent.id == LedgerEntry.talent_id)
            .outerjoin(target, target.c.id == LedgerEntry.reverses_id)
            .where(kind == E.EntryKind.PAYMENT.value, Talent.id_number.is_not(None), Talent.id_number != "")
            .group_by(Talent.id_number, Talent.county_id)
            .having(-func.sum(LedgerEntry.amount_fen) > 0)).subquery()
    twice = (select(paid.c.id_number).group_by(paid.c.id_number).having(func.count() >= 2)).subquery()
    rows = session.execute(
        select(paid.c.id_number, paid.c.county_id, paid.c.fen, Talent.id, Talent.name)
        .join(twice, twice.c.id_number == paid.c.id_number)
        .join(Talent, and_(Talent.id_number == paid.c.id_number, Talent.county_id == paid.c.county_id))
        .order_by(paid.c.id_number, paid.c.county_id)).all()
    people: dict[str, list] = {}
    for id_number, county_id, fen, talent_id, name in rows:
        people.setdefault(id_number, []).append((county_id, int(fen), talent_id, name))
    out = []
    for id_number, places in people.items():
        names = " / ".join(dict.fromkeys(n if sensitive else mask_name(n) for _c, _f, _t, n in places))
        out.append(CrossPaid(
            id_number=id_number if sensitive else mask_id_number(id_number), names=names,
            counties=tuple(PaidIn(counties[c].code if c in counties else "", counties[c].name if c in counties else "",
                                  t, f) for c, f, t, _n in places)))
    out.sort(key=lambda p: (-p.paid_fen, p.id_number))
    return tuple(out)


def _rollup(session: Session, as_of: dt.date | None) -> Rollup:
    as_of = as_of or dt.date.today()
    actor = actor_of(session)
    sensitive = actor.can(Permission.TALENT_SENSITIVE)
    counties = {c.id: c for c in session.scalars(select(County).order_by(County.code))}
    people, money, mentoring = _talent_counts(session), _money(session), _mentoring(session, as_of)
    # a county's account: its own county; the city (and a county office's own file): every county
    shown = [actor.county_id] if actor.county_id in counties else list(counties)
    per = tuple(_figures(cid, counties[cid].code, counties[cid].name, people.get(cid, {}), money.get(cid, {}),
                         mentoring.get(cid, {})) for cid in shown)
    total_people: dict[str, int] = {}
    total_money: dict[str, int] = {}
    total_mentoring: dict[str, int] = {}
    for cid in shown:
        for src, dst in ((people, total_people), (money, total_money), (mentoring, total_mentoring)):
            for k, v in src.get(cid, {}).items():
                dst[k] = dst.get(k, 0) + v
    total = _figures(None, "", "", total_people, total_money, total_mentoring)
    return Rollup(as_of, per, total, _cross_paid(session, counties, sensitive), masked=not sensitive)


@operation(Permission.LEDGER_READ, writes=True, changes=(Change.AUDIT,))
def city_rollup(session: Session, *, as_of: dt.date | None = None) -> Rollup:
    """The roll-up per county and for the city, with the people paid by two or more counties. The list names people
    (or their masked ID numbers), so reading it is recorded in the audit trail as an export of personal data."""
    result = _rollup(session, as_of)
    record_event(session, E.AuditAction.EXPORT, table="talents",
                 summary=f"city roll-up as of {result.as_of.isoformat()}: {len(result.counties)} counties, "
                         f"{len(result.cross_paid)} people paid by two or more counties"
                         + (" (masked)" if result.masked else ""))
    return result
