"""The payment loop on the command line (issue 19): payment batches (公示, objections, approval, the bank file, the
bank's return), 在岗核验, bank accounts, bank file layouts and the working-day calendar. A policy, an employer or a
talent is named by its name, 文号, ID number or number; a batch by its number (PB2026-0001) or id."""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from talentdesk.commands.options import add_json, command, reference_date, reference_year
from talentdesk.i18n import translate


ID = ("id", {"metavar": "ID"})
OUT = ("--out", {"type": Path, "required": True})
DUE_BY = ("--due-by", {"type": reference_date, "default": None, "metavar": "DATE"})
TALENT = ("talent", {"metavar": "TALENT_ID"})


def register(sub) -> None:
    p = sub.add_parser("batch", help="payment batches: create | publicize | objection | approve | export-bank | "
                                     "import-return | correct | reissue | report | notice | cancel | show | list")
    bsub = p.add_subparsers(dest="batch_command", required=True)
    command(bsub, "create", cmd_create,
            ("--due-by", {"type": reference_date, "required": True, "metavar": "DATE"}),
            ("--policy", {"default": None, "help": "a policy's name, 文号 or number"}),
            ("--employer", {"default": None, "help": "an employer's name or number"}),
            help="gather confirmed, due instalments into a new batch")
    command(bsub, "publicize", cmd_publicize, ID,
            ("--start", {"type": reference_date, "required": True, "metavar": "DATE"}),
            ("--days", {"type": int, "default": 5, "help": "working days (default 5)"}),
            ("--out", {"type": Path, "required": True, "metavar": "FILE.pdf"}),
            ("--xlsx", {"type": Path, "default": None, "metavar": "FILE.xlsx", "help": "the notice as a workbook too"}),
            ("--contact", {"default": "", "help": "where to object (default: the office)"}),
            help="publish the batch for public notice (公示) and write the notice", printing=True)
    command(bsub, "objection", cmd_objection, ID,
            ("--talent", {"required": True, "metavar": "TALENT_ID"}), ("--note", {"required": True}),
            ("--upheld", {"action": "store_true", "help": "the objection is upheld: the person leaves the batch"}),
            help="record an objection against one person in the batch")
    command(bsub, "approve", cmd_approve, ID, help="approve the batch (exit 1 while its notice runs)")
    command(bsub, "export-bank", cmd_export, ID,
            ("--template", {"required": True, "metavar": "NAME", "help": "the bank file layout"}),
            ("--out", {"type": Path, "required": True, "metavar": "FILE"}), help="write the bank's payment file")
    command(bsub, "import-return", cmd_import_return, ID, ("file", {"type": Path, "metavar": "FILE"}),
            ("--pay-date", {"type": reference_date, "default": None, "metavar": "DATE"}),
            help="match the bank's return file to the batch, line by line")
    command(bsub, "correct", cmd_correct, ("item", {"type": int, "metavar": "LINE_ID"}),
            ("--account", {"default": None}), ("--holder", {"default": None}), ("--bank", {"default": None}),
            help="correct the account of a failed line (it becomes the talent's account)")
    command(bsub, "reissue", cmd_reissue, ID, help="a new batch for the failed lines")
    command(bsub, "report", cmd_report, ID, OUT, help="the batch's reconciliation report (.pdf or .xlsx)",
            printing=True)
    command(bsub, "notice", cmd_notice, ID, OUT, help="write the notice of a published batch again (.pdf or .xlsx)",
            printing=True)
    command(bsub, "cancel", cmd_cancel, ID, ("--reason", {"required": True}), help="give up a batch not yet sent")
    command(bsub, "show", cmd_show, ID, help="a batch, its lines and its figures")
    command(bsub, "list", cmd_list, help="every batch")

    p = sub.add_parser("verification", help="在岗核验: list | confirm | gone | form | rule")
    vsub = p.add_subparsers(dest="verification_command", required=True)
    command(vsub, "list", cmd_verification_list, DUE_BY, help="instalments waiting for in-post confirmation (待核验)")
    v = vsub.add_parser("confirm", help="record the employer's confirmation that talents are in post")
    who = v.add_mutually_exclusive_group(required=True)
    who.add_argument("--all", action="store_true")
    who.add_argument("--employer", default=None)
    who.add_argument("--talent", default=None, metavar="TALENT_ID")
    v.add_argument("--period", type=reference_year, default=None, metavar="YYYY")
    v.add_argument(DUE_BY[0], **DUE_BY[1])
    add_json(v)
    v.set_defaults(handler=cmd_verification_confirm)
    command(vsub, "gone", cmd_verification_gone, ("--talent", {"required": True, "metavar": "TALENT_ID"}),
            ("--left-on", {"type": reference_date, "required": True, "metavar": "DATE"}),
            ("--reason", {"required": True, "help": "the coded reason for leaving (see exit-reasons)"}),
            ("--note", {"default": ""}),
            help="the employer says the talent has left: records the departure and clawback")
    command(vsub, "form", cmd_verification_form, OUT, DUE_BY, ("--employer", {"default": None}),
            help="print the 在岗情况确认表 (one per employer)", printing=True)
    command(vsub, "rule", cmd_verification_rule, ("policy", {}),
            ("rule", {"choices": ("none", "yearly", "each")}),
            help="set a policy's verification rule: none | yearly | each")

    p = sub.add_parser("bank-account", help="a talent's bank account: show | set | import FILE")
    asub = p.add_subparsers(dest="account_command", required=True)
    command(asub, "show", cmd_account_show, TALENT)
    command(asub, "import", cmd_account_import, ("file", {"type": Path}), ("--dry-run", {"action": "store_true"}),
            ("--skip-invalid", {"action": "store_true"}),
            help="the office's list of bank accounts (.xlsx or .csv): ID number, account, bank, holder")
    command(asub, "set", cmd_account_set, TALENT, ("--account", {"required": True}), ("--bank", {"required": True}),
            ("--holder", {"default": ""}), ("--kind", {"choices": ("card", "social", "account"), "default": "card"}))

    p = sub.add_parser("bank-layouts", help="bank file layouts: list | copy SOURCE --name NEW | show NAME | edit NAME "
                                            "--file F.json")
    lsub = p.add_subparsers(dest="layouts_command", required=True)
    command(lsub, "list", cmd_layouts_list)
    command(lsub, "copy", cmd_layouts_copy, ("source", {}), ("--name", {"required": True}))
    command(lsub, "show", cmd_layouts_show, ("name", {}), help="a layout as JSON (edit it, then give it to `edit`)",
            json=False)
    command(lsub, "edit", cmd_layouts_edit, ("name", {}), ("--file", {"type": Path, "required": True}),
            help="change the office's own layout from a JSON file (as `show` prints it)")

    p = sub.add_parser("workdays", help="the working-day calendar: list --year Y | holiday DATE | workday DATE | "
                                        "clear DATE")
    wsub = p.add_subparsers(dest="workdays_command", required=True)
    command(wsub, "list", cmd_days_list, ("--year", {"type": reference_year, "default": None}))
    for kind in ("holiday", "workday"):
        command(wsub, kind, cmd_days_set, ("day", {"type": reference_date}), ("--name", {"default": ""}), kind=kind)
    command(wsub, "clear", cmd_days_clear, ("day", {"type": reference_date}))


# ------------------------------------------------------------------ batches

def _bid(s, text: str) -> int:
    from talentdesk.services.payments.batches import find_batch

    return find_batch(s, text)


def _yuan(fen: int) -> str:
    from talentdesk.domain.values import format_yuan

    return format_yuan(fen)


def cmd_create(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import batches, lookup

    with ctx.database().session(ctx.actor()) as s:
        policy = lookup.find_policy(s, args.policy).id if args.policy else None
        employer = lookup.find_employer(s, args.employer).id if args.employer else None
        r = batches.create_batch(s, due_by=args.due_by, policy_id=policy, employer_id=employer)
    text = translate("PaymentCli", "Batch {number} (id {id}): {n} lines, {total}.").format(
        number=r.number, id=r.batch, n=r.items, total=_yuan(r.total_fen))
    if r.skipped:
        text += "\n" + translate("PaymentCli", "Left out:") + "\n" + "\n".join(f"  {n}: {w}" for n, w in r.skipped)
    ctx.emit({"batch": r.batch, "items": r.items, "total_fen": r.total_fen}, text)
    return 0


def cmd_publicize(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import batches

    with ctx.database().session(ctx.actor()) as s:
        r = batches.publicize(s, batch_id=_bid(s, args.id), start=args.start, days=args.days, pdf_path=args.out,
                              xlsx_path=args.xlsx, contact=args.contact, accept_missing_glyphs=args.print_anyway)
    ctx.emit({"batch": r.batch, "notice_start": r.notice_start, "notice_end": r.notice_end, "days": r.days,
              "lines": r.lines, "files": list(r.paths)},
             translate("PaymentCli", "Batch {number} is under public notice from {start} to {end} ({days} working "
                                     "days); notice written to {files}.").format(
                 number=r.number, start=r.notice_start, end=r.notice_end, days=r.days, files=", ".join(r.paths)))
    return 0


def cmd_objection(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import batches, lookup

    with ctx.database().session(ctx.actor()) as s:
        talent = lookup.find_talent(s, args.talent)
        r = batches.record_objection(s, batch_id=_bid(s, args.id), talent_id=talent.id, note=args.note,
                                     upheld=args.upheld)
    ctx.emit(r, translate("PaymentCli", "Objection {id} against {talent} recorded; {outcome}.").format(
        id=r.id, talent=r.talent_name,
        outcome=translate("PaymentCli", "upheld: taken out of the batch") if r.upheld
        else translate("PaymentCli", "not upheld")))
    return 0


def cmd_approve(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import batches

    with ctx.database().session(ctx.actor()) as s:
        r = batches.approve_batch(s, batch_id=_bid(s, args.id))
    ctx.emit(r, translate("PaymentCli", "Batch {number} approved: {n} lines, {total}.").format(
        number=r.number, n=r.items, total=_yuan(r.total_fen)))
    return 0


def cmd_export(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import batches

    with ctx.database().session(ctx.actor()) as s:
        r = batches.export_bank_file(s, batch_id=_bid(s, args.id), layout=args.template, out_path=args.out)
    ctx.emit(r, translate("PaymentCli", "Bank file of batch {number} ({layout}): {n} lines, {total}, written to "
                                        "{path}.").format(number=r.number, layout=r.layout, n=r.lines,
                                                          total=_yuan(r.total_fen), path=r.path))
    return 0


def cmd_import_return(args: argparse.Namespace, ctx) -> int:
    from talentdesk.domain.errors import InputFileError
    from talentdesk.services.payments import batches

    if not args.file.is_file():
        raise InputFileError(translate("PaymentCli", "There is no file {path}.").format(path=args.file))
    with ctx.database().session(ctx.actor()) as s:
        r = batches.import_return(s, batch_id=_bid(s, args.id), path=args.file, pay_date=args.pay_date)
    ctx.emit({"paid": r.paid, "failed": r.failed, "paid_fen": r.paid_fen, "failed_fen": r.failed_fen},
             translate("PaymentCli", "{paid} paid ({paid_total}), {failed} failed ({failed_total}).").format(
                 paid=r.paid, paid_total=_yuan(r.paid_fen), failed=r.failed, failed_total=_yuan(r.failed_fen)))
    return 0


def cmd_correct(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import batches

    with ctx.database().session(ctx.actor()) as s:
        r = batches.correct_item(s, item_id=args.item, account_no=args.account, holder_name=args.holder,
                                 bank_name=args.bank)
    ctx.emit(r, translate("PaymentCli", "The account of {talent} is now {account} at {bank} ({holder}).").format(
        talent=r.talent_name, account=r.account_no, bank=r.bank_name, holder=r.holder_name))
    return 0


def cmd_reissue(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import batches

    with ctx.database().session(ctx.actor()) as s:
        r = batches.reissue_failed(s, batch_id=_bid(s, args.id))
    ctx.emit({"batch": r.batch, "items": r.items, "total_fen": r.total_fen},
             translate("PaymentCli", "Batch {number} (id {id}) re-issues {n} lines, {total}.").format(
                 number=r.number, id=r.batch, n=r.items, total=_yuan(r.total_fen)))
    return 0


def cmd_report(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import batches

    with ctx.database().session(ctx.actor()) as s:
        f = batches.write_report(s, batch_id=_bid(s, args.id), out_path=args.out,
                                 accept_missing_glyphs=args.print_anyway)
    ctx.emit(f, translate("PaymentCli", "Report written to {path}: sent {sent}, paid {paid}, failed {failed}, "
                                        "outstanding {outstanding}.").format(
        path=args.out, sent=_yuan(f.sent_fen), paid=_yuan(f.paid_fen), failed=_yuan(f.failed_fen),
        outstanding=_yuan(f.outstanding_fen)))
    return 0


def cmd_notice(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import batches

    with ctx.database().session(ctx.actor()) as s:
        path = batches.write_notice(s, batch_id=_bid(s, args.id), path=args.out,
                                    accept_missing_glyphs=args.print_anyway)
    ctx.emit({"path": path}, translate("PaymentCli", "Notice written to {path}.").format(path=path))
    return 0


def cmd_cancel(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import batches

    with ctx.database().session(ctx.actor()) as s:
        r = batches.cancel_batch(s, batch_id=_bid(s, args.id), reason=args.reason)
    ctx.emit(r, translate("PaymentCli", "Batch {number} cancelled.").format(number=r.number))
    return 0


def _batch_line(b) -> str:
    from talentdesk.services.payments.batches import status_text

    notice = f" {b.notice_start}→{b.notice_end}" if b.notice_start else ""
    return f"#{b.id} {b.number} [{status_text(b.stage)}]{notice} {b.items} × {_yuan(b.total_fen)}"


def cmd_show(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import batches

    with ctx.database().session(ctx.actor(), readonly=True) as s:
        d = batches.batch_detail(s, batch_id=_bid(s, args.id))
    f = d.figures
    lines = [_batch_line(d.batch)]
    lines += [f"  {i.line_no:>3} {i.talent_name} {i.policy_name} {i.seq}/{i.count} {_yuan(i.amount_fen)} "
              f"{i.account_no} [{batches.status_text(i.status)}] {i.fail_reason}"
              + (f" → {i.reissued_in}" if i.reissued_in else "") for i in d.items]
    lines += [translate("PaymentCli", "Objection from {date} about {talent}: {note} ({outcome})").format(
        date=o.received_on, talent=o.talent_name, note=o.note,
        outcome=translate("PaymentCli", "upheld") if o.upheld else translate("PaymentCli", "not upheld"))
        for o in d.objections]
    lines.append(translate("PaymentCli", "Sent {sent}, paid {paid}, failed {failed}, awaiting {awaiting}, "
                                         "outstanding {outstanding}.").format(
        sent=_yuan(f.sent_fen), paid=_yuan(f.paid_fen), failed=_yuan(f.failed_fen), awaiting=_yuan(f.awaiting_fen),
        outstanding=_yuan(f.outstanding_fen)))
    ctx.emit(d, "\n".join(lines))
    return 0


def cmd_list(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import batches

    with ctx.database().session(ctx.actor(), readonly=True) as s:
        rows = batches.list_batches(s)
    ctx.emit(rows, "\n".join(_batch_line(b) for b in rows) or translate("PaymentCli", "No payment batch yet."))
    return 0


# ------------------------------------------------------------------ 在岗核验

def cmd_verification_list(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import verification

    due_by = args.due_by or dt.date.today()
    with ctx.database().session(ctx.actor(), readonly=True) as s:
        rows = verification.list_pending(s, due_by=due_by)
    text = "\n".join(f"{r.employer_name or '—'}  {r.talent_name} (#{r.talent_id})  {r.policy_name} {r.seq}/{r.count} "
                     f"{r.due_date}  {r.period}" for r in rows)
    ctx.emit(rows, text or translate("PaymentCli", "Nobody is waiting for the in-post confirmation (instalments due by "
                                              "{date}).").format(
        date=due_by))
    return 0


def cmd_verification_confirm(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import lookup, verification

    due_by = args.due_by or (dt.date(args.period, 12, 31) if args.period else dt.date.today() + dt.timedelta(days=31))
    with ctx.database().session(ctx.actor()) as s:
        employer = lookup.find_employer(s, args.employer).id if args.employer else None
        talents = (lookup.find_talent(s, args.talent).id,) if args.talent else None
        r = verification.confirm_in_post(s, due_by=due_by, employer_id=employer, talent_ids=talents, year=args.period)
    ctx.emit(r, translate("PaymentCli", "{talents} talents confirmed in post ({n} confirmations); {inst} instalments "
                                        "are no longer waiting.").format(talents=r.talents, n=r.confirmed,
                                                                         inst=r.instalments))
    return 0


def cmd_verification_gone(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import lookup, verification

    with ctx.database().session(ctx.actor()) as s:
        talent = lookup.find_talent(s, args.talent)
        r = verification.record_gone(s, talent_id=talent.id, left_on=args.left_on, exit_reason=args.reason,
                                     note=args.note)
    ctx.emit(r, translate("PaymentCli", "{talent} recorded as gone: departure recorded, clawback owed {amount}.").format(
        talent=talent.name, amount=_yuan(r.clawback_fen)))
    return 0


def cmd_verification_form(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import lookup, verification

    due_by = args.due_by or dt.date.today() + dt.timedelta(days=31)
    with ctx.database().session(ctx.actor()) as s:
        employer = lookup.find_employer(s, args.employer).id if args.employer else None
        n = verification.write_confirmation_forms(s, due_by=due_by, out_path=args.out, employer_id=employer,
                                                  accept_missing_glyphs=args.print_anyway)
    ctx.emit({"employers": n, "path": str(args.out)}, translate(
        "PaymentCli", "{n} confirmation forms written to {path}.").format(n=n, path=args.out))
    return 0


def cmd_verification_rule(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import lookup, verification

    with ctx.database().session(ctx.actor()) as s:
        policy = lookup.find_policy(s, args.policy)
        verification.set_rule(s, policy_id=policy.id, rule=args.rule)
        name = policy.name
    ctx.emit({"policy": name, "rule": args.rule}, translate("PaymentCli", "{policy}: verification rule {rule}.").format(
        policy=name, rule=args.rule))
    return 0


# ------------------------------------------------------------------ accounts, layouts, calendar

def _account_text(r) -> str:
    if r is None:
        return translate("PaymentCli", "No bank account is recorded.")
    return f"{r.talent_name}: {r.account_no} {r.bank_name} ({r.holder_name}, {r.kind})"


def cmd_account_show(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import accounts, lookup

    with ctx.database().session(ctx.actor(), readonly=True) as s:
        r = accounts.get_account(s, talent_id=lookup.find_talent(s, args.talent).id)
    ctx.emit(r, _account_text(r))
    return 0


def cmd_account_import(args: argparse.Namespace, ctx) -> int:
    from talentdesk.domain.errors import InputFileError
    from talentdesk.services.payments.account_import import import_accounts

    if not args.file.is_file():
        raise InputFileError(translate("PaymentCli", "There is no file {path}.").format(path=args.file))
    with ctx.database().session(ctx.actor()) as s:
        r = import_accounts(s, path=args.file, dry_run=args.dry_run, skip_invalid=args.skip_invalid,
                            backup_first_=not args.dry_run)
    lines = [translate("PaymentCli", "{n} bank accounts imported ({valid} of {total} rows valid).").format(
        n=r.imported, valid=r.valid_rows, total=r.total_rows)]
    row_text = translate("PaymentCli", "row {row}")
    lines += [f"  {row_text.format(row=x.row)} [{x.column}]: {x.message}" for x in r.rejected[:50]]
    ctx.emit(r.as_json(), "\n".join(lines))
    return 1 if r.refused else 0


def cmd_account_set(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import accounts, lookup

    with ctx.database().session(ctx.actor()) as s:
        r = accounts.set_account(s, talent_id=lookup.find_talent(s, args.talent).id, kind=args.kind,
                                 account_no=args.account, bank_name=args.bank, holder_name=args.holder)
    ctx.emit(r, _account_text(r))
    return 0


def cmd_layouts_list(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import bankfiles

    with ctx.database().session(ctx.actor(), readonly=True) as s:
        rows = bankfiles.list_layouts(s)
    ctx.emit(rows, "\n".join(f"#{r.id} {r.name} ({r.file_format}, {r.encoding}, {r.amount_unit})"
                             + (" *" if r.builtin else "") for r in rows))
    return 0


def cmd_layouts_copy(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import bankfiles

    with ctx.database().session(ctx.actor()) as s:
        r = bankfiles.copy_layout(s, source=args.source, name=args.name)
    ctx.emit(r, translate("PaymentCli", "Layout {name} created (id {id}).").format(name=r.name, id=r.id))
    return 0


EDITABLE = ("file_format", "encoding", "delimiter", "amount_unit", "columns", "header_rows", "footer_rows",
            "return_mapping", "notes")


def _layout_json(r) -> dict:
    return {"name": r.name, "builtin": r.builtin, "file_format": r.file_format, "encoding": r.encoding,
            "delimiter": r.delimiter, "amount_unit": r.amount_unit,
            "columns": [{"field": f, "title": t} for f, t in r.columns],
            "header_rows": [list(x) for x in r.header_rows], "footer_rows": [list(x) for x in r.footer_rows],
            "return_mapping": r.return_mapping, "notes": r.notes}


def cmd_layouts_show(args: argparse.Namespace, ctx) -> int:
    import json

    from talentdesk.services.payments import bankfiles

    with ctx.database().session(ctx.actor(), readonly=True) as s:
        r = bankfiles.find_layout(s, args.name)
    print(json.dumps(_layout_json(r), ensure_ascii=True, indent=2))
    return 0


def cmd_layouts_edit(args: argparse.Namespace, ctx) -> int:
    import json

    from talentdesk.domain.errors import InputFileError
    from talentdesk.services.payments import bankfiles

    try:
        values = json.loads(args.file.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise InputFileError(translate("PaymentCli", "{path} is not a readable JSON file: {error}").format(
            path=args.file, error=exc)) from None
    if not isinstance(values, dict):
        raise InputFileError(translate("PaymentCli", "{path} is not a layout (a JSON object).").format(path=args.file))
    with ctx.database().session(ctx.actor()) as s:
        layout = bankfiles.find_layout(s, args.name)
        r = bankfiles.save_layout(s, layout_id=layout.id, values={k: v for k, v in values.items() if k in EDITABLE})
    ctx.emit(_layout_json(r), translate("PaymentCli", "Layout {name} saved.").format(name=r.name))
    return 0


def cmd_days_list(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import calendar

    year = args.year or dt.date.today().year
    with ctx.database().session(ctx.actor(), readonly=True) as s:
        rows = calendar.list_days(s, year=year)
    ctx.emit(rows, "\n".join(f"{r.day} {r.kind} {r.name}" for r in rows)
             or translate("PaymentCli", "No public holidays are entered for {year}.").format(year=year))
    return 0


def cmd_days_set(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import calendar

    with ctx.database().session(ctx.actor()) as s:
        r = calendar.set_day(s, day=args.day, kind=args.kind, name=args.name)
    ctx.emit(r, f"{r.day} {r.kind} {r.name}")
    return 0


def cmd_days_clear(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.payments import calendar

    with ctx.database().session(ctx.actor()) as s:
        calendar.clear_day(s, day=args.day)
    ctx.emit({"day": args.day}, translate("PaymentCli", "{day} is an ordinary day again.").format(day=args.day))
    return 0
