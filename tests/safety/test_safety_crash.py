"""Crash safety, proven: a writer is killed with SIGKILL at many points; after each kill the database passes
integrity_check, every transaction reported as committed is there, and no transaction is half there."""
from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from talentdesk.store.integrity import integrity_check
from talentdesk.domain.errors import StorageError
from talentdesk.domain.models import Employer, LedgerEntry, SubsidyGrant
from talentdesk.services.base import Actor, Database

WRITER = Path(__file__).with_name("crash_writer.py")
KILL_POINTS = 30
LEDGER_ROWS, IMPORT_ROWS = 4, 25


def _state(path: Path) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """Rows per transaction number: ledger entries, employers, and audit entries of the crash writer."""
    conn = sqlite3.connect(path)
    try:
        ledger = Counter(int(m.split("-")[1]) for (m,) in conn.execute(
            "SELECT memo FROM ledger_entries WHERE memo LIKE 'crash-%'"))
        employers = Counter(int(n.split("-")[1]) for (n,) in conn.execute(
            "SELECT name FROM employers WHERE name LIKE 'crash-%'"))
        audits = conn.execute("SELECT count(*) FROM audit_entries WHERE actor_name = 'crash-writer'").fetchone()[0]
    finally:
        conn.close()
    return dict(ledger), dict(employers), audits


@pytest.mark.slow
def test_killing_the_writer_at_many_points_loses_no_committed_transaction(demo_db, record_property):
    with demo_db.session(Actor.local(), readonly=True) as s:
        grant = s.scalars(select(SubsidyGrant).limit(1)).one()
        grant_id, talent_id = grant.id, grant.talent_id
    path = demo_db.path
    demo_db.dispose()
    rng = random.Random(20261123)
    reported: set[int] = set()
    start, kills, in_flight_committed = 0, 0, 0
    t0 = time.monotonic()
    for _ in range(KILL_POINTS):
        proc = subprocess.Popen([sys.executable, str(WRITER), str(path), str(grant_id), str(talent_id), str(start)],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout.readline().strip() == "ready"
        lines: list[str] = [proc.stdout.readline()]  # at least one commit reported before the kill, however slow
        reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
        reader.start()
        time.sleep(rng.uniform(0.0, 0.25))  # a random point in the stream of commits
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no chance to clean up either way
        proc.wait()
        reader.join(5)
        kills += 1
        this_round = {int(x) for x in lines if x.strip().isdigit()}
        reported |= this_round
        assert integrity_check(path) == [], f"kill {kills}: integrity_check failed"
        ledger, employers, _ = _state(path)
        present = set(ledger) | set(employers)
        missing = reported - present
        assert not missing, f"kill {kills}: committed transactions lost: {sorted(missing)[:10]}"
        half = {n: c for n, c in ledger.items() if c != LEDGER_ROWS}
        half |= {n: c for n, c in employers.items() if c != IMPORT_ROWS}
        assert not half, f"kill {kills}: half-written transactions visible: {half}"
        in_flight_committed += len(present - reported)  # committed but killed before it could say so: whole too
        reported |= present
        start = max(present | {start - 1}) + 1
    ledger, employers, audits = _state(path)
    total_rows = sum(ledger.values()) + sum(employers.values())
    assert audits == total_rows  # every row's audit entry was committed with it, never without it
    assert len(reported) >= KILL_POINTS  # every round killed the writer after at least one reported commit
    # the database is usable afterwards, through the program
    database = Database.open(path)
    with database.session(Actor.local(), readonly=True) as s:
        assert s.scalar(select(LedgerEntry.id).where(LedgerEntry.memo.like("crash-%")).limit(1)) is not None
    database.dispose()
    figures = {"kill_points": kills, "transactions_checked": len(reported), "rows_checked": total_rows,
               "committed_but_unreported": in_flight_committed, "seconds": round(time.monotonic() - t0, 1)}
    record_property("crash_figures", figures)
    print(f"\ncrash figures: {figures}")


def test_a_full_disk_during_a_write_is_a_clear_error_and_the_database_stays_intact(demo_db):
    from sqlalchemy import event

    with demo_db.session(Actor.local(), readonly=True) as s:
        before = s.scalar(select(Employer.id).order_by(Employer.id.desc()).limit(1))
    pages = sqlite3.connect(demo_db.path).execute("PRAGMA page_count").fetchone()[0]

    @event.listens_for(demo_db.engine, "connect")
    def _tiny_disk(dbapi_conn, _record):  # the "disk" has room for 2 more pages
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    demo_db.engine.dispose()
    with pytest.raises(StorageError, match="disk is full") as info:
        with demo_db.session(Actor.local()) as s:
            s.add_all(Employer(name=f"填满磁盘-{i}", address="x" * 150) for i in range(5000))
    assert "unchanged" in info.value.message
    event.remove(demo_db.engine, "connect", _tiny_disk)
    demo_db.engine.dispose()
    assert integrity_check(demo_db.path) == []
    with demo_db.session(Actor.local(), readonly=True) as s:
        assert s.scalar(select(Employer.id).order_by(Employer.id.desc()).limit(1)) == before
    with demo_db.session(Actor.local()) as s:  # and once there is room again, writing works
        s.add(Employer(name="空间恢复后"))
