"""Why people leave (留才生存分析): Kaplan–Meier retention curves by arrival cohort, tier, employer and each pillar of
the county's retention work (a mentor, an apartment, a spouse placement, subsidies paid on time), with the
number at risk, 95% bands and a log-rank test; and the leavers by their coded reason.

Time is whole months from arrival. A talent who left is an event at the month they left; a talent still here
is censored at `as_of`. The pillar groups compare talents who ever had the support with those who never did
(before they left or by `as_of`): a plain comparison, not a causal estimate — talents who stay longer have
more time to be given a mentor or a flat, which favours the "with" group (see the help page).
"""
from __future__ import annotations

import datetime as dt
import enum
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.enums import AuditAction
from talentdesk.domain.errors import InputFileError, ValidationError
from talentdesk.domain.models import CareCase, Employer, ExitReason, LedgerEntry, Pairing, Talent, Tier
from talentdesk.domain.survival import at_risk_table, kaplan_meier, log_rank
from talentdesk.domain.values import add_months, months_between
from talentdesk.i18n import current_language, translate
from talentdesk.services.base import Change, Permission, operation, record_event
from talentdesk.store.files import write_or_refuse

LATE_DAYS = 30          # an instalment paid more than this many days after it fell due was paid late
RISK_TIMES = (0, 12, 24, 36, 48, 60)  # months at which the table shows the number at risk
MAX_GROUPS = 12         # employers beyond the twelve largest are pooled as "other employers"


class GroupBy(enum.StrEnum):
    COHORT = "cohort"
    TIER = "tier"
    EMPLOYER = "employer"
    MENTOR = "mentor"
    APARTMENT = "apartment"
    SPOUSE = "spouse"
    SUBSIDIES = "subsidies"


@dataclass(frozen=True, slots=True)
class CurvePoint:
    t: int            # months since arrival
    survival: float
    at_risk: int
    events: int
    lower: float
    upper: float


@dataclass(frozen=True)
class SurvivalGroup:
    key: str
    name: str
    n: int
    left: int
    median_months: int | None
    points: tuple[CurvePoint, ...]
    at_risk: tuple[int, ...]          # at RISK_TIMES
    survival_at: tuple[float | None, ...]  # at 12, 36, 60 months (None beyond the longest follow-up)


@dataclass(frozen=True)
class SurvivalReport:
    as_of: dt.date
    by: str
    groups: tuple[SurvivalGroup, ...]
    risk_times: tuple[int, ...]
    chi2: float | None
    df: int | None
    p_value: float | None


@dataclass(frozen=True)
class _Subject:
    talent_id: int
    arrival: dt.date
    end: dt.date
    left: bool
    tier: str
    employer_id: int | None


def _subjects(session: Session, as_of: dt.date) -> list[_Subject]:
    rows = session.execute(select(Talent.id, Talent.arrival_date, Talent.departure_date, Talent.tier_code,
                                  Talent.employer_id).where(Talent.arrival_date <= as_of))
    out = []
    for tid, arrival, left_on, tier, emp in rows:
        left = left_on is not None and left_on <= as_of
        out.append(_Subject(tid, arrival, left_on if left else as_of, left, tier, emp))
    return out


def _ids_with(session: Session, stmt) -> set[int]:
    return set(session.scalars(stmt))


def _late_payers(session: Session, subjects: dict[int, _Subject]) -> tuple[set[int], set[int]]:
    """(talents with any instalment paid more than LATE_DAYS after it fell due, or still unpaid that long,
    talents with at least one instalment due). Reversed payments do not count as paid."""
    reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
    paid = {(g, seq): d for g, seq, d in session.execute(
        select(LedgerEntry.grant_id, LedgerEntry.instalment_seq, func.min(LedgerEntry.entry_date))
        .where(LedgerEntry.kind == E.EntryKind.PAYMENT.value, LedgerEntry.id.not_in(reversed_ids))
        .group_by(LedgerEntry.grant_id, LedgerEntry.instalment_seq))}
    late, due = set(), set()
    for g, tid, seq, due_on in session.execute(
            select(LedgerEntry.grant_id, LedgerEntry.talent_id, LedgerEntry.instalment_seq, LedgerEntry.entry_date)
            .where(LedgerEntry.kind == E.EntryKind.DUE.value, LedgerEntry.id.not_in(reversed_ids))):
        sub = subjects.get(tid)
        if sub is None or due_on > sub.end:
            continue
        due.add(tid)
        paid_on = paid.get((g, seq))
        waited = ((paid_on if paid_on is not None else sub.end) - due_on).days
        if waited > LATE_DAYS:
            late.add(tid)
    return late, due


def _grouping(session: Session, by: GroupBy, subjects: list[_Subject], as_of: dt.date) -> tuple[dict[int, str], list[tuple[str, str]]]:
    """(talent id → group key, [(key, display name)] in display order)."""
    en = current_language() == "en"
    if by is GroupBy.COHORT:
        keys = {s.talent_id: str(s.arrival.year) for s in subjects}
        years = sorted(set(keys.values()))
        return keys, [(y, y) for y in years]
    if by is GroupBy.TIER:
        tiers = [(c, (ne if en and ne else n)) for c, n, ne in
                 session.execute(select(Tier.code, Tier.name, Tier.name_en).order_by(Tier.sort_order, Tier.code))]
        return {s.talent_id: s.tier for s in subjects}, [(c, f"{c} {n}") for c, n in tiers]
    if by is GroupBy.EMPLOYER:
        sizes: dict[int | None, int] = defaultdict(int)
        for s in subjects:
            sizes[s.employer_id] += 1
        largest = [e for e, _n in sorted(sizes.items(), key=lambda kv: -kv[1]) if e is not None][:MAX_GROUPS]
        names = dict(session.execute(select(Employer.id, Employer.name).where(Employer.id.in_(largest))).all())
        other = translate("Survival", "Other employers")
        keys = {s.talent_id: (str(s.employer_id) if s.employer_id in names else "other") for s in subjects}
        order = [(str(e), names[e]) for e in largest]
        if "other" in keys.values():
            order.append(("other", other))
        return keys, order
    if by is GroupBy.MENTOR:
        ids = _ids_with(session, select(Pairing.talent_id).where(Pairing.start_date <= as_of).distinct())
        names = (translate("Survival", "With a mentor"), translate("Survival", "Never had a mentor"))
    elif by is GroupBy.APARTMENT:
        ids = _ids_with(session, select(CareCase.talent_id).where(
            CareCase.kind == E.CareKind.HOUSING.value, CareCase.move_in_date.is_not(None),
            CareCase.move_in_date <= as_of).distinct())
        names = (translate("Survival", "Lived in a talent apartment"), translate("Survival", "Never in an apartment"))
    elif by is GroupBy.SPOUSE:
        ids = _ids_with(session, select(CareCase.talent_id).where(
            CareCase.kind == E.CareKind.SPOUSE_JOB.value, CareCase.status == E.CaseStatus.CLOSED.value,
            CareCase.closed_on <= as_of).distinct())
        names = (translate("Survival", "Spouse placed in a job"), translate("Survival", "No spouse placement"))
    else:
        late, due = _late_payers(session, {s.talent_id: s for s in subjects})
        keys = {s.talent_id: ("none" if s.talent_id not in due else "late" if s.talent_id in late else "on_time")
                for s in subjects}
        return keys, [("on_time", translate("Survival", "Subsidies paid on time")),
                      ("late", translate("Survival", "Paid late or still owed")),
                      ("none", translate("Survival", "No instalment due"))]
    return ({s.talent_id: ("with" if s.talent_id in ids else "without") for s in subjects},
            [("with", names[0]), ("without", names[1])])


def parse_group_by(value: str) -> GroupBy:
    try:
        return GroupBy(str(value).strip().lower())
    except ValueError:
        raise ValidationError(translate("Survival", "Group by one of: {choices}.").format(
            choices=", ".join(g.value for g in GroupBy)), field="by") from None


@operation(Permission.GROWTH_READ)
def survival_report(session: Session, *, as_of: dt.date, by: str = GroupBy.COHORT.value) -> SurvivalReport:
    """Kaplan–Meier curves of months in the county for each group, and the log-rank test across the groups."""
    group_by = parse_group_by(by)
    subjects = _subjects(session, as_of)
    keys, order = _grouping(session, group_by, subjects, as_of)
    data: dict[str, tuple[list[int], list[bool]]] = {k: ([], []) for k, _n in order}
    for s in subjects:
        durs, evs = data.setdefault(keys[s.talent_id], ([], []))
        durs.append(months_between(s.arrival, s.end))
        evs.append(s.left)
    groups = []
    for key, name in order:
        durs, evs = data[key]
        if not durs:
            continue
        curve = kaplan_meier(durs, evs)
        longest = max(durs)
        points = tuple(CurvePoint(int(p.t), p.survival, p.at_risk, p.events, p.lower, p.upper) for p in curve.points)
        groups.append(SurvivalGroup(
            key=key, name=name, n=curve.n, left=curve.events,
            median_months=None if curve.median is None else int(curve.median), points=points,
            at_risk=at_risk_table(durs, RISK_TIMES),
            survival_at=tuple(curve.at(m) if m <= longest else None for m in (12, 36, 60)),
        ))
    test = log_rank([data[g.key] for g in groups])
    return SurvivalReport(as_of, group_by.value, tuple(groups), RISK_TIMES,
                          None if test is None else test.chi2, None if test is None else test.df,
                          None if test is None else test.p_value)


# ------------------------------------------------------------------ leavers by reason

@dataclass(frozen=True, slots=True)
class LeaverRow:
    code: str
    name: str
    left: int
    within_commitment: int
    median_months: float | None
    share: float


@dataclass(frozen=True)
class LeaversReport:
    first: dt.date
    last: dt.date
    total: int
    rows: tuple[LeaverRow, ...]


@operation(Permission.GROWTH_READ)
def leavers_by_reason(session: Session, *, first: dt.date, last: dt.date) -> LeaversReport:
    """Departures dated from `first` to `last` by coded reason: how many, how many within their service commitment,
    and the median months they served. Departures recorded before reasons were coded show as "not coded"."""
    if last < first:
        raise ValidationError(translate("Survival", "The period cannot end before it starts."), field="last")
    en = current_language() == "en"
    reasons = {rid: (code, (ne if en and ne else n), order) for rid, code, n, ne, order in session.execute(
        select(ExitReason.id, ExitReason.code, ExitReason.name, ExitReason.name_en, ExitReason.sort_order))}
    served: dict[int | None, list[int]] = defaultdict(list)
    within: dict[int | None, int] = defaultdict(int)
    for rid, arrival, left_on, end, years in session.execute(
            select(Talent.exit_reason_id, Talent.arrival_date, Talent.departure_date, Talent.service_end_date,
                   Talent.service_years)
            .where(Talent.departure_date.is_not(None), Talent.departure_date >= first, Talent.departure_date <= last)):
        served[rid].append(months_between(arrival, left_on))
        within[rid] += left_on < (end or add_months(arrival, 12 * years))
    total = sum(len(v) for v in served.values())
    rows = []
    for rid in sorted(served, key=lambda r: (r is None, -len(served[r]), reasons.get(r, ("", "", 0))[2])):
        code, name, _o = reasons.get(rid, ("", translate("Survival", "(not coded)"), 0))
        months = served[rid]
        rows.append(LeaverRow(code, name, len(months), within[rid], float(median(months)) if months else None,
                              len(months) / total if total else 0.0))
    return LeaversReport(first, last, total, tuple(rows))


# ------------------------------------------------------------------ export

@operation(Permission.GROWTH_READ, writes=True, changes=(Change.AUDIT,))
def export_survival_xlsx(session: Session, *, path: str, as_of: dt.date, by: str, first: dt.date,
                         last: dt.date) -> Path:
    """The curves (one sheet: group, month, survival, band, at risk), the summary and the leavers by reason."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise InputFileError(translate("Survival", "Choose a file name ending in .xlsx."))
    report = survival_report(session, as_of=as_of, by=by)
    leavers = leavers_by_reason(session, first=first, last=last)
    bold = Font(bold=True)
    wb = Workbook()
    ws = wb.active
    ws.title = translate("Survival", "Summary")[:31]
    ws.append([translate("Survival", "Group"), translate("Survival", "Talents"), translate("Survival", "Left"),
               translate("Survival", "Median months"), translate("Survival", "After 1 year"),
               translate("Survival", "After 3 years"), translate("Survival", "After 5 years"),
               *(translate("Survival", "At risk at {m} months").format(m=m) for m in report.risk_times)])
    for g in report.groups:
        ws.append([g.name, g.n, g.left, g.median_months, *g.survival_at, *g.at_risk])
        for col in (5, 6, 7):
            ws.cell(ws.max_row, col).number_format = "0.0%"
    if report.chi2 is not None:
        ws.append([])
        ws.append([translate("Survival", "Log-rank test"), f"χ² = {report.chi2:.2f}", f"df = {report.df}",
                   f"p = {report.p_value:.4f}"])
    ws = wb.create_sheet(translate("Survival", "Curves")[:31])
    ws.append([translate("Survival", "Group"), translate("Survival", "Months"), translate("Survival", "Survival"),
               translate("Survival", "Lower 95%"), translate("Survival", "Upper 95%"),
               translate("Survival", "At risk"), translate("Survival", "Left")])
    for g in report.groups:
        for p in g.points:
            ws.append([g.name, p.t, round(p.survival, 4), round(p.lower, 4), round(p.upper, 4), p.at_risk, p.events])
    ws = wb.create_sheet(translate("Survival", "Leavers by reason")[:31])
    ws.append([translate("Survival", "Reason"), translate("Survival", "Left"),
               translate("Survival", "Within the service commitment"), translate("Survival", "Median months served"),
               translate("Survival", "Share")])
    for r in leavers.rows:
        ws.append([r.name, r.left, r.within_commitment, r.median_months, r.share])
        ws.cell(ws.max_row, 5).number_format = "0.0%"
    for sheet in wb.worksheets:
        for c in sheet[1]:
            c.font = bold
        sheet.column_dimensions["A"].width = 26
    write_or_refuse(lambda: wb.save(target), translate("Survival", "The file could not be written: {error}"))
    record_event(session, AuditAction.EXPORT, summary=f"survival curves ({report.by}) → {target.name}")
    return target
