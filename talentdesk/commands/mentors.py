"""Mentor commands: `pairings [--overdue]` for the weekly reminder, `agreement` to print a pairing agreement."""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from talentdesk.commands.options import add_json, add_print_anyway, reference_date
from talentdesk.i18n import translate


def _date(text: str) -> dt.date:
    return reference_date(text)


def register(sub) -> None:
    p = sub.add_parser("pairings", help="list current mentor pairings (--overdue: only those whose check-in is overdue)")
    p.add_argument("--overdue", action="store_true", help="only pairings whose check-in is overdue")
    p.add_argument("--as-of", type=_date, default=None, help="reference date (default: today)")
    add_json(p)
    p.set_defaults(handler=cmd_pairings)

    p = sub.add_parser("agreement", help="write the pairing agreement (结对协议书) of one pairing as PDF")
    p.add_argument("pairing_id", type=int)
    p.add_argument("--out", type=Path, required=True, help="PDF file to write")
    add_json(p)
    add_print_anyway(p)
    p.set_defaults(handler=cmd_agreement)


def cmd_pairings(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.mentors import pairings
    today = args.as_of or dt.date.today()
    database = ctx.database()
    with database.session(ctx.actor(), readonly=True) as s:
        rows = pairings.list_pairings(s, overdue_only=args.overdue, today=today)
    payload = {
        "as_of": today, "overdue_only": bool(args.overdue), "count": len(rows),
        "pairings": [
            {"id": r.id, "mentor_id": r.mentor_id, "mentor": r.mentor_name, "mentor_phone": r.mentor_phone,
             "talent_id": r.talent_id, "talent": r.talent_name, "employer": r.employer_name, "role": r.role_name,
             "start_date": r.start_date, "last_checkin_date": r.last_checkin_date, "cadence_days": r.cadence_days,
             "days_since_contact": r.days_since_contact, "overdue": r.overdue}
            for r in rows
        ],
    }
    if args.overdue:
        head = translate("Cli", "{n} pairings with an overdue check-in as of {date}.")
    else:
        head = translate("Cli", "{n} current pairings as of {date}.")
    lines = [head.format(n=len(rows), date=today.isoformat())]
    never = translate("Cli", "never")
    for r in rows:
        lines.append(translate("Cli", "{talent} ({employer}) — {role}: {mentor} {phone}; last check-in {last}, "
                                      "{days} days ago (every {cadence} days)").format(
            talent=r.talent_name, employer=r.employer_name or "—", role=r.role_name, mentor=r.mentor_name,
            phone=r.mentor_phone, last=r.last_checkin_date.isoformat() if r.last_checkin_date else never,
            days=r.days_since_contact, cadence=r.cadence_days))
    ctx.emit(payload, "\n".join(lines))
    return 0


def cmd_agreement(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.mentors import agreement
    database = ctx.database()
    with database.session(ctx.actor()) as s:
        path = agreement.write_agreement(s, pairing_id=args.pairing_id, path=args.out,
                                         accept_missing_glyphs=args.print_anyway)
    ctx.emit({"pairing_id": args.pairing_id, "path": str(path)},
             translate("Cli", "Pairing agreement written to {path}.").format(path=path))
    return 0
