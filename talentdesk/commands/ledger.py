"""Ledger commands: printing certificates and verifying a certificate's QR payload."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from talentdesk.commands.options import add_json
from talentdesk.i18n import translate


def register(sub) -> None:
    p = sub.add_parser("certificates", help="print payment certificates (one page each) into one PDF")
    p.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    p.add_argument("--year", type=int, default=None, help="every standing payment of this year")
    p.add_argument("--entry", type=int, action="append", default=None, metavar="ID",
                   help="a payment's ledger entry number (repeatable)")
    add_json(p)
    p.set_defaults(handler=cmd_certificates)

    p = sub.add_parser("verify", help="check a certificate's QR payload; exit 0 genuine, 1 not")
    p.add_argument("payload", help="the text of the QR code")
    add_json(p)
    p.set_defaults(handler=cmd_verify)


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
        result = print_certificates(s, out_path=args.out, entry_ids=args.entry, year=args.year, progress=progress)
    ctx.emit(result, translate("Cli", "{pages} certificates ({originals} first prints, {copies} copies) written to "
                                      "{path}.").format(pages=result.pages, originals=result.originals,
                                                        copies=result.copies, path=result.path))
    return 0


def cmd_verify(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.ledger.certificates import verify_payload

    database = ctx.database()
    with database.session(ctx.actor(), readonly=True) as s:
        result = verify_payload(s, payload=args.payload)
    ctx.emit(result, result.message)
    return 0 if result.genuine else 1
