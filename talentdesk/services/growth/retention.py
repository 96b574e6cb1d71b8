"""Retention figures (留才分析): for each arrival year how many came and the share still here after 1, 3 and 5
years; the same by tier and by employer; departures within the service commitment.

Method (also in resources/help/*/retention.md): a talent is "still here after N years" if active, or if they left
on or after the day N years after arrival. A cohort (arrival year Y) is counted for N years only once its last
possible member has had N years: 31 December of Y plus N years is on or before today. Younger cohorts show no share
for that N rather than a flattering one. Groups (tiers, employers) add up the cohorts that are old enough.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain.enums import AuditAction
from talentdesk.domain.errors import InputFileError
from talentdesk.domain.models import Employer, Talent, Tier
from talentdesk.domain.values import add_months
from talentdesk.i18n import current_language, translate
from talentdesk.services.base import STREAM, Change, Permission, operation, record_event
from talentdesk.store.files import write_or_refuse

HORIZONS = (1, 3, 5)


@dataclass
class RetentionRow:
    """One line of a retention table: a cohort (year), a tier, an employer, or everyone."""

    key: str
    name: str
    arrived: int = 0
    here_now: int = 0
    left_within_commitment: int = 0
    eligible: dict[int, int] = field(default_factory=lambda: {n: 0 for n in HORIZONS})
    stayed: dict[int, int] = field(default_factory=lambda: {n: 0 for n in HORIZONS})

    def share(self, years: int) -> float | None:
        """Share still here after `years`, or None when no cohort in this line is old enough."""
        e = self.eligible[years]
        return self.stayed[years] / e if e else None


@dataclass(frozen=True)
class DepartureRow:
    year: int
    departed: int
    within_commitment: int


@dataclass(frozen=True)
class RetentionReport:
    today: dt.date
    total: RetentionRow
    by_year: tuple[RetentionRow, ...]
    by_tier: tuple[RetentionRow, ...]
    by_employer: tuple[RetentionRow, ...]
    departures: tuple[DepartureRow, ...]


def cohort_old_enough(year: int, years: int, today: dt.date) -> bool:
    return dt.date(year + years, 12, 31) <= today


def _commitment_end(arrival: dt.date, end: dt.date | None, service_years: int) -> dt.date:
    return end or add_months(arrival, 12 * service_years)


@operation(Permission.GROWTH_READ)
def retention_report(session: Session, *, today: dt.date) -> RetentionReport:
    """All retention figures in one pass over the talents (five plain columns per talent)."""
    en = current_language() == "en"
    tiers = {c: (ne if en and ne else n) for c, n, ne in session.execute(select(Tier.code, Tier.name, Tier.name_en))}
    tier_order = {c: i for i, c in enumerate(session.scalars(select(Tier.code).order_by(Tier.sort_order, Tier.code)))}
    employers = dict(session.execute(select(Employer.id, Employer.name)).all())
    no_employer = translate("Retention", "(no employer)")
    total = RetentionRow("", translate("Retention", "All talents"))
    years: dict[int, RetentionRow] = {}
    by_tier: dict[str, RetentionRow] = {}
    by_emp: dict[int | None, RetentionRow] = {}
    departures: dict[int, list[int]] = {}
    rows = session.execute(select(Talent.arrival_date, Talent.departure_date, Talent.service_end_date,
                                  Talent.service_years, Talent.tier_code, Talent.employer_id)
                           .where(Talent.arrival_date <= today), execution_options=STREAM)
    for arrival, left, end, service_years, tier, emp in rows:
        y = arrival.year
        lines = (
            total,
            years.get(y) or years.setdefault(y, RetentionRow(str(y), str(y))),
            by_tier.get(tier) or by_tier.setdefault(tier, RetentionRow(tier, tiers.get(tier, tier))),
            by_emp.get(emp) or by_emp.setdefault(emp, RetentionRow(str(emp or ""), employers.get(emp, no_employer))),
        )
        gone = left is not None and left <= today
        within = gone and left < _commitment_end(arrival, end, service_years)
        for line in lines:
            line.arrived += 1
            line.here_now += not gone
            line.left_within_commitment += within
        for n in HORIZONS:
            if not cohort_old_enough(y, n, today):
                continue
            stayed = not gone or left >= add_months(arrival, 12 * n)
            for line in lines:
                line.eligible[n] += 1
                line.stayed[n] += stayed
        if gone:
            d = departures.setdefault(left.year, [0, 0])
            d[0] += 1
            d[1] += within
    return RetentionReport(
        today=today,
        total=total,
        by_year=tuple(years[y] for y in sorted(years)),
        by_tier=tuple(sorted(by_tier.values(), key=lambda r: tier_order.get(r.key, 999))),
        by_employer=tuple(sorted(by_emp.values(), key=lambda r: (-r.arrived, r.name))),
        departures=tuple(DepartureRow(y, *departures[y]) for y in sorted(departures)),
    )


# ------------------------------------------------------------------ export to Excel

def _pct(v: float | None) -> float | None:
    return None if v is None else round(v, 4)


def table_headers() -> list[str]:
    return [
        translate("Retention", "Arrived"), translate("Retention", "Still here"),
        translate("Retention", "After 1 year"), translate("Retention", "After 3 years"),
        translate("Retention", "After 5 years"), translate("Retention", "Left within commitment"),
    ]


def write_xlsx(report: RetentionReport, path: Path) -> None:
    """Write the retention tables to one workbook (a sheet per table; shares as percentages)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    bold = Font(bold=True)

    def sheet(ws, first: str, rows):
        ws.append([first, *table_headers()])
        for c in ws[1]:
            c.font = bold
        for r in rows:
            ws.append([r.name, r.arrived, r.here_now, *(_pct(r.share(n)) for n in HORIZONS), r.left_within_commitment])
            for col in (4, 5, 6):
                ws.cell(ws.max_row, col).number_format = "0.0%"
        ws.freeze_panes = "B2"
        ws.column_dimensions["A"].width = 28
        for i in range(2, 8):
            ws.column_dimensions[get_column_letter(i)].width = 14

    ws = wb.active
    ws.title = translate("Retention", "By arrival year")[:31]
    sheet(ws, translate("Retention", "Arrival year"), [*report.by_year, report.total])
    sheet(wb.create_sheet(translate("Retention", "By tier")[:31]), translate("Retention", "Tier"), report.by_tier)
    sheet(wb.create_sheet(translate("Retention", "By employer")[:31]), translate("Retention", "Employer"),
          report.by_employer)
    ws = wb.create_sheet(translate("Retention", "Departures")[:31])
    ws.append([translate("Retention", "Year"), translate("Retention", "Departed"),
               translate("Retention", "Within the service commitment")])
    for c in ws[1]:
        c.font = bold
    for d in report.departures:
        ws.append([d.year, d.departed, d.within_commitment])
    ws.column_dimensions["C"].width = 24
    ws = wb.create_sheet(translate("Retention", "Method")[:31])
    ws.append([translate("Retention", "Figures as of {date}.").format(date=report.today.isoformat())])
    ws.append([translate("Retention", "A talent is still here after N years if active, or if they left N years or "
                                      "more after arriving.")])
    ws.append([translate("Retention", "A cohort counts for N years only when 31 December of its arrival year plus "
                                      "N years has passed; younger cohorts show no share.")])
    write_or_refuse(lambda: wb.save(path), translate("Retention", "The file could not be written: {error}"))


@operation(Permission.GROWTH_READ, writes=True, changes=(Change.AUDIT,))
def export_retention_xlsx(session: Session, *, path: str, today: dt.date) -> Path:
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise InputFileError(translate("Retention", "Choose a file name ending in .xlsx."))
    report = retention_report(session, today=today)
    write_xlsx(report, target)
    record_event(session, AuditAction.EXPORT, summary=f"retention figures → {target.name}")
    return target


# ------------------------------------------------------------------ the yearly report for the county leadership

@operation(Permission.GROWTH_READ, long=True, writes=True, changes=(Change.AUDIT,))
def write_yearly_report(session: Session, *, path: str, year: int, today: dt.date,
                        progress: Callable[[int, int, str], None] | None = None,
                        abort: Callable[[], bool] | None = None, accept_missing_glyphs: bool = False) -> Path:
    """Build the yearly PDF report (retention, training coverage, watch list summary) for `year`."""
    from talentdesk.reports import yearly
    from talentdesk.services.common.settings import get_setting
    from talentdesk.services.growth import risk, training

    target = Path(path)
    if target.suffix.lower() != ".pdf":
        raise InputFileError(translate("Retention", "Choose a file name ending in .pdf."))
    as_of = min(today, dt.date(year, 12, 31))
    step = progress or (lambda *_: None)
    step(0, 4, translate("Retention", "Retention figures"))
    report = retention_report(session, today=as_of)
    arrivals = {int(r.key): r.arrived for r in report.by_year}
    step(1, 4, translate("Retention", "Training coverage"))
    cov = training.coverage(session, year=year)
    step(2, 4, translate("Retention", "Watch list"))
    watch = risk.watch_list(session, today=as_of, limit=20)
    step(3, 4, translate("Retention", "Writing the PDF"))
    data = yearly.YearlyData(
        year=year, as_of=as_of, office=str(get_setting(session, "office_name")), retention=report,
        arrivals_in_year=arrivals.get(year, 0),
        departures_in_year=next((d for d in report.departures if d.year == year), DepartureRow(year, 0, 0)),
        coverage=cov, watch=watch,
    )
    from talentdesk.services.common.printing import check_names

    check_names(session, [w.name for w in watch], document=f"yearly report {year}", accept=accept_missing_glyphs)
    record_event(session, AuditAction.EXPORT, summary=f"yearly report {year} → {target.name}")
    from talentdesk.services.base import seal_chain
    from talentdesk.store.chain import short

    data = dataclasses.replace(data, chain_head=short(seal_chain(session)))
    yearly.build(data, target, font=get_setting(session, "certificate_font") or None)
    step(4, 4, translate("Retention", "Done"))
    return target
