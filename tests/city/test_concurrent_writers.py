"""Several clerks at once on one server: 2–10 writer PROCESSES edit the same talent records and share the money
work (certificate serials, payment orders). Every save names the version it read, so no edit is lost (a save over
a newer version is refused as a conflict, then redone on the newer version); money operations run one at a time
(the writer lock every write transaction takes on PostgreSQL), so no serial or payment order is doubled; the full
check passes afterwards."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text

ROOT = Path(__file__).resolve().parents[2]
FIGURES = []


def _setup(url: str):
    from talentdesk.domain.models import Certificate, Instalment, LedgerEntry, Payment
    from talentdesk.services.base import Actor, Database
    from talentdesk.services.common.demo import generate_demo

    database = Database.open(url)
    with database.session(Actor.local()) as s:
        generate_demo(s, talents=60, seed=11, as_of=dt.date(2026, 11, 23))
    with database.session(Actor.local(), readonly=True) as s:
        talents = [r[0] for r in s.execute(text("SELECT id FROM talents WHERE status = 'active' ORDER BY id LIMIT 3"))]
        printed = select(Certificate.entry_id)
        reversed_ = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
        entries = list(s.scalars(select(LedgerEntry.id).where(
            LedgerEntry.kind == "payment", LedgerEntry.id.not_in(printed), LedgerEntry.id.not_in(reversed_))
            .order_by(LedgerEntry.id).limit(6)))
        ordered = {(g, q) for g, q in s.execute(select(Payment.grant_id, Payment.instalment_seq).where(
            Payment.status != "cancelled"))}
        instalments = [i for i, g, q in s.execute(select(Instalment.id, Instalment.grant_id, Instalment.seq).where(
            Instalment.posted.is_(False), Instalment.cancelled.is_(False),
            Instalment.due_date <= dt.date.today()).order_by(Instalment.id)) if (g, q) not in ordered][:6]
    return database, talents, entries, instalments


@pytest.mark.parametrize("writers", [2, 10])
def test_concurrent_writer_processes_lose_nothing_and_double_nothing(pg_url, writers):
    from talentdesk.domain.models import Certificate, Instalment, Payment, Talent
    from talentdesk.services.base import Actor
    from talentdesk.store.integrity import server_check

    database, talents, entries, instalments = _setup(pg_url)
    assert len(talents) == 3 and entries
    edits = 12
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    procs = [subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("writers.py")), json.dumps({
            "url": pg_url, "worker": w, "edits": edits, "talent_ids": talents, "entry_ids": entries,
            "instalment_ids": instalments})], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for w in range(writers)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err[-3000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    wall = time.perf_counter() - started
    saved = [tuple(x) for r in results for x in r["saved"]]
    assert len(saved) == writers * edits
    with database.session(Actor.local(), readonly=True) as s:
        notes = {t.id: t.notes for t in s.scalars(select(Talent).where(Talent.id.in_(talents)))}
        serials = list(s.scalars(select(Certificate.serial)))
        cert_entries = list(s.scalars(select(Certificate.entry_id).where(Certificate.entry_id.in_(entries))))
        pool = {(g, q) for g, q in s.execute(select(Instalment.grant_id, Instalment.seq).where(
            Instalment.id.in_(instalments)))}
        orders = [(g, q) for g, q in s.execute(select(Payment.grant_id, Payment.instalment_seq).where(
            Payment.status != "cancelled")) if (g, q) in pool]
        versions = {t.id: t.version for t in s.scalars(select(Talent).where(Talent.id.in_(talents)))}
    lost = [tok for tid, tok in saved if tok not in notes[tid]]
    assert lost == []  # no lost update
    for tid in talents:  # one version per save, nothing written twice
        assert notes[tid].count(";") == sum(1 for t, _ in saved if t == tid)
        assert versions[tid] == 1 + sum(1 for t, _ in saved if t == tid)
    assert len(serials) == len(set(serials))  # no duplicate serial
    assert sorted(cert_entries) == sorted(set(cert_entries))  # one original certificate per payment
    assert len(orders) == len(set(orders))  # one payment order per instalment
    report = server_check(database.engine, database.where)
    assert report.ok, report.text()
    database.dispose()
    conflicts = sum(r["conflicts"] for r in results)
    ops = sum(r["ops"] for r in results)
    FIGURES.append((writers, ops, wall, conflicts))
    line = (f"{writers} writer processes: {ops} operations in {wall:.1f} s = {ops / wall:.1f} ops/s, "
            f"{conflicts} conflicts shown and redone, 0 lost, {len(serials)} serials unique")
    print(line)
    out = os.environ.get("TALENTDESK_CITY_FIGURES")
    if out:
        with open(out, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")
