"""Ledger commands: printing certificates and verifying a certificate's QR payload."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from talentdesk.commands.options import command
from talentdesk.i18n import translate

OUT = ("--out", {"type": Path, "required": True})
REASON = ("--reason", {"required": True})
REQUEST = ("id", {"type": int})


def register(sub) -> None:
    command(sub, "certificates", cmd_certificates,
            ("--out", {"type": Path, "required": True, "help": "the PDF file to write"}),
            ("--year", {"type": int, "default": None, "help": "every standing payment of this year"}),
            ("--entry", {"type": int, "action": "append", "default": None, "metavar": "ID",
                         "help": "a payment's ledger entry number (repeatable)"}),
            help="print payment certificates (one page each) into one PDF", printing=True)
    command(sub, "verify", cmd_verify, ("payload", {"help": "the text of the QR code"}),
            ("--public-key", {"type": Path, "default": None, "metavar": "FILE",
                              "help": "check with the office's public key file alone (no database needed)"}),
            help="check a certificate's QR payload; exit 0 genuine, 1 not")
    command(sub, "reverse", cmd_reverse, ("entry", {"type": int, "metavar": "ENTRY_ID"}), REASON,
            help="reverse a ledger entry (with accounts: files a request for another account to approve)")
    command(sub, "waive", cmd_waive, ("grant", {"type": int, "metavar": "GRANT_ID"}), REASON,
            ("--amount-fen", {"type": int, "default": None}),
            help="waive what is owed on a grant (with accounts: a request for approval)")

    p = sub.add_parser("requests", help="requests waiting for approval: list | approve ID | reject ID --note TEXT")
    rsub = p.add_subparsers(dest="requests_command", required=True)
    command(rsub, "list", cmd_requests_list, ("--all", {"action": "store_true", "help": "decided requests too"}))
    command(rsub, "approve", cmd_requests_decide, REQUEST, ("--note", {"default": ""}))
    command(rsub, "reject", cmd_requests_decide, REQUEST, ("--note", {"required": True}))

    p = sub.add_parser("key", help="the office signing key: public | export | import | show")
    ksub = p.add_subparsers(dest="key_command", required=True)
    command(ksub, "show", cmd_key_show, help="the office key's fingerprint and how this PC protects it")
    command(ksub, "public", cmd_key_public, OUT, help="write the public key (for the finance bureau) to a file")
    command(ksub, "export", cmd_key_export, OUT,
            help="write the private key, protected by a password (TALENTDESK_KEY_PASSWORD or asked twice), for "
                 "safekeeping or a new PC")
    command(ksub, "import", cmd_key_import, ("file", {"type": Path}), help="install an exported office key on this PC")


def cmd_certificates(args: argparse.Namespace, ctx) -> int:
    from talentdesk.domain.errors import InputFileError
    from talentdesk.services.ledger.certificates import print_certificates

    if args.year is None and not args.entry:
        raise InputFileError(translate("Cli", "Give --year YYYY or at least one --entry ID."))
    if not args.out.parent.exists():
        raise InputFileError(translate("Cli", "The folder {folder} does not exist.").format(folder=args.out.parent))
    last = [0]

    def progress(done, total, _text):
        if not ctx.json and (done - last[0] >= 100 or done == total):
            last[0] = done
            print(f"[{done}/{total}]", file=sys.stderr)

    database = ctx.database()
    with database.session(ctx.actor()) as s:
        result = print_certificates(s, out_path=args.out, entry_ids=args.entry, year=args.year, progress=progress,
                                    accept_missing_glyphs=args.print_anyway)
    ctx.emit(result, translate("Cli", "{pages} certificates ({originals} first prints, {copies} copies) written to "
                                      "{path}.").format(pages=result.pages, originals=result.originals,
                                                        copies=result.copies, path=result.path))
    return 0


def cmd_verify(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.ledger.certificates import verify_payload, verify_with_public_key
    from talentdesk.services.safety.keys import public_key_from_file

    if args.public_key is not None:
        result = verify_with_public_key(args.payload, public_key_from_file(args.public_key))
        ctx.emit(result, result.message)
        return 0 if result.genuine else 1
    database = ctx.database()
    with database.session(ctx.actor(), readonly=True) as s:
        result = verify_payload(s, payload=args.payload)
    ctx.emit(result, result.message)
    return 0 if result.genuine else 1


def _key_password(confirm: bool) -> str:
    import getpass
    import os

    from talentdesk.domain.errors import InputFileError

    password = os.environ.get("TALENTDESK_KEY_PASSWORD")
    if password is not None:
        return password
    if not sys.stdin or not sys.stdin.isatty():
        raise InputFileError(translate("Cli", "No key password: set TALENTDESK_KEY_PASSWORD or run the command in a "
                                              "terminal to be asked."))
    try:
        password = getpass.getpass(translate("Cli", "Password for the key file: "))
        if confirm and getpass.getpass(translate("Cli", "The same password again: ")) != password:
            raise InputFileError(translate("Cli", "The two passwords differ."))
    except (EOFError, KeyboardInterrupt):
        raise InputFileError(translate("Cli", "No password was entered.")) from None
    return password


def cmd_key_show(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.safety import keys

    database = ctx.database()
    with database.session(ctx.actor(), readonly=True) as s:
        info = keys.office_key_info(s)
    if info is None:
        ctx.emit({"key": None}, translate("Cli", "This database has no office key yet: it is made when the first "
                                                 "certificate is printed."))
        return 0
    where = {"dpapi": translate("Cli", "encrypted for this Windows user (DPAPI)"),
             "keyring": translate("Cli", "in the system keyring"),
             "file": translate("Cli", "in a file in the data folder readable only by this user (no system keyring "
                                      "is available)")}[info.protection]
    text = translate("Cli", "Office key {fp}. On this PC: {here}.").format(
        fp=keys.pretty_fingerprint(info.fingerprint),
        here=where if info.private_here else translate("Cli", "missing — import it with talentdesk key import"))
    ctx.emit({"fingerprint": info.fingerprint, "private_here": info.private_here, "protection": info.protection}, text)
    return 0


def _key_written(ctx, fp: str, payload: dict, done_text: str) -> int:
    """Say what was done with the office key `fp` (its fingerprint, and `payload`)."""
    from talentdesk.services.safety import keys

    ctx.emit({"fingerprint": fp, **payload}, done_text.format(fp=keys.pretty_fingerprint(fp), **payload))
    return 0


def cmd_key_public(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.safety import keys

    return _key_written(ctx, ctx.run(keys.export_public_key, out_path=args.out), {"path": str(args.out)},
                        translate("Cli", "Public key {fp} written to {path}."))


def cmd_key_export(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.safety import keys

    password = _key_password(confirm=True)
    return _key_written(ctx, ctx.run(keys.export_key, out_path=args.out, password=password), {"path": str(args.out)},
                        translate("Cli", "Office key {fp} written to {path}, protected by the password. Keep the file "
                                         "and the password in separate safe places."))


def cmd_key_import(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.safety import keys

    password = _key_password(confirm=False)
    return _key_written(ctx, ctx.run(keys.import_key, in_path=args.file, password=password), {},
                        translate("Cli", "Office key {fp} is installed on this PC."))


def _emit_result(ctx, result, done_text: str) -> int:
    from talentdesk.services.ledger.approvals import PendingApproval

    if isinstance(result, PendingApproval):
        ctx.emit({"request": result.request_id, "summary": result.summary}, result.message)
    else:
        ctx.emit(result, done_text)
    return 0


def cmd_reverse(args: argparse.Namespace, ctx) -> int:
    import datetime as dt

    from talentdesk.services.ledger import journal

    result = ctx.run(journal.reverse_entry, entry_id=args.entry, reason=args.reason, on=dt.date.today())
    return _emit_result(ctx, result, translate("Cli", "Entry {id} reversed.").format(id=args.entry))


def cmd_waive(args: argparse.Namespace, ctx) -> int:
    import datetime as dt

    from talentdesk.services.ledger import payments

    result = ctx.run(payments.waive_obligation, grant_id=args.grant, reason=args.reason, on=dt.date.today(),
                     amount_fen=args.amount_fen)
    return _emit_result(ctx, result, translate("Cli", "Obligation on grant {id} waived.").format(id=args.grant))


def cmd_requests_list(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.ledger import approvals

    database = ctx.database()
    with database.session(ctx.actor(), readonly=True) as s:
        rows = approvals.list_requests(s, status=None if args.all else "pending")
    lines = [f"#{r.id} [{r.status}] {r.action_label}: {r.summary} — {r.requested_by} {r.requested_at:%Y-%m-%d %H:%M}"
             + (f" → {r.decided_by}" if r.decided_by else "") for r in rows]
    ctx.emit(rows, "\n".join(lines) or translate("Cli", "No request is waiting for approval."))
    return 0


def cmd_requests_decide(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.ledger import approvals

    database = ctx.database()
    with database.session(ctx.actor()) as s:
        if args.requests_command == "approve":
            row = approvals.approve_request(s, request_id=args.id, note=args.note)
        else:
            row = approvals.reject_request(s, request_id=args.id, note=args.note)
    ctx.emit(row, translate("Cli", "Request {id}: {status}.").format(id=row.id, status=row.status))
    return 0
