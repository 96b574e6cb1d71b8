"""A writer for the crash test: commits transactions through the program's own unit of work and prints the number
of each one only after its commit returned. Run as a script: crash_writer.py DB GRANT_ID TALENT_ID START."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from talentdesk.domain.enums import Role  # noqa: E402
from talentdesk.domain.models import Employer, LedgerEntry  # noqa: E402
from talentdesk.services.base import Actor, Database  # noqa: E402

LEDGER_ROWS = 4      # due +x, payment -x, due +y, payment -y: a balanced batch
IMPORT_ROWS = 25     # an import-like batch of new employers


def main() -> None:
    db_path, grant_id, talent_id, start = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    database = Database.open(db_path, migrate=False)
    actor = Actor(username="crash-writer", role=Role.CLERK, user_id=None)
    print("ready", flush=True)
    today = dt.date(2026, 11, 23)
    n = start
    while True:
        with database.session(actor) as s:
            if n % 2:
                s.add_all(Employer(name=f"crash-{n}-{k}", kind="import") for k in range(IMPORT_ROWS))
            else:
                for k in range(LEDGER_ROWS // 2):
                    amount = 100 + n + k
                    s.add(LedgerEntry(grant_id=grant_id, talent_id=talent_id, kind="due", amount_fen=amount,
                                      entry_date=today, fiscal_year=2026, memo=f"crash-{n}"))
                    s.add(LedgerEntry(grant_id=grant_id, talent_id=talent_id, kind="payment", amount_fen=-amount,
                                      entry_date=today, fiscal_year=2026, memo=f"crash-{n}"))
        print(n, flush=True)  # reported only after the commit returned
        n += 1


if __name__ == "__main__":
    main()
