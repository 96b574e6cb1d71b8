"""Which SQL statements the services behind each tab send, how long each takes and how SQLite runs it.

    python tests/bench/profile_queries.py [--talents N] [--workdir DIR] [--json]

Calls the same service functions the tabs call on first showing (with the arguments the tabs pass), on the
cached benchmark database, timing every statement (SQLAlchemy cursor events) and explaining the slow ones.
Read-only: every call runs in a session that is rolled back.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # noqa: E402


def calls():
    """(tab, label, fn, kwargs) as the tabs submit them on first showing."""
    from talentdesk.services.growth import events, overview, training
    from talentdesk.services.ledger import journal
    from talentdesk.services.mentors import pairings, pool
    from talentdesk.services.talents import registry
    today = bench.AS_OF
    out = [
        ("overview", "attention_items", overview.attention_items, {"today": today}),
        ("talents", "search_talents", registry.search_talents,
         {"query": registry.TalentQuery(), "offset": 0, "limit": 200, "with_total": True}),
        ("ledger", "list_entries", journal.list_entries, {"query": journal.EntryQuery(year=today.year)}),
        ("ledger", "list_entries (all years)", journal.list_entries, {"query": journal.EntryQuery()}),
        ("ledger", "entry_totals", journal.entry_totals, {"query": journal.EntryQuery(year=today.year)}),
        ("mentors", "list_mentors", pool.list_mentors, {}),
        ("mentors", "list_pairings", pairings.list_pairings, {"overdue_only": False, "today": today}),
        ("mentors", "count_unpaired_active", pairings.count_unpaired_active, {}),
        ("growth", "list_events", events.list_events, {"offset": 0, "limit": 200}),
        ("growth", "list_programs", training.list_programs, {}),
    ]
    return out


def main(argv=None) -> int:
    from sqlalchemy import event

    from talentdesk.services.base import Actor, Database

    p = bench.cached_db_arguments()
    p.add_argument("--db", help="profile this database instead of the cached one (e.g. a copy with more indexes)")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    path = Path(args.db) if args.db else bench.cached_db_path(Path(args.workdir), args.talents, args.seed)
    database = Database.open(path, backup_dir=Path(args.workdir) / "backups")
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    actor = Actor.local()
    stmts: list[dict] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        conn.info["t0"] = time.perf_counter()

    def after(conn, cursor, statement, parameters, context, executemany):
        stmts.append({"sql": statement, "params": parameters,
                      "ms": (time.perf_counter() - conn.info.pop("t0")) * 1000})

    event.listen(database.engine, "before_cursor_execute", before)
    event.listen(database.engine, "after_cursor_execute", after)
    report = []
    for tab, label, fn, kw in calls():
        with database.session(actor, readonly=True) as s:  # warm
            fn(s, **kw)
        stmts.clear()
        t = time.perf_counter()
        with database.session(actor, readonly=True) as s:
            res = fn(s, **kw)
        total = (time.perf_counter() - t) * 1000
        rows = getattr(res, "rows", res)
        n = len(rows) if isinstance(rows, (list, tuple)) else 1
        sql_ms = sum(x["ms"] for x in stmts)
        slow = sorted(stmts, key=lambda x: -x["ms"])[:3]
        # execute() runs a statement up to its first row (all of it for counts and sorted results); rows that
        # stream after the first are fetched later and count as "rest"
        entry = {"tab": tab, "call": label, "ms": round(total, 1), "sql_ms": round(sql_ms, 1),
                 "rest_ms": round(total - sql_ms, 1), "statements": len(stmts), "rows": n, "slowest": []}
        for x in slow:
            try:
                plan = bench.query_plan(raw, x["sql"], x["params"])
            except sqlite3.Error as exc:
                plan = [f"(could not explain: {exc})"]
            entry["slowest"].append({"ms": round(x["ms"], 1), "sql": " ".join(x["sql"].split())[:300], "plan": plan,
                                     "linear": bench.linear_scans(plan)})
        report.append(entry)
    raw.close()
    database.dispose()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        print(f"services behind the tabs at {args.talents:,} talents ({dt.date.today()})")
        for e in report:
            print(f"{e['tab']:<9} {e['call']:<26} {e['ms']:>8.1f} ms  (execute {e['sql_ms']:.1f} ms in {e['statements']} "
                  f"statements, fetch + Python {e['rest_ms']:.1f} ms, {e['rows']} rows)")
            for x in e["slowest"][:2]:
                if x["ms"] >= 5:
                    print(f"    {x['ms']:>8.1f} ms  {x['sql'][:150]}")
                    print(f"              plan: {' | '.join(x['plan'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
