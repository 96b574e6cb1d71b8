"""Commands for an office's or a city's shared database: moving a whole database between a file and a server."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from talentdesk.commands.options import add_json
from talentdesk.i18n import translate


def register(sub) -> None:
    p = sub.add_parser("move", help="copy a whole database from a file to a server (or back), proven by row counts "
                                    "and checksums; refuses a target that holds data")
    p.add_argument("--from", dest="source", required=True, help="the database to copy: a file or postgresql://…")
    p.add_argument("--to", dest="target", required=True, help="an empty database: a new file or postgresql://…")
    add_json(p)
    p.set_defaults(handler=cmd_move)


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
