"""One clerk's process for the concurrent-writer test (tests/city/test_concurrent_writers.py): edits shared talent
records the way the editor does (read, change, save naming the version read; on a conflict read again and redo),
prints certificates and records payment orders from pools shared with the other processes. Prints one JSON line."""
from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path


def main(url: str, worker: int, edits: int, talent_ids: list[int], entry_ids: list[int],
         instalment_ids: list[int]) -> None:
    from talentdesk.domain.errors import EditConflict, TalentDeskError
    from talentdesk.services.base import Actor, Database
    from talentdesk.services.ledger import certificates, payments
    from talentdesk.services.talents import records

    rng = random.Random(worker)
    actor = Actor.local()
    database = Database.open(url, migrate=False)
    saved, conflicts, ops, refused = [], 0, 0, 0
    started = time.perf_counter()
    out_dir = Path(tempfile.mkdtemp(prefix=f"writer{worker}-"))
    money = [("cert", e) for e in entry_ids] + [("pay", i) for i in instalment_ids]
    rng.shuffle(money)
    for k in range(edits):
        tid = rng.choice(talent_ids)
        token = f"w{worker}k{k};"
        while True:
            with database.session(actor, readonly=True) as s:
                detail = records.get_talent(s, talent_id=tid)
            values = detail.editable_values()
            values["notes"] = (detail.notes or "") + token
            try:
                with database.session(actor) as s:
                    records.update_talent(s, talent_id=tid, values=values, expected_version=detail.version)
            except EditConflict:
                conflicts += 1
                continue
            ops += 1
            saved.append([tid, token])
            break
        if money and k % 2 == 1:
            kind, ident = money.pop()
            try:
                with database.session(actor) as s:
                    if kind == "cert":
                        certificates.print_certificates(s, out_path=str(out_dir / f"c{k}.pdf"), entry_ids=[ident])
                    else:
                        payments.record_payments(s, instalment_ids=[ident])
                ops += 1
            except TalentDeskError:
                refused += 1
    elapsed = time.perf_counter() - started
    database.dispose()
    print(json.dumps({"worker": worker, "saved": saved, "conflicts": conflicts, "ops": ops, "refused": refused,
                      "seconds": elapsed}))


if __name__ == "__main__":
    args = json.loads(sys.argv[1])
    main(**args)
