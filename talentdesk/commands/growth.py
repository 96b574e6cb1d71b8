"""Growth commands: the watch list, retention figures (to Excel) and the yearly report (PDF)."""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from talentdesk.commands.options import add_json, add_print_anyway, reference_date
from talentdesk.i18n import translate


def register(sub) -> None:
    p = sub.add_parser("watch-list", help="active talents at risk of leaving, highest score first, with reasons")
    p.add_argument("--limit", type=int, default=50, help="how many to show (0 = all)")
    p.add_argument("--as-of", type=reference_date, default=None, help="reference date (default: today)")
    p.add_argument("--rebuild", action="store_true",
                   help="first recompute the precomputed signals of every talent from the data (after `check` "
                        "reported a drift)")
    add_json(p)
    p.set_defaults(handler=cmd_watch_list)

    p = sub.add_parser("retention", help="retention figures by arrival year, tier and employer")
    p.add_argument("--xlsx", type=Path, default=None, help="also write the tables to this .xlsx file")
    p.add_argument("--as-of", type=reference_date, default=None, help="reference date (default: today)")
    add_json(p)
    p.set_defaults(handler=cmd_retention)

    p = sub.add_parser("yearly-report", help="the yearly talent-work report for the county leadership (PDF)")
    p.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    p.add_argument("--year", type=int, default=None, help="report year (default: this year)")
    add_json(p)
    add_print_anyway(p)
    p.set_defaults(handler=cmd_yearly_report)


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def cmd_watch_list(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.growth import risk
    today = args.as_of or dt.date.today()
    if args.rebuild:
        with ctx.database().session(ctx.actor()) as s:
            risk.rebuild_watch_signals(s)
    with ctx.database().session(ctx.actor(), readonly=True) as s:
        rows = risk.watch_list(s, today=today, limit=args.limit or None)
    lines = [f"{r.score:>4}  {r.name}  {r.employer_name}  {r.reason_text}" for r in rows]
    ctx.emit({"as_of": today, "talents": rows}, "\n".join(lines) or translate(
        "GrowthCli", "No active talent shows a risk signal."))
    return 0


def cmd_retention(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.growth import retention
    today = args.as_of or dt.date.today()
    with ctx.database().session(ctx.actor()) as s:
        report = retention.retention_report(s, today=today)
        if args.xlsx:
            retention.export_retention_xlsx(s, path=str(args.xlsx), today=today)
    rows = [{"year": r.name, "arrived": r.arrived, "still_here": r.here_now,
             **{f"after_{n}_years": r.share(n) for n in retention.HORIZONS},
             "left_within_commitment": r.left_within_commitment} for r in report.by_year]
    head = translate("GrowthCli", "year  arrived  here  1 year  3 years  5 years  left within commitment")
    text = "\n".join([head, *(f"{r.name}  {r.arrived:>7}  {r.here_now:>4}  {_pct(r.share(1)):>6}  "
                              f"{_pct(r.share(3)):>7}  {_pct(r.share(5)):>7}  {r.left_within_commitment:>6}"
                              for r in report.by_year)])
    ctx.emit({"as_of": today, "by_arrival_year": rows}, text)
    return 0


def cmd_yearly_report(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.growth import retention
    year = args.year or dt.date.today().year
    with ctx.database().session(ctx.actor()) as s:
        path = retention.write_yearly_report(s, path=str(args.out), year=year, today=dt.date.today(),
                                             accept_missing_glyphs=args.print_anyway)
    ctx.emit({"path": str(path), "year": year},
             translate("GrowthCli", "Wrote the {year} report to {path}.").format(year=year, path=path))
    return 0
