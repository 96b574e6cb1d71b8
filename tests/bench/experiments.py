"""Search shapes measured side by side on the benchmark's data, to choose what the talent search should run.

    python tests/bench/experiments.py [--talents N] [--workdir DIR] [--queries K] [--json]

Copies the talents, employers and tiers of the cached demo database (see run.py) into a scratch database in the
work folder, then times the same sampled queries (run.py's `sample_queries`) as first page of 200 + total, in
plain sqlite3, for each shape:

- `like_table`:      what main ran first: LIKE '%x%' / prefix ranges on the talents table;
- `covering_index`:  one covering index per column, `instr()` over the index (the talents branch's shape):
                     still reads every entry of the index, but the index is a fraction of the table;
- `fts5_trigram`:    an FTS5 table with the trigram tokenizer over name, ID number and phone (external content,
                     kept in step by triggers): substring search served by the index for 3+ characters;
                     1–2 character text falls back to the covering index of the name.

Nothing of the program is changed; the scratch database is deleted afterwards unless --keep.
"""
from __future__ import annotations

import json
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # noqa: E402

PAGE = bench.PAGE
PAGE_SQL = ("SELECT t.id, t.name, t.gender, t.tier_code, r.name, t.education, t.employer_id, e.name, t.post, "
            "t.arrival_date, t.service_end_date, t.status, t.id_number, t.phone FROM talents t "
            "JOIN tiers r ON r.code = t.tier_code LEFT JOIN employers e ON e.id = t.employer_id ")


def build_scratch(src: Path, dst: Path) -> dict:
    dst.unlink(missing_ok=True)
    con = sqlite3.connect(dst)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute(f"ATTACH DATABASE 'file:{src}?mode=ro' AS src")
    t = time.perf_counter()
    for table in ("talents", "employers", "tiers"):
        sql = con.execute("SELECT sql FROM src.sqlite_master WHERE type='table' AND name=?", (table,)).fetchone()[0]
        con.execute(sql)
        con.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}")  # noqa: S608
    for (sql,) in con.execute("SELECT sql FROM src.sqlite_master WHERE type='index' AND sql IS NOT NULL AND "
                              "tbl_name IN ('talents', 'employers', 'tiers')").fetchall():
        con.execute(sql)
    con.commit()
    con.execute("DETACH DATABASE src")
    copy_s = time.perf_counter() - t
    # the covering indexes of the talents branch's shape (id_number has its unique index already)
    t = time.perf_counter()
    con.execute("CREATE INDEX IF NOT EXISTS x_talents_name ON talents(name)")
    con.execute("CREATE INDEX IF NOT EXISTS x_talents_phone ON talents(phone)")
    con.execute("CREATE INDEX IF NOT EXISTS x_talents_id_number ON talents(id_number)")
    index_s = time.perf_counter() - t
    t = time.perf_counter()
    con.executescript("""
        CREATE VIRTUAL TABLE talents_fts USING fts5(name, id_number, phone, content='talents', content_rowid='id',
                                                    tokenize='trigram');
        INSERT INTO talents_fts(rowid, name, id_number, phone) SELECT id, name, id_number, phone FROM talents;
        CREATE TRIGGER talents_fts_ai AFTER INSERT ON talents BEGIN
          INSERT INTO talents_fts(rowid, name, id_number, phone) VALUES (new.id, new.name, new.id_number, new.phone);
        END;
        CREATE TRIGGER talents_fts_ad AFTER DELETE ON talents BEGIN
          INSERT INTO talents_fts(talents_fts, rowid, name, id_number, phone)
          VALUES ('delete', old.id, old.name, old.id_number, old.phone);
        END;
        CREATE TRIGGER talents_fts_au AFTER UPDATE OF name, id_number, phone ON talents BEGIN
          INSERT INTO talents_fts(talents_fts, rowid, name, id_number, phone)
          VALUES ('delete', old.id, old.name, old.id_number, old.phone);
          INSERT INTO talents_fts(rowid, name, id_number, phone) VALUES (new.id, new.name, new.id_number, new.phone);
        END;
    """)
    con.commit()
    fts_s = time.perf_counter() - t
    con.execute("ANALYZE")
    con.commit()
    con.close()
    size = dst.stat().st_size
    return {"copy_s": round(copy_s, 1), "indexes_s": round(index_s, 1), "fts_build_s": round(fts_s, 1),
            "scratch_mb": round(size / 2**20)}


def fts_bytes(con) -> int:
    try:
        return con.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'talents_fts%'").fetchone()[0] or 0
    except sqlite3.Error:
        return 0


def page_and_count_from_ids(con, ids: list[int]) -> tuple[list, int]:
    top = sorted(ids)[:PAGE]
    if not top:
        return [], 0
    marks = ",".join("?" * len(top))
    rows = con.execute(PAGE_SQL + f"WHERE t.id IN ({marks}) ORDER BY t.id", top).fetchall()  # noqa: S608
    return rows, len(ids)


def like_table(con, kind, value):
    return bench.raw_search(con, kind, value)


def covering_index(con, kind, value):
    if kind == "employer":
        return bench.raw_search(con, kind, value)
    if kind in ("initials", "pinyin"):
        lo, hi = bench._ascii_range(value)
        ids = [r[0] for r in con.execute(
            "SELECT id FROM talents WHERE name_initials >= ? AND name_initials < ? UNION "
            "SELECT id FROM talents WHERE name_pinyin >= ? AND name_pinyin < ?", (lo, hi, lo, hi))]
    elif kind in ("id_fragment", "phone_fragment"):
        ids = [r[0] for r in con.execute(
            "SELECT id FROM talents INDEXED BY x_talents_id_number WHERE instr(id_number, ?) > 0 UNION "
            "SELECT id FROM talents INDEXED BY x_talents_phone WHERE instr(phone, ?) > 0", (value.upper(), value))]
    else:
        ids = [r[0] for r in con.execute(
            "SELECT id FROM talents INDEXED BY x_talents_name WHERE instr(name, ?) > 0 UNION "
            "SELECT id FROM talents WHERE employer_id IN (SELECT id FROM employers WHERE instr(name, ?) > 0)",
            (value, value))]
    return page_and_count_from_ids(con, ids)


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts5_trigram(con, kind, value):
    if kind in ("employer", "initials", "pinyin"):
        return covering_index(con, kind, value)
    if kind in ("id_fragment", "phone_fragment"):
        if len(value) < 3:
            return covering_index(con, kind, value)
        ids = [r[0] for r in con.execute(
            "SELECT rowid FROM talents_fts WHERE talents_fts MATCH ?", (f"{{id_number phone}} : {_fts_phrase(value.upper())}",))]
        return page_and_count_from_ids(con, ids)
    # Chinese text: name (FTS for 3+ characters, else the name index) or employer name (small table)
    if len(value) >= 3:
        ids = [r[0] for r in con.execute(
            "SELECT rowid FROM talents_fts WHERE talents_fts MATCH ? UNION "
            "SELECT id FROM talents WHERE employer_id IN (SELECT id FROM employers WHERE instr(name, ?) > 0)",
            (f"name : {_fts_phrase(value)}", value))]
    else:
        return covering_index(con, kind, value)
    return page_and_count_from_ids(con, ids)


SHAPES = {"like_table": like_table, "covering_index": covering_index, "fts5_trigram": fts5_trigram}


def plans(con, queries) -> dict:
    out = {}
    v = queries["id_fragment"][0]
    out["id_fragment covering_index"] = [r[-1] for r in con.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM talents INDEXED BY x_talents_id_number WHERE instr(id_number, ?) > 0", (v,))]
    out["id_fragment fts5_trigram"] = [r[-1] for r in con.execute(
        "EXPLAIN QUERY PLAN SELECT rowid FROM talents_fts WHERE talents_fts MATCH ?", (f'{{id_number phone}} : "{v}"',))]
    return out


def main(argv=None) -> int:
    p = bench.cached_db_arguments()
    p.add_argument("--queries", type=int, default=30)
    p.add_argument("--keep", action="store_true")
    p.add_argument("--db", help="take the talents from this database (e.g. multiply_talents.py's) instead")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    src = Path(args.db) if args.db else bench.cached_db_path(Path(args.workdir), args.talents, args.seed)
    if not src.exists():
        raise SystemExit(f"no cached database at {src}: run tests/bench/run.py --talents {args.talents} first")
    dst = Path(args.workdir) / f"experiment-{args.talents}.db"
    bench.log(f"building the scratch database {dst}")
    build = build_scratch(src, dst)
    con = sqlite3.connect(dst)
    build["fts_mb"] = round(fts_bytes(con) / 2**20, 1)
    queries = bench.sample_queries(con, args.talents, args.queries, args.seed)
    result = {"talents": args.talents, "build": build, "shapes": {}, "plans": plans(con, queries)}
    for kind, values in queries.items():  # warm
        for fn in SHAPES.values():
            fn(con, kind, values[-1])
    for name, fn in SHAPES.items():
        per_kind, everything, totals = {}, [], {}
        for kind, values in queries.items():
            ms, cpu = [], []
            for v in values:
                wall, c, (rows, total) = bench.timed_cpu(fn, con, kind, v)
                ms.append(wall)
                cpu.append(c)
                totals[(kind, v)] = total
            everything += ms
            per_kind[kind] = {"p50_ms": bench.rnd(bench.pct(ms, 50)), "p95_ms": bench.rnd(bench.pct(ms, 95)),
                              "cpu_p95_ms": bench.rnd(bench.pct(cpu, 95))}
        result["shapes"][name] = {"p50_ms": bench.rnd(bench.pct(everything, 50)),
                                  "p95_ms": bench.rnd(bench.pct(everything, 95)), "by_kind": per_kind,
                                  "_totals": totals}
    # every shape must find the same talents as the plain LIKE
    ref = result["shapes"]["like_table"]["_totals"]
    for name, shape in result["shapes"].items():
        diff = [f"{k}={v!r}: {shape['_totals'][(k, v)]} vs {ref[(k, v)]}" for (k, v) in ref
                if shape["_totals"][(k, v)] != ref[(k, v)]]
        shape["disagrees_with_like"] = diff[:10]
    for shape in result["shapes"].values():
        del shape["_totals"]
    con.close()
    if not args.keep:
        dst.unlink(missing_ok=True)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"search shapes at {args.talents:,} talents (first page of {PAGE} + total), build {build}")
        kinds = list(queries)
        print(f"  {'kind':<16}" + "".join(f"{n:>22}" for n in SHAPES))
        for k in kinds:
            print(f"  {k:<16}" + "".join(f"{result['shapes'][n]['by_kind'][k]['p95_ms']:>16} ms p95" for n in SHAPES))
        print(f"  {'all':<16}" + "".join(f"{result['shapes'][n]['p95_ms']:>16} ms p95" for n in SHAPES))
        for n, s in result["shapes"].items():
            if s["disagrees_with_like"]:
                print(f"  {n} disagrees with LIKE: {s['disagrees_with_like']}")
        for k, v in result["plans"].items():
            print(f"  plan {k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
