"""Moving in: `import payments|policies|pairings|care FILE`, `reconcile`, `template KIND --out FILE`."""
from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

from talentdesk.i18n import translate



def register_imports(what) -> None:
    """The moving-in files under `talentdesk import` (the talents command owns the `import` word)."""
    from talentdesk.commands.options import add_json

    for name, helptext, skip_help, handler in (
            ("payments", "import the payment history (one row per payment) from .xlsx or .csv",
             "import the valid rows and skip refused ones", cmd_import_payments),
            ("policies", "import the policy table (amounts by tier and education, instalments, clawback rule, "
                         "exclusions)", "import the valid policies and skip refused ones", cmd_import_policies),
            ("pairings", "import the mentor pairing list (mentor, newcomer, role, start, end)",
             "import the valid rows and skip refused ones", cmd_import_pairings),
            ("care", "import care cases (kind, apartment and room, move-in/out, status, notes)",
             "import the valid rows and skip refused ones", cmd_import_care)):
        t = what.add_parser(name, help=helptext)
        t.add_argument("file", type=Path)
        t.add_argument("--dry-run", action="store_true", help="check every row and report, change nothing")
        t.add_argument("--skip-invalid", action="store_true", help=skip_help)
        _sheet_options(t)
        add_json(t)
        t.set_defaults(handler=handler)


def _sheet_options(t) -> None:
    t.add_argument("--sheet", metavar="NAME", help="the workbook's sheet to import (default: the first)")
    t.add_argument("--hidden-rows", choices=("include", "skip"),
                   help="rows hidden in Excel: import them too, or leave them out (a file with hidden rows needs one)")


def register_exports(what) -> None:
    from talentdesk.commands.options import add_json

    t = what.add_parser("payments", help="export the payment history (.xlsx) in the shape `import payments` reads")
    t.add_argument("file", type=Path)
    add_json(t)
    t.set_defaults(handler=cmd_export_payments)


def register(sub) -> None:
    from talentdesk.commands.options import add_json

    p = sub.add_parser("reconcile", help="per policy and fiscal year: payments, dues, clawbacks and refunds (fen)")
    p.add_argument("--year", type=int, default=None, help="one fiscal year (default: every year)")
    p.add_argument("--xlsx", type=Path, default=None, help="also write the table to this .xlsx file")
    p.add_argument("--pdf", type=Path, default=None, help="also write the table to this PDF file")
    add_json(p)
    p.set_defaults(handler=cmd_reconcile)

    p = sub.add_parser("template", help="write the .xlsx template of a moving-in file (headers, one example row)")
    p.add_argument("kind", choices=("policies", "talents", "payments", "pairings", "care"))
    p.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
    add_json(p)
    p.set_defaults(handler=cmd_template)


def _progress(ctx):
    last = [0]

    def progress(done, total, text):
        if not ctx.json and total and (done - last[0] >= max(1, total // 10) or done == total):
            last[0] = done
            print(f"[{done}/{total}] {text}", file=sys.stderr)
    return progress


def report(result, *, dry_run: bool, what: str) -> tuple[dict, str, int]:
    """The JSON document, the text and the exit code of an import (0 imported or clean dry run, 1 refused)."""
    lines = [translate("MoveInCommands", "row {row}, {column}: {message}").format(row=r.row, column=r.column, message=r.message)
             for r in result.rejected]
    lines += [translate("MoveInCommands", "note, row {row}: {message}").format(row=r.row, message=r.message) for r in result.warnings]
    if result.hidden_rows:
        rows = ", ".join(map(str, result.hidden_rows))
        lines.append({"include": translate("MoveInCommands", "Rows hidden in Excel, imported as chosen: {rows}."),
                      "skip": translate("MoveInCommands", "Rows hidden in Excel, left out as chosen: {rows}.")}.get(
            result.hidden_choice, translate("MoveInCommands", "Rows hidden in Excel: {rows}. Choose --hidden-rows "
                                                              "include or --hidden-rows skip.")).format(rows=rows))
    bad = len({r.row for r in result.rejected})
    if dry_run:
        lines.append(translate("MoveInCommands", "Dry run: {ok} rows would be imported, {bad} rows refused; nothing was changed.").format(
            ok=result.valid_rows, bad=bad))
    elif result.imported:
        lines.append(translate("MoveInCommands", "Imported {n} {what} ({bad} rows skipped as invalid).").format(n=result.imported, what=what,
                                                                                     bad=bad))
    elif result.rejected:
        lines.append(translate("MoveInCommands", "Nothing was imported: {bad} rows were refused. Correct them, or use --skip-invalid to import "
                        "only the valid rows.").format(bad=bad))
    else:
        lines.append(translate("MoveInCommands", "The file has no data rows; nothing was imported."))
    payload = result.as_json()
    payload.pop("preview", None)
    code = (0 if not result.rejected else 1) if dry_run else (0 if result.imported or not result.rejected else 1)
    return payload, "\n".join(lines), code


def _import(args: argparse.Namespace, ctx, run, what: str) -> int:
    """Run one moving-in import with the command's options; its report and exit code (see `report`)."""
    with ctx.database().session(ctx.actor()) as s:
        result = run(s, path=args.file, sheet_name=args.sheet, hidden_rows=args.hidden_rows, dry_run=args.dry_run,
                     skip_invalid=args.skip_invalid, backup_first_=True)
    payload, text, code = report(result, dry_run=args.dry_run, what=what)
    ctx.emit(payload, text)
    return code


def cmd_import_payments(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.ledger import history_import

    return _import(args, ctx, functools.partial(history_import.import_payments, progress=_progress(ctx)),
                   translate("MoveInCommands", "payments"))


def cmd_reconcile(args: argparse.Namespace, ctx) -> int:
    from talentdesk.domain.errors import InputFileError
    from talentdesk.domain.values import format_yuan
    from talentdesk.services.ledger import reconcile

    database = ctx.database()
    for out in (args.xlsx, args.pdf):
        if out is not None and not out.parent.exists():
            raise InputFileError(translate("MoveInCommands", "The folder {folder} does not exist.").format(folder=out.parent))
    with database.session(ctx.actor(), readonly=args.xlsx is None and args.pdf is None) as s:
        rec = reconcile.reconcile(s, year=args.year)
        for out in (args.xlsx, args.pdf):
            if out is not None:
                reconcile.export_reconciliation(s, out_path=out, year=args.year)
    lines = [translate("MoveInCommands", "{year}  {policy}: {n} payments {paid}; dues {dues}; clawbacks {claw}; refunds {refund}").format(
        year=r.year, policy=r.policy, n=r.payments, paid=format_yuan(r.paid_fen), dues=format_yuan(r.due_fen),
        claw=format_yuan(r.clawback_fen), refund=format_yuan(r.refund_fen)) for r in rec.rows]
    lines.append(translate("MoveInCommands", "Total paid: {n} payments, {paid}.").format(n=rec.total_payments,
                                                               paid=format_yuan(rec.total_paid_fen)))
    ctx.emit(rec.as_json(), "\n".join(lines))
    return 0


def cmd_import_policies(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.ledger import policy_import

    return _import(args, ctx, policy_import.import_policies, translate("MoveInCommands", "policies"))


def cmd_import_pairings(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.mentors import pairing_import

    return _import(args, ctx, pairing_import.import_pairings, translate("MoveInCommands", "pairings"))


def cmd_import_care(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.talents import care_import

    return _import(args, ctx, care_import.import_care, translate("MoveInCommands", "care cases"))


def cmd_template(args: argparse.Namespace, ctx) -> int:
    from talentdesk.domain.errors import InputFileError
    from talentdesk.services.movein import write_template

    if not args.out.parent.exists():
        raise InputFileError(translate("MoveInCommands", "The folder {folder} does not exist.").format(
            folder=args.out.parent))
    path = write_template(kind=args.kind, out_path=args.out)
    ctx.emit({"path": str(path), "kind": args.kind},
             translate("MoveInCommands", "The {kind} template is written to {path}.").format(kind=args.kind, path=path))
    return 0


def cmd_export_payments(args: argparse.Namespace, ctx) -> int:
    from talentdesk.domain.errors import InputFileError
    from talentdesk.services.ledger.history_export import export_payment_history

    if not args.file.parent.exists():
        raise InputFileError(translate("MoveInCommands", "The folder {folder} does not exist.").format(
            folder=args.file.parent))
    with ctx.database().session(ctx.actor()) as s:
        n = export_payment_history(s, out_path=args.file)
    ctx.emit({"path": str(args.file), "rows": n},
             translate("MoveInCommands", "{n} rows of payment history written to {path}.").format(n=n, path=args.file))
    return 0
