"""Departures and why people leave: `depart`, `exit-reasons`, `survival` and `leavers`."""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from talentdesk.commands.options import add_json
from talentdesk.i18n import translate


def register(sub) -> None:
    p = sub.add_parser("depart", help="record that a talent left the county, with the coded reason")
    p.add_argument("talent", help="the talent's record number or ID number")
    p.add_argument("--reason", required=True, help="the coded reason: its code, name or number (see exit-reasons)")
    p.add_argument("--on", type=dt.date.fromisoformat, default=None, help="departure date (default: today)")
    p.add_argument("--details", default="", help="details of the reason, in the office's words")
    p.add_argument("--destination", default="", help="where the talent went")
    p.add_argument("--waiver", default="", help="why no clawback is owed (official transfer, illness …)")
    add_json(p)
    p.set_defaults(handler=cmd_depart)

    p = sub.add_parser("exit-reasons", help="the list of reasons for leaving (the office edits it)")
    es = p.add_subparsers(dest="exit_command")
    q = es.add_parser("list", help="every reason with its code and how many departures used it")
    q.add_argument("--all", action="store_true", help="include retired reasons")
    add_json(q)
    q.set_defaults(handler=cmd_exit_list)
    q = es.add_parser("add", help="add a reason")
    q.add_argument("name", help="the reason in Chinese, e.g. 子女教育")
    q.add_argument("--en", default="", help="the English name")
    q.add_argument("--code", default="", help="a stable code (a–z, 0–9, _); made from the English name if omitted")
    add_json(q)
    q.set_defaults(handler=cmd_exit_add)
    q = es.add_parser("rename", help="rename a reason (its code stays)")
    q.add_argument("reason", help="code, name or number")
    q.add_argument("name")
    q.add_argument("--en", default=None, help="the English name")
    add_json(q)
    q.set_defaults(handler=cmd_exit_rename)
    for verb, active in (("retire", False), ("restore", True)):
        q = es.add_parser(verb, help="no longer offer the reason" if not active else "offer a retired reason again")
        q.add_argument("reason", help="code, name or number")
        add_json(q)
        q.set_defaults(handler=cmd_exit_active, active=active)
    p.set_defaults(handler=cmd_exit_list, all=False)

    p = sub.add_parser("survival", help="Kaplan–Meier retention curves by group, with the log-rank test")
    p.add_argument("--by", default="cohort",
                   choices=["cohort", "tier", "employer", "mentor", "apartment", "spouse", "subsidies"])
    p.add_argument("--as-of", type=dt.date.fromisoformat, default=None, help="reference date (default: today)")
    p.add_argument("--xlsx", type=Path, default=None, help="also write the curves and leavers to this .xlsx file")
    add_json(p)
    p.set_defaults(handler=cmd_survival)

    p = sub.add_parser("leavers", help="departures by coded reason")
    p.add_argument("--from", dest="first", type=dt.date.fromisoformat, default=None,
                   help="first departure date (default: 1 January five years ago)")
    p.add_argument("--to", dest="last", type=dt.date.fromisoformat, default=None, help="last date (default: today)")
    add_json(p)
    p.set_defaults(handler=cmd_leavers)


def _talent_id(session, text: str) -> int:
    from sqlalchemy import select

    from talentdesk.domain.errors import NotFound
    from talentdesk.domain.models import Talent

    raw = text.strip().upper()
    found = None
    if raw.isascii() and raw.isdigit() and len(raw) < 15:
        found = session.get(Talent, int(raw))
        found = found.id if found else None
    else:
        found = session.scalar(select(Talent.id).where(Talent.id_number == raw))
    if found is None:
        raise NotFound(translate("DepartureCli", "No talent with the number {value}.").format(value=text))
    return found


def cmd_depart(args: argparse.Namespace, ctx) -> int:
    from talentdesk.domain.values import format_yuan
    from talentdesk.services.talents import departure

    with ctx.database().session(ctx.actor()) as s:
        tid = _talent_id(s, args.talent)
        result = departure.record_departure(
            s, talent_id=tid, on=args.on or dt.date.today(), exit_reason=args.reason, reason=args.details,
            destination=args.destination, waiver_reason=args.waiver)
    ctx.emit(result, translate("DepartureCli", "Recorded the departure of talent {id}; clawback owed: {amount}; "
                                               "{n} mentor pairings ended.").format(
        id=tid, amount=format_yuan(result.clawback_fen), n=result.pairings_ended))
    return 0


def _reason_json(r) -> dict:
    return {"id": r.id, "code": r.code, "name": r.name, "name_en": r.name_en, "active": r.active,
            "departures": r.departures}


def cmd_exit_list(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.talents import exit_reasons

    with ctx.database().session(ctx.actor(), readonly=True) as s:
        rows = exit_reasons.list_exit_reasons(s, include_retired=bool(getattr(args, "all", False)))
    retired = translate("DepartureCli", "(retired)")
    text = "\n".join(f"{r.id:>3}  {r.code:<18} {r.name}  {r.name_en}  {r.departures}"
                     + ("" if r.active else f"  {retired}") for r in rows)
    ctx.emit([_reason_json(r) for r in rows], text)
    return 0


def _reason_changed(ctx, change, done_text) -> int:
    """Change an exit reason in one unit of work (`change(session)` returns the reason), then show it and
    `done_text(reason)`."""
    with ctx.database().session(ctx.actor()) as s:
        row = change(s)
    ctx.emit(_reason_json(row), done_text(row))
    return 0


def cmd_exit_add(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.talents import exit_reasons

    return _reason_changed(
        ctx, lambda s: exit_reasons.save_exit_reason(s, name=args.name, name_en=args.en, code=args.code),
        lambda row: translate("DepartureCli", "Added the reason {name} ({code}).").format(name=row.name,
                                                                                          code=row.code))


def cmd_exit_rename(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.talents import exit_reasons

    def rename(s):
        found = _named_reason(s, args.reason)
        return exit_reasons.save_exit_reason(s, reason_id=found.id, name=args.name,
                                             name_en=found.name_en if args.en is None else args.en)

    return _reason_changed(ctx, rename, lambda row: translate(
        "DepartureCli", "Renamed the reason {code} to {name}.").format(code=row.code, name=row.name))


def cmd_exit_active(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.talents import exit_reasons

    def done_text(row) -> str:
        text = (translate("DepartureCli", "The reason {name} is offered again.") if row.active
                else translate("DepartureCli", "The reason {name} is retired; departures recorded with it keep it."))
        return text.format(name=row.name)

    return _reason_changed(ctx, lambda s: exit_reasons.set_exit_reason_active(
        s, reason_id=_named_reason(s, args.reason).id, active=args.active), done_text)


def _named_reason(s, text: str):
    """The exit reason named on the command line (by code, name or number); refused when none is named."""
    from talentdesk.domain.errors import ValidationError
    from talentdesk.services.talents import exit_reasons

    found = exit_reasons.find_exit_reason(s, text)
    if found is None:
        raise ValidationError(translate("DepartureCli", "Name the reason by its code, name or number."))
    return found


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def cmd_survival(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.growth import survival

    as_of = args.as_of or dt.date.today()
    with ctx.database().session(ctx.actor(), readonly=not args.xlsx) as s:
        report = survival.survival_report(s, as_of=as_of, by=args.by)
        if args.xlsx:
            survival.export_survival_xlsx(s, path=str(args.xlsx), as_of=as_of, by=args.by,
                                          first=dt.date(as_of.year - 5, 1, 1), last=as_of)
    payload = {
        "as_of": as_of, "by": report.by,
        "log_rank": None if report.chi2 is None else {"chi2": round(report.chi2, 4), "df": report.df,
                                                       "p": report.p_value},
        "groups": [{
            "key": g.key, "name": g.name, "n": g.n, "left": g.left, "median_months": g.median_months,
            "at_risk": dict(zip(report.risk_times, g.at_risk)),
            "curve": [{"t": p.t, "survival": round(p.survival, 6), "at_risk": p.at_risk, "left": p.events,
                       "lower": round(p.lower, 6), "upper": round(p.upper, 6)} for p in g.points],
        } for g in report.groups],
    }
    head = translate("DepartureCli", "group  talents  left  median months  1 year  3 years  5 years")
    lines = [head]
    for g in report.groups:
        med = "—" if g.median_months is None else str(g.median_months)
        lines.append(f"{g.name}  {g.n:>6}  {g.left:>4}  {med:>6}  " + "  ".join(_pct(v) for v in g.survival_at))
    if report.chi2 is not None:
        lines.append(translate("DepartureCli", "Log-rank test: χ² = {chi2:.2f} on {df} degrees of freedom, "
                                               "p = {p:.4f}").format(chi2=report.chi2, df=report.df, p=report.p_value))
    ctx.emit(payload, "\n".join(lines))
    return 0


def cmd_leavers(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.growth import survival

    last = args.last or dt.date.today()
    first = args.first or dt.date(last.year - 5, 1, 1)
    with ctx.database().session(ctx.actor(), readonly=True) as s:
        report = survival.leavers_by_reason(s, first=first, last=last)
    lines = [translate("DepartureCli", "reason  left  within commitment  median months served  share")]
    for r in report.rows:
        med = "—" if r.median_months is None else f"{r.median_months:g}"
        lines.append(f"{r.name}  {r.left:>4}  {r.within_commitment:>4}  {med:>5}  {_pct(r.share)}")
    ctx.emit(report, "\n".join(lines))
    return 0
