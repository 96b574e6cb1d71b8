"""Commands for an office's or a city's shared database: moving a whole database between a file and a server."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from talentdesk.commands.options import add_json, reference_date
from talentdesk.i18n import translate


def register(sub) -> None:
    p = sub.add_parser("move", help="copy a whole database from a file to a server (or back), proven by row counts "
                                    "and checksums; refuses a target that holds data")
    p.add_argument("--from", dest="source", required=True, help="the database to copy: a file or postgresql://…")
    p.add_argument("--to", dest="target", required=True, help="an empty database: a new file or postgresql://…")
    p.add_argument("--county", metavar="CODE",
                   help="one county (its 6-digit code): its office file into a city's server database that holds "
                        "other counties (new ids, county stamped), or that county out of it into a new file")
    add_json(p)
    p.set_defaults(handler=cmd_move)

    p = sub.add_parser("city", help="a city's server database: its counties, which server role works for which, and "
                                    "the city's roll-up")
    cs = p.add_subparsers(dest="city_command", required=True)
    q = cs.add_parser("counties", help="list the counties (and, for the owner, their server roles)")
    add_json(q)
    q.set_defaults(handler=cmd_counties)
    q = cs.add_parser("add-county", help="a new county: its 6-digit administrative division code and its name")
    q.add_argument("code")
    q.add_argument("name")
    q.add_argument("--role", default=None, help="a server login role that works for this county (see grant-role)")
    add_json(q)
    q.set_defaults(handler=cmd_add_county)
    q = cs.add_parser("set-county", help="give a county its real code (the home county starts as 000000) or a new "
                                         "name")
    q.add_argument("code")
    q.add_argument("--code", dest="new_code", default=None)
    q.add_argument("--name", default=None)
    add_json(q)
    q.set_defaults(handler=cmd_set_county)
    q = cs.add_parser("grant-role", help="a server login role works for a county (--county CODE) or for the city "
                                         "(--city, reads every county); run as the database's owner")
    q.add_argument("role")
    g = q.add_mutually_exclusive_group(required=True)
    g.add_argument("--county", default=None)
    g.add_argument("--city", action="store_true")
    add_json(q)
    q.set_defaults(handler=cmd_grant_role)
    q = cs.add_parser("rollup", help="the city's roll-up: talents in post and left, money and mentoring per county "
                                     "and together, and the people paid by two or more counties (audited)")
    q.add_argument("--as-of", type=reference_date, default=None, help="reference date (default: today)")
    add_json(q)
    q.set_defaults(handler=cmd_rollup)


def _target(text: str):
    from talentdesk.commands.options import database_target

    return database_target(text)


def cmd_move(args: argparse.Namespace, ctx) -> int:
    from talentdesk.commands.options import ask_server_password as _ask_server_password
    from talentdesk.commands.safety import cli_actor
    from talentdesk.domain.errors import InputFileError, PermissionDenied
    from talentdesk.services.base import Database, Permission
    from talentdesk.store import move as mv
    from talentdesk.store.server import is_server_url

    source, target = _target(args.source), _target(args.target)
    if not is_server_url(source) and not Path(source).is_file():
        raise InputFileError(translate("Move", "There is no database at {path}.").format(path=source), field="from")
    if not is_server_url(source) and not is_server_url(target) and \
            Path(source).resolve() == Path(target).resolve():
        raise InputFileError(translate("Move", "The source and the target are the same database."), field="to")
    src = Database.open(source, ask_password=_ask_server_password)
    try:
        actor = cli_actor(src, username=ctx.user)
        if not actor.can(Permission.BACKUP_RESTORE):
            raise PermissionDenied(translate("Permissions", "Your role ({role}) is not allowed to do this.").format(
                role=actor.role.value), permission=Permission.BACKUP_RESTORE.value, operation="move")
        dst = Database.open(target, ask_password=_ask_server_password)
        try:
            if src.where == dst.where:
                raise InputFileError(translate("Move", "The source and the target are the same database."),
                                     field="to")

            def progress(done: int, total: int, name: str) -> None:
                if not ctx.json:
                    print(f"[{done}/{total}] {name}", file=sys.stderr, flush=True)

            if args.county is not None:
                return _move_county(args, ctx, src, dst, is_server_url(source), is_server_url(target), progress)
            result = mv.move(src.engine, dst.engine, source_name=src.where, target_name=dst.where,
                             progress=progress)
        finally:
            dst.dispose()
    finally:
        src.dispose()
    lines = [translate("Move", "Copied {rows:,} rows in {tables} tables from {source} to {target} in {seconds:.1f} s; "
                               "every table's row count and checksum match.").format(
        rows=result.rows, tables=len(result.tables), source=result.source, target=result.target,
        seconds=result.seconds)]
    lines += [f"  {t.table:<28} {t.rows:>10,}  {t.checksum[:16]}" for t in result.tables if t.rows]
    ctx.emit({"source": result.source, "target": result.target, "rows": result.rows, "seconds": result.seconds,
              "tables": [{"table": t.table, "rows": t.rows, "sha256": t.checksum} for t in result.tables]},
             "\n".join(lines))
    return 0


def _county_text(c) -> str:
    roles = ", ".join(c.roles)
    return f"{c.code}  {c.name}" + (f"  [{roles}]" if roles else "")


def cmd_counties(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.city.counties import list_counties

    database = ctx.database()
    with database.session(ctx.actor(), readonly=True) as s:
        rows = list_counties(s)
    ctx.emit(rows, "\n".join(_county_text(c) for c in rows))
    return 0


def cmd_add_county(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.city.counties import add_county, map_role

    database = ctx.database()
    with database.session(ctx.actor()) as s:
        row = add_county(s, code=args.code, name=args.name)
        if args.role:
            row = map_role(s, role=args.role, county=row.code)
    ctx.emit(row, translate("CityCli", "County {code} {name} added.").format(code=row.code, name=row.name) + (
        "\n" + translate("CityCli", "The server role {role} works for it.").format(role=args.role)
        if args.role else ""))
    return 0


def cmd_set_county(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.city.counties import set_county

    database = ctx.database()
    with database.session(ctx.actor()) as s:
        row = set_county(s, code=args.code, new_code=args.new_code, name=args.name)
    ctx.emit(row, translate("CityCli", "County {code} {name} saved.").format(code=row.code, name=row.name))
    return 0


def cmd_grant_role(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.city.counties import map_role

    database = ctx.database()
    with database.session(ctx.actor()) as s:
        row = map_role(s, role=args.role, county=args.county, city=args.city)
    text = (translate("CityCli", "The server role {role} works for county {code} {name}; row-level security keeps "
                                 "it to that county.").format(role=args.role, code=row.code, name=row.name)
            if row is not None else
            translate("CityCli", "The server role {role} works for the city: it reads every county.").format(
                role=args.role))
    ctx.emit({"role": args.role, "county": row.code if row else None, "city": row is None}, text)
    return 0


def _yuan(fen: int) -> str:
    from talentdesk.domain.values import format_yuan

    return format_yuan(fen)


def cmd_rollup(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.city.rollup import city_rollup

    database = ctx.database()
    with database.session(ctx.actor()) as s:
        r = city_rollup(s, as_of=args.as_of)
    heads = [translate("CityCli", "County"), translate("CityCli", "In post"), translate("CityCli", "Left"),
             translate("CityCli", "Retention"), translate("CityCli", "Granted"), translate("CityCli", "Paid"),
             translate("CityCli", "Owed"), translate("CityCli", "Clawed back"), translate("CityCli", "Pairings"),
             translate("CityCli", "Check-ins (12 months)"), translate("CityCli", "Overdue")]

    def line(f, label: str) -> list[str]:
        rate = "—" if f.retention is None else f"{f.retention:.1%}"
        return [label, str(f.in_post), str(f.left), rate, _yuan(f.granted_fen), _yuan(f.paid_fen), _yuan(f.owed_fen),
                _yuan(f.clawback_fen), str(f.pairings_current), str(f.checkins_done), str(f.checkins_overdue)]

    rows = [line(f, f"{f.code} {f.name}") for f in r.counties] + [line(r.total, translate("CityCli", "City total"))]
    widths = [max(len(x) for x in col) for col in zip(heads, *rows)]
    out = [translate("CityCli", "City roll-up as of {date}").format(date=r.as_of.isoformat())]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in [heads, *rows]]
    if r.cross_paid:
        out.append(translate("CityCli", "Paid by two or more counties ({n}):").format(n=len(r.cross_paid)))
        for p in r.cross_paid:
            places = "; ".join(f"{c.code} {c.name} {_yuan(c.paid_fen)}" for c in p.counties)
            out.append(f"  {p.id_number}  {p.names}  {places}")
    else:
        out.append(translate("CityCli", "Nobody is paid by two or more counties."))
    payload = {"as_of": r.as_of, "masked": r.masked,
               "counties": [{**_figures_dict(f)} for f in r.counties], "total": _figures_dict(r.total),
               "cross_paid": [{"id_number": p.id_number, "names": p.names, "paid_fen": p.paid_fen,
                               "counties": [{"code": c.code, "name": c.name, "talent_id": c.talent_id,
                                             "paid_fen": c.paid_fen} for c in p.counties]} for p in r.cross_paid]}
    ctx.emit(payload, "\n".join(out))
    return 0


def _figures_dict(f) -> dict:
    from dataclasses import asdict

    return {**asdict(f), "retention": None if f.retention is None else round(f.retention, 4)}


def _move_county(args: argparse.Namespace, ctx, src, dst, from_server: bool, to_server: bool, progress) -> int:
    """`move --county CODE`: a county's file into a city's server database, or that county out into a new file."""
    import re

    from talentdesk.domain.errors import InputFileError
    from talentdesk.store import county_move

    code = (args.county or "").strip()
    if not re.fullmatch(r"[0-9]{6}", code):
        raise InputFileError(translate("Move", "A county is named by its 6-digit administrative division code "
                                               "(行政区划代码), such as 330102."), field="county")
    if from_server == to_server:
        raise InputFileError(translate("Move", "--county moves one county between its office's file and a city's "
                                               "server database: one side must be a file, the other postgresql://…."),
                             field="county")
    result = county_move.move_county(src.engine, dst.engine, code=code, source_name=src.where,
                                     target_name=dst.where, into_city=to_server, progress=progress)
    lines = [translate("Move", "County {code}: copied {rows:,} rows in {tables} tables from {source} to {target} in "
                               "{seconds:.1f} s with new ids; every table's row count and content checksum match, "
                               "the source's hash chain verified (head {source_head}) and the rows sealed into the "
                               "target's (head {target_head}).").format(
        code=code, rows=result.rows, tables=len(result.tables), source=result.source, target=result.target,
        seconds=result.seconds, source_head=_short(result.source_head), target_head=_short(result.target_head))]
    lines += [f"  {t.table:<28} {t.rows:>10,}  {t.checksum[:16]}" for t in result.tables if t.rows]
    ctx.emit({"source": result.source, "target": result.target, "county": code, "rows": result.rows,
              "seconds": result.seconds, "source_chain_head": result.source_head,
              "target_chain_head": result.target_head,
              "tables": [{"table": t.table, "rows": t.rows, "sha256": t.checksum} for t in result.tables]},
             "\n".join(lines))
    return 0


def _short(head: str | None) -> str:
    from talentdesk.store import chain

    return chain.short(head)
