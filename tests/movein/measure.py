"""How long the payment-history import takes: `python tests/movein/measure.py [--talents 2000] [--seed 1]`.

Builds a fresh database with the generator's policies and talents, writes the 3-year history (about ten payments a
talent, amounts in 万 and as Excel floats, instalments implicit in a third of the rows), then imports it once with
the backup first, as the command does, and prints the time and the rows per second. Not a test: the figure goes
into the report; a test (test_payment_import) checks the totals to the fen.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from talentdesk.services.base import Actor, Database  # noqa: E402
from talentdesk.services.ledger import history_import, reconcile  # noqa: E402
from tests.movein.history_gen import history, setup  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--talents", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "measure.db")
        actor = Actor.local()
        with db.session(actor) as s:
            people = setup(s, talents=args.talents, seed=args.seed)
        written = history(people, Path(tmp) / "history.xlsx", seed=args.seed)
        start, cpu = time.perf_counter(), time.process_time()
        with db.session(actor) as s:
            result = history_import.import_payments(s, path=Path(tmp) / "history.xlsx", backup_first_=True)
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        with db.session(actor, readonly=True) as s:
            rec = reconcile.reconcile(s)
        db.dispose()
    print(f"{written.rows} payments and {written.back_rows} clawback/refund rows ({written.implicit} with the instalment left out, {written.wan} in 万, "
          f"{written.floats} as floats) and {result.extra['grants_created']} grants for {args.talents} talents "
          f"imported in {took:.2f} s ({result.imported / took:,.0f} rows/s) including the backup and the audit; "
          f"{cpu:.2f} s of CPU; load average {load:.1f} on {os.cpu_count()} cores")
    back = {k: v for k, v in written.back_by_policy_year.items()}
    got = {(r.policy, r.year): [r.clawbacks, r.clawback_fen, r.refunds, r.refund_fen] for r in rec.rows
           if r.clawbacks or r.refunds}
    same = rec.total_paid_fen == written.total_fen and got == back
    print(f"reconciliation {rec.total_paid_fen} fen paid, {rec.total_clawback_fen} clawed back, "
          f"{rec.total_refund_fen} refunded; generator {written.total_fen} fen paid: "
          f"{'equal per policy and year' if same else 'DIFFERENT'}")
    return 0 if result.imported == written.rows + written.back_rows and same else 1


if __name__ == "__main__":
    raise SystemExit(main())
