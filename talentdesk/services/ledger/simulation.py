"""The policy simulator: what a policy costs over the coming years, as it stands and as changed — side by side.

For each fiscal year after `as_of`'s year (five by default) and each scenario (the current policy; the policy with
the changes):

- committed: instalments not yet due of the policy's grants in force for talents still here. Grants keep what was
  approved, so this line is the same in both scenarios and, summed over the policies, is the ledger's forecast
  (`budgets.forecast`) exactly.
- newly qualifying: talents here now who qualify under the scenario's rules and hold no grant of the policy
  (the entitlement sweep), granted from the first simulated year (or later arrival or policy start), each
  instalment weighted by the chance the talent is still here when it falls due (the county's Kaplan–Meier
  retention curve, conditional on being here now).
- expected arrivals: the last three full years' arrivals, as a yearly rate, arriving again on the same days; each
  who qualifies under the scenario's rules brings the scenario's amount and schedule, weighted by retention.
- expected clawback income: for new grants with a clawback rule, the chance of leaving in each year of the
  service commitment times what would be owed then (the ledger's own clawback rule); existing grants likewise.
- budget: the office's budget for the policy's kind in that year (Budgets), and what is left.

Money is integer fen: expected values are rounded to the fen once per line and year.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import InputFileError, ValidationError
from talentdesk.domain.ledger_rules import clawback_amount, split_schedule
from talentdesk.domain.models import (
    Budget,
    Employer,
    Instalment,
    LedgerEntry,
    PolicyAmount,
    PolicyEligibility,
    SubsidyGrant,
    SubsidyPolicy,
    Talent,
)
from talentdesk.domain.survival import kaplan_meier
from talentdesk.domain.values import add_months, format_yuan, months_between, parse_yuan
from talentdesk.i18n import translate
from talentdesk.reports.simulation import describe_changes, headers
from talentdesk.reports.simulation import line_values as _line_values
from talentdesk.services.base import Change, Permission, operation, record_event
from talentdesk.services.ledger import eligibility
from talentdesk.services.ledger.policies import AmountRule, amount_for
from talentdesk.store.files import write_or_refuse

ARRIVAL_YEARS = 3


@dataclass(frozen=True)
class Terms:
    """The parts of a policy the simulator can change."""

    amounts: tuple[AmountRule, ...]
    instalment_mode: str
    instalment_count: int
    clawback_rule: str
    service_years: int | None          # the commitment new grantees sign (None: their own)
    tiers: tuple[str, ...]
    educations: tuple[str, ...]
    rules: eligibility.Rules


def _terms(session: Session, p: SubsidyPolicy) -> Terms:
    amounts = tuple(AmountRule(t, e, a) for t, e, a in session.execute(
        select(PolicyAmount.tier_code, PolicyAmount.education, PolicyAmount.amount_fen)
        .where(PolicyAmount.policy_id == p.id)))
    rules = eligibility._rules_of(session.get(PolicyEligibility, p.id))
    return Terms(amounts, p.instalment_mode, p.instalment_count, p.clawback_rule, p.service_years,
                 eligibility._split(p.eligible_tiers), eligibility._split(p.eligible_educations), rules)


FIELDS = ("amount", "amount_scale", "instalments", "mode", "clawback", "service_years", "tiers", "educations",
          "arrival_from", "arrival_to", "employer_kinds", "min_age", "max_age", "min_service_years")


def apply_changes(terms: Terms, changes: Mapping[str, str]) -> Terms:
    """The terms with `changes` ({field: text}, as typed on the command line or in the window) applied."""
    from talentdesk.domain.parsing import parse_date_value

    t, r = terms, terms.rules

    def bad(name: str, value: str):
        raise ValidationError(translate("Simulation", "{field} cannot be set to {value}.").format(
            field=name, value=value), field=name)

    def whole(name: str, value: str, low: int, high: int) -> int:
        try:
            n = int(str(value).strip())
        except ValueError:
            bad(name, value)
        if not low <= n <= high:
            bad(name, value)
        return n

    for name, value in changes.items():
        value = str(value).strip()
        if name == "amount":
            try:
                fen = parse_yuan(value)
            except (ValueError, ValidationError):
                bad(name, value)
            if fen <= 0:
                bad(name, value)
            t = replace(t, amounts=(AmountRule(None, None, fen),))
        elif name == "amount_scale":
            try:
                factor = float(value.rstrip("%")) / (100 if value.endswith("%") else 1)
            except ValueError:
                bad(name, value)
            if not 0 < factor <= 100:
                bad(name, value)
            t = replace(t, amounts=tuple(AmountRule(a.tier_code, a.education, max(1, round(a.amount_fen * factor)))
                                         for a in t.amounts))
        elif name == "instalments":
            t = replace(t, instalment_count=whole(name, value, 1, 120))
        elif name == "mode":
            if value not in E.values(E.InstalmentMode):
                bad(name, value)
            t = replace(t, instalment_mode=value)
        elif name == "clawback":
            if value not in E.values(E.ClawbackRule):
                bad(name, value)
            t = replace(t, clawback_rule=value)
        elif name == "service_years":
            t = replace(t, service_years=whole(name, value, 1, 50))
        elif name in ("tiers", "educations"):
            parts = tuple(x for x in value.replace("，", ",").split(",") if x.strip())
            if name == "educations" and any(x not in E.values(E.Education) for x in parts):
                bad(name, value)
            t = replace(t, **{name: parts})
        elif name in ("arrival_from", "arrival_to"):
            try:
                d = parse_date_value(value, field=name) if value else None
            except ValidationError:
                bad(name, value)
            r = replace(r, **{name: d})
        elif name == "employer_kinds":
            r = replace(r, employer_kinds=tuple(x.strip() for x in value.replace("，", ",").split(",") if x.strip()))
        elif name in ("min_age", "max_age", "min_service_years"):
            r = replace(r, **{name: whole(name, value, 1, 80) if value else None})
        else:
            raise ValidationError(translate("Simulation", "Unknown field {field}; use one of: {fields}.").format(
                field=name, fields=", ".join(FIELDS)), field=name)
    eligibility._check_rules(r)
    if t.instalment_mode == E.InstalmentMode.LUMP_SUM.value:
        t = replace(t, instalment_count=1)
    return replace(t, rules=r)


def parse_settings(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """["amount=50000", "instalments=5"] → {"amount": "50000", "instalments": "5"}."""
    out = {}
    for p in pairs:
        name, sep, value = p.partition("=")
        if not sep or not name.strip():
            raise ValidationError(translate("Simulation", "Write each change as FIELD=VALUE, e.g. amount=50000."),
                                  field="set")
        out[name.strip().lower()] = value
    return out


# ------------------------------------------------------------------ the pieces

@dataclass(frozen=True, slots=True)
class YearLine:
    year: int
    committed_fen: int
    newly_qualifying_fen: int
    arrivals_fen: int
    clawback_fen: int
    budget_fen: int

    @property
    def total_fen(self) -> int:
        """Net outlay: what is paid out less the clawback expected back."""
        return self.committed_fen + self.newly_qualifying_fen + self.arrivals_fen - self.clawback_fen

    @property
    def remaining_fen(self) -> int:
        return self.budget_fen - self.total_fen


@dataclass(frozen=True)
class Scenario:
    name: str
    terms: Terms
    years: tuple[YearLine, ...]
    newly_qualifying: int          # talents here now who would be granted
    arrivals_qualifying: float     # expected qualifying arrivals a year

    @property
    def total_fen(self) -> int:
        return sum(y.total_fen for y in self.years)


@dataclass(frozen=True)
class Simulation:
    policy_id: int | None
    policy_name: str
    policy_kind: str
    as_of: dt.date
    years: tuple[int, ...]
    arrivals_per_year: float
    changes: dict[str, str]
    current: Scenario
    simulated: Scenario
    notes: tuple[str, ...] = field(default_factory=tuple)


class _Retention:
    """S(months since arrival) from every talent's months in the county (Kaplan–Meier)."""

    def __init__(self, session: Session, as_of: dt.date):
        durs, evs = [], []
        for arrival, left in session.execute(select(Talent.arrival_date, Talent.departure_date)
                                             .where(Talent.arrival_date <= as_of)):
            gone = left is not None and left <= as_of
            durs.append(months_between(arrival, left if gone else as_of))
            evs.append(gone)
        self.curve = kaplan_meier(durs, evs) if durs else None

    def s(self, months: int) -> float:
        return 1.0 if self.curve is None else self.curve.at(max(0, months))

    def stays(self, from_months: int, to_months: int) -> float:
        """P(still here at to_months | here at from_months)."""
        base = self.s(from_months)
        return 0.0 if base <= 0 else self.s(to_months) / base


def _year_of(d: dt.date, years: tuple[int, ...]) -> int | None:
    return d.year if years[0] <= d.year <= years[-1] else None


def _leaving(ret: _Retention, arrival: dt.date, here_from: dt.date, end: dt.date,
             years: tuple[int, ...]) -> Iterator[tuple[int, dt.date, float]]:
    """Each year of `years` the commitment (until `end`) still covers after `here_from`, with the middle of that
    part of it and the chance a talent here at `here_from` leaves during it (years with none are skipped)."""
    m0 = months_between(arrival, here_from)
    for y in years:
        first, last = max(dt.date(y, 1, 1), here_from), min(dt.date(y, 12, 31), end)
        if last < first:
            continue
        p_leave = ret.stays(m0, months_between(arrival, first)) - ret.stays(m0, months_between(arrival, last))
        if p_leave > 0:
            yield y, first + (last - first) / 2, p_leave


def _expected_grant(acc: dict[str, dict[int, float]], terms: Terms, amount: int, start: dt.date, arrival: dt.date,
                    here_from: dt.date, service_years: int, years: tuple[int, ...], ret: _Retention) -> None:
    """Add one grant's expected payments and clawback, by year, to `acc` (weights: retention after here_from)."""
    commitment = terms.service_years or service_years  # the policy's 服务期 when it sets one (as the ledger counts)
    m0 = months_between(arrival, here_from)
    paid = 0
    schedule = split_schedule(amount, terms.instalment_mode, terms.instalment_count, start)
    for inst in schedule:
        y = _year_of(inst.due_date, years)
        if inst.due_date >= here_from and y is not None:
            acc["pay"][y] += inst.amount_fen * ret.stays(m0, months_between(arrival, inst.due_date))
    if terms.clawback_rule == E.ClawbackRule.NONE.value:
        return
    end = add_months(arrival, 12 * commitment)
    for y, mid, p_leave in _leaving(ret, arrival, here_from, end, years):
        paid = sum(i.amount_fen for i in schedule if i.due_date <= mid)
        owed = clawback_amount(rule=terms.clawback_rule, total_fen=amount, paid_fen=paid, arrival=arrival,
                               departure=mid, service_years=commitment)
        acc["claw"][y] += owed * p_leave


def _qualifies(terms: Terms, tier: str, edu: str, arrival: dt.date, birth: dt.date | None, mode: str, years: int,
               kind: str | None) -> int | None:
    """The amount the terms give this talent, or None when a rule fails."""
    r = terms.rules
    if terms.tiers and tier not in terms.tiers or terms.educations and edu not in terms.educations:
        return None
    if r.arrival_from and arrival < r.arrival_from or r.arrival_to and arrival > r.arrival_to:
        return None
    if r.intro_modes and mode not in r.intro_modes:
        return None
    if r.min_service_years and max(years, terms.service_years or 0) < r.min_service_years:
        return None
    if r.employer_kinds and (kind or "") not in r.employer_kinds:
        return None
    if r.min_age is not None or r.max_age is not None:
        age = eligibility._age(birth, arrival)
        if age is None or (r.min_age is not None and age < r.min_age) or (r.max_age is not None and age > r.max_age):
            return None
    return amount_for(terms.amounts, tier, edu)


def _committed(session: Session, policy_id: int, years: tuple[int, ...]) -> dict[int, int]:
    """The forecast's own figure, for one policy: unposted, uncancelled instalments of grants in force."""
    year_col = func.extract("year", Instalment.due_date)
    rows = session.execute(
        select(year_col, func.sum(Instalment.amount_fen))
        .join(SubsidyGrant, SubsidyGrant.id == Instalment.grant_id)
        .join(Talent, Talent.id == SubsidyGrant.talent_id)
        .where(SubsidyGrant.policy_id == policy_id, Instalment.cancelled.is_(False), Instalment.posted.is_(False),
               Instalment.due_date >= dt.date(years[0], 1, 1), Instalment.due_date <= dt.date(years[-1], 12, 31),
               SubsidyGrant.status.in_((E.GrantStatus.ACTIVE.value, E.GrantStatus.SUSPENDED.value)),
               Talent.status == E.TalentStatus.ACTIVE.value)
        .group_by(year_col)).all()
    return {int(y): int(a or 0) for y, a in rows}


def _existing_clawback(session: Session, policy_id: int, as_of: dt.date, years: tuple[int, ...],
                       ret: _Retention) -> dict[int, float]:
    """Expected clawback from the policy's grants held, should their holders leave within the commitment. A grant paid
    in full (completed) is held too: the ledger claws back from it on a departure within the service years."""
    acc: dict[int, float] = defaultdict(float)
    target = LedgerEntry.__table__.alias("target")
    paid = dict(session.execute(
        select(LedgerEntry.grant_id, func.sum(LedgerEntry.amount_fen)).select_from(LedgerEntry)
        .outerjoin(target, target.c.id == LedgerEntry.reverses_id)
        .join(SubsidyGrant, SubsidyGrant.id == LedgerEntry.grant_id)
        .where(SubsidyGrant.policy_id == policy_id, func.coalesce(target.c.kind, LedgerEntry.kind) == "payment")
        .group_by(LedgerEntry.grant_id)).all())
    future: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    for gid, due, amount in session.execute(
            select(Instalment.grant_id, Instalment.due_date, Instalment.amount_fen)
            .join(SubsidyGrant, SubsidyGrant.id == Instalment.grant_id)
            .where(SubsidyGrant.policy_id == policy_id, Instalment.posted.is_(False),
                   Instalment.cancelled.is_(False))):
        future[gid].append((due, amount))
    policy_years = session.scalar(select(SubsidyPolicy.service_years).where(SubsidyPolicy.id == policy_id))
    for gid, total, rule, arrival, service_years, end, waiver in session.execute(
            select(SubsidyGrant.id, SubsidyGrant.approved_total_fen, SubsidyGrant.clawback_rule, Talent.arrival_date,
                   Talent.service_years, Talent.service_end_date, Talent.clawback_waiver_reason)
            .join(Talent, Talent.id == SubsidyGrant.talent_id)
            .where(SubsidyGrant.policy_id == policy_id, Talent.status == E.TalentStatus.ACTIVE.value,
                   SubsidyGrant.status.in_((E.GrantStatus.ACTIVE.value, E.GrantStatus.SUSPENDED.value,
                                            E.GrantStatus.COMPLETED.value)),
                   SubsidyGrant.clawback_rule != E.ClawbackRule.NONE.value)):
        # the commitment the ledger will count on departure: the policy's 服务期 when it sets one, else the talent's
        service_years = policy_years or service_years
        end = add_months(arrival, 12 * policy_years) if policy_years else (end or add_months(arrival, 12 * service_years))
        if end <= as_of:
            continue
        already = -int(paid.get(gid) or 0)
        for y, mid, p_leave in _leaving(ret, arrival, as_of, end, years):
            by_then = already + sum(a for d, a in future[gid] if d <= mid)
            owed = clawback_amount(rule=rule, total_fen=total, paid_fen=by_then, arrival=arrival, departure=mid,
                                   service_years=service_years)
            acc[y] += owed * p_leave
    return acc


def _scenario(session: Session, name: str, p: SubsidyPolicy | None, terms: Terms, as_of: dt.date,
              years: tuple[int, ...], ret: _Retention, committed: dict[int, int], existing_claw: dict[int, float],
              budgets: dict[int, int]) -> Scenario:
    pid = p.id if p is not None else None
    valid_from = p.valid_from if p is not None else as_of
    acc = {"pay": defaultdict(float), "claw": defaultdict(float)}
    new_acc = {"pay": defaultdict(float), "claw": defaultdict(float)}
    # talents here now who would qualify and hold no grant of the policy (nor one it excludes)
    barred = [pid, *eligibility.excluded_policy_ids(session, pid)] if pid is not None else []
    stmt = (select(Talent.id, Talent.tier_code, Talent.education, Talent.arrival_date, Talent.birth_date,
                   Talent.intro_mode, Talent.service_years, Employer.kind)
            .outerjoin(Employer, Employer.id == Talent.employer_id)
            .where(Talent.status == E.TalentStatus.ACTIVE.value, Talent.arrival_date <= as_of))
    if barred:
        stmt = stmt.where(Talent.id.not_in(select(SubsidyGrant.talent_id).where(SubsidyGrant.policy_id.in_(barred))))
    newly = 0
    for _tid, tier, edu, arrival, birth, mode, syears, kind in session.execute(stmt):
        amount = _qualifies(terms, tier, edu, arrival, birth, mode, syears, kind)
        if amount is None:
            continue
        newly += 1
        # granted now: what would already have fallen due is paid at the start of the first simulated year
        start = max(arrival, valid_from, dt.date(years[0], 1, 1))
        _expected_grant(new_acc, terms, amount, start, arrival, as_of, syears, years, ret)
    # expected arrivals: the last three full years again, shifted into each coming year
    first_year = as_of.year - ARRIVAL_YEARS
    history = session.execute(
        select(Talent.tier_code, Talent.education, Talent.arrival_date, Talent.birth_date, Talent.intro_mode,
               Talent.service_years, Employer.kind)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
        .where(Talent.arrival_date >= dt.date(first_year, 1, 1), Talent.arrival_date <= dt.date(as_of.year - 1, 12, 31))
    ).all()
    qualifying = 0.0
    for y in years:
        for tier, edu, arrival, birth, mode, syears, kind in history:
            shift = y - arrival.year
            try:
                moved = arrival.replace(year=arrival.year + shift)
            except ValueError:  # 29 February
                moved = arrival.replace(year=arrival.year + shift, day=28)
            moved_birth = None if birth is None else add_months(birth, 12 * shift)
            amount = _qualifies(terms, tier, edu, moved, moved_birth, mode, syears, kind)
            if amount is None:
                continue
            if y == years[0]:
                qualifying += 1 / ARRIVAL_YEARS
            one = {"pay": defaultdict(float), "claw": defaultdict(float)}
            _expected_grant(one, terms, amount, moved, moved, moved, syears, years, ret)
            for k in ("pay", "claw"):
                for yy, v in one[k].items():
                    acc[k][yy] += v / ARRIVAL_YEARS
    lines = []
    for y in years:
        lines.append(YearLine(
            year=y, committed_fen=committed.get(y, 0), newly_qualifying_fen=round(new_acc["pay"][y]),
            arrivals_fen=round(acc["pay"][y]),
            clawback_fen=round(existing_claw.get(y, 0.0) + new_acc["claw"][y] + acc["claw"][y]),
            budget_fen=budgets.get(y, 0)))
    return Scenario(name, terms, tuple(lines), newly, round(qualifying, 2))


@operation(Permission.LEDGER_READ)
def simulate(session: Session, *, policy_id: int | None, changes: Mapping[str, str] | None = None,
             as_of: dt.date, years: int = 5, new_policy: Mapping[str, str] | None = None) -> Simulation:
    """Simulate `policy_id` as it stands and with `changes`. With `policy_id` None, `new_policy` gives a new
    policy's kind and name (the current scenario is then "no policy": nothing)."""
    if not 1 <= int(years) <= 15:
        raise ValidationError(translate("Simulation", "Simulate between 1 and 15 years."), field="years")
    changes = dict(changes or {})
    ys = tuple(range(as_of.year + 1, as_of.year + 1 + int(years)))
    ret = _Retention(session, as_of)
    if policy_id is not None:
        p = session.get(SubsidyPolicy, policy_id)
        if p is None:
            raise ValidationError(translate("Policies", "Policy {id} does not exist.").format(id=policy_id),
                                  field="policy")
        base, kind, name = _terms(session, p), p.kind, p.name
        committed = _committed(session, p.id, ys)
        existing_claw = _existing_clawback(session, p.id, as_of, ys, ret)
    else:
        new = dict(new_policy or {})
        kind = new.get("kind", E.PolicyKind.OTHER.value)
        if kind not in E.values(E.PolicyKind):
            raise ValidationError(translate("Simulation", "Choose the kind of subsidy."), field="kind")
        name = new.get("name") or translate("Simulation", "New policy")
        if "amount" not in changes and "amount_scale" not in changes:
            raise ValidationError(translate("Simulation", "A new policy needs an amount (amount=…)."),
                                  field="amount")
        p = None
        base = Terms((), E.InstalmentMode.LUMP_SUM.value, 1, E.ClawbackRule.PRO_RATA.value, None, (), (),
                     eligibility.Rules())
        committed, existing_claw = {}, {}
    budgets = {y: int(a) for y, a in session.execute(
        select(Budget.fiscal_year, Budget.amount_fen).where(Budget.policy_kind == kind,
                                                            Budget.fiscal_year.in_(ys)))}
    changed = apply_changes(base, changes)
    if p is None:
        current = Scenario(translate("Simulation", "No policy"), base,
                           tuple(YearLine(y, 0, 0, 0, 0, budgets.get(y, 0)) for y in ys), 0, 0.0)
    else:
        current = _scenario(session, translate("Simulation", "Current policy"), p, base, as_of, ys, ret, committed,
                            existing_claw, budgets)
    simulated = (_scenario(session, translate("Simulation", "Simulated policy"), p, changed, as_of, ys, ret,
                           committed, existing_claw, budgets) if changes or p is None else
                 replace(current, name=translate("Simulation", "Simulated policy")))
    arrivals = session.scalar(select(func.count()).select_from(Talent).where(
        Talent.arrival_date >= dt.date(as_of.year - ARRIVAL_YEARS, 1, 1),
        Talent.arrival_date <= dt.date(as_of.year - 1, 12, 31))) or 0
    notes = (translate("Simulation", "Grants already made keep their terms; changes apply to new grants."),
             translate("Simulation", "Arrivals: {n} a year (the average of {first}–{last}).").format(
                 n=f"{arrivals / ARRIVAL_YEARS:.1f}", first=as_of.year - ARRIVAL_YEARS, last=as_of.year - 1))
    return Simulation(policy_id, name, kind, as_of, ys, arrivals / ARRIVAL_YEARS, changes, current, simulated, notes)


# ------------------------------------------------------------------ exports

def write_xlsx(sim: Simulation, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = translate("Simulation", "Side by side")[:31]
    bold = Font(bold=True)
    ws.append([translate("Simulation", "Policy simulation: {policy}").format(policy=sim.policy_name)])
    ws.append([translate("Simulation", "Changes: {changes}").format(changes=describe_changes(sim))])
    ws.append([translate("Simulation", "As of {date}; amounts in yuan.").format(date=sim.as_of.isoformat())])
    ws.append([])
    start = ws.max_row + 1
    ws.append([translate("Simulation", "Year"), translate("Simulation", "Current: net outlay"),
               translate("Simulation", "Simulated: net outlay"), translate("Simulation", "Difference"),
               translate("Simulation", "Budget")])
    for a, b in zip(sim.current.years, sim.simulated.years):
        ws.append([a.year, a.total_fen / 100, b.total_fen / 100, (b.total_fen - a.total_fen) / 100, a.budget_fen / 100])
    for c in ws[start]:
        c.font = bold
    chart = BarChart()
    chart.title = translate("Simulation", "Net outlay by year")
    data = Reference(ws, min_col=2, max_col=3, min_row=start, max_row=ws.max_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=start + 1, max_row=ws.max_row))
    ws.add_chart(chart, f"G{start}")
    for scenario in (sim.current, sim.simulated):
        sh = wb.create_sheet(scenario.name[:31])
        sh.append(headers())
        for c in sh[1]:
            c.font = bold
        for y in scenario.years:
            sh.append([y.year, *(v / 100 for v in _line_values(y))])
        sh.append([translate("Simulation", "Total"), *(sum(_line_values(y)[i] for y in scenario.years) / 100
                                                       for i in range(7))])
        for row in sh.iter_rows(min_row=2, min_col=2):
            for c in row:
                c.number_format = "#,##0.00"
    notes = wb.create_sheet(translate("Simulation", "Method")[:31])
    for n in sim.notes:
        notes.append([n])
    notes.append([translate("Simulation", "Payments to newly qualifying talents and arrivals are weighted by the "
                                          "county's retention curve; clawback is the expected amount owed back.")])
    write_or_refuse(lambda: wb.save(path), translate("Simulation", "The file could not be written: {error}"))


@operation(Permission.LEDGER_READ, writes=True, changes=(Change.AUDIT,))
def export_simulation(session: Session, *, path: str, policy_id: int | None, changes: Mapping[str, str],
                      as_of: dt.date, years: int = 5, new_policy: Mapping[str, str] | None = None) -> Path:
    """Write the simulation to .xlsx or .pdf (by the file name) and record the export in the audit trail."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise InputFileError(translate("Simulation", "Choose a file name ending in .xlsx or .pdf."))
    sim = simulate(session, policy_id=policy_id, changes=changes, as_of=as_of, years=years, new_policy=new_policy)
    if suffix == ".xlsx":
        write_xlsx(sim, target)
    else:
        from talentdesk.reports import simulation as report
        from talentdesk.services.common.settings import get_setting

        report.build(sim, target, office=str(get_setting(session, "office_name")),
                     font=get_setting(session, "certificate_font") or None)
    record_event(session, E.AuditAction.EXPORT, summary=f"policy simulation ({sim.policy_name}) → {target.name}")
    return target


__all__ = ["Simulation", "Scenario", "YearLine", "simulate", "apply_changes", "parse_settings", "export_simulation",
           "FIELDS", "format_yuan"]


def select_policies(session: Session) -> list[tuple[int, str]]:
    """(id, kind) of every policy, in order."""
    return list(session.execute(select(SubsidyPolicy.id, SubsidyPolicy.kind).order_by(SubsidyPolicy.id)).all())
