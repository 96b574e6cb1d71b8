"""TalentDesk benchmark: every hot path beside a bare baseline measured in the same run on the same data.

    python tests/bench/run.py [--talents N] [--json] [--db PATH] [--reuse] [--workdir DIR] [--quick] [--out FILE]
    python tests/bench/run.py --pg postgresql://user@host/db [--talents N] [--out FILE]   (a server database)

Builds the demo database at N talents (default 100,000 ≈ 1,000,000 ledger entries) once and keeps it in the work
folder (default ~/.cache/talentdesk-bench, cached by size, seed and reference date), then measures:

- talent search exactly as the talents tab runs it (`search_talents`, first page of 200 with the total) for many
  different queries of each kind, p50/p95 ms, against the same filter written as plain SQL through `sqlite3`
  (the page and its total), plus EXPLAIN QUERY PLAN of what the program actually sent;
- opening each tab to its first rows, start-up to a usable window (fresh process, median of several) against a
  bare PySide6 window with a QTableView, and peak memory with the talents tab open (both in child processes);
- the ledger: yearly totals (against one SQL query), a talent statement and the three-year forecast;
- certificates: pages/s for a 1,000-page batch against bare ReportLab drawing the same page;
- import: a 100,000-row office roster (tests/talents/rosters.py), checked (validated rows/s) and imported with
  audit, watch-list signals and the hash chain (rows/s), beside the sheet read alone.

A figure whose code is not there yet is reported as {"available": false, "reason": ...}; the run still finishes.
The JSON has one key per figure and "bars": each bar of DESIGN.md §5 with the figure, the bar and whether it holds.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

AS_OF = dt.date(2026, 11, 23)  # fixed reference date: the same seed gives the same database on any day
DEFAULT_WORKDIR = Path(os.environ.get("TALENTDESK_BENCH_DIR", Path.home() / ".cache" / "talentdesk-bench"))
PAGE = 200  # the talents tab's page size


class NotAvailable(Exception):
    """The code this figure measures is not in this tree (yet)."""


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank on the sorted values, interpolated)."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def rnd(x, n=2):
    return None if x is None else round(x, n)


class _RollBack(Exception):
    pass


@contextlib.contextmanager
def rolled_back(database, actor):
    """A writing unit of work that is rolled back at the end, so a measurement leaves the database as it was."""
    try:
        with database.session(actor) as s:
            yield s
            raise _RollBack
    except _RollBack:
        pass


def timed(fn, *a, **kw) -> tuple[float, object]:
    t = time.perf_counter()
    r = fn(*a, **kw)
    return (time.perf_counter() - t) * 1000, r


def timed_cpu(fn, *a, **kw) -> tuple[float, float, object]:
    """(wall ms, CPU ms of this thread, result). CPU time is what the work costs even when other jobs load the
    machine; wall time is what a person waits. Both are reported; the bars are judged on wall time."""
    t, c = time.perf_counter(), time.thread_time()
    r = fn(*a, **kw)
    return (time.perf_counter() - t) * 1000, (time.thread_time() - c) * 1000, r


def timed_process_cpu(fn, *a, **kw) -> tuple[float, float, object]:
    """(wall ms, CPU ms of the whole process, result): for work that runs on more than one thread (an import writes
    on a second one while it checks), nothing else running in this process meanwhile."""
    t, c = time.perf_counter(), time.process_time()
    r = fn(*a, **kw)
    return (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000, r


def figure(fn):
    """Run one measurement; a missing API becomes "not available", any other failure an "error" entry."""
    def wrapper(*a, **kw):
        name = fn.__name__.removeprefix("measure_")
        t = time.perf_counter()
        log(f"{name} …")
        try:
            out = fn(*a, **kw)
        except NotAvailable as exc:
            out = {"available": False, "reason": str(exc)}
        except Exception as exc:  # noqa: BLE001 - one broken figure must not lose the others
            out = {"available": False, "error": f"{type(exc).__name__}: {exc}",
                   "traceback": traceback.format_exc(limit=6)}
        log(f"{name} done in {time.perf_counter() - t:.1f} s")
        return out
    wrapper.__name__ = fn.__name__
    return wrapper


def optional(module: str, *names: str):
    """Import names from a module of the program, or raise NotAvailable saying what is missing."""
    try:
        mod = __import__(module, fromlist=list(names))
    except ModuleNotFoundError as exc:
        raise NotAvailable(f"{module} is not in this tree ({exc.name})") from None
    missing = [n for n in names if not hasattr(mod, n)]
    if missing:
        raise NotAvailable(f"{module} has no {', '.join(missing)}")
    return [getattr(mod, n) for n in names]


# --------------------------------------------------------------------------------------------- the database

def cached_db_path(workdir: Path, talents: int, seed: int) -> Path:
    return workdir / f"demo-{talents}-seed{seed}-{AS_OF.isoformat()}.db"


def cached_db_arguments() -> argparse.ArgumentParser:
    """A parser that already takes --talents, --seed and --workdir, the options that name run.py's cached database
    (cached_db_path); the scripts beside it that work on that database add their own options."""
    p = argparse.ArgumentParser()
    p.add_argument("--talents", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workdir", default=str(DEFAULT_WORKDIR))
    return p


def build_database(path: Path, talents: int, seed: int) -> dict:
    """Generate the demo database into a temporary name and move it in place only when complete."""
    from talentdesk.services.base import Actor, Database
    from talentdesk.services.common.demo import generate_demo

    tmp = path.with_name(f"building-{path.name}")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    log(f"building the demo database at {talents:,} talents into {tmp} (this takes a while at large sizes)")
    t, cpu = time.perf_counter(), time.process_time()
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    database = Database.open(tmp, backup_dir=path.parent / "backups")
    # for the build only (a scratch file renamed into place when complete): no fsync and the rollback journal in
    # memory, so the one big transaction is written once (not into the WAL and then again into the file)
    database.engine.dispose()
    from sqlalchemy import event

    @event.listens_for(database.engine, "connect")
    def _build_pragmas(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=MEMORY")
        cur.execute("PRAGMA synchronous=OFF")
        cur.execute("PRAGMA secure_delete=OFF")
        cur.close()

    last = [-1]

    def progress(done, total, text):
        if done != last[0]:
            last[0] = done
            log(f"  demo [{done}/{total}] {text}")

    with database.session(Actor.local()) as s:
        summary = generate_demo(s, talents=talents, seed=seed, as_of=AS_OF, progress=progress)
    database.dispose()
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=WAL")  # as the program keeps it
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    os.replace(tmp, path)
    for p in (Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    load_after = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"seconds": round(time.perf_counter() - t, 1), "cpu_seconds": round(time.process_time() - cpu, 1),
            "ledger_entries": summary.ledger_entries,
            "load_average_before": [round(x, 2) for x in load_before] if load_before else None,
            "load_average_after": [round(x, 2) for x in load_after] if load_after else None}


def database_facts(path: Path) -> dict:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed table names
                  for t in ("talents", "employers", "subsidy_grants", "instalments", "ledger_entries", "payments",
                            "pairings", "checkins", "growth_events", "audit_entries")}
    finally:
        con.close()
    return {"path": str(path), "bytes": path.stat().st_size, "mb": round(path.stat().st_size / 2**20), "rows": counts}


# --------------------------------------------------------------------------------------------- talent search

RAW_COLS = ("t.id, t.name, t.gender, t.tier_code, r.name, r.name_en, t.education, t.employer_id, e.name, t.post, "
            "t.arrival_date, t.service_end_date, t.status, t.id_number, t.phone")


def _ascii_range(prefix: str) -> tuple[str, str]:
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def raw_condition(kind: str, value) -> tuple[str, tuple]:
    """The same filter as the UI's, written the plain way in SQL (what a developer would type into sqlite3)."""
    if kind in ("initials", "pinyin"):
        lo, hi = _ascii_range(value)
        return ("((t.name_initials >= ? AND t.name_initials < ?) OR (t.name_pinyin >= ? AND t.name_pinyin < ?))",
                (lo, hi, lo, hi))
    if kind in ("id_fragment", "phone_fragment"):
        return "(t.id_number LIKE ? OR t.phone LIKE ?)", (f"%{value.upper()}%", f"%{value}%")
    if kind == "employer":
        return "t.employer_id = ?", (value,)
    # Chinese text: name or employer name
    return ("(t.name LIKE ? OR t.employer_id IN (SELECT id FROM employers WHERE name LIKE ?))",
            (f"%{value}%", f"%{value}%"))


def raw_search(con: sqlite3.Connection, kind: str, value) -> tuple[list, int]:
    cond, params = raw_condition(kind, value)
    rows = con.execute(
        f"SELECT {RAW_COLS} FROM talents t JOIN tiers r ON r.code = t.tier_code "  # noqa: S608
        f"LEFT JOIN employers e ON e.id = t.employer_id WHERE {cond} ORDER BY t.id LIMIT {PAGE}", params).fetchall()
    total = con.execute(f"SELECT count(*) FROM talents t WHERE {cond}", params).fetchone()[0]  # noqa: S608
    return rows, total


def sample_queries(con: sqlite3.Connection, n_talents: int, per_kind: int, seed: int) -> dict[str, list]:
    """Many different, realistic queries of each kind, drawn from the data (deterministic for the seed)."""
    rng = random.Random(seed * 7919 + n_talents)
    ids = rng.sample(range(1, n_talents + 1), min(n_talents, per_kind * 3))
    marks = ",".join("?" * len(ids))
    people = con.execute(f"SELECT id, name, name_pinyin, name_initials, id_number, phone, employer_id "  # noqa: S608
                         f"FROM talents WHERE id IN ({marks})", ids).fetchall()
    rng.shuffle(people)
    employers = [r[0] for r in con.execute("SELECT id FROM employers ORDER BY id")]
    emp_names = [r[0] for r in con.execute("SELECT name FROM employers ORDER BY id")]
    q: dict[str, list] = {k: [] for k in ("name", "given_name", "initials", "pinyin", "id_fragment",
                                          "phone_fragment", "employer", "employer_text")}
    for p in people[:per_kind]:
        _id, name, py, ini, idn, phone, _emp = p
        q["name"].append(name)
        q["given_name"].append(name[1:] if len(name) > 2 else name[-1])
        q["initials"].append(ini[:3] if len(ini) >= 2 else ini)
        q["pinyin"].append(py)
        start = rng.randrange(6, len(idn) - 6)
        q["id_fragment"].append(idn[start:start + 6])
        q["phone_fragment"].append(phone[-6:])
    for _ in range(per_kind):
        q["employer"].append(rng.choice(employers))
        name = rng.choice(emp_names)
        cut = rng.randrange(0, max(1, len(name) - 4))
        q["employer_text"].append(name[cut:cut + 4])
    return q


def ui_query(kind: str, value):
    from talentdesk.services.talents.registry import TalentQuery

    if kind == "employer":
        return TalentQuery(employer_id=value)
    return TalentQuery(text=value)


@contextlib.contextmanager
def capture_sql(engine):
    from sqlalchemy import event

    seen: list[tuple[str, object]] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def query_plan(con: sqlite3.Connection, sql: str, params) -> list[str]:
    if isinstance(params, dict):
        rows = con.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    else:
        rows = con.execute("EXPLAIN QUERY PLAN " + sql, tuple(params or ())).fetchall()
    return [r[-1] for r in rows]


BIG_TABLES = ("talents", "ledger_entries", "instalments", "subsidy_grants", "payments", "growth_events", "checkins",
              "pairings", "audit_entries", "care_cases")


def linear_scans(plan: list[str]) -> list[str]:
    """Plan lines that read a whole big table (or a whole index of it): cost grows with the table, not the answer."""
    out = []
    for line in plan:
        words = line.split()
        if words and words[0] == "SCAN" and len(words) > 1:
            table = words[1]
            alias_of = {"t": "talents", "e": "employers", "r": "tiers"}.get(table, table)
            if alias_of in BIG_TABLES or table in BIG_TABLES:
                out.append(line)
    return out


@figure
def measure_search(database, actor, db_path: Path, n_talents: int, per_kind: int, seed: int) -> dict:
    from talentdesk.services.talents.registry import search_talents

    raw = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    queries = sample_queries(raw, n_talents, per_kind, seed)

    def app_search(kind, value):
        with database.session(actor, readonly=True) as s:
            return search_talents(s, query=ui_query(kind, value), offset=0, limit=PAGE, with_total=True)

    # warm both paths once (imports, statement caches, the OS page cache) on queries not measured
    for kind, values in queries.items():
        app_search(kind, values[-1])
        raw_search(raw, kind, values[-1])

    by_kind = {}
    all_app, all_raw, ratios, mismatches = [], [], [], []
    all_app_cpu, all_raw_cpu = [], []
    for kind, values in queries.items():
        app_ms, raw_ms, app_cpu, raw_cpu = [], [], [], []
        for v in values:
            a, ac, page = timed_cpu(app_search, kind, v)
            b, bc, (rows, total) = timed_cpu(raw_search, raw, kind, v)
            app_ms.append(a)
            raw_ms.append(b)
            app_cpu.append(ac)
            raw_cpu.append(bc)
            ratios.append(a / b if b > 0 else float("inf"))
            if page.total != total:
                mismatches.append({"kind": kind, "query": str(v), "program_total": page.total, "sql_total": total})
        all_app += app_ms
        all_raw += raw_ms
        all_app_cpu += app_cpu
        all_raw_cpu += raw_cpu
        by_kind[kind] = {"queries": len(values), "examples": [str(x) for x in values[:3]],
                         "p50_ms": rnd(pct(app_ms, 50)), "p95_ms": rnd(pct(app_ms, 95)),
                         "raw_p50_ms": rnd(pct(raw_ms, 50)), "raw_p95_ms": rnd(pct(raw_ms, 95)),
                         "ratio_p95": rnd(pct(app_ms, 95) / max(pct(raw_ms, 95), 1e-6)),
                         "cpu_p95_ms": rnd(pct(app_cpu, 95)), "raw_cpu_p95_ms": rnd(pct(raw_cpu, 95))}

    # what the program really sends, and how SQLite runs it
    plans = {}
    for kind, values in queries.items():
        with capture_sql(database.engine) as seen:
            app_search(kind, values[0])
        stmts = []
        for sql, params in seen:
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            try:
                plan = query_plan(raw, sql, params)
            except sqlite3.Error as exc:
                plan = [f"(could not explain: {exc})"]
            stmts.append({"sql": " ".join(sql.split())[:400], "plan": plan, "linear": linear_scans(plan)})
        cond, params = raw_condition(kind, values[0])
        raw_plan = query_plan(raw, f"SELECT count(*) FROM talents t WHERE {cond}", params)
        plans[kind] = {"program": stmts, "raw_count_plan": raw_plan,
                       "program_reads_whole_table": any(s["linear"] for s in stmts)}
    raw.close()
    p95, raw_p95 = pct(all_app, 95), pct(all_raw, 95)
    return {
        "available": True, "queries": len(all_app), "page": PAGE,
        "p50_ms": rnd(pct(all_app, 50)), "p95_ms": rnd(p95), "max_ms": rnd(max(all_app)),
        "raw_p50_ms": rnd(pct(all_raw, 50)), "raw_p95_ms": rnd(raw_p95),
        "ratio_p95": rnd(p95 / max(raw_p95, 1e-6)),
        "ratio_median_per_query": rnd(statistics.median(ratios)),
        "cpu_p50_ms": rnd(pct(all_app_cpu, 50)), "cpu_p95_ms": rnd(pct(all_app_cpu, 95)),
        "raw_cpu_p50_ms": rnd(pct(all_raw_cpu, 50)), "raw_cpu_p95_ms": rnd(pct(all_raw_cpu, 95)),
        "cpu_ratio_p95": rnd(pct(all_app_cpu, 95) / max(pct(all_raw_cpu, 95), 1e-6)),
        "baseline": "the same filter as plain SQL through sqlite3 (first page of 200 by id, plus count(*))",
        "total_mismatches": mismatches[:10],
        "by_kind": by_kind, "query_plans": plans,
    }


# --------------------------------------------------------------------------------------------- the window

def built_layout(workdir: Path) -> dict:
    """What the installed program has and a source tree lacks: compiled bytecode (kept under the work folder, not in
    the tree) and the schema head recorded beside the migrations (installer/build_data.py, as setup.py and
    build.spec write it), so opening a current database does not load Alembic. Both probes get the same."""
    import shutil as _shutil

    sys.path.insert(0, str(ROOT / "installer"))
    import build_data

    from talentdesk.store import db as dbmod

    built = workdir / "built-migrations"
    _shutil.rmtree(built, ignore_errors=True)
    _shutil.copytree(dbmod.migrations_dir(), built, ignore=_shutil.ignore_patterns("__pycache__"))
    build_data.write_head(built, built)
    return {"PYTHONPYCACHEPREFIX": str(workdir / f"pycache-{platform.python_version()}"),
            "TD_BENCH_MIGRATIONS": str(built)}


def _probe(mode: str, db: Path, timeout: float = 900, built: dict | None = None) -> dict:
    """Spawn the probe; start-up = spawn to READY on its stdout. Returns its timings and report."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(built or {}))
    if built:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, str(Path(__file__).with_name("ui_probe.py")), mode, str(db)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(ROOT), env=env)
    ready_ms = None
    report = {}
    try:
        for line in p.stdout:
            if line.strip() == "READY" and ready_ms is None:
                ready_ms = (time.perf_counter() - t0) * 1000
            elif line.startswith("{"):
                report = json.loads(line)
        p.wait(timeout=timeout)
    finally:
        if p.poll() is None:
            p.kill()
    if p.returncode != 0 or ready_ms is None:
        raise RuntimeError(f"{mode} probe failed (exit {p.returncode}): {p.stderr.read()[-2000:]}")
    report["ready_ms"] = ready_ms
    return report


@figure
def measure_window(db_path: Path, reps: int, warm: bool = True, workdir: Path | None = None) -> dict:
    """Start-up (median of `reps` fresh processes each), tab opening times and memory, from the same probes."""
    app_runs, bare_runs = [], []
    built = built_layout(workdir) if workdir is not None else None
    if warm or built:  # warm the OS file cache (and the bytecode) for Python, Qt and the database alike
        _probe("bare", db_path, built=built)
        _probe("app", db_path, built=built)
    for _ in range(reps):  # interleaved, so load from other work on the machine hits both alike
        bare_runs.append(_probe("bare", db_path, built=built))
        app_runs.append(_probe("app", db_path, built=built))
    app_ms = [r["ready_ms"] for r in app_runs]
    bare_ms = [r["ready_ms"] for r in bare_runs]
    tabs = {}
    for name in app_runs[0]["tabs"]:
        ms = [r["tabs"][name]["ms"] for r in app_runs]
        cpu = [r["tabs"][name].get("cpu_ms") for r in app_runs if r["tabs"][name].get("cpu_ms") is not None]
        tabs[name] = {"median_ms": rnd(statistics.median(ms)), "max_ms": rnd(max(ms)),
                      "cpu_median_ms": rnd(statistics.median(cpu)) if cpu else None,
                      "loaded": all(r["tabs"][name]["loaded"] for r in app_runs),
                      "initial": bool(app_runs[0]["tabs"][name].get("initial"))}
        complete = [r["tabs"][name].get("complete_ms") for r in app_runs if "complete_ms" in r["tabs"][name]]
        if complete:  # rows arrive in parts: `median_ms` is to the first rows, this to the last part
            tabs[name]["complete_median_ms"] = (rnd(statistics.median(complete)) if None not in complete else None)
    mem_tal = [r["memory_with_talents_tab"]["peak_mb"] for r in app_runs if r.get("memory_with_talents_tab")]
    mem_end = [r["memory_end"]["peak_mb"] for r in app_runs]
    errors = sorted({e for r in app_runs for e in r.get("errors", [])})
    app_cpu = [r["ready_cpu_ms"] for r in app_runs]
    bare_cpu = [r["ready_cpu_ms"] for r in bare_runs]
    startup = {"median_ms": rnd(statistics.median(app_ms), 0), "runs_ms": [round(x) for x in app_ms],
               "cpu_median_ms": rnd(statistics.median(app_cpu), 0),
               "bare_cpu_median_ms": rnd(statistics.median(bare_cpu), 0),
               "cpu_ratio": rnd(statistics.median(app_cpu) / statistics.median(bare_cpu)),
               "bare_median_ms": rnd(statistics.median(bare_ms), 0), "bare_runs_ms": [round(x) for x in bare_ms],
               "ratio": rnd(statistics.median(app_ms) / statistics.median(bare_ms)),
               # when the window also has the services (menus work, every tab can open): after the first rows
               "attached_in_process_median_ms": rnd(statistics.median(
                   r.get("in_process_attached_ms", r["in_process_ready_ms"]) for r in app_runs), 0),
               "definition": "fresh process to the main window shown with its first tab's rows loaded; "
                             "baseline: bare PySide6 QMainWindow + QTableView with the first 200 talents via sqlite3"
                             + ("; both as installed: bytecode compiled, the schema head recorded as a build does"
                                if built else "; from the source tree, no bytecode written")}
    memory = {"peak_rss_mb_with_talents_tab": rnd(max(mem_tal), 0) if mem_tal else None,
              "peak_rss_mb_all_tabs_visited": rnd(max(mem_end), 0),
              "bare_window_peak_rss_mb": rnd(max(r["memory"]["peak_mb"] for r in bare_runs), 0)}
    return {"available": True, "startup": startup, "tabs": tabs, "memory": memory, "errors": errors}


# --------------------------------------------------------------------------------------------- ledger

RAW_TOTALS = ("SELECT coalesce(t.kind, e.kind), sum(e.amount_fen) FROM ledger_entries e "
              "LEFT JOIN ledger_entries t ON t.id = e.reverses_id {where} GROUP BY 1")


@figure
def measure_ledger(database, actor, db_path: Path, reps: int, seed: int) -> dict:
    from talentdesk.services.ledger.journal import EntryQuery, entry_totals

    raw = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    out: dict = {"available": True}

    def run(fn, **kw):
        with database.session(actor, readonly=True) as s:
            return fn(s, **kw)

    totals = {}
    for label, q, where, params in (
        ("year", EntryQuery(year=AS_OF.year), "WHERE e.fiscal_year = ?", (AS_OF.year,)),
        ("all_years", EntryQuery(), "", ()),
    ):
        run(entry_totals, query=q)
        raw.execute(RAW_TOTALS.format(where=where), params).fetchall()
        a, b, ac, bc = [], [], [], []
        for _ in range(reps):
            wall, cpu, _r = timed_cpu(run, entry_totals, query=q)
            a.append(wall)
            ac.append(cpu)
            wall, cpu, _r = timed_cpu(lambda: raw.execute(RAW_TOTALS.format(where=where), params).fetchall())
            b.append(wall)
            bc.append(cpu)
        totals[label] = {"median_ms": rnd(statistics.median(a)), "raw_median_ms": rnd(statistics.median(b)),
                         "ratio": rnd(statistics.median(a) / max(statistics.median(b), 1e-6)),
                         "cpu_median_ms": rnd(statistics.median(ac)), "raw_cpu_median_ms": rnd(statistics.median(bc)),
                         "cpu_ratio": rnd(statistics.median(ac) / max(statistics.median(bc), 1e-6))}
    out["totals"] = totals

    # a talent statement, for talents that have ledger history
    try:
        (talent_statement,) = optional("talentdesk.services.ledger.journal", "talent_statement")
        rng = random.Random(seed)
        n = raw.execute("SELECT max(id) FROM talents").fetchone()[0]
        ids = [r[0] for r in raw.execute(
            f"SELECT DISTINCT talent_id FROM ledger_entries WHERE talent_id IN "  # noqa: S608
            f"({','.join(str(rng.randrange(1, n + 1)) for _ in range(reps * 10))})")][: reps * 4]
        run(talent_statement, talent_id=ids[0])
        m = [timed_cpu(run, talent_statement, talent_id=i) for i in ids]
        ms, cpu = [x[0] for x in m], [x[1] for x in m]
        out["statement"] = {"available": True, "statements": len(ms), "p50_ms": rnd(pct(ms, 50)),
                            "p95_ms": rnd(pct(ms, 95)), "cpu_p95_ms": rnd(pct(cpu, 95))}
    except NotAvailable as exc:
        out["statement"] = {"available": False, "reason": str(exc)}

    try:
        (forecast,) = optional("talentdesk.services.ledger.budgets", "forecast")
        run(forecast, as_of=AS_OF, years=3)
        m = [timed_cpu(run, forecast, as_of=AS_OF, years=3) for _ in range(reps)]
        ms, cpu = [x[0] for x in m], [x[1] for x in m]
        out["forecast"] = {"available": True, "median_ms": rnd(statistics.median(ms)), "max_ms": rnd(max(ms)),
                           "cpu_median_ms": rnd(statistics.median(cpu))}
    except NotAvailable as exc:
        out["forecast"] = {"available": False, "reason": str(exc)}
    raw.close()
    return out


# --------------------------------------------------------------------------------------------- certificates

@figure
def measure_certificates(database, actor, db_path: Path, pages: int, workdir: Path) -> dict:
    """The program's renderer against bare ReportLab drawing the same page from the same plain rows; then the
    whole service (database, serials, QR keys, PDF file) on real payments, rolled back so the data stays as it was."""
    render_certificates, bare_reportlab, sample_rows = optional(
        "talentdesk.reports.certificate", "render_certificates", "bare_reportlab", "sample_rows")
    (chinese_font,) = optional("talentdesk.reports.fonts", "chinese_font")
    rows = sample_rows(pages)
    chinese_font()  # font registration is a one-off per process: keep it out of both timings
    render_certificates(rows[:5], io.BytesIO(), total=5)
    bare_reportlab(rows[:5], io.BytesIO())
    buf = io.BytesIO()
    ours, ours_cpu, _ = timed_cpu(render_certificates, rows, buf, total=pages)
    base, base_cpu, _ = timed_cpu(bare_reportlab, rows, io.BytesIO())
    out = {"available": True, "pages": pages, "seconds": rnd(ours / 1000), "pages_per_s": rnd(pages / (ours / 1000), 1),
           "bare_seconds": rnd(base / 1000), "bare_pages_per_s": rnd(pages / (base / 1000), 1),
           "ratio": rnd(ours / base), "pdf_kb": round(len(buf.getvalue()) / 1024),
           "cpu_pages_per_s": rnd(pages / (ours_cpu / 1000), 1), "cpu_ratio": rnd(ours_cpu / base_cpu)}
    try:
        (print_certificates,) = optional("talentdesk.services.ledger.certificates", "print_certificates")
        raw = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        ids = [r[0] for r in raw.execute(
            "SELECT e.id FROM ledger_entries e WHERE e.kind = 'payment' AND NOT EXISTS "
            "(SELECT 1 FROM ledger_entries r WHERE r.reverses_id = e.id) ORDER BY e.id DESC LIMIT ?", (pages,))]
        raw.close()
        target = Path(tempfile.mkdtemp(dir=workdir)) / "certificates.pdf"
        with rolled_back(database, actor) as s:  # rolled back: no serial is used up
            ms, res = timed(print_certificates, s, out_path=target, entry_ids=ids)
        shutil.rmtree(target.parent, ignore_errors=True)
        out["service"] = {"available": True, "pages": res.pages, "seconds": rnd(ms / 1000),
                          "pages_per_s": rnd(res.pages / (ms / 1000), 1)}
    except NotAvailable as exc:
        out["service"] = {"available": False, "reason": str(exc)}
    return out


# --------------------------------------------------------------------------------------------- import

IMPORT_HEADERS = ["姓名", "性别", "身份证号", "出生日期", "民族", "籍贯", "联系电话", "学历", "学位", "毕业院校", "专业",
                  "职称", "人才类别", "用人单位", "岗位", "到岗日期", "服务期", "备注"]


def import_file(workdir: Path, rows: int, seed: int, employers: list[str]) -> Path:
    """A realistic import sheet of `rows` new people (valid ID numbers that the demo data does not use)."""
    path = workdir / f"import-{rows}-seed{seed}.xlsx"
    if path.exists():
        return path
    workdir.mkdir(parents=True, exist_ok=True)
    from faker import Faker
    from openpyxl import Workbook
    from stdnum.cn import ric

    from talentdesk.domain import enums as E
    from talentdesk.domain.labels import label
    from talentdesk.i18n import current_language, set_language

    rng = random.Random(seed + 4242)
    fake = Faker("zh_CN")
    fake.seed_instance(seed + 4242)
    before = current_language()
    set_language("zh_CN")
    edus = [e.value for e in E.Education if e.value in ("doctorate", "master", "bachelor")]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("人才")
    ws.append(IMPORT_HEADERS)
    used: set[str] = set()
    for i in range(rows):
        gender = "M" if rng.random() < 0.55 else "F"
        while True:
            birth = dt.date(1988, 6, 1) + dt.timedelta(days=rng.randrange(3800))  # the region exists since 1988
            # region 330782 (Yiwu) is not among the demo's regions, so these never collide with demo ID numbers
            body = f"330782{birth:%Y%m%d}{rng.randrange(100):02d}{rng.randrange(1, 10, 2) if gender == 'M' else rng.randrange(0, 10, 2)}"
            idn = body + ric.calc_check_digit(body + "0")
            if idn not in used and ric.is_valid(idn):  # stdnum knows when each region code existed
                used.add(idn)
                break
        arrival = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(3500))
        ws.append([
            fake.name_male() if gender == "M" else fake.name_female(), label(E.Gender, gender), idn,
            birth.isoformat(), "汉族", "浙江杭州", f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
            label(E.Education, rng.choice(edus)), "", "浙江大学", "临床医学", "", rng.choice("CDE"),
            rng.choice(employers), "技术员", arrival.isoformat(), rng.choice([3, 5, 8]), "",
        ])
    set_language(before)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    os.replace(tmp, path)
    return path


def roster_file(workdir: Path, rows: int, seed: int, db_path: Path) -> Path:
    """The import file: an office roster of `rows` new people in the shapes of issue 12 (title and 填报单位 rows above
    the header, office header names, A类/B类人才/full-width tiers, 五年/5年, dates as 2024年9月1日/2024.10.8/Excel
    serials/date-times, phones as Excel numbers/+86/dashes, genuine ID numbers of people born before their county's
    code existed, a merged employer cell, a 合计 row and notes below), written by tests/talents/rosters.py. No ID
    number or name is one the demo database holds; cached beside the database it was made for."""
    path = workdir / f"import-roster-v1-{rows}-seed{seed}-{db_path.stem}.xlsx"  # v: the generator's version
    if path.exists():
        return path
    from tests.talents.rosters import write_large_roster

    raw = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        employers = [r[0] for r in raw.execute("SELECT name FROM employers ORDER BY id LIMIT 50")]
        taken_ids = {r[0] for r in raw.execute("SELECT id_number FROM talents")}
        taken_names = {r[0] for r in raw.execute("SELECT name FROM talents")}
    finally:
        raw.close()
    workdir.mkdir(parents=True, exist_ok=True)
    log(f"writing the {rows:,}-row import roster …")
    write_large_roster(path, rows, seed=seed + 4242, employers=employers, taken_ids=taken_ids,
                       taken_names=taken_names)
    return path


@figure
def measure_import(database, actor, db_path: Path, rows: int, seed: int, workdir: Path) -> dict:
    (import_talents,) = optional("talentdesk.services.talents.importer", "import_talents")
    path = roster_file(workdir, rows, seed, db_path)
    (read_sheet,) = optional("talentdesk.services.talents.importer", "read_sheet")

    def read_all(p):  # every row's cells converted too (the reader converts a row when it is first read)
        for _row in read_sheet(p).rows:
            pass

    read_all(path)
    read_ms = statistics.median(timed(read_all, path)[0] for _ in range(3))
    with rolled_back(database, actor) as s:  # a dry run checks every row (and records that it did)
        ms, cpu, res = timed_cpu(import_talents, s, path=path, dry_run=True, today=AS_OF)
    valid = getattr(res, "valid_rows", None)
    rejected = getattr(res, "rejected", [])
    out = {"available": True, "rows": rows, "file": path.name, "valid_rows": valid, "rejected_rows": len(rejected),
           "not_data_rows": len(getattr(res, "not_data", []) or []),
           "first_rejections": [str(r) for r in rejected[:3]], "seconds": rnd(ms / 1000),
           "cpu_seconds": rnd(cpu / 1000),
           "validated_rows_per_s": rnd((valid or 0) / (ms / 1000), 0),
           "cpu_validated_rows_per_s": rnd((valid or 0) / (cpu / 1000), 0)}
    from talentdesk.domain.pinyin import pinyin_keys

    pinyin_keys("张三")  # pypinyin loads its dictionaries once per process (about a second): keep it out, as fonts
    with rolled_back(database, actor) as s:  # the real import, rolled back afterwards
        ms, cpu, res = timed_process_cpu(import_talents, s, path=path, skip_invalid=True, today=AS_OF)
        # the unit of work's own commit-time work (watch-list signals, the hash chain) is part of the import
        from talentdesk.services.base import seal_chain
        from talentdesk.services import watch_signals
        ms2, cpu2, _ = timed_process_cpu(lambda: (watch_signals.refresh_pending(s), seal_chain(s)))
    ms, cpu = ms + ms2, cpu + cpu2
    imported = getattr(res, "imported", 0) or 0
    out["full_import"] = {"imported": getattr(res, "imported", None), "seconds": rnd(ms / 1000),
                          "rows_per_s": rnd(imported / (ms / 1000), 0),
                          "cpu_seconds": rnd(cpu / 1000), "cpu_rows_per_s": rnd(imported / (cpu / 1000), 0),
                          "commit_work_seconds": rnd(ms2 / 1000),
                          "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
                          "note": "read + check + insert with audit, then what the commit would do (watch-list "
                                  "signals, sealing the hash chain), rolled back after timing; the pinyin dictionaries "
                                  "(a one-off per process) loaded beforehand; rows_per_s is wall time (what the clerk "
                                  "waits; the bar), cpu_rows_per_s the import's own CPU time on all its threads (it "
                                  "writes on a second thread while it checks: on a machine other jobs load, it waits "
                                  "for a second core)"}
    out["read_only_rows_per_s"] = rnd(rows / (read_ms / 1000), 0)
    out["baseline"] = ("validated_rows_per_s: the same file checked without writing; read_only_rows_per_s: the "
                       "sheet read alone (python-calamine), the floor of any import")
    return out


# --------------------------------------------------------------------------------------------- encryption at rest

def encrypted_copy(db_path: Path, workdir: Path, seed: int) -> tuple[Path, bytes]:
    """The same demo database encrypted in place by the program's own code (issue 15 item 5), cached beside it."""
    import hashlib

    from talentdesk.services.safety.encryption import encrypt_file_in_place
    from talentdesk.store import cipher

    key = hashlib.sha256(f"talentdesk bench key {seed}".encode()).digest()  # a bench file, not an office's
    enc = workdir / f"{db_path.stem}-encrypted.db"
    if not enc.exists() or enc.stat().st_mtime < db_path.stat().st_mtime:
        tmp = workdir / f"building-{enc.name}"
        for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
            p.unlink(missing_ok=True)
        shutil.copyfile(db_path, tmp)
        log(f"encrypting a copy of {db_path.name}")
        encrypt_file_in_place(tmp, key)
        con = cipher.connect(tmp, key=key)
        con.execute("PRAGMA journal_mode=WAL")  # as the program keeps it
        con.close()
        os.replace(tmp, enc)
    cipher.register(enc, key)
    return enc, key


def _alternating(reps: int, plain_fn, enc_fn) -> tuple[list[float], list[float], list[float], list[float]]:
    """Run both in turn (plain, encrypted, plain, …) so a change of load on the machine hits both alike."""
    p_ms, e_ms, p_cpu, e_cpu = [], [], [], []
    for i in range(reps):
        order = ((plain_fn, p_ms, p_cpu), (enc_fn, e_ms, e_cpu))
        for fn, ms, cpu in (order if i % 2 == 0 else order[::-1]):
            a, c, _ = timed_cpu(fn)
            ms.append(a)
            cpu.append(c)
    return p_ms, e_ms, p_cpu, e_cpu


@figure
def measure_encryption(db_path: Path, n_talents: int, per_kind: int, seed: int, workdir: Path, quick: bool) -> dict:
    """The encrypted database beside the plain one, same data, same program: talent search (every query kind),
    a full import with audit and chain (rolled back) and printing certificates (rolled back)."""
    from talentdesk.services.base import Actor, Database
    from talentdesk.services.ledger.certificates import print_certificates
    from talentdesk.services.talents.importer import import_talents
    from talentdesk.services.talents.registry import search_talents

    enc_path, _key = encrypted_copy(db_path, workdir, seed)
    actor = Actor.local()
    raw = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    queries = sample_queries(raw, n_talents, per_kind, seed)
    employers = [r[0] for r in raw.execute("SELECT name FROM employers ORDER BY id LIMIT 50")]
    pages = 50 if quick else 300
    ids = [r[0] for r in raw.execute(
        "SELECT e.id FROM ledger_entries e WHERE e.kind = 'payment' AND NOT EXISTS "
        "(SELECT 1 FROM ledger_entries r WHERE r.reverses_id = e.id) ORDER BY e.id DESC LIMIT ?", (pages,))]
    raw.close()
    plain = Database.open(db_path, backup_dir=workdir / "backups")
    enc = Database.open(enc_path, backup_dir=workdir / "backups")
    out: dict = {"available": True, "library": "sqlcipher3-wheels (SQLCipher 4, raw 256-bit key)",
                 "encrypted_mb": round(enc_path.stat().st_size / 2 ** 20, 1)}
    try:
        def search(database, kind, value):
            with database.session(actor, readonly=True) as s:
                return search_talents(s, query=ui_query(kind, value), offset=0, limit=PAGE, with_total=True)

        for kind, values in queries.items():  # warm both (caches, statement caches) on queries not measured
            search(plain, kind, values[-1])
            search(enc, kind, values[-1])
        p_all, e_all, pc_all, ec_all = [], [], [], []
        by_kind = {}
        for kind, values in queries.items():
            p_k, e_k = [], []
            for v in values:
                p, e, pc, ec = _alternating(1, lambda: search(plain, kind, v), lambda: search(enc, kind, v))
                p_k += p
                e_k += e
                pc_all += pc
                ec_all += ec
            p_all += p_k
            e_all += e_k
            by_kind[kind] = {"plain_p95_ms": rnd(pct(p_k, 95)), "encrypted_p95_ms": rnd(pct(e_k, 95)),
                             "ratio_p95": rnd(pct(e_k, 95) / max(pct(p_k, 95), 1e-6))}
        out["search"] = {"queries": len(p_all), "plain_p50_ms": rnd(pct(p_all, 50)), "plain_p95_ms": rnd(pct(p_all, 95)),
                         "encrypted_p50_ms": rnd(pct(e_all, 50)), "encrypted_p95_ms": rnd(pct(e_all, 95)),
                         "ratio_p95": rnd(pct(e_all, 95) / max(pct(p_all, 95), 1e-6)),
                         "ratio_p50": rnd(pct(e_all, 50) / max(pct(p_all, 50), 1e-6)),
                         "cpu_ratio_p95": rnd(pct(ec_all, 95) / max(pct(pc_all, 95), 1e-6)), "by_kind": by_kind}

        rows = 300 if quick else 2000
        sheet = import_file(workdir, rows, seed, employers)

        def full_import(database):
            with rolled_back(database, actor) as s:
                return import_talents(s, path=sheet, skip_invalid=True, today=AS_OF)

        full_import(plain)
        full_import(enc)
        reps = 1 if quick else 3
        p, e, pc, ec = _alternating(reps, lambda: full_import(plain), lambda: full_import(enc))
        out["import"] = {"rows": rows, "runs": reps, "plain_s": rnd(statistics.median(p) / 1000),
                         "encrypted_s": rnd(statistics.median(e) / 1000),
                         "ratio": rnd(statistics.median(e) / statistics.median(p)),
                         "cpu_ratio": rnd(statistics.median(ec) / statistics.median(pc)),
                         "note": "read + check + insert with audit and hash chain, rolled back after timing"}

        def certs(database):
            target = Path(tempfile.mkdtemp(dir=workdir)) / "certificates.pdf"
            try:
                with rolled_back(database, actor) as s:
                    return print_certificates(s, out_path=target, entry_ids=ids)
            finally:
                shutil.rmtree(target.parent, ignore_errors=True)

        certs(plain)
        certs(enc)
        p, e, pc, ec = _alternating(reps, lambda: certs(plain), lambda: certs(enc))
        out["certificates"] = {"pages": len(ids), "runs": reps, "plain_s": rnd(statistics.median(p) / 1000),
                               "encrypted_s": rnd(statistics.median(e) / 1000),
                               "ratio": rnd(statistics.median(e) / statistics.median(p)),
                               "cpu_ratio": rnd(statistics.median(ec) / statistics.median(pc))}
    finally:
        plain.dispose()
        enc.dispose()
    return out


# --------------------------------------------------------------------------------------------- plain replays

def replay(raw: sqlite3.Connection, seen: list) -> tuple[float, list[str]]:
    """Run the SELECTs a service sent through plain sqlite3, every row fetched: (ms, plan lines that read a whole
    big table). This is the same work with nothing of the program around it."""
    ms = 0.0
    linear: list[str] = []
    for sql, params in seen:
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        p = params if isinstance(params, dict) else tuple(params or ())
        t = time.perf_counter()
        raw.execute(sql, p).fetchall()
        ms += (time.perf_counter() - t) * 1000
        try:
            linear += linear_scans(query_plan(raw, sql, params))
        except sqlite3.Error:
            pass
    return ms, linear


def _service_vs_replay(database, actor, raw, fn, reps: int, **kw) -> dict:
    """A read service (median of `reps`, after one warm call) beside the same SQL replayed through sqlite3."""
    def call_it():
        with database.session(actor, readonly=True) as s:
            return fn(s, **kw)

    call_it()
    with capture_sql(database.engine) as seen:
        result = call_it()
    replay(raw, seen)  # warm
    runs = [timed_cpu(call_it) for _ in range(reps)]
    plain = [replay(raw, seen) for _ in range(reps)]
    ms, cpu = [r[0] for r in runs], [r[1] for r in runs]
    raw_ms = statistics.median(p[0] for p in plain)
    return {"median_ms": rnd(statistics.median(ms)), "cpu_median_ms": rnd(statistics.median(cpu)),
            "raw_median_ms": rnd(raw_ms), "ratio": rnd(statistics.median(ms) / max(raw_ms, 1e-6)),
            "rows": len(result) if hasattr(result, "__len__") else None,
            "statements": sum(1 for sql, _p in seen if sql.lstrip().upper().startswith(("SELECT", "WITH"))),
            "plain_reads_whole_table": sorted(set(plain[0][1]))}


# the plain program's overview: its first rows are the commitments ending soon, one indexed range read
RAW_SERVICE_ENDING = ("SELECT id, name, service_end_date FROM talents WHERE status = 'active' AND service_end_date >= ? "
                      "AND service_end_date <= ? ORDER BY service_end_date LIMIT 500")
# the plain program's board: a page of mentor columns by name with their loads, their newcomers, and the newest
# unpaired arrivals (the same page sizes as the program's)
RAW_BOARD = (
    "SELECT m.id, m.name, m.capacity, (SELECT count(DISTINCT p.talent_id) FROM pairings p "
    "WHERE p.mentor_id = m.id AND p.end_date IS NULL) FROM mentors m WHERE m.active = 1 ORDER BY m.name_pinyin, m.id "
    "LIMIT 40",
    "SELECT p.id, p.mentor_id, p.talent_id, t.name FROM pairings p JOIN talents t ON t.id = p.talent_id "
    "WHERE p.end_date IS NULL AND p.mentor_id IN ({ids})",
    "SELECT t.id, t.name, t.arrival_date FROM talents t WHERE t.status = 'active' AND NOT EXISTS (SELECT 1 FROM "
    "pairings p WHERE p.talent_id = t.id AND p.end_date IS NULL) ORDER BY t.arrival_date DESC LIMIT 300",
)


def raw_first_rows(raw: sqlite3.Connection, reps: int) -> dict:
    """What a plain sqlite3 program does for the overview's and the board's first rows (indexed queries)."""
    def overview_rows():
        return raw.execute(RAW_SERVICE_ENDING, (AS_OF.isoformat(),
                                                (AS_OF + dt.timedelta(days=183)).isoformat())).fetchall()

    def board_rows():
        mentors = raw.execute(RAW_BOARD[0]).fetchall()
        ids = ",".join(str(m[0]) for m in mentors) or "0"
        return mentors, raw.execute(RAW_BOARD[1].format(ids=ids)).fetchall(), raw.execute(RAW_BOARD[2]).fetchall()

    overview_rows()
    board_rows()
    o = [timed(overview_rows)[0] for _ in range(reps)]
    b = [timed(board_rows)[0] for _ in range(reps)]
    plans = {"overview": query_plan(raw, RAW_SERVICE_ENDING, ("2026-01-01", "2026-06-01")),
             "board_unpaired": query_plan(raw, RAW_BOARD[2], ())}
    return {"overview_ms": rnd(statistics.median(o)), "mentors_ms": rnd(statistics.median(b)), "plans": plans}


@figure
def measure_tabs_plain(database, actor, db_path: Path, reps: int) -> dict:
    """The services behind the overview and the board, in this process, beside the same SQL through sqlite3, and
    the plain program's first rows (no Qt in either: the window figures come from the probes)."""
    from talentdesk.services.growth import overview
    from talentdesk.services.mentors import board

    from talentdesk.ui.mentors.tab import MENTOR_PAGE, UNPAIRED_SHOWN

    raw = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        out = {"available": True, "plain_first_rows": raw_first_rows(raw, reps)}
        first = overview.LOAD_ORDER[0]
        out["overview_first_category"] = {"category": first} | _service_vs_replay(
            database, actor, raw, overview.attention_items, reps, today=AS_OF, categories=(first,))
        # every category (what follows the first rows): a reference figure, seconds at a city's size, so fewer runs
        out["overview_all"] = _service_vs_replay(database, actor, raw, overview.attention_items, min(reps, 2),
                                                 today=AS_OF)
        out["board"] = _service_vs_replay(database, actor, raw, board.board, reps, today=AS_OF,
                                          unpaired_limit=UNPAIRED_SHOWN, mentor_limit=MENTOR_PAGE)
    finally:
        raw.close()
    return out


@figure
def measure_watch(database, actor, db_path: Path, reps: int) -> dict:
    """The watch list as its page asks for it, beside the same signal queries replayed through sqlite3."""
    (watch_list,) = optional("talentdesk.services.growth.risk", "watch_list")
    raw = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        out = {"available": True} | _service_vs_replay(database, actor, raw, watch_list, reps, today=AS_OF)
    finally:
        raw.close()
    out["baseline"] = "the same SQL the program sends, run through plain sqlite3 with every row fetched"
    return out


# --------------------------------------------------------------------------------------------- bars

def bar(value, limit, op: str, what: str, cpu=None) -> dict:
    """One bar: judged on the wall-clock figure; `cpu_figure` is the same figure from CPU time (what it would be
    on an otherwise idle machine) and `holds_on_cpu` whether the bar holds on that."""
    def ok(v):
        return None if v is None else (v <= limit if op == "<=" else v >= limit)

    out = {"figure": value, "bar": f"{op} {limit}", "holds": ok(value), "what": what}
    if value is None:
        out["note"] = "not available"
    if cpu is not None:
        out["cpu_figure"] = cpu
        out["holds_on_cpu"] = ok(cpu)
    return out


def _get(d: dict, *keys):
    for k in keys:
        if not isinstance(d, dict) or d.get("available") is False or k not in d:
            return None
        d = d[k]
    return d


def bars(result: dict) -> dict:
    s, w, c, i = result["search"], result["window"], result["certificates"], result["import"]
    wl, tp = result.get("watch", {}), result.get("tabs_plain", {})
    city = result["talents"] >= 1_000_000  # issue 18: tighter bars up to 100,000 talents, looser at a city's size
    first_rows = 1000 if city else 300

    def with_base(b: dict, baseline, what: str) -> dict:
        b["baseline"] = baseline
        b["baseline_is"] = what
        return b

    enc = result.get("encryption")
    encrypted = {} if not isinstance(enc, dict) or enc.get("available") is not True else {
        "encrypted_search_vs_plain": bar(_get(enc, "search", "ratio_p95"), 1.3, "<=",
                                         "talent search p95, encrypted ÷ plain database",
                                         _get(enc, "search", "cpu_ratio_p95")),
        "encrypted_import_vs_plain": bar(_get(enc, "import", "ratio"), 1.3, "<=",
                                         "full import (audit, chain), encrypted ÷ plain database",
                                         _get(enc, "import", "cpu_ratio")),
        "encrypted_certificates_vs_plain": bar(_get(enc, "certificates", "ratio"), 1.3, "<=",
                                               "printing certificates, encrypted ÷ plain database",
                                               _get(enc, "certificates", "cpu_ratio")),
    }
    return encrypted | {
        "filter_p95_ms": with_base(bar(_get(s, "p95_ms"), 50 if city else 20, "<=", "talent filter p95, ms",
                                       _get(s, "cpu_p95_ms")), _get(s, "raw_p95_ms"),
                                   "the same filter as plain SQL through sqlite3, p95 ms"),
        "filter_vs_raw_sql": bar(_get(s, "ratio_p95"), 2, "<=", "talent filter p95 ÷ raw SQL p95",
                                 _get(s, "cpu_ratio_p95")),
        "startup_vs_bare_window": with_base(bar(_get(w, "startup", "ratio"), 2, "<=", "start-up ÷ bare PySide6 window",
                                                _get(w, "startup", "cpu_ratio")),
                                            _get(w, "startup", "bare_median_ms"), "bare PySide6 window, ms"),
        "certificates_pages_per_s": bar(_get(c, "pages_per_s"), 100, ">=", "certificate pages per second",
                                        _get(c, "cpu_pages_per_s")),
        "certificates_vs_bare_reportlab": bar(_get(c, "ratio"), 1.3, "<=", "certificate time ÷ bare ReportLab",
                                              _get(c, "cpu_ratio")),
        "import_rows_per_s": bar(_get(i, "validated_rows_per_s"), 5000, ">=", "validated import rows per second",
                                 _get(i, "cpu_validated_rows_per_s")),
        "memory_mb": with_base(bar(_get(w, "memory", "peak_rss_mb_with_talents_tab"), 300, "<=",
                                   "peak RSS with the talents tab open, MB"),
                               _get(w, "memory", "bare_window_peak_rss_mb"), "bare PySide6 window, peak RSS MB"),
        "overview_first_rows_ms": with_base(
            bar(_get(w, "tabs", "overview", "median_ms"), first_rows, "<=",
                "overview (the first tab): window shown to its first rows, ms"),
            _get(tp, "plain_first_rows", "overview_ms"), "plain sqlite3: the first category by its index, ms"),
        "mentors_first_rows_ms": with_base(
            bar(_get(w, "tabs", "mentors", "median_ms"), first_rows, "<=", "mentor board tab opened to its first rows, ms"),
            _get(tp, "plain_first_rows", "mentors_ms"),
            "plain sqlite3: 40 mentor columns, their pairings and 300 unpaired, ms"),
        "watch_list_ms": with_base(bar(_get(wl, "median_ms"), 1000, "<=", "the watch list, ms", _get(wl, "cpu_median_ms")),
                                   _get(wl, "raw_median_ms"), "the same SQL through plain sqlite3, ms"),
        "full_import_rows_per_s": with_base(
            bar(_get(i, "full_import", "rows_per_s"), 10000, ">=", "import with checks, audit and chain, rows/s",
                _get(i, "full_import", "cpu_rows_per_s")),
            _get(i, "validated_rows_per_s"), "the same file checked without writing, rows/s"),
    }


# --------------------------------------------------------------------------------------------- main

def machine() -> dict:
    mem = None
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/meminfo", encoding="ascii") as fh:
            mem = round(int(fh.readline().split()[1]) / 2**20, 1)
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"cpus": os.cpu_count(), "memory_gib": mem, "platform": platform.platform(),
            "python": platform.python_version(), "processor": platform.processor() or platform.machine(),
            "load_average_at_start": [round(x, 2) for x in load] if load else None}


FIGURE_GROUPS = ("search", "ledger", "certificates", "import", "watch", "tabs_plain", "window")


def run(args) -> dict:
    from talentdesk import i18n
    from talentdesk.services.base import Actor, Database

    i18n.set_language("zh_CN")
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    build = None
    if args.db:
        db_path = Path(args.db)
        if not db_path.exists() or not args.reuse:
            if db_path.exists():
                raise SystemExit(f"{db_path} exists; pass --reuse to measure it as it is")
            build = build_database(db_path, args.talents, args.seed)
    else:
        db_path = cached_db_path(workdir, args.talents, args.seed)
        if not db_path.exists():
            build = build_database(db_path, args.talents, args.seed)
        else:
            log(f"reusing {db_path}")
    quick = args.quick
    reps = 1 if quick else args.startup_runs
    result: dict = {"talents": args.talents, "seed": args.seed, "as_of": AS_OF.isoformat(),
                    "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    "machine": machine(), "quick": quick}
    result["database"] = database_facts(db_path) | ({"built": build} if build else {})
    # open (and if the schema moved on: back up and migrate) once, before any timing
    database = Database.open(db_path, backup_dir=workdir / "backups")
    actor = Actor.local()
    only = set(args.only.split(",")) if args.only else set(FIGURE_GROUPS)
    if args.encrypted and not args.only:
        only = {"encryption"}  # --encrypted alone: just the comparison (the other figures are the plain run's)
    elif args.encrypted:
        only.add("encryption")
    skipped = {"available": False, "reason": "not measured in this run (--only)"}
    try:
        result["search"] = measure_search(database, actor, db_path, args.talents, 5 if quick else args.queries,
                                          args.seed) if "search" in only else skipped
        result["ledger"] = measure_ledger(database, actor, db_path, 3 if quick else 7, args.seed) \
            if "ledger" in only else skipped
        result["certificates"] = measure_certificates(database, actor, db_path, 50 if quick else 1000, workdir) \
            if "certificates" in only else skipped
        result["import"] = measure_import(database, actor, db_path, 300 if quick else args.import_rows, args.seed, workdir) \
            if "import" in only else skipped
        result["watch"] = measure_watch(database, actor, db_path, 1 if quick else 3) if "watch" in only else skipped
        result["tabs_plain"] = measure_tabs_plain(database, actor, db_path, 1 if quick else 5) \
            if "tabs_plain" in only else skipped
    finally:
        database.dispose()
    result["window"] = measure_window(db_path, reps, warm=not quick, workdir=workdir) if "window" in only else skipped
    if "encryption" in only:
        result["encryption"] = measure_encryption(db_path, args.talents, 3 if quick else 10, args.seed, workdir,
                                                  quick)
    result["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    result["bars"] = bars(result)
    result["errors"] = [k for k, v in result.items() if isinstance(v, dict) and "error" in v]
    return result


def summary_table(r: dict) -> str:
    """The figures a person reads, one per line."""
    s, w, led, c, i = r["search"], r["window"], r["ledger"], r["certificates"], r["import"]
    lines = [f"TalentDesk benchmark at {r['talents']:,} talents "
             f"({_get(r, 'database', 'rows', 'ledger_entries') or 0:,} ledger entries, {r['database']['mb']} MB)"]

    def add(name, value, unit=""):
        lines.append(f"  {name:<44} {value if value is not None else 'not available'}{unit if value is not None else ''}")

    add("search p50 / p95", f"{_get(s, 'p50_ms')} / {_get(s, 'p95_ms')}" if _get(s, "p95_ms") is not None else None, " ms")
    add("raw SQL p50 / p95", f"{_get(s, 'raw_p50_ms')} / {_get(s, 'raw_p95_ms')}" if _get(s, "raw_p95_ms") is not None else None, " ms")
    add("search ÷ raw SQL (p95)", _get(s, "ratio_p95"), "×")
    add("search CPU p95 (raw SQL CPU p95)", f"{_get(s, 'cpu_p95_ms')} ({_get(s, 'raw_cpu_p95_ms')})"
        if _get(s, "cpu_p95_ms") is not None else None, " ms")
    for kind, v in (_get(s, "by_kind") or {}).items():
        add(f"  {kind} p95 (raw)", f"{v['p95_ms']} ({v['raw_p95_ms']})", " ms")
    add("start-up median (bare window)", f"{_get(w, 'startup', 'median_ms')} ({_get(w, 'startup', 'bare_median_ms')})"
        if _get(w, "startup") else None, " ms")
    add("start-up ÷ bare window", _get(w, "startup", "ratio"), "×")
    add("start-up CPU (bare window CPU)", f"{_get(w, 'startup', 'cpu_median_ms')} ({_get(w, 'startup', 'bare_cpu_median_ms')})"
        if _get(w, "startup") else None, " ms")
    for name, v in (_get(w, "tabs") or {}).items():
        add(f"tab {name} first rows", v["median_ms"], " ms")
    add("peak RSS, talents tab open", _get(w, "memory", "peak_rss_mb_with_talents_tab"), " MB")
    for label, v in (_get(led, "totals") or {}).items():
        add(f"ledger totals {label} (raw)", f"{v['median_ms']} ({v['raw_median_ms']})", " ms")
    add("talent statement p95", _get(led, "statement", "p95_ms"), " ms")
    add("three-year forecast", _get(led, "forecast", "median_ms"), " ms")
    add("certificates pages/s (bare ReportLab)", f"{_get(c, 'pages_per_s')} ({_get(c, 'bare_pages_per_s')})"
        if _get(c, "pages_per_s") is not None else None)
    add("certificates ÷ bare ReportLab", _get(c, "ratio"), "×")
    add("import validated rows/s", _get(i, "validated_rows_per_s"))
    add("import with audit rows/s (sheet read alone)", f"{_get(i, 'full_import', 'rows_per_s')} "
        f"({_get(i, 'read_only_rows_per_s')})" if _get(i, "full_import") else None)
    wl, tp = r.get("watch", {}), r.get("tabs_plain", {})
    add("watch list (same SQL via sqlite3)", f"{_get(wl, 'median_ms')} ({_get(wl, 'raw_median_ms')})"
        if _get(wl, "median_ms") is not None else None, " ms")
    add("overview complete, window", _get(w, "tabs", "overview", "complete_median_ms"), " ms")
    for label, key in (("overview first category", "overview_first_category"), ("overview all categories", "overview_all"),
                       ("mentor board", "board")):
        add(f"{label}, service (same SQL via sqlite3)", f"{_get(tp, key, 'median_ms')} ({_get(tp, key, 'raw_median_ms')})"
            if _get(tp, key) else None, " ms")
    add("plain first rows: overview / board", f"{_get(tp, 'plain_first_rows', 'overview_ms')} / "
        f"{_get(tp, 'plain_first_rows', 'mentors_ms')}" if _get(tp, "plain_first_rows") else None, " ms")
    e = r.get("encryption") or {}
    if _get(e, "search"):
        add("encrypted ÷ plain: search p95", _get(e, "search", "ratio_p95"), "×")
        add("  search p95 plain / encrypted", f"{_get(e, 'search', 'plain_p95_ms')} / "
            f"{_get(e, 'search', 'encrypted_p95_ms')}", " ms")
        add("encrypted ÷ plain: full import", _get(e, "import", "ratio"), "×")
        add("  import plain / encrypted", f"{_get(e, 'import', 'plain_s')} / {_get(e, 'import', 'encrypted_s')}", " s")
        add("encrypted ÷ plain: certificates", _get(e, "certificates", "ratio"), "×")
        add("  certificates plain / encrypted", f"{_get(e, 'certificates', 'plain_s')} / "
            f"{_get(e, 'certificates', 'encrypted_s')}", " s")
    lines.append(f"  load average at start {r['machine'].get('load_average_at_start')}, at end {r.get('load_average_at_end')}")
    lines.append("  bars:")
    for k, b in r["bars"].items():
        mark = "n/a " if b["holds"] is None else ("ok  " if b["holds"] else "MISS")
        cpu = f"; CPU-time figure {b['cpu_figure']}" if "cpu_figure" in b else ""
        cpu += f"; baseline {b['baseline']}" if b.get("baseline") is not None else ""
        lines.append(f"    {mark} {k:<34} {b['figure']} (bar {b['bar']}{cpu})")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------- PostgreSQL

def run_postgresql(args) -> dict:
    """The same demo database on a PostgreSQL server (docs/city.md): moved there from the cached SQLite file with
    `talentdesk move` (timed; an empty server database only), then talent search exactly as the talents tab runs it,
    p50/p95 over the same queries as the SQLite run, each total checked against the SQLite file's plain-SQL count."""
    from talentdesk import i18n
    from talentdesk.services.base import Actor, Database
    from talentdesk.services.talents.registry import search_talents
    from talentdesk.store import db as dbmod
    from talentdesk.store import move as mv

    i18n.set_language("zh_CN")
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    source = cached_db_path(workdir, args.talents, args.seed)
    if not source.exists():
        build_database(source, args.talents, args.seed)
    result: dict = {"talents": args.talents, "seed": args.seed, "as_of": AS_OF.isoformat(), "server": None,
                    "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "machine": machine()}
    src_db = Database.open(source, backup_dir=workdir / "backups")
    database = Database.open(args.pg)
    result["server"] = database.where
    with database.engine.connect() as conn:
        result["server_version"] = conn.exec_driver_sql("SHOW server_version").scalar()
    if mv.data_in(database.engine):
        log("the server database holds data already: measuring it as it is")
        result["move"] = {"available": False, "reason": "the server database held data already"}
    else:
        log(f"moving {source.name} to {database.where}")
        t0 = time.perf_counter()
        moved = mv.move(src_db.engine, database.engine, source_name=str(source), target_name=database.where,
                        progress=lambda d, t, name: log(f"  move [{d}/{t}] {name}"))
        result["move"] = {"available": True, "rows": moved.rows, "seconds": rnd(time.perf_counter() - t0, 1),
                          "rows_per_s": round(moved.rows / max(moved.seconds, 1e-6))}
    # as autovacuum leaves a loaded database (statistics, and the visibility map index-only scans need), measured
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    src_db.dispose()
    raw = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    per_kind = 5 if args.quick else args.queries
    queries = sample_queries(raw, args.talents, per_kind, args.seed)
    actor = Actor.local()

    def app_search(kind, value):
        with database.session(actor, readonly=True) as s:
            return search_talents(s, query=ui_query(kind, value), offset=0, limit=PAGE, with_total=True)

    for kind, values in queries.items():  # warm: connections, statement plans, the server's cache
        app_search(kind, values[-1])
    by_kind, everything, mismatches = {}, [], []
    for kind, values in queries.items():
        ms = []
        for v in values:
            a, _cpu, page = timed_cpu(app_search, kind, v)
            ms.append(a)
            _rows, total = raw_search(raw, kind, v)
            if page.total != total:
                mismatches.append({"kind": kind, "query": str(v), "server_total": page.total, "sqlite_total": total})
        everything += ms
        by_kind[kind] = {"queries": len(values), "p50_ms": rnd(pct(ms, 50)), "p95_ms": rnd(pct(ms, 95)),
                         "max_ms": rnd(max(ms))}
    raw.close()
    database.dispose()
    if hasattr(os, "getloadavg"):  # the machine is shared: its load while measuring goes with the figures
        result["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    p95 = pct(everything, 95)
    result["search"] = {"available": True, "queries": len(everything), "page": PAGE, "p50_ms": rnd(pct(everything, 50)),
                        "p95_ms": rnd(p95), "max_ms": rnd(max(everything)), "by_kind": by_kind,
                        "total_mismatches": mismatches[:10]}
    result["bars"] = {"search p95 on PostgreSQL": {"figure": rnd(p95), "bar": 50, "holds": p95 <= 50}}
    worst = max(by_kind, key=lambda k: by_kind[k]["p95_ms"])
    result["bars"]["search p95 of every kind on PostgreSQL"] = {
        "figure": by_kind[worst]["p95_ms"], "kind": worst, "bar": 50, "holds": by_kind[worst]["p95_ms"] <= 50}
    result["errors"] = ["search totals differ from the SQLite file"] if mismatches else []
    result["schema"] = dbmod.head_revision()
    return result


def postgresql_table(r: dict) -> str:
    s, m = r["search"], r["move"]
    lines = [f"TalentDesk benchmark on PostgreSQL {r.get('server_version')} at {r['talents']:,} talents ({r['server']})"]
    if m.get("available"):
        lines.append(f"  {'move from the SQLite file':<36} {m['rows']:,} rows in {m['seconds']} s "
                     f"({m['rows_per_s']:,} rows/s, counts and checksums equal)")
    lines.append(f"  {'search p50 / p95 / max':<36} {s['p50_ms']} / {s['p95_ms']} / {s['max_ms']} ms "
                 f"({s['queries']} queries, page {s['page']} with total)")
    for kind, v in s["by_kind"].items():
        lines.append(f"    {kind:<34} p50 {v['p50_ms']} ms, p95 {v['p95_ms']} ms, max {v.get('max_ms')} ms")
    lines.append(f"  totals equal to the SQLite file's: {'yes' if not s['total_mismatches'] else s['total_mismatches']}")
    for k, b in r["bars"].items():
        lines.append(f"  {'ok  ' if b['holds'] else 'MISS'} {k}: {b['figure']} ms (bar {b['bar']} ms)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--talents", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    p.add_argument("--db", help="measure this database file (built there if missing)")
    p.add_argument("--reuse", action="store_true", help="with --db: measure an existing file as it is")
    p.add_argument("--workdir", default=str(DEFAULT_WORKDIR), help="cache of demo databases and import files")
    p.add_argument("--queries", type=int, default=30, help="different queries per search kind")
    p.add_argument("--startup-runs", type=int, default=5, help="fresh processes per start-up figure")
    p.add_argument("--quick", action="store_true", help="few repetitions and small batches (smoke test)")
    p.add_argument("--import-rows", type=int, default=100_000, help="rows of the import roster (--quick: 300)")
    p.add_argument("--out", help="also write the JSON to this file")
    p.add_argument("--only", help=f"comma-separated subset of {','.join(FIGURE_GROUPS)} (default: all)")
    p.add_argument("--encrypted", action="store_true",
                   help="measure the encrypted database beside the plain one (search, import, certificates); "
                        "alone it measures only that")
    p.add_argument("--pg", help="a PostgreSQL database URL: move the demo there (if empty) and measure search on it")
    args = p.parse_args(argv)
    if args.pg:
        result = run_postgresql(args)
        text = json.dumps(result, ensure_ascii=False, indent=2)
        if args.out:
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            Path(args.out).write_text(text + "\n", encoding="utf-8")
        print(text if args.json else postgresql_table(result))
        return 1 if result["errors"] else 0
    result = run(args)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    if args.json:
        print(text)
    else:
        print(summary_table(result))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
