"""The annual report pack (年度报表): the 目标责任制考核 indicator table, the 财政资金绩效自评 table and the statistics
tables for one year, with the cross-table checks the office reads before it sends the pack out.

Indicators — names, targets, weights and units — are data the office edits (setting `annual_indicators`);
each either names a measure the program computes from the records (`metric`) or takes the figure the office
enters for the year (setting `annual_actuals_<year>`, e.g. a satisfaction survey). An entered figure also
overrides a computed one, which is exactly where a pack can come to disagree with itself: the checks compare
every indicator with the statistics tables it must match.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import InputFileError, ValidationError
from talentdesk.domain.models import (
    Budget,
    CareCase,
    Employer,
    LedgerEntry,
    Pairing,
    SubsidyGrant,
    Talent,
    Tier,
)
from talentdesk.domain.values import add_months
from talentdesk.i18n import current_language, translate
from talentdesk.services.base import Change, Permission, operation, record_event
from talentdesk.services.common.settings import get_setting
from talentdesk.domain.labels import join_list

TARGET, PERFORMANCE = "target", "performance"
OUTPUT, EFFECT, SATISFACTION = "output", "effect", "satisfaction"

# the office's starting point; what it saves replaces this (setting "annual_indicators")
DEFAULT_INDICATORS: dict[str, list[dict]] = {
    TARGET: [
        {"code": "T1", "name": "引进人才总数", "name_en": "Talents introduced", "metric": "arrivals", "target": 300,
         "unit": "人", "weight": 20},
        {"code": "T2", "name": "引进高层次人才（A–C类）", "name_en": "High-level talents introduced (tiers A–C)",
         "metric": "arrivals_abc", "target": 60, "unit": "人", "weight": 15},
        {"code": "T3", "name": "人才留存率", "name_en": "Retention rate", "metric": "retention", "target": 90,
         "unit": "%", "weight": 20},
        {"code": "T4", "name": "补贴资金执行率", "name_en": "Subsidies paid against budget", "metric": "budget_use",
         "target": 95, "unit": "%", "weight": 15},
        {"code": "T5", "name": "培训覆盖率", "name_en": "Training coverage", "metric": "training", "target": 80,
         "unit": "%", "weight": 10},
        {"code": "T6", "name": "导师结对覆盖率", "name_en": "Mentor coverage", "metric": "mentors", "target": 90,
         "unit": "%", "weight": 10},
        {"code": "T7", "name": "关爱服务办结率", "name_en": "Care cases closed", "metric": "care_closed",
         "target": 85, "unit": "%", "weight": 10},
    ],
    PERFORMANCE: [
        {"code": "P1", "category": OUTPUT, "name": "补贴发放人数", "name_en": "Talents paid a subsidy",
         "metric": "paid_people", "target": 800, "unit": "人"},
        {"code": "P2", "category": OUTPUT, "name": "补贴发放金额", "name_en": "Subsidies paid",
         "metric": "paid_amount", "target": 3000, "unit": "万元"},
        {"code": "P3", "category": OUTPUT, "name": "补贴按时发放率", "name_en": "Instalments paid on time",
         "metric": "on_time", "target": 95, "unit": "%"},
        {"code": "P4", "category": EFFECT, "name": "服务期内离开人数", "name_en": "Left within the commitment",
         "metric": "left_within", "target": 20, "unit": "人", "lower_is_better": True},
        {"code": "P5", "category": EFFECT, "name": "人才留存率", "name_en": "Retention rate", "metric": "retention",
         "target": 90, "unit": "%"},
        {"code": "P6", "category": SATISFACTION, "name": "引进人才满意度", "name_en": "Talents' satisfaction",
         "metric": "", "target": 90, "unit": "%"},
    ],
}


@dataclass(frozen=True)
class IndicatorRow:
    table: str
    code: str
    category: str
    name: str
    target: float
    unit: str
    weight: float
    actual: float | None
    entered: bool                  # the actual was entered by the office (not computed)
    met: bool | None
    score: float | None            # target table: weight when met, weight × actual/target otherwise


@dataclass(frozen=True)
class StatTable:
    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple, ...]


@dataclass(frozen=True)
class Check:
    ok: bool
    text: str


@dataclass(frozen=True)
class AnnualPack:
    year: int
    office: str
    target: tuple[IndicatorRow, ...]
    performance: tuple[IndicatorRow, ...]
    statistics: tuple[StatTable, ...]
    checks: tuple[Check, ...] = field(default_factory=tuple)
    metrics: dict = field(default_factory=dict)

    @property
    def problems(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.ok)

    @property
    def score(self) -> float:
        return round(sum(r.score or 0 for r in self.target), 2)


# ------------------------------------------------------------------ the measures

def _year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _pct(a: float, b: float) -> float | None:
    return None if not b else round(100.0 * a / b, 2)


def measures(session: Session, year: int) -> dict:
    """Every figure the indicators and the statistics tables are built from (one place, so they agree)."""
    first, last = _year(year)
    m: dict = {}
    by_tier = dict(session.execute(select(Talent.tier_code, func.count()).where(
        Talent.arrival_date >= first, Talent.arrival_date <= last).group_by(Talent.tier_code)).all())
    m["arrivals_by_tier"] = by_tier
    m["arrivals"] = sum(by_tier.values())
    m["arrivals_abc"] = sum(v for k, v in by_tier.items() if k in ("A", "B", "C"))
    here_at_start = session.scalar(select(func.count()).select_from(Talent).where(
        Talent.arrival_date < first, (Talent.departure_date.is_(None)) | (Talent.departure_date >= first))) or 0
    left_in_year = session.scalar(select(func.count()).select_from(Talent).where(
        Talent.arrival_date < first, Talent.departure_date >= first, Talent.departure_date <= last)) or 0
    m["here_at_start"], m["left_of_those"] = here_at_start, left_in_year
    m["retention"] = _pct(here_at_start - left_in_year, here_at_start)
    departures = session.execute(select(Talent.exit_reason_id, Talent.departure_date, Talent.service_end_date,
                                        Talent.arrival_date, Talent.service_years).where(
        Talent.departure_date >= first, Talent.departure_date <= last)).all()
    m["departures"] = len(departures)
    m["left_within"] = sum(1 for _rid, left, end, arrival, years in departures
                           if left < (end or add_months(arrival, 12 * years)))
    target = LedgerEntry.__table__.alias("target")
    eff = func.coalesce(target.c.kind, LedgerEntry.kind)
    paid_rows = session.execute(
        select(SubsidyGrant.policy_kind, func.sum(LedgerEntry.amount_fen), func.count(func.distinct(
            LedgerEntry.talent_id))).select_from(LedgerEntry)
        .outerjoin(target, target.c.id == LedgerEntry.reverses_id)
        .join(SubsidyGrant, SubsidyGrant.id == LedgerEntry.grant_id)
        .where(LedgerEntry.fiscal_year == year, eff == "payment").group_by(SubsidyGrant.policy_kind)).all()
    m["paid_by_kind"] = {k: -int(a or 0) for k, a, _n in paid_rows}
    m["paid_fen"] = sum(m["paid_by_kind"].values())
    m["paid_amount"] = round(m["paid_fen"] / 1_000_000, 2)  # 万元
    m["paid_people"] = session.scalar(
        select(func.count(func.distinct(LedgerEntry.talent_id))).select_from(LedgerEntry)
        .outerjoin(target, target.c.id == LedgerEntry.reverses_id)
        .where(LedgerEntry.fiscal_year == year, eff == "payment")) or 0
    m["budget_by_kind"] = dict(session.execute(select(Budget.policy_kind, Budget.amount_fen).where(
        Budget.fiscal_year == year)).all())
    m["budget_fen"] = sum(m["budget_by_kind"].values())
    m["budget_use"] = _pct(m["paid_fen"], m["budget_fen"])
    # on time: instalments that fell due in the year, paid within 30 days
    reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
    paid_on = {(g, s): d for g, s, d in session.execute(
        select(LedgerEntry.grant_id, LedgerEntry.instalment_seq, func.min(LedgerEntry.entry_date))
        .where(LedgerEntry.kind == "payment", LedgerEntry.id.not_in(reversed_ids))
        .group_by(LedgerEntry.grant_id, LedgerEntry.instalment_seq))}
    due = session.execute(select(LedgerEntry.grant_id, LedgerEntry.instalment_seq, LedgerEntry.entry_date).where(
        LedgerEntry.kind == "due", LedgerEntry.entry_date >= first, LedgerEntry.entry_date <= last,
        LedgerEntry.id.not_in(reversed_ids))).all()
    on_time = sum(1 for g, s, d in due if (p := paid_on.get((g, s))) is not None and (p - d).days <= 30)
    m["due_count"], m["on_time_count"] = len(due), on_time
    m["on_time"] = _pct(on_time, len(due))
    from talentdesk.services.growth import training

    cov = training.coverage(session, year=year)
    m["training"] = _pct(cov.total.completed, cov.total.active)
    active_end = (Talent.arrival_date <= last) & ((Talent.departure_date.is_(None)) | (Talent.departure_date > last))
    active_n = session.scalar(select(func.count()).select_from(Talent).where(active_end)) or 0
    paired = session.scalar(select(func.count(func.distinct(Pairing.talent_id))).join(
        Talent, Talent.id == Pairing.talent_id).where(
        active_end, Pairing.start_date <= last, (Pairing.end_date.is_(None)) | (Pairing.end_date > last))) or 0
    m["active_at_end"], m["paired_at_end"] = active_n, paired
    m["mentors"] = _pct(paired, active_n)
    opened = session.scalar(select(func.count()).select_from(CareCase).where(
        CareCase.opened_on >= first, CareCase.opened_on <= last)) or 0
    closed = session.scalar(select(func.count()).select_from(CareCase).where(
        CareCase.opened_on >= first, CareCase.opened_on <= last, CareCase.closed_on.is_not(None),
        CareCase.closed_on <= last)) or 0
    m["care_opened"], m["care_closed_n"] = opened, closed
    m["care_closed"] = _pct(closed, opened)
    return m


# ------------------------------------------------------------------ indicators as data

def indicator_definitions(session: Session) -> dict[str, list[dict]]:
    import copy

    saved = get_setting(session, "annual_indicators")
    return copy.deepcopy(saved if isinstance(saved, dict) and saved.get(TARGET) else DEFAULT_INDICATORS)


def entered_actuals(session: Session, year: int) -> dict[str, float]:
    saved = get_setting(session, f"annual_actuals_{year}")
    return {str(k): float(v) for k, v in (saved or {}).items()}


def _check_definitions(defs: dict) -> None:
    for table in (TARGET, PERFORMANCE):
        for d in defs.get(table, []):
            if not str(d.get("code", "")).strip() or not str(d.get("name", "")).strip():
                raise ValidationError(translate("AnnualReport", "Every indicator needs a code and a name."),
                                      field="indicators")
            try:
                float(d.get("target", 0))
                float(d.get("weight", 0) or 0)
            except (TypeError, ValueError):
                raise ValidationError(translate("AnnualReport", "Indicator {code}: the target and the weight are "
                                                                "numbers.").format(code=d.get("code")),
                                      field="indicators") from None
            if d.get("category", OUTPUT) not in (OUTPUT, EFFECT, SATISFACTION):
                raise ValidationError(translate("AnnualReport", "Indicator {code}: unknown category.").format(
                    code=d.get("code")), field="indicators")


@operation(Permission.SETTINGS_MANAGE, writes=True, changes=(Change.SETTINGS,))
def save_indicators(session: Session, *, definitions: dict) -> None:
    """Replace the indicator definitions (names, targets, weights, units, measures)."""
    from talentdesk.services.common.settings import set_setting

    _check_definitions(definitions)
    set_setting.__wrapped__(session, key="annual_indicators", value=definitions)


@operation(Permission.GROWTH_WRITE, writes=True, changes=(Change.SETTINGS,))
def enter_actual(session: Session, *, year: int, code: str, value: float | None) -> None:
    """Enter (or, with None, clear) the office's own figure for one indicator and year."""
    from talentdesk.services.common.settings import set_setting

    codes = {d["code"] for t in indicator_definitions(session).values() for d in t}
    if code not in codes:
        raise ValidationError(translate("AnnualReport", "Unknown indicator {code}.").format(code=code), field="code")
    actuals = entered_actuals(session, year)
    if value is None:
        actuals.pop(code, None)
    else:
        actuals[code] = float(value)
    set_setting.__wrapped__(session, key=f"annual_actuals_{year}", value=actuals)


def _name(d: dict) -> str:
    return d.get("name_en") or d["name"] if current_language() == "en" else d["name"]


def _indicator_rows(table: str, defs: list[dict], m: dict, actuals: dict[str, float]) -> tuple[IndicatorRow, ...]:
    rows = []
    for d in defs:
        code, target = str(d["code"]), float(d.get("target", 0))
        entered = code in actuals
        actual = actuals[code] if entered else m.get(d.get("metric") or "")
        actual = None if actual is None else float(actual)
        lower = bool(d.get("lower_is_better"))
        met = None if actual is None else (actual <= target if lower else actual >= target)
        weight = float(d.get("weight", 0) or 0)
        score = None
        if table == TARGET and actual is not None:
            ratio = 1.0 if met else (target / actual if lower and actual else (actual / target if target else 0))
            score = round(weight * min(1.0, max(0.0, ratio)), 2)
        rows.append(IndicatorRow(table, code, d.get("category", ""), _name(d), target, d.get("unit", ""), weight,
                                 actual, entered, met, score))
    return tuple(rows)


# ------------------------------------------------------------------ statistics tables

def _statistics(session: Session, year: int, m: dict) -> tuple[StatTable, ...]:
    from talentdesk.domain.labels import label

    en = current_language() == "en"
    tiers = [(c, (ne if en and ne else n)) for c, n, ne in
             session.execute(select(Tier.code, Tier.name, Tier.name_en).order_by(Tier.sort_order, Tier.code))]
    first, last = _year(year)
    edu_rows = defaultdict(lambda: defaultdict(int))
    for tier, edu, n in session.execute(select(Talent.tier_code, Talent.education, func.count()).where(
            Talent.arrival_date >= first, Talent.arrival_date <= last).group_by(Talent.tier_code, Talent.education)):
        edu_rows[tier][edu] = n
    edus = list(E.values(E.Education))
    arrivals = [(f"{c} {n}", *(edu_rows[c][e] for e in edus), sum(edu_rows[c].values())) for c, n in tiers]
    arrivals.append((translate("AnnualReport", "Total"), *(sum(edu_rows[c][e] for c, _n in tiers) for e in edus),
                     sum(sum(v.values()) for v in edu_rows.values())))
    t1 = StatTable("arrivals", translate("AnnualReport", "Table 1. Talents introduced in {year}, by tier and "
                                                         "education").format(year=year),
                   (translate("AnnualReport", "Tier"), *(label(E.Education, e) for e in edus),
                    translate("AnnualReport", "Total")), tuple(arrivals))
    kinds = sorted(set(m["paid_by_kind"]) | set(m["budget_by_kind"]), key=lambda k: E.values(E.PolicyKind).index(k))
    money = [(label(E.PolicyKind, k), round(m["budget_by_kind"].get(k, 0) / 100, 2),
              round(m["paid_by_kind"].get(k, 0) / 100, 2),
              _fmt_pct(_pct(m["paid_by_kind"].get(k, 0), m["budget_by_kind"].get(k, 0)))) for k in kinds]
    money.append((translate("AnnualReport", "Total"), round(m["budget_fen"] / 100, 2), round(m["paid_fen"] / 100, 2),
                  _fmt_pct(m["budget_use"])))
    t2 = StatTable("money", translate("AnnualReport", "Table 2. Subsidies budgeted and paid in {year} (yuan)").format(
        year=year), (translate("AnnualReport", "Kind"), translate("AnnualReport", "Budget"),
                     translate("AnnualReport", "Paid"), translate("AnnualReport", "Paid against budget")),
        tuple(money))
    from talentdesk.services.growth.survival import leavers_by_reason

    leavers = leavers_by_reason(session, first=first, last=last)
    rows3 = [(r.name, r.left, r.within_commitment) for r in leavers.rows]
    rows3.append((translate("AnnualReport", "Total"), leavers.total, sum(r.within_commitment for r in leavers.rows)))
    t3 = StatTable("departures", translate("AnnualReport", "Table 3. Departures in {year} by reason").format(
        year=year), (translate("AnnualReport", "Reason"), translate("AnnualReport", "Left"),
                     translate("AnnualReport", "Within the service commitment")), tuple(rows3))
    by_kind = session.execute(select(func.coalesce(Employer.kind, ""), func.count()).select_from(Talent).outerjoin(
        Employer, Employer.id == Talent.employer_id).where(
        Talent.arrival_date <= last, (Talent.departure_date.is_(None)) | (Talent.departure_date > last))
        .group_by(func.coalesce(Employer.kind, ""))).all()
    rows4 = [(k or translate("AnnualReport", "(not given)"), n) for k, n in sorted(by_kind, key=lambda r: -r[1])]
    rows4.append((translate("AnnualReport", "Total"), sum(n for _k, n in by_kind)))
    t4 = StatTable("stock", translate("AnnualReport", "Table 4. Talents in the county on 31 December {year}, by kind "
                                                      "of employer").format(year=year),
                   (translate("AnnualReport", "Kind of employer"), translate("AnnualReport", "Talents")),
                   tuple(rows4))
    return t1, t2, t3, t4


def _fmt_pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1f}%"


# ------------------------------------------------------------------ cross-table checks

def cross_checks(pack: AnnualPack) -> tuple[Check, ...]:
    """Every place where two tables of the pack must agree, and the weights that must add up to 100."""
    stats = {t.key: t for t in pack.statistics}
    out: list[Check] = []

    def agree(what: str, a: float | None, b: float | None, where: str) -> None:
        ok = a is None or b is None or abs(float(a) - float(b)) < 0.005
        text = translate("AnnualReport", "{what}: {a} in {where}, {b} in the statistics tables").format(
            what=what, a=_num(a), b=_num(b), where=where)
        out.append(Check(ok, text))

    rows = {r.code: r for r in (*pack.target, *pack.performance)}
    defs = {**{d["code"]: d for d in pack.metrics.get("_defs_target", [])},
            **{d["code"]: d for d in pack.metrics.get("_defs_performance", [])}}
    total_arrivals = stats["arrivals"].rows[-1][-1]
    tier_abc = sum(r[-1] for r in stats["arrivals"].rows[:-1] if str(r[0])[:1] in ("A", "B", "C"))
    paid_total = stats["money"].rows[-1][2]
    left_within = stats["departures"].rows[-1][2]
    for code, r in rows.items():
        metric = defs.get(code, {}).get("metric")
        where = translate("AnnualReport", "indicator {code} {name}").format(code=code, name=r.name)
        if metric == "arrivals":
            agree(translate("AnnualReport", "Talents introduced"), r.actual, total_arrivals, where)
        elif metric == "arrivals_abc":
            agree(translate("AnnualReport", "Tiers A–C introduced"), r.actual, tier_abc, where)
        elif metric == "paid_amount":
            agree(translate("AnnualReport", "Subsidies paid (10,000 yuan)"), r.actual, round(paid_total / 10_000, 2),
                  where)
        elif metric == "left_within":
            agree(translate("AnnualReport", "Left within the commitment"), r.actual, left_within, where)
        elif metric == "retention":
            agree(translate("AnnualReport", "Retention rate"), r.actual, pack.metrics.get("retention"), where)
    # the same measure in both tables must carry the same figure
    by_metric = defaultdict(list)
    for code, r in rows.items():
        if defs.get(code, {}).get("metric"):
            by_metric[defs[code]["metric"]].append(r)
    for metric, same in by_metric.items():
        values = {r.actual for r in same}
        if len(same) > 1:
            out.append(Check(len(values) == 1, translate("AnnualReport", "{codes} report the same measure: {values}")
                             .format(codes=join_list(r.code for r in same),
                                     values=" / ".join(_num(r.actual) for r in same))))
    weights = sum(r.weight for r in pack.target)
    out.append(Check(abs(weights - 100) < 0.005, translate(
        "AnnualReport", "The weights of the target table add up to {w} (must be 100)").format(w=_num(weights))))
    for r in (*pack.target, *pack.performance):
        if r.actual is None:
            out.append(Check(False, translate("AnnualReport", "Indicator {code} {name} has no figure; enter it.")
                             .format(code=r.code, name=r.name)))
    return tuple(out)


def _num(v) -> str:
    if v is None:
        return "—"
    v = float(v)
    return f"{v:g}" if abs(v - round(v)) > 1e-9 else str(int(round(v)))


@operation(Permission.GROWTH_READ)
def annual_pack(session: Session, *, year: int) -> AnnualPack:
    if not 2000 <= int(year) <= 2100:
        raise ValidationError(translate("AnnualReport", "The year must be between 2000 and 2100."), field="year")
    m = measures(session, year)
    defs = indicator_definitions(session)
    actuals = entered_actuals(session, year)
    m["_defs_target"], m["_defs_performance"] = defs.get(TARGET, []), defs.get(PERFORMANCE, [])
    pack = AnnualPack(year, str(get_setting(session, "office_name")),
                      _indicator_rows(TARGET, defs.get(TARGET, []), m, actuals),
                      _indicator_rows(PERFORMANCE, defs.get(PERFORMANCE, []), m, actuals),
                      _statistics(session, year, m), (), m)
    return AnnualPack(pack.year, pack.office, pack.target, pack.performance, pack.statistics, cross_checks(pack), m)


@operation(Permission.GROWTH_READ, writes=True, changes=(Change.AUDIT,))
def export_annual_pack(session: Session, *, year: int, pdf: str | None = None, xlsx: str | None = None,
                       ignore_checks: bool = False) -> AnnualPack:
    """Write the pack (PDF and/or .xlsx). Refused while a cross-table check fails, unless `ignore_checks`."""
    from talentdesk.domain.errors import RuleViolation

    if pdf and Path(pdf).suffix.lower() != ".pdf":
        raise InputFileError(translate("AnnualReport", "Choose a file name ending in .pdf."))
    if xlsx and Path(xlsx).suffix.lower() != ".xlsx":
        raise InputFileError(translate("AnnualReport", "Choose a file name ending in .xlsx."))
    pack = annual_pack(session, year=year)
    if pack.problems and not ignore_checks:
        raise RuleViolation(translate("AnnualReport", "The tables disagree; correct them or export anyway."),
                            details=[c.text for c in pack.problems])
    from talentdesk.reports import annual

    if pdf:
        annual.build_pdf(pack, Path(pdf), font=get_setting(session, "certificate_font") or None)
    if xlsx:
        annual.build_xlsx(pack, Path(xlsx))
    names = ", ".join(Path(p).name for p in (pdf, xlsx) if p)
    record_event(session, E.AuditAction.EXPORT, summary=f"annual report pack {year} → {names}")
    return pack
